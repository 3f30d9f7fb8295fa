using Ashyq.Core.Elections;
using Ashyq.Storage;
using Ashyq.Web.Election;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ashyq.Web.Api;

/// <summary>An organization or a state body, by its code and its name in the three languages.</summary>
public sealed record OrganizationDto(string Code, LocalizedText Name);

/// <summary>A registered candidate, in ballot order.</summary>
public sealed record CandidateDto(int Number, string Code, LocalizedText Name, OrganizationDto NominatedBy);

/// <summary>The election: its names, calendar, candidates and the number of commissions at each level.</summary>
public sealed record ElectionDto(
    string Id,
    LocalizedText Name,
    string TimeZone,
    ElectionCalendar Calendar,
    IReadOnlyList<CandidateDto> Candidates,
    IReadOnlyDictionary<string, int> Commissions);

/// <summary>Another commission, named.</summary>
public sealed record CommissionRefDto(string Code, string Level, LocalizedText Name);

/// <summary>A member of a commission: who they are, their role, and who nominated and appointed them.</summary>
public sealed record MemberDto(
    string FullName,
    string Role,
    bool IsVoting,
    string Gender,
    OrganizationDto NominatedBy,
    OrganizationDto AppointedBy,
    DateOnly TermStart,
    DateOnly TermEnd);

/// <summary>A commission with its members, its superior and the codes of the commissions under it.</summary>
public sealed record CommissionDto(
    string Code,
    string Level,
    LocalizedText LevelName,
    int Number,
    LocalizedText Name,
    string Address,
    string? SpecialKind,
    CommissionRefDto? Parent,
    IReadOnlyList<MemberDto> Members,
    IReadOnlyList<string> Children,
    long? VotersOnList);

/// <summary>The JSON API under <c>/api</c>, described by the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
public static class ElectionApi
{
    public static IEndpointRouteBuilder MapElectionApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Election");

        api.MapGet("/election", GetElectionAsync)
            .WithName("GetElection")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The election: names, calendar, registered candidates and commissions per level.");

        api.MapGet("/commissions/{code}", GetCommissionAsync)
            .WithName("GetCommission")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A commission with its members (who nominated and appointed them) and its subordinate commissions.");

        api.MapGet("/stats", GetStatsAsync)
            .WithName("GetStats")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Counts of the stored election: commissions per level, members, voters, candidates.");

        // An unknown API path answers in JSON too, not with the portal's HTML page.
        api.Map("/{**path}", (string? path) => TypedResults.Problem(
                $"There is no API resource \"/api/{path}\".", statusCode: StatusCodes.Status404NotFound, title: "Not found"))
            .ExcludeFromDescription();

        return endpoints;
    }

    private static ProblemHttpResult NoElection() =>
        TypedResults.Problem("No election is loaded.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static async Task<Results<Ok<ElectionDto>, ProblemHttpResult>> GetElectionAsync(ElectionCatalog catalog, CancellationToken ct)
    {
        if (await catalog.ElectionAsync(ct) is not { } election)
        {
            return NoElection();
        }

        var definition = election.Definition;
        var candidates = definition.Candidates.Registered
            .Select((c, i) => new CandidateDto(i + 1, c.Code, c.Name, new OrganizationDto(c.NominatedBy, election.OrganizationName(c.NominatedBy))))
            .ToList();
        return TypedResults.Ok(new ElectionDto(
            definition.Id, definition.Name, definition.TimeZone, definition.Calendar, candidates, await catalog.CountsAsync(election, ct)));
    }

    private static async Task<Results<Ok<CommissionDto>, ProblemHttpResult>> GetCommissionAsync(string code, ElectionCatalog catalog, CancellationToken ct)
    {
        if (await catalog.ElectionAsync(ct) is not { } election)
        {
            return NoElection();
        }

        if (await catalog.Queries.CommissionAsync(code, ct) is not { } commission)
        {
            return TypedResults.Problem($"No commission has the code \"{code}\".", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var children = await catalog.Queries.ChildrenAsync(commission.Id, ct);
        long? voters = election.IsPrecinctLevel(commission.Level) ? await catalog.Queries.VotersOnListAsync(commission.Id, ct) : null;
        var members = commission.Members.InOrder().Select(m => new MemberDto(
            m.FullName,
            m.Role,
            m.IsVoting,
            RowNames.GenderCode(m.Gender),
            new OrganizationDto(m.NominatedBy, election.OrganizationName(m.NominatedBy)),
            new OrganizationDto(m.AppointedBy, election.BodyName(commission.Level, m.AppointedBy)),
            m.TermStart,
            m.TermEnd)).ToList();
        var parent = commission.Parent is { } p ? new CommissionRefDto(p.Code, p.Level, p.Name()) : null;
        return TypedResults.Ok(new CommissionDto(
            commission.Code,
            commission.Level,
            election.LevelName(commission.Level),
            commission.Number,
            commission.Name(),
            commission.Address,
            commission.SpecialKind,
            parent,
            members,
            [.. children.Select(c => c.Code)],
            voters));
    }

    private static async Task<Results<Ok<StoreStats>, ProblemHttpResult>> GetStatsAsync(ElectionQueries queries, CancellationToken ct) =>
        await queries.StatsAsync(ct) is { } stats ? TypedResults.Ok(stats) : NoElection();
}
