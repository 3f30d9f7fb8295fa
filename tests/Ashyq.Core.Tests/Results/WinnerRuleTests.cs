using System.Text.Json.Nodes;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;
using Ashyq.Core.Tests.Elections;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Results;

public class WinnerRuleTests
{
    // L1 list, L2 received, L3 issued, L4 cancelled, L5 in boxes (took part), L6 invalid, C1..C4.
    private static long[] Totals(long invalid, params long[] votes) =>
        [10_000, 9_000, 8_000, 1_000, votes.Sum() + invalid, invalid, .. votes];

    [Fact]
    public void MoreThanHalfOfTheVotersWhoTookPart_Elects()
    {
        var outcome = WinnerRule.Determine(Repo.Kz, Totals(0, 100, 100, 100, 7000));

        Assert.Equal(OutcomeKind.Elected, outcome.Kind);
        Assert.Equal(["C4"], outcome.Elected);
    }

    [Fact]
    public void TheDenominator_IsTheVotersWhoTookPart_NotTheValidVotes()
    {
        // 4,000 of 8,000 valid votes would be exactly half; of 8,001 participants (one invalid ballot) it is less.
        var outcome = WinnerRule.Determine(Repo.Kz, Totals(1, 4001, 3999, 0, 0));
        Assert.Equal(OutcomeKind.Elected, outcome.Kind);

        // 4,001 of 8,001 valid votes is more than half, but of 8,003 participants it is not.
        var notElected = WinnerRule.Determine(Repo.Kz, Totals(3, 4001, 4000, 0, 0));
        Assert.Equal(OutcomeKind.Runoff, notElected.Kind);
        Assert.Equal(["C1", "C2"], notElected.RunoffBetween);
    }

    [Fact]
    public void ExactlyHalf_IsNotMoreThanHalf()
    {
        var outcome = WinnerRule.Determine(Repo.Kz, Totals(0, 4000, 2000, 1000, 1000));

        Assert.Equal(OutcomeKind.Runoff, outcome.Kind);
        Assert.Equal(["C1", "C2"], outcome.RunoffBetween);
    }

    [Fact]
    public void ATurnoutThreshold_FromTheDefinition_InvalidatesALowTurnoutElection()
    {
        var json = DefinitionTests.Mutated(d => d["result"]!["turnoutThreshold"] = JsonNode.Parse("""{"numerator":1,"denominator":2}"""));
        var withThreshold = ElectionDefinitionLoader.Parse(json, "threshold.json");

        var low = WinnerRule.Determine(withThreshold, [10_000, 5_000, 4_000, 1_000, 4_000, 0, 0, 0, 0, 4_000]);
        var enough = WinnerRule.Determine(withThreshold, [10_000, 6_000, 5_000, 1_000, 5_000, 0, 0, 0, 0, 5_000]);

        Assert.Equal(OutcomeKind.Invalid, low.Kind);
        Assert.Equal(OutcomeKind.Elected, enough.Kind);
        Assert.Equal(OutcomeKind.Elected, WinnerRule.Determine(Repo.Kz, [10_000, 5_000, 4_000, 1_000, 4_000, 0, 0, 0, 0, 4_000]).Kind);
    }

    [Fact]
    public void AnIncompleteCount_DecidesNothing()
    {
        Assert.Equal(OutcomeKind.Incomplete, WinnerRule.Determine(Repo.Kz, Totals(0, 1, 1, 1, 9000), complete: false).Kind);
    }

    [Fact]
    public void Tallies_AddAcceptedVersionsAndCorrectionsByTheirDifference()
    {
        var tally = new Tally("DEC-001", precincts: 2, lines: 3);
        tally.Apply([10, 20, 30], []);
        tally.Apply([1, 2, 3], []);
        tally.Apply([11, 20, 29], [10, 20, 30]);

        Assert.Equal([12, 22, 32], tally.Totals);
        Assert.Equal(2, tally.AcceptedPrecincts);
        Assert.True(tally.IsComplete);
        Assert.Equal([1, 0, -1], Tally.Delta([11, 20, 29], [10, 20, 30]));
    }
}
