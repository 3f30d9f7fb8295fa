using Ashyq.Core.Results;
using Ashyq.Core.Results.Expressions;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Results;

public class ControlRelationTests
{
    private static readonly ProtocolForm Form = Repo.Kz.ProtocolForm;

    // L1 list, L2 received, L3 issued, L4 cancelled, L5 in boxes, L6 invalid, C1..C4.
    private static long[] Consistent() => [1000, 900, 700, 200, 700, 20, 10, 15, 20, 635];

    private static string[] BrokenCodes(long[] values) =>
        [.. Form.Broken(values).Where(r => r.Severity == RelationSeverity.Error).Select(r => r.Code)];

    [Fact]
    public void AConsistentProtocol_BreaksNoError()
    {
        Assert.Empty(BrokenCodes(Consistent()));
    }

    [Fact]
    public void BallotsReceived_MustEqualIssuedPlusCancelled()
    {
        var values = Consistent();
        values[1] = 901;
        Assert.Equal(["R.L2-BALLOTS-BALANCE"], BrokenCodes(values));
    }

    [Fact]
    public void BallotsInTheBoxes_MustEqualInvalidPlusTheCandidatesVotes()
    {
        var values = Consistent();
        values[9] = 636;
        Assert.Equal(["R.L5-BALLOTS-IN-BOX"], BrokenCodes(values));
    }

    [Fact]
    public void BallotsIssued_CannotExceedTheList()
    {
        long[] values = [600, 900, 700, 200, 700, 20, 10, 15, 20, 635];
        Assert.Equal(["R.L3-NOT-ABOVE-LIST"], BrokenCodes(values));
    }

    [Fact]
    public void Warnings_AreRaisedButDoNotCountAsErrors()
    {
        // Turnout 96%, one candidate 99%, all numbers multiples of 10.
        long[] values = [1000, 1000, 960, 40, 960, 0, 0, 0, 10, 950];
        var broken = Form.Broken(values);
        Assert.All(broken, r => Assert.Equal(RelationSeverity.Warning, r.Severity));
        Assert.Equal(["W.TURNOUT-95", "W.CANDIDATE-95", "W.ROUND-NUMBERS"], broken.Select(r => r.Code));
    }

    // Each relation of the definition at its boundary: the values where it still holds, and one step past it.
    // L1 list, L2 received, L3 issued, L4 cancelled, L5 in boxes, L6 invalid, C1..C4.
    public static TheoryData<string, long[], long[]> Boundaries => new()
    {
        { "R.L2-BALLOTS-BALANCE", [1000, 900, 700, 200, 700, 20, 10, 15, 20, 635], [1000, 899, 700, 200, 700, 20, 10, 15, 20, 635] },
        { "R.L5-BALLOTS-IN-BOX", [1000, 900, 700, 200, 700, 20, 10, 15, 20, 635], [1000, 900, 700, 200, 700, 20, 10, 15, 20, 634] },
        { "R.L3-NOT-ABOVE-LIST", [700, 900, 700, 200, 700, 20, 10, 15, 20, 635], [699, 900, 700, 200, 700, 20, 10, 15, 20, 635] },
        { "W.BALLOTS-IN-BOX-ABOVE-ISSUED", [1000, 900, 700, 200, 700, 20, 10, 15, 20, 635], [1000, 900, 700, 200, 701, 20, 10, 15, 20, 636] },
        { "W.TURNOUT-95", [1000, 1000, 949, 51, 949, 9, 10, 15, 20, 895], [1000, 1000, 950, 50, 950, 10, 10, 15, 20, 895] },
        { "W.CANDIDATE-95", [1000, 900, 700, 200, 700, 2, 10, 15, 9, 664], [1000, 900, 700, 200, 700, 1, 10, 15, 9, 665] },
        { "W.ROUND-NUMBERS", [1000, 900, 700, 200, 700, 21, 10, 15, 20, 634], [1000, 900, 700, 200, 700, 20, 10, 15, 20, 635] },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void EachRelation_HoldsAtItsBoundary_AndIsBrokenOneStepPast(string code, long[] holds, long[] broken)
    {
        Assert.Contains(Form.Relations, r => r.Code == code);
        Assert.DoesNotContain(code, Form.Broken(holds).Select(r => r.Code));
        Assert.Contains(code, Form.Broken(broken).Select(r => r.Code));
    }

    [Fact]
    public void EveryRelationOfTheDefinition_HasItsBoundaryTested()
    {
        Assert.Equal(Form.Relations.Select(r => r.Code).Order(), Boundaries.Select(row => row.Data.Item1).Order());
    }

    [Fact]
    public void EachRelation_HasAMessageInEveryLanguage()
    {
        Assert.All(Form.Relations, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Message.Kk));
            Assert.False(string.IsNullOrWhiteSpace(r.Message.Ru));
            Assert.False(string.IsNullOrWhiteSpace(r.Message.En));
        });
    }

    [Theory]
    [InlineData("A + B", "computes a number")]
    [InlineData("A = B", "position 3")]
    [InlineData("A == B +", "position 9")]
    [InlineData("A == C", "unknown line code \"C\"")]
    [InlineData("A == sum(g) and B", "joins comparisons")]
    [InlineData("A == avg(g)", "unknown function \"avg\"")]
    [InlineData("A == (B", "\")\" expected")]
    [InlineData("g == A", "group of lines")]
    public void BadExpressions_AreRefusedWithAReason(string text, string expected)
    {
        var result = RelationExpression.TryParse(text, Lines, Groups, out var errors);
        Assert.Null(result);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A == B + 1", 3, 2, true)]
    [InlineData("A * 2 - B / 2 == 5", 3, 2, true)]
    [InlineData("A % 2 == 1 and not (B > 2)", 3, 2, true)]
    [InlineData("A < B or A == 3", 3, 2, true)]
    [InlineData("sum(g) == A + B", 3, 2, true)]
    [InlineData("max(g) == 3 and min(A, B) == 2", 3, 2, true)]
    [InlineData("-A + B == -1", 3, 2, true)]
    [InlineData("A != 3", 3, 2, false)]
    public void Expressions_EvaluateExactly(string text, long a, long b, bool holds)
    {
        var relation = RelationExpression.TryParse(text, Lines, Groups, out var errors);
        Assert.Empty(errors);
        Assert.Equal(holds, relation!.Holds([a, b]));
    }

    private static readonly Dictionary<string, int> Lines = new() { ["A"] = 0, ["B"] = 1 };
    private static readonly Dictionary<string, int[]> Groups = new() { ["g"] = [0, 1] };
}
