using Ashyq.Core.Elections;

namespace Ashyq.Core.Candidates;

/// <summary>
/// When a nominee collects support signatures: from the day after the CEC's eligibility decision (at most the
/// definition's decision days after nomination) for the definition's collection days. With no nomination date of
/// its own, a nominee is taken as nominated the day nomination opens.
/// </summary>
public static class SignaturePeriod
{
    public static (DateOnly From, DateOnly To) Of(ElectionDefinition definition, DateOnly? nominatedOn = null)
    {
        var nominated = nominatedOn ?? definition.Calendar.NominationOpens;
        var from = nominated.AddDays(definition.Candidates.EligibilityDecisionDays + 1);
        var days = definition.Candidates.Signatures?.CollectionDays ?? 0;
        return (from, from.AddDays(Math.Max(days - 1, 0)));
    }
}
