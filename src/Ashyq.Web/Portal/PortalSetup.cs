using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Portal;

/// <summary>
/// The public results portal's services: the per-process caches (commission statistics, the published log's
/// tree) and the rate limit of public lookups — <c>/check</c>, <c>/forensics</c> and the <c>/results</c> pages read by visitors without
/// an account — a fixed window per client address (<c>Portal:PublicLookupsPerMinute</c>, 60 by default).
/// </summary>
public static class PortalSetup
{
    public const string LookupsPerMinuteKey = "Portal:PublicLookupsPerMinute";

    public const int DefaultLookupsPerMinute = 60;

    public static IServiceCollection AddAshyqPortal(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = Math.Max(1, configuration.GetValue(LookupsPerMinuteKey, DefaultLookupsPerMinute));
        services.AddSingleton<CommissionStatisticsCache>();
        services.AddSingleton<PublishedLog>();
        services.AddScoped<ResultsPortal>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsPublicLookup(context)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                // A body of its own, so that the status-code pages do not turn the refusal into a "not found" page.
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("429 Too many lookups from this address: wait a minute and try again.\n", ct);
            };
        });
        return services;
    }

    /// <summary>Limits the public lookups; must come after authentication, so that signed-in staff are not limited.</summary>
    public static IApplicationBuilder UseAshyqPortal(this IApplicationBuilder app) => app.UseRateLimiter();

    /// <summary>A page or API call of the public portal, by a visitor without an account.</summary>
    public static bool IsPublicLookup(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return false;
        }

        var path = context.Request.Path;
        return path.StartsWithSegments("/check", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/forensics", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/register/check", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/portal", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/media", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/observation", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/quick-count", StringComparison.OrdinalIgnoreCase)
            || (path.StartsWithSegments("/results", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/results/queue", StringComparison.OrdinalIgnoreCase));
    }
}
