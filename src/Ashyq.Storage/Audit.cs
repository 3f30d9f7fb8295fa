using Ashyq.Storage.Model;

namespace Ashyq.Storage;

/// <summary>Adds audit events to the caller's unit of work: they commit with the change they describe.</summary>
public static class Audit
{
    public static void Record(AshyqDbContext db, string user, string commission, string action, string subject, string? detail, DateTimeOffset at) =>
        db.AuditEvents.Add(new AuditEventRow { At = at, User = user, Commission = commission, Action = action, Subject = subject, Detail = detail });
}
