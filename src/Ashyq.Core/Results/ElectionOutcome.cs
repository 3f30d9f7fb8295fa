using Ashyq.Core.Elections;

namespace Ashyq.Core.Results;

public enum OutcomeKind
{
    /// <summary>A candidate has more than the required share of the voters who took part.</summary>
    Elected,

    /// <summary>No one has: a runoff between the leading candidates.</summary>
    Runoff,

    /// <summary>The election is invalid (turnout below the definition's threshold).</summary>
    Invalid,

    /// <summary>Not every precinct is in yet.</summary>
    Incomplete,
}

public sealed record CandidateResult(string Code, LocalizedText Name, long Votes, decimal ShareOfParticipants);

public sealed record ElectionOutcome(
    OutcomeKind Kind,
    IReadOnlyList<CandidateResult> Candidates,
    long Participants,
    long EligibleVoters,
    IReadOnlyList<string> Elected,
    IReadOnlyList<string> RunoffBetween,
    string? Reason);

/// <summary>
/// The winner rule of the definition applied to national totals: elected with more than the required share of
/// the voters who took part (not of the valid votes); otherwise a runoff between the leading candidates; invalid
/// if a turnout threshold exists and is not reached.
/// </summary>
public static class WinnerRule
{
    public static ElectionOutcome Determine(ElectionDefinition definition, ReadOnlySpan<long> totals, bool complete = true)
    {
        var form = definition.ProtocolForm;
        var rules = definition.Result;
        var participants = totals[form.IndexOf[rules.ParticipantsLine]];
        var eligible = totals[form.IndexOf[rules.EligibleVotersLine]];
        var totalsCopy = totals.ToArray();
        var candidates = form.CandidateLines
            .Select(l => new CandidateResult(l.Code, l.Label, totalsCopy[l.Index], participants == 0 ? 0 : Math.Round((decimal)totalsCopy[l.Index] / participants, 6)))
            .OrderByDescending(c => c.Votes)
            .ToList();

        if (!complete)
        {
            return new ElectionOutcome(OutcomeKind.Incomplete, candidates, participants, eligible, [], [], "Not every precinct protocol is accepted yet.");
        }

        if (rules.TurnoutThreshold is { } threshold && !threshold.IsReachedBy(participants, eligible))
        {
            return new ElectionOutcome(OutcomeKind.Invalid, candidates, participants, eligible, [], [],
                $"Turnout {participants} of {eligible} is below the threshold of {threshold}.");
        }

        var winners = candidates.Where(c => rules.WinnerMoreThan.IsExceededBy(c.Votes, participants)).Select(c => c.Code).ToList();
        if (winners.Count == 1)
        {
            return new ElectionOutcome(OutcomeKind.Elected, candidates, participants, eligible, winners, [], null);
        }

        // The leading candidates go to the runoff; a tie for the last place is reported, not broken silently.
        var cut = candidates.Take(rules.RunoffCandidates).ToList();
        var tied = candidates.Skip(rules.RunoffCandidates).Any(c => cut.Count > 0 && c.Votes == cut[^1].Votes);
        return new ElectionOutcome(OutcomeKind.Runoff, candidates, participants, eligible, [], [.. cut.Select(c => c.Code)],
            tied ? "A tie for the last runoff place: the law's tie rule decides." : null);
    }
}
