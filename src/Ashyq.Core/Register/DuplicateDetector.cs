using System.Runtime.InteropServices;

namespace Ashyq.Core.Register;

/// <summary>A pair of registrations likely to be one person: indexes into the detector's records, the score and why.</summary>
public readonly record struct DuplicatePair(int A, int B, double Score, string Evidence);

/// <summary>
/// Finds registrations likely to be the same person under different IINs, over a whole register held compactly in
/// memory. <b>Blocking</b>: each record is filed under two keys — (birth date with day and month unordered, gender,
/// folded surname) and (the same, folded given name) — so a spelling variant, a transliteration, a typo in one of
/// the two names, swapped names and a swapped day and month all share a block with the original. <b>Score</b>
/// (0–1) of a pair in a block: the name similarity — Jaro–Winkler on the folded names, 0.5 surname + 0.3 given
/// name + 0.2 patronymic, the better of the straight and the swapped reading, nothing if the surname or given name
/// is below 0.8 (relatives share a surname, a date and an address, not a first name) — times 0.95 if day and month
/// are swapped, times 0.8 if the residential addresses differ (namesakes born on one day are common in a
/// register of millions; the same person has one residence). A pair is reported at or above the threshold (0.85),
/// so a pair with different addresses is never reported: that needs a review of its own.
/// </summary>
public sealed class DuplicateDetector
{
    public const double DefaultThreshold = 0.85;
    public const double SwappedDateFactor = 0.95;
    public const double OtherAddressFactor = 0.8;
    public const double MinimumNameSimilarity = 0.8;

    private readonly List<long> _iins = [];
    private readonly List<int> _dates = [];
    private readonly List<ulong> _addresses = [];
    private readonly List<int> _nameStarts = [];
    private readonly List<byte> _nameLengths = [];
    private char[] _names = new char[1 << 20];
    private int _namesLength;

    public int Count => _iins.Count;

    /// <summary>Adds a registration; returns its index.</summary>
    public int Add(Iin iin, string surname, string given, string patronymic, string address) =>
        Add(iin, surname.AsSpan(), given.AsSpan(), patronymic.AsSpan(), address.AsSpan());

    public int Add(Iin iin, ReadOnlySpan<char> surname, ReadOnlySpan<char> given, ReadOnlySpan<char> patronymic, ReadOnlySpan<char> address)
    {
        var date = iin.BirthDate;
        _iins.Add(iin.Value);
        _dates.Add((date.Year * 100 + date.Month) * 100 + date.Day);
        _addresses.Add(Hash(NameFolding.AddressForm(address.ToString()), 0));
        _nameStarts.Add(_namesLength);
        Append(surname);
        Append(given);
        Append(patronymic);
        return _iins.Count - 1;
    }

    private void Append(ReadOnlySpan<char> name)
    {
        if (_namesLength + name.Length * 4 + 4 > _names.Length)
        {
            Array.Resize(ref _names, Math.Max(_names.Length * 2, _namesLength + name.Length * 4 + 4));
        }

        var n = Math.Min(255, NameFolding.Fold(name, _names.AsSpan(_namesLength)));
        _namesLength += n;
        _nameLengths.Add((byte)n);
    }

    public ReadOnlySpan<char> Surname(int i) => _names.AsSpan(_nameStarts[i], _nameLengths[i * 3]);

    public ReadOnlySpan<char> Given(int i) => _names.AsSpan(_nameStarts[i] + _nameLengths[i * 3], _nameLengths[i * 3 + 1]);

    public ReadOnlySpan<char> Patronymic(int i) => _names.AsSpan(_nameStarts[i] + _nameLengths[i * 3] + _nameLengths[i * 3 + 1], _nameLengths[i * 3 + 2]);

    public long IinOf(int i) => _iins[i];

    public int DateOf(int i) => _dates[i];

    public ulong AddressOf(int i) => _addresses[i];

    /// <summary>The birth date with day and month unordered (so a swapped pair shares it), and the gender.</summary>
    public static int CanonicalDate(int yyyymmdd, long iin)
    {
        var year = yyyymmdd / 10000;
        var month = yyyymmdd / 100 % 100;
        var day = yyyymmdd % 100;
        var (lo, hi) = day <= 12 && day < month ? (day, month) : (month, day);
        var male = (int)(iin / 100_000 % 10) % 2;
        return ((year * 100 + lo) * 100 + hi) * 2 + male;
    }

    /// <summary>The two blocking keys of record <paramref name="i"/>.</summary>
    public (ulong Surname, ulong Given) Keys(int i)
    {
        var date = (ulong)CanonicalDate(_dates[i], _iins[i]);
        return (Hash(Surname(i), date), Hash(Given(i), date));
    }

