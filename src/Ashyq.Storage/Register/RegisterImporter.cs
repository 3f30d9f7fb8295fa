using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ashyq.Core.Elections;
using Ashyq.Core.Register;
using Ashyq.Storage.Bulk;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Register;

/// <summary>What an import did: every row accepted, already there, or refused with its row, field and code.</summary>
public sealed record RegisterImportReport(
    int ImportId,
    string FileName,
    string Sha256,
    DateOnly AsOf,
    long Rows,
    long Accepted,
    long Unchanged,
    long RejectedRows,
    IReadOnlyList<RegisterRowError> Errors,
    IReadOnlyDictionary<string, long> RejectedByCode,
    long RegisterCount,
    bool AlreadyImported,
    TimeSpan Elapsed);

/// <summary>
/// Imports an akimat's voter list (<see cref="RegisterCsv"/>) into the register. Every valid row is accepted and
/// every invalid one reported; a row whose IIN is already on the register is unchanged if it names the same
/// precinct (or the voter's home precinct before a transfer), else refused as <c>REG.DUPLICATE-IIN</c> and put in
/// the duplicate review queue — so importing the same file again changes nothing. Reading and checking run on one
/// core while the other writes. Into an empty register the whole file is one transaction (indexes built once at
/// the end); into a register that has voters, each batch of <see cref="BatchSize"/> rows is a transaction: an
/// interrupted import leaves the register as it was, or with whole batches, never a half row — and importing the
/// file again completes it.
/// </summary>
public sealed class RegisterImporter(AshyqDbContext db, TimeProvider time)
{
    public int BatchSize { get; init; } = 50_000;

    /// <summary>Errors kept to report by row (the counts per code are always complete).</summary>
    public int MaxReportedErrors { get; init; } = 100_000;

