using Ashyq.Core.Media;
using static Ashyq.Core.Tests.Media.MediaSampleData;

namespace Ashyq.Core.Tests.Media;

public class EqualCoverageTests
{
    private static IReadOnlyList<CoverageFlag> Flags(params MediaItem[] items) => EqualCoverage.Check(items, Registered, Rules, Zone);

    [Fact]
    public void NewsShare_FurtherFromEqualThanTolerance_IsFlaggedPerOutletAndWeek()
    {
        // Week 2011-W11 on TV-A: shares 0.5, 0.25, 0.15, 0.1 (see MediaStatisticsTests). Equal = 1/4 = 0.25,
        // tolerance 0.1: C1 |0.5 - 0.25| = 0.25 > 0.1 flagged; C2 0; C3 |0.15 - 0.25| = 0.1, not more than the
        // tolerance, not flagged; C4 |0.1 - 0.25| = 0.15 flagged. Paper (same week): 0.75, 0.25, 0, 0 → C1, C3, C4.
        var flags = EqualCoverage.Check(Sample, Registered, Rules, Zone).Where(f => f.Code == CoverageFlagCodes.NewsUnequal).ToList();
        Assert.Equal(["Paper/C1", "Paper/C3", "Paper/C4", "TV-A/C1", "TV-A/C4"], flags.Select(f => $"{f.Outlet}/{f.Candidate}"));
        Assert.All(flags, f => Assert.Equal("2011-W11", f.Week));
        var c1 = flags.Single(f => f.Outlet == "TV-A" && f.Candidate == "C1");
        Assert.Equal(0.5m, c1.Actual);
        Assert.Equal(0.25m, c1.Expected);
    }

    [Fact]
    public void NewsShare_IsJudgedWeekByWeek()
    {
        // W10 (Sunday 13 March): C1 100 s only → 1.0 vs 0.25, and C2..C4 0 → all four flagged.
        // W11 (Monday 14 March): 25 s each → equal, nothing flagged.
        var flags = Flags(
            Item("TV-A", 13, 20, CoverageKind.News, "C1", 100),
            Item("TV-A", 14, 20, CoverageKind.News, "C1", 25),
            Item("TV-A", 14, 20, CoverageKind.News, "C2", 25),
            Item("TV-A", 14, 20, CoverageKind.News, "C3", 25),
            Item("TV-A", 14, 20, CoverageKind.News, "C4", 25));
        Assert.Equal(4, flags.Count);
        Assert.All(flags, f => Assert.Equal("2011-W10", f.Week));
    }

    [Fact]
    public void InstitutionalCoverage_DoesNotUnbalanceTheNews()
    {
        var flags = Flags(
            Item("TV-A", 14, 20, CoverageKind.News, "C1", 25),
            Item("TV-A", 14, 20, CoverageKind.News, "C2", 25),
            Item("TV-A", 14, 20, CoverageKind.News, "C3", 25),
            Item("TV-A", 14, 20, CoverageKind.News, "C4", 25),
            Item("TV-A", 14, 20, CoverageKind.Institutional, "C4", 3000));
        Assert.Empty(flags);
    }

    [Fact]
    public void FreeAirtime_ShortOfOrBeyondTheAllotment_IsFlagged()
    {
        // Television, 900 s each: C1 450 + 450 = 900 ok; C2 900 ok; C3 600 short; C4 1000 over.
        var flags = Flags(
            Item("TV-A", 14, 19, CoverageKind.FreeAirtime, "C1", 450),
            Item("TV-A", 15, 19, CoverageKind.FreeAirtime, "C1", 450),
            Item("TV-A", 14, 19, CoverageKind.FreeAirtime, "C2", 900),
            Item("TV-A", 14, 19, CoverageKind.FreeAirtime, "C3", 600),
            Item("TV-A", 14, 19, CoverageKind.FreeAirtime, "C4", 1000));
        Assert.Equal(
            [(CoverageFlagCodes.FreeAirtimeShort, "C3", 600m), (CoverageFlagCodes.FreeAirtimeOver, "C4", 1000m)],
            flags.Select(f => (f.Code, f.Candidate, f.Actual)));
        Assert.All(flags, f => Assert.Equal(900m, f.Expected));
        Assert.All(flags, f => Assert.Null(f.Week));
    }

    [Fact]
    public void FreeAirtime_OnRadio_IsTenMinutes_AndInPrint_TwoArticles()
    {
        // Radio 600 s: C1..C4 600 each except C2 300 → C2 short. Print: articles counted, not area: C1 2, C2 2,
        // C3 1 (short), C4 3 (over).
        var items = new List<MediaItem>();
        foreach (var c in new[] { "C1", "C3", "C4" })
        {
            items.Add(Item("Radio", 14, 12, CoverageKind.FreeAirtime, c, 600, outletKind: OutletKind.Radio));
        }

        items.Add(Item("Radio", 14, 12, CoverageKind.FreeAirtime, "C2", 300, outletKind: OutletKind.Radio));
        foreach (var (c, articles) in new[] { ("C1", 2), ("C2", 2), ("C3", 1), ("C4", 3) })
        {
            for (var a = 0; a < articles; a++)
            {
                items.Add(Item("Paper", 14, 6, CoverageKind.FreeAirtime, c, 700, outletKind: OutletKind.Print));
            }
        }

        var flags = Flags([.. items]);
        Assert.Equal(
            [("Paper", CoverageFlagCodes.FreeAirtimeShort, "C3", 1m, 2m), ("Paper", CoverageFlagCodes.FreeAirtimeOver, "C4", 3m, 2m), ("Radio", CoverageFlagCodes.FreeAirtimeShort, "C2", 300m, 600m)],
            flags.Select(f => (f.Outlet, f.Code, f.Candidate, f.Actual, f.Expected)));
    }

    [Fact]
    public void FreeAirtime_Online_HasNoAllotment()
    {
        Assert.Empty(Flags(Item("Site", 14, 12, CoverageKind.FreeAirtime, "C1", 5, outletKind: OutletKind.Online)));
    }

    [Fact]
    public void Kz2011Definition_CarriesTheLawsValues()
    {
        var media = Ashyq.Tests.Repo.Kz.Media!;
        Assert.Equal(900, media.FreeAirtime.TelevisionSeconds);
        Assert.Equal(600, media.FreeAirtime.RadioSeconds);
        Assert.Equal(2, media.FreeAirtime.PrintArticles);
        Assert.True(media.FreeAirtime.Verified);
        Assert.Equal("registered_candidates", media.NewsCoverage.EqualAmong);
        Assert.Equal(0.1m, media.NewsCoverage.Tolerance);
    }

    [Fact]
    public void Definition_WithToleranceAboveOne_IsRefused()
    {
        var json = Ashyq.Core.Tests.Elections.DefinitionTests.Mutated(d => d["media"]!["newsCoverage"]!["tolerance"] = 2);
        var errors = Ashyq.Core.Elections.ElectionDefinitionLoader.Check(json, out var definition);
        Assert.Null(definition);
        Assert.Contains(errors, e => e.Path.StartsWith("$.media.newsCoverage", StringComparison.Ordinal) && e.Code == "DEF.SCHEMA");
    }
}
