using System.Text.Json.Nodes;
using Ashyq.Core.Elections;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Elections;

public class DefinitionTests
{
    private static ElectionDefinition Kz => Repo.Kz;

    [Fact]
    public void Kz2011_HasTheSeedsHierarchy()
    {
        Assert.Equal(["CEC", "TEC", "DEC", "PEC"], Kz.Levels.Select(l => l.Code));
        Assert.Equal([1, 16, 207, 9725], Kz.Levels.Select(l => l.Count));
        Assert.All(Kz.Levels, l => Assert.Equal(7, l.CommissionSize));
        Assert.All(Kz.Levels, l => Assert.Equal(5, l.TermYears));
        Assert.Equal(525, Kz.PrecinctLevel.Special!.Count);
        Assert.Equal(9949, Kz.CommissionCount);
    }

    [Fact]
    public void Kz2011_CecIsAppointedByPresidentSenateAndMazhilis_WithoutPartyRepresentatives()
    {
        var bodies = Kz.TopLevel.Appointment.Bodies;
        Assert.Equal([("president", 3, true), ("senate", 2, false), ("mazhilis", 2, false)], bodies.Select(b => (b.Body, b.Seats, b.AppointsChair)));
        Assert.False(Kz.TopLevel.Representatives.PartyOrCandidateRepresentativesAdmitted);
        Assert.All(Kz.Levels.Skip(1), l =>
        {
            Assert.Equal("maslikhat", Assert.Single(l.Appointment.Bodies).Body);
            Assert.Equal(1, l.Representatives.ConsultativeMembersPerUnrepresentedParty);
        });
    }

    [Fact]
    public void Kz2011_SignatureThresholdIsOnePercentOfVotersWhenNominationOpened()
    {
        var signatures = Kz.Candidates.Signatures!;
        Assert.Equal(91_010, signatures.Threshold(Kz.Electorate));
        Assert.Equal(10, signatures.CollectionDays);
        Assert.Equal("TEC", signatures.TerritorialCoverage.Level);
        Assert.Equal(11, signatures.TerritorialCoverage.MinimumShare.SmallestReaching(16));
    }

    [Fact]
    public void Kz2011_DepositIsFiftyMinimumWages()
    {
        Assert.Equal(799_950m, Kz.Candidates.Deposit!.Amount);
        Assert.Equal("KZT", Kz.Candidates.Deposit!.Currency);
        Assert.Equal(0.05m, Kz.Candidates.Deposit!.Refund.MinimumVoteShare);
        Assert.True(Kz.Candidates.Deposit!.Refund.ToElected);
        Assert.True(Kz.Candidates.Deposit!.Refund.OnDeath);
    }

    [Fact]
    public void Kz2011_EligibilityProxiesComplaintsCalendarAndSessions()
    {
        var e = Kz.Candidates.Eligibility;
        Assert.Equal((true, 40, "votingDay", 15, true), (e.CitizenByBirth, e.MinimumAge, e.AgeOn, e.ResidenceYears, e.StateLanguageTest));
        Assert.True(Kz.Candidates.Declarations.Spouse);
        Assert.Equal(3, Kz.Candidates.Proxies.MaxPerCandidatePerPrecinct);
        Assert.Equal(10, Kz.Complaints.DeadlineDays);
        Assert.Equal(2, Kz.Complaints.DirectToSupremeCourt.Count(c => !c.Appealable));
        Assert.Equal(new DateOnly(2011, 4, 3), Kz.Calendar.VotingDay);
        Assert.Equal(new TimeOnly(7, 0), Kz.Calendar.PollsOpen);
        Assert.Equal(new TimeOnly(20, 0), Kz.Calendar.PollsClose);
        Assert.Equal((new DateOnly(2011, 2, 5), new DateOnly(2011, 2, 20)), (Kz.Calendar.NominationOpens, Kz.Calendar.NominationCloses));
        Assert.Equal(new DateOnly(2011, 4, 9), Kz.Calendar.FinalResultsBy);
        Assert.Equal(new Fraction(2, 3), Kz.Sessions.Quorum);
        Assert.Equal("total-membership", Kz.Sessions.MajorityOf);
        Assert.Null(Kz.Result.TurnoutThreshold);
        Assert.Equal("L5", Kz.Result.ParticipantsLine);
        Assert.Equal(2, Kz.Composition.Rules.Count);
    }

