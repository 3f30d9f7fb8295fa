using System.Reflection;
using Ashyq.Core.Elections;

namespace Ashyq.Core.Audit;

/// <summary>
/// How one occurrence of an event ended, as NIST SP 1500-101 enumerates it (<c>EventDispositionType</c>):
/// recorded per occurrence, not per kind of event.
/// </summary>
public enum AuditDisposition
{
    Success,
    Failure,
    Na,
    Other,
}

/// <summary>The 1500-101 spelling of a disposition, as stored and exported.</summary>
public static class AuditDispositions
{
    public static string ToNist(this AuditDisposition disposition) => disposition switch
    {
        AuditDisposition.Success => "success",
        AuditDisposition.Failure => "failure",
        AuditDisposition.Na => "na",
        _ => "other",
    };

    /// <summary>A stored spelling back to its value; anything unknown is <see cref="AuditDisposition.Other"/>.</summary>
    public static AuditDisposition FromNist(string? text) => text switch
    {
        "success" => AuditDisposition.Success,
        "failure" => AuditDisposition.Failure,
        "na" => AuditDisposition.Na,
        _ => AuditDisposition.Other,
    };
}

/// <summary>
/// The category written as the 1500-101 <c>Event.Type</c>. The schema leaves the type a free string (the manufacturer
/// documents its types); these are named as VotingWorks names its event types (<c>user-action</c>,
/// <c>application-action</c>), so a reader of both logs can filter alike.
/// </summary>
public enum AuditEventType
{
    /// <summary>A person did something: typed, signed, accepted, signed in, was refused.</summary>
    UserAction,

    /// <summary>The application did something on its own or at a command (generation, an import as published, a demo seeding).</summary>
    ApplicationAction,
}

/// <summary>Whether an event stands alone or opens or closes a long action (VVSG 2.0 §15.1: a start and a completion).</summary>
public enum AuditPhase
{
    Single,
    Start,
    Completion,
}

/// <summary>
/// One kind of audit event: its stable id (never renamed: stored rows and exported logs carry it), its 1500-101
/// type, whether it opens or closes a long action (and which start a completion closes), and what it means in the
/// election's three languages.
/// </summary>
public sealed class AuditEvent
{
    internal AuditEvent(string id, AuditEventType type, AuditPhase phase, string? startId, LocalizedText description)
    {
        Id = id;
        Type = type;
        Phase = phase;
        StartId = startId;
        Description = description;
    }

    /// <summary>The stable dotted id, e.g. <c>protocol.accepted</c>: the 1500-101 <c>Event.Id</c>.</summary>
    public string Id { get; }

    public AuditEventType Type { get; }

    public AuditPhase Phase { get; }

    /// <summary>For a completion, the id of the start it closes; otherwise null.</summary>
    public string? StartId { get; }

    public LocalizedText Description { get; }

    /// <summary>The 1500-101 <c>Event.Type</c>: <c>user-action</c> or <c>application-action</c>.</summary>
    public string NistType => Type == AuditEventType.UserAction ? "user-action" : "application-action";

    public override string ToString() => Id;
}

/// <summary>A long action's pair of events: a start written before the work, a completion (success or failure) after it.</summary>
public sealed record AuditLongAction(AuditEvent Start, AuditEvent Completion);

/// <summary>
/// Every audit event Ashyq records, in one place (as VotingWorks generates its event types from one file). A call
/// to record an event names a member here, never a string; the export to NIST SP 1500-101 takes its id, type and
/// description from here. Ids are stable: add members, never rename one.
/// </summary>
public static class AuditEvents
{
    private const AuditEventType User = AuditEventType.UserAction;
    private const AuditEventType App = AuditEventType.ApplicationAction;

    // Accounts and access.
    public static readonly AuditEvent Login = Single("auth.login", User,
        "A sign-in with a user name and password (failure: a wrong name or password, or a locked account)",
        "Вход по имени пользователя и паролю (неуспех: неверное имя или пароль либо заблокированная учётная запись)",
        "Пайдаланушы аты мен құпиясөз арқылы кіру (сәтсіз: аты не құпиясөз қате немесе тіркелгі бұғатталған)");

