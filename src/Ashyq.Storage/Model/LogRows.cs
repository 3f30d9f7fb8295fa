namespace Ashyq.Storage.Model;

/// <summary>
/// One entry of the transparency log: its position (dense, from 0), what it records, and the record's exact
/// bytes and leaf hash. Appended in the same transaction as the acceptance or decision it records; never updated.
/// </summary>
public sealed class LogEntryRow
{
    public long Index { get; set; }

    public required string Kind { get; set; }

    /// <summary>What the record is about: a precinct's code, a decision's number.</summary>
    public required string Subject { get; set; }

    public int Version { get; set; }

    public required byte[] Record { get; set; }

    public required byte[] LeafHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
