using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.QuickCount;

/// <summary>The quick count's sample of an election: drawn once, never changed (a trigger refuses it).</summary>
public sealed class QuickCountSampleRow
{
    public int Id { get; set; }

    public int ElectionId { get; set; }

    public long Seed { get; set; }

    public int Size { get; set; }

    public DateTimeOffset DrawnAt { get; set; }

    public required string DrawnBy { get; set; }

    /// <summary>SHA-256 (hex) of the sample's canonical JSON, published in the log when it was drawn.</summary>
    public required string Commitment { get; set; }
}

/// <summary>A stratum of the sample as it was at the draw: N_h and n_h, the design the weights come from.</summary>
public sealed class QuickCountStratumRow
{
    public int Id { get; set; }

    public int SampleId { get; set; }

    public required string Region { get; set; }

    /// <summary><c>urban</c> or <c>rural</c>.</summary>
    public required string Settlement { get; set; }

    public int Stations { get; set; }

    public int Sampled { get; set; }
}

/// <summary>A sampled polling station with its stratum.</summary>
public sealed class QuickCountStationRow
{
    public int Id { get; set; }

    public int SampleId { get; set; }

    public int PrecinctId { get; set; }

    public required string Region { get; set; }

    public required string Settlement { get; set; }

    /// <summary>The list size the frame held at the draw (what urban/rural was derived from).</summary>
    public long ListSize { get; set; }
}

/// <summary>
/// One line of a sampled station's protocol as an observer reported it. Reports are only added: a correction is a
/// later report of the same line, and the latest counts.
/// </summary>
public sealed class QuickCountReportRow
{
    public long Id { get; set; }

    public int SampleId { get; set; }

    public int PrecinctId { get; set; }

    public required string Line { get; set; }

    public long Value { get; set; }

    public required string Reporter { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>The quick count's tables in the one model.</summary>
internal static class QuickCountModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<QuickCountSampleRow>(e =>
        {
            e.ToTable("quick_count_samples");
            e.Immutable();
            e.HasIndex(x => x.ElectionId).IsUnique().HasDatabaseName("ux_quick_count_samples_election");
            e.HasOne<Model.ElectionRow>().WithMany().HasForeignKey(x => x.ElectionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<QuickCountStratumRow>(e =>
        {
            e.ToTable("quick_count_strata");
            e.Immutable();
            e.HasIndex(x => new { x.SampleId, x.Region, x.Settlement }).IsUnique().HasDatabaseName("ux_quick_count_strata_sample_stratum");
            e.HasOne<QuickCountSampleRow>().WithMany().HasForeignKey(x => x.SampleId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<QuickCountStationRow>(e =>
        {
            e.ToTable("quick_count_stations");
            e.Immutable();
            e.HasIndex(x => new { x.SampleId, x.PrecinctId }).IsUnique().HasDatabaseName("ux_quick_count_stations_sample_precinct");
            e.HasOne<QuickCountSampleRow>().WithMany().HasForeignKey(x => x.SampleId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Model.CommissionRow>().WithMany().HasForeignKey(x => x.PrecinctId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<QuickCountReportRow>(e =>
        {
            e.ToTable("quick_count_reports");
            e.Immutable();
            e.HasIndex(x => new { x.SampleId, x.PrecinctId, x.Line }).HasDatabaseName("ix_quick_count_reports_sample_precinct_line");
            e.HasOne<QuickCountSampleRow>().WithMany().HasForeignKey(x => x.SampleId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Model.CommissionRow>().WithMany().HasForeignKey(x => x.PrecinctId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
