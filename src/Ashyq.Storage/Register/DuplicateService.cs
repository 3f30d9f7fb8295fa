using System.Diagnostics;
using System.Globalization;
using Ashyq.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Register;

/// <summary>A pair as reported: the two registrations (source ids), the score, the evidence, and its review.</summary>
public sealed record DuplicatePairView(long Id, string A, string B, double Score, string Kind, string Evidence, string Status, string? DecidedBy, string? Note);

/// <summary>What a detection run found and how long its parts took.</summary>
public sealed record DuplicateReport(
    IReadOnlyList<DuplicatePairView> Pairs,
    long Registrations,
    int NewPairs,
    TimeSpan Load,
    TimeSpan Detect,
    TimeSpan Total);

/// <summary>Precision, recall and F1 of the pairs found against the pairs known to be duplicates.</summary>
public sealed record DuplicateEvaluation(long Truth, long Found, long TruePositives, double Precision, double Recall, double F1, IReadOnlyDictionary<string, double> RecallByKind);

/// <summary>
/// Register-wide duplicate detection and its review queue. Pairs with the same IIN come from the imports (a second
/// registration of an IIN is refused and queued); pairs with different IINs come from
/// <see cref="DuplicateDetector"/> over the whole register. Every pair is stored once, with its status: a register
/// official confirms or dismisses it, and the decision is recorded with who made it and when.
/// </summary>
public sealed class DuplicateService(AshyqDbContext db, TimeProvider time)
{
    public const string SameIinKind = "same-iin";
    public const string SimilarKind = "similar";
    public const string Open = "open";
    public const string Confirmed = "confirmed";
    public const string Dismissed = "dismissed";

    /// <summary>Runs detection over the whole register, queues the pairs not yet queued, and returns every pair.</summary>
    public async Task<DuplicateReport> DetectAsync(double threshold = DuplicateDetector.DefaultThreshold, Action<WriteProgress>? progress = null, CancellationToken ct = default)
    {
        var total = Stopwatch.StartNew();
        var detector = new DuplicateDetector();
        var ids = new List<long>();
        var count = await db.Voters.LongCountAsync(ct);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, iin, surname, given_name, patronymic, address FROM voters";
            command.CommandTimeout = 3600;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt64(0));
                if (!Iin.TryCreate(reader.GetInt64(1), out var iin, out _))
                {
                    throw new InvalidOperationException($"Voter {reader.GetInt64(0)} has an invalid IIN in the store.");
                }

