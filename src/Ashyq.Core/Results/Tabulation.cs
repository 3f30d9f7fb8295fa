namespace Ashyq.Core.Results;

/// <summary>
/// The running totals of one commission: the sum of its accepted precinct protocols, line by line, and how many
/// of its precincts are in. Updated by the difference each acceptance makes (a first version adds its values, a
/// correction adds new minus old), never by a recount.
/// </summary>
public sealed class Tally
{
    public Tally(string commission, int precincts, int lines)
    {
        Commission = commission;
        Precincts = precincts;
        Totals = new long[lines];
    }

    public string Commission { get; }

    /// <summary>The precincts under this commission.</summary>
    public int Precincts { get; }

    public int AcceptedPrecincts { get; private set; }

    public long[] Totals { get; }

    public bool IsComplete => AcceptedPrecincts == Precincts;

    /// <summary>Adds an accepted version; <paramref name="previous"/> is the version it corrects, if any.</summary>
    public void Apply(ReadOnlySpan<long> accepted, ReadOnlySpan<long> previous)
    {
        if (previous.IsEmpty)
        {
            AcceptedPrecincts++;
            for (var i = 0; i < Totals.Length; i++)
            {
                Totals[i] += accepted[i];
            }
        }
        else
        {
            for (var i = 0; i < Totals.Length; i++)
            {
                Totals[i] += accepted[i] - previous[i];
            }
        }
    }

    /// <summary>The difference an accepted version makes to every total above it (what the store adds in SQL).</summary>
    public static long[] Delta(ReadOnlySpan<long> accepted, ReadOnlySpan<long> previous)
    {
        var delta = accepted.ToArray();
        for (var i = 0; i < previous.Length; i++)
        {
            delta[i] -= previous[i];
        }

        return delta;
    }

    public void Restore(int acceptedPrecincts, ReadOnlySpan<long> totals)
    {
        AcceptedPrecincts = acceptedPrecincts;
        totals.CopyTo(Totals);
    }
}
