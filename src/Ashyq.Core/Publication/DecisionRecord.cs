using System.Globalization;
using System.Text.Json.Nodes;
using Ashyq.Core.Commissions;

namespace Ashyq.Core.Publication;

/// <summary>
/// The public record of a commission's decision, published the moment it is voted: the session, the question,
/// each voting member's vote, the consultative members present, the outcome and the dissenting opinions.
/// </summary>
public static class DecisionRecord
{
    public const string Kind = "decision";

    public static JsonObject Build(string election, Decision decision, IReadOnlyDictionary<string, string> memberNames)
    {
        var votes = new JsonObject();
        foreach (var (member, vote) in decision.Votes.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            votes[memberNames.GetValueOrDefault(member, member)] = vote.ToString().ToLowerInvariant();
        }

        var dissents = new JsonArray();
        foreach (var d in decision.DissentingOpinions)
        {
            dissents.Add(new JsonObject { ["member"] = memberNames.GetValueOrDefault(d.MemberId, d.MemberId), ["text"] = d.Text });
        }

        return new JsonObject
        {
            ["record"] = Kind,
            ["election"] = election,
            ["commission"] = decision.Commission,
            ["number"] = decision.Number,
            ["date"] = decision.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["subject"] = decision.Subject,
            ["text"] = decision.Text,
            ["adopted"] = decision.Adopted,
            ["votes"] = votes,
            ["for"] = decision.For,
            ["against"] = decision.Against,
            ["abstained"] = decision.Abstained,
            ["present"] = decision.Present,
            ["total_membership"] = decision.TotalMembership,
            ["consultative_present"] = new JsonArray([.. decision.ConsultativePresent.Select(c => (JsonNode)memberNames.GetValueOrDefault(c, c))]),
            ["dissenting_opinions"] = dissents,
        };
    }

    public static byte[] Bytes(string election, Decision decision, IReadOnlyDictionary<string, string> memberNames) =>
        CanonicalJson.Serialize(Build(election, decision, memberNames));
}