    public IReadOnlyList<DuplicatePair> Find(double threshold = DefaultThreshold, int? degreeOfParallelism = null)
    {
        var n = Count;
        var keys = new ulong[n * 2];
        var owners = new int[n * 2];
        for (var i = 0; i < n; i++)
        {
            var (s, g) = Keys(i);
            keys[2 * i] = s;
            keys[2 * i + 1] = g;
            owners[2 * i] = owners[2 * i + 1] = i;
        }

        var recordKeys = (ulong[])keys.Clone();
        Array.Sort(keys, owners);

        // Blocks: runs of one key. Split into ranges of whole blocks for the cores.
        var parts = Math.Max(1, degreeOfParallelism ?? Environment.ProcessorCount) * 8;
        var bounds = new List<int> { 0 };
        for (var p = 1; p < parts; p++)
        {
            var at = (int)((long)keys.Length * p / parts);
            while (at > 0 && at < keys.Length && keys[at] == keys[at - 1])
            {
                at++;
            }

            if (at > bounds[^1] && at < keys.Length)
            {
                bounds.Add(at);
            }
        }

        bounds.Add(keys.Length);
        var results = new List<DuplicatePair>[bounds.Count - 1];
        Parallel.For(0, bounds.Count - 1, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism ?? -1 }, part =>
        {
            var found = new List<DuplicatePair>();
            var start = bounds[part];
            var end = bounds[part + 1];
            for (var b = start; b < end;)
            {
                var e = b + 1;
                while (e < end && keys[e] == keys[b])
                {
                    e++;
                }

                for (var x = b; x < e; x++)
                {
                    for (var y = x + 1; y < e; y++)
                    {
                        var i = owners[x];
                        var j = owners[y];
                        if (i == j)
                        {
                            continue;
                        }

                        // A pair that shares both keys is scored once, in the block of the smaller key.
                        var other = Shared(recordKeys, i, j, keys[b]);
                        if (other < keys[b])
                        {
                            continue;
                        }

                        var (score, evidence) = Score(i, j, threshold);
                        if (score >= threshold)
                        {
                            found.Add(i < j ? new(i, j, score, evidence) : new(j, i, score, evidence));
                        }
                    }
                }

                b = e;
            }

            results[part] = found;
        });

        return [.. results.SelectMany(r => r).DistinctBy(p => (p.A, p.B)).OrderBy(p => p.A).ThenBy(p => p.B)];
    }

    /// <summary>The smallest key other than <paramref name="current"/> that records i and j share, or MaxValue.</summary>
    private static ulong Shared(ulong[] recordKeys, int i, int j, ulong current)
    {
        var best = ulong.MaxValue;
        for (var a = 0; a < 2; a++)
        {
            var k = recordKeys[2 * i + a];
            if (k != current && (k == recordKeys[2 * j] || k == recordKeys[2 * j + 1]))
            {
                best = Math.Min(best, k);
            }
        }

        return best;
    }

    /// <summary>The score of a pair and its evidence; a score below <paramref name="threshold"/> comes without evidence.</summary>
    public (double Score, string Evidence) Score(int i, int j, double threshold = 0)
    {
        if (_iins[i] == _iins[j])
        {
            return (1, "same IIN");
        }

        var dateFactor = _dates[i] == _dates[j] ? 1.0 : SwappedDateFactor;
        var addressFactor = _addresses[i] == _addresses[j] ? 1.0 : OtherAddressFactor;
        var bound = dateFactor * addressFactor;
        if (bound < threshold)
        {
            return (0, "");
        }

        var si = Surname(i);
        var gi = Given(i);
        var pi = Patronymic(i);
        var sj = Surname(j);
        var gj = Given(j);
        var pj = Patronymic(j);
        var straight = Names(si, gi, pi, sj, gj, pj);
        var swapped = Names(si, gi, pi, gj, sj, pj);
        var name = Math.Max(straight, swapped);
        var score = name * bound;
        if (score < threshold)
        {
            return (score, "");
        }

        var parts = new List<string>(4)
        {
            swapped > straight ? "surname and given name swapped" : (si.SequenceEqual(sj) && gi.SequenceEqual(gj) && pi.SequenceEqual(pj) ? "same folded name" : "similar names"),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"name {name:F3}"),
            dateFactor < 1 ? "birth day and month swapped" : "same birth date",
            addressFactor < 1 ? "different address" : "same address",
        };
        return (Math.Round(score, 4), string.Join("; ", parts));
    }

    private static double Names(ReadOnlySpan<char> sa, ReadOnlySpan<char> ga, ReadOnlySpan<char> pa, ReadOnlySpan<char> sb, ReadOnlySpan<char> gb, ReadOnlySpan<char> pb)
    {
        var s = JaroWinkler.Similarity(sa, sb);
        if (s < MinimumNameSimilarity)
        {
            return 0;
        }

        var g = JaroWinkler.Similarity(ga, gb);
        if (g < MinimumNameSimilarity)
        {
            return 0;
        }

        if (pa.Length == 0 || pb.Length == 0)
        {
            return (0.5 * s + 0.3 * g) / 0.8;
        }

        return 0.5 * s + 0.3 * g + 0.2 * JaroWinkler.Similarity(pa, pb);
    }

    /// <summary>FNV-1a over the characters, seeded; stable across runs and processes.</summary>
    public static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        var h = 14695981039346656037UL ^ (seed * 1099511628211UL);
        foreach (var b in MemoryMarshal.AsBytes(text))
        {
            h = (h ^ b) * 1099511628211UL;
        }

        return h;
    }
}
