using System.Text.Json.Nodes;
using Ashyq.Core.Commissions;
using Ashyq.Core.Complaints;
using Ashyq.Core.Elections;
using Ashyq.Core.Publication;
using Ashyq.Core.Results;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Complaints;

/// <summary>The routing table, the filing and decision deadlines, and "no decision without a vote", as the kz-2011 definition states them.</summary>
public class ComplaintRulesTests
{
    private static readonly CommissionDirectory Commissions = new(
    [
        new CommissionRef("CEC", "CEC", null),
        new CommissionRef("TEC-02", "TEC", "CEC"),
        new CommissionRef("DEC-017", "DEC", "TEC-02"),
        new CommissionRef("PEC-0042", "PEC", "DEC-017"),
    ]);

    private static readonly ComplaintRouting Routing = new(Repo.Kz.Complaints, Commissions);

    private static ComplaintCase Case(string kind, string? commission = null, string? official = null, DateOnly? act = null, DateOnly? received = null, ComplaintBody? receivedBy = null) => new()
    {
        Number = CaseNumber.Of(2011, 1),
        Complainant = new Complainant(ComplainantKind.Voter, "Aigerim Sadykova", "+7 701 000 00 00"),
        Subject = new ComplaintSubject(kind, commission, official, act ?? new DateOnly(2011, 3, 1)),
        Facts = "The facts.",
        ReceivedOn = received ?? new DateOnly(2011, 3, 5),
        ReceivedBy = receivedBy ?? ComplaintBody.DistrictCourt(),
        Channel = FilingChannel.Portal,
    };

    private static readonly SessionMember[] DecMembers = [.. Enumerable.Range(1, 7).Select(i => new SessionMember("m" + i, "Member " + i, IsVoting: true))];

    private static Decision Vote(string commission, int votesFor, int present = 7)
    {
        var session = new Session(Repo.Kz.Sessions, commission, new DateOnly(2011, 3, 8), ["Complaint 2011-00001"], DecMembers, DecMembers.Take(present).Select(m => m.Id), [], []);
        var votes = DecMembers.Take(present).Select((m, i) => (m.Id, i < votesFor ? VoteChoice.For : VoteChoice.Against)).ToDictionary(v => v.Id, v => v.Item2);
        return session.Vote("C-1", "Complaint 2011-00001", "The complaint is rejected.", votes, []);
    }

    // ---- Routing: one test per row of the table ----

    [Fact]
    public void ComplaintAgainstAPrecinctCommissionsDecision_GoesToItsDistrictCommissionOrADistrictCourt_Within10Days()
    {
        var proposal = Routing.Propose(Case("commission-decision", "PEC-0042", receivedBy: ComplaintBody.Of(Commissions.Find("DEC-017")!)));

        Assert.Equal(["DEC-017", "district_court"], proposal.Competent.Select(b => b.Body.ToString()));
        Assert.True(proposal.ReceivedByCompetentBody);
        Assert.Equal("higher_commission", proposal.Proposed.Rule.Kind);
        Assert.Equal("FILE.ELECTION-LAW-10-DAYS", proposal.Filing.Rule!.Code);
        Assert.Equal(new DateOnly(2011, 3, 11), proposal.Filing.LastDay);
    }

    [Theory]
    [InlineData("commission-action")]
    [InlineData("commission-inaction")]
    public void ActionsAndInactionsOfACommission_RouteLikeItsDecisions(string kind)
    {
        var proposal = Routing.Propose(Case(kind, "DEC-017"));

        Assert.Equal(["TEC-02", "district_court"], proposal.Competent.Select(b => b.Body.ToString()));
        Assert.Equal("FILE.ELECTION-LAW-10-DAYS", proposal.Filing.Rule!.Code);
    }

    [Fact]
    public void ComplaintAgainstTheCec_HasNoHigherCommission_AndGoesToACourt()
    {
        var proposal = Routing.Propose(Case("commission-action", "CEC", receivedBy: ComplaintBody.Of(Commissions.Top)));

        Assert.Equal(["district_court"], proposal.Competent.Select(b => b.Body.ToString()));
        Assert.False(proposal.ReceivedByCompetentBody);
        Assert.Equal(BodyKind.DistrictCourt, proposal.Proposed.Body.Kind);
    }

