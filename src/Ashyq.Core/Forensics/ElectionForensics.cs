namespace Ashyq.Core.Forensics;

/// <summary>Every forensic figure of one set of precincts (the country, or one region).</summary>
public sealed record ForensicsFigures(
    int Precincts,
    FingerprintResult Fingerprint,
    IntegerPercentagesResult Integer,
    ShpilkinResult Shpilkin,
    IReadOnlyList<LastDigitsResult> LastDigits,
    ViolationCounts Violations);

public sealed record RegionForensics(ForensicsRegion Region, ForensicsFigures Figures);

/// <summary>The forensics of an election: nationally, and per region when asked.</summary>
/// <param name="Leader">The index of the leader (the candidate with most votes nationally) in <paramref name="Candidates"/>.</param>
public sealed record ForensicsReport(
    string Election,
    IReadOnlyList<ForensicsCandidate> Candidates,
    int Leader,
    ForensicsFigures National,
    IReadOnlyList<RegionForensics> Regions)
{
    public ForensicsCandidate LeaderCandidate => Candidates[Leader];
}

/// <summary>Computes every figure of the forensics at once: pure functions of the precinct results.</summary>
public static class ElectionForensics
{
    public static ForensicsReport Analyze(PrecinctSet set, bool byRegion = false)
    {
        var leader = set.LeaderIndex();
        var national = Figures(set, leader);
        IReadOnlyList<RegionForensics> regions = [];
        if (byRegion)
        {
            var each = new RegionForensics?[set.Regions.Count];
            var present = set.Region.ToHashSet();
            Parallel.For(0, set.Regions.Count, r =>
            {
                if (present.Contains(r))
                {
                    each[r] = new RegionForensics(set.Regions[r], Figures(set.OfRegion(r), leader));
                }
            });
            regions = [.. each.OfType<RegionForensics>()];
        }

        return new ForensicsReport(set.Election, set.Candidates, leader, national, regions);
    }

    /// <summary>The figures of one set, the leader given (the national one, for a region).</summary>
    public static ForensicsFigures Figures(PrecinctSet set, int leader)
    {
        FingerprintResult? fingerprint = null;
        IntegerPercentagesResult? integer = null;
        ShpilkinResult? shpilkin = null;
        IReadOnlyList<LastDigitsResult>? digits = null;
        Parallel.Invoke(
            () => integer = IntegerPercentages.Compute(set, leader),
            () => fingerprint = Fingerprint.Compute(set, leader),
            () => shpilkin = Shpilkin.Compute(set, leader),
            () => digits = LastDigits.Compute(set));
        return new ForensicsFigures(set.Count, fingerprint!, integer!, shpilkin!, digits!, ControlViolations.Count(set));
    }
}
