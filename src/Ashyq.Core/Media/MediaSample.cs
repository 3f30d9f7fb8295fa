using Ashyq.Core.Elections;
using Ashyq.Core.Generation;

namespace Ashyq.Core.Media;

/// <summary>
/// The demo world's monitoring sample for the 2011 election: monitored items of realistic durations, drawn
/// deterministically from a seed, whose figures — computed by <see cref="MediaStatistics"/> like any other items —
/// are the mission's (statement §4, fn 14). The figures below are the generator's targets: it cuts each
/// candidate's target time into news items of 30–180 s on random campaign days, so nothing but the items reaches
/// the statistics.
/// </summary>
public static class MediaSample
{
    /// <summary>A broadcaster's news share per candidate (by English surname), in percent, as the statement gives them.</summary>
    /// <remarks>
    /// Kazakhstan TV and Khabar: every figure is the statement's. Channel 7, Channel 31, KTK and Astana TV: only the
    /// incumbent's share is the statement's (16, 14, 3, 39); the other candidates' shares there are filled in by the
    /// project, plausibly, so that each outlet adds up to 100. Kazakhstan TV's four figures add up to 101 (they are
    /// rounded): each target is lowered by a quarter point so the computed shares round back to the statement's.
    /// </remarks>
    public static readonly IReadOnlyList<(string Outlet, IReadOnlyDictionary<string, int> Percent)> NewsShares =
    [
        ("Kazakhstan TV", Shares(19, 29, 25, 28)),
        ("Khabar", Shares(13, 26, 28, 33)),
        ("Channel 7", Shares(16, 28, 30, 26)),
        ("Channel 31", Shares(14, 30, 27, 29)),
        ("KTK", Shares(3, 33, 31, 33)),
        ("Astana TV", Shares(39, 20, 22, 19)),
    ];

    /// <summary>The incumbent's surname: the candidate who is also the office holder.</summary>
    public const string Incumbent = "Nazarbayev";

    /// <summary>Institutional coverage of the incumbent as President: "more than 2 hours" of positive coverage (2 h 10 min here).</summary>
    public const int IncumbentInstitutionalPositiveSeconds = 7_800;

    /// <summary>Paid advertising per candidate in seconds: the incumbent "over 10 hours", more than half of all (10.5 h of 18.5 h).</summary>
    public static readonly IReadOnlyDictionary<string, int> PaidSeconds = new Dictionary<string, int>
    {
        [Incumbent] = 37_800,
        ["Akhmetbekov"] = 9_000,
        ["Kassymov"] = 12_600,
        ["Eleusizov"] = 7_200,
    };

    /// <summary>Another office holder covered in office, so that the institutional totals have more than one subject.</summary>
    public const string PrimeMinister = "Кәрім Мәсімов (Премьер-Министр)";

    private static readonly string[] Surnames = [Incumbent, "Akhmetbekov", "Kassymov", "Eleusizov"];

    private static readonly string[] Monitors = ["monitor-01", "monitor-02", "monitor-03", "monitor-04", "monitor-05", "monitor-06"];

