namespace Ashyq.Core.Generation;

/// <summary>
/// SplitMix64: a small random generator whose sequence depends only on its seed, on every platform and .NET
/// version, so that a generated election is the same wherever it is generated.
/// </summary>
internal struct DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public static DeterministicRandom For(long seed, long stream) =>
        new(unchecked(((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)stream * 0xBF58476D1CE4E5B9UL) ^ 0x94D049BB133111EBUL));

    public ulong NextULong()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, <paramref name="max"/>).</summary>
    public int Next(int max) => (int)(NextULong() % (ulong)max);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A key chosen with probability proportional to its weight.</summary>
    public string PickWeighted(IReadOnlyList<KeyValuePair<string, double>> weights, double total)
    {
        var x = NextDouble() * total;
        foreach (var (key, weight) in weights)
        {
            x -= weight;
            if (x < 0)
            {
                return key;
            }
        }

        return weights[^1].Key;
    }
}
