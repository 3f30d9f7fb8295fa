using System.Threading.RateLimiting;
using Ashyq.Core.Complaints;
using Ashyq.Storage;
using Ashyq.Storage.Complaints;
using Ashyq.Web.Election;
using Ashyq.Web.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Complaints;

/// <summary>The complaints service of the loaded election, for pages and endpoints.</summary>
public sealed class ComplaintsPortal(ElectionCatalog catalog, AshyqDbContext db, TimeProvider time)
{
    private ComplaintsService? _service;

    public async Task<ComplaintsService?> ServiceAsync(CancellationToken ct = default)
    {
        if (_service is null && await catalog.ElectionAsync(ct) is { } election)
        {
            _service = new ComplaintsService(db, election.Definition, time);
        }

        return _service;
    }
}

/// <summary>
/// Complaints on the web: the portal's filing form and case lookups are rate-limited per client address (filings
/// by <c>Complaints:FilingsPerHour</c>, 30 by default; lookups as the portal's other public lookups); signed-in staff
/// are not limited. Two read-only API endpoints give the statistics and a case's public status.
/// </summary>
public static class ComplaintsSetup
{
    public const string FilingPolicy = "complaints-filing";
    public const string LookupPolicy = "complaints-lookup";
    public const string FilingsPerHourKey = "Complaints:FilingsPerHour";

    public static IServiceCollection AddAshyqComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        var filings = Math.Max(1, configuration.GetValue(FilingsPerHourKey, 30));
        var lookups = Math.Max(1, configuration.GetValue(PortalSetup.LookupsPerMinuteKey, PortalSetup.DefaultLookupsPerMinute));
        services.AddScoped<ComplaintsPortal>();
        services.Configure<RateLimiterOptions>(o =>
        {
            o.AddPolicy(FilingPolicy, context => PerAddress(context, filings, TimeSpan.FromHours(1)));
            o.AddPolicy(LookupPolicy, context => PerAddress(context, lookups, TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int limit, TimeSpan window) =>
        context.User.Identity?.IsAuthenticated == true
            ? RateLimitPartition.GetNoLimiter("staff")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 });

    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/complaints").WithTags("Complaints").RequireRateLimiting(LookupPolicy);
        api.MapGet("/stats", StatsAsync).WithSummary("Complaint statistics per kind of body and per kind of subject, computed from the cases");
        api.MapGet("/{number}", CaseAsync).WithSummary("A case's public status: subject, competent bodies, deadlines, decisions (no personal data)");
        return endpoints;
    }

    private static async Task<Results<Ok<ComplaintStatistics>, ProblemHttpResult>> StatsAsync(ComplaintsPortal portal, CancellationToken ct) =>
        await portal.ServiceAsync(ct) is { } service
            ? TypedResults.Ok(await service.StatisticsAsync(ct))
            : TypedResults.Problem("No election is loaded.", statusCode: StatusCodes.Status404NotFound, title: "COMPLAINT.NO-ELECTION");

    private static async Task<Results<Ok<PublicCase>, ProblemHttpResult>> CaseAsync(string number, ComplaintsPortal portal, CancellationToken ct)
    {
        if (!CaseNumber.TryParse(number, out var caseNumber))
        {
            return TypedResults.Problem($"\"{number}\" is not a case number (YYYY-NNNNN).", statusCode: StatusCodes.Status400BadRequest, title: "COMPLAINT.NUMBER");
        }

        if (await portal.ServiceAsync(ct) is not { } service || await service.CaseAsync(caseNumber, ct) is not { } view)
        {
            return TypedResults.Problem($"No case has the number {number}.", statusCode: StatusCodes.Status404NotFound, title: "COMPLAINT.UNKNOWN-CASE");
        }

        return TypedResults.Ok(PublicCase.Of(view));
    }
}

/// <summary>A case as anyone may read it: no complainant's name or contact.</summary>
public sealed record PublicCase(
    string Number,
    DateOnly ReceivedOn,
    string ComplainantKind,
    string Subject,
    string? RespondentCommission,
    string? RespondentOfficial,
    IReadOnlyList<string> Competent,
    string? FilingRule,
    DateOnly? FilingLastDay,
    bool FiledInTime,
    string Holder,
    string State,
    DateOnly? DecisionDeadline,
    string Deadline,
    string? Outcome,
    bool DecidedCollegially,
    bool Published,
    IReadOnlyList<string> Flags,
    string? AppealOf)
{
    public static PublicCase Of(ComplaintCaseView view)
    {
        var c = view.File.Case;
        var s = view.Status;
        return new PublicCase(
            c.Number.ToString(), c.ReceivedOn, c.Complainant.Kind.ToString().ToLowerInvariant(), c.Subject.Kind, c.Subject.Commission, c.Subject.Official,
            [.. view.Proposal.Competent.Select(b => b.Body.ToString())], view.Proposal.Filing.Rule?.Code, view.Proposal.Filing.LastDay, view.Proposal.Filing.InTime,
            s.Holder.ToString(), s.State.ToString(), s.DecisionDeadline, s.Deadline.ToString(), s.Outcome is { } o ? ComplaintStatistics.Key(o) : null,
            s.DecidedCollegially, s.Published, s.Flags, c.AppealOf?.ToString());
    }
}
