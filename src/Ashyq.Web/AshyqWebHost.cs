using Ashyq.Storage;
using Ashyq.Web.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ashyq.Web;

/// <summary>How the web host is started: where it listens and which store it reads.</summary>
public sealed record WebHostSettings(Store Store, string Url = "http://127.0.0.1:5080")
{
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// The web host: the public portal (Razor components rendered on the server), the JSON API with its OpenAPI
/// document, and a health endpoint. Used by <c>ashyq serve</c> / <c>ashyq demo</c> and by the tests.
/// </summary>
public static class AshyqWebHost
{
    public static WebApplication Build(WebHostSettings settings, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(AshyqWebHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(settings.Url);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        builder.Services.AddSingleton(settings.Store);
        builder.Services.AddSingleton(settings.Time);
        builder.Services.AddScoped(sp => sp.GetRequiredService<Store>().CreateContext());
        builder.Services.AddScoped<ElectionQueries>();
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();

        var app = builder.Build();
        app.UseAntiforgery();
        app.MapRazorComponents<App>();
        return app;
    }
}
