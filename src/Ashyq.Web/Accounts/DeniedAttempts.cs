using System.Globalization;
using Ashyq.Core.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Accounts;

/// <summary>
/// Every refused attempt is an <c>access.denied</c> event (disposition failure) with the account, its commission and
/// what was attempted — recorded in one place: a middleware that sees each response answered 403 (an endpoint's
/// <c>AUTH.FORBIDDEN</c>, a page's 403, a policy's forbid) or marked refused by <see cref="Mark"/> where a page
/// refuses a step inside its form. The event is written on a context of its own after the request's work, so it
/// stays though the refused action wrote nothing. Paths name commissions, precincts and case numbers, never a voter;
/// the query string is not kept.
/// </summary>
public static class DeniedAttempts
{
    private const string RecordedKey = "ashyq:access-denied-recorded";

    /// <summary>The refusal a page or handler states, when the response alone would not say it.</summary>
    public sealed record Refusal(string Attempted);

    /// <summary>Marks the request as refused (and answers 403 if nothing is sent yet): the middleware records it.</summary>
    public static void Mark(HttpContext? http, string attempted)
    {
        if (http is null)
        {
            return;
        }

        http.Features.Set(new Refusal(attempted));
        if (!http.Response.HasStarted)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    /// <summary>
    /// Records the request's refusal, if it was refused: as the answer starts (so the event is committed before the
    /// client reads the 403), or after the request for a refusal marked once the answer had started. Placed after
    /// routing, so the endpoint is known.
    /// </summary>
    public static IApplicationBuilder UseDeniedAttemptsAudit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() => RecordIfRefusedAsync(context));
            await next(context);
            await RecordIfRefusedAsync(context);
        });

    private static async Task RecordIfRefusedAsync(HttpContext context)
    {
        var refusal = context.Features.Get<Refusal>();
        if (refusal is null && context.Response.StatusCode != StatusCodes.Status403Forbidden)
        {
            return;
        }

        // The page a forbidden sign-in is sent to only says so: the refusal was the request before it. A page
        // re-executed for its status code is the same request: one event.
        if (context.Request.Path.StartsWithSegments("/account/denied") || context.Items.ContainsKey(RecordedKey))
        {
            return;
        }

        // A refusal by the application's pipeline is audited there, for the web and the command line alike.
        if (context.RequestServices.GetService<Ashyq.Application.Pipeline.Actions>() is { RefusalAudited: true })
        {
            return;
        }

        context.Items[RecordedKey] = true;
        var trail = context.RequestServices.GetRequiredService<AuditTrail>();
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var status = context.Response.StatusCode;
        var detail = string.Join("; ", new[] { refusal?.Attempted, route is null ? null : "route " + route, "HTTP " + status.ToString(CultureInfo.InvariantCulture) }.Where(x => x is not null));
        await trail.RecordAsync(AuditEvents.AccessDenied, context.User, $"{context.Request.Method} {context.Request.Path}", detail, AuditDisposition.Failure);
    }
}

/// <summary>
/// Lets the default handler answer a refused policy (a challenge, a forbid), and marks a forbid as a refusal for
/// <see cref="DeniedAttempts"/>: a cookie forbid answers with a redirect to <c>/account/denied</c>, not a 403.
/// </summary>
public sealed class AuditedAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden)
        {
            var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
            context.Features.Set(new DeniedAttempts.Refusal(reasons.Count > 0 ? "policy: " + string.Join(", ", reasons) : "policy refused"));
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
