namespace Ashyq.Core.Forensics;

/// <summary>
/// The few special functions the tests need, written out here (Numerical Recipes, 3rd ed., §6.1–6.2) rather than
/// taken from a package: the log-gamma function (Lanczos), the regularized upper incomplete gamma Q(a, x) by its
/// series or its continued fraction, and from them the χ² survival function and the normal upper tail.
/// </summary>
public static class SpecialFunctions
{
    private static readonly double[] Lanczos =
    [
        57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199, .339946499848118887e-4,
        .465236289270485756e-4, -.983744753048795646e-4, .158088703224912494e-3, -.210264441724104883e-3,
        .217439618115212643e-3, -.164318106536763890e-3, .844182239838527433e-4, -.261908384015814087e-4,
        .368991826595316234e-5,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (relative error below 1e-15).</summary>
    public static double LogGamma(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        double y = x, tmp = x + 5.24218750000000000;
        tmp = ((x + 0.5) * Math.Log(tmp)) - tmp;
        var ser = 0.999999999999997092;
        foreach (var c in Lanczos)
        {
            ser += c / ++y;
        }

        return tmp + Math.Log(2.5066282746310005 * ser / x);
    }

    /// <summary>The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a &gt; 0, x ≥ 0.</summary>
    public static double GammaQ(double a, double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        if (x == 0)
        {
            return 1;
        }

        return x < a + 1 ? 1 - GammaPSeries(a, x) : GammaQContinuedFraction(a, x);
    }

    /// <summary>P(χ²_df ≥ x): the p-value of a χ² statistic with <paramref name="df"/> degrees of freedom.</summary>
    public static double ChiSquareSurvival(double x, int df) => GammaQ(df / 2.0, x / 2.0);

    /// <summary>P(Z ≥ z) for a standard normal Z.</summary>
    public static double NormalUpperTail(double z) => z < 0 ? 1 - NormalUpperTail(-z) : 0.5 * GammaQ(0.5, z * z / 2);

    private static double GammaPSeries(double a, double x)
    {
        double ap = a, sum = 1 / a, del = sum;
        for (var n = 0; n < 10_000; n++)
        {
            ap++;
            del *= x / ap;
            sum += del;
            if (Math.Abs(del) < Math.Abs(sum) * 1e-16)
            {
                break;
            }
        }

        return sum * Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a));
    }

    private static double GammaQContinuedFraction(double a, double x)
    {
        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < 10_000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < tiny)
            {
                d = tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }

            d = 1 / d;
            var del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a)) * h;
    }
}
