using System.Globalization;
using System.Text;
using Ashyq.Core.Forensics;
using Ashyq.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Forensics;

/// <summary>The public forensics' files: the plots as PNG and the per-precinct flags as CSV.</summary>
public static class ForensicsEndpoints
{
    public static IServiceCollection AddAshyqForensics(this IServiceCollection services) => services.AddSingleton<ForensicsPortal>();

    public static IEndpointRouteBuilder MapForensics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forensics/plots/{name}.png", async (string name, AshyqDbContext db, ForensicsPortal portal, HttpContext context, CancellationToken ct) =>
        {
            var view = await portal.GetAsync(db, ct);
            if (view is null || portal.Plot(view, name) is not { } png)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=60";
            return Results.File(png, "image/png");
        }).ExcludeFromDescription();

        app.MapGet("/forensics/flags.csv", async (AshyqDbContext db, ForensicsPortal portal, CancellationToken ct) =>
        {
            var view = await portal.GetAsync(db, ct);
            var name = view is null ? "forensics-flags.csv" : $"{view.Election}-forensics-flags.csv";
            return Results.File(Encoding.UTF8.GetBytes(Csv(view?.Flags ?? [])), "text/csv; charset=utf-8", name);
        }).ExcludeFromDescription();
        return app;
    }

    public const string CsvHeader = "precinct,region,voters,turnout,issued_turnout,leader_share,turnout_gt80_leader_gt80,integer_turnout,integer_leader_share,relations_broken";

    /// <summary>One row per precinct: shares as decimals with six places, flags as true/false, relations separated by ';'.</summary>
    public static string Csv(IReadOnlyList<PrecinctFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var f in flags)
        {
            csv.Append(Field(f.Code)).Append(',')
                .Append(Field(f.Region?.Code ?? "")).Append(',')
                .Append(f.Voters.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Share(f.Turnout)).Append(',')
                .Append(Share(f.IssuedTurnout)).Append(',')
                .Append(Share(f.LeaderShare)).Append(',')
                .Append(Bool(f.HighCorner)).Append(',')
                .Append(Bool(f.IntegerTurnout)).Append(',')
                .Append(Bool(f.IntegerLeaderShare)).Append(',')
                .Append(Field(string.Join(';', f.RelationsBroken))).Append('\n');
        }

        return csv.ToString();
    }

    private static string Share(Ratio r) => r.Denominator == 0 ? "" : r.Value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Bool(bool b) => b ? "true" : "false";

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