    [Fact]
    public void ComplaintAgainstAStateBody_GoesToACourtOrAProsecutor_UnderTheCivilProcedureCodes3Months()
    {
        var proposal = Routing.Propose(Case("official-decision", official: "Almaty city maslikhat", act: new DateOnly(2011, 2, 10), received: new DateOnly(2011, 3, 2)));

        Assert.Equal(["district_court", "prosecutor"], proposal.Competent.Select(b => b.Body.ToString()));
        Assert.Equal("FILE.CIVIL-PROCEDURE-3-MONTHS", proposal.Filing.Rule!.Code);
        Assert.Equal(new DateOnly(2011, 5, 10), proposal.Filing.LastDay);
        Assert.True(proposal.Filing.InTime);
    }

    [Fact]
    public void OtherViolations_GoToTheCommissionOfThePlace_ACourtOrAProsecutor_WithNoFilingDeadline()
    {
        var named = Routing.Propose(Case("other-violation", "PEC-0042"));
        var unnamed = Routing.Propose(Case("other-violation", act: null) with { Subject = new ComplaintSubject("other-violation", null, null, null) });

        Assert.Equal(["PEC-0042", "district_court", "prosecutor"], named.Competent.Select(b => b.Body.ToString()));
        Assert.Equal(["CEC", "district_court", "prosecutor"], unnamed.Competent.Select(b => b.Body.ToString()));
        Assert.Null(named.Filing.Rule);
        Assert.True(named.Filing.InTime);
    }

    [Theory]
    [InlineData("SC.CEC-CANDIDATE-REGISTRATION")]
    [InlineData("SC.CEC-PRESIDENT-NOT-DECLARED")]
    public void TheTwoKindsTheLawNames_GoToTheSupremeCourtAlone_WithoutAppeal(string kind)
    {
        var complaint = Case(kind, "CEC", receivedBy: ComplaintBody.Of(Commissions.Top));
        var proposal = Routing.Propose(complaint);

        Assert.Equal([BodyKind.SupremeCourt], proposal.Competent.Select(b => b.Body.Kind));
        Assert.False(proposal.ReceivedByCompetentBody);
        Assert.False(Routing.Appealable(complaint, ComplaintBody.SupremeCourt));
    }

    [Fact]
    public void ASupremeCourtKind_IsAComplaintAgainstTheCecOnly()
    {
        var wrong = Case("SC.CEC-CANDIDATE-REGISTRATION", "TEC-02");

        Assert.Equal("COMPLAINT.NOT-THE-TOP-COMMISSION", Assert.Throws<RuleViolation>(() => wrong.Check(Repo.Kz.Complaints, Commissions)).Code);
    }

    [Fact]
    public void ACaseThatCannotBeRouted_IsRefusedWithTheFieldsCode()
    {
        Assert.Equal("COMPLAINT.UNKNOWN-SUBJECT", Assert.Throws<RuleViolation>(() => Case("gossip").Check(Repo.Kz.Complaints, Commissions)).Code);
        Assert.Equal("COMPLAINT.RESPONDENT-MISSING", Assert.Throws<RuleViolation>(() => Case("commission-decision").Check(Repo.Kz.Complaints, Commissions)).Code);
        Assert.Equal("COMPLAINT.RESPONDENT-MISSING", Assert.Throws<RuleViolation>(() => Case("official-action").Check(Repo.Kz.Complaints, Commissions)).Code);
        Assert.Equal("COMPLAINT.UNKNOWN-COMMISSION", Assert.Throws<RuleViolation>(() => Case("commission-decision", "PEC-9999").Check(Repo.Kz.Complaints, Commissions)).Code);
        Assert.Equal("COMPLAINT.ACT-AFTER-RECEIPT", Assert.Throws<RuleViolation>(() => Case("commission-decision", "PEC-0042", act: new DateOnly(2011, 3, 9)).Check(Repo.Kz.Complaints, Commissions)).Code);
        Assert.Equal("COMPLAINT.ACT-DATE-MISSING", Assert.Throws<RuleViolation>(() =>
            (Case("commission-decision", "PEC-0042") with { Subject = new ComplaintSubject("commission-decision", "PEC-0042", null, null) }).Check(Repo.Kz.Complaints, Commissions)).Code);
    }

