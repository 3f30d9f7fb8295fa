namespace Ashyq.Core.Media;

/// <summary>
/// The figures in the published JSON shape (<c>ashyq media stats --json</c> and <c>GET /api/media/stats</c>):
/// <c>{"news_share": {"&lt;outlet&gt;": {"&lt;candidate&gt;": share}}, "institutional_seconds": {"&lt;subject&gt;": s},
/// "paid_share": {"&lt;candidate&gt;": share}, "tone": {"&lt;outlet&gt;": {"&lt;candidate&gt;": {"positive": s, "neutral": s,
/// "negative": s}}}, …}</c> — shares as fractions (six decimals), times in seconds, subjects by name.
/// </summary>
public static class MediaStatsDocument
{
    public static Dictionary<string, object?> Figures(MediaFigures f, Func<string, string> name) => new()
    {
        ["news_share"] = f.NewsShare.ToDictionary(o => o.Key, o => o.Value.ToDictionary(c => name(c.Key), c => Math.Round(c.Value, 6))),
        ["institutional_seconds"] = f.InstitutionalSeconds.ToDictionary(s => name(s.Key), s => s.Value),
        ["paid_share"] = f.PaidShare.ToDictionary(s => name(s.Key), s => Math.Round(s.Value, 6)),
        ["tone"] = f.Tone.ToDictionary(o => o.Key, o => o.Value.ToDictionary(c => name(c.Key), c => Tone(c.Value))),
        ["news_seconds"] = f.NewsAmount.ToDictionary(o => o.Key, o => o.Value.ToDictionary(c => name(c.Key), c => c.Value)),
        ["institutional_tone"] = f.InstitutionalTone.ToDictionary(s => name(s.Key), s => Tone(s.Value)),
        ["paid_seconds"] = f.PaidSeconds.ToDictionary(s => name(s.Key), s => s.Value),
        ["free_airtime"] = f.FreeAirtime.ToDictionary(o => o.Key, o => o.Value.ToDictionary(c => name(c.Key), c => c.Value)),
    };

    /// <summary>The whole report: the campaign's figures, the flags, the number of items, and each day's figures if asked.</summary>
    public static Dictionary<string, object?> Report(MediaReport report, int items, Func<string, string> name, bool byDay)
    {
        var document = Figures(report.Campaign, name);
        document["flags"] = report.Flags.Select(f => new Dictionary<string, object?>
        {
            ["code"] = f.Code,
            ["outlet"] = f.Outlet,
            ["week"] = f.Week,
            ["candidate"] = name(f.Candidate),
            ["actual"] = Math.Round(f.Actual, 6),
            ["expected"] = Math.Round(f.Expected, 6),
            ["tolerance"] = f.Tolerance,
        }).ToList();
        document["items"] = items;
        if (byDay)
        {
            document["by_day"] = report.Days.Select(d =>
            {
                var day = Figures(d.Figures, name);
                day["day"] = d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                return day;
            }).ToList();
        }

        return document;
    }

    private static Dictionary<string, long> Tone(ToneBreakdown t) => new()
    {
        ["positive"] = t.Positive,
        ["neutral"] = t.Neutral,
        ["negative"] = t.Negative,
    };
}