    public static readonly AuditEvent LockedOut = Single("auth.locked-out", User,
        "An account was locked after too many failed sign-ins",
        "Учётная запись заблокирована после слишком многих неудачных попыток входа",
        "Тым көп сәтсіз кіру әрекетінен кейін тіркелгі бұғатталды");

    public static readonly AuditEvent Logout = Single("auth.logout", User,
        "An account signed out",
        "Выход из учётной записи",
        "Тіркелгіден шығу");

    public static readonly AuditEvent AccessDenied = Single("access.denied", User,
        "An account was refused a page or a step it may not take (HTTP 403, AUTH.FORBIDDEN)",
        "Учётной записи отказано в странице или действии, которые ей не разрешены (HTTP 403, AUTH.FORBIDDEN)",
        "Тіркелгіге рұқсат етілмеген бетке немесе әрекетке тыйым салынды (HTTP 403, AUTH.FORBIDDEN)");

    public static readonly AuditEvent ActionRefused = Single("action.refused", User,
        "An action was refused by the rules (its code in the detail): nothing of it was written",
        "Действие отклонено по правилам (код в подробностях): ничего из него не записано",
        "Әрекет ережелер бойынша қабылданбады (коды толығырақта): одан ештеңе жазылмады");

    // Precinct results protocols (ProtocolVersion's events; see ForProtocol).
    public static readonly AuditEvent ProtocolFirstEntryStarted = Start("protocol.first-entry-started", User,
        "An operator started the first entry of a precinct protocol",
        "Оператор начал первый ввод протокола участка",
        "Оператор учаске хаттамасын бірінші енгізуді бастады");

    public static readonly AuditEvent ProtocolFirstEntryFinished = Completion("protocol.first-entry-finished", ProtocolFirstEntryStarted, User,
        "The first entry of a precinct protocol was finished",
        "Первый ввод протокола участка завершён",
        "Учаске хаттамасын бірінші енгізу аяқталды");

    public static readonly AuditEvent ProtocolSecondEntryStarted = Start("protocol.second-entry-started", User,
        "A second operator started the independent second entry",
        "Второй оператор начал независимый второй ввод",
        "Екінші оператор тәуелсіз екінші енгізуді бастады");

    public static readonly AuditEvent ProtocolEntriesEqual = Completion("protocol.entries-equal", ProtocolSecondEntryStarted, User,
        "The second entry was finished and equals the first",
        "Второй ввод завершён и совпадает с первым",
        "Екінші енгізу аяқталды және біріншімен сәйкес келеді");

    public static readonly AuditEvent ProtocolEntriesDifferent = Completion("protocol.entries-different", ProtocolSecondEntryStarted, User,
        "The second entry was finished and differs from the first on the lines named",
        "Второй ввод завершён и расходится с первым в названных строках",
        "Екінші енгізу аяқталды және аталған жолдарда біріншіден өзгеше");

    public static readonly AuditEvent ProtocolDifferencesResolved = Single("protocol.differences-resolved", User,
        "The chair settled the differences between the two entries",
        "Председатель разрешил расхождения между двумя вводами",
        "Төраға екі енгізудің арасындағы айырмашылықтарды шешті");

    public static readonly AuditEvent ProtocolWarningAcknowledged = Single("protocol.warning-acknowledged", User,
        "A warning of the protocol was acknowledged with a reason",
        "Предупреждение по протоколу подтверждено с указанием причины",
        "Хаттама бойынша ескерту себебі көрсетіліп расталды");

    public static readonly AuditEvent ProtocolSigned = Single("protocol.signed", User,
        "The members' signatures on the protocol were recorded",
        "Записаны подписи членов комиссии под протоколом",
        "Комиссия мүшелерінің хаттамаға қойған қолдары жазылды");