    // ---- Forwarding ----

    [Fact]
    public void AComplaintSentToABodyThatIsNotCompetent_IsForwardedToACompetentOne_AndTheForwardIsRecorded()
    {
        var file = new ComplaintFile(Case("commission-decision", "PEC-0042", receivedBy: ComplaintBody.Of(Commissions.Top)));

        Assert.Equal(CaseState.MustBeForwarded, file.Status(Routing, new DateOnly(2011, 3, 5)).State);
        Assert.Equal("COMPLAINT.FORWARD-NOT-COMPETENT", Assert.Throws<RuleViolation>(() => file.Forward(Routing, ComplaintBody.Prosecutor(), new DateOnly(2011, 3, 6), "", "cec-secretary")).Code);

        var forward = file.Forward(Routing, ComplaintBody.Of(Commissions.Find("DEC-017")!), new DateOnly(2011, 3, 6), "The DEC is the higher commission of PEC-0042", "cec-secretary");

        Assert.Equal("CEC", forward.From.Commission);
        Assert.Equal("DEC-017", file.Holder.Commission);
        var status = file.Status(Routing, new DateOnly(2011, 3, 6));
        Assert.Equal(CaseState.AwaitingDecision, status.State);
        Assert.Equal(new DateOnly(2011, 3, 11), status.DecisionDeadline); // the DEC's 5 days run from the day it received the case
    }

    // ---- Filing deadlines: 10 days against commissions, 3 months against state bodies ----

    [Theory]
    [InlineData(11, true)]
    [InlineData(12, false)]
    public void TheTenDayRule_CountsFromTheActComplainedOf(int receivedDay, bool inTime)
    {
        var filing = Routing.Filing(Case("commission-decision", "PEC-0042", act: new DateOnly(2011, 3, 1), received: new DateOnly(2011, 3, receivedDay)));

        Assert.Equal(10, filing.Rule!.Days);
        Assert.Equal(inTime, filing.InTime);
    }

    [Theory]
    [InlineData(2011, 5, 10, true)]
    [InlineData(2011, 5, 11, false)]
    public void TheThreeMonthRule_CountsCalendarMonthsFromTheAct(int year, int month, int day, bool inTime)
    {
        var filing = Routing.Filing(Case("official-decision", official: "Almaty city maslikhat", act: new DateOnly(2011, 2, 10), received: new DateOnly(year, month, day)));

        Assert.Equal(3, filing.Rule!.Months);
        Assert.Equal(inTime, filing.InTime);
    }

    [Fact]
    public void AMaslikhatsDecisionFiled20DaysLater_CannotBeCalledLateUnderTheTenDayRule()
    {
        // Almaty, 2011 (fn 19): courts applied the election law's 10 days where the Civil Procedure Code's 3 months applied.
        var almaty = Case("official-decision", official: "Almaty city maslikhat (PEC composition)", act: new DateOnly(2011, 2, 10), received: new DateOnly(2011, 3, 2));

        var wrongRule = Assert.Throws<RuleViolation>(() => Routing.ConfirmLate(almaty, "FILE.ELECTION-LAW-10-DAYS"));
        var inTime = Assert.Throws<RuleViolation>(() => Routing.ConfirmLate(almaty, "FILE.CIVIL-PROCEDURE-3-MONTHS"));

        Assert.Equal("COMPLAINT.WRONG-DEADLINE-RULE", wrongRule.Code);
        Assert.Contains("FILE.CIVIL-PROCEDURE-3-MONTHS", wrongRule.Message, StringComparison.Ordinal);
        Assert.Equal("COMPLAINT.NOT-LATE", inTime.Code);
    }

    [Fact]
    public void AComplaintAgainstACommissionFiled20DaysLater_IsLateUnderTheTenDayRule()
    {
        var late = Case("commission-decision", "PEC-0042", act: new DateOnly(2011, 2, 10), received: new DateOnly(2011, 3, 2));

        var confirmed = Routing.ConfirmLate(late, "FILE.ELECTION-LAW-10-DAYS");

        Assert.False(confirmed.InTime);
        Assert.Equal(new DateOnly(2011, 2, 20), confirmed.LastDay);
        Assert.Equal("COMPLAINT.WRONG-DEADLINE-RULE", Assert.Throws<RuleViolation>(() => Routing.ConfirmLate(late, "FILE.CIVIL-PROCEDURE-3-MONTHS")).Code);
    }

