namespace Ashyq.Core.Elections;

/// <summary>An exact share such as two thirds: quorums and majorities are judged in integers, never in floating point.</summary>
public readonly record struct Fraction(int Numerator, int Denominator)
{
    /// <summary>True when <paramref name="part"/> of <paramref name="whole"/> is at least this share.</summary>
    public bool IsReachedBy(long part, long whole) => part * Denominator >= (long)Numerator * whole;

    /// <summary>True when <paramref name="part"/> of <paramref name="whole"/> is strictly more than this share.</summary>
    public bool IsExceededBy(long part, long whole) => part * Denominator > (long)Numerator * whole;

    /// <summary>The smallest whole number of <paramref name="whole"/> that reaches this share.</summary>
    public long SmallestReaching(long whole) => (Numerator * whole + Denominator - 1) / Denominator;

    public override string ToString() => $"{Numerator}/{Denominator}";
}
