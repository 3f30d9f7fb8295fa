using Ashyq.Core.Audit;
using Ashyq.Storage.Model;
using Microsoft.AspNetCore.Identity;

namespace Ashyq.Web.Accounts;

/// <summary>
/// A password sign-in that leaves its trace: <c>auth.login</c> with disposition success or failure, and
/// <c>auth.locked-out</c> when this failure is the one that locks the account. The log keeps the account's own name
/// and commission; a name that matches no account is kept as "(unknown account)", never as typed (people type
/// passwords into the name field); the password is never kept.
/// </summary>
public static class SignInAudit
{
    public const string UnknownAccount = "(unknown account)";

    public static async Task<SignInResult> PasswordSignInAuditedAsync(this SignInManager<AshyqUser> signIn, AuditTrail trail, string userName, string password, string via)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(trail);
        var account = string.IsNullOrWhiteSpace(userName) ? null : await signIn.UserManager.FindByNameAsync(userName);
        var wasLockedOut = account is not null && await signIn.UserManager.IsLockedOutAsync(account);
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);

        var user = account?.UserName ?? UnknownAccount;
        var commission = account?.CommissionCode ?? "";
        if (result.Succeeded)
        {
            await trail.RecordAsync(AuditEvents.Login, user, commission, via, null, AuditDisposition.Success);
            return result;
        }

        var code = result.IsLockedOut ? "AUTH.LOCKED-OUT" : result.IsNotAllowed ? "AUTH.NOT-ALLOWED" : "AUTH.BAD-CREDENTIALS";
        await trail.RecordAsync(AuditEvents.Login, user, commission, via, code, AuditDisposition.Failure);
        if (result.IsLockedOut && !wasLockedOut && account is not null)
        {
            var until = await signIn.UserManager.GetLockoutEndDateAsync(account);
            await trail.RecordAsync(AuditEvents.LockedOut, user, commission, via, until is { } end ? $"locked until {end.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : null, AuditDisposition.Failure);
        }

        return result;
    }
}
