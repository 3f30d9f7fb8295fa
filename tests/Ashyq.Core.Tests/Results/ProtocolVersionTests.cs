using Ashyq.Core.Commissions;
using Ashyq.Core.Results;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Results;

public class ProtocolVersionTests
{
    private static readonly ProtocolForm Form = Repo.Kz.ProtocolForm;
    private static readonly SigningRule Signing = SigningRule.For(Repo.Kz);
    private static readonly DateTimeOffset T = new(2011, 4, 3, 21, 0, 0, TimeSpan.FromHours(6));
    private static readonly Actor Aigul = new("aigul", "PEC-0042");
    private static readonly Actor Boris = new("boris", "PEC-0042");
    private static readonly Actor Chair = new("chair", "PEC-0042");
    private static readonly Actor DecDuty = new("dec-duty", "DEC-003");

    private static long[] Good() => [1003, 900, 702, 198, 702, 21, 10, 15, 21, 635];

    private static IReadOnlyList<SigningMember> Members(int count, bool withChair = true) =>
        [.. Enumerable.Range(0, count).Select(i => new SigningMember($"m{i}", i == 0 && withChair ? MemberRole.Chair : MemberRole.Member, true))];

    private static ProtocolVersion Entered(long[] first, long[] second)
    {
        var version = new ProtocolVersion(Form, "PEC-0042", 1, null);
        version.StartFirstEntry(Aigul, T);
        version.EnterFirst(Aigul, first, finish: true, T);
        version.StartSecondEntry(Boris, T);
        version.EnterSecond(Boris, second, finish: true, T);
        return version;
    }

    [Fact]
    public void TwoEqualEntries_MakeTheProtocolDefinitive()
    {
        var version = Entered(Good(), Good());

        Assert.Equal(ProtocolState.Definitive, version.State);
        Assert.Equal(Good(), version.Values);
    }

    [Fact]
    public void TheSecondEntry_ByTheSameUser_IsRefused()
    {
        var version = new ProtocolVersion(Form, "PEC-0042", 1, null);
        version.StartFirstEntry(Aigul, T);
        version.EnterFirst(Aigul, Good(), finish: true, T);

        var refused = Assert.Throws<SecondEntryNeedsDifferentUser>(() => version.StartSecondEntry(Aigul with { Commission = "DEC-003" }, T));
        Assert.Equal("ENTRY.SECOND-NEEDS-DIFFERENT-USER", refused.Code);
        Assert.Equal(ProtocolState.FirstEntryDone, version.State);
    }

    [Fact]
    public void TheSecondOperator_NeverSeesTheFirstOnesValues()
    {
        var version = new ProtocolVersion(Form, "PEC-0042", 1, null);
        version.StartFirstEntry(Aigul, T);
        version.EnterFirst(Aigul, Good(), finish: false, T);
        Assert.Equal(Good(), version.ValuesVisibleTo("aigul"));
        version.EnterFirst(Aigul, Good(), finish: true, T);
        version.StartSecondEntry(Boris, T);

        Assert.Equal(new long[Form.Lines.Count], version.ValuesVisibleTo("boris"));
        Assert.Null(version.ValuesVisibleTo("aigul"));
    }

    [Fact]
    public void DifferentEntries_AreShownToTheChairLineByLine()
    {
        var second = Good();
        second[9] = 636;
        second[4] = 701;

        var version = Entered(Good(), second);

        Assert.Equal(ProtocolState.EntriesDifferent, version.State);
        Assert.Equal(["L5", "C4"], version.DifferingLines());
        Assert.Null(version.Values);
    }

    [Theory]
    [InlineData(Resolution.KeepFirst, ProtocolState.Definitive)]
    [InlineData(Resolution.KeepSecond, ProtocolState.Definitive)]
    [InlineData(Resolution.DiscardBoth, ProtocolState.Empty)]
    [InlineData(Resolution.ReturnFirst, ProtocolState.SecondEntryInProgress)]
    [InlineData(Resolution.ReturnSecond, ProtocolState.SecondEntryInProgress)]
    public void TheChairsResolution_IsRecorded(Resolution resolution, ProtocolState expected)
    {
        var second = Good();
        second[9] = 636;
        var version = Entered(Good(), second);

        version.Resolve(Chair, resolution, T);

        Assert.Equal(expected, version.State);
        Assert.Contains(version.Events, e => e.Kind == "differences-resolved" && e.Detail == resolution.ToString() && e.By == Chair);
        if (resolution == Resolution.KeepSecond)
        {
            Assert.Equal(second, version.Values);
        }
    }

    [Fact]
    public void AReturnedEntry_IsCorrectedByItsOperator_WithoutSeeingTheOther()
    {
        var second = Good();
        second[9] = 636;
        var version = Entered(Good(), second);
        version.Resolve(Chair, Resolution.ReturnSecond, T);

        Assert.Equal(second, version.ValuesVisibleTo("boris"));
        Assert.Null(version.ValuesVisibleTo("aigul"));
        version.EnterSecond(Boris, Good(), finish: true, T);
        Assert.Equal(ProtocolState.Definitive, version.State);
    }

    [Fact]
    public void ADraftWithErrors_IsKeptWithItsErrors()
    {
        var version = new ProtocolVersion(Form, "PEC-0042", 1, null);
        version.StartFirstEntry(Aigul, T);
        var broken = Good();
        broken[1] = 901;

        version.EnterFirst(Aigul, broken, finish: false, T);

        Assert.Equal(["R.L2-BALLOTS-BALANCE"], version.First!.BrokenErrors);
        Assert.Equal(broken, version.First.Values);
        Assert.False(version.First.IsFinished);
    }

