namespace Ashyq.Storage.Model;

/// <summary>A session of a commission: when, the agenda, who attended (members by id, observers, media).</summary>
public sealed class SessionRow
{
    public long Id { get; set; }

    public int CommissionId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>JSON array of agenda items.</summary>
    public required string Agenda { get; set; }

    /// <summary>JSON array of the ids of the members present.</summary>
    public required string Present { get; set; }

    public required string Observers { get; set; }

    public required string Media { get; set; }

    public required string OpenedBy { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
}

/// <summary>
/// A decision: the outcome of a vote at a session, with every vote recorded. Never updated or deleted (a trigger
/// in the store refuses it); a decision is changed only by another decision.
/// </summary>
public sealed class DecisionRow
{
    public long Id { get; set; }

    public long SessionId { get; set; }

    public int CommissionId { get; set; }

    public required string Number { get; set; }

    public DateOnly Date { get; set; }

    public required string Subject { get; set; }

    public required string Text { get; set; }

    public bool Adopted { get; set; }

    /// <summary>JSON object: member id → For, Against or Abstain.</summary>
    public required string Votes { get; set; }

    public required string ConsultativePresent { get; set; }

    public required string DissentingOpinions { get; set; }

    public int TotalMembership { get; set; }

    public int Present { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// One audit event: who (a copy of the user name, so the trail survives the account), from which commission's
/// account, which event of the catalogue (<see cref="Ashyq.Core.Audit.AuditEvents"/>), on what, when, and how it
/// ended. Never updated or deleted.
/// </summary>
public sealed class AuditEventRow
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string User { get; set; }

    public required string Commission { get; set; }

    /// <summary>The catalogue id of the event, e.g. <c>protocol.accepted</c>.</summary>
    public required string Action { get; set; }

    public required string Subject { get; set; }

    public string? Detail { get; set; }

    /// <summary>How this occurrence ended: <c>success</c>, <c>failure</c>, <c>na</c> or <c>other</c> (NIST SP 1500-101).</summary>
    public string Disposition { get; set; } = "success";

    /// <summary>For the completion of a long action, the id of the start event it closes.</summary>
    public long? StartEventId { get; set; }
}
