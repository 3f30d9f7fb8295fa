using Ashyq.Core.Candidates;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Ashyq.Storage.Nomination;
using Ashyq.Web.Accounts;
using Ashyq.Web.Election;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Nomination;

/// <summary>A nominee as the portal lists them.</summary>
public sealed record NomineeDto(int Id, LocalizedText Name, string Status, string NominatedBy, string? Candidate, string? RefusalReason);

/// <summary>A requirement judged: code, met, evidence and the deadline it was judged against.</summary>
public sealed record RequirementDto(string Code, bool Met, string Evidence, DateOnly? Deadline);

/// <summary>A nominee's public file: no IIN, no contact of anyone.</summary>
public sealed record NomineeFileDto(
    NomineeDto Nominee,
    string? Kind,
    string? Organization,
    DateOnly? NominatedOn,
    string? BirthPlace,
    int? AgeOnVotingDay,
    NominationDeadlines Deadlines,
    IReadOnlyList<RequirementDto> Eligibility,
    IReadOnlyList<DocumentDto> Documents,
    LanguageTestDto? LanguageTest,
    IReadOnlyList<VerificationDto> Verifications,
    RegistrationOutcome? Registration);

public sealed record DocumentDto(string Kind, string Title, DateOnly ReceivedOn);

public sealed record LanguageErrorDto(string Category, int Position, int Length, string Examiner);

public sealed record ExaminationDto(int Sequence, string Stage, string Body, DateOnly ConcludedOn, string Conclusion, int Errors, int MaximumErrors, bool PassedByCriteria, bool ConclusionFollowsCriteria, IReadOnlyDictionary<string, int> ErrorsByCategory, IReadOnlyList<LanguageErrorDto> ErrorList);

public sealed record LanguageTestDto(DateOnly CriteriaPublishedOn, int MaximumErrors, IReadOnlyList<string> Categories, DateOnly TakenOn, string Text, IReadOnlyList<ExaminationDto> Examinations);

public sealed record NoticeDto(string Recipient, string Role, string Channel, DateTimeOffset SentAt, bool? Attended);

public sealed record VerificationDto(string Commission, DateTimeOffset ScheduledAt, string Place, IReadOnlyList<NoticeDto> Notices, IReadOnlyList<RequirementDto> NoticeChecks, string? Decision, long? LogIndex, string? Protocol);

public sealed record ProxyRequest(string Precinct, string FullName, string? Contact);

