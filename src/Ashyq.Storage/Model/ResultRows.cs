namespace Ashyq.Storage.Model;

/// <summary>
/// One version of one precinct's results protocol. Once <see cref="State"/> is <c>Accepted</c> the row cannot be
/// updated or deleted: a trigger in the store refuses it (migration <c>Results</c>), whatever the code above does.
/// </summary>
public sealed class ProtocolVersionRow
{
    public long Id { get; set; }

    public int PrecinctId { get; set; }

    public int Number { get; set; }

    public required string State { get; set; }

    /// <summary>The definitive values as a JSON array in the form's line order; null until definitive.</summary>
    public string? Values { get; set; }

    /// <summary>
    /// The whole version (entries, signatures, acknowledgements, events) as JSON; null for a version imported as
    /// published, which holds nothing beyond its columns (values, who accepted it, when) and is rebuilt from them.
    /// </summary>
    public string? Snapshot { get; set; }

    public bool EnteredElsewhere { get; set; }

    /// <summary>For a correction: the decision it cites, as JSON.</summary>
    public string? CorrectionDecision { get; set; }

    public string? AcceptedBy { get; set; }

    public string? AcceptedByCommission { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>Bumped on every save: two people saving the same version at once cannot both win.</summary>
    public int Revision { get; set; }
}

/// <summary>A control relation that a stored protocol version breaks (an imported official protocol keeps its violations).</summary>
public sealed class ProtocolViolationRow
{
    public long Id { get; set; }

    public long VersionId { get; set; }

    public required string RelationCode { get; set; }
}

/// <summary>
/// A commission's running totals: how many of its precincts there are and how many have an accepted protocol, and
/// the sum of their accepted protocols, one total per line in the form's order — one row per commission, so that an
/// acceptance updates one row at each level above the precinct.
/// </summary>
public sealed class TallyRow
{
    public int CommissionId { get; set; }

    public int Precincts { get; set; }

    public int Accepted { get; set; }

    /// <summary>One total per protocol line, in the form's order (bigint[] on PostgreSQL, a JSON array on SQLite).</summary>
    public required long[] Totals { get; set; }
}
