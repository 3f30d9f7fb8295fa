using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Media;

/// <summary>One batch of monitored items: a CSV file, an entry of the monitors' form, or the demo sample.</summary>
public sealed class MediaImportRow
{
    public int Id { get; set; }

    /// <summary><c>csv</c>, <c>form</c> or <c>demo</c>.</summary>
    public required string Source { get; set; }

    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file as read, hex: the same file imported again is recognised.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public required string ImportedBy { get; set; }

    public int Items { get; set; }
}

/// <summary>One monitored item, as <see cref="Core.Media.MediaItem"/>; kinds and tones stored as their CSV words.</summary>
public sealed class MediaItemRow
{
    public long Id { get; set; }

    public int ImportId { get; set; }

    public required string Outlet { get; set; }

    public required string OutletKind { get; set; }

    /// <summary>In UTC (PostgreSQL keeps no offset); days are counted in the election's time zone.</summary>
    public DateTimeOffset AiredAt { get; set; }

    public required string Programme { get; set; }

    public required string Kind { get; set; }

    public required string Subject { get; set; }

    public string? CandidateCode { get; set; }

    /// <summary>Seconds, or cm² of area for print.</summary>
    public int Amount { get; set; }

    public required string Tone { get; set; }

    public required string Monitor { get; set; }
}

internal static class MediaModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MediaImportRow>(e =>
        {
            e.ToTable("media_imports");
            e.HasIndex(x => x.Sha256);
        });
        modelBuilder.Entity<MediaItemRow>(e =>
        {
            e.ToTable("media_items");
            e.HasIndex(x => x.ImportId);
            e.HasIndex(x => new { x.Outlet, x.AiredAt });
            e.HasOne<MediaImportRow>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
