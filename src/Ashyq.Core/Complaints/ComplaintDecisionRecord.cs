using System.Globalization;
using System.Text.Json.Nodes;
using Ashyq.Core.Elections;
using Ashyq.Core.Publication;

namespace Ashyq.Core.Complaints;

/// <summary>
/// The public record of a decision on a complaint, published the moment it is taken: the case (number, kind,
/// respondent, dates, the body that decided and the rule that made it competent, the filing rule applied), the
/// decision (a commission's with each member's vote, or a court's), outcome, reasons, facts found and remedy.
/// The complainant appears only by kind — by name only for the kinds the definition lists (parties, organizations,
/// candidates); a person's name and contact never leave the store.
/// </summary>
public static class ComplaintDecisionRecord
{
    public const string Kind = "complaint-decision";

    public static JsonObject Build(string election, ComplaintFile file, ComplaintRouting routing, CollegialDecision decision, IReadOnlyDictionary<string, string> memberNames)
    {
        var record = Common(election, file, routing, ComplaintBody.Of(new CommissionRef(decision.Commission, file.Holder.Level ?? "", null)));
        var votes = new JsonObject();
        foreach (var (member, vote) in decision.Votes.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            votes[memberNames.GetValueOrDefault(member, member)] = vote.ToString().ToLowerInvariant();
        }

        record["decided_by"] = "commission";
        record["commission"] = decision.Commission;
        record["decision_number"] = decision.Number;
        record["date"] = Day(decision.Date);
        record["adopted"] = decision.Adopted;
        record["votes"] = votes;
        record["for"] = decision.For;
        record["against"] = decision.Against;
        record["abstained"] = decision.Abstained;
        record["present"] = decision.Present;
        record["total_membership"] = decision.TotalMembership;
        record["outcome"] = ComplaintStatistics.Key(decision.Outcome);
        record["reasons"] = decision.Reasons;
        record["facts_found"] = decision.FactsFound;
        record["remedy"] = decision.Remedy;
        record["late_rule"] = decision.LateRule;
        return record;
    }

    public static JsonObject Build(string election, ComplaintFile file, ComplaintRouting routing, CourtDecision decision)
    {
        var record = Common(election, file, routing, decision.Court);
        record["decided_by"] = decision.Court.StatisticsKey;
        record["court"] = decision.Court.Name ?? decision.Court.StatisticsKey;
        record["date"] = Day(decision.Date);
        record["outcome"] = ComplaintStatistics.Key(decision.Outcome);
        record["reasons"] = decision.Reasons;
        record["late_rule_cited"] = decision.LateRuleCited;
        record["competence_declined"] = decision.CompetenceDeclined;
        record["appealable"] = routing.Appealable(file.Case, decision.Court);
        return record;
    }

    public static byte[] Bytes(JsonObject record) => CanonicalJson.Serialize(record);

    /// <summary>The complainant as published: the kind always, the name only where the definition allows it.</summary>
    public static JsonObject Complainant(Complainant complainant, ComplaintRules rules)
    {
        var kind = complainant.Kind.ToString().ToLowerInvariant();
        var published = new JsonObject { ["kind"] = kind };
        if (rules.PublishedComplainantKinds.Contains(kind))
        {
            published["name"] = complainant.Name;
        }

        return published;
    }

    private static JsonObject Common(string election, ComplaintFile file, ComplaintRouting routing, ComplaintBody decidedBy)
    {
        var c = file.Case;
        var filing = routing.Filing(c);
        var competence = routing.Competence(c, decidedBy);
        return new JsonObject
        {
            ["record"] = Kind,
            ["election"] = election,
            ["case"] = c.Number.ToString(),
            ["received_on"] = Day(c.ReceivedOn),
            ["complainant"] = Complainant(c.Complainant, routing.Rules),
            ["subject"] = c.Subject.Kind,
            ["respondent_commission"] = c.Subject.Commission,
            ["respondent_official"] = c.Subject.Official,
            ["act_date"] = c.Subject.ActDate is { } act ? Day(act) : null,
            ["appeal_of"] = c.AppealOf?.ToString(),
            ["filing_rule"] = filing.Rule?.Code,
            ["filing_last_day"] = filing.LastDay is { } last ? Day(last) : null,
            ["filed_in_time"] = filing.InTime,
            ["competent_as"] = competence?.Rule.Kind,
            ["forwards"] = new JsonArray([.. file.Forwards.Select(f => (JsonNode)new JsonObject { ["from"] = f.From.ToString(), ["to"] = f.To.ToString(), ["on"] = Day(f.On) })]),
        };
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
