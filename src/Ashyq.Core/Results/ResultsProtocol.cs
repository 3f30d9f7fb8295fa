using System.Globalization;
using System.Text;

namespace Ashyq.Core.Results;

/// <summary>
/// The results protocol of a commission above the precincts: the sum of its precincts' accepted protocols, with its
/// completeness. It exists in law only once the commission adopts it by a decision at a session; its text is what
/// the members vote on and what the log keeps, so any later change of the totals shows as a text that no longer
/// matches the adopted one.
/// </summary>
/// <param name="Commission">The commission's code.</param>
/// <param name="Precincts">The precincts under it.</param>
/// <param name="Accepted">Of them, the precincts whose protocol is accepted.</param>
/// <param name="Totals">Line code → total, in the form's order.</param>
public sealed record ResultsProtocol(string Commission, int Precincts, int Accepted, IReadOnlyList<KeyValuePair<string, long>> Totals)
{
    /// <summary>The subject of every decision that adopts a results protocol.</summary>
    public const string DecisionSubject = "results-protocol";

    public bool IsComplete => Accepted == Precincts;

    /// <summary>The text put to the vote: one line per protocol line, then the completeness; the same totals give the same text.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Results protocol of {Commission}: {Accepted} of {Precincts} precinct protocols accepted.");
        foreach (var (line, total) in Totals)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{line} = {total}");
        }

        return text.ToString();
    }
}

/// <summary>The rules on adopting a results protocol and on citing a decision for a correction.</summary>
public static class ResultsProtocolRules
{
    /// <summary>
    /// Why a commission may not adopt its results protocol now, or null if it may: every precinct under it must be
    /// accepted, and every commission directly under it (above the precincts) must have adopted its own protocol
    /// with the totals it has now — a superior sums what its subordinates adopted, not what they have not.
    /// </summary>
    public static RuleViolation? RefusalToAdopt(ResultsProtocol protocol, IReadOnlyList<(string Commission, bool AdoptedAsNow)> subordinates)
    {
        if (!protocol.IsComplete)
        {
            return new RuleViolation(
                "RESULTS.INCOMPLETE",
                string.Create(CultureInfo.InvariantCulture, $"{protocol.Commission} cannot adopt its results protocol: {protocol.Precincts - protocol.Accepted} of its {protocol.Precincts} precinct protocols are not accepted yet."));
        }

        var missing = subordinates.Where(s => !s.AdoptedAsNow).Select(s => s.Commission).ToList();
        return missing.Count == 0
            ? null
            : new RuleViolation(
                "RESULTS.SUBORDINATE-NOT-ADOPTED",
                $"{protocol.Commission} cannot adopt its results protocol: {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? $" and {missing.Count - 5} more" : "")} have not adopted theirs (with their present totals) by a decision.");
    }

    /// <summary>
    /// Why a correction of a precinct's accepted protocol may not cite this decision, or null if it may: the decision
    /// must exist, be adopted, bear the date cited, and be one of the precinct commission itself or of a commission
    /// above it (<paramref name="competent"/>, the precinct first).
    /// </summary>
    public static RuleViolation? RefusalToCite(DecisionReference cited, IReadOnlyList<string> competent, CitedDecision? found)
    {
        if (!competent.Contains(cited.Commission))
        {
            return new RuleViolation(
                "CORRECTION.NOT-COMPETENT",
                $"{cited.Commission} is not competent to correct the protocol of {competent[0]}: only {string.Join(", ", competent)} may decide it.");
        }

        if (string.IsNullOrWhiteSpace(cited.Reason))
        {
            return new RuleViolation("CORRECTION.NO-REASON", $"A correction of {competent[0]} states its reason.");
        }

        if (found is null)
        {
            return new RuleViolation("CORRECTION.NO-SUCH-DECISION", $"{cited.Commission} has no decision No. {cited.Number}: a correction cites a decision taken at a session.");
        }

        if (!found.Adopted)
        {
            return new RuleViolation("CORRECTION.DECISION-NOT-ADOPTED", $"Decision No. {cited.Number} of {cited.Commission} was put to the vote but not adopted.");
        }

        return found.Date != cited.Date
            ? new RuleViolation("CORRECTION.WRONG-DATE", string.Create(CultureInfo.InvariantCulture, $"Decision No. {cited.Number} of {cited.Commission} is of {found.Date:yyyy-MM-dd}, not {cited.Date:yyyy-MM-dd}."))
            : null;
    }
}

/// <summary>A decision as the store holds it, for checking a citation.</summary>
public sealed record CitedDecision(string Commission, string Number, DateOnly Date, bool Adopted);
