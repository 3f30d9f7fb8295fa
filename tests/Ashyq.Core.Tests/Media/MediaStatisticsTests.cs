using Ashyq.Core.Media;
using static Ashyq.Core.Tests.Media.MediaSampleData;

namespace Ashyq.Core.Tests.Media;

public class MediaStatisticsTests
{
    private static MediaFigures Campaign => MediaStatistics.Compute(Sample, Registered);

    [Fact]
    public void NewsShare_CountsCampaignNewsOfCandidatesOnly()
    {
        // TV-A news about candidates: C1 60 + 40 = 100 s, C2 40 + 10 = 50 s, C3 30 s, C4 20 s; total 200 s.
        // Shares: 100/200 = 0.5, 50/200 = 0.25, 30/200 = 0.15, 20/200 = 0.1. The ministry's 40 s of news and C2's
        // 100 s of current affairs are not candidate news and are in neither numerator nor denominator.
        var tv = Campaign.NewsShare["TV-A"];
        Assert.Equal(0.5m, tv["C1"]);
        Assert.Equal(0.25m, tv["C2"]);
        Assert.Equal(0.15m, tv["C3"]);
        Assert.Equal(0.1m, tv["C4"]);
        Assert.Equal(200, Campaign.NewsAmount["TV-A"].Values.Sum());
    }

    [Fact]
    public void NewsShare_ExcludesInstitutionalCoverage_AsFootnote14()
    {
        // C4's 300 s as President are institutional. Counted, C4 would have (20 + 300) / (200 + 300) = 0.64;
        // excluded, 20 / 200 = 0.1.
        Assert.Equal(0.1m, Campaign.NewsShare["TV-A"]["C4"]);
        Assert.DoesNotContain("TV-B", Campaign.NewsShare.Keys); // TV-B carried institutional coverage only
    }

    [Fact]
    public void NewsShare_OfPrint_IsByArea()
    {
        // Paper: C1 300 cm², C2 100 cm²: 300/400 = 0.75, 100/400 = 0.25, C3 and C4 0.
        var paper = Campaign.NewsShare["Paper"];
        Assert.Equal(0.75m, paper["C1"]);
        Assert.Equal(0.25m, paper["C2"]);
        Assert.Equal(0m, paper["C3"]);
        Assert.Equal(0m, paper["C4"]);
    }

    [Fact]
    public void NewsShare_PerDay()
    {
        // 14 March, TV-A: C1 60, C2 40 → 0.6, 0.4. 15 March: C1 40, C2 10, C3 30, C4 20 (total 100) → 0.4, 0.1, 0.3, 0.2.
        var report = MediaStatistics.Report(Sample, Registered, Rules, Zone);
        Assert.Equal([new DateOnly(2011, 3, 14), new DateOnly(2011, 3, 15)], report.Days.Select(d => d.Day));
        var first = report.Days[0].Figures.NewsShare["TV-A"];
        Assert.Equal(0.6m, first["C1"]);
        Assert.Equal(0.4m, first["C2"]);
        Assert.Equal(0m, first["C3"]);
        var second = report.Days[1].Figures.NewsShare["TV-A"];
        Assert.Equal([0.4m, 0.1m, 0.3m, 0.2m], new[] { "C1", "C2", "C3", "C4" }.Select(c => second[c]));
    }

    [Fact]
    public void Day_IsTheLocalDayInTheElectionsZone()
    {
        // 20:00 UTC on 14 March is 02:00 on 15 March in UTC+6.
        var late = Item("TV-A", 14, 20, CoverageKind.News, "C1", 10) with { AiredAt = new DateTimeOffset(2011, 3, 14, 20, 0, 0, TimeSpan.Zero) };
        Assert.Equal(new DateOnly(2011, 3, 15), MediaStatistics.LocalDay(late.AiredAt, Zone));
        Assert.Equal("2011-W11", MediaStatistics.IsoWeek(new DateOnly(2011, 3, 14)));
        Assert.Equal("2011-W10", MediaStatistics.IsoWeek(new DateOnly(2011, 3, 13)));
    }

    [Fact]
    public void InstitutionalSeconds_PerOfficeHolder()
    {
        // C4 as President: 300 s on TV-A + 120 s on TV-B = 420 s, all positive; the Prime Minister 60 s neutral.
        Assert.Equal(420, Campaign.InstitutionalSeconds["C4"]);
        Assert.Equal(60, Campaign.InstitutionalSeconds["Prime Minister"]);
        Assert.Equal(new ToneBreakdown(420, 0, 0), Campaign.InstitutionalTone["C4"]);
    }

    [Fact]
    public void PaidShare_OfAllPaidTime()
    {
        // Timed paid advertising: C4 600 + C1 200 + Ak Zhol 200 = 1000 s → 0.6, 0.2, 0.2. Paper's 500 cm² for C2
        // is area, not time, and stays out of the time totals.
        Assert.Equal(1000, Campaign.PaidTotalSeconds);
        Assert.Equal(0.6m, Campaign.PaidShare["C4"]);
        Assert.Equal(0.2m, Campaign.PaidShare["C1"]);
        Assert.Equal(0.2m, Campaign.PaidShare["Ak Zhol"]);
        Assert.DoesNotContain("C2", Campaign.PaidShare.Keys);
    }

    [Fact]
    public void Tone_OfCampaignCoverage_PerOutletAndCandidate()
    {
        // TV-A: C1 60 positive + 40 neutral; C2 40 neutral + 10 negative + 100 neutral (current affairs);
        // C4 20 positive (news only: its 300 institutional seconds are not campaign coverage).
        var tone = Campaign.Tone["TV-A"];
        Assert.Equal(new ToneBreakdown(60, 40, 0), tone["C1"]);
        Assert.Equal(new ToneBreakdown(0, 140, 10), tone["C2"]);
        Assert.Equal(new ToneBreakdown(20, 0, 0), tone["C4"]);
    }

    [Fact]
    public void Shares_OfNothing_AreZero()
    {
        var shares = MediaStatistics.Shares(new Dictionary<string, long> { ["C1"] = 0 });
        Assert.Equal(0m, shares["C1"]);
    }
}
