namespace Ashyq.Storage.Nomination;

/// <summary>One territorial unit's verified signatures of a nominee: valid, rejected per reason, flagged per pattern.</summary>
public sealed record UnitSignatureCounts(string Tec, long Valid, long Rejected, IReadOnlyDictionary<string, long> RejectedByCode, IReadOnlyDictionary<string, long> FlaggedByPattern);

/// <summary>A rejected signature with its reason, as the nominee may download it.</summary>
public sealed record RejectedSignatureLine(string SheetId, int Line, string Tec, string Code, string Message);

/// <summary>
/// What nomination reads of the signature verification (the signatures module's store): the counts per TEC and
/// the rejected lines. Nomination never reads the signature tables itself.
/// </summary>
public interface ISignatureTally
{
    Task<IReadOnlyList<UnitSignatureCounts>> CountsAsync(int nomineeNumber, CancellationToken ct = default);

    Task<IReadOnlyList<RejectedSignatureLine>> RejectionsAsync(int nomineeNumber, string? tec, CancellationToken ct = default);
}

/// <summary>The signatures module's store as nomination reads it.</summary>
public sealed class StoredSignatureTally(Signatures.SignatureStore store) : ISignatureTally
{
    public StoredSignatureTally(AshyqDbContext db, Core.Elections.ElectionDefinition definition, TimeProvider time)
        : this(new Signatures.SignatureStore(db, definition, time))
    {
    }

    public async Task<IReadOnlyList<UnitSignatureCounts>> CountsAsync(int nomineeNumber, CancellationToken ct = default) =>
        [.. (await store.CountsAsync(nomineeNumber, ct)).Select(c => new UnitSignatureCounts(
            c.Tec, c.Valid, c.Rejected, c.RejectedByCode.ToDictionary(r => r.Key, r => (long)r.Value), c.FlaggedByPattern.ToDictionary(r => r.Key, r => (long)r.Value)))];

    public async Task<IReadOnlyList<RejectedSignatureLine>> RejectionsAsync(int nomineeNumber, string? tec, CancellationToken ct = default) =>
        [.. (await store.RejectionsAsync(nomineeNumber, tec, ct)).Select(r => new RejectedSignatureLine(r.SheetId, r.Line, r.Tec, r.Code, r.Message))];
}
