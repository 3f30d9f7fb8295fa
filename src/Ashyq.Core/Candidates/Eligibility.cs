using Ashyq.Core.Elections;
using Ashyq.Core.Register;

namespace Ashyq.Core.Candidates;

/// <summary>What the commission knows of a nominee, each fact with the evidence it rests on.</summary>
public sealed record NomineeFile
{
    public required Iin Iin { get; init; }

    public required bool CitizenByBirth { get; init; }

    public required string BirthPlace { get; init; }

    /// <summary>Since when the nominee is officially resident in the country without interruption.</summary>
    public required DateOnly ResidentSince { get; init; }

    public LanguageTestResult? LanguageTest { get; init; }

    public required bool HasUnexpungedCriminalRecord { get; init; }

    public DateOnly? DepositPaidOn { get; init; }

    public decimal DepositPaid { get; init; }

    public DateOnly? NomineeDeclarationOn { get; init; }

    /// <summary>Null when the nominee has no spouse; then the spouse's declaration is not required.</summary>
    public DateOnly? SpouseDeclarationOn { get; init; }

    public bool HasSpouse { get; init; }

    public required DateOnly NominatedOn { get; init; }
}

/// <summary>
/// One requirement of the definition, judged with its evidence and, where the calendar sets one, the deadline the
/// evidence was judged against.
/// </summary>
public sealed record RequirementResult(string Code, bool Met, string Evidence, DateOnly? Deadline = null);

/// <summary>
/// The eligibility and document requirements of the definition, each evaluated on the nominee's file and shown
/// as met or not with the evidence: citizenship by birth, age on the day the definition names (from the IIN),
/// residence years, the state-language test, no unexpunged criminal record, nomination within the period, the
/// deposit (amount from the minimum wage), and the declarations of the nominee and the spouse.
/// </summary>
public static class EligibilityRules
{
    public static IReadOnlyList<RequirementResult> Evaluate(ElectionDefinition definition, NomineeFile file)
    {
        var rules = definition.Candidates.Eligibility;
        var calendar = definition.Calendar;
        var ageDay = rules.AgeOn == "votingDay" ? calendar.VotingDay : file.NominatedOn;
        var birth = file.Iin.BirthDate;
        var age = ageDay.Year - birth.Year - (ageDay < birth.AddYears(ageDay.Year - birth.Year) ? 1 : 0);
        var residenceYears = calendar.VotingDay.Year - file.ResidentSince.Year - (calendar.VotingDay < file.ResidentSince.AddYears(calendar.VotingDay.Year - file.ResidentSince.Year) ? 1 : 0);
        var results = new List<RequirementResult>
        {
            new("ELIG.NOMINATION-PERIOD", file.NominatedOn >= calendar.NominationOpens && file.NominatedOn <= calendar.NominationCloses,
                $"nominated {file.NominatedOn:yyyy-MM-dd}; the period is {calendar.NominationOpens:yyyy-MM-dd}–{calendar.NominationCloses:yyyy-MM-dd}", calendar.NominationCloses),
            new("ELIG.AGE", age >= rules.MinimumAge, $"born {birth:yyyy-MM-dd} (from the IIN): {age} on {ageDay:yyyy-MM-dd}; at least {rules.MinimumAge}", ageDay),
            new("ELIG.RESIDENCE", residenceYears >= rules.ResidenceYears, $"resident since {file.ResidentSince:yyyy-MM-dd}: {residenceYears} years on {calendar.VotingDay:yyyy-MM-dd}; at least {rules.ResidenceYears}", calendar.VotingDay),
        };
        if (rules.CitizenByBirth)
        {
            results.Add(new("ELIG.CITIZEN-BY-BIRTH", file.CitizenByBirth, $"citizen by birth: {(file.CitizenByBirth ? "yes" : "no")}; born in {file.BirthPlace}"));
        }

        if (rules.StateLanguageTest)
        {
            results.Add(new("ELIG.STATE-LANGUAGE", file.LanguageTest?.Passed == true,
                file.LanguageTest is { } t ? $"{t.Errors} errors, at most {t.MaximumErrors} allowed ({t.Stage})" : "no test taken",
                file.NominatedOn.AddDays(definition.Candidates.EligibilityDecisionDays)));
        }

        if (rules.NoUnexpungedCriminalRecord)
        {
            results.Add(new("ELIG.CRIMINAL-RECORD", !file.HasUnexpungedCriminalRecord, file.HasUnexpungedCriminalRecord ? "an unexpunged criminal record" : "none"));
        }

        if (definition.Candidates.Deposit is { } deposit)
        {
            results.Add(new("DOC.DEPOSIT", file.DepositPaidOn is { } paid && paid <= calendar.RegistrationCloses && file.DepositPaid >= deposit.Amount,
                file.DepositPaidOn is { } on ? $"{file.DepositPaid} {deposit.Currency} paid {on:yyyy-MM-dd}; {deposit.Amount} {deposit.Currency} ({deposit.MinimumWageMultiple} × {deposit.MinimumMonthlyWage}) by {calendar.RegistrationCloses:yyyy-MM-dd}" : "not paid", calendar.RegistrationCloses));
        }

        var declarations = definition.Candidates.Declarations;
        if (declarations.Nominee)
        {
            results.Add(new("DOC.DECLARATION", file.NomineeDeclarationOn is { } d && d <= calendar.RegistrationCloses,
                file.NomineeDeclarationOn is { } on ? $"received {on:yyyy-MM-dd}" : "not received", calendar.RegistrationCloses));
        }

        if (declarations.Spouse && file.HasSpouse)
        {
            results.Add(new("DOC.SPOUSE-DECLARATION", file.SpouseDeclarationOn is { } d && d <= calendar.RegistrationCloses,
                file.SpouseDeclarationOn is { } on ? $"received {on:yyyy-MM-dd}" : "not received", calendar.RegistrationCloses));
        }

        return results;
    }
}
