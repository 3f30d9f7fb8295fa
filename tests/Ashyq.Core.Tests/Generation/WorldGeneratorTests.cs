using Ashyq.Core.Commissions;
using Ashyq.Core.Generation;
using Ashyq.Core.Register;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Generation;

public class WorldGeneratorTests
{
    private static readonly WorldGenerator Generator = new(Repo.Kz, scale: 0.001, seed: 7);
    private static readonly GeneratedHierarchy World = Generator.Hierarchy();

    [Fact]
    public void TheHierarchy_IsWholeAtAnyScale()
    {
        var perLevel = World.Commissions.GroupBy(c => c.Level).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["CEC"] = 1, ["TEC"] = 16, ["DEC"] = 207, ["PEC"] = 9725 }, perLevel);
        Assert.Equal(69_643, World.Members.Count);
        Assert.Equal(525, World.Commissions.Count(c => c.IsSpecial));
        Assert.Equal(World.Commissions.Count, World.Commissions.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void EveryCommissionBelowTheTop_HasAParentOfTheLevelAbove()
    {
        var byCode = World.Commissions.ToDictionary(c => c.Code);
        var levels = Repo.Kz.Levels.Select(l => l.Code).ToList();
        foreach (var c in World.Commissions.Where(c => c.Level != "CEC"))
        {
            var parent = byCode[c.Parent!.Value];
            Assert.Equal(levels.IndexOf(c.Level) - 1, levels.IndexOf(parent.Level));
        }

        Assert.All(World.Commissions.Where(c => c.Level == "DEC"), d => Assert.Contains(World.Commissions, p => p.Parent == d.Code));
    }

    [Fact]
    public void TerritorialCommissions_CarryTheRealUnitNames()
    {
        var tecs = World.Commissions.Where(c => c.Level == "TEC").ToList();
        Assert.Contains(tecs, t => t.Name.En.Contains("Astana City", StringComparison.Ordinal));
        Assert.Contains(tecs, t => t.Name.En.Contains("Almaty City", StringComparison.Ordinal));
        Assert.Equal(14, tecs.Count(t => t.Name.En.Contains("Region", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryCommission_HasSevenMembersWithOneChairDeputyAndSecretary()
    {
        foreach (var members in World.Members.GroupBy(m => m.Commission))
        {
            Assert.Equal(7, members.Count());
            Assert.Single(members, m => m.Role == MemberRole.Chair);
            Assert.Single(members, m => m.Role == MemberRole.Secretary);
            Assert.All(members, m => Assert.False(string.IsNullOrWhiteSpace(m.NominatedBy)));
        }
    }

    [Fact]
    public void TheCec_IsAppointedAsTheDefinitionSays_WithTwoWomen()
    {
        var cec = World.Members.Where(m => m.Commission.Value == "CEC").ToList();
        Assert.Equal(3, cec.Count(m => m.AppointedBy == "president"));
        Assert.Equal(2, cec.Count(m => m.AppointedBy == "senate"));
        Assert.Equal(2, cec.Count(m => m.AppointedBy == "mazhilis"));
        Assert.Equal("president", cec.Single(m => m.Role == MemberRole.Chair).AppointedBy);
        Assert.Equal(2, cec.Count(m => m.Gender == Gender.Female));
    }

    [Fact]
    public void WomenShares_AreOfTheSeedsOrder()
    {
        double Share(string level) => World.Members.Where(m => m.Commission.Value.StartsWith(level, StringComparison.Ordinal))
            .Average(m => m.Gender == Gender.Female ? 1.0 : 0.0);
        Assert.InRange(Share("PEC"), 0.70, 0.76);
        Assert.InRange(Share("DEC"), 0.39, 0.50);
    }

    [Fact]
    public void Voters_AreTheElectorateTimesTheScale_EachOnOneList_WithValidIins()
    {
        var voters = Generator.Voters(World).ToList();

        Assert.Equal(9_182, voters.Count);
        Assert.Equal(World.VoterCount, voters.Count);
        Assert.Equal(voters.Count, voters.Select(v => v.Iin).Distinct().Count());
        var precincts = World.Commissions.Where(c => c.Level == "PEC").Select(c => c.Code.Value).ToHashSet();
        Assert.All(voters, v => Assert.Contains(v.PrecinctCode, precincts));
        var votingDay = Repo.Kz.Calendar.VotingDay;
        Assert.All(voters, v =>
        {
            Assert.True(Iin.TryParse(v.Iin.ToString(), out _));
            Assert.Equal(v.Gender, v.Iin.Gender);
            Assert.True(v.BirthDate.AddYears(18) <= votingDay, $"{v.Iin} is under 18 on voting day");
        });
    }

    [Fact]
    public void TheSameSeed_GivesTheSameElection_AndAnotherSeedAnother()
    {
        var again = new WorldGenerator(Repo.Kz, 0.001, 7);
        var hierarchy = again.Hierarchy();
        Assert.Equal(World.Members.Select(m => m.FullName), hierarchy.Members.Select(m => m.FullName));
        Assert.Equal(Generator.Voters(World).Take(500), again.Voters(hierarchy).Take(500));

        var other = new WorldGenerator(Repo.Kz, 0.001, 8);
        Assert.NotEqual(World.Members.Select(m => m.FullName), other.Hierarchy().Members.Select(m => m.FullName));
    }

    [Fact]
    public void ScaleZero_BuildsTheHierarchyWithoutVoters()
    {
        var generator = new WorldGenerator(Repo.Kz, 0, 1);
        var hierarchy = generator.Hierarchy();
        Assert.Equal(9949, hierarchy.Commissions.Count);
        Assert.Empty(generator.Voters(hierarchy));
    }

    [Fact]
    public void TheNominees_AreTwentyTwo_OfWhomFourRegistered()
    {
        Assert.Equal(22, World.Nominees.Count);
        Assert.Equal(["C1", "C2", "C3", "C4"], World.Nominees.Where(n => n.CandidateCode is not null).Select(n => n.CandidateCode));
    }

    [Fact]
    public void Apportionment_AddsUpExactly()
    {
        var shares = Apportionment.Apportion(9_181_700, [0.3, 0.3, 0.4, 1e-9]);
        Assert.Equal(9_181_700, shares.Sum());
        Assert.Equal([2_754_510, 2_754_510, 3_672_680, 0], shares);
        Assert.All(Apportionment.Apportion(20, [1, 100, 1], minimumEach: 1), s => Assert.True(s >= 1));
    }
}