    [Fact]
    public void Kz2011_ProtocolHasItsLinesThenOneLinePerCandidateInBallotOrder()
    {
        var form = Kz.ProtocolForm;
        Assert.Equal(["L1", "L2", "L3", "L4", "L5", "L6", "C1", "C2", "C3", "C4"], form.Lines.Select(l => l.Code));
        Assert.Equal("Nursultan Nazarbayev", form.Lines[^1].Label.En);
        Assert.All(form.Lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Label.Kk)));
    }

    [Fact]
    public void TheSchemaFileBesideTheDefinitions_IsTheOneTheLoaderUses()
    {
        var onDisk = File.ReadAllText(Path.Combine(Repo.Root, "definitions", "election-definition.schema.json"));
        Assert.Equal(onDisk, ElectionDefinitionLoader.SchemaText);
    }

    [Fact]
    public void BrokenExpression_IsRefusedWithItsPathAndPosition()
    {
        var errors = Errors(d => d["protocol"]!["relations"]![0]!["expression"] = "L2 == L3 + ");

        var error = Assert.Single(errors);
        Assert.Equal("$.protocol.relations[0].expression", error.Path);
        Assert.Equal("DEF.EXPRESSION", error.Code);
        Assert.Contains("position 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateLineCode_IsRefusedNamingBothPlaces()
    {
        var errors = Errors(d => d["protocol"]!["lines"]![3]!["code"] = "L2");

        Assert.Contains(errors, e => e.Path == "$.protocol.lines[3].code" && e.Code == "DEF.DUPLICATE-CODE"
            && e.Message.Contains("duplicate code \"L2\"", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingLevel_IsRefused()
    {
        var errors = Errors(d => d["levels"]!.AsArray().RemoveAt(2));

        Assert.Contains(errors, e => e.Path == "$.levels[2].parent" && e.Code == "DEF.UNKNOWN-LEVEL" && e.Message.Contains("\"DEC\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == "DEF.UNKNOWN-LEVEL" && e.Path == "$.world.DEC");
    }

    [Fact]
    public void EveryError_IsListed_NotJustTheFirst()
    {
        var errors = Errors(d =>
        {
            d["protocol"]!["relations"]![1]!["expression"] = "L5 == L2 + sum(voters)";
            d["protocol"]!["relations"]![2]!["expression"] = "L3 <= L99";
            d["protocol"]!["lines"]![5]!["code"] = "L1";
            d["calendar"]!["votingDay"] = "2011-01-01";
            d["composition"]!["applied"] = "COMP.NOBODY";
        });

        Assert.Contains(errors, e => e.Path == "$.protocol.relations[1].expression" && e.Message.Contains("\"voters\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.protocol.relations[2].expression" && e.Message.Contains("unknown line code \"L99\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.protocol.lines[5].code");
        Assert.Contains(errors, e => e.Path == "$.calendar.votingDay" && e.Code == "DEF.CALENDAR-ORDER");
        Assert.Contains(errors, e => e.Path == "$.composition.applied");
        var thrown = Assert.Throws<InvalidDefinitionException>(() => ElectionDefinitionLoader.Parse(Mutated(d => d["composition"]!["applied"] = "X"), "broken.json"));
        Assert.Contains("$.composition.applied", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaErrors_NameTheirPaths()
    {
        var errors = Errors(d =>
        {
            d["levels"]![1]!["count"] = "sixteen";
            d["levels"]![2]!.AsObject().Remove("commissionSize");
            d["protocol"]!["relations"]![0]!["severity"] = "fatal";
            d["candidates"]!["colour"] = "blue";
        });

        Assert.All(errors, e => Assert.Equal("DEF.SCHEMA", e.Code));
        Assert.Contains(errors, e => e.Path == "$.levels[1].count");
        Assert.Contains(errors, e => e.Path == "$.levels[2].commissionSize");
        Assert.Contains(errors, e => e.Path == "$.protocol.relations[0].severity");
        Assert.Contains(errors, e => e.Path.StartsWith("$.candidates", StringComparison.Ordinal) && e.Message.Contains("colour", StringComparison.Ordinal));
    }

    [Fact]
    public void MalformedJson_IsRefusedWithItsLine()
    {
        var errors = ElectionDefinitionLoader.Check("{\n  \"id\": \"x\",\n  oops\n}", out var definition);

        Assert.Null(definition);
        var error = Assert.Single(errors);
        Assert.Equal("DEF.JSON", error.Code);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeatsThatDoNotFillTheCommission_AreRefused()
    {
        var errors = Errors(d => d["levels"]![0]!["appointment"]!["bodies"]![1]!["seats"] = 1);

        Assert.Contains(errors, e => e.Path == "$.levels[0].appointment.bodies" && e.Code == "DEF.SEATS");
    }

    internal static string Mutated(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(Repo.KzText)!;
        change(node);
        return node.ToJsonString();
    }

    private static IReadOnlyList<DefinitionError> Errors(Action<JsonNode> change)
    {
        var errors = ElectionDefinitionLoader.Check(Mutated(change), out var definition);
        Assert.Null(definition);
        Assert.NotEmpty(errors);
        return errors;
    }
}
