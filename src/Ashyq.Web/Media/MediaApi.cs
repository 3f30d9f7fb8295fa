using System.Security.Claims;
using System.Threading.RateLimiting;
using Ashyq.Core.Commissions;
using Ashyq.Core.Media;
using Ashyq.Storage;
using Ashyq.Storage.Media;
using Ashyq.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Media;

/// <summary>A monitored item as a monitor sends it: the CSV's fields, as text (<see cref="MediaEntry"/>).</summary>
public sealed record MediaItemRequest(
    string? Outlet,
    string? OutletKind,
    string? AiredAt,
    string? Programme,
    string? Kind,
    string? Subject,
    string? Seconds,
    string? Tone,
    string? Monitor);

/// <summary>Why an item was refused: the field, the code and a sentence.</summary>
public sealed record MediaItemErrorDto(string Field, string Code, string Message);

/// <summary>
/// Media monitoring over HTTP: <c>GET /api/media/stats</c> (public: the figures, in the shape of
/// <c>ashyq media stats --json</c>) and <c>POST /api/media/items</c> (a monitor records one item; bearer token of an
/// observer or administrator account).
/// </summary>
public static class MediaApi
{
    public const string StatsPolicy = "media-stats";

    /// <summary>Public requests for the figures allowed per client address per minute (each computes them from every item).</summary>
    public const int StatsPermitsPerMinute = 60;

    /// <summary>The rate limit of the public figures.</summary>
    public static IServiceCollection AddMediaApi(this IServiceCollection services) =>
        services.AddRateLimiter(o => o.AddPolicy(StatsPolicy, context => context.User.Identity?.IsAuthenticated == true
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = StatsPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));

    /// <summary>The roles that may record monitored items: observers (the mission's media monitors) and administrators.</summary>
    public static bool MayMonitor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && AshyqClaims.RoleOf(user) is AccountRole.Observer or AccountRole.Administrator;

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/media").WithTags("Media");
        api.MapGet("/stats", StatsAsync)
            .WithName("MediaStats")
            .RequireRateLimiting(StatsPolicy)
            .Produces(StatusCodes.Status429TooManyRequests)
            .WithSummary("Coverage shares per outlet and candidate (campaign news, institutional excluded), tone, institutional and paid time, equal-coverage flags.");
        api.MapPost("/items", EnterAsync)
            .RequireAuthorization(AccountsSetup.ApiPolicy)
            .WithName("MediaItemEntry")
            .WithSummary("A monitor records one monitored item; every error named by field and code.");
        return endpoints;
    }

    private static async Task<Results<Ok<Dictionary<string, object?>>, NotFound>> StatsAsync(AshyqDbContext db, TimeProvider time, string? lang, bool? byDay, CancellationToken ct)
    {
        var result = await new MediaService(db, time).ReportAsync(ct);
        if (result is null)
        {
            return TypedResults.NotFound();
        }

        var language = lang is "ru" or "en" ? lang : "kk";
        return TypedResults.Ok(MediaStatsDocument.Report(result.Report, result.Items, key => result.Candidates.NameOf(key, language), byDay == true));
    }

    private static async Task<Results<Created, BadRequest<List<MediaItemErrorDto>>, ProblemHttpResult>> EnterAsync(MediaItemRequest request, ClaimsPrincipal user, AshyqDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!MayMonitor(user))
        {
            return TypedResults.Problem("Only an observer's or an administrator's account may record monitored items.", statusCode: StatusCodes.Status403Forbidden, title: "AUTH.FORBIDDEN");
        }

        var entry = new MediaEntry(request.Outlet ?? "", request.OutletKind, request.AiredAt ?? "", request.Programme ?? "", request.Kind ?? "",
            request.Subject ?? "", request.Seconds ?? "", request.Tone ?? "", request.Monitor ?? "");
        try
        {
            var errors = await new MediaService(db, time).EnterAsync(entry, user.Identity!.Name ?? "monitor", ct);
            return errors.Count == 0
                ? TypedResults.Created()
                : TypedResults.BadRequest(errors.Select(e => new MediaItemErrorDto(e.Field, e.Code, e.Message)).ToList());
        }
        catch (MediaStoreException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "MEDIA.NO-ELECTION");
        }
    }
}