    [Fact]
    public void ACourtThatAppliesTheWrongRule_IsRecorded_AndFlagged()
    {
        var almaty = new ComplaintFile(Case("official-decision", official: "Almaty city maslikhat", act: new DateOnly(2011, 2, 10), received: new DateOnly(2011, 3, 2)));

        almaty.Decide(new CourtDecision(ComplaintBody.DistrictCourt("Almalinsky District Court of Almaty"), new DateOnly(2011, 3, 4), ComplaintOutcome.NotConsidered, "Filed after 10 days.", LateRuleCited: "FILE.ELECTION-LAW-10-DAYS"));

        var status = almaty.Status(Routing, new DateOnly(2011, 3, 5));
        Assert.Equal(CaseState.Decided, status.State);
        Assert.Contains("FLAG.WRONG-DEADLINE-RULE", status.Flags);
    }

    [Fact]
    public void ACompetentCourtDecliningCompetence_IsFlagged()
    {
        // fn 20: the Supreme Court refused to consider a complaint against the CEC, citing the CEC's exclusive competence.
        var file = new ComplaintFile(Case("SC.CEC-CANDIDATE-REGISTRATION", "CEC", receivedBy: ComplaintBody.SupremeCourt));

        file.Decide(new CourtDecision(ComplaintBody.SupremeCourt, new DateOnly(2011, 3, 9), ComplaintOutcome.NotConsidered, "The CEC alone finds violations and deregisters candidates.", CompetenceDeclined: true));

        Assert.Contains("FLAG.COMPETENCE-DECLINED", file.Status(Routing, new DateOnly(2011, 3, 10)).Flags);
    }

    // ---- Decision deadlines ----

    [Fact]
    public void TheDecisionDeadline_IsApproaching_ThenMissed_AndADecisionAfterItCountsAsLate()
    {
        var file = new ComplaintFile(Case("commission-decision", "PEC-0042", received: new DateOnly(2011, 3, 5), receivedBy: ComplaintBody.Of(Commissions.Find("DEC-017")!)));

        Assert.Equal(DeadlineState.Open, file.Status(Routing, new DateOnly(2011, 3, 6)).Deadline);
        Assert.Equal(DeadlineState.Approaching, file.Status(Routing, new DateOnly(2011, 3, 8)).Deadline);
        Assert.Equal(DeadlineState.Missed, file.Status(Routing, new DateOnly(2011, 3, 11)).Deadline);

        file.Decide(Routing, CollegialDecision.Of(Vote("DEC-017", votesFor: 5), ComplaintOutcome.Rejected, "Reasons.", "Facts.", ""));
        var decided = file.Status(Routing, new DateOnly(2011, 3, 20));
        Assert.Equal(new DateOnly(2011, 3, 10), decided.DecisionDeadline);
        Assert.Equal(DeadlineState.DecidedInTime, decided.Deadline); // voted on 8 March
    }

    // ---- No decision without a vote ----

    [Fact]
    public void AnAnswerSignedByOneOfficial_IsNotADecision()
    {
        var file = new ComplaintFile(Case("commission-action", "TEC-02", receivedBy: ComplaintBody.Of(Commissions.Top)));

        file.Answer(new OfficialAnswer("K. Secretary", "CEC Secretary", new DateOnly(2011, 3, 7), "Your complaint has been reviewed."));
        var status = file.Status(Routing, new DateOnly(2011, 3, 20));

        Assert.Equal(CaseState.AnsweredNotDecided, status.State);
        Assert.False(status.IsDecided);
        Assert.Equal(DeadlineState.Missed, status.Deadline);
        Assert.Contains("FLAG.ANSWERED-NOT-DECIDED", status.Flags);
    }

