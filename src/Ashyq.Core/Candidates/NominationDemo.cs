using Ashyq.Core.Elections;
using Ashyq.Core.Generation;
using Ashyq.Core.Register;

namespace Ashyq.Core.Candidates;

/// <summary>An examination of a demo test with the day its conclusion was given.</summary>
public sealed record DemoExamination(LanguageExamination Examination, DateOnly ConcludedOn);

/// <summary>A demo nominee's language test: the text and its examinations.</summary>
public sealed record DemoLanguageTest(DateOnly TakenOn, string Text, IReadOnlyList<DemoExamination> Examinations);

/// <summary>A demo nominee's file, consistent with the status the world generator gave the nominee.</summary>
public sealed record DemoFile(
    int Number,
    string Kind,
    string? Organization,
    DateOnly NominatedOn,
    Iin Iin,
    bool CitizenByBirth,
    string BirthPlace,
    DateOnly ResidentSince,
    bool HasSpouse,
    decimal Deposit,
    IReadOnlyList<NominationDocument> Documents,
    DemoLanguageTest? LanguageTest);

/// <summary>A demo proxy: the candidate, the polling station (by its index among the stations), its place and name.</summary>
public readonly record struct DemoProxy(string Candidate, int Precinct, int Slot, string FullName);

/// <summary>
/// The demo world's nomination files, language tests and proxies, derived from the seed and the definition.
/// The published language-test criteria of the demo (at most <see cref="DemoMaximumErrors"/> errors in five
/// categories) are an assumption of the demo: the statement says there were none. The seed's case is kept: one
/// nominee refused for the language test has 28 errors from the Linguistic Commission and 17 on appeal to the
/// Supreme Court, still a fail. Proxies reproduce the statement's figures exactly (31,916, of them 28,902 for the
/// incumbent), whatever the scale, because the demo has every polling station (9,725 × 3 places = 29,175 ≥ 28,902);
/// the other three candidates' 3,014 are split equally (the statement gives no split).
/// </summary>
public static class NominationDemo
{
    public const int DemoMaximumErrors = 10;
    public const int ProxiesTotal = 31_916;
    public const int ProxiesOfIncumbent = 28_902;
    public const string Incumbent = "C4";
    public const int SeedCaseCommissionErrors = 28;
    public const int SeedCaseAppealErrors = 17;

    public static IReadOnlyList<string> ErrorCategories { get; } = ["spelling", "grammar", "vocabulary", "word-order", "punctuation"];

    public static DateOnly CriteriaPublishedOn(ElectionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Calendar.NominationOpens.AddDays(-1);
    }

    private static readonly string[] Sentences =
    [
        "Қазақстан Республикасы өзін демократиялық, зайырлы, құқықтық және әлеуметтік мемлекет ретінде орнықтырады.",
        "Сайлау жалпыға бірдей, тең және төте сайлау құқығы негізінде жасырын дауыс беру арқылы өткізіледі.",
        "Әр азамат өз ойын еркін білдіре алады және мемлекет істерін басқаруға қатысуға құқылы.",
        "Біз ел болашағы үшін білім, ғылым және еңбек жолын таңдаймыз.",
        "Ауыл шаруашылығын дамыту мен жастарды жұмыспен қамту — басты міндеттердің бірі.",
        "Тіл — ұлттың жаны, оны құрметтеу әр азаматтың парызы.",
    ];