                detector.Add(iin, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
                if (ids.Count % 500_000 == 0)
                {
                    progress?.Invoke(new WriteProgress("load", ids.Count, count));
                }
            }
        }

        progress?.Invoke(new WriteProgress("load", ids.Count, count));
        var load = total.Elapsed;
        var found = detector.Find(threshold);
        var detect = total.Elapsed - load;
        progress?.Invoke(new WriteProgress("detect", 1, 1));

        // The registrations' keys: their source ids (the IIN where there is none).
        var involved = found.SelectMany(p => new[] { ids[p.A], ids[p.B] }).Distinct().ToList();
        var keys = new Dictionary<long, string>(involved.Count);
        foreach (var chunk in involved.Chunk(500))
        {
            foreach (var v in await db.Voters.AsNoTracking().Where(v => chunk.Contains(v.Id)).Select(v => new { v.Id, v.SourceId, v.Iin }).ToListAsync(ct))
            {
                keys[v.Id] = v.SourceId ?? v.Iin.ToString("D12", CultureInfo.InvariantCulture);
            }
        }

        var now = time.GetUtcNow();
        var rows = found.Select(p =>
        {
            var (a, b) = (keys[ids[p.A]], keys[ids[p.B]]);
            var (aIin, bIin) = (detector.IinOf(p.A), detector.IinOf(p.B));
            if (string.CompareOrdinal(a, b) > 0)
            {
                (a, b, aIin, bIin) = (b, a, bIin, aIin);
            }

            return new DuplicatePairRow { AKey = a, BKey = b, AIin = aIin, BIin = bIin, Kind = SimilarKind, Score = p.Score, Evidence = p.Evidence, Status = Open, FoundAt = now };
        }).ToList();
        var added = await AddNewPairsAsync(db, rows, ct);
        var pairs = await PairsAsync(ct);
        return new DuplicateReport(pairs, ids.Count, added, load, detect, total.Elapsed);
    }

    /// <summary>Every queued pair, same-IIN pairs first, then by score.</summary>
    public async Task<IReadOnlyList<DuplicatePairView>> PairsAsync(CancellationToken ct = default) =>
        [.. (await db.DuplicatePairs.AsNoTracking().ToListAsync(ct))
            .OrderByDescending(p => p.Score).ThenBy(p => p.AKey, StringComparer.Ordinal).ThenBy(p => p.BKey, StringComparer.Ordinal)
            .Select(p => new DuplicatePairView(p.Id, p.AKey, p.BKey, p.Score, p.Kind, p.Evidence, p.Status, p.DecidedBy, p.Note))];

    /// <summary>Records a register official's decision on a pair; a pair already decided keeps its first decision.</summary>
    public async Task<DuplicatePairView?> DecideAsync(long id, bool confirm, string by, string? note, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var now = time.GetUtcNow();
        var status = confirm ? Confirmed : Dismissed;
        var changed = await db.DuplicatePairs.Where(p => p.Id == id && p.Status == Open)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status).SetProperty(p => p.DecidedBy, by).SetProperty(p => p.DecidedAt, now).SetProperty(p => p.Note, note), ct);
        var row = await db.DuplicatePairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        if (changed == 0 && row.Status != status)
        {
            throw new InvalidOperationException($"Pair {id} was already {row.Status} by {row.DecidedBy}.");
        }

        return new DuplicatePairView(row.Id, row.AKey, row.BKey, row.Score, row.Kind, row.Evidence, row.Status, row.DecidedBy, row.Note);
    }

    /// <summary>Inserts the pairs not yet queued (in either order); returns how many were new.</summary>
    internal static async Task<int> AddNewPairsAsync(AshyqDbContext db, IReadOnlyList<DuplicatePairRow> pairs, CancellationToken ct)
    {
        if (pairs.Count == 0)
        {
            return 0;
        }

        var existing = new HashSet<(string, string)>();
        foreach (var chunk in pairs.Select(p => p.AKey).Concat(pairs.Select(p => p.BKey)).Distinct().Chunk(500))
        {
            foreach (var p in await db.DuplicatePairs.AsNoTracking().Where(p => chunk.Contains(p.AKey)).Select(p => new { p.AKey, p.BKey }).ToListAsync(ct))
            {
                existing.Add((p.AKey, p.BKey));
            }
        }

        var fresh = pairs.Where(p => !existing.Contains((p.AKey, p.BKey)) && !existing.Contains((p.BKey, p.AKey))).ToList();
        foreach (var chunk in fresh.Chunk(5_000))
        {
            db.DuplicatePairs.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return fresh.Count;
    }

    /// <summary>Reads a truth file (<c>a,b,kind</c>) and scores <paramref name="found"/> against it (pairs unordered).</summary>
    public static DuplicateEvaluation Evaluate(string truthPath, IEnumerable<(string A, string B)> found)
    {
        var truth = new Dictionary<(string, string), string>();
        foreach (var line in File.ReadLines(truthPath).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length >= 3)
            {
                truth[Key(parts[0], parts[1])] = parts[2];
            }
        }

        var foundSet = found.Select(p => Key(p.A, p.B)).ToHashSet();
        var tp = foundSet.Count(truth.ContainsKey);
        var precision = foundSet.Count == 0 ? 1 : (double)tp / foundSet.Count;
        var recall = truth.Count == 0 ? 1 : (double)tp / truth.Count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var byKind = truth.GroupBy(t => t.Value).ToDictionary(g => g.Key, g => Math.Round((double)g.Count(t => foundSet.Contains(t.Key)) / g.Count(), 4));
        return new DuplicateEvaluation(truth.Count, foundSet.Count, tp, Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4), byKind);

        static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
    }
}