    [Fact]
    public void ACommissionCannotBeRecordedAsDecidingWithoutAVote()
    {
        var file = new ComplaintFile(Case("commission-action", "TEC-02", receivedBy: ComplaintBody.Of(Commissions.Top)));

        var letter = Assert.Throws<RuleViolation>(() => file.Decide(new CourtDecision(ComplaintBody.Of(Commissions.Top), new DateOnly(2011, 3, 7), ComplaintOutcome.Rejected, "Reviewed by the Secretary.")));
        var noVotes = Assert.Throws<RuleViolation>(() => CollegialDecision.FromStore("CEC", "1", new DateOnly(2011, 3, 7), new Dictionary<string, VoteChoice>(), 0, 7, true, ComplaintOutcome.Rejected, "r", "f", "", null, null));

        Assert.Equal("COMPLAINT.NO-VOTE", letter.Code);
        Assert.Equal("COMPLAINT.NO-VOTE", noVotes.Code);
        Assert.False(file.Status(Routing, new DateOnly(2011, 3, 7)).IsDecided);
    }

    [Fact]
    public void AVoteNotAdopted_IsRecordedButDoesNotDecideTheCase()
    {
        var file = new ComplaintFile(Case("commission-decision", "PEC-0042", receivedBy: ComplaintBody.Of(Commissions.Find("DEC-017")!)));

        file.Decide(Routing, CollegialDecision.Of(Vote("DEC-017", votesFor: 3), ComplaintOutcome.Upheld, "Reasons.", "Facts.", "Recount at PEC-0042."));

        Assert.Single(file.CollegialDecisions);
        Assert.False(file.Status(Routing, new DateOnly(2011, 3, 8)).IsDecided);
    }

    [Fact]
    public void AnAdoptedVote_DecidesTheCaseCollegially()
    {
        var file = new ComplaintFile(Case("commission-decision", "PEC-0042", receivedBy: ComplaintBody.Of(Commissions.Find("DEC-017")!)));

        file.Decide(Routing, CollegialDecision.Of(Vote("DEC-017", votesFor: 5), ComplaintOutcome.Upheld, "Reasons.", "Facts.", "Recount at PEC-0042."));
        var status = file.Status(Routing, new DateOnly(2011, 3, 8));

        Assert.True(status.IsDecided);
        Assert.True(status.DecidedCollegially);
        Assert.Equal(ComplaintOutcome.Upheld, status.Outcome);
        Assert.Equal("COMPLAINT.ALREADY-DECIDED", Assert.Throws<RuleViolation>(() => file.Forward(Routing, ComplaintBody.DistrictCourt(), new DateOnly(2011, 3, 9), "", "x")).Code);
    }

    [Fact]
    public void OnlyTheCompetentCommissionHoldingTheCase_Decides_WithReasonsFactsAndARemedy()
    {
        var atTheCec = new ComplaintFile(Case("commission-decision", "PEC-0042", receivedBy: ComplaintBody.Of(Commissions.Top)));
        var atTheDec = new ComplaintFile(Case("commission-decision", "PEC-0042", receivedBy: ComplaintBody.Of(Commissions.Find("DEC-017")!)));

        Assert.Equal("COMPLAINT.NOT-COMPETENT", Assert.Throws<RuleViolation>(() => atTheCec.CheckCollegial(Routing, "CEC", ComplaintOutcome.Rejected, "r", "f", "", null)).Code);
        Assert.Equal("COMPLAINT.NOT-THE-HOLDER", Assert.Throws<RuleViolation>(() => atTheDec.CheckCollegial(Routing, "TEC-02", ComplaintOutcome.Rejected, "r", "f", "", null)).Code);
        Assert.Equal("COMPLAINT.REASONS-MISSING", Assert.Throws<RuleViolation>(() => atTheDec.CheckCollegial(Routing, "DEC-017", ComplaintOutcome.Rejected, " ", "f", "", null)).Code);
        Assert.Equal("COMPLAINT.FACTS-FOUND-MISSING", Assert.Throws<RuleViolation>(() => atTheDec.CheckCollegial(Routing, "DEC-017", ComplaintOutcome.Rejected, "r", "", "", null)).Code);
        Assert.Equal("COMPLAINT.REMEDY-MISSING", Assert.Throws<RuleViolation>(() => atTheDec.CheckCollegial(Routing, "DEC-017", ComplaintOutcome.Upheld, "r", "f", "", null)).Code);
        Assert.Equal("COMPLAINT.NOT-LATE", Assert.Throws<RuleViolation>(() => atTheDec.CheckCollegial(Routing, "DEC-017", ComplaintOutcome.NotConsidered, "r", "f", "", "FILE.ELECTION-LAW-10-DAYS")).Code);
    }