    /// <summary>
    /// The sample's items, or none when <paramref name="definition"/> does not register the four candidates of 2011.
    /// The same seed gives the same items.
    /// </summary>
    public static IReadOnlyList<MediaItem> Generate(ElectionDefinition definition, long seed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var code = new Dictionary<string, RegisteredCandidate>();
        foreach (var surname in Surnames)
        {
            var candidate = definition.Candidates.Registered.FirstOrDefault(c => c.Name.En.EndsWith(surname, StringComparison.Ordinal));
            if (candidate is null)
            {
                return [];
            }

            code[surname] = candidate;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone);
        var first = definition.Calendar.RegistrationCloses.AddDays(1);
        var last = definition.Calendar.VotingDay.AddDays(-2); // campaigning ends at 00:00 on the day before voting (27.2)
        var days = last.DayNumber - first.DayNumber + 1;
        var random = DeterministicRandom.For(seed, 12);
        var items = new List<MediaItem>();

        MediaItem Item(string outlet, OutletKind kind, DateOnly day, int minuteOfDay, string programme, CoverageKind coverage, string surnameOrSubject, int amount, Tone tone, ref DeterministicRandom r)
        {
            var local = day.ToDateTime(new TimeOnly(minuteOfDay / 60, minuteOfDay % 60));
            var candidate = code.GetValueOrDefault(surnameOrSubject);
            return new MediaItem(outlet, kind, new DateTimeOffset(local, zone.GetUtcOffset(local)), programme, coverage,
                candidate?.Name.Kk ?? surnameOrSubject, candidate?.Code, amount, tone, Monitors[r.Next(Monitors.Length)]);
        }

        DateOnly Day(ref DeterministicRandom r) => first.AddDays(r.Next(days));

        // Campaign news: each candidate's target time on each outlet, cut into items of 30–180 s.
        foreach (var (outlet, percent) in NewsShares)
        {
            var total = 14_000 + random.Next(8_000);
            var adjust = (100m - percent.Values.Sum()) / percent.Count;
            foreach (var surname in Surnames)
            {
                var target = (int)Math.Round(total * (percent[surname] + adjust) / 100m);
                var positive = surname == Incumbent ? 0.6 : 0.2;
                while (target > 0)
                {
                    var seconds = 30 + random.Next(151);
                    if (target - seconds < 30)
                    {
                        seconds = target;
                    }

                    var tone = random.Chance(positive) ? Tone.Positive : random.Chance(0.93) ? Tone.Neutral : Tone.Negative;
                    var minute = (random.Chance(0.5) ? 20 * 60 : 21 * 60) + random.Next(30);
                    items.Add(Item(outlet, OutletKind.Television, Day(ref random), minute, "Жаңалықтар", CoverageKind.News, surname, seconds, tone, ref random));
                    target -= seconds;
                }
            }
        }

        // Current affairs: a debate programme on Khabar; outside the news shares.
        foreach (var surname in Surnames)
        {
            items.Add(Item("Khabar", OutletKind.Television, Day(ref random), 22 * 60, "Бетпе-бет", CoverageKind.CurrentAffairs, surname, 600 + random.Next(600), Tone.Neutral, ref random));
        }

        // Institutional coverage: the incumbent as President on the state channels, and the Prime Minister.
        for (var left = IncumbentInstitutionalPositiveSeconds; left > 0;)
        {
            var seconds = Math.Min(left, 120 + random.Next(301));
            items.Add(Item(random.Chance(0.5) ? "Kazakhstan TV" : "Khabar", OutletKind.Television, Day(ref random), 20 * 60 + random.Next(40), "Жаңалықтар", CoverageKind.Institutional, Incumbent, seconds, Tone.Positive, ref random));
            left -= seconds;
        }

        for (var left = 2_400; left > 0;)
        {
            var seconds = Math.Min(left, 90 + random.Next(211));
            items.Add(Item(random.Chance(0.5) ? "Kazakhstan TV" : "Khabar", OutletKind.Television, Day(ref random), 20 * 60 + random.Next(40), "Жаңалықтар", CoverageKind.Institutional, PrimeMinister, seconds, random.Chance(0.5) ? Tone.Positive : Tone.Neutral, ref random));
            left -= seconds;
        }

        // Paid advertising: spots of 30, 45, 60 or 90 s on every monitored channel.
        int[] spots = [30, 45, 60, 90];
        foreach (var surname in Surnames)
        {
            for (var left = PaidSeconds[surname]; left > 0;)
            {
                var seconds = Math.Min(left, spots[random.Next(spots.Length)]);
                var outlet = NewsShares[random.Next(NewsShares.Count)].Outlet;
                items.Add(Item(outlet, OutletKind.Television, Day(ref random), 18 * 60 + random.Next(300), "Жарнама", CoverageKind.PaidAdvertising, surname, seconds, Tone.Positive, ref random));
                left -= seconds;
            }
        }

        // Free airtime: the law's allotment to every candidate on the state television, radio and newspaper.
        var free = definition.Media?.FreeAirtime;
        if (free is not null)
        {
            foreach (var surname in Surnames)
            {
                var half = free.TelevisionSeconds / 2;
                items.Add(Item("Kazakhstan TV", OutletKind.Television, Day(ref random), 19 * 60, "Сайлау-2011", CoverageKind.FreeAirtime, surname, half, Tone.Neutral, ref random));
                items.Add(Item("Kazakhstan TV", OutletKind.Television, Day(ref random), 19 * 60 + 30, "Сайлау-2011", CoverageKind.FreeAirtime, surname, free.TelevisionSeconds - half, Tone.Neutral, ref random));
                items.Add(Item("Қазақ радиосы", OutletKind.Radio, Day(ref random), 12 * 60, "Сайлау-2011", CoverageKind.FreeAirtime, surname, free.RadioSeconds, Tone.Neutral, ref random));
                for (var article = 0; article < free.PrintArticles; article++)
                {
                    items.Add(Item("Егемен Қазақстан", OutletKind.Print, Day(ref random), 6 * 60, "Сайлау-2011", CoverageKind.FreeAirtime, surname, 500 + random.Next(300), Tone.Neutral, ref random));
                }
            }
        }

        return items;
    }

    private static Dictionary<string, int> Shares(int incumbent, int akhmetbekov, int kassymov, int eleusizov) => new()
    {
        [Incumbent] = incumbent,
        ["Akhmetbekov"] = akhmetbekov,
        ["Kassymov"] = kassymov,
        ["Eleusizov"] = eleusizov,
    };
}