    public static readonly AuditEvent ProtocolSubmitted = Single("protocol.submitted", User,
        "The signed protocol was submitted to the superior commission",
        "Подписанный протокол направлен в вышестоящую комиссию",
        "Қол қойылған хаттама жоғары тұрған комиссияға жіберілді");

    public static readonly AuditEvent ProtocolAccepted = Single("protocol.accepted", User,
        "The superior commission accepted the protocol: from now on it never changes",
        "Вышестоящая комиссия приняла протокол: отныне он не меняется",
        "Жоғары тұрған комиссия хаттаманы қабылдады: бұдан былай ол өзгермейді");

    public static readonly AuditEvent ProtocolReturned = Single("protocol.returned", User,
        "The superior commission returned the protocol with a reason",
        "Вышестоящая комиссия вернула протокол с указанием причины",
        "Жоғары тұрған комиссия хаттаманы себебін көрсетіп қайтарды");

    public static readonly AuditEvent ProtocolImportedAsPublished = Single("protocol.imported-as-published", App,
        "A protocol was loaded from an officially published result",
        "Протокол загружен из официально опубликованного результата",
        "Хаттама ресми жарияланған нәтижеден жүктелді");

    // Commissions' sessions and decisions.
    public static readonly AuditEvent SessionOpened = Single("session.opened", User,
        "A commission's session was opened, with those present and the quorum",
        "Открыто заседание комиссии: присутствующие и кворум",
        "Комиссия отырысы ашылды: қатысушылар және кворум");

    public static readonly AuditEvent DecisionVoted = Single("decision.voted", User,
        "A commission voted on a decision",
        "Комиссия проголосовала по решению",
        "Комиссия шешім бойынша дауыс берді");

    // Complaints.
    public static readonly AuditEvent ComplaintReceived = Single("complaint.received", User,
        "A complaint was received and registered",
        "Жалоба принята и зарегистрирована",
        "Шағым қабылданып, тіркелді");

    public static readonly AuditEvent ComplaintForwarded = Single("complaint.forwarded", User,
        "A complaint was forwarded to the body competent to decide it",
        "Жалоба передана органу, компетентному её рассмотреть",
        "Шағым оны қарауға құзыретті органға жіберілді");

    public static readonly AuditEvent ComplaintAnswered = Single("complaint.answered", User,
        "A complaint was answered by an official's letter, which is not a decision",
        "На жалобу дан ответ письмом должностного лица, а не решением",
        "Шағымға шешіммен емес, лауазымды тұлғаның хатымен жауап берілді");

    public static readonly AuditEvent ComplaintDecided = Single("complaint.decided", User,
        "A commission decided a complaint collegially",
        "Комиссия коллегиально приняла решение по жалобе",
        "Комиссия шағым бойынша алқалы түрде шешім қабылдады");

    public static readonly AuditEvent ComplaintCourtDecision = Single("complaint.court-decision", User,
        "A court's decision on a complaint was recorded",
        "Записано решение суда по жалобе",
        "Шағым бойынша сот шешімі жазылды");

    // Nomination and registration of candidates.
    public static readonly AuditEvent NominationReceived = Single("nomination.received", User,
        "A nomination was received",
        "Принято выдвижение кандидата",
        "Кандидатты ұсыну қабылданды");

    public static readonly AuditEvent NominationDocument = Single("nomination.document", User,
        "A document of a nominee's file was received",
        "В дело кандидата принят документ",
        "Кандидат ісіне құжат қабылданды");

    public static readonly AuditEvent NominationDemoSeeded = Single("nomination.demo-seeded", App,
        "The demo election's nomination files were written",
        "Записаны материалы выдвижения демонстрационных выборов",
        "Демо сайлаудың ұсыну құжаттары жазылды");

    public static readonly AuditEvent LanguageCriteriaPublished = Single("language.criteria-published", User,
        "The criteria of the state-language test were published",
        "Опубликованы критерии экзамена по государственному языку",
        "Мемлекеттік тіл емтиханының өлшемдері жарияланды");