    // ---- Appeals ----

    [Fact]
    public void ACommissionsDecision_IsAppealedAsAComplaintAgainstThatCommission_WithinTenDaysOfIt()
    {
        var file = new ComplaintFile(Case("commission-decision", "PEC-0042", receivedBy: ComplaintBody.Of(Commissions.Find("DEC-017")!)));
        file.Decide(Routing, CollegialDecision.Of(Vote("DEC-017", votesFor: 5), ComplaintOutcome.Rejected, "Reasons.", "Facts.", ""));

        var subject = Appeals.SubjectFor(file, Routing);
        var appeal = Case(subject.Kind, subject.Commission, act: subject.ActDate, received: new DateOnly(2011, 3, 10)) with { AppealOf = file.Case.Number, Number = CaseNumber.Of(2011, 2) };
        Appeals.Check(file, appeal, Routing);

        Assert.Equal(("commission-decision", "DEC-017"), (subject.Kind, subject.Commission));
        Assert.Equal(["TEC-02", "district_court"], Routing.CompetentBodies(appeal).Select(b => b.Body.ToString()));
        Assert.Equal(new DateOnly(2011, 3, 18), Routing.Filing(appeal).LastDay);
    }

    [Fact]
    public void TheSupremeCourtsDecision_CannotBeAppealed()
    {
        var file = new ComplaintFile(Case("SC.CEC-PRESIDENT-NOT-DECLARED", "CEC", receivedBy: ComplaintBody.SupremeCourt));
        file.Decide(new CourtDecision(ComplaintBody.SupremeCourt, new DateOnly(2011, 4, 20), ComplaintOutcome.Rejected, "Reasons."));

        Assert.Equal("COMPLAINT.NOT-APPEALABLE", Assert.Throws<RuleViolation>(() => Appeals.SubjectFor(file, Routing)).Code);
    }

    // ---- Publication and statistics ----

