using System.Security.Cryptography;
using System.Text;
using Ashyq.Web.Components;
using Microsoft.AspNetCore.Builder;

namespace Ashyq.Web.Security;

/// <summary>
/// Headers every response carries. The content security policy allows no script at all and only the one inline
/// style sheet of the layout, named by its hash, so a page cannot be framed, sniffed or made to run injected code.
/// </summary>
public static class SecurityHeaders
{
    public static string StyleHash { get; } = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(SiteStyle.Css)));

    public static string ContentSecurityPolicy { get; } = string.Join("; ",
        "default-src 'none'",
        $"style-src '{StyleHash}'",
        "img-src 'self' data:",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