    public static readonly AuditEvent LanguageTestRecorded = Single("language.test-recorded", User,
        "A nominee's state-language test was recorded",
        "Записан экзамен кандидата по государственному языку",
        "Кандидаттың мемлекеттік тіл емтиханы жазылды");

    public static readonly AuditEvent LanguageExamined = Single("language.examined", User,
        "A language test was examined and a conclusion given",
        "Экзамен по языку проверен, дано заключение",
        "Тіл емтиханы тексеріліп, қорытынды берілді");

    public static readonly AuditEvent ProxyRegistered = Single("proxy.registered", User,
        "A candidate's proxy was registered at a station",
        "Зарегистрировано доверенное лицо кандидата на участке",
        "Кандидаттың учаскедегі сенім білдірілген адамы тіркелді");

    public static readonly AuditEvent VerificationScheduled = Single("verification.scheduled", User,
        "A session to verify a nominee's support signatures was scheduled",
        "Назначено заседание по проверке подписей в поддержку кандидата",
        "Кандидатты қолдау қолдарын тексеру отырысы белгіленді");

    public static readonly AuditEvent VerificationNotice = Single("verification.notice", User,
        "Notice of a verification session was sent",
        "Направлено уведомление о заседании по проверке подписей",
        "Қолдарды тексеру отырысы туралы хабарлама жіберілді");

    public static readonly AuditEvent VerificationAttendance = Single("verification.attendance", User,
        "Attendance at a verification session was recorded",
        "Отмечено присутствие на заседании по проверке подписей",
        "Қолдарды тексеру отырысына қатысу белгіленді");

    public static readonly AuditEvent VerificationProtocolAdopted = Single("verification.protocol-adopted", User,
        "A commission adopted its protocol of the signature verification",
        "Комиссия утвердила протокол проверки подписей",
        "Комиссия қолдарды тексеру хаттамасын бекітті");

    public static readonly AuditEvent CandidateRegistered = Single("candidate.registered", User,
        "The CEC registered a nominee as a candidate",
        "ЦИК зарегистрировала кандидата",
        "ОСК кандидатты тіркеді");

    public static readonly AuditEvent CandidateRefused = Single("candidate.refused", User,
        "The CEC refused to register a nominee",
        "ЦИК отказала кандидату в регистрации",
        "ОСК кандидатты тіркеуден бас тартты");

    // Observation.
    public static readonly AuditEvent ObservationSubmitted = Single("observation.submitted", User,
        "Observers' forms were submitted",
        "Переданы формы наблюдателей",
        "Байқаушылардың нысандары жіберілді");

    // Long actions: a start before the work, a completion after it (success or failure).
    public static readonly AuditLongAction Generate = Long("election.generate", App,
        ("Generation of an election into the store started", "Начато создание выборов в хранилище", "Сайлауды деректер қоймасына жасау басталды"),
        ("Generation of an election into the store ended", "Создание выборов в хранилище завершено", "Сайлауды деректер қоймасына жасау аяқталды"));

    public static readonly AuditLongAction RegisterImport = Long("register.import", User,
        ("Import of a voter list file started", "Начат импорт файла списка избирателей", "Сайлаушылар тізімі файлын импорттау басталды"),
        ("Import of a voter list file ended", "Импорт файла списка избирателей завершён", "Сайлаушылар тізімі файлын импорттау аяқталды"));

    public static readonly AuditLongAction ResultsImport = Long("results.import", User,
        ("Import of a published results file (CSV) started", "Начат импорт файла опубликованных итогов (CSV)", "Жарияланған қорытындылар файлын (CSV) импорттау басталды"),
        ("Import of a published results file (CSV) ended", "Импорт файла опубликованных итогов (CSV) завершён", "Жарияланған қорытындылар файлын (CSV) импорттау аяқталды"));

    public static readonly AuditLongAction SignatureVerification = Long("signatures.verification", User,
        ("Verification of a file of support signatures started", "Начата проверка файла подписей в поддержку", "Қолдау қолдары файлын тексеру басталды"),
        ("Verification of a file of support signatures ended", "Проверка файла подписей в поддержку завершена", "Қолдау қолдары файлын тексеру аяқталды"));

