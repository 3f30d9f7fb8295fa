namespace Ashyq.Core.Forensics;

/// <summary>What the forensics flag in one precinct.</summary>
/// <param name="Code">The precinct's code.</param>
/// <param name="Region">Its region; null when it has none.</param>
/// <param name="Voters">N: voters on the list.</param>
/// <param name="Turnout">B/N, the fingerprint's and Shpilkin's turnout.</param>
/// <param name="IssuedTurnout">G/N, the turnout of the integer-percentages test.</param>
/// <param name="LeaderShare">P/D, the national leader's share of the ballots cast.</param>
/// <param name="HighCorner">In the fingerprint's corner: 100·B &gt; 80·N and 100·P &gt; 80·D (N &gt; 0, D &gt; 0).</param>
/// <param name="IntegerTurnout">G/N is within 0.05 points of a whole percent (<see cref="IntegerPercentages.IsInteger"/>), N &gt; 0.</param>
/// <param name="IntegerLeaderShare">P/D is within 0.05 points of a whole percent, D &gt; 0.</param>
/// <param name="InIntegerPopulation">In the population of the integer-percentages test (<see cref="IntegerPercentages.InPopulation"/>).</param>
/// <param name="RelationsBroken">The control relations its protocol breaks, in the definition's order.</param>
public sealed record PrecinctFlag(
    string Code,
    ForensicsRegion? Region,
    long Voters,
    Ratio Turnout,
    Ratio IssuedTurnout,
    Ratio LeaderShare,
    bool HighCorner,
    bool IntegerTurnout,
    bool IntegerLeaderShare,
    bool InIntegerPopulation,
    IReadOnlyList<string> RelationsBroken)
{
    /// <summary>The whole percent of G/N when it is an integer one (round(100·G/N)); null otherwise.</summary>
    public int? IntegerTurnoutPercent => IntegerTurnout ? (int)(((200 * IssuedTurnout.Numerator) + IssuedTurnout.Denominator) / (2 * IssuedTurnout.Denominator)) : null;

    /// <summary>Whether any flag is raised.</summary>
    public bool Flagged => HighCorner || IntegerTurnout || IntegerLeaderShare || RelationsBroken.Count > 0;
}

/// <summary>The flags of every precinct of a set, with the same rules as the figures that count them.</summary>
public static class PrecinctFlags
{
    public static IReadOnlyList<PrecinctFlag> Compute(PrecinctSet set, int leader)
    {
        ArgumentNullException.ThrowIfNull(set);
        var order = set.Relations.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);
        var broken = new List<string>?[set.Count];
        foreach (var (precinct, relation) in set.Violations)
        {
            var list = broken[precinct] ??= [];
            if (!list.Contains(relation))
            {
                list.Add(relation);
            }
        }

        var flags = new PrecinctFlag[set.Count];
        for (var p = 0; p < set.Count; p++)
        {
            long n = set.Voters[p], g = set.Issued[p], b = set.InBoxes[p], d = set.Cast(p), v = set.Votes(p, leader);
            var region = set.Region[p];
            IReadOnlyList<string> relations = broken[p] is { } l
                ? [.. l.OrderBy(r => order.GetValueOrDefault(r, int.MaxValue)).ThenBy(r => r, StringComparer.Ordinal)]
                : [];
            flags[p] = new PrecinctFlag(
                set.Codes[p],
                region >= 0 ? set.Regions[region] : null,
                n,
                new Ratio(b, n),
                new Ratio(g, n),
                new Ratio(v, d),
                n > 0 && d > 0 && 100 * b > 80 * n && 100 * v > 80 * d,
                n > 0 && IntegerPercentages.IsInteger(g, n),
                d > 0 && IntegerPercentages.IsInteger(v, d),
                IntegerPercentages.InPopulation(n, g, d, v),
                relations);
        }

        return flags;
    }
}
