using Ashyq.Core.Elections;
using Ashyq.Core.Register;

namespace Ashyq.Core.Commissions;

/// <summary>
/// The figures observers compiled by hand in 2011, computed from the members as recorded: women among members and
/// among chairs per level, ethnicity shares, the share of commissions in which each organization is represented,
/// how many commissions one organization holds a majority of, and the violations of the composition rules.
/// </summary>
public sealed record CommissionStatistics(
    IReadOnlyDictionary<string, decimal> WomenShare,
    IReadOnlyDictionary<string, decimal> WomenChairsShare,
    IReadOnlyDictionary<string, decimal> EthnicityShare,
    IReadOnlyDictionary<string, decimal> PartyPresenceShare,
    int MajorityFromOneOrganization,
    IReadOnlyDictionary<string, int> Violations)
{
    /// <summary>Computes the statistics of <paramref name="commissions"/> (code, level, members) under the definition's rules.</summary>
    public static CommissionStatistics Compute(ElectionDefinition definition, IEnumerable<(string Code, string Level, IReadOnlyList<Member> Members)> commissions)
    {
        var women = definition.Levels.ToDictionary(l => l.Code, _ => (Women: 0, All: 0));
        var chairs = definition.Levels.ToDictionary(l => l.Code, _ => (Women: 0, All: 0));
        var ethnicity = new Dictionary<string, int>();
        var presence = new Dictionary<string, int>();
        var violations = new Dictionary<string, int>();
        int members = 0, count = 0, majority = 0;

        foreach (var (code, level, list) in commissions)
        {
            count++;
            foreach (var m in list)
            {
                members++;
                var w = women[level];
                women[level] = (w.Women + (m.Gender == Gender.Female ? 1 : 0), w.All + 1);
                if (m.Role == MemberRole.Chair)
                {
                    var c = chairs[level];
                    chairs[level] = (c.Women + (m.Gender == Gender.Female ? 1 : 0), c.All + 1);
                }

                ethnicity[m.Ethnicity] = ethnicity.GetValueOrDefault(m.Ethnicity) + 1;
            }

            foreach (var organization in list.Select(m => m.NominatedBy).Distinct())
            {
                presence[organization] = presence.GetValueOrDefault(organization) + 1;
            }

            var report = CompositionRules.Check(definition, code, level, list);
            if (report.LargestCount * 2 > report.VotingSeats)
            {
                majority++;
            }

            foreach (var v in report.Violations)
            {
                violations[v.Code] = violations.GetValueOrDefault(v.Code) + 1;
            }
        }

        static decimal Share(int part, int whole) => whole == 0 ? 0 : Math.Round((decimal)part / whole, 4);
        return new CommissionStatistics(
            women.ToDictionary(x => x.Key, x => Share(x.Value.Women, x.Value.All)),
            chairs.ToDictionary(x => x.Key, x => Share(x.Value.Women, x.Value.All)),
            ethnicity.OrderByDescending(e => e.Value).ToDictionary(e => e.Key, e => Share(e.Value, members)),
            presence.OrderByDescending(p => p.Value).ToDictionary(p => p.Key, p => Share(p.Value, count)),
            majority,
            violations);
    }
}