    public static readonly AuditLongAction Publish = Long("publication.publish", User,
        ("Publication of the log, the records and the results started", "Начата публикация журнала, записей и итогов", "Журналды, жазбаларды және қорытындыларды жариялау басталды"),
        ("Publication of the log, the records and the results ended", "Публикация журнала, записей и итогов завершена", "Журналды, жазбаларды және қорытындыларды жариялау аяқталды"));

    public static readonly AuditLongAction AuditExport = Long("audit.export", User,
        ("Export of the audit log (NIST SP 1500-101) started", "Начата выгрузка журнала аудита (NIST SP 1500-101)", "Аудит журналын (NIST SP 1500-101) экспорттау басталды"),
        ("Export of the audit log (NIST SP 1500-101) ended", "Выгрузка журнала аудита (NIST SP 1500-101) завершена", "Аудит журналын (NIST SP 1500-101) экспорттау аяқталды"));

    private static readonly Lazy<IReadOnlyList<AuditEvent>> Members = new(Collect);
    private static readonly Lazy<IReadOnlyDictionary<string, AuditEvent>> ById = new(() => Members.Value.ToDictionary(e => e.Id, StringComparer.Ordinal));

    /// <summary>Every member of the catalogue, in the order of this file.</summary>
    public static IReadOnlyList<AuditEvent> All => Members.Value;

    /// <summary>The member with this id, or null (a stored row written by a later version, say).</summary>
    public static AuditEvent? Find(string id) => ById.Value.GetValueOrDefault(id);

    /// <summary>
    /// The member of a precinct protocol's event kind (<see cref="Results.ProtocolEvent.Kind"/>); a kind without a
    /// member is a programming error, and a test checks every kind the protocol records has one.
    /// </summary>
    public static AuditEvent ForProtocol(string kind) => kind switch
    {
        "first-entry-started" => ProtocolFirstEntryStarted,
        "first-entry-finished" => ProtocolFirstEntryFinished,
        "second-entry-started" => ProtocolSecondEntryStarted,
        "entries-equal" => ProtocolEntriesEqual,
        "entries-different" => ProtocolEntriesDifferent,
        "differences-resolved" => ProtocolDifferencesResolved,
        "warning-acknowledged" => ProtocolWarningAcknowledged,
        "signed" => ProtocolSigned,
        "submitted" => ProtocolSubmitted,
        "accepted" => ProtocolAccepted,
        "returned" => ProtocolReturned,
        "imported-as-published" => ProtocolImportedAsPublished,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A protocol event kind without a member in the audit catalogue (AuditEvents)."),
    };

    private static AuditEvent Single(string id, AuditEventType type, string en, string ru, string kk) =>
        new(id, type, AuditPhase.Single, null, new LocalizedText(kk, ru, en));

    private static AuditEvent Start(string id, AuditEventType type, string en, string ru, string kk) =>
        new(id, type, AuditPhase.Start, null, new LocalizedText(kk, ru, en));

    private static AuditEvent Completion(string id, AuditEvent start, AuditEventType type, string en, string ru, string kk) =>
        new(id, type, AuditPhase.Completion, start.Id, new LocalizedText(kk, ru, en));

    private static AuditLongAction Long(string id, AuditEventType type, (string En, string Ru, string Kk) start, (string En, string Ru, string Kk) completion)
    {
        var started = Start(id + "-started", type, start.En, start.Ru, start.Kk);
        return new AuditLongAction(started, Completion(id + "-completed", started, type, completion.En, completion.Ru, completion.Kk));
    }

    private static List<AuditEvent> Collect()
    {
        var members = new List<AuditEvent>();
        foreach (var field in typeof(AuditEvents).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            switch (field.GetValue(null))
            {
                case AuditEvent e:
                    members.Add(e);
                    break;
                case AuditLongAction pair:
                    members.Add(pair.Start);
                    members.Add(pair.Completion);
                    break;
            }
        }

        return members;
    }
}
