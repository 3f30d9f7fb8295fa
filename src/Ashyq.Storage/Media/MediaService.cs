using System.Security.Cryptography;
using System.Text;
using Ashyq.Core.Elections;
using Ashyq.Core.Media;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Media;

/// <summary>What an import did: the items accepted, or every error of the rows refused (then nothing was written).</summary>
public sealed record MediaImportReport(int? ImportId, string FileName, string Sha256, long Rows, int Accepted, IReadOnlyList<MediaRowError> Errors, bool AlreadyImported)
{
    public bool Refused => Errors.Count > 0;
}

/// <summary>The monitoring figures of the store, with what is needed to name their subjects.</summary>
public sealed record MediaStoreReport(MediaReport Report, CandidateDirectory Candidates, MediaRules? Rules, int Items);

/// <summary>
/// The monitored items of the store. A file is imported whole or not at all: one bad row refuses the file with every
/// bad row named, and the file's items are written in one transaction, so a refused or interrupted import loses
/// nothing accepted before and leaves no half file. Figures are computed from the stored items by
/// <see cref="MediaStatistics"/>, never stored.
/// </summary>
public sealed class MediaService(AshyqDbContext db, TimeProvider time)
{
    /// <summary>Imports a monitoring CSV (<see cref="MediaCsv"/>); the same file (by SHA-256) is not imported twice.</summary>
    public async Task<MediaImportReport> ImportCsvAsync(string path, string importedBy, CancellationToken ct = default)
    {
        var (definition, candidates, zone) = await ContextAsync(ct);
        _ = definition;
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var name = Path.GetFileName(path);
        if (await db.Set<MediaImportRow>().AnyAsync(i => i.Sha256 == sha && i.Source == "csv", ct))
        {
            return new(null, name, sha, 0, 0, [], AlreadyImported: true);
        }

        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: false);
        using var reader = new StringReader(decoder.GetString(bytes));
        var read = MediaCsv.Read(reader, candidates, zone);
        if (read.Errors.Count > 0)
        {
            return new(null, name, sha, read.Rows, 0, read.Errors, false);
        }

        var id = await WriteAsync("csv", name, sha, importedBy, read.Items, ct);
        return new(id, name, sha, read.Rows, read.Items.Count, [], false);
    }

    /// <summary>Records one item a monitor entered in the form; the errors of the entry, or none when it was recorded.</summary>
    public async Task<IReadOnlyList<MediaRowError>> EnterAsync(MediaEntry entry, string monitorAccount, CancellationToken ct = default)
    {
        var (_, candidates, zone) = await ContextAsync(ct);
        var (item, errors) = MediaCsv.Check(1, entry, candidates, zone);
        if (item is null)
        {
            return errors;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{monitorAccount}|{time.GetUtcNow():O}|{item}")));
        await WriteAsync("form", "form", sha, monitorAccount, [item], ct);
        return [];
    }

    /// <summary>Seeds the demo world's monitoring sample (<see cref="MediaSample"/>) when the store holds no items; returns the items written.</summary>
    public async Task<int> SeedDemoAsync(long seed, CancellationToken ct = default)
    {
        if (await db.Set<MediaItemRow>().AnyAsync(ct))
        {
            return 0;
        }

        var (definition, _, _) = await ContextAsync(ct);
        var items = MediaSample.Generate(definition, seed);
        if (items.Count == 0)
        {
            return 0;
        }

        await WriteAsync("demo", "demo-sample", "seed-" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "demo", items, ct);
        return items.Count;
    }

    /// <summary>Every stored item, in the order it was recorded.</summary>
    public async Task<IReadOnlyList<MediaItem>> ItemsAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<MediaItemRow>().AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        return [.. rows.Select(ToItem)];
    }

    /// <summary>The figures of every stored item; null when the store holds no election.</summary>
    public async Task<MediaStoreReport?> ReportAsync(CancellationToken ct = default)
    {
        var definition = await new ElectionQueries(db).DefinitionAsync(ct);
        if (definition is null)
        {
            return null;
        }

        var candidates = new CandidateDirectory(definition.Candidates.Registered);
        var items = await ItemsAsync(ct);
        return new(MediaStatistics.Report(items, candidates, definition.Media, Zone(definition)), candidates, definition.Media, items.Count);
    }

    /// <summary>The election's candidates (for the entry form), or null when the store holds no election.</summary>
    public async Task<CandidateDirectory?> CandidatesAsync(CancellationToken ct = default)
    {
        var definition = await new ElectionQueries(db).DefinitionAsync(ct);
        return definition is null ? null : new CandidateDirectory(definition.Candidates.Registered);
    }

    public static TimeZoneInfo Zone(ElectionDefinition definition) => TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone);

    private async Task<(ElectionDefinition, CandidateDirectory, TimeZoneInfo)> ContextAsync(CancellationToken ct)
    {
        var definition = await new ElectionQueries(db).DefinitionAsync(ct)
            ?? throw new MediaStoreException("the store holds no election: generate or import one first (its candidates are what the items name)");
        return (definition, new CandidateDirectory(definition.Candidates.Registered), Zone(definition));
    }

    private async Task<int> WriteAsync(string source, string name, string sha, string by, IReadOnlyList<MediaItem> items, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = new MediaImportRow { Source = source, FileName = name, Sha256 = sha, ImportedAt = time.GetUtcNow(), ImportedBy = by, Items = items.Count };
        db.Add(batch);
        await db.SaveChangesAsync(ct);
        var previous = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.AddRange(items.Select(i => new MediaItemRow
            {
                ImportId = batch.Id,
                Outlet = i.Outlet,
                OutletKind = i.OutletKind.Word(),
                AiredAt = i.AiredAt.ToUniversalTime(),
                Programme = i.Programme,
                Kind = i.Kind.Word(),
                Subject = i.Subject,
                CandidateCode = i.CandidateCode,
                Amount = i.Amount,
                Tone = i.Tone.Word(),
                Monitor = i.Monitor,
            }));
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previous;
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return batch.Id;
    }

    private static MediaItem ToItem(MediaItemRow r)
    {
        MediaVocabulary.TryOutletKind(r.OutletKind, out var outletKind);
        MediaVocabulary.TryKind(r.Kind, out var kind);
        MediaVocabulary.TryTone(r.Tone, out var tone);
        return new MediaItem(r.Outlet, outletKind, r.AiredAt, r.Programme, kind, r.Subject, r.CandidateCode, r.Amount, tone, r.Monitor);
    }
}

/// <summary>A monitoring operation the store cannot do (no election yet); a user's mistake, not a crash.</summary>
public sealed class MediaStoreException(string message) : Exception(message);
