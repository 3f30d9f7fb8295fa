using System.Security.Claims;
using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Ashyq.Storage.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ashyq.Web.Accounts;

/// <summary>The claims an account carries: its commission and its role there.</summary>
public static class AshyqClaims
{
    public const string Commission = "ashyq:commission";
    public const string Role = "ashyq:role";

    public static string? CommissionOf(ClaimsPrincipal user) => user.FindFirstValue(Commission);

    public static AccountRole? RoleOf(ClaimsPrincipal user) =>
        Enum.TryParse<AccountRole>(user.FindFirstValue(Role), out var role) ? role : null;
}

/// <summary>The caller an action is taken for, from a signed-in account's claims; none for an anonymous or incomplete one.</summary>
public static class Callers
{
    public static Ashyq.Application.Pipeline.Caller? Of(ClaimsPrincipal user) =>
        user.Identity?.Name is { Length: > 0 } name && AshyqClaims.CommissionOf(user) is { Length: > 0 } commission && AshyqClaims.RoleOf(user) is { } role
            ? new Ashyq.Application.Pipeline.Caller(name, commission, role)
            : null;
}

/// <summary>
/// Accounts: ASP.NET Core Identity (hashed passwords, lockout) with each account scoped to one commission.
/// Pages sign in with a cookie (HttpOnly, SameSite=Strict; forms carry antiforgery tokens); the API with a
/// bearer token from <c>POST /api/login</c>, so no cookie can be ridden across sites to call it.
/// </summary>
public static class AccountsSetup
{
    public const string ApiPolicy = "api";

    public static IServiceCollection AddAshyqAccounts(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(12))
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Name = "ashyq.session";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        services.AddIdentityCore<AshyqUser>(AccountsAdmin.ApplyPolicy)
            .AddEntityFrameworkStores<AshyqDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AshyqClaimsFactory>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        // Sign-ins, sign-outs and refusals are audit events (DeniedAttempts, SignInAudit).
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>();
        return services;
    }

}

/// <summary>Adds the account's commission and role to its sign-in.</summary>
public sealed class AshyqClaimsFactory(UserManager<AshyqUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AshyqUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AshyqUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AshyqClaims.Commission, user.CommissionCode));
        identity.AddClaim(new Claim(AshyqClaims.Role, user.Role));
        return identity;
    }
}