    public async Task<RegisterImportReport> ImportAsync(string path, DateOnly? asOf = null, Action<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        var queries = new ElectionQueries(db);
        var definition = await queries.DefinitionAsync(cancellationToken)
            ?? throw new RegisterFileException(new(0, "store", "REG.NO-ELECTION", "the store holds no election: generate or import one first (its precincts are what the list names)"));
        var day = asOf ?? RegisterQueries.Today(definition, time);
        var precinctLevel = definition.PrecinctLevel.Code;
        var precinctIds = await db.Commissions.AsNoTracking().Where(c => c.Level == precinctLevel)
            .ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        var codesById = precinctIds.ToDictionary(p => p.Value, p => p.Key);
        var rules = new RegisterRules(precinctIds.Keys.ToHashSet(), definition.Calendar.VotingDay, definition.Electorate.MinimumVoterAge, day);

        var fileLength = new FileInfo(path).Length;
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var hashing = new HashingStream(file);
        using var reader = new StreamReader(hashing, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        var csv = new RegisterCsv(reader, rules); // a bad header is refused here, before anything is written

        var import = new RegisterImportRow
        {
            FileName = Path.GetFileName(path),
            Sha256 = "",
            AsOf = day,
            StartedAt = time.GetUtcNow(),
            RejectedByCode = "{}",
        };
        db.RegisterImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var firstLoad = !await db.Voters.AnyAsync(cancellationToken);
        var existing = firstLoad ? [] : await ExistingIinsAsync(cancellationToken);

        // Reader → writer, a few batches in flight.
        var batches = new BlockingCollection<List<Numbered>>(boundedCapacity: 4);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var errors = new List<RegisterRowError>();
        var byCode = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var conflicts = new List<Voter>();
        long rows = 0, rejectedRows = 0;
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new List<Numbered>(BatchSize);
                foreach (var row in csv.Rows())
                {
                    stop.Token.ThrowIfCancellationRequested();
                    rows = row.Row;
                    if (row.Voter is { } voter)
                    {
                        batch.Add(new(row.Row, voter));
                        if (batch.Count == BatchSize)
                        {
                            batches.Add(batch, stop.Token);
                            batch = new List<Numbered>(BatchSize);
                            progress?.Invoke(new WriteProgress("rows", Math.Min(fileLength, hashing.Position), fileLength));
                        }

                        continue;
                    }

                    rejectedRows++;
                    foreach (var error in row.Errors!)
                    {
                        byCode[error.Code] = byCode.GetValueOrDefault(error.Code) + 1;
                        if (errors.Count < MaxReportedErrors)
                        {
                            errors.Add(error);
                        }
                    }

                    if (row.Rejected is { } duplicate)
                    {
                        conflicts.Add(duplicate);
                    }
                }

                if (batch.Count > 0)
                {
                    batches.Add(batch, stop.Token);
                }
            }
            finally
            {
                batches.CompleteAdding();
            }
        }, stop.Token);

        long accepted = 0, unchanged = 0;
        var writerErrors = new List<RegisterRowError>();
        var writerConflicts = new List<Voter>();
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            if (firstLoad)
            {
                await strategy.ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    accepted = await VoterBulkWriter.WriteAsync(db, batches.GetConsumingEnumerable(cancellationToken).SelectMany(b => b).Select(n => n.Voter), precinctIds, null, cancellationToken);
                    await producer;
                    await transaction.CommitAsync(cancellationToken);
                });
            }
            else
            {
                foreach (var batch in batches.GetConsumingEnumerable(cancellationToken))
                {
                    var fresh = new List<Voter>(batch.Count);
                    var hits = batch.Where(n => existing.Contains(n.Voter.Iin.Value)).ToList();
                    var known = hits.Count == 0 ? [] : await PlacesAsync(hits.Select(n => n.Voter.Iin.Value), cancellationToken);
                    foreach (var (row, voter) in batch)
                    {
                        if (!known.TryGetValue(voter.Iin.Value, out var place))
                        {
                            fresh.Add(voter);
                            continue;
                        }

                        var precinct = precinctIds[voter.PrecinctCode];
                        if (place.Current == precinct || place.Home == precinct)
                        {
                            unchanged++;
                            continue;
                        }

                        writerConflicts.Add(voter);
                        writerErrors.Add(new(row, "iin", RegisterCodes.DuplicateIin, $"{voter.Iin} is already on the list of precinct {codesById[place.Current]}"));
                    }

                    if (fresh.Count > 0)
                    {
                        await strategy.ExecuteAsync(async () =>
                        {
                            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                            await VoterBulkWriter.WriteAsync(db, fresh, precinctIds, null, cancellationToken);
                            await transaction.CommitAsync(cancellationToken);
                        });
                        foreach (var v in fresh)
                        {
                            existing.Add(v.Iin.Value);
                        }

                        accepted += fresh.Count;
                    }
                }

                await producer;
            }
        }
        catch
        {
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
            }

            throw;
        }

        foreach (var e in writerErrors)
        {
            rejectedRows++;
            byCode[e.Code] = byCode.GetValueOrDefault(e.Code) + 1;
            if (errors.Count < MaxReportedErrors)
            {
                errors.Add(e);
            }
        }

        conflicts.AddRange(writerConflicts);
        await RecordConflictsAsync(conflicts, cancellationToken);

        var sha = Convert.ToHexStringLower(hashing.Hash());
        var count = await new RegisterQueries(db).CountOnAsync(day, cancellationToken);
        var earlier = await db.RegisterImports.AsNoTracking()
            .Where(i => i.Sha256 == sha && i.AsOf == day && i.Complete && i.Id != import.Id)
            .OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        var again = earlier is not null && accepted == 0;
        var importId = import.Id;
        if (again)
        {
            // The same file again changed nothing: no new record of it either.
            await db.RegisterImports.Where(i => i.Id == import.Id).ExecuteDeleteAsync(cancellationToken);
            importId = earlier!.Id;
        }
        else
        {
            var codes = JsonSerializer.Serialize(byCode);
            var finished = time.GetUtcNow();
            await db.RegisterImports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Sha256, sha)
                .SetProperty(i => i.FinishedAt, finished)
                .SetProperty(i => i.Rows, rows)
                .SetProperty(i => i.Accepted, accepted)
                .SetProperty(i => i.Unchanged, unchanged)
                .SetProperty(i => i.RejectedRows, rejectedRows)
                .SetProperty(i => i.RejectedByCode, codes)
                .SetProperty(i => i.RegisterCount, count)
                .SetProperty(i => i.Complete, true), cancellationToken);
        }

        progress?.Invoke(new WriteProgress("rows", fileLength, fileLength));
        errors.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : string.CompareOrdinal(a.Field, b.Field));
        return new RegisterImportReport(importId, Path.GetFileName(path), sha, day, rows, accepted, unchanged, rejectedRows, errors, byCode, count, again, started.Elapsed);
    }

    private readonly record struct Numbered(long Row, Voter Voter);

    private async Task<HashSet<long>> ExistingIinsAsync(CancellationToken ct)
    {
        var set = new HashSet<long>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT iin FROM voters";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            set.Add(reader.GetInt64(0));
        }

        return set;
    }

    /// <summary>Where voters already on the register are: their current list, and their home list if transferred.</summary>
    private async Task<Dictionary<long, (int Current, int? Home)>> PlacesAsync(IEnumerable<long> iins, CancellationToken ct)
    {
        var result = new Dictionary<long, (int, int?)>();
        foreach (var chunk in iins.Distinct().Chunk(500))
        {
            var rows = await db.Voters.AsNoTracking().Where(v => chunk.Contains(v.Iin))
                .Select(v => new { v.Iin, v.PrecinctId, Home = db.VoterTransfers.Where(t => t.Iin == v.Iin).Select(t => (int?)t.FromPrecinctId).FirstOrDefault() })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                result[r.Iin] = (r.PrecinctId, r.Home);
            }
        }

        return result;
    }

    /// <summary>Puts each second registration of an IIN in the review queue, paired with the registration on the list.</summary>
    private async Task RecordConflictsAsync(List<Voter> conflicts, CancellationToken ct)
    {
        if (conflicts.Count == 0)
        {
            return;
        }

        var holders = new Dictionary<long, string>();
        foreach (var chunk in conflicts.Select(c => c.Iin.Value).Distinct().Chunk(500))
        {
            foreach (var v in await db.Voters.AsNoTracking().Where(v => chunk.Contains(v.Iin)).Select(v => new { v.Iin, v.SourceId }).ToListAsync(ct))
            {
                holders[v.Iin] = v.SourceId ?? v.Iin.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var now = time.GetUtcNow();
        var candidates = conflicts
            .Where(c => holders.ContainsKey(c.Iin.Value))
            .Select(c => new DuplicatePairRow
            {
                AKey = holders[c.Iin.Value],
                BKey = c.SourceId ?? c.Iin.ToString(),
                AIin = c.Iin.Value,
                BIin = c.Iin.Value,
                Kind = DuplicateService.SameIinKind,
                Score = 1,
                Evidence = "same IIN",
                Status = DuplicateService.Open,
                FoundAt = now,
            })
            .Where(p => p.AKey != p.BKey)
            .DistinctBy(p => (p.AKey, p.BKey))
            .ToList();
        await DuplicateService.AddNewPairsAsync(db, candidates, ct);
    }

    /// <summary>A read-only stream that hashes what passes through it.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => Interlocked.Read(ref _position); set => throw new NotSupportedException(); }

        public byte[] Hash() => _hash.GetHashAndReset();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _hash.AppendData(buffer, offset, n);
            Interlocked.Add(ref _position, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