    [Fact]
    public void ThePublishedRecord_CarriesNoPersonsName_ButAPartysName()
    {
        var file = new ComplaintFile(Case("commission-decision", "PEC-0042", receivedBy: ComplaintBody.Of(Commissions.Find("DEC-017")!)));
        var party = new ComplaintFile(file.Case with { Complainant = new Complainant(ComplainantKind.Party, "Azat", "office@azat.kz") });
        var decision = CollegialDecision.Of(Vote("DEC-017", votesFor: 5), ComplaintOutcome.Rejected, "Reasons.", "Facts.", "");

        var voterRecord = CanonicalJson.ToText(ComplaintDecisionRecord.Build("kz-2011-presidential", file, Routing, decision, new Dictionary<string, string>()));
        var partyRecord = JsonNode.Parse(CanonicalJson.ToText(ComplaintDecisionRecord.Build("kz-2011-presidential", party, Routing, decision, new Dictionary<string, string>())))!;

        Assert.DoesNotContain("Sadykova", voterRecord, StringComparison.Ordinal);
        Assert.DoesNotContain("+7 701", voterRecord, StringComparison.Ordinal);
        Assert.Contains("\"votes\":{\"m1\":\"for\"", voterRecord, StringComparison.Ordinal);
        Assert.Equal("Azat", partyRecord["complainant"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain("office@azat.kz", partyRecord.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_CountEachCaseWhereItIsHeld_AndSeparateAnswersFromDecisions()
    {
        var today = new DateOnly(2011, 4, 30);
        var answered = new ComplaintFile(Case("commission-action", "TEC-02", receivedBy: ComplaintBody.Of(Commissions.Top)));
        answered.Answer(new OfficialAnswer("Secretary", "CEC Secretary", new DateOnly(2011, 3, 7), "Reviewed."));
        var decided = new ComplaintFile(Case("commission-decision", "PEC-0042", receivedBy: ComplaintBody.Of(Commissions.Find("DEC-017")!)));
        decided.Decide(Routing, CollegialDecision.FromStore("DEC-017", "C-1", new DateOnly(2011, 3, 8), new Dictionary<string, VoteChoice> { ["m1"] = VoteChoice.For, ["m2"] = VoteChoice.For, ["m3"] = VoteChoice.For, ["m4"] = VoteChoice.For, ["m5"] = VoteChoice.For }, 5, 7, true, ComplaintOutcome.Rejected, "r", "f", "", null, 17));
        var court = new ComplaintFile(Case("official-decision", official: "maslikhat", act: new DateOnly(2011, 2, 10), received: new DateOnly(2011, 3, 2)));
        court.Decide(new CourtDecision(ComplaintBody.DistrictCourt(), new DateOnly(2011, 3, 20), ComplaintOutcome.NotConsidered, "late", "FILE.ELECTION-LAW-10-DAYS", LogIndex: 18));

        var stats = ComplaintStatistics.Compute(new[] { answered, decided, court }.Select(f => (f, f.Status(Routing, today))), ComplaintStatistics.BodyKinds(["CEC", "TEC", "DEC", "PEC"]), Repo.Kz.Complaints.Routes.Select(r => r.Subject));

        Assert.Equal((1, 0, 0, 0, 1, 1, 1), (stats.ByBodyKind["CEC"].Received, stats.ByBodyKind["CEC"].DecidedCollegially, stats.ByBodyKind["CEC"].Published, stats.ByBodyKind["CEC"].DecidedWithinDeadline, stats.ByBodyKind["CEC"].NotDecided, stats.ByBodyKind["CEC"].AnsweredByOfficial, stats.ByBodyKind["CEC"].MissedDeadline));
        Assert.Equal((1, 1, 1, 1, 0), (stats.ByBodyKind["DEC"].Received, stats.ByBodyKind["DEC"].DecidedCollegially, stats.ByBodyKind["DEC"].Published, stats.ByBodyKind["DEC"].DecidedWithinDeadline, stats.ByBodyKind["DEC"].NotDecided));
        Assert.Equal((1, 1, 0, 1, 1), (stats.ByBodyKind["district_court"].Received, stats.ByBodyKind["district_court"].Decided, stats.ByBodyKind["district_court"].DecidedCollegially, stats.ByBodyKind["district_court"].Published, stats.ByBodyKind["district_court"].Flags["FLAG.WRONG-DEADLINE-RULE"]));
        Assert.Equal(0, stats.ByBodyKind["supreme_court"].Received);
        Assert.Equal(1, stats.BySubject["official-decision"].Outcomes["not_considered"]);
        Assert.Equal(3, stats.Total.Received);
    }

    [Fact]
    public void CaseNumbers_ReadAndWriteAsYearAndSerial()
    {
        Assert.Equal("2011-00012", CaseNumber.Of(2011, 12).ToString());
        Assert.Equal(CaseNumber.Of(2011, 12), CaseNumber.Parse("2011-00012"));
        Assert.False(CaseNumber.TryParse("2011-0012x", out _));
        Assert.False(CaseNumber.TryParse("../etc/pas", out _));
    }

    [Fact]
    public void TheDefinitionLoader_RefusesARouteToAnUnknownBody_AndASupremeCourtKindWithoutItsRoute()
    {
        var json = JsonNode.Parse(Repo.KzText)!;
        json["complaints"]!["routes"]![0]!["bodies"] = new JsonArray("higher_commission", "constitutional_council");
        json["complaints"]!["routes"]![7]!["bodies"] = new JsonArray("district_court");

        var errors = ElectionDefinitionLoader.Check(json.ToJsonString(), out _);

        Assert.Contains(errors, e => e.Path == "$.complaints.routes[0].bodies[1]" || e.Path.StartsWith("$.complaints.routes[0].bodies", StringComparison.Ordinal));
        var json2 = JsonNode.Parse(Repo.KzText)!;
        json2["complaints"]!["routes"]![7]!["bodies"] = new JsonArray("district_court");
        var errors2 = ElectionDefinitionLoader.Check(json2.ToJsonString(), out _);
        Assert.Contains(errors2, e => e.Code == "DEF.COMPLAINTS" && e.Path == "$.complaints.directToSupremeCourt[0].code");
    }

    [Fact]
    public void TheRussianDefinition_WithoutARoutingTable_StillLoads()
    {
        var ru = ElectionDefinitionLoader.Parse(File.ReadAllText(Repo.DefinitionPath("ru-2012-presidential")), "ru-2012-presidential.json");

        Assert.Empty(ru.Complaints.Routes);
    }
}
