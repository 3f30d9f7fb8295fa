namespace Ashyq.Core.Media;

/// <summary>
/// A deviation from the equal-coverage rule: on <see cref="Outlet"/>, in ISO week <see cref="Week"/> (null for the
/// whole campaign), <see cref="Candidate"/> (a code) got <see cref="Actual"/> where the rule expects
/// <see cref="Expected"/> (a share of news, or seconds / articles of free airtime).
/// </summary>
public sealed record CoverageFlag(string Code, string Outlet, string? Week, string Candidate, decimal Actual, decimal Expected, decimal Tolerance);

/// <summary>The codes of the equal-coverage rule's flags.</summary>
public static class CoverageFlagCodes
{
    /// <summary>A candidate's share of an outlet's campaign news in a week is further from the equal share than the tolerance.</summary>
    public const string NewsUnequal = "MEDIA.NEWS-UNEQUAL";

    /// <summary>An outlet that gave free airtime gave a candidate less than the law's allotment.</summary>
    public const string FreeAirtimeShort = "MEDIA.FREE-AIRTIME-SHORT";

    /// <summary>An outlet gave a candidate more free airtime than the law's allotment (so more than the others are owed).</summary>
    public const string FreeAirtimeOver = "MEDIA.FREE-AIRTIME-OVER";

    public static IReadOnlyList<string> All { get; } = [NewsUnequal, FreeAirtimeShort, FreeAirtimeOver];
}

/// <summary>
/// Checks the definition's equal-coverage rule (Election Law 27.7 and 28.3): the registered candidates' news
/// coverage on each outlet, week by week, is equal within the tolerance; every outlet that gives free airtime gives
/// each candidate the allotment (15 min TV, 10 min radio, two print articles in 2011).
/// </summary>
public static class EqualCoverage
{
    public static IReadOnlyList<CoverageFlag> Check(IReadOnlyList<MediaItem> items, CandidateDirectory candidates, MediaRules rules, TimeZoneInfo zone)
    {
        var flags = new List<CoverageFlag>();
        var registered = candidates.Registered.Select(c => c.Code).ToList();
        if (registered.Count == 0)
        {
            return flags;
        }

        var equal = 1m / registered.Count;
        var tolerance = rules.NewsCoverage.Tolerance;
        var weeks = items.Where(MediaStatistics.IsCandidateNews)
            .GroupBy(i => (i.Outlet, Week: MediaStatistics.IsoWeek(MediaStatistics.LocalDay(i.AiredAt, zone))))
            .OrderBy(g => g.Key.Outlet, StringComparer.Ordinal).ThenBy(g => g.Key.Week, StringComparer.Ordinal);
        foreach (var week in weeks)
        {
            var shares = MediaStatistics.Shares(registered.ToDictionary(c => c, c => week.Where(i => i.CandidateCode == c).Sum(i => (long)i.Amount)));
            foreach (var code in registered)
            {
                if (Math.Abs(shares[code] - equal) > tolerance)
                {
                    flags.Add(new(CoverageFlagCodes.NewsUnequal, week.Key.Outlet, week.Key.Week, code, shares[code], equal, tolerance));
                }
            }
        }

        var free = items.Where(i => i.Kind == CoverageKind.FreeAirtime && i.CandidateCode is not null)
            .GroupBy(i => (i.Outlet, i.OutletKind)).OrderBy(g => g.Key.Outlet, StringComparer.Ordinal);
        foreach (var outlet in free)
        {
            var allotment = outlet.Key.OutletKind switch
            {
                OutletKind.Television => rules.FreeAirtime.TelevisionSeconds,
                OutletKind.Radio => rules.FreeAirtime.RadioSeconds,
                OutletKind.Print => rules.FreeAirtime.PrintArticles,
                _ => (int?)null,
            };
            if (allotment is not { } expected)
            {
                continue;
            }

            foreach (var code in registered)
            {
                var given = outlet.Where(i => i.CandidateCode == code).Sum(MediaStatistics.FreeAirtimeMeasure);
                if (given != expected)
                {
                    flags.Add(new(given < expected ? CoverageFlagCodes.FreeAirtimeShort : CoverageFlagCodes.FreeAirtimeOver, outlet.Key.Outlet, null, code, given, expected, 0m));
                }
            }
        }

        return flags;
    }
}
