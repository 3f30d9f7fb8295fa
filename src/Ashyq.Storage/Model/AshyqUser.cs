using Microsoft.AspNetCore.Identity;

namespace Ashyq.Storage.Model;

/// <summary>An account: a person acting for one commission in one role (ASP.NET Core Identity keeps its password hash and lockout).</summary>
public sealed class AshyqUser : IdentityUser
{
    public required string CommissionCode { get; set; }

    /// <summary>An <see cref="Ashyq.Core.Commissions.AccountRole"/> name.</summary>
    public required string Role { get; set; }

    public string? FullName { get; set; }
}