/// <summary>
/// Nomination over HTTP: the nominees and each one's public file (requirements with evidence, documents, the
/// language test with every error, verification protocols, the registration decision and its appeal route) and
/// the proxies' counts, for anyone; the rejected signatures as CSV for commission accounts (a TEC's accounts see
/// their territory's); proxy registration by the territorial commission.
/// </summary>
public static class NominationApi
{
    public static IEndpointRouteBuilder MapNominationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/nominees", ListAsync).WithTags("Nomination").WithSummary("The nominees: status, nominated by, refusal reason");
        endpoints.MapGet("/api/nominees/{id:int}", FileAsync).WithTags("Nomination").WithSummary("A nominee's public file: requirements with evidence, language test, verification protocols, registration decision");
        endpoints.MapGet("/api/proxies/counts", ProxyCountsAsync).WithTags("Nomination").WithSummary("Registered proxies per nominee and territorial unit");
        endpoints.MapGet("/api/nominees/{id:int}/rejections.csv", RejectionsAsync).WithTags("Nomination")
            .WithSummary("The nominee's rejected signatures with reasons (commission accounts; a TEC's, its own territory)")
            .RequireAuthorization(AccountsSetup.ApiPolicy);
        endpoints.MapPost("/api/nominees/{id:int}/proxies", RegisterProxyAsync).WithTags("Nomination")
            .WithSummary("Register a proxy at a polling station (the station's territorial commission; at most 3 per station)")
            .RequireAuthorization(AccountsSetup.ApiPolicy);
        return endpoints;
    }

    internal static NomineeDto Dto(Storage.Model.NomineeRow n) =>
        new(n.Number, new LocalizedText(n.NameKk, n.NameRu, n.NameEn), n.Status.ToLowerInvariant(), n.NominatedBy, n.CandidateCode, n.RefusalReason);

    private static async Task<Results<Ok<IReadOnlyList<NomineeDto>>, ProblemHttpResult>> ListAsync(HttpContext http, CancellationToken ct)
    {
        if (await NominationContext.LoadAsync(http.RequestServices, ct) is not { } n)
        {
            return NoElection();
        }

        return TypedResults.Ok<IReadOnlyList<NomineeDto>>([.. (await n.Files.NomineesAsync(ct)).Select(Dto)]);
    }

    private static async Task<Results<Ok<NomineeFileDto>, ProblemHttpResult>> FileAsync(int id, HttpContext http, CancellationToken ct)
    {
        if (await NominationContext.LoadAsync(http.RequestServices, ct) is not { } n)
        {
            return NoElection();
        }

        var file = await n.PublicFileAsync(id, ct);
        return file is null
            ? TypedResults.Problem($"No nominee {id}.", statusCode: StatusCodes.Status404NotFound, title: "NOM.UNKNOWN")
            : TypedResults.Ok(file);
    }

    private static async Task<Results<Ok<IReadOnlyList<ProxyCount>>, ProblemHttpResult>> ProxyCountsAsync(HttpContext http, CancellationToken ct)
    {
        if (await NominationContext.LoadAsync(http.RequestServices, ct) is not { } n)
        {
            return NoElection();
        }

        return TypedResults.Ok(await n.Proxies.CountsAsync(ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RejectionsAsync(int id, string? tec, HttpContext http, CancellationToken ct)
    {
        if (await NominationContext.LoadAsync(http.RequestServices, ct) is not { } n)
        {
            return NoElection();
        }

        if (NominationContext.RejectionsScope(http.User, tec, n.UnitLevel) is not { } scope)
        {
            return TypedResults.Problem("The rejected signatures are for the nominee, their proxies and the commissions that verified them.", statusCode: StatusCodes.Status403Forbidden, title: "AUTH.FORBIDDEN");
        }

        try
        {
            var csv = await n.Verification.RejectionsCsvAsync(id, scope.Length == 0 ? null : scope, ct);
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"nominee-{id}-rejected-signatures.csv");
        }
        catch (RuleViolation e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: e.Code);
        }
    }

    private static async Task<Results<Ok<ProxyView>, ProblemHttpResult>> RegisterProxyAsync(int id, ProxyRequest body, HttpContext http, CancellationToken ct)
    {
        if (await NominationContext.LoadAsync(http.RequestServices, ct) is not { } n)
        {
            return NoElection();
        }

        if (AshyqClaims.RoleOf(http.User) is not (AccountRole.Chair or AccountRole.Secretary or AccountRole.Member) || AshyqClaims.CommissionOf(http.User) is not { } commission
            || !commission.StartsWith(n.UnitLevel + "-", StringComparison.Ordinal))
        {
            return TypedResults.Problem("Proxies are registered by a member of the territorial commission.", statusCode: StatusCodes.Status403Forbidden, title: "AUTH.FORBIDDEN");
        }

        var nominee = await n.Files.NomineeAsync(id, ct);
        if (nominee is null)
        {
            return TypedResults.Problem($"No nominee {id}.", statusCode: StatusCodes.Status404NotFound, title: "NOM.UNKNOWN");
        }

        try
        {
            return TypedResults.Ok(await n.Proxies.RegisterAsync(nominee.Id, body.Precinct ?? "", body.FullName ?? "", body.Contact, new Actor(http.User.Identity!.Name!, commission), ct));
        }
        catch (RuleViolation e) when (e.Code == "PROXY.OTHER-COMMISSION")
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "AUTH.FORBIDDEN");
        }
        catch (RuleViolation e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: e.Code);
        }
    }

    private static ProblemHttpResult NoElection() =>
        TypedResults.Problem("No election is loaded.", statusCode: StatusCodes.Status404NotFound, title: "NOM.NO-ELECTION");
}
