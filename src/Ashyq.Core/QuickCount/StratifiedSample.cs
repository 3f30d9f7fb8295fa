using Ashyq.Core.Generation;

namespace Ashyq.Core.QuickCount;

/// <summary>How many stations a stratum has (N_h) and how many of them are sampled (n_h).</summary>
public sealed record StratumAllocation(Stratum Stratum, int Stations, int Sampled);

/// <summary>A sampled station and its stratum.</summary>
public sealed record SampledStation(string Station, Stratum Stratum);

/// <summary>
/// The quick count's sample: a stratified simple random sample without replacement of polling stations. The
/// same frame, size and seed give the same sample on every machine.
/// </summary>
public sealed record StratifiedSample(long Seed, int Size, IReadOnlyList<StratumAllocation> Strata, IReadOnlyList<SampledStation> Stations)
{
    /// <summary>The smallest sample of a stratum: with fewer than two stations its variance cannot be estimated.</summary>
    public const int MinimumPerStratum = 2;

    /// <summary>
    /// Draws <paramref name="size"/> stations from <paramref name="frame"/>. Allocation is proportional to the
    /// strata's sizes, n_h = n·N_h/N rounded by the largest remainder (<see cref="Apportionment"/>) so the n_h add
    /// up to n exactly, with at least <see cref="MinimumPerStratum"/> per stratum (or the whole stratum when it is
    /// smaller); then in each stratum n_h stations are drawn without replacement by a partial Fisher–Yates shuffle
    /// of the stratum's stations in code order, with SplitMix64 seeded from <paramref name="seed"/> and the
    /// stratum's place, so that one stratum's draw does not depend on another's.
    /// </summary>
    public static StratifiedSample Draw(SamplingFrame frame, int size, long seed)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var strata = frame.StrataSizes.Keys.ToArray();
        var sizes = strata.Select(s => frame.StrataSizes[s]).ToArray();
        var allocation = Allocate(size, sizes, frame.Count);

        var byStratum = frame.Stations.GroupBy(s => s.Stratum).ToDictionary(g => g.Key, g => g.Select(s => s.Station).ToArray());
        var sampled = new List<SampledStation>(size);
        var allocations = new List<StratumAllocation>(strata.Length);
        for (var h = 0; h < strata.Length; h++)
        {
            var stations = byStratum[strata[h]];
            var random = DeterministicRandom.For(seed, 500_000 + h);
            var n = allocation[h];
            for (var i = 0; i < n; i++)
            {
                var j = i + random.Next(stations.Length - i);
                (stations[i], stations[j]) = (stations[j], stations[i]);
            }

            sampled.AddRange(stations.Take(n).Order(StringComparer.Ordinal).Select(s => new SampledStation(s, strata[h])));
            allocations.Add(new StratumAllocation(strata[h], sizes[h], n));
        }

        return new StratifiedSample(seed, size, allocations, sampled);
    }

    /// <summary>
    /// n_h for each stratum: proportional to N_h by the largest remainder, each at least the minimum and at most
    /// N_h; what a capped stratum cannot take is apportioned again among the others.
    /// </summary>
    public static int[] Allocate(int size, IReadOnlyList<int> strataSizes, int population)
    {
        ArgumentNullException.ThrowIfNull(strataSizes);
        if (size > population)
        {
            throw new QuickCountException("QUICKCOUNT.SIZE-TOO-LARGE", $"A sample of {size} stations is larger than the {population} stations of the frame.");
        }

        var minimum = strataSizes.Sum(n => Math.Min(n, MinimumPerStratum));
        if (size < minimum)
        {
            throw new QuickCountException("QUICKCOUNT.SIZE-TOO-SMALL",
                $"A sample of {size} stations cannot give {MinimumPerStratum} to each of the {strataSizes.Count} strata: draw at least {minimum}.");
        }

        var result = new int[strataSizes.Count];
        var open = Enumerable.Range(0, strataSizes.Count).ToList();
        var rest = size;
        while (true)
        {
            // The strata too small for the minimum are taken whole first.
            var minimumEach = open.Min(h => Math.Min(strataSizes[h], MinimumPerStratum));
            var shares = Apportionment.Apportion(rest, open.Select(h => (double)strataSizes[h]).ToArray(), minimumEach);
            var capped = open.Where((h, k) => shares[k] > strataSizes[h] || strataSizes[h] < MinimumPerStratum).ToList();
            if (capped.Count == 0)
            {
                for (var k = 0; k < open.Count; k++)
                {
                    result[open[k]] = (int)shares[k];
                }

                return result;
            }

            foreach (var h in capped)
            {
                result[h] = strataSizes[h];
                rest -= strataSizes[h];
                open.Remove(h);
            }

            if (open.Count == 0)
            {
                return result;
            }
        }
    }
}
