using Ashyq.Core.Commissions;
using Ashyq.Core.Results;

namespace Ashyq.Application.Pipeline;

/// <summary>
/// Who takes an action: an account's user name, the commission it belongs to and its role there — from a signed-in
/// web account, a bearer token, or the staff a simulation plays. The pipeline authorizes by these three alone.
/// </summary>
public sealed record Caller(string User, string Commission, AccountRole Role)
{
    /// <summary>The domain's actor (user and commission) that the action's events are recorded under.</summary>
    public Actor Actor => new(User, Commission);
}
