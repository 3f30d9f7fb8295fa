namespace Ashyq.Core.Forensics;

/// <summary>An exact share: a count out of a total, both integers; <see cref="Value"/> is the quotient (0 when the total is 0).</summary>
public readonly record struct Ratio(long Numerator, long Denominator)
{
    public double Value => Denominator == 0 ? 0 : (double)Numerator / Denominator;
}
