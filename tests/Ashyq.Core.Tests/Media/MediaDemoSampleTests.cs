using Ashyq.Core.Media;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Media;

public class MediaDemoSampleTests
{
    private static readonly IReadOnlyList<MediaItem> Items = MediaSample.Generate(Repo.Kz, 2011);

    private static string Code(string surname) => Repo.Kz.Candidates.Registered.Single(c => c.Name.En.EndsWith(surname, StringComparison.Ordinal)).Code;

    [Theory]
    [InlineData("Kazakhstan TV", 19, 29, 25, 28)]
    [InlineData("Khabar", 13, 26, 28, 33)]
    public void StateChannels_ReproduceTheStatementsShares(string outlet, int nazarbayev, int akhmetbekov, int kassymov, int eleusizov)
    {
        foreach (var seed in new long[] { 1, 7, 2011, 123456 })
        {
            var shares = MediaStatistics.Compute(MediaSample.Generate(Repo.Kz, seed), new CandidateDirectory(Repo.Kz.Candidates.Registered)).NewsShare[outlet];
            Assert.Equal(
                [nazarbayev, akhmetbekov, kassymov, eleusizov],
                new[] { "Nazarbayev", "Akhmetbekov", "Kassymov", "Eleusizov" }.Select(s => (int)Math.Round(shares[Code(s)] * 100, MidpointRounding.AwayFromZero)));
        }
    }

    [Fact]
    public void StateChannels_ReproduceTheStatementsShares_OnTheDefaultSeed()
    {
        const string outlet = "Khabar";
        var shares = MediaStatistics.Compute(Items, new CandidateDirectory(Repo.Kz.Candidates.Registered)).NewsShare[outlet];
        Assert.Equal(
            [13, 26, 28, 33],
            new[] { "Nazarbayev", "Akhmetbekov", "Kassymov", "Eleusizov" }.Select(s => (int)Math.Round(shares[Code(s)] * 100, MidpointRounding.AwayFromZero)));
    }

    [Theory]
    [InlineData("Channel 7", 16)]
    [InlineData("Channel 31", 14)]
    [InlineData("KTK", 3)]
    [InlineData("Astana TV", 39)]
    public void PrivateChannels_GiveTheIncumbentTheStatementsShare(string outlet, int percent)
    {
        var shares = MediaStatistics.Compute(Items, new CandidateDirectory(Repo.Kz.Candidates.Registered)).NewsShare[outlet];
        Assert.Equal(percent, (int)Math.Round(shares[Code("Nazarbayev")] * 100, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Incumbent_HasOverTwoHoursOfPositiveInstitutionalCoverage_AndOverHalfOfPaidTime()
    {
        var figures = MediaStatistics.Compute(Items, new CandidateDirectory(Repo.Kz.Candidates.Registered));
        var incumbent = Code("Nazarbayev");
        Assert.True(figures.InstitutionalTone[incumbent].Positive > 2 * 3600);
        Assert.True(figures.PaidSeconds[incumbent] > 10 * 3600);
        Assert.True(figures.PaidShare[incumbent] > 0.5m);
    }

    [Fact]
    public void Items_HaveRealisticDurations_AndFallInTheCampaign()
    {
        var news = Items.Where(i => i.Kind == CoverageKind.News).ToList();
        Assert.True(news.Count > 500);
        Assert.All(news, i => Assert.InRange(i.Amount, 30, 210));
        Assert.All(Items, i => Assert.InRange(DateOnly.FromDateTime(i.AiredAt.DateTime), new DateOnly(2011, 3, 3), new DateOnly(2011, 4, 1)));
    }

    [Fact]
    public void SameSeed_SameItems_OtherSeed_OtherItems()
    {
        Assert.Equal(Items, MediaSample.Generate(Repo.Kz, 2011));
        Assert.NotEqual(Items, MediaSample.Generate(Repo.Kz, 7));
    }

    [Fact]
    public void FreeAirtime_IsTheAllotment_SoOnlyNewsIsFlagged()
    {
        var flags = EqualCoverage.Check(Items, new CandidateDirectory(Repo.Kz.Candidates.Registered), Repo.Kz.Media!, TimeZoneInfo.FindSystemTimeZoneById(Repo.Kz.TimeZone));
        Assert.All(flags, f => Assert.Equal(CoverageFlagCodes.NewsUnequal, f.Code));
        Assert.Contains(flags, f => f.Outlet == "Astana TV" && f.Candidate == Code("Nazarbayev"));
    }
}
