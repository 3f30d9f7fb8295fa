using Ashyq.Application.Pipeline;
using Ashyq.Application.Results;
using Ashyq.Core.Commissions;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Ashyq.Web.Accounts;
using Ashyq.Web.Election;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Api;

public sealed record OpenSessionRequest(string Commission, DateOnly Date, IReadOnlyList<string> Agenda, IReadOnlyList<string> Present, IReadOnlyList<string>? Observers, IReadOnlyList<string>? Media);

public sealed record SessionOpenedDto(long Session, string Commission);

public sealed record VoteRequest(string Number, string Subject, string Text, IReadOnlyDictionary<string, VoteChoice> Votes, IReadOnlyList<DissentingOpinion>? DissentingOpinions);

/// <summary>The vote on the commission's results protocol: the decision's number and every present voting member's vote.</summary>
public sealed record AdoptProtocolRequest(string Number, IReadOnlyDictionary<string, VoteChoice> Votes, IReadOnlyList<DissentingOpinion>? DissentingOpinions);

/// <summary>
/// Sessions and decisions over HTTP: a commission's chair or secretary opens a session and records each vote;
/// the decision is stored, logged and published in one step. Anyone reads a commission's decisions.
/// </summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/commissions/{code}/decisions", ListAsync).WithTags("Decisions")
            .WithSummary("A commission's decisions: the vote, the outcome and the decision's log index");
        var work = endpoints.MapGroup("/api/sessions").WithTags("Decisions").RequireAuthorization(AccountsSetup.ApiPolicy);
        work.MapPost("", OpenAsync).WithSummary("Open a session of the account's commission (chair or secretary)");
        work.MapPost("/{session:long}/decisions", VoteAsync).WithSummary("Record a vote at the session: every present voting member's vote");
        work.MapPost("/{session:long}/results-protocol", AdoptAsync)
            .WithSummary("Put the commission's results protocol (the sum of its precincts) to the vote: refused until every precinct is accepted and every commission below has adopted its own");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<StoredDecision>>, ProblemHttpResult>> ListAsync(string code, HttpContext http, CancellationToken ct)
    {
        var sessions = await ServiceAsync(http, ct);
        if (sessions is null)
        {
            return TypedResults.Problem("No election is loaded.", statusCode: StatusCodes.Status404NotFound, title: "SESSION.NO-ELECTION");
        }

        try
        {
            return TypedResults.Ok(await sessions.DecisionsAsync(code, ct));
        }
        catch (RuleViolation e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: e.Code);
        }
    }

    private static async Task<Results<Ok<SessionOpenedDto>, ProblemHttpResult>> OpenAsync(OpenSessionRequest body, HttpContext http, CancellationToken ct)
    {
        if (!MayRecord(http.User, body.Commission))
        {
            return Forbidden(body.Commission);
        }

        var sessions = await ServiceAsync(http, ct);
        if (sessions is null)
        {
            return TypedResults.Problem("No election is loaded.", statusCode: StatusCodes.Status404NotFound, title: "SESSION.NO-ELECTION");
        }

        try
        {
            var id = await sessions.OpenAsync(body.Commission, body.Date, body.Agenda, body.Present, body.Observers ?? [], body.Media ?? [], Actor(http), ct);
            return TypedResults.Ok(new SessionOpenedDto(id, body.Commission));
        }
        catch (RuleViolation e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: e.Code);
        }
    }

    private static async Task<Results<Ok<StoredDecision>, ProblemHttpResult>> VoteAsync(long session, VoteRequest body, HttpContext http, CancellationToken ct)
    {
        var sessions = await ServiceAsync(http, ct);
        if (sessions is null)
        {
            return TypedResults.Problem("No election is loaded.", statusCode: StatusCodes.Status404NotFound, title: "SESSION.NO-ELECTION");
        }

        if (AshyqClaims.RoleOf(http.User) is not (AccountRole.Chair or AccountRole.Secretary))
        {
            return Forbidden("this session");
        }

        try
        {
            // The service refuses a vote recorded from another commission's account (SESSION.OTHER-COMMISSION).
            return TypedResults.Ok(await sessions.VoteAsync(session, body.Number, body.Subject, body.Text, body.Votes, body.DissentingOpinions ?? [], Actor(http), ct));
        }
        catch (RuleViolation e) when (e.Code == "SESSION.OTHER-COMMISSION")
        {
            return Forbidden("this session");
        }
        catch (RuleViolation e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: e.Code);
        }
    }

    private static async Task<Results<Ok<StoredDecision>, ProblemHttpResult>> AdoptAsync(long session, AdoptProtocolRequest body, HttpContext http, CancellationToken ct)
    {
        if (Callers.Of(http.User) is not { } caller)
        {
            return Forbidden("this session");
        }

        try
        {
            var action = new AdoptResultsProtocol(session, body.Number, body.Votes, body.DissentingOpinions ?? []);
            return TypedResults.Ok(await http.RequestServices.GetRequiredService<Actions>().RunAsync(action, caller, ct));
        }
        catch (NoElection)
        {
            return TypedResults.Problem("No election is loaded.", statusCode: StatusCodes.Status404NotFound, title: "SESSION.NO-ELECTION");
        }
        catch (AccessDenied)
        {
            return Forbidden("this session");
        }
        catch (RuleViolation e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: e.Code);
        }
    }

    private static bool MayRecord(System.Security.Claims.ClaimsPrincipal user, string commission) =>
        AshyqClaims.RoleOf(user) is AccountRole.Chair or AccountRole.Secretary && AshyqClaims.CommissionOf(user) == commission;

    private static Actor Actor(HttpContext http) => new(http.User.Identity!.Name!, AshyqClaims.CommissionOf(http.User) ?? "");

    private static ProblemHttpResult Forbidden(string what) =>
        TypedResults.Problem($"This account may not record decisions for {what}.", statusCode: StatusCodes.Status403Forbidden, title: "AUTH.FORBIDDEN");

    private static async Task<SessionsService?> ServiceAsync(HttpContext http, CancellationToken ct)
    {
        var catalog = http.RequestServices.GetRequiredService<ElectionCatalog>();
        return await catalog.ElectionAsync(ct) is { } election
            ? new SessionsService(http.RequestServices.GetRequiredService<Ashyq.Storage.AshyqDbContext>(), election.Definition, http.RequestServices.GetRequiredService<TimeProvider>())
            : null;
    }
}
