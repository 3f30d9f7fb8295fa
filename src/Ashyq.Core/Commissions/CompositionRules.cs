using Ashyq.Core.Elections;

namespace Ashyq.Core.Commissions;

/// <summary>A rule of a commission's composition that a commission breaks: the rule's code and what is wrong.</summary>
public sealed record CompositionViolation(string Commission, string Code, string Message);

/// <summary>How one commission stands against each reading of "no persons from one organization".</summary>
public sealed record ReadingResult(string Code, string Reading, bool Met);

/// <summary>A commission's composition judged: each reading of the rule, and every violation.</summary>
public sealed record CompositionReport(string Commission, IReadOnlyList<ReadingResult> Readings, IReadOnlyList<CompositionViolation> Violations, string? LargestOrganization, int LargestCount, int VotingSeats);

/// <summary>
/// The composition rules of the definition, checked on one commission: its size; no organization holding a
/// majority of the voting seats (the law's reading) and not all seats from one organization (the CEC's reading),
/// both evaluated, the applied one a violation when broken; at most the allowed number of consultative members
/// per party unrepresented among the voting members, where the level admits them; none where it does not (the CEC).
/// </summary>
public static class CompositionRules
{
    public const string Size = "COMP.SIZE";
    public const string ConsultativePerParty = "COMP.CONSULTATIVE-PER-PARTY";
    public const string ConsultativeFromRepresentedParty = "COMP.CONSULTATIVE-FROM-REPRESENTED-PARTY";
    public const string RepresentativesNotAdmitted = "COMP.REPRESENTATIVES-NOT-ADMITTED";

    public static CompositionReport Check(ElectionDefinition definition, string commission, string level, IReadOnlyList<Member> members)
    {
        var rules = definition.Level(level);
        var voting = members.Where(m => m.IsVoting).ToList();
        var consultative = members.Where(m => !m.IsVoting).ToList();
        var violations = new List<CompositionViolation>();

        if (voting.Count != rules.CommissionSize)
        {
            violations.Add(new(commission, Size, $"{voting.Count} voting members; the commission has {rules.CommissionSize}."));
        }

        var largest = voting.GroupBy(m => m.NominatedBy).Select(g => (Organization: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Organization, StringComparer.Ordinal).FirstOrDefault();
        var readings = new List<ReadingResult>();
        foreach (var rule in definition.Composition.Rules)
        {
            var met = rule.Kind switch
            {
                "no-organization-majority" => largest.Count * 2 <= voting.Count,
                "not-all-from-one-organization" => voting.Count == 0 || largest.Count < voting.Count,
                _ => true,
            };
            readings.Add(new ReadingResult(rule.Code, rule.Reading, met));
            if (!met && rule.Code == definition.Composition.Applied)
            {
                violations.Add(new(commission, rule.Code, $"{largest.Count} of {voting.Count} voting members were nominated by {largest.Organization}."));
            }
        }

        if (!rules.Representatives.PartyOrCandidateRepresentativesAdmitted && consultative.Count > 0)
        {
            violations.Add(new(commission, RepresentativesNotAdmitted, $"{consultative.Count} party or candidate representative(s) sit on a commission that admits none."));
        }
        else
        {
            var represented = voting.Select(m => m.NominatedBy).ToHashSet();
            foreach (var party in consultative.GroupBy(m => m.NominatedBy))
            {
                if (represented.Contains(party.Key))
                {
                    violations.Add(new(commission, ConsultativeFromRepresentedParty, $"{party.Key} has a voting member and cannot also have a consultative one."));
                }
                else if (party.Count() > rules.Representatives.ConsultativeMembersPerUnrepresentedParty)
                {
                    violations.Add(new(commission, ConsultativePerParty, $"{party.Key} has {party.Count()} consultative members; at most {rules.Representatives.ConsultativeMembersPerUnrepresentedParty}."));
                }
            }
        }

        return new CompositionReport(commission, readings, violations, largest.Organization, largest.Count, voting.Count);
    }
}
