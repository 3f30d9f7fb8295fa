using Ashyq.Core.Commissions;
using Ashyq.Core.Generation;
using Ashyq.Core.Register;
using Ashyq.Tests;
using static Ashyq.Core.Tests.Commissions.CompositionTests;

namespace Ashyq.Core.Tests.Commissions;

public class StatisticsTests
{
    [Fact]
    public void AHandMadeHierarchy_GivesTheFiguresWorkedOutByHand()
    {
        // CEC: 2 women of 7, chair a man. TEC-01: 4 women of 7, chair a woman, 4 from NUR-OTAN (a majority).
        var cec = Seven("CEC", "PRESIDENT", "PRESIDENT", "PRESIDENT", "SENATE", "SENATE", "MAZHILIS", "MAZHILIS");
        cec[5] = cec[5] with { Gender = Gender.Female };
        cec[6] = cec[6] with { Gender = Gender.Female, Ethnicity = "russian" };
        var tec = Seven("TEC-01", "NUR-OTAN", "NUR-OTAN", "NUR-OTAN", "NUR-OTAN", "AUYL", "ADILET", "AK-ZHOL");
        for (var i = 0; i < 4; i++)
        {
            tec[i] = tec[i] with { Gender = Gender.Female };
        }

        tec[6] = tec[6] with { Ethnicity = "russian" };

        var stats = CommissionStatistics.Compute(Repo.Kz, [("CEC", "CEC", cec), ("TEC-01", "TEC", tec)]);

        Assert.Equal(0.2857m, stats.WomenShare["CEC"]);
        Assert.Equal(0.5714m, stats.WomenShare["TEC"]);
        Assert.Equal(0m, stats.WomenChairsShare["CEC"]);
        Assert.Equal(1m, stats.WomenChairsShare["TEC"]);
        Assert.Equal(0.8571m, stats.EthnicityShare["kazakh"]);
        Assert.Equal(0.1429m, stats.EthnicityShare["russian"]);
        Assert.Equal(0.5m, stats.PartyPresenceShare["NUR-OTAN"]);
        Assert.Equal(0.5m, stats.PartyPresenceShare["PRESIDENT"]);
        Assert.Equal(1, stats.MajorityFromOneOrganization);
        Assert.Equal(new Dictionary<string, int> { ["COMP.NO-MAJORITY-FROM-ONE-ORGANIZATION"] = 1 }, stats.Violations);
    }

    [Fact]
    public void TheGeneratedWorld_HasTheSeedsOrderOfFigures()
    {
        var world = new WorldGenerator(Repo.Kz, 0, 2011).Hierarchy();
        var members = world.Members.ToLookup(m => m.Commission.Value);

        var stats = CommissionStatistics.Compute(Repo.Kz, world.Commissions.Select(c => (c.Code.Value, c.Level, (IReadOnlyList<Member>)[.. members[c.Code.Value]])));

        Assert.Equal(0.2857m, stats.WomenShare["CEC"]);
        Assert.InRange(stats.WomenShare["TEC"], 0.22m, 0.40m);
        Assert.InRange(stats.WomenShare["DEC"], 0.40m, 0.49m);
        Assert.InRange(stats.WomenShare["PEC"], 0.71m, 0.75m);
        Assert.InRange(stats.EthnicityShare["kazakh"], 0.71m, 0.75m);
        Assert.InRange(stats.EthnicityShare["russian"], 0.15m, 0.18m);
        Assert.True(stats.MajorityFromOneOrganization > 1000, "the seed: many commissions with a majority from one organization");
    }
}
