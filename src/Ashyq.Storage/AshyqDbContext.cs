using System.Text;
using Ashyq.Storage.Model;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage;

/// <summary>
/// The one model of the store. Each provider has its own subclass so that each keeps its own migrations
/// (<c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>); tables and columns are snake_case on both, so the bulk
/// paths can name them.
/// </summary>
public abstract class AshyqDbContext(DbContextOptions options) : IdentityDbContext<AshyqUser>(options)
{
    public DbSet<ElectionRow> Elections => Set<ElectionRow>();

    public DbSet<CommissionRow> Commissions => Set<CommissionRow>();

    public DbSet<MemberRow> Members => Set<MemberRow>();

    public DbSet<NomineeRow> Nominees => Set<NomineeRow>();

    public DbSet<VoterRow> Voters => Set<VoterRow>();

    public DbSet<ProtocolVersionRow> ProtocolVersions => Set<ProtocolVersionRow>();

    public DbSet<ProtocolViolationRow> ProtocolViolations => Set<ProtocolViolationRow>();

    public DbSet<TallyRow> Tallies => Set<TallyRow>();

    public DbSet<LogEntryRow> LogEntries => Set<LogEntryRow>();

    public DbSet<SessionRow> Sessions => Set<SessionRow>();

    public DbSet<DecisionRow> Decisions => Set<DecisionRow>();

    public DbSet<AuditEventRow> AuditEvents => Set<AuditEventRow>();

    public DbSet<Register.RegisterImportRow> RegisterImports => Set<Register.RegisterImportRow>();

    public DbSet<Register.DuplicatePairRow> DuplicatePairs => Set<Register.DuplicatePairRow>();

    public DbSet<Register.VoterTransferRow> VoterTransfers => Set<Register.VoterTransferRow>();

    public DbSet<Nomination.ProxyRow> Proxies => Set<Nomination.ProxyRow>();

    public DbSet<Observation.ObserverOrganizationRow> ObserverOrganizations => Set<Observation.ObserverOrganizationRow>();

    public DbSet<Observation.ObserverRow> Observers => Set<Observation.ObserverRow>();

    public DbSet<Observation.ObserverTeamRow> ObserverTeams => Set<Observation.ObserverTeamRow>();

    public DbSet<Observation.ObservationSubmissionRow> ObservationSubmissions => Set<Observation.ObservationSubmissionRow>();

    public DbSet<Signatures.SignatureBatchRow> SignatureBatches => Set<Signatures.SignatureBatchRow>();

    public DbSet<Signatures.SignatureCheckRow> SignatureChecks => Set<Signatures.SignatureCheckRow>();

    public DbSet<Signatures.DeathRecordRow> DeathRecords => Set<Signatures.DeathRecordRow>();

    public DbSet<Complaints.ComplaintCaseRow> ComplaintCases => Set<Complaints.ComplaintCaseRow>();

    public DbSet<Complaints.ComplaintForwardRow> ComplaintForwards => Set<Complaints.ComplaintForwardRow>();

    public DbSet<Complaints.ComplaintAnswerRow> ComplaintAnswers => Set<Complaints.ComplaintAnswerRow>();

    public DbSet<Complaints.ComplaintHearingRow> ComplaintHearings => Set<Complaints.ComplaintHearingRow>();

    public DbSet<Complaints.ComplaintDecisionRow> ComplaintDecisions => Set<Complaints.ComplaintDecisionRow>();

    public DbSet<Complaints.ComplaintCourtDecisionRow> ComplaintCourtDecisions => Set<Complaints.ComplaintCourtDecisionRow>();

    public DbSet<QuickCount.QuickCountSampleRow> QuickCountSamples => Set<QuickCount.QuickCountSampleRow>();

    public DbSet<QuickCount.QuickCountStratumRow> QuickCountStrata => Set<QuickCount.QuickCountStratumRow>();

    public DbSet<QuickCount.QuickCountStationRow> QuickCountStations => Set<QuickCount.QuickCountStationRow>();

    public DbSet<QuickCount.QuickCountReportRow> QuickCountReports => Set<QuickCount.QuickCountReportRow>();

    public DbSet<Media.MediaImportRow> MediaImports => Set<Media.MediaImportRow>();

    public DbSet<Media.MediaItemRow> MediaItems => Set<Media.MediaItemRow>();

