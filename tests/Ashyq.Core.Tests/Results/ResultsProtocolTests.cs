using Ashyq.Core.Results;

namespace Ashyq.Core.Tests.Results;

public class ResultsProtocolTests
{
    private static ResultsProtocol Dec(int accepted) => new("DEC-001", 3, accepted, [new("L1", 3009), new("C4", 1905)]);

    [Fact]
    public void TheTextPutToTheVote_NamesEveryLineAndTheCompleteness_AndChangesWithAnyTotal()
    {
        Assert.Equal("Results protocol of DEC-001: 3 of 3 precinct protocols accepted.\nL1 = 3009\nC4 = 1905", Dec(3).Text());
        Assert.NotEqual(Dec(3).Text(), (Dec(3) with { Totals = [new("L1", 3009), new("C4", 1904)] }).Text());
    }

    [Fact]
    public void AProtocolIsAdopted_OnlyWhenEveryPrecinctIsAccepted()
    {
        var refusal = ResultsProtocolRules.RefusalToAdopt(Dec(2), []);
        Assert.Equal("RESULTS.INCOMPLETE", refusal?.Code);
        Assert.Contains("1 of its 3", refusal!.Message, StringComparison.Ordinal);
        Assert.Null(ResultsProtocolRules.RefusalToAdopt(Dec(3), []));
    }

    [Fact]
    public void ASuperiorAdopts_OnlyWhenEverySubordinateAdoptedItsProtocolAsItStands()
    {
        var tec = new ResultsProtocol("TEC-01", 6, 6, [new("L1", 1)]);
        var refusal = ResultsProtocolRules.RefusalToAdopt(tec, [("DEC-001", true), ("DEC-002", false)]);
        Assert.Equal("RESULTS.SUBORDINATE-NOT-ADOPTED", refusal?.Code);
        Assert.Contains("DEC-002", refusal!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DEC-001", refusal.Message, StringComparison.Ordinal);
        Assert.Null(ResultsProtocolRules.RefusalToAdopt(tec, [("DEC-001", true), ("DEC-002", true)]));
    }

    [Theory]
    [InlineData("DEC-001", "7", 5, true, null)]
    [InlineData("PEC-0004", "7", 5, true, null)]
    [InlineData("CEC", "7", 5, true, null)]
    [InlineData("DEC-002", "7", 5, true, "CORRECTION.NOT-COMPETENT")]
    [InlineData("DEC-001", "7", 5, false, "CORRECTION.DECISION-NOT-ADOPTED")]
    [InlineData("DEC-001", "7", 6, true, "CORRECTION.WRONG-DATE")]
    public void ACorrectionCites_AnAdoptedDecisionOfThePrecinctOrACommissionAboveIt(string commission, string number, int day, bool adopted, string? code)
    {
        string[] competent = ["PEC-0004", "DEC-001", "TEC-01", "CEC"];
        var cited = new DecisionReference(commission, number, new DateOnly(2011, 4, 5), "recount");
        var found = new CitedDecision(commission, number, new DateOnly(2011, 4, day), adopted);

        Assert.Equal(code, ResultsProtocolRules.RefusalToCite(cited, competent, found)?.Code);
    }

    [Fact]
    public void ACorrectionCitingNoDecision_OrNoReason_IsRefused()
    {
        string[] competent = ["PEC-0004", "DEC-001"];
        var cited = new DecisionReference("DEC-001", "7", new DateOnly(2011, 4, 5), "recount");
        Assert.Equal("CORRECTION.NO-SUCH-DECISION", ResultsProtocolRules.RefusalToCite(cited, competent, null)?.Code);
        Assert.Equal("CORRECTION.NO-REASON", ResultsProtocolRules.RefusalToCite(cited with { Reason = "" }, competent, new("DEC-001", "7", cited.Date, true))?.Code);
    }
}
