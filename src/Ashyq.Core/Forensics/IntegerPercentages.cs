namespace Ashyq.Core.Forensics;

/// <summary>
/// Integer percentages (Kobak, Shpilkin and Pshenichnikov): how many precincts report a turnout G/N or a leader share
/// P/D within 0.05 percentage points of a whole percent, against how many would by chance. The expected counts are
/// exact: under the null each precinct's count X is Binomial(n, x_obs/n), independently, so the expected number of
/// "integer" precincts is the sum over precincts of P(X is integer), summed over every integer window of the pmf.
/// The p-values are one-sided (more integers than expected), from the normal approximation to that sum of
/// independent Bernoulli variables (mean Σp, variance Σp(1−p)), with a continuity correction.
/// </summary>
/// <param name="Precincts">The population: D &gt; 0, N ≥ 100, 100·G ≤ 99·N, 100·P ≤ 99·D.</param>
/// <param name="TurnoutHistogram">Precincts per 0.1% bin of G/N: bin round(1000·G/N), 0–1000 (an integer percent k is bin 10·k).</param>
/// <param name="LeaderHistogram">Precincts per 0.1% bin of P/D, as above.</param>
public sealed record IntegerPercentagesResult(
    int Precincts,
    int TurnoutObserved,
    int LeaderObserved,
    int EitherObserved,
    double TurnoutExpected,
    double LeaderExpected,
    double EitherExpected,
    double TurnoutVariance,
    double LeaderVariance,
    double EitherVariance,
    IReadOnlyList<int> TurnoutHistogram,
    IReadOnlyList<int> LeaderHistogram)
{
    public const int HistogramBins = 1001;

    public double TurnoutExcess => TurnoutObserved - TurnoutExpected;

    public double LeaderExcess => LeaderObserved - LeaderExpected;

    public double EitherExcess => EitherObserved - EitherExpected;

    public double TurnoutPValue => IntegerPercentages.UpperTail(TurnoutObserved, TurnoutExpected, TurnoutVariance);

    public double LeaderPValue => IntegerPercentages.UpperTail(LeaderObserved, LeaderExpected, LeaderVariance);

    public double EitherPValue => IntegerPercentages.UpperTail(EitherObserved, EitherExpected, EitherVariance);
}

public static class IntegerPercentages
{
    /// <summary>True when 100·x/n is within 0.05 of its nearest integer k: |2000·x − 20·k·n| ≤ n, in integers.</summary>
    public static bool IsInteger(long x, long n)
    {
        var k = ((200 * x) + n) / (2 * n); // round(100·x/n), halves up
        return Math.Abs((2000 * x) - (20 * k * n)) <= n;
    }

    /// <summary>The 0.1% bin of x/n: round(1000·x/n), halves up.</summary>
    public static int PermilleBin(long x, long n) => (int)(((2000 * x) + n) / (2 * n));

    /// <summary>Whether a precinct is in the population of the test.</summary>
    public static bool InPopulation(long n, long g, long d, long p) => d > 0 && n >= 100 && 100 * g <= 99 * n && 100 * p <= 99 * d;

    public static IntegerPercentagesResult Compute(PrecinctSet set, int leader)
    {
        long maxN = 1;
        for (var i = 0; i < set.Count; i++)
        {
            maxN = Math.Max(maxN, Math.Max(set.Voters[i], set.Cast(i)));
        }

        var logFactorial = LogFactorials(maxN);
        var turnoutHistogram = new int[IntegerPercentagesResult.HistogramBins];
        var leaderHistogram = new int[IntegerPercentagesResult.HistogramBins];
        int precincts = 0, turnoutObserved = 0, leaderObserved = 0, eitherObserved = 0;
        double turnoutExpected = 0, leaderExpected = 0, eitherExpected = 0, turnoutVariance = 0, leaderVariance = 0, eitherVariance = 0;
        for (var i = 0; i < set.Count; i++)
        {
            long n = set.Voters[i], g = set.Issued[i], d = set.Cast(i), p = set.Votes(i, leader);
            if (!InPopulation(n, g, d, p))
            {
                continue;
            }

            precincts++;
            turnoutHistogram[PermilleBin(g, n)]++;
            leaderHistogram[PermilleBin(p, d)]++;
            bool t = IsInteger(g, n), l = IsInteger(p, d);
            turnoutObserved += t ? 1 : 0;
            leaderObserved += l ? 1 : 0;
            eitherObserved += t || l ? 1 : 0;
            var pt = ProbabilityInteger(n, g, logFactorial);
            var pl = ProbabilityInteger(d, p, logFactorial);
            var pe = pt + pl - (pt * pl);
            turnoutExpected += pt;
            leaderExpected += pl;
            eitherExpected += pe;
            turnoutVariance += pt * (1 - pt);
            leaderVariance += pl * (1 - pl);
            eitherVariance += pe * (1 - pe);
        }

        return new IntegerPercentagesResult(
            precincts, turnoutObserved, leaderObserved, eitherObserved, turnoutExpected, leaderExpected, eitherExpected,
            turnoutVariance, leaderVariance, eitherVariance, turnoutHistogram, leaderHistogram);
    }

    /// <summary>P(X is integer) for X ~ Binomial(n, observed/n): the pmf summed over every integer window, exactly.</summary>
    public static double ProbabilityInteger(long n, long observed, ReadOnlySpan<double> logFactorial)
    {
        if (observed <= 0 || observed >= n)
        {
            // A degenerate binomial: X is the observed value itself.
            return IsInteger(Math.Clamp(observed, 0, n), n) ? 1 : 0;
        }

        var q = (double)observed / n;
        double logP = Math.Log(q), logQ = Math.Log((double)(n - observed) / n);
        var sigma = Math.Sqrt(n * q * (1 - q));

        // Beyond 13 standard deviations the pmf is below 1e-37: nothing there changes a double sum.
        var low = Math.Max(0, (long)Math.Floor(observed - (13 * sigma) - 2));
        var high = Math.Min(n, (long)Math.Ceiling(observed + (13 * sigma) + 2));
        var kLow = (int)(100 * low / n);
        var kHigh = (int)Math.Min(100, ((100 * high) + n - 1) / n);
        var total = 0.0;
        for (var k = kLow; k <= kHigh; k++)
        {
            // Integers x with 20·k·n − n ≤ 2000·x ≤ 20·k·n + n.
            var from = Math.Max(low, CeilDiv((20L * k * n) - n, 2000));
            var to = Math.Min(high, ((20L * k * n) + n) / 2000);
            for (var x = from; x <= to; x++)
            {
                total += Math.Exp(logFactorial[(int)n] - logFactorial[(int)x] - logFactorial[(int)(n - x)] + (x * logP) + ((n - x) * logQ));
            }
        }

        return Math.Min(1, total);
    }

    /// <summary>ln(i!) for i = 0 … n.</summary>
    public static double[] LogFactorials(long n)
    {
        var table = new double[n + 1];
        for (var i = 2; i <= n; i++)
        {
            table[i] = table[i - 1] + Math.Log(i);
        }

        return table;
    }

    internal static double UpperTail(int observed, double expected, double variance) =>
        variance <= 0 ? (observed > expected ? 0 : 1) : SpecialFunctions.NormalUpperTail((observed - 0.5 - expected) / Math.Sqrt(variance));

    private static long CeilDiv(long a, long b) => a <= 0 ? -(-a / b) : (a + b - 1) / b;
}
