namespace Ashyq.Core.Generation;

/// <summary>Largest-remainder apportionment: whole shares proportional to weights that add up exactly to the total.</summary>
public static class Apportionment
{
    public static long[] Apportion(long total, IReadOnlyList<double> weights, long minimumEach = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var n = weights.Count;
        var result = new long[n];
        if (n == 0)
        {
            return total == 0 ? result : throw new ArgumentException("Nothing to apportion among.", nameof(weights));
        }

        if (minimumEach * n > total)
        {
            throw new ArgumentException($"{total} cannot give {minimumEach} to each of {n}.", nameof(total));
        }

        var rest = total - minimumEach * n;
        var sum = weights.Sum();
        var remainders = new (double Remainder, int Index)[n];
        long given = 0;
        for (var i = 0; i < n; i++)
        {
            var exact = sum > 0 ? rest * weights[i] / sum : (double)rest / n;
            var whole = (long)Math.Floor(exact);
            result[i] = minimumEach + whole;
            given += whole;
            remainders[i] = (exact - whole, i);
        }

        Array.Sort(remainders, (a, b) => b.Remainder != a.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Index.CompareTo(b.Index));
        for (var k = 0; given < rest; k = (k + 1) % n)
        {
            result[remainders[k].Index]++;
            given++;
        }

        return result;
    }
}
