using Ashyq.Core.Audit;
using Ashyq.Core.Register;
using Ashyq.Storage.Model;

namespace Ashyq.Storage;

/// <summary>
/// Writes audit events, each a member of the catalogue (<see cref="AuditEvents"/>). <see cref="Record"/> adds one to
/// the caller's unit of work: it commits with the change it describes. <see cref="RecordAloneAsync"/> writes one on a
/// context of its own, for what must stay even when the caller's work is rolled back (a refusal, a failed sign-in);
/// <see cref="LongActionAsync{T}"/> brackets a long action with a start and a completion.
/// </summary>
public static class Audit
{
    /// <summary>Longest user name kept: an audit row never stores whatever text someone typed at length.</summary>
    private const int MaxUserLength = 64;

    public static AuditEventRow Record(
        AshyqDbContext db,
        AuditEvent auditEvent,
        string user,
        string commission,
        string subject,
        string? detail,
        DateTimeOffset at,
        AuditDisposition disposition = AuditDisposition.Success)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = Row(auditEvent, user, commission, subject, detail, at, disposition, null);
        db.AuditEvents.Add(row);
        return row;
    }

    /// <summary>
    /// Writes one event and commits it at once on a fresh context from <paramref name="freshContext"/> (disposed
    /// here): it persists whatever becomes of the caller's own transaction. Returns the event's id.
    /// </summary>
    public static async Task<long> RecordAloneAsync(
        Func<AshyqDbContext> freshContext,
        AuditEvent auditEvent,
        string user,
        string commission,
        string subject,
        string? detail,
        DateTimeOffset at,
        AuditDisposition disposition = AuditDisposition.Success,
        long? startEventId = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(freshContext);
        await using var db = freshContext();
        var row = Row(auditEvent, user, commission, subject, detail, at, disposition, startEventId);
        db.AuditEvents.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    /// <summary>
    /// Runs a long action between its start and its completion (VVSG 2.0 §15.1). The start is committed on a
    /// context of its own before the work begins, so a crash leaves a start without a completion; the completion
    /// is written the same way after the work, with disposition success and <paramref name="describe"/>'s detail,
    /// or failure and the exception's kind and code (the exception is rethrown). Cancellation is a failure too.
    /// </summary>
    public static async Task<T> LongActionAsync<T>(
        Func<AshyqDbContext> freshContext,
        AuditLongAction action,
        string user,
        string commission,
        string subject,
        TimeProvider time,
        Func<Task<T>> work,
        Func<T, string?>? describe = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(work);
        var start = await RecordAloneAsync(freshContext, action.Start, user, commission, subject, null, time.GetUtcNow(), AuditDisposition.Success, null, ct);
        T result;
        try
        {
            result = await work();
        }
        catch (Exception e)
        {
            // Written even when the caller's token is cancelled: the failure is what the log must show.
            await RecordAloneAsync(freshContext, action.Completion, user, commission, subject, Failure(e), time.GetUtcNow(), AuditDisposition.Failure, start, CancellationToken.None);
            throw;
        }

        await RecordAloneAsync(freshContext, action.Completion, user, commission, subject, describe?.Invoke(result), time.GetUtcNow(), AuditDisposition.Success, start, CancellationToken.None);
        return result;
    }

    /// <summary>
    /// What a failed completion records: the exception's kind and its refusal code, never its message, which may
    /// quote a row of a voter list or a signature sheet (voters' personal data stay out of the audit log).
    /// </summary>
    internal static string Failure(Exception e) => e switch
    {
        OperationCanceledException => "cancelled",
        RegisterFileException r => $"{e.GetType().Name} {r.Error.Code}",
        _ when e.GetType().GetProperty("Code")?.GetValue(e) is string code => $"{e.GetType().Name} {code}",
        _ => e.GetType().Name,
    };

    private static AuditEventRow Row(AuditEvent auditEvent, string user, string commission, string subject, string? detail, DateTimeOffset at, AuditDisposition disposition, long? startEventId)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return new AuditEventRow
        {
            At = at,
            User = user.Length > MaxUserLength ? user[..MaxUserLength] : user,
            Commission = commission,
            Action = auditEvent.Id,
            Subject = subject,
            Detail = detail,
            Disposition = disposition.ToNist(),
            StartEventId = startEventId,
        };
    }
}
