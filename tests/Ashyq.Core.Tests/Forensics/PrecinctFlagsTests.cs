using Ashyq.Core.Elections;
using Ashyq.Core.Forensics;

namespace Ashyq.Core.Tests.Forensics;

/// <summary>The per-precinct flags agree with the figures that count them (two candidates, C2 the leader).</summary>
public class PrecinctFlagsTests
{
    private static readonly ForensicsCandidate[] Two = [new("C1", LocalizedText.Same("Other")), new("C2", LocalizedText.Same("Leader"))];

    private static PrecinctSet Set()
    {
        var set = new PrecinctSet("test", Two, [new ForensicsRegion("R1", LocalizedText.Same("One"))], ["R.A", "R.B"]);
        set.Add("P1", 0, 1000, 900, 900, 890, 10, [50, 840]);  // B/N 90%, P/D 840/900 = 93.3%: corner; G/N 90.0% integer
        set.Add("P2", -1, 1000, 703, 703, 700, 3, [300, 400]); // 70.3%, 400/703 = 56.9%: nothing
        set.Add("P3", 0, 100, 81, 81, 81, 0, [16, 65]);        // 81%, 65/81 = 80.2%: corner; G/N 81% integer
        set.Add("P4", 0, 1000, 801, 801, 800, 1, [400, 400]);  // 80.1%, 400/801 = 49.9%: no corner, no integer
        set.Add("P5", 0, 0, 0, 0, 0, 0, [0, 0]);               // N = 0, D = 0: no flag but its relations
        set.AddViolation(4, "R.B");
        set.AddViolation(4, "R.A");
        set.AddViolation(4, "R.B");
        return set;
    }

    [Fact]
    public void Flags_match_the_fingerprint_and_the_integer_test()
    {
        var set = Set();
        var flags = PrecinctFlags.Compute(set, leader: 1);

        Assert.Equal(["P1", "P3"], flags.Where(f => f.HighCorner).Select(f => f.Code));
        Assert.Equal(Fingerprint.Compute(set, 1).CountTurnoutGt80LeaderGt80, flags.Count(f => f.HighCorner));
        Assert.Equal(["P1", "P3"], flags.Where(f => f.IntegerTurnout).Select(f => f.Code));
        Assert.Equal(90, flags[0].IntegerTurnoutPercent);
        Assert.Equal(81, flags[2].IntegerTurnoutPercent);
        Assert.Null(flags[1].IntegerTurnoutPercent);
        Assert.DoesNotContain(flags, f => f.IntegerLeaderShare);
        Assert.Equal(new Ratio(840, 900), flags[0].LeaderShare);
        Assert.Equal(new Ratio(900, 1000), flags[0].Turnout);
        Assert.Equal("R1", flags[0].Region?.Code);
        Assert.Null(flags[1].Region);

        // The integer test's population: P3 has N < 100.
        Assert.Equal(IntegerPercentages.Compute(set, 1).TurnoutObserved, flags.Count(f => f.InIntegerPopulation && f.IntegerTurnout));
    }

    [Fact]
    public void Relations_are_listed_once_in_the_definitions_order()
    {
        var flags = PrecinctFlags.Compute(Set(), leader: 1);
        Assert.Equal(["R.A", "R.B"], flags[4].RelationsBroken);
        Assert.True(flags[4].Flagged);
        Assert.False(flags[1].Flagged);
        Assert.False(flags[4].HighCorner);
        Assert.False(flags[4].IntegerTurnout);
    }
}
