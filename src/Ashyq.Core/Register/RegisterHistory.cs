using Ashyq.Core.Elections;

namespace Ashyq.Core.Register;

/// <summary>
/// The dates a generated register's records take effect, so its history is the one the definition states: the
/// voters of the day nomination opened (9,101,000 in 2011) registered by then, the rest (to 9,181,700 on voting
/// day) spread evenly over the days between. Deterministic: the k-th voter of the generation order is late when
/// ⌊(k+1)·late/total⌋ &gt; ⌊k·late/total⌋, so exactly <c>late</c> are.
/// </summary>
public static class RegisterHistory
{
    public static IEnumerable<Voter> Dated(IEnumerable<Voter> voters, ElectionDefinition definition, long total)
    {
        ArgumentNullException.ThrowIfNull(voters);
        ArgumentNullException.ThrowIfNull(definition);
        var (_, late) = Split(definition, total);
        var calendar = definition.Calendar;
        var first = calendar.NominationOpens.AddDays(1);
        var days = Math.Max(1, calendar.VotingDay.DayNumber - first.DayNumber);
        var baseDate = calendar.Called < calendar.NominationOpens ? calendar.Called : calendar.NominationOpens;
        long k = 0, lateSoFar = 0;
        foreach (var voter in voters)
        {
            var isLate = total > 0 && (k + 1) * late / total > k * late / total;
            k++;
            if (isLate)
            {
                var day = first.AddDays((int)(lateSoFar * days / Math.Max(1, late)));
                lateSoFar++;
                yield return voter with { RegisteredOn = day };
            }
            else
            {
                yield return voter with { RegisteredOn = baseDate };
            }
        }

    }

    /// <summary>Of <paramref name="total"/> voters on voting day, how many were registered when nomination opened, and how many after.</summary>
    public static (long Early, long Late) Split(ElectionDefinition definition, long total)
    {
        var electorate = definition.Electorate;
        var early = electorate.OnVotingDay == 0 ? total : (long)Math.Round((double)total * electorate.AtNominationOpening / electorate.OnVotingDay, MidpointRounding.AwayFromZero);
        early = Math.Min(early, total);
        return (early, total - early);
    }
}