    /// <summary>The files of the nominees the world generator made (number, status, refusal reason).</summary>
    public static IReadOnlyList<DemoFile> Files(ElectionDefinition definition, IReadOnlyList<Nominee> nominees, long seed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(nominees);
        var random = DeterministicRandom.For(seed, 808);
        var calendar = definition.Calendar;
        var deposit = definition.Candidates.Deposit?.Amount ?? 0m;
        var units = definition.World?.TerritorialUnits ?? [];
        var seedCase = nominees.FirstOrDefault(n => n.RefusalReason == "language-test")?.Number
            ?? nominees.FirstOrDefault(n => n.Status == NomineeStatus.Refused)?.Number;
        var files = new List<DemoFile>();
        foreach (var n in nominees)
        {
            var nominated = calendar.NominationOpens.AddDays(random.Next(Math.Max(1, calendar.NominationCloses.DayNumber - calendar.NominationOpens.DayNumber - 6)));
            var birth = new DateOnly(1940 + random.Next(25), 1 + random.Next(12), 1 + random.Next(28));
            var iin = Enumerable.Range(random.Next(900), 100).Select(s => Iin.Compose(birth, Gender.Male, s)).First(i => i is not null)!.Value;
            var place = units.Count == 0 ? "Қазақстан" : random.Pick(units).Name.Kk;
            var reason = n.RefusalReason;
            var party = n.Status == NomineeStatus.Registered;
            var spouse = random.Chance(0.85);
            var docs = new List<NominationDocument>
            {
                new("application", "Өтініш / Заявление", nominated, null),
                new("consent", "Келісім / Согласие", nominated, null),
            };
            if (party)
            {
                docs.Add(new("minutes", "Съезд хаттамасынан үзінді / Выписка из протокола съезда", nominated, null));
            }

            var eligibleSoFar = reason is not ("language-test" or "withdrew");
            if (reason != "withdrew")
            {
                docs.Add(new("residence-certificate", "Тұрақты тұратын жері туралы анықтама", nominated.AddDays(1), null));
            }

            if (eligibleSoFar)
            {
                var (_, signaturesTo) = SignaturePeriod.Of(definition, nominated);
                var paid = signaturesTo.AddDays(1) <= calendar.RegistrationCloses ? signaturesTo.AddDays(1) : calendar.RegistrationCloses;
                docs.Add(new("deposit-receipt", "Сайлау жарнасы түбіртегі", paid, null));
                if (reason != "documents-incomplete")
                {
                    docs.Add(new("declaration", "Кірістер мен мүлік туралы декларация", paid, null));
                }

                if (spouse)
                {
                    docs.Add(new("spouse-declaration", "Жұбайының декларациясы", paid, null));
                }
            }

            DemoLanguageTest? test = null;
            if (reason != "withdrew")
            {
                var text = Text(ref random, 1200 + random.Next(600));
                var takenOn = nominated.AddDays(2);
                var commissionErrors = n.Number == seedCase ? SeedCaseCommissionErrors
                    : reason == "language-test" ? DemoMaximumErrors + 3 + random.Next(20)
                    : random.Next(DemoMaximumErrors - 2);
                var exams = new List<DemoExamination>
                {
                    new(new LanguageExamination("commission", "Linguistic Commission of the CEC", Errors(ref random, commissionErrors, text.Length, ["Examiner 1", "Examiner 2", "Examiner 3"]),
                        commissionErrors <= DemoMaximumErrors ? "pass" : "fail"), takenOn.AddDays(1)),
                };
                if (n.Number == seedCase)
                {
                    exams.Add(new(new LanguageExamination("appeal", "Supreme Court", Errors(ref random, SeedCaseAppealErrors, text.Length, ["Court-appointed expert"]), "fail"), takenOn.AddDays(8)));
                }

                test = new DemoLanguageTest(takenOn, text, exams);
            }

            files.Add(new DemoFile(
                n.Number,
                party ? NominationKind.PoliticalParty : NominationKind.Self,
                party ? n.NominatedBy : null,
                nominated,
                iin,
                true,
                place,
                birth,
                spouse,
                eligibleSoFar ? deposit : 0m,
                docs,
                test));
        }

        return files;
    }

    /// <summary>The statement's proxy figures: the incumbent's over every station (at most the limit at each), the rest split equally.</summary>
    public static IEnumerable<DemoProxy> Proxies(ElectionDefinition definition, int precincts, long seed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var limit = definition.Candidates.Proxies.MaxPerCandidatePerPrecinct;
        var others = definition.Candidates.Registered.Select(c => c.Code).Where(c => c != Incumbent).ToList();
        var plan = new List<(string Candidate, int Count)> { (Incumbent, ProxiesOfIncumbent) };
        var rest = ProxiesTotal - ProxiesOfIncumbent;
        plan.AddRange(others.Select((c, i) => (c, rest / others.Count + (i < rest % others.Count ? 1 : 0))));
        var random = DeterministicRandom.For(seed, 809);
        foreach (var (candidate, count) in plan)
        {
            var capacity = (long)precincts * limit;
            var n = (int)Math.Min(count, capacity);
            for (var k = 0; k < n; k++)
            {
                // Fill place 1 at every station, then place 2, then 3: spread evenly over the stations.
                var precinct = k % precincts;
                var slot = 1 + (k / precincts);
                var female = random.Chance(0.5);
                var surname = random.Pick(NamePools.KazakhSurnames);
                var name = $"{(female ? NamePools.FemaleSurname(surname) : surname)} {random.Pick(female ? NamePools.KazakhFemaleNames : NamePools.KazakhMaleNames)}";
                yield return new DemoProxy(candidate, precinct, slot, name);
            }
        }
    }

    private static string Text(ref DeterministicRandom random, int length)
    {
        var parts = new List<string>();
        var total = 0;
        while (total < length)
        {
            var s = random.Pick(Sentences);
            parts.Add(s);
            total += s.Length + 1;
        }

        return string.Join(' ', parts);
    }

    private static List<LanguageError> Errors(ref DeterministicRandom random, int count, int length, string[] examiners)
    {
        var positions = new SortedSet<int>();
        while (positions.Count < count)
        {
            positions.Add(random.Next(length));
        }

        var errors = new List<LanguageError>();
        foreach (var p in positions)
        {
            errors.Add(new LanguageError(ErrorCategories[random.Next(ErrorCategories.Count)], p, examiners[random.Next(examiners.Length)]));
        }

        return errors;
    }
}
