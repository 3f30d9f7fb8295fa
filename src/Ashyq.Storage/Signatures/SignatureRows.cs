using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Signatures;

/// <summary>One verified file of a nominee's sheets: when, how many lines, how many counted.</summary>
public sealed class SignatureBatchRow
{
    public int Id { get; set; }

    /// <summary>The nominee's number (the <c>id</c> of <c>ashyq candidates</c>).</summary>
    public int NomineeNumber { get; set; }

    public int Lines { get; set; }

    public int Valid { get; set; }

    public int Rejected { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }
}

/// <summary>
/// The verification of one line of a signature sheet: counted or rejected with its code and sentence, the TEC of
/// the territorial unit where the signer is registered, the patterns flagged. The signer's IIN stays here for the
/// commission's own view (and to find a second signature by the same voter); it is never published.
/// </summary>
public sealed class SignatureCheckRow
{
    public long Id { get; set; }

    public int BatchId { get; set; }

    public int NomineeNumber { get; set; }

    public required string SheetId { get; set; }

    public int Line { get; set; }

    /// <summary>The IIN as a number when the sheet's IIN was valid; null otherwise.</summary>
    public long? SignerIin { get; set; }

    public DateOnly? SignedOn { get; set; }

    /// <summary>Code of the TEC whose unit the signer was registered in on the signing date; null if not on the register.</summary>
    public string? Tec { get; set; }

    /// <summary><c>valid</c> or <c>rejected</c>.</summary>
    public required string Outcome { get; set; }

    public string? Code { get; set; }

    public string? MessageKk { get; set; }

    public string? MessageRu { get; set; }

    public string? MessageEn { get; set; }

    /// <summary>The flagged patterns, comma-separated; null when none.</summary>
    public string? Flags { get; set; }
}

/// <summary>
/// A death recorded by the civil registry (the register itself keeps no deaths): a signer who died before the
/// signing date is flagged for the verification session.
/// </summary>
public sealed class DeathRecordRow
{
    public long Iin { get; set; }

    public DateOnly DiedOn { get; set; }
}

/// <summary>The signature verification's tables in the one model.</summary>
internal static class SignaturesModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SignatureBatchRow>(e =>
        {
            e.ToTable("signature_batches");
            e.Immutable();
            e.HasIndex(x => x.NomineeNumber);
        });
        modelBuilder.Entity<SignatureCheckRow>(e =>
        {
            e.ToTable("signature_checks");
            e.Immutable();
            e.HasIndex(x => new { x.NomineeNumber, x.SheetId, x.Line }).IsUnique().HasDatabaseName("ux_signature_checks_nominee_sheet_line");
            e.HasIndex(x => new { x.NomineeNumber, x.SignerIin }).HasDatabaseName("ix_signature_checks_nominee_signer");
            e.HasIndex(x => new { x.NomineeNumber, x.Tec }).HasDatabaseName("ix_signature_checks_nominee_tec");
            e.HasOne<SignatureBatchRow>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<DeathRecordRow>(e =>
        {
            e.ToTable("death_records");
            e.HasKey(x => x.Iin);
            e.Property(x => x.Iin).ValueGeneratedNever();
        });
    }
}
