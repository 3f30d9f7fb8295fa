namespace Ashyq.Core.Forensics;

/// <summary>Control-relation violations recorded on the results chain's protocols.</summary>
/// <param name="ByRelation">Precincts whose protocol breaks each relation of the definition (0 included).</param>
/// <param name="Precincts">Precincts whose protocol breaks at least one.</param>
public sealed record ViolationCounts(IReadOnlyDictionary<string, int> ByRelation, int Precincts);

public static class ControlViolations
{
    public static ViolationCounts Count(PrecinctSet set)
    {
        var byRelation = set.Relations.ToDictionary(r => r, _ => 0);
        foreach (var (precinct, relation) in set.Violations.Distinct())
        {
            byRelation[relation] = byRelation.GetValueOrDefault(relation) + 1;
        }

        return new ViolationCounts(byRelation, set.Violations.Select(v => v.Precinct).Distinct().Count());
    }
}
