using Ashyq.Core.Register;
using Ashyq.Core.Results;

namespace Ashyq.Core.Observation;

/// <summary>Who sends observers: a political party or a public association (domestic observers), or an international mission.</summary>
public enum ObserverOrganizationKind
{
    PoliticalParty,
    PublicAssociation,
    InternationalMission,
}

/// <summary>Long-term observers follow the campaign in a region for weeks; short-term observers come for election day.</summary>
public enum ObserverTerm
{
    LongTerm,
    ShortTerm,
}

/// <summary>A CEC decision that accredits international observers, as the decisions register names it.</summary>
public sealed record AccreditationDecision(string Commission, string Number);

/// <summary>
/// An observer as the law admits them. A domestic observer is nominated by a party or a public association: no
/// accreditation, but a nominating letter and an identity document shown to the commission they observe. An
/// international observer is accredited by a decision of the central commission and belongs to a mission.
/// </summary>
public sealed record Observer
{
    public required string Name { get; init; }

    public required string Organization { get; init; }

    public required ObserverOrganizationKind OrganizationKind { get; init; }

    public required ObserverTerm Term { get; init; }

    /// <summary>Domestic: the nominating organization's letter (its number and date as written on it).</summary>
    public string? NominatingLetter { get; init; }

    /// <summary>Domestic: the observer's IIN, from the identity document shown.</summary>
    public Iin? Iin { get; init; }

    /// <summary>Domestic: the commission observed.</summary>
    public string? Commission { get; init; }

    /// <summary>International: the country (ISO 3166 code).</summary>
    public string? Country { get; init; }

    /// <summary>International: the central commission's accreditation decision.</summary>
    public AccreditationDecision? Accreditation { get; init; }

    public bool IsInternational => OrganizationKind == ObserverOrganizationKind.InternationalMission;
}

/// <summary>The rules an observer's registration follows; each refusal has its code.</summary>
public static class ObserverRules
{
    /// <summary>
    /// Refuses an observer who does not meet the rule of their kind. <paramref name="centralCommission"/> is the code
    /// of the commission whose decision alone accredits international observers.
    /// </summary>
    public static void Check(Observer observer, string centralCommission)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (string.IsNullOrWhiteSpace(observer.Name))
        {
            throw new RuleViolation("OBS.OBSERVER-NAME", "An observer has a name.");
        }

        if (observer.IsInternational)
        {
            if (observer.Accreditation is null)
            {
                throw new RuleViolation("OBS.NOT-ACCREDITED", $"{observer.Name} is an international observer and needs the accreditation decision of {centralCommission}.");
            }

            if (observer.Accreditation.Commission != centralCommission)
            {
                throw new RuleViolation("OBS.ACCREDITED-BY-WRONG-BODY", $"International observers are accredited by {centralCommission}, not by {observer.Accreditation.Commission}.");
            }

            if (observer.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetterUpper))
            {
                throw new RuleViolation("OBS.COUNTRY", $"{observer.Name}: the country is a two-letter ISO 3166 code.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(observer.NominatingLetter))
        {
            throw new RuleViolation("OBS.NO-LETTER", $"{observer.Name} is a domestic observer and presents the nominating letter of {observer.Organization}.");
        }

        if (observer.Iin is null)
        {
            throw new RuleViolation("OBS.NO-ID", $"{observer.Name} presents an identity document (the IIN is recorded).");
        }

        if (string.IsNullOrWhiteSpace(observer.Commission))
        {
            throw new RuleViolation("OBS.NO-COMMISSION", $"{observer.Name}: a domestic observer is registered with the commission they observe.");
        }

        if (observer.Accreditation is not null)
        {
            throw new RuleViolation("OBS.DOMESTIC-NOT-ACCREDITED", $"Domestic observers are not accredited; {observer.Name} is registered on the nominating letter.");
        }
    }
}
