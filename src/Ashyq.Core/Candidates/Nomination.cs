using Ashyq.Core.Elections;
using Ashyq.Core.Results;

namespace Ashyq.Core.Candidates;

/// <summary>Who nominated: the nominee themself, a public association or a political party (the definition lists which the law allows).</summary>
public static class NominationKind
{
    public const string Self = "self";
    public const string PublicAssociation = "public-association";
    public const string PoliticalParty = "political-party";

    /// <summary>The kind as the definition names it; a kind the definition does not allow is refused with NOM.KIND.</summary>
    public static string Parse(ElectionDefinition definition, string? kind, string? organization)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var k = (kind ?? "").Trim().ToLowerInvariant();
        if (!definition.Candidates.NominatedBy.Contains(k))
        {
            throw new RuleViolation("NOM.KIND", $"\"{kind}\" is not a way of nomination this election allows ({string.Join(", ", definition.Candidates.NominatedBy)}).");
        }

        if (k != Self && string.IsNullOrWhiteSpace(organization))
        {
            throw new RuleViolation("NOM.ORGANIZATION", "A nomination by a public association or a party names the organization (its minutes are a document of the file).");
        }

        return k;
    }
}

/// <summary>A document of a nomination file: what it is, when the commission received it, and the SHA-256 of the copy kept.</summary>
public sealed record NominationDocument(string Kind, string Title, DateOnly ReceivedOn, string? Sha256);

/// <summary>
/// The dates a nominee's file is judged against, computed from the definition's calendar and the nomination
/// date: the nomination period, the CEC's eligibility decision, the signature collection, and registration.
/// </summary>
public sealed record NominationDeadlines(
    DateOnly NominationOpens,
    DateOnly NominationCloses,
    DateOnly EligibilityDecisionBy,
    DateOnly SignaturesFrom,
    DateOnly SignaturesTo,
    DateOnly RegistrationCloses,
    DateOnly VotingDay)
{
    public static NominationDeadlines Of(ElectionDefinition definition, DateOnly nominatedOn)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var calendar = definition.Calendar;
        var (from, to) = SignaturePeriod.Of(definition, nominatedOn);
        return new NominationDeadlines(
            calendar.NominationOpens,
            calendar.NominationCloses,
            nominatedOn.AddDays(definition.Candidates.EligibilityDecisionDays),
            from,
            to,
            calendar.RegistrationCloses,
            calendar.VotingDay);
    }
}