    public abstract StoreKind Kind { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AshyqUser>(e => e.HasIndex(x => x.CommissionCode));
        modelBuilder.Entity<ElectionRow>(e =>
        {
            e.ToTable("elections");
            e.HasIndex(x => x.DefinitionId);
            e.HasMany(x => x.Commissions).WithOne().HasForeignKey(c => c.ElectionId);
        });
        modelBuilder.Entity<CommissionRow>(e =>
        {
            e.ToTable("commissions");
            e.HasIndex(x => new { x.ElectionId, x.Code }).IsUnique();
            e.HasIndex(x => new { x.ElectionId, x.Level });
            e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.CommissionId);
        });
        modelBuilder.Entity<MemberRow>(e => e.ToTable("members"));
        modelBuilder.Entity<NomineeRow>(e =>
        {
            e.ToTable("nominees");
            e.HasOne<ElectionRow>().WithMany().HasForeignKey(x => x.ElectionId);
        });
        modelBuilder.Entity<VoterRow>(e =>
        {
            e.ToTable("voters");
            e.HasIndex(x => x.Iin).IsUnique().HasDatabaseName("ux_voters_iin");
            e.HasIndex(x => x.PrecinctId).HasDatabaseName("ix_voters_precinct_id");
            e.HasOne<CommissionRow>().WithMany().HasForeignKey(x => x.PrecinctId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ProtocolVersionRow>(e =>
        {
            e.ToTable("protocol_versions");
            e.Immutable(AcceptedVersion, when: "OLD.state = 'Accepted'");
            e.HasIndex(x => new { x.PrecinctId, x.Number }).IsUnique().HasDatabaseName("ux_protocol_versions_precinct_number");
            e.HasOne<CommissionRow>().WithMany().HasForeignKey(x => x.PrecinctId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<ProtocolViolationRow>(e =>
        {
            e.ToTable("protocol_violations");
            e.HasIndex(x => x.VersionId);
            e.HasIndex(x => x.RelationCode);
            e.HasOne<ProtocolVersionRow>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<TallyRow>(e =>
        {
            e.ToTable("tallies");
            e.HasKey(x => x.CommissionId);
            e.Property(x => x.CommissionId).ValueGeneratedNever();
            e.HasOne<CommissionRow>().WithMany().HasForeignKey(x => x.CommissionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<LogEntryRow>(e =>
        {
            e.ToTable("log_entries");
            e.Immutable(LogEntry);
            e.HasKey(x => x.Index);
            e.Property(x => x.Index).ValueGeneratedNever();
            e.HasIndex(x => new { x.Kind, x.Subject, x.Version }).IsUnique();
        });

        modelBuilder.Entity<SessionRow>(e =>
        {
            e.ToTable("sessions");
            e.HasOne<CommissionRow>().WithMany().HasForeignKey(x => x.CommissionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<DecisionRow>(e =>
        {
            e.ToTable("decisions");
            e.Immutable();
            e.HasIndex(x => new { x.CommissionId, x.Number }).IsUnique();
            e.HasOne<SessionRow>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CommissionRow>().WithMany().HasForeignKey(x => x.CommissionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<AuditEventRow>(e =>
        {
            e.ToTable("audit_events");
            e.Immutable();
            e.HasIndex(x => x.At);
            e.HasIndex(x => x.Subject);
            e.Property(x => x.Disposition).HasDefaultValue("success");
        });

        Register.RegisterModel.Configure(modelBuilder);
        Signatures.SignaturesModel.Configure(modelBuilder);
        Nomination.NominationModel.Configure(modelBuilder);
        Observation.ObservationModel.Configure(modelBuilder);
        Media.MediaModel.Configure(modelBuilder);
        Complaints.ComplaintsModel.Configure(modelBuilder);
        QuickCount.QuickCountModel.Configure(modelBuilder);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }

        StoreTriggers.Render(modelBuilder, Kind);
    }

    /// <summary>An accepted protocol version is the record of a precinct's count: a correction is a new version.</summary>
    private static readonly StoreRefusal AcceptedVersion = new()
    {
        Code = "VERSION.IMMUTABLE",
        Row = "an accepted protocol version",
        SqliteTriggers = "protocol_versions_accepted",
        Function = "protocol_versions_immutable",
        Message = "an accepted protocol version cannot change (precinct %, version %)",
        Arguments = "OLD.precinct_id, OLD.number",
    };

    /// <summary>The transparency log is append-only: its published tiles and checkpoints commit to every entry.</summary>
    private static readonly StoreRefusal LogEntry = new()
    {
        Code = "LOG.APPEND-ONLY",
        Row = "a log entry",
        PostgresTrigger = "log_entries_append_only",
        Function = "log_entries_append_only",
        Message = "a log entry cannot change or be deleted (index %)",
        Arguments = "OLD.index",
    };

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}

public enum StoreKind
{
    Sqlite,
    Postgres,
}

public sealed class SqliteAshyqDbContext(DbContextOptions<SqliteAshyqDbContext> options) : AshyqDbContext(options)
{
    public override StoreKind Kind => StoreKind.Sqlite;
}

public sealed class PostgresAshyqDbContext(DbContextOptions<PostgresAshyqDbContext> options) : AshyqDbContext(options)
{
    public override StoreKind Kind => StoreKind.Postgres;
}
