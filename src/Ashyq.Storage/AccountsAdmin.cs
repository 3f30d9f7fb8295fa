using System.Security.Cryptography;
using Ashyq.Core.Commissions;
using Ashyq.Storage.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ashyq.Storage;

/// <summary>An account could not be created: the reasons, from Identity's checks or ours.</summary>
public sealed class AccountRefusedException(string message) : Exception(message);

/// <summary>
/// Creates accounts outside the web host (the command line, the demo, tests), with the same ASP.NET Core
/// Identity rules the web host applies: hashed passwords, unique names, a commission that exists.
/// </summary>
public static class AccountsAdmin
{
    public static async Task<string> CreateAsync(Store store, string userName, string commission, AccountRole role, string? password, CancellationToken ct = default)
    {
        await using (var db = store.CreateContext())
        {
            if (!await db.Commissions.AnyAsync(c => c.Code == commission, ct))
            {
                throw new AccountRefusedException($"No commission has the code \"{commission}\".");
            }
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddScoped(_ => store.CreateContext());
        services.AddIdentityCore<AshyqUser>(ApplyPolicy).AddEntityFrameworkStores<AshyqDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AshyqUser>>();
        password ??= NewPassword();
        var result = await users.CreateAsync(new AshyqUser { UserName = userName, CommissionCode = commission, Role = role.ToString() }, password);
        if (!result.Succeeded)
        {
            throw new AccountRefusedException($"The account {userName} is refused: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        return password;
    }

    /// <summary>
    /// The account rules everywhere accounts are made or used: long passwords rather than composition rules
    /// (NIST SP 800-63B), lockout after 5 failures for 15 minutes, unique user names.
    /// </summary>
    public static void ApplyPolicy(IdentityOptions o)
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }

    /// <summary>A random password of 16 letters and digits.</summary>
    public static string NewPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
