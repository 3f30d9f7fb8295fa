namespace Ashyq.Core.Forensics;

/// <summary>
/// Last digits (Beber and Scacco): the last digit of a candidate's count in the precincts where it is at least 100,
/// tested against the uniform distribution by χ² with 9 degrees of freedom.
/// </summary>
/// <param name="Counts">Precincts per last digit 0–9.</param>
/// <param name="Chi2">Σ (count − n/10)² / (n/10); null when no precinct qualifies.</param>
/// <param name="PValue">P(χ²₉ ≥ Chi2); null when no precinct qualifies.</param>
public sealed record LastDigitsResult(ForensicsCandidate Candidate, int Precincts, IReadOnlyList<long> Counts, double? Chi2, double? PValue);

public static class LastDigits
{
    public const long Minimum = 100;

    public static IReadOnlyList<LastDigitsResult> Compute(PrecinctSet set)
    {
        var results = new List<LastDigitsResult>(set.Candidates.Count);
        for (var c = 0; c < set.Candidates.Count; c++)
        {
            var counts = new long[10];
            for (var p = 0; p < set.Count; p++)
            {
                var v = set.Votes(p, c);
                if (v >= Minimum)
                {
                    counts[v % 10]++;
                }
            }

            results.Add(Of(set.Candidates[c], counts));
        }

        return results;
    }

    /// <summary>The χ² test of digit counts against uniform: χ² = (10·Σc² − n²) / n, exact up to the division.</summary>
    public static LastDigitsResult Of(ForensicsCandidate candidate, long[] counts)
    {
        var n = counts.Sum();
        if (n == 0)
        {
            return new LastDigitsResult(candidate, 0, counts, null, null);
        }

        var squares = counts.Aggregate((Int128)0, (s, c) => s + ((Int128)c * c));
        var chi2 = (double)((10 * squares) - ((Int128)n * n)) / n;
        return new LastDigitsResult(candidate, (int)n, counts, chi2, SpecialFunctions.ChiSquareSurvival(chi2, 9));
    }
}
