using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Audit;
using Ashyq.Core.Commissions;
using Ashyq.Core.Complaints;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;
using Ashyq.Storage.Publication;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Complaints;

/// <summary>A complaint as filed, before it has a number.</summary>
public sealed record ComplaintDraft(Complainant Complainant, ComplaintSubject Subject, string Facts, IReadOnlyList<Attachment> Attachments, CaseNumber? AppealOf = null);

/// <summary>The receipt: the number, the day received, the body that received it, and what the system proposes.</summary>
public sealed record ComplaintReceipt(CaseNumber Number, DateOnly ReceivedOn, ComplaintBody ReceivedBy, RoutingProposal Proposal);

/// <summary>A case as the pages show it: its file, today's status, the routing proposal, and the appeals that link to it.</summary>
public sealed record ComplaintCaseView(ComplaintFile File, CaseStatus Status, RoutingProposal Proposal, IReadOnlyList<CaseNumber> Appeals, IReadOnlyList<PendingHearing> PendingHearings);

/// <summary>A complaint put to the vote whose vote is not recorded.</summary>
public sealed record PendingHearing(long SessionId, string Commission, string DecisionNumber);

/// <summary>A published decision on a complaint, for the portal's list.</summary>
public sealed record PublishedComplaintDecision(CaseNumber Case, string Subject, ComplaintBody DecidedBy, DateOnly Date, ComplaintOutcome Outcome, bool Collegial, bool Adopted, int For, int Against, int Abstained, string Reasons, long LogIndex, IReadOnlyList<string> Flags);