    [Fact]
    public void ABrokenControlRelation_BlocksSigning()
    {
        var broken = Good();
        broken[1] = 901;
        var version = Entered(broken, broken);

        var refused = Assert.Throws<SigningBlocked>(() => version.Sign(Signing, Members(7), null, Chair, T));
        Assert.Contains("R.L2-BALLOTS-BALANCE", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ProtocolState.Definitive, version.State);
    }

    [Fact]
    public void AWarning_MustBeAcknowledgedWithAReasonBeforeSigning()
    {
        long[] high = [1000, 1000, 970, 30, 970, 3, 2, 3, 5, 957];
        var version = Entered(high, high);

        Assert.Throws<SigningBlocked>(() => version.Sign(Signing, Members(7), null, Chair, T));
        Assert.Throws<RuleViolation>(() => version.Acknowledge("W.TURNOUT-95", " ", Chair, T));
        version.Acknowledge("W.TURNOUT-95", "A military unit voted in full", Chair, T);
        version.Acknowledge("W.CANDIDATE-95", "Recounted in front of observers", Chair, T);
        version.Sign(Signing, Members(7), null, Chair, T);

        Assert.Equal(ProtocolState.Signed, version.State);
    }

    [Fact]
    public void Signing_NeedsTheDefinitionsShareOfMembers_AndTheChairOrAStandIn()
    {
        Assert.Equal(5, Signing.MinimumSignatures);
        Assert.Throws<SigningBlocked>(() => Entered(Good(), Good()).Sign(Signing, Members(4), null, Chair, T));
        Assert.Throws<SigningBlocked>(() => Entered(Good(), Good()).Sign(Signing, Members(7, withChair: false), null, Chair, T));
        var secretaryStandsIn = Members(5, withChair: false).Select((m, i) => i == 0 ? m with { Role = MemberRole.Secretary } : m).ToList();
        var version = Entered(Good(), Good());

        version.Sign(Signing, secretaryStandsIn, "I disagree with the count of invalid ballots.", Chair, T);

        Assert.Equal(5, version.Signatures.Count);
        Assert.Equal("I disagree with the count of invalid ballots.", version.DissentingOpinion);
    }

    [Fact]
    public void TheSuperiorCommission_AcceptsOrReturnsWithAReason()
    {
        var version = Entered(Good(), Good());
        version.Sign(Signing, Members(7), null, Chair, T);
        version.Submit(Chair, T);

        Assert.Throws<RuleViolation>(() => version.Accept(Chair, T));
        Assert.Throws<RuleViolation>(() => version.Return(DecDuty, "", T));
        version.Return(DecDuty, "Signatures missing on the paper copy", T);
        Assert.Equal(ProtocolState.Empty, version.State);
        Assert.Contains(version.Events, e => e.Kind == "returned" && e.Detail == "Signatures missing on the paper copy");
    }

    [Fact]
    public void AnAcceptedVersion_IsCorrectedOnlyByANewVersionCitingADecision()
    {
        var version = Entered(Good(), Good());
        version.Sign(Signing, Members(7), null, Chair, T);
        version.Submit(Chair, T);
        version.Accept(DecDuty, T);

        Assert.Throws<WrongEntryState>(() => version.Acknowledge("W.TURNOUT-95", "x", Chair, T));
        Assert.Throws<CorrectionNeedsDecision>(() => new ProtocolVersion(Form, "PEC-0042", 2, null));
        Assert.Throws<CorrectionNeedsDecision>(() => version.Correct(new DecisionReference("DEC-003", "12", new DateOnly(2011, 4, 4), " ")));
        var correction = version.Correct(new DecisionReference("DEC-003", "12", new DateOnly(2011, 4, 4), "Recount ordered after a complaint"));

        Assert.Equal(2, correction.Number);
        Assert.Equal(ProtocolState.Empty, correction.State);
        Assert.Equal(ProtocolState.Accepted, version.State);
        Assert.Equal(Good(), version.Values);
    }

    [Fact]
    public void AProtocolTypedFromTheDecsAccount_IsMarkedAsEnteredElsewhere()
    {
        var version = new ProtocolVersion(Form, "PEC-0042", 1, null);
        version.StartFirstEntry(new Actor("dec-clerk", "DEC-003"), T);

        Assert.True(version.EnteredElsewhere);
        Assert.False(Entered(Good(), Good()).EnteredElsewhere);
    }

    [Fact]
    public void WrongSteps_AreRefusedWithTheirState()
    {
        var version = new ProtocolVersion(Form, "PEC-0042", 1, null);

        Assert.Equal(ProtocolState.Empty, Assert.Throws<WrongEntryState>(() => version.StartSecondEntry(Boris, T)).State);
        Assert.Throws<WrongEntryState>(() => version.Submit(Chair, T));
        version.StartFirstEntry(Aigul, T);
        Assert.Throws<NotTheEntrysOperator>(() => version.EnterFirst(Boris, Good(), true, T));
        Assert.Throws<WrongNumberOfValues>(() => version.EnterFirst(Aigul, [1, 2, 3], true, T));
        Assert.Throws<NegativeValue>(() => version.EnterFirst(Aigul, [.. Good().Select(v => -v)], true, T));
    }

    [Fact]
    public void ASnapshot_RestoresTheVersionExactly()
    {
        var second = Good();
        second[9] = 636;
        var version = Entered(Good(), second);

        var restored = ProtocolVersion.Restore(Form, version.Snapshot());

        Assert.Equal(version.State, restored.State);
        Assert.Equal(version.DifferingLines(), restored.DifferingLines());
        Assert.Equal(version.Events, restored.Events);
    }
}
