using System.Security.Claims;
using Ashyq.Core.Audit;
using Ashyq.Storage;
using Microsoft.Extensions.Logging;

namespace Ashyq.Web.Accounts;

/// <summary>
/// The web host's door to the audit log for what happens outside a service's own unit of work — sign-ins,
/// refusals, long actions: each event is committed at once on a context of its own, so it stays whatever becomes of
/// the request's transaction. A store that cannot take the event is logged, not thrown at a user whose answer is
/// already decided.
/// </summary>
public sealed partial class AuditTrail(Store store, TimeProvider time, ILogger<AuditTrail> log)
{
    /// <summary>The name the log keeps for a request without an account.</summary>
    public const string Anonymous = "(anonymous)";

    public async Task RecordAsync(AuditEvent auditEvent, string user, string commission, string subject, string? detail, AuditDisposition disposition)
    {
        try
        {
            await Audit.RecordAloneAsync(store.CreateContext, auditEvent, user, commission, subject, detail, time.GetUtcNow(), disposition);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            NotRecorded(log, e, auditEvent.Id, user, subject);
        }
    }

    public Task RecordAsync(AuditEvent auditEvent, ClaimsPrincipal? user, string subject, string? detail, AuditDisposition disposition) =>
        RecordAsync(auditEvent, NameOf(user), AshyqClaims.CommissionOf(user ?? new ClaimsPrincipal()) ?? "", subject, detail, disposition);

    /// <summary>Runs a long action from the web between its start and completion (see <see cref="Audit.LongActionAsync{T}"/>).</summary>
    public Task<T> LongActionAsync<T>(AuditLongAction action, ClaimsPrincipal? user, string subject, Func<Task<T>> work, Func<T, string?> describe, CancellationToken ct = default) =>
        Audit.LongActionAsync(store.CreateContext, action, NameOf(user), AshyqClaims.CommissionOf(user ?? new ClaimsPrincipal()) ?? "", subject, time, work, describe, ct);

    public static string NameOf(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit event {EventId} of {User} on {Subject} could not be recorded")]
    private static partial void NotRecorded(ILogger logger, Exception exception, string eventId, string user, string subject);
}
