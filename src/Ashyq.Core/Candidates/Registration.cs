using Ashyq.Core.Elections;

namespace Ashyq.Core.Candidates;

/// <summary>
/// What the CEC checks before it votes on a registration: every eligibility and document requirement met, the
/// signature threshold (the definition's share of the voters on the register the day nomination opened, read from
/// the register's history), and the territorial spread: at least the definition's share of the territorial units
/// each reaching its equal part of the threshold. How "equally" was measured in 2011 is not verified; this
/// reading (each counted unit reaches threshold ÷ units) is stated here and in the decision.
/// </summary>
public static class RegistrationRules
{
    public static IReadOnlyList<RequirementResult> Evaluate(
        ElectionDefinition definition,
        long votersOnOpeningDay,
        IReadOnlyDictionary<string, long> validSignaturesPerUnit,
        int territorialUnits,
        IReadOnlyList<RequirementResult> eligibility)
    {
        var results = new List<RequirementResult>(eligibility);
        if (definition.Candidates.Signatures is not { } rules)
        {
            return results;
        }

        var threshold = (long)Math.Ceiling(rules.ShareOfVoters * votersOnOpeningDay);
        var valid = validSignaturesPerUnit.Values.Sum();
        results.Add(new("REG.SIGNATURE-THRESHOLD", valid >= threshold, $"{valid:N0} valid signatures; at least {threshold:N0} ({rules.ShareOfVoters:P0} of {votersOnOpeningDay:N0} voters on the register on the opening day)"));

        var equalPart = (long)Math.Ceiling((double)threshold / territorialUnits);
        var reached = validSignaturesPerUnit.Count(u => u.Value >= equalPart);
        var needed = rules.TerritorialCoverage.MinimumShare.SmallestReaching(territorialUnits);
        results.Add(new("REG.TERRITORIAL-SPREAD", reached >= needed, $"{reached} of {territorialUnits} units reach {equalPart:N0} valid signatures each; at least {needed} must"));
        return results;
    }

    /// <summary>The first unmet requirement, which a refusal cites; null when every requirement is met.</summary>
    public static RequirementResult? Unmet(IReadOnlyList<RequirementResult> results) => results.FirstOrDefault(r => !r.Met);
}
