using System.Text;
using System.Text.Json.Nodes;
using Ashyq.Core.Commissions;
using Ashyq.Core.Complaints;
using Ashyq.Core.Results;
using Ashyq.Storage.Complaints;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests.Complaints;

public class ComplaintsServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fixed "now": 20 March 2011, 12:00 in Astana.</summary>
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly TimeProvider March20 = new Clock(new DateTimeOffset(2011, 3, 20, 6, 0, 0, TimeSpan.Zero));

    private sealed record World(AshyqDbContext Db, ComplaintsService Complaints, SessionsService Sessions, string Pec, string Dec, List<string> DecMembers) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private static async Task<World> WorldAsync(string kind, TimeProvider? time = null)
    {
        var store = await TestStores.WithWorldAsync(kind, 0, 3, Ct);
        var db = await store.OpenAsync(Ct);
        var pec = await db.Commissions.Where(c => c.Level == "PEC").OrderBy(c => c.Id).Select(c => new { c.Code, Dec = c.Parent!.Code }).FirstAsync(Ct);
        var members = await db.Members.Where(m => db.Commissions.Any(c => c.Id == m.CommissionId && c.Code == pec.Dec) && m.IsVoting)
            .OrderBy(m => m.Id).Select(m => m.Id.ToString()).ToListAsync(Ct);
        return new World(db, new ComplaintsService(db, Repo.Kz, time ?? March20), new SessionsService(db, Repo.Kz, time ?? March20), pec.Code, pec.Dec, members);
    }

    private static ComplaintDraft AgainstPec(string pec, DateOnly act) => new(
        new Complainant(ComplainantKind.Voter, "Aigerim Sadykova", "+7 701 000 00 00"),
        new ComplaintSubject("commission-decision", pec, null, act),
        "The precinct commission refused to post a copy of the protocol.",
        [new Attachment("photo.jpg", "image/jpeg", 1024, new string('a', 64))]);

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AComplaintFiledOnThePortal_GetsTheNextNumber_AndAReceiptWithTheProposedBodyDeadlineAndRule(string kind)
    {
        await using var w = await WorldAsync(kind);

        var first = await w.Complaints.FileAsync(AgainstPec(w.Pec, new DateOnly(2011, 3, 15)), FilingChannel.Portal, null, null, "portal", Ct);
        var second = await w.Complaints.FileAsync(AgainstPec(w.Pec, new DateOnly(2011, 3, 15)), FilingChannel.Portal, null, null, "portal", Ct);

        Assert.Equal("2011-00001", first.Number.ToString());
        Assert.Equal("2011-00002", second.Number.ToString());
        Assert.Equal(new DateOnly(2011, 3, 20), first.ReceivedOn);
        Assert.Equal(w.Dec, first.ReceivedBy.Commission);
        Assert.Equal("FILE.ELECTION-LAW-10-DAYS", first.Proposal.Filing.Rule!.Code);
        Assert.Equal(new DateOnly(2011, 3, 25), first.Proposal.Filing.LastDay);
        Assert.Equal(new DateOnly(2011, 3, 25), first.Proposal.DecisionDeadline);
        Assert.Contains(await w.Db.AuditEvents.ToListAsync(Ct), a => a.Action == "complaint.received" && a.Subject == "2011-00001");
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task APaperComplaintAtABodyThatIsNotCompetent_IsForwarded_OnlyByItsStaff_AndTheForwardIsKept(string kind)
    {
        await using var w = await WorldAsync(kind);
        var cec = await w.Complaints.CommissionBodyAsync("CEC", Ct);
        var receipt = await w.Complaints.FileAsync(AgainstPec(w.Pec, new DateOnly(2011, 3, 15)), FilingChannel.Paper, cec, null, "cec-clerk", Ct);

        Assert.Equal(CaseState.MustBeForwarded, (await w.Complaints.CaseAsync(receipt.Number, Ct))!.Status.State);
        var stranger = await Assert.ThrowsAsync<RuleViolation>(() => w.Complaints.ForwardAsync(receipt.Number, new ComplaintBody(BodyKind.Commission, w.Dec), "", new Actor("dec-chair", w.Dec), Ct));
        await w.Complaints.ForwardAsync(receipt.Number, new ComplaintBody(BodyKind.Commission, w.Dec), "The DEC is the higher commission.", new Actor("cec-secretary", "CEC"), Ct);

        var view = (await w.Complaints.CaseAsync(receipt.Number, Ct))!;
        Assert.Equal("COMPLAINT.NOT-THE-HOLDER", stranger.Code);
        Assert.Equal(CaseState.AwaitingDecision, view.Status.State);
        Assert.Equal(w.Dec, view.Status.Holder.Commission);
        Assert.Equal("CEC", Assert.Single(view.File.Forwards).From.Commission);
        await Assert.ThrowsAnyAsync<Exception>(() => w.Db.ComplaintForwards.ExecuteDeleteAsync(Ct));
        Assert.Equal(1, await w.Db.ComplaintForwards.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AComplaintDecidedAtASession_IsTheSessionsDecision_WithEveryVote_PublishedWithoutTheComplainantsName(string kind)
    {
        await using var w = await WorldAsync(kind);
        var receipt = await w.Complaints.FileAsync(AgainstPec(w.Pec, new DateOnly(2011, 3, 15)), FilingChannel.Portal, null, null, "portal", Ct);
        var chair = new Actor("dec-chair", w.Dec);
        var present = w.DecMembers.Take(6).ToList();
        var session = await w.Sessions.OpenAsync(w.Dec, new DateOnly(2011, 3, 20), ["Complaint " + receipt.Number], present, [], [], chair, Ct);
        var votes = present.Select((m, i) => (m, i < 5 ? VoteChoice.For : VoteChoice.Against)).ToDictionary(x => x.m, x => x.Item2);

        var (decision, index) = await w.Complaints.DecideAtSessionAsync(receipt.Number, session, "C-7", ComplaintOutcome.Upheld, "The protocol must be posted.", "No copy was posted at PEC.", "Post the protocol copy today.", null, votes, [new DissentingOpinion(present[5], "The copy was posted late, not never.")], chair, Ct);

        var view = (await w.Complaints.CaseAsync(receipt.Number, Ct))!;
        Assert.True(decision.Adopted);
        Assert.True(view.Status.IsDecided);
        Assert.True(view.Status.DecidedCollegially);
        Assert.True(view.Status.Published);
        Assert.Equal((5, 1), (view.File.CollegialDecisions[0].For, view.File.CollegialDecisions[0].Against));
        var entry = await w.Db.LogEntries.SingleAsync(e => e.Index == index, Ct);
        var text = Encoding.UTF8.GetString(entry.Record);
        Assert.Equal((ComplaintDecisionRecord.Kind, receipt.Number.ToString(), 1), (entry.Kind, entry.Subject, entry.Version));
        Assert.DoesNotContain("Sadykova", text, StringComparison.Ordinal);
        Assert.DoesNotContain("+7 701", text, StringComparison.Ordinal);
        Assert.Equal("upheld", JsonNode.Parse(text)!["outcome"]!.GetValue<string>());
        Assert.Equal(6, JsonNode.Parse(text)!["votes"]!.AsObject().Count);
        Assert.True(await w.Db.LogEntries.AnyAsync(e => e.Kind == "decision" && e.Subject == w.Dec + "/C-7", Ct));
        Assert.Single(await w.Complaints.PublishedDecisionsAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task WithoutAQuorum_NothingIsDecided_NothingIsPublished_AndNoHearingIsLeft(string kind)
    {
        await using var w = await WorldAsync(kind);
        var receipt = await w.Complaints.FileAsync(AgainstPec(w.Pec, new DateOnly(2011, 3, 15)), FilingChannel.Portal, null, null, "portal", Ct);
        var chair = new Actor("dec-chair", w.Dec);
        var present = w.DecMembers.Take(3).ToList();
        var session = await w.Sessions.OpenAsync(w.Dec, new DateOnly(2011, 3, 20), ["Complaint"], present, [], [], chair, Ct);

        var refused = await Assert.ThrowsAsync<RuleViolation>(() => w.Complaints.DecideAtSessionAsync(receipt.Number, session, "C-8", ComplaintOutcome.Rejected, "r", "f", "", null, present.ToDictionary(m => m, _ => VoteChoice.For), [], chair, Ct));

        Assert.Equal("SESSION.NO-QUORUM", refused.Code);
        Assert.False((await w.Complaints.CaseAsync(receipt.Number, Ct))!.Status.IsDecided);
        Assert.Equal(0, await w.Db.ComplaintHearings.CountAsync(Ct));
        Assert.Equal(0, await w.Db.LogEntries.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ACommissionThatCallsAComplaintLateUnderTheWrongRule_IsRefusedBeforeAnyVote(string kind)
    {
        await using var w = await WorldAsync(kind);
        var receipt = await w.Complaints.FileAsync(AgainstPec(w.Pec, new DateOnly(2011, 3, 15)), FilingChannel.Portal, null, null, "portal", Ct);
        var chair = new Actor("dec-chair", w.Dec);
        var present = w.DecMembers.Take(6).ToList();
        var session = await w.Sessions.OpenAsync(w.Dec, new DateOnly(2011, 3, 20), ["Complaint"], present, [], [], chair, Ct);

        var wrong = await Assert.ThrowsAsync<RuleViolation>(() => w.Complaints.DecideAtSessionAsync(receipt.Number, session, "C-9", ComplaintOutcome.NotConsidered, "Late.", "Filed on 20 March.", "", "FILE.CIVIL-PROCEDURE-3-MONTHS", present.ToDictionary(m => m, _ => VoteChoice.For), [], chair, Ct));
        var inTime = await Assert.ThrowsAsync<RuleViolation>(() => w.Complaints.DecideAtSessionAsync(receipt.Number, session, "C-9", ComplaintOutcome.NotConsidered, "Late.", "Filed on 20 March.", "", "FILE.ELECTION-LAW-10-DAYS", present.ToDictionary(m => m, _ => VoteChoice.For), [], chair, Ct));

        Assert.Equal("COMPLAINT.WRONG-DEADLINE-RULE", wrong.Code);
        Assert.Equal("COMPLAINT.NOT-LATE", inTime.Code);
        Assert.Equal(0, await w.Db.Decisions.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AVoteStoredButNotLinked_IsLinkedAndPublishedOnTheNextStep(string kind)
    {
        // An interruption between the session's vote and the link: the hearing and the decision are both stored.
        await using var w = await WorldAsync(kind);
        var receipt = await w.Complaints.FileAsync(AgainstPec(w.Pec, new DateOnly(2011, 3, 15)), FilingChannel.Portal, null, null, "portal", Ct);
        var chair = new Actor("dec-chair", w.Dec);
        var present = w.DecMembers.Take(6).ToList();
        var session = await w.Sessions.OpenAsync(w.Dec, new DateOnly(2011, 3, 20), ["Complaint"], present, [], [], chair, Ct);
        var caseId = await w.Db.ComplaintCases.Select(c => c.Id).SingleAsync(Ct);
        w.Db.ComplaintHearings.Add(new ComplaintHearingRow { CaseId = caseId, SessionId = session, Commission = w.Dec, DecisionNumber = "C-10", Outcome = "Rejected", Reasons = "r", FactsFound = "f", Remedy = "", CreatedBy = "dec-chair" });
        await w.Db.SaveChangesAsync(Ct);
        w.Db.ChangeTracker.Clear();
        await w.Sessions.VoteAsync(session, "C-10", "Complaint", "Rejected", present.ToDictionary(m => m, _ => VoteChoice.For), [], chair, Ct);
        Assert.False((await w.Complaints.CaseAsync(receipt.Number, Ct))!.Status.IsDecided);

        var completed = await w.Complaints.CompletePendingAsync(Ct);

        Assert.Equal(1, completed);
        var status = (await w.Complaints.CaseAsync(receipt.Number, Ct))!.Status;
        Assert.True(status.IsDecided && status.DecidedCollegially && status.Published);
        Assert.Equal(0, await w.Complaints.CompletePendingAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AnAppeal_LinksToTheCaseItAppeals_AndGoesToTheHigherCommission_ButASupremeCourtDecisionIsFinal(string kind)
    {
        await using var w = await WorldAsync(kind);
        var receipt = await w.Complaints.FileAsync(AgainstPec(w.Pec, new DateOnly(2011, 3, 15)), FilingChannel.Portal, null, null, "portal", Ct);
        var chair = new Actor("dec-chair", w.Dec);
        var present = w.DecMembers.Take(6).ToList();
        var session = await w.Sessions.OpenAsync(w.Dec, new DateOnly(2011, 3, 20), ["Complaint"], present, [], [], chair, Ct);
        await w.Complaints.DecideAtSessionAsync(receipt.Number, session, "C-11", ComplaintOutcome.Rejected, "r", "f", "", null, present.ToDictionary(m => m, _ => VoteChoice.For), [], chair, Ct);
        var supreme = await w.Complaints.FileAsync(new ComplaintDraft(new Complainant(ComplainantKind.Candidate, "Nominee", null), new ComplaintSubject("SC.CEC-CANDIDATE-REGISTRATION", "CEC", null, new DateOnly(2011, 3, 18)), "Refused registration.", []), FilingChannel.Paper, ComplaintBody.SupremeCourt, null, "clerk", Ct);
        await w.Complaints.RecordCourtDecisionAsync(supreme.Number, new CourtDecision(ComplaintBody.SupremeCourt, new DateOnly(2011, 3, 20), ComplaintOutcome.Rejected, "Lawful."), new Actor("clerk", "CEC"), Ct);

        var subject = await w.Complaints.AppealSubjectAsync(receipt.Number, Ct);
        var appeal = await w.Complaints.FileAsync(AgainstPec(w.Pec, new DateOnly(2011, 3, 15)) with { Subject = subject, AppealOf = receipt.Number }, FilingChannel.Portal, null, null, "portal", Ct);
        var final = await Assert.ThrowsAsync<RuleViolation>(() => w.Complaints.AppealSubjectAsync(supreme.Number, Ct));

        var tec = await w.Db.Commissions.Where(c => c.Code == w.Dec).Select(c => c.Parent!.Code).SingleAsync(Ct);
        Assert.Equal(tec, appeal.ReceivedBy.Commission);
        Assert.Equal([appeal.Number], (await w.Complaints.CaseAsync(receipt.Number, Ct))!.Appeals);
        Assert.Equal(receipt.Number, (await w.Complaints.CaseAsync(appeal.Number, Ct))!.File.Case.AppealOf);
        Assert.Equal("COMPLAINT.NOT-APPEALABLE", final.Code);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task TheDemoComplaints_CountAsTheMissionRecordedThem(string kind)
    {
        await using var w = await WorldAsync(kind, TimeProvider.System);

        var seeded = await ComplaintsDemo.SeedAsync(w.Db, Repo.Kz, TimeProvider.System, Ct);
        var stats = await w.Complaints.StatisticsAsync(Ct);

        Assert.Equal(32, seeded);
        var cec = stats.ByBodyKind["CEC"];
        Assert.Equal((12, 0, 0, 0, 12, 12, 12), (cec.Received, cec.DecidedCollegially, cec.DecidedWithinDeadline, cec.Published, cec.NotDecided, cec.AnsweredByOfficial, cec.MissedDeadline));
        var district = stats.ByBodyKind["district_court"];
        Assert.Equal((15, 15, 0, 15, 0), (district.Received, district.Decided, district.DecidedCollegially, district.Published, district.NotDecided));
        Assert.Equal(15, district.Outcomes["rejected"] + district.Outcomes["not_considered"]);
        Assert.Equal(4, district.Flags["FLAG.WRONG-DEADLINE-RULE"]);
        var supreme = stats.ByBodyKind["supreme_court"];
        Assert.Equal((5, 5, 5), (supreme.Received, supreme.Decided, supreme.Published));
        Assert.Equal(5, supreme.Outcomes["rejected"] + supreme.Outcomes["not_considered"]);
        Assert.Equal(1, supreme.Flags["FLAG.COMPETENCE-DECLINED"]);
        Assert.All(new[] { "TEC", "DEC", "PEC", "prosecutor" }, k => Assert.Equal(0, stats.ByBodyKind[k].Received));
        Assert.Equal(20, await w.Db.LogEntries.CountAsync(e => e.Kind == ComplaintDecisionRecord.Kind, Ct));
        Assert.Equal(0, await ComplaintsDemo.SeedAsync(w.Db, Repo.Kz, TimeProvider.System, Ct));
    }
}
