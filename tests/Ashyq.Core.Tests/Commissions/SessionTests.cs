using Ashyq.Core.Commissions;
using Ashyq.Core.Results;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Commissions;

public class SessionTests
{
    private static readonly IReadOnlyList<SessionMember> Cec =
    [
        .. Enumerable.Range(1, 7).Select(i => new SessionMember($"m{i}", $"Member {i}", true)),
        new SessionMember("c1", "Consultative 1", false),
    ];

    private static Session Sitting(int present) =>
        new(Repo.Kz.Sessions, "CEC", new DateOnly(2011, 3, 20), ["Complaint No. 4"], Cec, Cec.Where(m => m.IsVoting).Take(present).Select(m => m.Id).Append("c1"), ["OSCE/ODIHR"], ["Khabar"]);

    private static Dictionary<string, VoteChoice> Votes(int present, int votesFor) =>
        Enumerable.Range(1, present).ToDictionary(i => $"m{i}", i => i <= votesFor ? VoteChoice.For : VoteChoice.Against);

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(7, true)]
    public void TheQuorum_IsTwoThirdsOfTheTotalMembership(int present, bool quorum)
    {
        var session = Sitting(present);
        Assert.Equal(quorum, session.HasQuorum);
        if (!quorum)
        {
            Assert.Equal("SESSION.NO-QUORUM", Assert.Throws<RuleViolation>(() => session.Vote("1", "x", "x", Votes(present, present), [])).Code);
        }
    }

    [Fact]
    public void ADecision_NeedsAMajorityOfTheTotalMembership_NotOfThosePresent()
    {
        // Five present, three for: a majority of those present, but 3 of 7 is not more than half of the membership.
        var refused = Sitting(5).Vote("12", "Complaint No. 4", "Uphold the complaint", Votes(5, 3), [new DissentingOpinion("m4", "The complaint was filed in time.")]);
        var adopted = Sitting(5).Vote("13", "Complaint No. 5", "Reject the complaint", Votes(5, 4), []);

        Assert.False(refused.Adopted);
        Assert.Equal((3, 2, 7, 5), (refused.For, refused.Against, refused.TotalMembership, refused.Present));
        Assert.Single(refused.DissentingOpinions);
        Assert.True(adopted.Adopted);
    }

    [Fact]
    public void EveryPresentVotingMembersVote_IsRecorded_AndConsultativeMembersDoNotVote()
    {
        var session = Sitting(6);

        Assert.Equal("SESSION.VOTE-MISSING", Assert.Throws<RuleViolation>(() => session.Vote("1", "x", "x", Votes(5, 5), [])).Code);
        var withConsultative = Votes(6, 6);
        withConsultative["c1"] = VoteChoice.For;
        Assert.Equal("SESSION.CONSULTATIVE-CANNOT-VOTE", Assert.Throws<RuleViolation>(() => session.Vote("1", "x", "x", withConsultative, [])).Code);
        var decision = session.Vote("1", "x", "x", Votes(6, 6), []);
        Assert.Equal(["c1"], decision.ConsultativePresent);
        Assert.Equal(6, decision.Votes.Count);
    }

    [Fact]
    public void AnAbsentMember_CannotVote_AndADissentComesFromAMemberWhoDidNotVoteFor()
    {
        var session = Sitting(5);
        var votes = Votes(5, 5);
        votes["m7"] = VoteChoice.For;

        Assert.Equal("SESSION.NOT-PRESENT", Assert.Throws<RuleViolation>(() => session.Vote("1", "x", "x", votes, [])).Code);
        Assert.Equal("SESSION.DISSENT", Assert.Throws<RuleViolation>(() => session.Vote("1", "x", "x", Votes(5, 5), [new DissentingOpinion("m1", "no")])).Code);
    }

    [Fact]
    public void ADecision_CannotBeMadeWithoutAVote()
    {
        // Decision has no public constructor: the only way to one is Session.Vote.
        Assert.DoesNotContain(typeof(Decision).GetConstructors(), c => c.IsPublic);
    }
}
