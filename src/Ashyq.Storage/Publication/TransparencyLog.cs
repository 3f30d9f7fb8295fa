using Ashyq.Core.Transparency;
using Ashyq.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Publication;

/// <summary>
/// Appends records to the log inside the caller's transaction, at the next dense index: the acceptance and its
/// log entry commit together or not at all. Appends are serialized (a table lock on PostgreSQL; SQLite has one
/// writer), so no two records ever get the same index and no index is skipped.
/// </summary>
public static class TransparencyLog
{
    public static async Task<long> AppendAsync(AshyqDbContext db, string kind, string subject, int version, byte[] record, DateTimeOffset at, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A log entry is appended in the transaction of what it records.");
        }

        if (record.Length > ushort.MaxValue)
        {
            throw new InvalidOperationException($"A record of {record.Length} bytes does not fit a log entry (65,535 at most).");
        }

        if (db.Kind == StoreKind.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE log_entries IN SHARE ROW EXCLUSIVE MODE", ct);
        }

        var next = await db.LogEntries.Select(e => (long?)e.Index).MaxAsync(ct) is { } last ? last + 1 : 0;
        db.LogEntries.Add(new LogEntryRow
        {
            Index = next,
            Kind = kind,
            Subject = subject,
            Version = version,
            Record = record,
            LeafHash = MerkleTree.LeafHash(record),
            CreatedAt = at,
        });
        await db.SaveChangesAsync(ct);
        return next;
    }
}