/// <summary>
/// Complaints as the store keeps them. A case is received with a number and a receipt; it is forwarded (recorded),
/// answered (recorded, not a decision), decided by a commission only through <see cref="SessionsService.VoteAsync"/>
/// — the complaint's decision IS the session's decision, linked to the case — or by a court, whose decision is
/// recorded as given. Every decision is appended to the transparency log the moment it is stored, in the same
/// transaction, without the complainant's personal data.
/// </summary>
public sealed class ComplaintsService(AshyqDbContext db, ElectionDefinition definition, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private ComplaintRouting? _routing;

    public ElectionDefinition Definition => definition;

    /// <summary>Today in the election's time zone: the day deadlines are judged on.</summary>
    public DateOnly Today
    {
        get
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone);
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        }
    }

    public async Task<ComplaintRouting> RoutingAsync(CancellationToken ct = default)
    {
        if (_routing is null)
        {
            var rows = await db.Commissions.AsNoTracking()
                .Select(c => new CommissionRef(c.Code, c.Level, c.Parent != null ? c.Parent.Code : null)).ToListAsync(ct);
            _routing = new ComplaintRouting(definition.Complaints, new CommissionDirectory(rows));
        }

        return _routing;
    }

    /// <summary>A commission as a body, with its level; a clear refusal for a code the election does not have.</summary>
    public async Task<ComplaintBody> CommissionBodyAsync(string code, CancellationToken ct = default)
    {
        var routing = await RoutingAsync(ct);
        return routing.Commissions.Find(code) is { } c
            ? ComplaintBody.Of(c)
            : throw new RuleViolation("COMPLAINT.UNKNOWN-COMMISSION", $"No commission has the code \"{code}\".");
    }

    /// <summary>
    /// Receives a complaint: checks it can be routed, gives it the next number of the year and stores it. Filed on the
    /// portal it goes to the first competent body; handed in on paper, it stays with the body that received it (which
    /// forwards it if it is not competent). The receipt carries the proposed body, the deadline and the rule applied.
    /// </summary>
    public async Task<ComplaintReceipt> FileAsync(ComplaintDraft draft, FilingChannel channel, ComplaintBody? receivedBy, DateOnly? receivedOn, string by, CancellationToken ct = default)
    {
        var routing = await RoutingAsync(ct);
        var today = Today;
        var received = receivedOn ?? today;
        if (received > today)
        {
            throw new RuleViolation("COMPLAINT.RECEIVED-IN-FUTURE", $"A complaint cannot be received on {received:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}).");
        }

        var complaint = new ComplaintCase
        {
            Number = CaseNumber.Of(received.Year, 1),
            Complainant = draft.Complainant with { Name = draft.Complainant.Name.Trim(), Contact = string.IsNullOrWhiteSpace(draft.Complainant.Contact) ? null : draft.Complainant.Contact.Trim() },
            Subject = draft.Subject,
            Facts = draft.Facts.Trim(),
            Attachments = draft.Attachments,
            ReceivedOn = received,
            ReceivedBy = receivedBy ?? ComplaintBody.SupremeCourt,
            Channel = channel,
            AppealOf = draft.AppealOf,
        };
        complaint.Check(definition.Complaints, Directory(routing));
        if (receivedBy is null)
        {
            complaint = complaint with { ReceivedBy = routing.CompetentBodies(complaint)[0].Body };
        }

        if (draft.AppealOf is { } appealOf)
        {
            var appealed = await LoadAsync(appealOf, ct) ?? throw new RuleViolation("COMPLAINT.UNKNOWN-CASE", $"No case has the number {appealOf}.");
            Appeals.Check(appealed.File, complaint, routing);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var number = await InsertAsync(complaint, by, ct);
                complaint = complaint with { Number = number };
                return new ComplaintReceipt(number, received, complaint.ReceivedBy, routing.Propose(complaint));
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear(); // another complaint took the serial: take the next one
            }
        }
    }

    private async Task<CaseNumber> InsertAsync(ComplaintCase complaint, string by, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var year = complaint.ReceivedOn.Year;
            var serial = (await db.ComplaintCases.Where(c => c.Year == year).MaxAsync(c => (int?)c.Serial, ct) ?? 0) + 1;
            var number = CaseNumber.Of(year, serial);
            var at = time.GetUtcNow();
            db.ComplaintCases.Add(new ComplaintCaseRow
            {
                Number = number.ToString(),
                Year = year,
                Serial = serial,
                ComplainantKind = complaint.Complainant.Kind.ToString(),
                ComplainantName = complaint.Complainant.Name,
                ComplainantContact = complaint.Complainant.Contact,
                SubjectKind = complaint.Subject.Kind,
                RespondentCommission = complaint.Subject.Commission,
                RespondentOfficial = complaint.Subject.Official,
                ActDate = complaint.Subject.ActDate,
                Facts = complaint.Facts,
                Attachments = JsonSerializer.Serialize(complaint.Attachments, Json),
                ReceivedOn = complaint.ReceivedOn,
                ReceivedByKind = complaint.ReceivedBy.Kind.ToString(),
                ReceivedByCommission = complaint.ReceivedBy.Commission,
                ReceivedByName = complaint.ReceivedBy.Name,
                Channel = complaint.Channel.ToString(),
                AppealOf = complaint.AppealOf?.ToString(),
                RegisteredBy = by,
                RegisteredAt = at,
            });
            Audit.Record(db, AuditEvents.ComplaintReceived, by, complaint.ReceivedBy.Commission ?? "", number.ToString(), $"{complaint.Subject.Kind}; {complaint.Channel}; to {complaint.ReceivedBy}", at);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return number;
        });
    }

    /// <summary>What an appeal of <paramref name="appealed"/> is about: the decision that decided it, against the body that took it.</summary>
    public async Task<ComplaintSubject> AppealSubjectAsync(CaseNumber appealed, CancellationToken ct = default)
    {
        var routing = await RoutingAsync(ct);
        var loaded = await LoadAsync(appealed, ct) ?? throw Unknown(appealed);
        return Appeals.SubjectFor(loaded.File, routing);
    }

    /// <summary>Sends the case on to a competent body; only the staff of the commission holding it may.</summary>
    public async Task<Forward> ForwardAsync(CaseNumber number, ComplaintBody to, string reason, Actor by, CancellationToken ct = default)
    {
        var routing = await RoutingAsync(ct);
        var loaded = await LoadAsync(number, ct) ?? throw Unknown(number);
        EnsureHolderStaff(loaded.File, by);
        if (to.Kind == BodyKind.Commission)
        {
            to = await CommissionBodyAsync(to.Commission ?? "", ct);
        }

        var forward = loaded.File.Forward(routing, to, Today, reason, by.User);
        var at = time.GetUtcNow();
        db.ComplaintForwards.Add(new ComplaintForwardRow
        {
            CaseId = loaded.Id,
            FromKind = forward.From.Kind.ToString(),
            FromCommission = forward.From.Commission,
            ToKind = forward.To.Kind.ToString(),
            ToCommission = forward.To.Commission,
            ToName = forward.To.Name,
            On = forward.On,
            Reason = forward.Reason,
            By = by.User,
            At = at,
        });
        Audit.Record(db, AuditEvents.ComplaintForwarded, by.User, by.Commission, number.ToString(), $"{forward.From} → {forward.To}: {forward.Reason}", at);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return forward;
    }

    /// <summary>Records an official's letter in reply. The case stays "not decided".</summary>
    public async Task AnswerAsync(CaseNumber number, OfficialAnswer answer, Actor by, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(number, ct) ?? throw Unknown(number);
        EnsureHolderStaff(loaded.File, by);
        loaded.File.Answer(answer);
        var at = time.GetUtcNow();
        db.ComplaintAnswers.Add(new ComplaintAnswerRow { CaseId = loaded.Id, Official = answer.Official, Position = answer.Position, Date = answer.Date, Text = answer.Text, RecordedBy = by.User, RecordedAt = at });
        Audit.Record(db, AuditEvents.ComplaintAnswered, by.User, by.Commission, number.ToString(), $"answer signed by {answer.Position}: not a decision", at);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Puts the complaint to the vote at an open session of the commission holding it: the hearing (outcome, reasons,
    /// facts found, remedy) is stored, the members vote through <see cref="SessionsService.VoteAsync"/> (quorum,
    /// majority, each vote, the decision's own log record), and the decision is linked to the case and published as a
    /// complaint decision. A refused vote leaves no hearing behind.
    /// </summary>
    public async Task<(StoredDecision Decision, long LogIndex)> DecideAtSessionAsync(
        CaseNumber number, long sessionId, string decisionNumber, ComplaintOutcome outcome, string reasons, string factsFound, string remedy, string? lateRule,
        IReadOnlyDictionary<string, VoteChoice> votes, IReadOnlyList<DissentingOpinion> dissents, Actor by, CancellationToken ct = default)
    {
        await CompletePendingAsync(ct);
        var routing = await RoutingAsync(ct);
        var loaded = await LoadAsync(number, ct) ?? throw Unknown(number);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new RuleViolation("SESSION.UNKNOWN", $"No session {sessionId}.");
        var commission = await db.Commissions.AsNoTracking().Where(c => c.Id == session.CommissionId).Select(c => c.Code).FirstAsync(ct);
        if (by.Commission != commission)
        {
            throw new RuleViolation("SESSION.OTHER-COMMISSION", $"Only {commission}'s own account records its votes.");
        }

        loaded.File.CheckCollegial(routing, commission, outcome, reasons, factsFound, remedy, string.IsNullOrWhiteSpace(lateRule) ? null : lateRule);
        if (session.Date < loaded.File.ReachedHolderOn)
        {
            throw new RuleViolation("COMPLAINT.DATE-ORDER", $"The session of {session.Date:yyyy-MM-dd} is before the case reached {commission} ({loaded.File.ReachedHolderOn:yyyy-MM-dd}).");
        }

        var hearing = new ComplaintHearingRow
        {
            CaseId = loaded.Id,
            SessionId = sessionId,
            Commission = commission,
            DecisionNumber = decisionNumber.Trim(),
            Outcome = outcome.ToString(),
            Reasons = reasons.Trim(),
            FactsFound = factsFound.Trim(),
            Remedy = remedy.Trim(),
            LateRule = string.IsNullOrWhiteSpace(lateRule) ? null : lateRule,
            CreatedBy = by.User,
            CreatedAt = time.GetUtcNow(),
        };
        db.ComplaintHearings.Add(hearing);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        StoredDecision decision;
        try
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"Complaint {number}: {ComplaintStatistics.Key(outcome)}. Reasons: {hearing.Reasons} Facts found: {hearing.FactsFound} Remedy: {(hearing.Remedy.Length > 0 ? hearing.Remedy : "none")}");
            decision = await new SessionsService(db, definition, time).VoteAsync(sessionId, hearing.DecisionNumber, $"Complaint {number}", text, votes, dissents, by, ct);
        }
        catch (RuleViolation)
        {
            db.ChangeTracker.Clear();
            await db.ComplaintHearings.Where(h => h.Id == hearing.Id).ExecuteDeleteAsync(ct);
            throw;
        }

        var index = await CompleteAsync(hearing.Id, ct);
        return (decision, index);
    }

    /// <summary>Links and publishes the decisions of hearings whose vote was stored but not yet linked (after an interruption).</summary>
    public async Task<int> CompletePendingAsync(CancellationToken ct = default)
    {
        var pending = await db.ComplaintHearings.AsNoTracking()
            .Where(h => !db.ComplaintDecisions.Any(d => d.HearingId == h.Id))
            .Where(h => db.Decisions.Any(d => d.SessionId == h.SessionId && d.Number == h.DecisionNumber))
            .Select(h => h.Id).ToListAsync(ct);
        foreach (var id in pending)
        {
            await CompleteAsync(id, ct);
        }

        return pending.Count;
    }

    private async Task<long> CompleteAsync(long hearingId, CancellationToken ct)
    {
        var routing = await RoutingAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var hearing = await db.ComplaintHearings.AsNoTracking().FirstAsync(h => h.Id == hearingId, ct);
            var decisionRow = await db.Decisions.AsNoTracking().FirstAsync(d => d.SessionId == hearing.SessionId && d.Number == hearing.DecisionNumber, ct);
            var caseRow = await db.ComplaintCases.AsNoTracking().FirstAsync(c => c.Id == hearing.CaseId, ct);
            var loaded = (await LoadManyAsync(db.ComplaintCases.Where(c => c.Id == hearing.CaseId), ct))[0];
            var decision = ToCollegial(hearing, decisionRow, null);
            loaded.File.Decide(routing, decision);
            var names = await db.Members.AsNoTracking().Where(m => m.CommissionId == decisionRow.CommissionId)
                .ToDictionaryAsync(m => m.Id.ToString(CultureInfo.InvariantCulture), m => m.FullName, ct);
            var version = await VersionsAsync(caseRow.Id, ct) + 1;
            var at = time.GetUtcNow();
            var record = ComplaintDecisionRecord.Build(definition.Id, loaded.File, routing, decision, names);
            var index = await TransparencyLog.AppendAsync(db, ComplaintDecisionRecord.Kind, caseRow.Number, version, ComplaintDecisionRecord.Bytes(record), at, ct);
            db.ComplaintDecisions.Add(new ComplaintDecisionRow { CaseId = caseRow.Id, HearingId = hearing.Id, DecisionId = decisionRow.Id, Version = version, LogIndex = index, RecordedAt = at });
            Audit.Record(db, AuditEvents.ComplaintDecided, hearing.CreatedBy, hearing.Commission, caseRow.Number, $"decision {hearing.Commission}/{hearing.DecisionNumber}: {(decisionRow.Adopted ? "adopted" : "not adopted")}, {hearing.Outcome}; log {index}", at);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return index;
        });
    }

    /// <summary>Records a court's (or prosecutor's) decision as it was given and publishes it at once.</summary>
    public async Task<long> RecordCourtDecisionAsync(CaseNumber number, CourtDecision decision, Actor by, CancellationToken ct = default)
    {
        var routing = await RoutingAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var loaded = await LoadAsync(number, ct) ?? throw Unknown(number);
            loaded.File.Decide(decision);
            var version = await VersionsAsync(loaded.Id, ct) + 1;
            var at = time.GetUtcNow();
            var record = ComplaintDecisionRecord.Build(definition.Id, loaded.File, routing, decision);
            var index = await TransparencyLog.AppendAsync(db, ComplaintDecisionRecord.Kind, number.ToString(), version, ComplaintDecisionRecord.Bytes(record), at, ct);
            db.ComplaintCourtDecisions.Add(new ComplaintCourtDecisionRow
            {
                CaseId = loaded.Id,
                CourtKind = decision.Court.Kind.ToString(),
                CourtName = decision.Court.Name,
                Date = decision.Date,
                Outcome = decision.Outcome.ToString(),
                Reasons = decision.Reasons,
                LateRuleCited = decision.LateRuleCited,
                CompetenceDeclined = decision.CompetenceDeclined,
                Version = version,
                LogIndex = index,
                RecordedBy = by.User,
                RecordedAt = at,
            });
            Audit.Record(db, AuditEvents.ComplaintCourtDecision, by.User, by.Commission, number.ToString(), $"{decision.Court}: {ComplaintStatistics.Key(decision.Outcome)}; log {index}", at);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return index;
        });
    }

    public async Task<ComplaintCaseView?> CaseAsync(CaseNumber number, CancellationToken ct = default)
    {
        var routing = await RoutingAsync(ct);
        var loaded = await LoadAsync(number, ct);
        if (loaded is null)
        {
            return null;
        }

        var text = number.ToString();
        var appeals = await db.ComplaintCases.AsNoTracking().Where(c => c.AppealOf == text).OrderBy(c => c.Id).Select(c => c.Number).ToListAsync(ct);
        var pending = await db.ComplaintHearings.AsNoTracking()
            .Where(h => h.CaseId == loaded.Id && !db.ComplaintDecisions.Any(d => d.HearingId == h.Id))
            .Select(h => new PendingHearing(h.SessionId, h.Commission, h.DecisionNumber)).ToListAsync(ct);
        return new ComplaintCaseView(loaded.File, loaded.File.Status(routing, Today), routing.Propose(loaded.File.Case), [.. appeals.Select(CaseNumber.Parse)], pending);
    }

    /// <summary>Every case with its status today, oldest first.</summary>
    public async Task<IReadOnlyList<(ComplaintFile File, CaseStatus Status)>> AllAsync(CancellationToken ct = default)
    {
        var routing = await RoutingAsync(ct);
        var today = Today;
        return [.. (await LoadManyAsync(db.ComplaintCases, ct)).Select(l => (l.File, l.File.Status(routing, today)))];
    }

    /// <summary>The cases a body holds and has not decided, the nearest deadline first (missed ones at the top).</summary>
    public async Task<IReadOnlyList<(ComplaintFile File, CaseStatus Status)>> HeldByAsync(string commission, CancellationToken ct = default) =>
        [.. (await AllAsync(ct)).Where(c => !c.Status.IsDecided && c.Status.Holder.Kind == BodyKind.Commission && c.Status.Holder.Commission == commission)
            .OrderBy(c => c.Status.DecisionDeadline ?? DateOnly.MinValue)];

    public async Task<ComplaintStatistics> StatisticsAsync(CancellationToken ct = default) =>
        ComplaintStatistics.Compute(await AllAsync(ct), ComplaintStatistics.BodyKinds(definition.Levels.Select(l => l.Code)), definition.Complaints.Routes.Select(r => r.Subject));

    /// <summary>Every published decision on a complaint, the newest first.</summary>
    public async Task<IReadOnlyList<PublishedComplaintDecision>> PublishedDecisionsAsync(CancellationToken ct = default)
    {
        var routing = await RoutingAsync(ct);
        var list = new List<PublishedComplaintDecision>();
        foreach (var (file, status) in await AllAsync(ct))
        {
            foreach (var d in file.CollegialDecisions.Where(d => d.LogIndex is not null))
            {
                list.Add(new PublishedComplaintDecision(file.Case.Number, file.Case.Subject.Kind, new ComplaintBody(BodyKind.Commission, d.Commission, null), d.Date, d.Outcome, true, d.Adopted, d.For, d.Against, d.Abstained, d.Reasons, d.LogIndex!.Value, status.Flags));
            }

            foreach (var d in file.CourtDecisions.Where(d => d.LogIndex is not null))
            {
                list.Add(new PublishedComplaintDecision(file.Case.Number, file.Case.Subject.Kind, d.Court, d.Date, d.Outcome, false, true, 0, 0, 0, d.Reasons, d.LogIndex!.Value, status.Flags));
            }
        }

        return [.. list.OrderByDescending(d => d.LogIndex)];
    }

    private sealed record Loaded(long Id, ComplaintFile File);

    private async Task<Loaded?> LoadAsync(CaseNumber number, CancellationToken ct)
    {
        var text = number.ToString();
        var found = await LoadManyAsync(db.ComplaintCases.Where(c => c.Number == text), ct);
        return found.Count == 0 ? null : found[0];
    }

    private async Task<int> VersionsAsync(long caseId, CancellationToken ct) =>
        await db.ComplaintDecisions.CountAsync(d => d.CaseId == caseId, ct) + await db.ComplaintCourtDecisions.CountAsync(d => d.CaseId == caseId, ct);

    /// <summary>Rebuilds each case's file by replaying what was recorded, in the order it was recorded.</summary>
    private async Task<List<Loaded>> LoadManyAsync(IQueryable<ComplaintCaseRow> cases, CancellationToken ct)
    {
        var routing = await RoutingAsync(ct);
        var rows = await cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var forwards = (await db.ComplaintForwards.AsNoTracking().Where(f => ids.Contains(f.CaseId)).ToListAsync(ct)).ToLookup(f => f.CaseId);
        var answers = (await db.ComplaintAnswers.AsNoTracking().Where(a => ids.Contains(a.CaseId)).ToListAsync(ct)).ToLookup(a => a.CaseId);
        var linked = (await (from d in db.ComplaintDecisions.AsNoTracking()
                             join h in db.ComplaintHearings.AsNoTracking() on d.HearingId equals h.Id
                             join r in db.Decisions.AsNoTracking() on d.DecisionId equals r.Id
                             where ids.Contains(d.CaseId)
                             select new { d, h, r }).ToListAsync(ct)).ToLookup(x => x.d.CaseId);
        var courts = (await db.ComplaintCourtDecisions.AsNoTracking().Where(c => ids.Contains(c.CaseId)).ToListAsync(ct)).ToLookup(c => c.CaseId);
        var directory = Directory(routing);
        var result = new List<Loaded>(rows.Count);
        foreach (var row in rows)
        {
            var file = new ComplaintFile(ToCase(row, directory));
            var events = new List<(DateTimeOffset At, long Order, Action Apply)>();
            foreach (var f in forwards[row.Id])
            {
                events.Add((f.At, f.Id, () => file.Forward(routing, Body(f.ToKind, f.ToCommission, f.ToName, directory), f.On, f.Reason, f.By)));
            }

            foreach (var a in answers[row.Id])
            {
                events.Add((a.RecordedAt, a.Id, () => file.Answer(new OfficialAnswer(a.Official, a.Position, a.Date, a.Text))));
            }

            foreach (var x in linked[row.Id])
            {
                events.Add((x.d.RecordedAt, x.d.Id, () => file.Decide(routing, ToCollegial(x.h, x.r, x.d.LogIndex))));
            }

            foreach (var c in courts[row.Id])
            {
                events.Add((c.RecordedAt, c.Id, () => file.Decide(new CourtDecision(Body(c.CourtKind, null, c.CourtName, directory), c.Date, Enum.Parse<ComplaintOutcome>(c.Outcome), c.Reasons, c.LateRuleCited, c.CompetenceDeclined, c.LogIndex))));
            }

            foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Order))
            {
                e.Apply();
            }

            result.Add(new Loaded(row.Id, file));
        }

        return result;
    }

    private static CollegialDecision ToCollegial(ComplaintHearingRow h, Model.DecisionRow r, long? logIndex)
    {
        var votes = JsonSerializer.Deserialize<Dictionary<string, string>>(r.Votes, Json)!.ToDictionary(v => v.Key, v => Enum.Parse<VoteChoice>(v.Value));
        return CollegialDecision.FromStore(h.Commission, r.Number, r.Date, votes, r.Present, r.TotalMembership, r.Adopted, Enum.Parse<ComplaintOutcome>(h.Outcome), h.Reasons, h.FactsFound, h.Remedy, h.LateRule, logIndex);
    }

    private static ComplaintCase ToCase(ComplaintCaseRow row, ICommissionDirectory directory) => new()
    {
        Number = CaseNumber.Parse(row.Number),
        Complainant = new Complainant(Enum.Parse<ComplainantKind>(row.ComplainantKind), row.ComplainantName, row.ComplainantContact),
        Subject = new ComplaintSubject(row.SubjectKind, row.RespondentCommission, row.RespondentOfficial, row.ActDate),
        Facts = row.Facts,
        Attachments = JsonSerializer.Deserialize<List<Attachment>>(row.Attachments, Json) ?? [],
        ReceivedOn = row.ReceivedOn,
        ReceivedBy = Body(row.ReceivedByKind, row.ReceivedByCommission, row.ReceivedByName, directory),
        Channel = Enum.Parse<FilingChannel>(row.Channel),
        AppealOf = row.AppealOf is { } appeal ? CaseNumber.Parse(appeal) : null,
    };

    private static ComplaintBody Body(string kind, string? commission, string? name, ICommissionDirectory directory) => Enum.Parse<BodyKind>(kind) switch
    {
        BodyKind.Commission => directory.Find(commission!) is { } c ? ComplaintBody.Of(c) : new ComplaintBody(BodyKind.Commission, commission),
        var other => new ComplaintBody(other, Name: name),
    };

    private static ICommissionDirectory Directory(ComplaintRouting routing) => routing.Commissions;

    private static void EnsureHolderStaff(ComplaintFile file, Actor by)
    {
        if (file.Holder.Kind != BodyKind.Commission || file.Holder.Commission != by.Commission)
        {
            throw new RuleViolation("COMPLAINT.NOT-THE-HOLDER", $"Only the staff of {file.Holder} act on case {file.Case.Number}; this account is of {by.Commission}.");
        }
    }

    private static RuleViolation Unknown(CaseNumber number) => new("COMPLAINT.UNKNOWN-CASE", $"No case has the number {number}.");
}
