namespace Ashyq.Core.QuickCount;

/// <summary>One stratum's observations for a ratio: N_h, and for each reporting station y (numerator) and x (denominator).</summary>
public sealed record StratumObservations(Stratum Stratum, int Stations, IReadOnlyList<double> Y, IReadOnlyList<double> X)
{
    public int Reported => Y.Count;
}

/// <summary>A ratio estimated from the sample, with its standard error and 95% interval.</summary>
/// <param name="Estimate">R̂_c, the combined ratio estimate.</param>
/// <param name="StandardError">√v(R̂_c), from the linearized variance with the finite-population correction.</param>
/// <param name="Reported">The sampled stations whose reports went into the estimate.</param>
public sealed record RatioEstimate(double Estimate, double StandardError, int Reported)
{
    /// <summary>z for a two-sided 95% interval: Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The margin of error at 95%: 1.96 standard errors.</summary>
    public double Margin => Z95 * StandardError;

    public double Low => Estimate - Margin;

    public double High => Estimate + Margin;

    public bool Contains(double value) => value >= Low && value <= High;
}

/// <summary>
/// The combined ratio estimator of a stratified random sample (Cochran, <i>Sampling Techniques</i>, 3rd ed., 1977,
/// ch. 6, §6.11 "Ratio estimates in stratified random sampling", the combined estimate R̂_c and its variance,
/// eq. 6.50, from the linearization of §6.3).
/// </summary>
/// <remarks>
/// <para>With strata h = 1…H of N_h stations, n_h of them reporting, and for station i of stratum h a numerator
/// y_hi (e.g. a candidate's votes) and a denominator x_hi (e.g. the valid votes):</para>
/// <list type="bullet">
/// <item>design weight of a station of stratum h: w_h = N_h / n_h, sampling fraction f_h = n_h / N_h;</item>
/// <item>Ŷ = Σ_h N_h ȳ_h = Σ_h Σ_i w_h y_hi, and X̂ likewise; the estimate R̂_c = Ŷ / X̂;</item>
/// <item>linearized residuals d_hi = y_hi − R̂_c x_hi, with stratum variance s²_dh = Σ_i (d_hi − d̄_h)² / (n_h − 1);</item>
/// <item>v(R̂_c) = (1 / X̂²) Σ_h N_h² (1 − f_h) s²_dh / n_h — the factor (1 − f_h) is the finite-population correction;</item>
/// <item>the 95% interval R̂_c ± 1.96 √v(R̂_c).</item>
/// </list>
/// <para>A stratum with fewer than two reports has no variance estimate; the caller leaves it out and says so.
/// Written by hand: the estimator is these sums, and no package listed for this machine (MathNet.Numerics
/// included) implements survey estimators; the only distribution figure needed, Φ⁻¹(0.975), is a constant.</para>
/// </remarks>
public static class CombinedRatioEstimator
{
    public static RatioEstimate Estimate(IReadOnlyList<StratumObservations> strata)
    {
        ArgumentNullException.ThrowIfNull(strata);
        double yHat = 0, xHat = 0;
        var reported = 0;
        foreach (var s in strata)
        {
            if (s.Y.Count != s.X.Count)
            {
                throw new ArgumentException($"Stratum {s.Stratum}: {s.Y.Count} numerators but {s.X.Count} denominators.", nameof(strata));
            }

            if (s.Reported < 2)
            {
                throw new QuickCountException("QUICKCOUNT.STRATUM-UNDER-REPORTED", $"Stratum {s.Stratum} has {s.Reported} report(s): a variance needs at least 2.");
            }

            var weight = (double)s.Stations / s.Reported;
            for (var i = 0; i < s.Reported; i++)
            {
                yHat += weight * s.Y[i];
                xHat += weight * s.X[i];
            }

            reported += s.Reported;
        }

        if (xHat <= 0)
        {
            return new RatioEstimate(double.NaN, double.NaN, reported);
        }

        var r = yHat / xHat;
        double sum = 0;
        foreach (var s in strata)
        {
            var n = s.Reported;
            double mean = 0;
            for (var i = 0; i < n; i++)
            {
                mean += s.Y[i] - r * s.X[i];
            }

            mean /= n;
            double squares = 0;
            for (var i = 0; i < n; i++)
            {
                var e = s.Y[i] - r * s.X[i] - mean;
                squares += e * e;
            }

            var variance = squares / (n - 1);
            var fpc = 1 - (double)n / s.Stations;
            sum += (double)s.Stations * s.Stations * fpc * variance / n;
        }

        return new RatioEstimate(r, Math.Sqrt(Math.Max(sum, 0)) / xHat, reported);
    }
}
