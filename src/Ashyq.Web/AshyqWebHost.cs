using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ashyq.Application;
using Ashyq.Storage;
using Ashyq.Web.Accounts;
using Ashyq.Web.Api;
using Ashyq.Web.Complaints;
using Ashyq.Web.Components;
using Ashyq.Web.Election;
using Ashyq.Web.Forensics;
using Ashyq.Web.Health;
using Ashyq.Web.Localization;
using Ashyq.Web.Nomination;
using Ashyq.Web.Observation;
using Ashyq.Web.Portal;
using Ashyq.Web.Publication;
using Ashyq.Web.QuickCount;
using Ashyq.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Ashyq.Web;

/// <summary>How the web host is started: where it listens and which store it reads.</summary>
public sealed record WebHostSettings(Store Store, string Url = "http://127.0.0.1:5080")
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The folder the host keeps published (log, records, results) and serves at <c>/public</c>; none if null.</summary>
    public PublishSettings? Publish { get; init; }
}

/// <summary>
/// The web host: the public portal (Razor components rendered on the server), the JSON API with its OpenAPI
/// document, and a health endpoint. Used by <c>ashyq serve</c> / <c>ashyq demo</c> and by the tests.
/// </summary>
public static class AshyqWebHost
{
    public static WebApplication Build(WebHostSettings settings, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(AshyqWebHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(settings.Url);
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        if (Console.IsOutputRedirected)
        {
            // Read by a machine (a service manager, a log collector): one JSON object per event, with its scopes.
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            // Read by a person at a terminal (`ashyq demo`): one short line per event, and no line per request.
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        var services = builder.Services;
        services.AddSingleton(settings.Store);
        services.AddSingleton(settings.Time);
        services.AddScoped(sp => sp.GetRequiredService<Store>().CreateContext());
        services.AddScoped<ElectionQueries>();
        services.AddAshyqApplication();
        services.AddScoped<ElectionCatalog>();
        // Kazakh and Russian text is written as UTF-8, not as numeric character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorComponents();
        services.AddAntiforgery();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddAshyqAccounts();
        services.AddRegisterApi();
        Ashyq.Web.Media.MediaApi.AddMediaApi(services);
        services.AddAshyqPortal(builder.Configuration);
        services.AddAshyqForensics();
        services.AddAshyqObservation();
        services.AddAshyqQuickCount();
        services.AddAshyqComplaints(builder.Configuration);
        if (settings.Publish is { } publish)
        {
            Directory.CreateDirectory(publish.Directory);
            services.AddSingleton(publish);
            services.AddHostedService<PublishingService>();
        }

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);

        var app = builder.Build();
        app.UseObserverAppHeaders();
        app.UseSecurityHeaders();
        app.UseRequestLocalization(Languages.Options());
        app.UseLanguageCookie();
        // Pages get the localized not-found page; the API keeps its own status codes and problem bodies
        // (re-executing a POST to /api as the page would fail the page's antiforgery check with a 400).
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        if (settings.Publish is { } published)
        {
            // The published folder as it is: what any web server or CDN would serve. Full tiles never change.
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetFullPath(published.Directory)),
                RequestPath = "/public",
                ServeUnknownFileTypes = true,
                DefaultContentType = "application/octet-stream",
                OnPrepareResponse = context =>
                {
                    var path = context.Context.Request.Path.Value ?? "";
                    var immutable = path.Contains("/log/tile/", StringComparison.Ordinal) && !path.Contains(".p/", StringComparison.Ordinal);
                    context.Context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
                    context.Context.Response.Headers.AccessControlAllowOrigin = "*";
                },
            });
        }

        app.UseRouting();
        app.UseDeniedAttemptsAudit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAshyqPortal();
        app.UseAntiforgery();

        app.MapOpenApi();
        app.MapResultsApi();
        app.MapSessionsApi();
        app.MapLogApi();
        app.MapElectionApi();
        app.MapRegisterApi();
        app.MapForensics();
        Ashyq.Web.Media.MediaApi.MapMediaApi(app);
        app.MapObservation();
        app.MapQuickCount();
        app.MapComplaintsApi();
        app.MapNominationApi();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        app.MapRazorComponents<App>();
        return app;
    }

    private static readonly JsonSerializerOptions HealthJson = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, HealthJson));
    }
}
