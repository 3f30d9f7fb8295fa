namespace Ashyq.Core.Register;

/// <summary>
/// Jaro–Winkler similarity (Winkler 1990): Jaro's matches within ⌊max(|a|,|b|)/2⌋−1 and half-transpositions,
/// then a common prefix of up to 4 raises it by 0.1 per letter when Jaro is above 0.7 — the definition DuckDB's
/// <c>jaro_winkler_similarity</c> uses. Hand-written over spans: no allocation per pair, since duplicate detection
/// compares hundreds of millions of name pairs.
/// </summary>
public static class JaroWinkler
{
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        if (jaro <= 0.7)
        {
            return jaro;
        }

        var prefix = 0;
        var max = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < max && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + prefix * 0.1 * (1 - jaro);
    }

    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1;
        }

        if (a.Length > 64 || b.Length > 64)
        {
            return JaroLong(a, b);
        }

        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        ulong aMatched = 0, bMatched = 0;
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if ((bMatched & (1UL << j)) == 0 && a[i] == b[j])
                {
                    aMatched |= 1UL << i;
                    bMatched |= 1UL << j;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((aMatched & (1UL << i)) == 0)
            {
                continue;
            }

            while ((bMatched & (1UL << k)) == 0)
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        return (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
    }

    private static double JaroLong(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j <= Math.Min(b.Length - 1, i + window); j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        return (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
    }
}
