using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Observation;

/// <summary>An organization that sends observers: a party, a public association or an international mission.</summary>
public sealed class ObserverOrganizationRow
{
    public int Id { get; set; }

    /// <summary>Unique, e.g. <c>IEOM-2011</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary><c>PoliticalParty</c>, <c>PublicAssociation</c> or <c>InternationalMission</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>Experts of a mission's core team (not deployed as observers).</summary>
    public int Experts { get; set; }
}

/// <summary>An observer: domestic on a nominating letter and an ID, or international on the CEC's accreditation decision.</summary>
public sealed class ObserverRow
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public required string Name { get; set; }

    /// <summary><c>LongTerm</c> or <c>ShortTerm</c>.</summary>
    public required string Term { get; set; }

    public string? NominatingLetter { get; set; }

    /// <summary>Domestic: the IIN from the ID shown (never published).</summary>
    public long? Iin { get; set; }

    /// <summary>Domestic: the code of the commission observed.</summary>
    public string? Commission { get; set; }

    public string? Country { get; set; }

    /// <summary>International: the CEC decision that accredits the observer.</summary>
    public long? AccreditationDecisionId { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
}

/// <summary>A team: observers deployed together to a region, long- or short-term.</summary>
public sealed class ObserverTeamRow
{
    public int Id { get; set; }

    /// <summary>Unique, e.g. <c>STO-001</c>; the <c>team</c> of the submissions it files.</summary>
    public required string Code { get; set; }

    public int OrganizationId { get; set; }

    public required string Term { get; set; }

    /// <summary>The territorial commission of the region the team is deployed to.</summary>
    public required string Region { get; set; }
}

/// <summary>An observer's place in a team.</summary>
public sealed class ObserverTeamMemberRow
{
    public int TeamId { get; set; }

    public int ObserverId { get; set; }
}

/// <summary>A unit on a team's deployment plan, in the order of its route.</summary>
public sealed class ObserverDeploymentRow
{
    public int TeamId { get; set; }

    public int Position { get; set; }

    /// <summary>The commission's code (a polling station, a DEC).</summary>
    public required string Unit { get; set; }
}

/// <summary>One filled form, as received. The id is the client's: the same id received again is the same submission.</summary>
public sealed class ObservationSubmissionRow
{
    public long Id { get; set; }

    /// <summary>Unique: the client-generated id (idempotency key).</summary>
    public required string SubmissionId { get; set; }

    /// <summary>The forms file's id and version the answers follow.</summary>
    public required string FormsId { get; set; }

    public required string FormsVersion { get; set; }

    /// <summary><c>opening</c>, <c>voting</c>, <c>counting</c> or <c>tabulation</c>.</summary>
    public required string Form { get; set; }

    public required string Unit { get; set; }

    public required string Team { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary><c>app</c>, <c>import</c> or <c>demo</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The account or file it came from.</summary>
    public required string ReceivedFrom { get; set; }

    /// <summary>JSON object: question code → answer.</summary>
    public required string Answers { get; set; }
}

/// <summary>The observation tables in the one model.</summary>
internal static class ObservationModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ObserverOrganizationRow>(e =>
        {
            e.ToTable("observer_organizations");
            e.HasIndex(x => x.Code).IsUnique();
        });
        modelBuilder.Entity<ObserverRow>(e =>
        {
            e.ToTable("observers");
            e.HasIndex(x => x.OrganizationId);
            e.HasOne<ObserverOrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Model.DecisionRow>().WithMany().HasForeignKey(x => x.AccreditationDecisionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ObserverTeamRow>(e =>
        {
            e.ToTable("observer_teams");
            e.HasIndex(x => x.Code).IsUnique();
            e.HasOne<ObserverOrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ObserverTeamMemberRow>(e =>
        {
            e.ToTable("observer_team_members");
            e.HasKey(x => new { x.TeamId, x.ObserverId });
            e.HasOne<ObserverTeamRow>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ObserverRow>().WithMany().HasForeignKey(x => x.ObserverId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ObserverDeploymentRow>(e =>
        {
            e.ToTable("observer_deployments");
            e.HasKey(x => new { x.TeamId, x.Position });
            e.HasOne<ObserverTeamRow>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ObservationSubmissionRow>(e =>
        {
            e.ToTable("observation_submissions");
            e.Immutable();
            e.HasIndex(x => x.SubmissionId).IsUnique().HasDatabaseName("ux_observation_submissions_submission_id");
            e.HasIndex(x => new { x.Form, x.Unit });
        });
    }
}
