using Ashyq.Core.Elections;
using Ashyq.Core.Results;

namespace Ashyq.Core.Commissions;

public enum VoteChoice
{
    For,
    Against,
    Abstain,
}

/// <summary>A member of the commission as a session sees them: voting, or consultative (present, without a vote).</summary>
public sealed record SessionMember(string Id, string FullName, bool IsVoting);

/// <summary>A member's written separate opinion, attached to the decision and sent to the superior commission.</summary>
public sealed record DissentingOpinion(string MemberId, string Text);

/// <summary>
/// A decision of a commission. It exists only as the outcome of a vote at a session (<see cref="Session.Vote"/>):
/// each voting member's vote, the consultative members present without a vote, the outcome by the definition's
/// majority rule, and the dissenting opinions attached.
/// </summary>
public sealed record Decision
{
    internal Decision()
    {
    }

    public required string Commission { get; init; }

    public required string Number { get; init; }

    public required DateOnly Date { get; init; }

    public required string Subject { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyDictionary<string, VoteChoice> Votes { get; init; }

    public required IReadOnlyList<string> ConsultativePresent { get; init; }

    public required IReadOnlyList<DissentingOpinion> DissentingOpinions { get; init; }

    public required int TotalMembership { get; init; }

    public required int Present { get; init; }

    public required bool Adopted { get; init; }

    public int For => Votes.Values.Count(v => v == VoteChoice.For);

    public int Against => Votes.Values.Count(v => v == VoteChoice.Against);

    public int Abstained => Votes.Values.Count(v => v == VoteChoice.Abstain);
}

/// <summary>
/// A session of a commission: its date, agenda, who attended (members, observers, media). It decides only with a
/// quorum of the total membership (the definition: two thirds), by an open vote, and a decision is adopted by more
/// than the definition's share of the total membership — not of those present.
/// </summary>
public sealed class Session
{
    private readonly SessionRules _rules;
    private readonly IReadOnlyList<SessionMember> _members;
    private readonly HashSet<string> _present;
    private readonly List<Decision> _decisions = [];

    public Session(SessionRules rules, string commission, DateOnly date, IReadOnlyList<string> agenda, IReadOnlyList<SessionMember> members, IEnumerable<string> present, IReadOnlyList<string> observers, IReadOnlyList<string> media)
    {
        _rules = rules;
        _members = members;
        _present = [.. present];
        var strangers = _present.Where(id => !members.Any(m => m.Id == id)).ToList();
        if (strangers.Count > 0)
        {
            throw new RuleViolation("SESSION.NOT-A-MEMBER", $"{string.Join(", ", strangers)} are not members of {commission}.");
        }

        Commission = commission;
        Date = date;
        Agenda = agenda;
        Observers = observers;
        Media = media;
    }

    public string Commission { get; }

    public DateOnly Date { get; }

    public IReadOnlyList<string> Agenda { get; }

    public IReadOnlyList<string> Observers { get; }

    public IReadOnlyList<string> Media { get; }

    public IReadOnlyList<Decision> Decisions => _decisions;

    public int TotalVotingMembership => _members.Count(m => m.IsVoting);

    public int PresentVoting => _members.Count(m => m.IsVoting && _present.Contains(m.Id));

    /// <summary>Enough voting members present: the quorum's share of the total voting membership.</summary>
    public bool HasQuorum => _rules.Quorum.IsReachedBy(PresentVoting, TotalVotingMembership);

    /// <summary>Puts a question to the vote; the result is a decision, adopted or not, with every vote recorded.</summary>
    public Decision Vote(string number, string subject, string text, IReadOnlyDictionary<string, VoteChoice> votes, IReadOnlyList<DissentingOpinion> dissentingOpinions)
    {
        if (!HasQuorum)
        {
            throw new RuleViolation("SESSION.NO-QUORUM", $"{PresentVoting} of {TotalVotingMembership} voting members are present; the quorum is {_rules.Quorum} of the total membership.");
        }

        foreach (var voter in votes.Keys)
        {
            var member = _members.FirstOrDefault(m => m.Id == voter)
                ?? throw new RuleViolation("SESSION.NOT-A-MEMBER", $"{voter} is not a member of {Commission}.");
            if (!member.IsVoting)
            {
                throw new RuleViolation("SESSION.CONSULTATIVE-CANNOT-VOTE", $"{member.FullName} has a consultative vote only.");
            }

            if (!_present.Contains(voter))
            {
                throw new RuleViolation("SESSION.NOT-PRESENT", $"{member.FullName} is not present and cannot vote.");
            }
        }

        var missing = _members.Where(m => m.IsVoting && _present.Contains(m.Id) && !votes.ContainsKey(m.Id)).Select(m => m.FullName).ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolation("SESSION.VOTE-MISSING", $"Every present voting member's vote is recorded (for, against or abstain); missing: {string.Join(", ", missing)}.");
        }

        foreach (var opinion in dissentingOpinions)
        {
            if (!votes.TryGetValue(opinion.MemberId, out var vote) || vote == VoteChoice.For || string.IsNullOrWhiteSpace(opinion.Text))
            {
                throw new RuleViolation("SESSION.DISSENT", "A dissenting opinion is written by a member who voted against or abstained.");
            }
        }

        var votesFor = votes.Values.Count(v => v == VoteChoice.For);
        var denominator = _rules.MajorityOf == "present" ? PresentVoting : TotalVotingMembership;
        var decision = new Decision
        {
            Commission = Commission,
            Number = number,
            Date = Date,
            Subject = subject,
            Text = text,
            Votes = votes,
            ConsultativePresent = [.. _members.Where(m => !m.IsVoting && _present.Contains(m.Id)).Select(m => m.Id)],
            DissentingOpinions = dissentingOpinions,
            TotalMembership = TotalVotingMembership,
            Present = PresentVoting,
            Adopted = _rules.Majority.IsExceededBy(votesFor, denominator),
        };
        _decisions.Add(decision);
        return decision;
    }
}
