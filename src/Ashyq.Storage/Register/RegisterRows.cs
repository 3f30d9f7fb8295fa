using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Register;

/// <summary>One import of an akimat's list and its published result: counts, never names.</summary>
public sealed class RegisterImportRow
{
    public int Id { get; set; }

    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file as read, hex: the same file imported again is recognised.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The day the akimat's records take effect.</summary>
    public DateOnly AsOf { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public long Rows { get; set; }

    public long Accepted { get; set; }

    public long Unchanged { get; set; }

    public long RejectedRows { get; set; }

    /// <summary>Rejections per error code, as JSON (<c>{"REG.IIN-CHECKSUM": 3, …}</c>).</summary>
    public required string RejectedByCode { get; set; }

    /// <summary>Voters on the register on <see cref="AsOf"/> after the import.</summary>
    public long RegisterCount { get; set; }

    /// <summary>False while it runs, or if it was interrupted (then some whole batches may be in).</summary>
    public bool Complete { get; set; }
}

/// <summary>A pair of registrations likely to be one person, in the review queue, with the official's decision.</summary>
public sealed class DuplicatePairRow
{
    public long Id { get; set; }

    /// <summary>The first registration: its source id, or its IIN where it has none.</summary>
    public required string AKey { get; set; }

    public required string BKey { get; set; }

    public long AIin { get; set; }

    public long BIin { get; set; }

    /// <summary><c>same-iin</c> (found at import) or <c>similar</c> (found by <c>register duplicates</c>).</summary>
    public required string Kind { get; set; }

    public double Score { get; set; }

    public required string Evidence { get; set; }

    /// <summary><c>open</c>, <c>confirmed</c> or <c>dismissed</c>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset FoundAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Note { get; set; }
}

/// <summary>A voter moved from their home list to a special polling station's list.</summary>
public sealed class VoterTransferRow
{
    public long Id { get; set; }

    /// <summary>Unique: a voter is moved to a special list at most once.</summary>
    public long Iin { get; set; }

    public int FromPrecinctId { get; set; }

    public int ToPrecinctId { get; set; }

    public DateOnly OnDate { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The register's tables in the one model.</summary>
internal static class RegisterModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RegisterImportRow>(e =>
        {
            e.ToTable("register_imports");
            e.HasIndex(x => x.Sha256);
        });
        modelBuilder.Entity<DuplicatePairRow>(e =>
        {
            e.ToTable("register_duplicate_pairs");
            e.HasIndex(x => new { x.AKey, x.BKey }).IsUnique().HasDatabaseName("ux_register_duplicate_pairs_a_b");
            e.HasIndex(x => x.Status);
        });
        modelBuilder.Entity<VoterTransferRow>(e =>
        {
            e.ToTable("register_transfers");
            e.HasIndex(x => x.Iin).IsUnique().HasDatabaseName("ux_register_transfers_iin");
            e.HasIndex(x => x.ToPrecinctId);
            e.HasOne<Model.CommissionRow>().WithMany().HasForeignKey(x => x.FromPrecinctId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Model.CommissionRow>().WithMany().HasForeignKey(x => x.ToPrecinctId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
