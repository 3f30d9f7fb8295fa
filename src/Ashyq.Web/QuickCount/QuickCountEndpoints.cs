using System.Collections.Concurrent;
using System.Text.Json;
using Ashyq.Storage;
using Ashyq.Storage.QuickCount;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.QuickCount;

/// <summary>Renders the quick count's plot once per state of the count (reports and official results in).</summary>
public sealed class QuickCountPlots
{
    private readonly ConcurrentDictionary<string, byte[]> _plots = new(StringComparer.Ordinal);

    /// <summary>What changes the plot: the sample, the reports received and the official precincts in.</summary>
    public static string Version(QuickCountView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return $"{view.Sample?.Commitment[..12]}-{view.ReportedStations}-{view.Result?.Reported}-{view.Result?.Official?.Accepted}";
    }

    public byte[]? Png(QuickCountView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Result is not { } result)
        {
            return null;
        }

        if (_plots.Count > 64)
        {
            _plots.Clear();
        }

        return _plots.GetOrAdd(Version(view), _ => QuickCountPlot.Png(result, view.Election));
    }
}

/// <summary>The public quick count's files: the interval plot as PNG and the estimate as JSON.</summary>
public static class QuickCountEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IServiceCollection AddAshyqQuickCount(this IServiceCollection services) => services.AddSingleton<QuickCountPlots>();

    public static IEndpointRouteBuilder MapQuickCount(this IEndpointRouteBuilder app)
    {
        app.MapGet("/quick-count/plot.png", async (AshyqDbContext db, TimeProvider time, QuickCountPlots plots, HttpContext context, CancellationToken ct) =>
        {
            if (await ViewAsync(db, time, ct) is not { } view || plots.Png(view) is not { } png)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=60";
            return Results.File(png, "image/png");
        }).ExcludeFromDescription();

        app.MapGet("/api/quick-count", async (AshyqDbContext db, TimeProvider time, CancellationToken ct) =>
            await ViewAsync(db, time, ct) is { } view ? Results.Json(QuickCountJson.Of(view), Json) : Results.NotFound())
            .WithSummary("The quick count: each candidate's share and turnout with 95% margins, against the official results");
        return app;
    }

    /// <summary>The stored election's quick count; null when the store holds no election.</summary>
    public static async Task<QuickCountView?> ViewAsync(AshyqDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await new ElectionQueries(db).ElectionAsync(ct) is null ? null : await new QuickCountService(db, time).ViewAsync(ct);
    }
}
