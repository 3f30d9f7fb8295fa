using System.Globalization;
using System.Text.Json.Nodes;
using Ashyq.Core.Commissions;
using Ashyq.Core.Observation;
using Ashyq.Storage;
using Ashyq.Storage.Observation;
using Ashyq.Web.Accounts;
using Ashyq.Web.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Ashyq.Web.Observation;

/// <summary>A filled form as the observers' app sends it; <see cref="Id"/> is made by the phone and makes a resend harmless.</summary>
public sealed record SubmissionDto(string Id, string Form, string Station, string Team, DateTimeOffset SubmittedAt, Dictionary<string, string>? Answers);

public sealed record SubmissionsRequest(IReadOnlyList<SubmissionDto>? Submissions);

public sealed record SubmissionErrorDto(string Field, string Code, string Message);

public sealed record SubmissionResultDto(string Id, string Outcome, IReadOnlyList<SubmissionErrorDto> Errors);

public sealed record SubmissionsResponse(IReadOnlyList<SubmissionResultDto> Results);

/// <summary>
/// Observation over HTTP: the forms file and the statistics for anyone, the plots of the public page, the
/// observers' offline app (<c>/observe/</c>), and the endpoint that receives its submissions — for observer
/// accounts only, with a bearer token as the rest of the API (no cookie, so nothing to forge across sites).
/// </summary>
public static class ObservationEndpoints
{
    public const int MaxBatch = 200;

    /// <summary>The app's own policy: its scripts, styles, manifest and service worker come from this host only.</summary>
    public const string AppContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddAshyqObservation(this IServiceCollection services) => services.AddSingleton<ObservationPortal>();

    /// <summary>
    /// The observers' app runs script, which the portal's policy forbids: its files get their own policy. Registered
    /// before the security headers, so its value is the one written.
    /// </summary>
    public static IApplicationBuilder UseObserverAppHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/observe"))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = AppContentSecurityPolicy;
                return Task.CompletedTask;
            });
        }

        await next(context);
    });

    public static IEndpointRouteBuilder MapObservation(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/observation").WithTags("Observation");
        api.MapGet("/forms", () => Results.Text(ObservationFormsLoader.DefaultText, "application/json; charset=utf-8"))
            .WithSummary("The observation forms (checklists as data): questions, answer types, skip logic, the incident catalogue");
        api.MapGet("/stats", StatsAsync).WithSummary("The mission's statistics, computed from the stored submissions");
        api.MapPost("/submissions", SubmitAsync).RequireAuthorization(AccountsSetup.ApiPolicy)
            .WithSummary("Observers' submissions (an observer account): each stored once by its id; a resend is answered AlreadyStored");

        endpoints.MapGet("/observation/plots/{name}.png", async (string name, AshyqDbContext db, ObservationPortal portal, IStringLocalizer<SharedResource> l, HttpContext context, CancellationToken ct) =>
        {
            var view = await portal.GetAsync(db, ct);
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            if (view is null || portal.Plot(view, name, language, key => l[key]) is not { } png)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=60";
            return Results.File(png, "image/png");
        }).ExcludeFromDescription();

        endpoints.MapGet("/observe", (HttpContext context) =>
        {
            if (!context.Request.Path.Value!.EndsWith('/'))
            {
                return Results.Redirect("/observe/");
            }

            return ObserverApp.File("index.html") is { } index ? Results.Bytes(index.Content, index.ContentType) : Results.NotFound();
        }).ExcludeFromDescription();
        endpoints.MapGet("/observe/{file}", (string file, IStringLocalizer<SharedResource> l, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            if (file == "strings.json")
            {
                return Results.Text(ObserverApp.Strings(l).ToJsonString(), "application/json; charset=utf-8");
            }

            if (ObserverApp.File(file) is not { } found)
            {
                return Results.NotFound();
            }

            if (file == "sw.js")
            {
                context.Response.Headers["Service-Worker-Allowed"] = "/observe/";
            }

            return Results.Bytes(found.Content, found.ContentType);
        }).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> StatsAsync(AshyqDbContext db, ObservationPortal portal, CancellationToken ct)
    {
        var view = await portal.GetAsync(db, ct);
        if (view is null)
        {
            return TypedResults.Problem("No election is loaded.", statusCode: StatusCodes.Status404NotFound, title: "OBS.NO-ELECTION");
        }

        var document = StatisticsDocument.Build(view.Forms, view.Statistics);
        document["mission"] = new JsonObject
        {
            ["observers"] = view.Mission.Observers,
            ["long_term"] = view.Mission.LongTerm,
            ["short_term"] = view.Mission.ShortTerm,
            ["countries"] = view.Mission.Countries,
            ["teams"] = view.Mission.Teams,
        };
        return Results.Text(document.ToJsonString(), "application/json; charset=utf-8");
    }

    private static async Task<Results<Ok<SubmissionsResponse>, ProblemHttpResult>> SubmitAsync(SubmissionsRequest body, HttpContext http, AshyqDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (AshyqClaims.RoleOf(http.User) != AccountRole.Observer)
        {
            return TypedResults.Problem("Only an observer's account sends observation forms.", statusCode: StatusCodes.Status403Forbidden, title: "OBS.NOT-AN-OBSERVER");
        }

        if (body.Submissions is not { Count: > 0 and <= MaxBatch } list)
        {
            return TypedResults.Problem($"Send 1 to {MaxBatch} submissions.", statusCode: StatusCodes.Status400BadRequest, title: "OBS.BATCH");
        }

        var results = new SubmissionResultDto?[list.Count];
        var valid = new List<(int Index, Submission Submission)>();
        for (var i = 0; i < list.Count; i++)
        {
            var dto = list[i];
            List<SubmissionErrorDto> errors = [];
            if (!Core.Observation.SubmissionId.TryParse(dto.Id, out var id))
            {
                errors.Add(new SubmissionErrorDto("id", "OBS.ID", "the submission id is 1 to 64 letters, digits, '-', '_' or '.'"));
            }

            if (!ObservationForms.TryParseKind(dto.Form, out var kind))
            {
                errors.Add(new SubmissionErrorDto("form", "OBS.UNKNOWN-FORM", $"\"{dto.Form}\" is not opening, voting, counting or tabulation"));
            }

            if (errors.Count > 0)
            {
                results[i] = new SubmissionResultDto(dto.Id ?? "", nameof(SubmitOutcome.Refused), errors);
                continue;
            }

            valid.Add((i, new Submission(id, kind, dto.Station?.Trim() ?? "", dto.Team?.Trim() ?? "", dto.SubmittedAt, dto.Answers ?? [])));
        }

        var service = new ObservationService(db, ObservationPortal.Forms, time);
        var stored = await service.SubmitManyAsync([.. valid.Select(v => v.Submission)], "app", http.User.Identity?.Name ?? "observer", ct);
        for (var k = 0; k < valid.Count; k++)
        {
            var r = stored[k];
            results[valid[k].Index] = new SubmissionResultDto(r.Id, r.Outcome.ToString(), [.. r.Errors.Select(e => new SubmissionErrorDto(e.Field, e.Code, e.Message))]);
        }

        return TypedResults.Ok(new SubmissionsResponse([.. results.Select(r => r!)]));
    }
}
