using System.Globalization;

namespace Ashyq.Core.Media;

/// <summary>Seconds (cm² for print) of coverage by tone.</summary>
public sealed record ToneBreakdown(long Positive, long Neutral, long Negative)
{
    public long Total => Positive + Neutral + Negative;

    public ToneBreakdown Add(Tone tone, long amount) => tone switch
    {
        Tone.Positive => this with { Positive = Positive + amount },
        Tone.Neutral => this with { Neutral = Neutral + amount },
        _ => this with { Negative = Negative + amount },
    };

    public static ToneBreakdown None { get; } = new(0, 0, 0);
}

/// <summary>
/// The figures of a set of monitored items (the whole campaign, or one day), keyed by outlet and by subject (a
/// candidate's code, or another subject as written). Shares are exact fractions of 1.
/// </summary>
public sealed record MediaFigures
{
    /// <summary>Per outlet, each registered candidate's news time (cm² for print): campaign news only, institutional excluded.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> NewsAmount { get; init; }

    /// <summary>Per outlet, each registered candidate's share of the outlet's campaign news about the candidates (fn 14).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> NewsShare { get; init; }

    /// <summary>Per outlet, each candidate's campaign coverage (news and current affairs) by tone.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, ToneBreakdown>> Tone { get; init; }

    /// <summary>Seconds of institutional coverage (an office holder in office) per subject, on every timed outlet.</summary>
    public required IReadOnlyDictionary<string, long> InstitutionalSeconds { get; init; }

    /// <summary>Institutional coverage per subject by tone, in seconds.</summary>
    public required IReadOnlyDictionary<string, ToneBreakdown> InstitutionalTone { get; init; }

    /// <summary>Seconds of paid political advertising per subject, on every timed outlet.</summary>
    public required IReadOnlyDictionary<string, long> PaidSeconds { get; init; }

    /// <summary>Each subject's share of all paid advertising time.</summary>
    public required IReadOnlyDictionary<string, decimal> PaidShare { get; init; }

    /// <summary>Free airtime per outlet and candidate: seconds, or articles for print.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> FreeAirtime { get; init; }

    public long PaidTotalSeconds => PaidSeconds.Values.Sum();
}

/// <summary>The figures of the whole campaign, of each day, and the deviations from the equal-coverage rule.</summary>
public sealed record MediaReport(
    MediaFigures Campaign,
    IReadOnlyList<DayFigures> Days,
    IReadOnlyList<CoverageFlag> Flags,
    IReadOnlyDictionary<string, OutletKind> Outlets);

public sealed record DayFigures(DateOnly Day, MediaFigures Figures);

/// <summary>
/// Computes the shares and totals the observation mission reports (statement §4, fn 14) from monitored items alone:
/// nothing is typed in. News shares count <see cref="CoverageKind.News"/> of registered candidates; institutional
/// coverage, current affairs, advertising and free airtime are kept out of them.
/// </summary>
public static class MediaStatistics
{
    /// <summary>The campaign figures, each day's (the day in <paramref name="zone"/>), and the rule's flags.</summary>
    public static MediaReport Report(IReadOnlyList<MediaItem> items, CandidateDirectory candidates, MediaRules? rules, TimeZoneInfo zone)
    {
        var days = items.GroupBy(i => LocalDay(i.AiredAt, zone)).OrderBy(g => g.Key)
            .Select(g => new DayFigures(g.Key, Compute([.. g], candidates))).ToList();
        var flags = rules is null ? [] : EqualCoverage.Check(items, candidates, rules, zone);
        var outlets = new SortedDictionary<string, OutletKind>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            outlets.TryAdd(item.Outlet, item.OutletKind);
        }

        return new MediaReport(Compute(items, candidates), days, flags, outlets);
    }

    /// <summary>The figures of <paramref name="items"/>, whatever period they cover.</summary>
    public static MediaFigures Compute(IReadOnlyList<MediaItem> items, CandidateDirectory candidates)
    {
        var registered = candidates.Registered.Select(c => c.Code).ToList();
        var newsAmount = new SortedDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        var newsShare = new SortedDictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var outlet in items.Where(IsCandidateNews).GroupBy(i => i.Outlet))
        {
            var amounts = registered.ToDictionary(c => c, c => outlet.Where(i => i.CandidateCode == c).Sum(i => (long)i.Amount));
            newsAmount[outlet.Key] = amounts;
            newsShare[outlet.Key] = Shares(amounts);
        }

        var tone = new SortedDictionary<string, IReadOnlyDictionary<string, ToneBreakdown>>(StringComparer.Ordinal);
        foreach (var outlet in items.Where(i => i.CandidateCode is not null && i.Kind is CoverageKind.News or CoverageKind.CurrentAffairs).GroupBy(i => i.Outlet))
        {
            tone[outlet.Key] = registered.ToDictionary(c => c, c => ToneOf(outlet.Where(i => i.CandidateCode == c)));
        }

        var institutional = items.Where(i => i.Kind == CoverageKind.Institutional && i.IsTimed).GroupBy(i => i.SubjectKey).ToList();
        var paid = Totals(items.Where(i => i.Kind == CoverageKind.PaidAdvertising && i.IsTimed));
        var free = new SortedDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var outlet in items.Where(i => i.Kind == CoverageKind.FreeAirtime && i.CandidateCode is not null).GroupBy(i => i.Outlet))
        {
            free[outlet.Key] = registered.ToDictionary(c => c, c => outlet.Where(i => i.CandidateCode == c).Sum(FreeAirtimeMeasure));
        }

        return new MediaFigures
        {
            NewsAmount = newsAmount,
            NewsShare = newsShare,
            Tone = tone,
            InstitutionalSeconds = institutional.ToDictionary(g => g.Key, g => g.Sum(i => (long)i.Amount), StringComparer.Ordinal),
            InstitutionalTone = institutional.ToDictionary(g => g.Key, g => ToneOf(g), StringComparer.Ordinal),
            PaidSeconds = paid,
            PaidShare = Shares(paid),
            FreeAirtime = free,
        };
    }

    /// <summary>Campaign news about a registered candidate: the only items the news shares count.</summary>
    public static bool IsCandidateNews(MediaItem item) => item.Kind == CoverageKind.News && item.CandidateCode is not null;

    /// <summary>Free airtime is measured in seconds on broadcasters and online, in articles in print.</summary>
    public static long FreeAirtimeMeasure(MediaItem item) => item.OutletKind == OutletKind.Print ? 1 : item.Amount;

    /// <summary>Each key's share of the sum; all zero when the sum is zero.</summary>
    public static IReadOnlyDictionary<string, decimal> Shares(IReadOnlyDictionary<string, long> amounts)
    {
        var total = amounts.Values.Sum();
        return amounts.ToDictionary(a => a.Key, a => total == 0 ? 0m : (decimal)a.Value / total, StringComparer.Ordinal);
    }

    public static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The ISO 8601 week of a local day, written <c>2011-W11</c>.</summary>
    public static string IsoWeek(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    private static IReadOnlyDictionary<string, long> Totals(IEnumerable<MediaItem> items) =>
        items.GroupBy(i => i.SubjectKey).ToDictionary(g => g.Key, g => g.Sum(i => (long)i.Amount), StringComparer.Ordinal);

    private static ToneBreakdown ToneOf(IEnumerable<MediaItem> items) =>
        items.Aggregate(ToneBreakdown.None, (t, i) => t.Add(i.Tone, i.Amount));
}
