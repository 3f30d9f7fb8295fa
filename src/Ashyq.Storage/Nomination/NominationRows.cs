using Ashyq.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Nomination;

/// <summary>
/// A nominee's file at the CEC: how they were nominated and the facts each eligibility requirement is judged on.
/// The IIN stays here (age is computed from it); it is never published.
/// </summary>
public sealed class NominationFileRow
{
    public int Id { get; set; }

    public int NomineeId { get; set; }

    /// <summary><c>self</c>, <c>public-association</c> or <c>political-party</c>.</summary>
    public required string Kind { get; set; }

    public string? Organization { get; set; }

    public DateOnly NominatedOn { get; set; }

    public long Iin { get; set; }

    public bool CitizenByBirth { get; set; }

    public required string BirthPlace { get; set; }

    public DateOnly ResidentSince { get; set; }

    public bool HasUnexpungedCriminalRecord { get; set; }

    public bool HasSpouse { get; set; }

    public decimal DepositPaid { get; set; }

    public DateOnly? DepositPaidOn { get; set; }

    public DateOnly? NomineeDeclarationOn { get; set; }

    public DateOnly? SpouseDeclarationOn { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A document of a nomination file (metadata only: the copy itself is kept by the CEC's office).</summary>
public sealed class NominationDocumentRow
{
    public long Id { get; set; }

    public int NomineeId { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public string? Sha256 { get; set; }
}

/// <summary>The state-language test's criteria as the CEC published them, before any test was taken.</summary>
public sealed class LanguageCriteriaRow
{
    public int Id { get; set; }

    public DateOnly PublishedOn { get; set; }

    public int MaximumErrors { get; set; }

    /// <summary>JSON array of the error categories.</summary>
    public required string Categories { get; set; }
}

/// <summary>A nominee's state-language test: the text they wrote, judged by the criteria in force.</summary>
public sealed class LanguageTestRow
{
    public int Id { get; set; }

    public int NomineeId { get; set; }

    public int CriteriaId { get; set; }

    public DateOnly TakenOn { get; set; }

    public required string Text { get; set; }
}

/// <summary>An examination of a test: the Linguistic Commission's, or a court's on appeal, with its conclusion.</summary>
public sealed class LanguageExaminationRow
{
    public int Id { get; set; }

    public int TestId { get; set; }

    /// <summary>The order of the examinations of one test: 1 the commission, 2 an appeal, …</summary>
    public int Sequence { get; set; }

    public required string Stage { get; set; }

    public required string Body { get; set; }

    public DateOnly ConcludedOn { get; set; }

    /// <summary><c>pass</c> or <c>fail</c>.</summary>
    public required string Conclusion { get; set; }
}

/// <summary>One error an examiner found in the test text.</summary>
public sealed class LanguageErrorRow
{
    public long Id { get; set; }

    public int ExaminationId { get; set; }

    public required string Category { get; set; }

    public int Position { get; set; }

    public int Length { get; set; }

    public required string Examiner { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// A nominee's proxy at a polling station, holding one of the station's numbered places (1..the limit). The
/// unique index on (nominee, station, place) is what keeps the limit when registrations race.
/// </summary>
public sealed class ProxyRow
{
    public long Id { get; set; }

    public int NomineeId { get; set; }

    public int PrecinctId { get; set; }

    public int Slot { get; set; }

    public required string FullName { get; set; }

    /// <summary>How to reach the proxy (phone or e-mail) for notices; never published.</summary>
    public string? Contact { get; set; }

    public DateOnly RegisteredOn { get; set; }

    public required string RegisteredBy { get; set; }
}

/// <summary>A territorial commission's session verifying one nominee's signatures, and the protocol it adopted.</summary>
public sealed class VerificationSessionRow
{
    public int Id { get; set; }

    public int NomineeId { get; set; }

    public int CommissionId { get; set; }

    public DateTimeOffset ScheduledAt { get; set; }

    public required string Place { get; set; }

    public required string ScheduledBy { get; set; }

    /// <summary>The commission's session at which the protocol was adopted; null until then.</summary>
    public long? SessionId { get; set; }

    public long? DecisionId { get; set; }

    public string? DecisionNumber { get; set; }

    /// <summary>The published protocol (canonical JSON) once adopted.</summary>
    public byte[]? Protocol { get; set; }

    public long? LogIndex { get; set; }
}

/// <summary>A notice of a verification session: to whom, how, when; and whether they attended.</summary>
public sealed class VerificationNoticeRow
{
    public long Id { get; set; }

    public int VerificationId { get; set; }

    public long? ProxyId { get; set; }

    public required string Recipient { get; set; }

    /// <summary><c>nominee</c> or <c>proxy</c>.</summary>
    public required string Role { get; set; }

    public required string Channel { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public required string SentBy { get; set; }

    public bool? Attended { get; set; }
}

/// <summary>The CEC's decision on a nominee's registration: the decision voted, the requirements it checked, its record.</summary>
public sealed class RegistrationDecisionRow
{
    public int Id { get; set; }

    public int NomineeId { get; set; }

    public long DecisionId { get; set; }

    public required string DecisionNumber { get; set; }

    public bool Registered { get; set; }

    public string? UnmetCode { get; set; }

    /// <summary>The published record (canonical JSON).</summary>
    public required byte[] Record { get; set; }

    public long LogIndex { get; set; }
}

/// <summary>The nomination module's tables.</summary>
public static class NominationModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<NominationFileRow>(e =>
        {
            e.ToTable("nomination_files");
            e.HasIndex(x => x.NomineeId).IsUnique();
            e.Property(x => x.DepositPaid).HasPrecision(18, 2);
            e.HasOne<NomineeRow>().WithMany().HasForeignKey(x => x.NomineeId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<NominationDocumentRow>(e =>
        {
            e.ToTable("nomination_documents");
            e.HasIndex(x => x.NomineeId);
            e.HasOne<NomineeRow>().WithMany().HasForeignKey(x => x.NomineeId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<LanguageCriteriaRow>(e =>
        {
            e.ToTable("language_criteria");
            e.Immutable();
        });
        modelBuilder.Entity<LanguageTestRow>(e =>
        {
            e.ToTable("language_tests");
            e.HasIndex(x => x.NomineeId).IsUnique();
            e.HasOne<NomineeRow>().WithMany().HasForeignKey(x => x.NomineeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<LanguageCriteriaRow>().WithMany().HasForeignKey(x => x.CriteriaId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<LanguageExaminationRow>(e =>
        {
            e.ToTable("language_examinations");
            e.Immutable();
            e.HasIndex(x => new { x.TestId, x.Sequence }).IsUnique();
            e.HasOne<LanguageTestRow>().WithMany().HasForeignKey(x => x.TestId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<LanguageErrorRow>(e =>
        {
            e.ToTable("language_errors");
            e.Immutable();
            e.HasIndex(x => x.ExaminationId);
            e.HasOne<LanguageExaminationRow>().WithMany().HasForeignKey(x => x.ExaminationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ProxyRow>(e =>
        {
            e.ToTable("proxies");
            e.HasIndex(x => new { x.NomineeId, x.PrecinctId, x.Slot }).IsUnique().HasDatabaseName("ux_proxies_nominee_precinct_slot");
            e.HasIndex(x => x.PrecinctId);
            e.ToTable(t => t.HasCheckConstraint("ck_proxies_slot", "slot >= 1"));
            e.HasOne<NomineeRow>().WithMany().HasForeignKey(x => x.NomineeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CommissionRow>().WithMany().HasForeignKey(x => x.PrecinctId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<VerificationSessionRow>(e =>
        {
            e.ToTable("verification_sessions");
            e.HasIndex(x => new { x.NomineeId, x.CommissionId });
            e.HasOne<NomineeRow>().WithMany().HasForeignKey(x => x.NomineeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CommissionRow>().WithMany().HasForeignKey(x => x.CommissionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<DecisionRow>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<VerificationNoticeRow>(e =>
        {
            e.ToTable("verification_notices");
            e.HasIndex(x => x.VerificationId);
            e.HasOne<VerificationSessionRow>().WithMany().HasForeignKey(x => x.VerificationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<RegistrationDecisionRow>(e =>
        {
            e.ToTable("registration_decisions");
            e.Immutable();
            e.HasIndex(x => x.NomineeId).IsUnique();
            e.HasOne<NomineeRow>().WithMany().HasForeignKey(x => x.NomineeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<DecisionRow>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
