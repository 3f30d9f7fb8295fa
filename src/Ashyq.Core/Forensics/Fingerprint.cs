namespace Ashyq.Core.Forensics;

/// <summary>
/// The election fingerprint: the 2D histogram of precincts by turnout B/N and leader share P/D in 1% bins, and the
/// precincts with more than 80% turnout and more than 80% for the leader.
/// </summary>
/// <param name="Precincts">The population: precincts with N &gt; 0 and D &gt; 0.</param>
/// <param name="Cells">Precincts per cell, row-major: index <c>turnoutBin * 101 + leaderBin</c>; a bin is ⌊100·x/n⌋, at most 100.</param>
/// <param name="CountTurnoutGt80LeaderGt80">Precincts with 100·B &gt; 80·N and 100·P &gt; 80·D.</param>
/// <param name="VotersShare">Those precincts' N out of the population's.</param>
/// <param name="BallotsShare">Their B out of the population's.</param>
/// <param name="LeaderVotesShare">Their P out of the population's.</param>
public sealed record FingerprintResult(
    int Precincts,
    IReadOnlyList<int> Cells,
    int CountTurnoutGt80LeaderGt80,
    Ratio VotersShare,
    Ratio BallotsShare,
    Ratio LeaderVotesShare)
{
    public const int Bins = 101;

    public int Cell(int turnoutBin, int leaderBin) => Cells[(turnoutBin * Bins) + leaderBin];
}

public static class Fingerprint
{
    /// <summary>The bin of x/n in 1% steps: ⌊100·x/n⌋, capped at 100 (a share above 1 is put in the last bin).</summary>
    public static int PercentBin(long x, long n) => (int)Math.Min(100, 100 * x / n);

    public static FingerprintResult Compute(PrecinctSet set, int leader)
    {
        var cells = new int[FingerprintResult.Bins * FingerprintResult.Bins];
        int precincts = 0, count = 0;
        long voters = 0, ballots = 0, leaderVotes = 0, votersHigh = 0, ballotsHigh = 0, leaderHigh = 0;
        for (var p = 0; p < set.Count; p++)
        {
            long n = set.Voters[p], b = set.InBoxes[p], d = set.Cast(p), v = set.Votes(p, leader);
            if (n <= 0 || d <= 0)
            {
                continue;
            }

            precincts++;
            cells[(PercentBin(b, n) * FingerprintResult.Bins) + PercentBin(v, d)]++;
            voters += n;
            ballots += b;
            leaderVotes += v;
            if (100 * b > 80 * n && 100 * v > 80 * d)
            {
                count++;
                votersHigh += n;
                ballotsHigh += b;
                leaderHigh += v;
            }
        }

        return new FingerprintResult(precincts, cells, count, new Ratio(votersHigh, voters), new Ratio(ballotsHigh, ballots), new Ratio(leaderHigh, leaderVotes));
    }
}
