namespace Ashyq.Core.Forensics;

/// <summary>The sums of one 1% turnout bin t = min(100, ⌊100·B/N⌋).</summary>
/// <param name="Votes">Each candidate's votes, in ballot order.</param>
public sealed record TurnoutBin(int Turnout, int Precincts, long Voters, long InBoxes, long Valid, long Leader, long Others, IReadOnlyList<long> Votes);

/// <summary>
/// Shpilkin's estimate of the leader's excess votes: below the modal turnout bin m (the bin with the most voters on
/// the list) the leader's votes keep the ratio r = ΣP / ΣO to the others'; above it, what exceeds r·O is excess.
/// </summary>
/// <param name="Precincts">The population: N &gt; 0.</param>
/// <param name="Bins">Bins 0 … 100.</param>
/// <param name="ModeBin">m: the bin with the largest ΣN (ties: the lowest).</param>
/// <param name="Baseline">r = ΣP / ΣO over bins t ≤ m, exactly.</param>
/// <param name="ExcessLeaderVotes">E = Σ over t &gt; m of (P_t − r·O_t); null when ΣO over t ≤ m is 0.</param>
/// <param name="CorrectedLeaderShareOfValid">(P_total − E) / (valid_total − E).</param>
/// <param name="CorrectedTurnout">(B_total − E) / N_total.</param>
public sealed record ShpilkinResult(
    int Precincts,
    IReadOnlyList<TurnoutBin> Bins,
    int ModeBin,
    Ratio Baseline,
    double? ExcessLeaderVotes,
    double? CorrectedLeaderShareOfValid,
    double? CorrectedTurnout,
    long VotersTotal,
    long InBoxesTotal,
    long ValidTotal,
    long LeaderTotal)
{
    public Ratio LeaderShareOfValid => new(LeaderTotal, ValidTotal);

    public Ratio Turnout => new(InBoxesTotal, VotersTotal);
}

public static class Shpilkin
{
    public static ShpilkinResult Compute(PrecinctSet set, int leader)
    {
        const int bins = 101;
        var k = set.Candidates.Count;
        var precincts = new int[bins];
        var voters = new long[bins];
        var inBoxes = new long[bins];
        var valid = new long[bins];
        var lead = new long[bins];
        var votes = new long[bins, k];
        var population = 0;
        for (var p = 0; p < set.Count; p++)
        {
            var n = set.Voters[p];
            if (n <= 0)
            {
                continue;
            }

            population++;
            var t = Fingerprint.PercentBin(set.InBoxes[p], n);
            precincts[t]++;
            voters[t] += n;
            inBoxes[t] += set.InBoxes[p];
            valid[t] += set.Valid[p];
            lead[t] += set.Votes(p, leader);
            for (var c = 0; c < k; c++)
            {
                votes[t, c] += set.Votes(p, c);
            }
        }

        var result = new TurnoutBin[bins];
        var mode = 0;
        for (var t = 0; t < bins; t++)
        {
            result[t] = new TurnoutBin(t, precincts[t], voters[t], inBoxes[t], valid[t], lead[t], valid[t] - lead[t], [.. Enumerable.Range(0, k).Select(c => votes[t, c])]);
            if (voters[t] > voters[mode])
            {
                mode = t;
            }
        }

        long leaderLow = 0, othersLow = 0, leaderHigh = 0, othersHigh = 0;
        foreach (var bin in result)
        {
            if (bin.Turnout <= mode)
            {
                leaderLow += bin.Leader;
                othersLow += bin.Others;
            }
            else
            {
                leaderHigh += bin.Leader;
                othersHigh += bin.Others;
            }
        }

        long votersTotal = voters.Sum(), inBoxesTotal = inBoxes.Sum(), validTotal = valid.Sum(), leaderTotal = lead.Sum();
        double? excess = null, share = null, turnout = null;
        if (othersLow != 0)
        {
            // E = P_high − (P_low / O_low)·O_high, in integers up to the one division.
            excess = (double)(((Int128)leaderHigh * othersLow) - ((Int128)leaderLow * othersHigh)) / othersLow;
            share = validTotal - excess.Value == 0 ? null : (leaderTotal - excess.Value) / (validTotal - excess.Value);
            turnout = votersTotal == 0 ? null : (inBoxesTotal - excess.Value) / votersTotal;
        }

        return new ShpilkinResult(population, result, mode, new Ratio(leaderLow, othersLow), excess, share, turnout, votersTotal, inBoxesTotal, validTotal, leaderTotal);
    }
}
