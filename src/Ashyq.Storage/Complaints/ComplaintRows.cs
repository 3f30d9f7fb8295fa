using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Complaints;

/// <summary>
/// A complaint as received: never updated or deleted (a trigger refuses it). What happens to it is in the rows that
/// point to it: forwards, answers, hearings and decisions.
/// </summary>
public sealed class ComplaintCaseRow
{
    public long Id { get; set; }

    /// <summary>The case number, <c>YYYY-NNNNN</c>.</summary>
    public required string Number { get; set; }

    public int Year { get; set; }

    public int Serial { get; set; }

    public required string ComplainantKind { get; set; }

    /// <summary>Personal data for a person: shown to the staff of the bodies that handle the case, never published.</summary>
    public required string ComplainantName { get; set; }

    public string? ComplainantContact { get; set; }

    public required string SubjectKind { get; set; }

    public string? RespondentCommission { get; set; }

    public string? RespondentOfficial { get; set; }

    public DateOnly? ActDate { get; set; }

    public required string Facts { get; set; }

    /// <summary>JSON array of attachment metadata (name, type, size, SHA-256); the files themselves are not kept.</summary>
    public required string Attachments { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public required string ReceivedByKind { get; set; }

    public string? ReceivedByCommission { get; set; }

    public string? ReceivedByName { get; set; }

    public required string Channel { get; set; }

    public string? AppealOf { get; set; }

    public required string RegisteredBy { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
}

/// <summary>A case sent on to another body. Never updated or deleted.</summary>
public sealed class ComplaintForwardRow
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string FromKind { get; set; }

    public string? FromCommission { get; set; }

    public required string ToKind { get; set; }

    public string? ToCommission { get; set; }

    public string? ToName { get; set; }

    public DateOnly On { get; set; }

    public required string Reason { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>An official's letter in reply: recorded, not a decision. Never updated or deleted.</summary>
public sealed class ComplaintAnswerRow
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string Official { get; set; }

    public required string Position { get; set; }

    public DateOnly Date { get; set; }

    public required string Text { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A complaint put to the vote at a session: the proposed outcome, reasons, facts found and remedy, and the number
/// the decision will have. Written before the vote; a <see cref="ComplaintDecisionRow"/> links it to the decision
/// once voted. A hearing without one is a vote that did not happen (refused, or interrupted: then completed from the
/// stored decision on the next step).
/// </summary>
public sealed class ComplaintHearingRow
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public long SessionId { get; set; }

    public required string Commission { get; set; }

    public required string DecisionNumber { get; set; }

    public required string Outcome { get; set; }

    public required string Reasons { get; set; }

    public required string FactsFound { get; set; }

    public required string Remedy { get; set; }

    public string? LateRule { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A hearing's decision, voted at the session and published: the link case → decision. Never updated or deleted.</summary>
public sealed class ComplaintDecisionRow
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public long HearingId { get; set; }

    public long DecisionId { get; set; }

    /// <summary>The n-th decision on the case: the version of its record in the log.</summary>
    public int Version { get; set; }

    public long LogIndex { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A court's or prosecutor's decision on a case, published when recorded. Never updated or deleted.</summary>
public sealed class ComplaintCourtDecisionRow
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string CourtKind { get; set; }

    public string? CourtName { get; set; }

    public DateOnly Date { get; set; }

    public required string Outcome { get; set; }

    public required string Reasons { get; set; }

    public string? LateRuleCited { get; set; }

    public bool CompetenceDeclined { get; set; }

    public int Version { get; set; }

    public long LogIndex { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal static class ComplaintsModel
{
    /// <summary>A complaint's case and every step of it are kept as they were made: a later step is a new row.</summary>
    private static readonly StoreRefusal ComplaintRecord = new()
    {
        Code = "COMPLAINT.IMMUTABLE",
        Function = "complaint_rows_immutable",
        Message = "a row of % cannot change or be deleted (id %)",
        Arguments = "TG_TABLE_NAME, OLD.id",
    };

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ComplaintCaseRow>(e =>
        {
            e.ToTable("complaint_cases");
            e.Immutable(ComplaintRecord);
            e.HasIndex(x => x.Number).IsUnique().HasDatabaseName("ux_complaint_cases_number");
            e.HasIndex(x => new { x.Year, x.Serial }).IsUnique().HasDatabaseName("ux_complaint_cases_year_serial");
        });
        modelBuilder.Entity<ComplaintForwardRow>(e =>
        {
            e.ToTable("complaint_forwards");
            e.Immutable(ComplaintRecord);
            e.HasIndex(x => x.CaseId);
            e.HasOne<ComplaintCaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ComplaintAnswerRow>(e =>
        {
            e.ToTable("complaint_answers");
            e.Immutable(ComplaintRecord);
            e.HasIndex(x => x.CaseId);
            e.HasOne<ComplaintCaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ComplaintHearingRow>(e =>
        {
            e.ToTable("complaint_hearings");
            e.HasIndex(x => x.CaseId);
            e.HasOne<ComplaintCaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Model.SessionRow>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ComplaintDecisionRow>(e =>
        {
            e.ToTable("complaint_decisions");
            e.Immutable(ComplaintRecord);
            e.HasIndex(x => x.HearingId).IsUnique();
            e.HasIndex(x => x.DecisionId).IsUnique();
            e.HasIndex(x => new { x.CaseId, x.Version }).IsUnique();
            e.HasOne<ComplaintCaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ComplaintHearingRow>().WithMany().HasForeignKey(x => x.HearingId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Model.DecisionRow>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ComplaintCourtDecisionRow>(e =>
        {
            e.ToTable("complaint_court_decisions");
            e.Immutable(ComplaintRecord);
            e.HasIndex(x => x.CaseId);
            e.HasOne<ComplaintCaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
