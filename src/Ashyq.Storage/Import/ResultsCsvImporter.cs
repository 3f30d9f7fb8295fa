using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;
using Ashyq.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Import;

/// <summary>What an import of published results wrote.</summary>
/// <param name="ElectionId">The election's row in the store.</param>
/// <param name="Commissions">Commissions per level, as built from the file.</param>
/// <param name="Totals">The national totals, one per protocol line in the form's order.</param>
/// <param name="Violations">For every control relation of the definition, the precincts whose protocol breaks it.</param>
public sealed record ResultsImportReport(
    int ElectionId,
    string Definition,
    int Precincts,
    IReadOnlyDictionary<string, int> Commissions,
    IReadOnlyList<long> Totals,
    IReadOnlyDictionary<string, int> Violations,
    TimeSpan Elapsed);

/// <summary>
/// Imports an election's published results, one CSV row per precinct, as the definition's <c>import.csv</c> profile
/// describes them. The whole file is read and checked first: a malformed row refuses the import before anything is
/// written. Then, in one transaction, the election, its commissions (built from the hierarchy columns), one
/// accepted published version per precinct protocol, every control relation each protocol breaks (errors and
/// warnings alike), and the tallies of every commission above the precincts, summed in memory, are written by the
/// provider's bulk path. A store that already holds an election is refused: results are imported once.
/// </summary>
public sealed class ResultsCsvImporter(AshyqDbContext db, TimeProvider time)
{
    /// <summary>The user recorded as having accepted an imported version; the commission is the top level's.</summary>
    public const string ImportUser = "import";

    private const string NothingWritten = "Nothing was imported: the import is one transaction and a bad row refuses all of it.";

    /// <summary>Imports a <c>.csv</c> file, or a <c>.zip</c> holding exactly one.</summary>
    public async Task<ResultsImportReport> ImportAsync(
        ElectionDefinition definition,
        string definitionJson,
        string path,
        Action<WriteProgress>? progress = null,
        CancellationToken ct = default)
    {
        var profile = ProfileOf(definition);
        await RefuseIfNotEmptyAsync(ct);
        var started = time.GetTimestamp();
        using (CsvSource.Open(path))
        {
            // A missing or unreadable file is told before anything starts.
        }

        return await WriteAsync(definition, definitionJson, profile, path, started, progress, ct);
    }

    private static CsvImportProfile ProfileOf(ElectionDefinition definition) =>
        definition.Import?.Csv ?? throw new ResultsImportException("IMPORT.NO-PROFILE", $"The definition {definition.Id} has no import.csv profile: it does not say which columns hold what.");

    private async Task RefuseIfNotEmptyAsync(CancellationToken ct)
    {
        var existing = await db.Elections.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.DefinitionId }).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            var protocols = await db.ProtocolVersions.CountAsync(ct);
            throw new ResultsImportException(
                "IMPORT.STORE-NOT-EMPTY",
                string.Create(CultureInfo.InvariantCulture, $"The store already holds the election \"{existing.DefinitionId}\" ({protocols:N0} protocol versions): results are imported once, into an empty store (another --db). Nothing was written."));
        }
    }

    /// <summary>The file read and checked: the hierarchy it names and every precinct's values, nothing written yet.</summary>
    private sealed class ParsedResults(int levels, int lines)
    {
        /// <summary>Per level below the top: its commissions in file order (parent index in the level above; -1 is the top).</summary>
        public List<Node>[] Nodes { get; } = [.. Enumerable.Range(0, levels).Select(_ => new List<Node>())];

        public int Lines { get; } = lines;

        /// <summary>Every precinct's values in the form's line order, precinct after precinct (the last level's nodes).</summary>
        public List<long> Values { get; } = new(100_000 * lines);

        public int Precincts => Nodes[^1].Count;
    }

    private readonly record struct Node(int Parent, string Value, int Number);

    /// <summary>
    /// Reads and checks the file; each commission is handed to <paramref name="found"/> (its level, its index in the
    /// level, itself) the moment its first row names it, so that it is written while the rest is read.
    /// </summary>
    private static ParsedResults Parse(ElectionDefinition definition, CsvImportProfile profile, CsvSource source, Action<int, int, Node> found, RowRead rowRead, Action<WriteProgress>? progress, CancellationToken ct)
    {
        var form = definition.ProtocolForm;
        var separator = string.IsNullOrEmpty(profile.Separator) ? ',' : profile.Separator[0];
        var csv = new CsvRecordReader(source.Reader, separator, source.Name);
        if (!csv.Read())
        {
            throw new ResultsImportException("IMPORT.EMPTY", $"{source.Name} is empty: a header row and one row per precinct are expected.");
        }

        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.FieldString(i).Trim()).ToArray();
        var hierarchyColumns = profile.Hierarchy.Select(h => ColumnOf(header, h.Column, $"level {h.Level}", source.Name)).ToArray();
        var lineColumns = form.Lines.Select(l => ColumnOf(header, profile.Lines[l.Code], $"protocol line {l.Code}", source.Name)).ToArray();

        var levels = hierarchyColumns.Length;
        var parsed = new ParsedResults(levels, form.Lines.Count);
        var keys = Enumerable.Range(0, levels).Select(_ => new Dictionary<(int Parent, string Value), int>()).ToArray();
        var children = Enumerable.Range(0, levels + 1).Select(_ => new List<int>()).ToArray();
        children[0].Add(0);
        var last = new (int Parent, string Value, int Index)[levels];
        Array.Fill(last, (-2, "", -1));
        var firstRow = new Dictionary<int, long>();

        long row = 0;
        while (csv.Read())
        {
            row++;
            if (csv.FieldCount != header.Length)
            {
                throw new ResultsImportException(
                    "IMPORT.FIELD-COUNT",
                    $"{source.Name}, row {row} (line {csv.Line}): {csv.FieldCount} fields where the header has {header.Length}: a column is missing or a separator too many. {NothingWritten}");
            }

            var parent = -1;
            for (var k = 0; k < levels; k++)
            {
                var text = csv.Field(hierarchyColumns[k]).Trim();
                if (text.IsEmpty)
                {
                    throw new ResultsImportException(
                        "IMPORT.EMPTY-FIELD",
                        $"{source.Name}, row {row} (line {csv.Line}), column \"{header[hierarchyColumns[k]]}\": the {profile.Hierarchy[k].Level} is empty. {NothingWritten}");
                }

                // Rows of one commission are usually together: the previous row's commission is checked first.
                if (last[k].Parent == parent && text.SequenceEqual(last[k].Value) && k < levels - 1)
                {
                    parent = last[k].Index;
                    continue;
                }

                var value = text.ToString();
                if (keys[k].TryGetValue((parent, value), out var index))
                {
                    if (k == levels - 1)
                    {
                        throw new ResultsImportException(
                            "IMPORT.DUPLICATE-PRECINCT",
                            $"{source.Name}, row {row} (line {csv.Line}): precinct \"{value}\" of {string.Join(" / ", Path(parsed, k, parent))} appears again (first on row {firstRow[index]}): one protocol per precinct. {NothingWritten}");
                    }
                }
                else
                {
                    index = parsed.Nodes[k].Count;
                    var siblings = children[k];
                    var slot = parent + 1;
                    while (siblings.Count <= slot)
                    {
                        siblings.Add(0);
                    }

                    var ordinal = ++siblings[slot];
                    var number = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : ordinal;
                    var node = new Node(parent, value, number);
                    parsed.Nodes[k].Add(node);
                    keys[k].Add((parent, value), index);
                    found(k, index, node);
                    if (k == levels - 1)
                    {
                        firstRow[index] = row;
                    }
                }

                last[k] = (parent, value, index);
                parent = index;
            }

            for (var i = 0; i < lineColumns.Length; i++)
            {
                parsed.Values.Add(Number(csv, lineColumns[i], header, form.Lines[i].Code, row, source.Name));
            }

            rowRead(parsed.Precincts - 1, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parsed.Values)[^lineColumns.Length..]);

            if (row % 10_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Invoke(new WriteProgress("reading", source.BytesRead, source.Length));
            }
        }

        if (row == 0)
        {
            throw new ResultsImportException("IMPORT.EMPTY", $"{source.Name} has a header but no rows: nothing to import.");
        }

        progress?.Invoke(new WriteProgress("reading", source.Length, source.Length));
        return parsed;
    }

    private static IEnumerable<string> Path(ParsedResults parsed, int level, int parent)
    {
        var path = new List<string>();
        for (var k = level - 1; k >= 0 && parent >= 0; k--)
        {
            var node = parsed.Nodes[k][parent];
            path.Insert(0, node.Value);
            parent = node.Parent;
        }

        return path;
    }

    private static int ColumnOf(string[] header, string column, string what, string source)
    {
        var index = Array.IndexOf(header, column.Trim());
        if (index < 0)
        {
            throw new ResultsImportException(
                "IMPORT.MISSING-COLUMN",
                $"{source} has no column \"{column}\" ({what} in the definition's import.csv profile); its columns are {string.Join(", ", header.Select(h => "\"" + h + "\""))}.");
        }

        if (Array.IndexOf(header, column.Trim(), index + 1) >= 0)
        {
            throw new ResultsImportException("IMPORT.DUPLICATE-COLUMN", $"{source} has two columns named \"{column}\" ({what}): which one is meant cannot be told.");
        }

        return index;
    }

    private static long Number(CsvRecordReader csv, int column, string[] header, string line, long row, string source)
    {
        var text = csv.Field(column).Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var negative = text.Length > 1 && text[0] == '-' && long.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out _);
        throw new ResultsImportException(
            negative ? "IMPORT.NEGATIVE" : "IMPORT.NOT-A-NUMBER",
            $"{source}, row {row} (line {csv.Line}), column \"{header[column]}\" (protocol line {line}): \"{text}\" is {(negative ? "negative: a count cannot be" : text.IsEmpty ? "empty: a whole number is expected" : "not a whole number")}. {NothingWritten}");
    }

    private async Task<ResultsImportReport> WriteAsync(
        ElectionDefinition definition,
        string definitionJson,
        CsvImportProfile profile,
        string path,
        long started,
        Action<WriteProgress>? progress,
        CancellationToken ct)
    {
        var form = definition.ProtocolForm;
        var levels = profile.Hierarchy.Count;
        ParsedResults? parsed = null;
        CheckedResults? result = null;
        var at = time.GetUtcNow();
        var actor = new Actor(ImportUser, definition.TopLevel.CodeOf(1));
        var strategy = db.Database.CreateExecutionStrategy();
        var electionId = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.Kind == StoreKind.Postgres)
            {
                // Two imports at once into one store: the second waits here, then finds the election and is refused.
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE elections IN SHARE ROW EXCLUSIVE MODE", ct);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct); // 256 MiB of page cache for the indexes
            }

            await RefuseIfNotEmptyAsync(ct);
            var election = new ElectionRow
            {
                DefinitionId = definition.Id,
                NameKk = definition.Name.Kk,
                NameRu = definition.Name.Ru,
                NameEn = definition.Name.En,
                DefinitionJson = definitionJson,
                Seed = 0,
                Scale = 1,
                CreatedAt = at,
            };
            db.Elections.Add(election);
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < definition.Candidates.Registered.Count; i++)
            {
                var c = definition.Candidates.Registered[i];
                db.Nominees.Add(new NomineeRow
                {
                    ElectionId = election.Id,
                    Number = i + 1,
                    NameKk = c.Name.Kk,
                    NameRu = c.Name.Ru,
                    NameEn = c.Name.En,
                    NominatedBy = c.NominatedBy,
                    Status = "Registered",
                    CandidateCode = c.Code,
                });
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            // Ids are given here, after the largest in the store, so that children, versions and violations can
            // name their parents without reading anything back.
            var commissionBase = await db.Commissions.MaxAsync(c => (int?)c.Id, ct) ?? 0;
            var versionBase = await db.ProtocolVersions.MaxAsync(v => (long?)v.Id, ct) ?? 0;
            var rebuild = commissionBase == 0 && versionBase == 0;
            (string Drop, string Create)[] constraints = !rebuild ? [] : db.Kind == StoreKind.Postgres ? [.. ForeignKeys, .. Indexes] : Indexes;
            foreach (var (drop, _) in constraints)
            {
                await db.Database.ExecuteSqlRawAsync(drop, ct);
            }

            // The file is read, checked and turned into rows on a thread of its own, a chunk of precincts at a time;
            // meanwhile this one writes each chunk's new commissions, then its protocol versions, so that the server
            // stores both tables while the rest of the file is read. A commission's id is the next one when the file
            // first names it, so a child always names a parent already given an id.
            var chunks = Channel.CreateBounded<ImportChunk>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var report = Serialized(progress);
            var reading = Task.Factory.StartNew(
                () => Read(definition, profile, path, commissionBase, versionBase, chunks.Writer, report, stop.Token),
                stop.Token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            long commissionRows = 0, versionRows = 0;
            try
            {
                await foreach (var chunk in chunks.Reader.ReadAllAsync(ct))
                {
                    if (chunk.Commissions.Count > 0)
                    {
                        await using var commissions = await BulkTable.BeginAsync(db, "commissions", CommissionColumns, ct);
                        foreach (var c in chunk.Commissions)
                        {
                            WriteCommission(commissions, c.Id, election.Id, c.Code, c.Level, c.ParentId, c.Number, c.Name, "");
                        }

                        commissionRows += await commissions.CompleteAsync(ct);
                    }

                    if (chunk.Versions.Count > 0)
                    {
                        await using var versions = await BulkTable.BeginAsync(db, "protocol_versions", VersionColumns, ct);
                        foreach (var v in chunk.Versions)
                        {
                            WriteVersion(versions, v, actor, at);
                        }

                        versionRows += await versions.CompleteAsync(ct);
                    }
                }
            }
            catch
            {
                await stop.CancelAsync();
                await Task.WhenAny(reading);
                throw;
            }

            // A bad row ends the reading with its error: thrown here, the transaction is rolled back.
            var read = await reading;
            parsed = read.Parsed;
            result = read.Checked;
            var ids = read.Ids;
            var precincts = parsed.Precincts;
            var commissionCount = 1 + parsed.Nodes.Sum(n => n.Count);
            report?.Invoke(new WriteProgress("commissions", commissionRows, commissionCount));
            report?.Invoke(new WriteProgress("protocols", versionRows, precincts));

            var (broken, counts, national, totals, under) = read.Checked;
            await using (var violations = await BulkTable.BeginAsync(db, "protocol_violations", [("version_id", BulkType.BigInt), ("relation_code", BulkType.Text)], ct))
            {
                foreach (var (p, relation) in broken)
                {
                    violations.Row();
                    violations.Add(versionBase + p + 1);
                    violations.Add(relation);
                }

                await violations.CompleteAsync(ct);
                report?.Invoke(new WriteProgress("violations", broken.Count, broken.Count));
            }

            await WriteTalliesAsync(commissionBase + 1, national, precincts, ids, totals, under, ct);
            report?.Invoke(new WriteProgress("tallies", commissionCount - precincts, commissionCount - precincts));
            foreach (var (_, create) in constraints.Reverse())
            {
                await db.Database.ExecuteSqlRawAsync(create, ct);
            }

            report?.Invoke(new WriteProgress("indexes", constraints.Length, constraints.Length));

            if (db.Kind == StoreKind.Postgres)
            {
                // The ids were given here: the identity sequences go on after them.
                await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('commissions', 'id'), (SELECT MAX(id) FROM commissions))", ct);
                await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('protocol_versions', 'id'), (SELECT MAX(id) FROM protocol_versions))", ct);
            }

            await db.Elections.Where(e => e.Id == election.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Complete, true), ct);
            await transaction.CommitAsync(ct);
            return election.Id;
        });

        var perLevel = new Dictionary<string, int> { [definition.TopLevel.Code] = 1 };
        for (var k = 0; k < levels; k++)
        {
            perLevel[definition.Levels[k + 1].Code] = parsed!.Nodes[k].Count;
        }

        return new ResultsImportReport(electionId, definition.Id, parsed!.Precincts, perLevel, result!.National, result.Counts, time.GetElapsedTime(started));
    }

    /// <summary>A precinct's values, the moment its row is read.</summary>
    private delegate void RowRead(int precinct, ReadOnlySpan<long> values);

    /// <summary>What the reading thread hands to the writing one: the commissions first named and the precincts read since the last chunk.</summary>
    private sealed class ImportChunk
    {
        public List<CommissionEntry> Commissions { get; } = [];

        public List<VersionEntry> Versions { get; } = new(ChunkSize);
    }

    private readonly record struct CommissionEntry(int Id, string Code, LevelDefinition Level, int? ParentId, int Number, LocalizedText Name);

    private readonly record struct VersionEntry(long Id, int PrecinctId, string Values);

    /// <summary>The relations each protocol breaks, and every commission's totals.</summary>
    private sealed record CheckedResults(List<(int Precinct, string Relation)> Broken, Dictionary<string, int> Counts, long[] National, long[][][] Totals, int[][] Under);

    /// <summary>Precincts per chunk: large enough that starting a COPY is nothing beside it, small enough to keep both threads busy.</summary>
    private const int ChunkSize = 8_192;

    /// <summary>
    /// The reading thread: parses and checks the file, gives every commission its id, turns rows into chunks for
    /// the writer, and when the file ends checks every relation and sums the tallies while the last chunks are
    /// written. A bad row ends it with its error; the writer stops at the end of the chunks sent.
    /// </summary>
    private static (ParsedResults Parsed, List<int>[] Ids, CheckedResults Checked) Read(
        ElectionDefinition definition,
        CsvImportProfile profile,
        string path,
        int commissionBase,
        long versionBase,
        ChannelWriter<ImportChunk> chunks,
        Action<WriteProgress>? progress,
        CancellationToken ct)
    {
        try
        {
            var levels = profile.Hierarchy.Count;
            var ids = Enumerable.Range(0, levels).Select(_ => new List<int>()).ToArray();
            var chunk = new ImportChunk();
            var top = definition.TopLevel;
            chunk.Commissions.Add(new CommissionEntry(commissionBase + 1, top.CodeOf(1), top, null, 1, Fill(top.CommissionName, "", 1)));
            var nextId = commissionBase + 2;
            var json = new StringBuilder(256);
            ParsedResults parsed;
            using (var source = CsvSource.Open(path))
            {
                parsed = Parse(definition, profile, source, (k, index, node) =>
                {
                    var level = definition.Levels[k + 1];
                    var parentId = k == 0 ? commissionBase + 1 : ids[k - 1][node.Parent];
                    ids[k].Add(nextId);

                    // The file names no address: where a commission sits is its chain of parents, stored as such.
                    chunk.Commissions.Add(new CommissionEntry(nextId++, level.CodeOf(index + 1), level, parentId, node.Number, Fill(level.CommissionName, node.Value, node.Number)));
                }, (p, values) =>
                {
                    chunk.Versions.Add(new VersionEntry(versionBase + p + 1, ids[levels - 1][p], ValuesJson(json, values)));
                    if (chunk.Versions.Count == ChunkSize)
                    {
                        Send(chunk);
                        chunk = new ImportChunk();
                    }
                }, progress, ct);
            }

            Send(chunk);
            chunks.TryComplete();
            var checkedResults = Check(definition.ProtocolForm, parsed);
            progress?.Invoke(new WriteProgress("checking", parsed.Precincts, parsed.Precincts));
            return (parsed, ids, checkedResults);
        }
        finally
        {
            // A bad row or a cancellation ends the chunks too: the writer sees the end and asks this thread why.
            chunks.TryComplete();
        }

        void Send(ImportChunk full)
        {
            while (!chunks.TryWrite(full))
            {
                if (!chunks.WaitToWriteAsync(ct).AsTask().GetAwaiter().GetResult())
                {
                    throw new OperationCanceledException(ct);
                }
            }
        }
    }

    /// <summary>Progress told from two threads, one at a time (the command's progress display is not thread-safe).</summary>
    private static Action<WriteProgress>? Serialized(Action<WriteProgress>? progress)
    {
        if (progress is null)
        {
            return null;
        }

        var gate = new Lock();
        return p =>
        {
            lock (gate)
            {
                progress(p);
            }
        };
    }

    private static void WriteVersion(BulkTable versions, VersionEntry v, Actor actor, DateTimeOffset at)
    {
        // An imported version holds nothing beyond its columns: its snapshot is left null and rebuilt from them
        // (ResultsService.Restore), which halves what the import writes.
        versions.Row();
        versions.Add(v.Id);
        versions.Add(v.PrecinctId);
        versions.Add(1);
        versions.Add(nameof(ProtocolState.Accepted));
        versions.Add(v.Values);
        versions.AddNull();
        versions.Add(false);
        versions.AddNull();
        versions.Add(actor.User);
        versions.Add(actor.Commission);
        versions.Add(at);
        versions.Add(1);
    }

    /// <summary>Every relation on every protocol, and every total of every commission above the precincts.</summary>
    private static CheckedResults Check(ProtocolForm form, ParsedResults parsed)
    {
        var values = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parsed.Values);
        var lines = parsed.Lines;
        var precincts = parsed.Precincts;
        var levels = parsed.Nodes.Length;
        var broken = new List<(int Precinct, string Relation)>();
        var counts = form.Relations.ToDictionary(r => r.Code, _ => 0);
        for (var p = 0; p < precincts; p++)
        {
            foreach (var relation in form.Broken(values.Slice(p * lines, lines)))
            {
                broken.Add((p, relation.Code));
                counts[relation.Code]++;
            }
        }

        var totals = new long[levels][][];
        var under = new int[levels][];
        for (var k = 0; k < levels - 1; k++)
        {
            totals[k] = [.. parsed.Nodes[k].Select(_ => new long[lines])];
            under[k] = new int[parsed.Nodes[k].Count];
        }

        var national = new long[lines];
        for (var p = 0; p < precincts; p++)
        {
            var row = values.Slice(p * lines, lines);
            Add(national, row);
            for (int k = levels - 2, node = parsed.Nodes[levels - 1][p].Parent; k >= 0; node = parsed.Nodes[k][node].Parent, k--)
            {
                Add(totals[k][node], row);
                under[k][node]++;
            }
        }

        return new CheckedResults(broken, counts, national, totals, under);
    }

    private async Task WriteTalliesAsync(int topId, long[] national, int precincts, List<int>[] ids, long[][][] totals, int[][] under, CancellationToken ct)
    {
        // In the order of the ids, as the primary key keeps them.
        var rows = new List<(int Commission, int Precincts, long[] Totals)> { (topId, precincts, national) };
        for (var k = 0; k < totals.Length - 1; k++)
        {
            for (var i = 0; i < under[k].Length; i++)
            {
                rows.Add((ids[k][i], under[k][i], totals[k][i]));
            }
        }

        rows.Sort((a, b) => a.Commission.CompareTo(b.Commission));
        await using var tallies = await BulkTable.BeginAsync(db, "tallies", [("commission_id", BulkType.Integer), ("precincts", BulkType.Integer), ("accepted", BulkType.Integer), ("totals", BulkType.BigIntArray)], ct);
        foreach (var (commission, count, values) in rows)
        {
            tallies.Row();
            tallies.Add(commission);
            tallies.Add(count);
            tallies.Add(count);
            tallies.Add(values);
        }

        await tallies.CompleteAsync(ct);
    }

    // The indexes of the migration (Initial), named as it names them: into empty tables, each is built
    // once after the load, in the same transaction (one sort instead of 100,000 insertions); they hold all the same.
    private static readonly (string Drop, string Create)[] Indexes =
    [
        ("DROP INDEX \"IX_commissions_election_id_code\"", "CREATE UNIQUE INDEX \"IX_commissions_election_id_code\" ON commissions (election_id, code)"),
        ("DROP INDEX \"IX_commissions_election_id_level\"", "CREATE INDEX \"IX_commissions_election_id_level\" ON commissions (election_id, level)"),
        ("DROP INDEX \"IX_commissions_parent_id\"", "CREATE INDEX \"IX_commissions_parent_id\" ON commissions (parent_id)"),
        ("DROP INDEX \"ux_protocol_versions_precinct_number\"", "CREATE UNIQUE INDEX ux_protocol_versions_precinct_number ON protocol_versions (precinct_id, number)"),
        ("DROP INDEX \"IX_protocol_violations_relation_code\"", "CREATE INDEX \"IX_protocol_violations_relation_code\" ON protocol_violations (relation_code)"),
        ("DROP INDEX \"IX_protocol_violations_version_id\"", "CREATE INDEX \"IX_protocol_violations_version_id\" ON protocol_violations (version_id)"),
    ];

    // On PostgreSQL a foreign key checks (and locks) its referenced row for every row copied; added again after the
    // load, it checks every row at once with one join. Names and rules are those of the migrations.
    private static readonly (string Drop, string Create)[] ForeignKeys =
    [
        ForeignKey("commissions", "FK_commissions_commissions_parent_id", "parent_id", "commissions", "RESTRICT"),
        ForeignKey("commissions", "FK_commissions_elections_election_id", "election_id", "elections", "CASCADE"),
        ForeignKey("protocol_versions", "FK_protocol_versions_commissions_precinct_id", "precinct_id", "commissions", "RESTRICT"),
        ForeignKey("protocol_violations", "FK_protocol_violations_protocol_versions_version_id", "version_id", "protocol_versions", "RESTRICT"),
        ForeignKey("tallies", "FK_tallies_commissions_commission_id", "commission_id", "commissions", "RESTRICT"),
    ];

    private static (string Drop, string Create) ForeignKey(string table, string name, string column, string principal, string onDelete) =>
        ($"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"",
         $"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" FOREIGN KEY ({column}) REFERENCES {principal} (id) ON DELETE {onDelete}");

    private static readonly (string, BulkType)[] CommissionColumns =
    [
        ("id", BulkType.Integer), ("election_id", BulkType.Integer), ("code", BulkType.Text), ("level", BulkType.Text),
        ("parent_id", BulkType.Integer), ("number", BulkType.Integer), ("name_kk", BulkType.Text), ("name_ru", BulkType.Text),
        ("name_en", BulkType.Text), ("address", BulkType.Text), ("special_kind", BulkType.Text),
    ];

    private static readonly (string, BulkType)[] VersionColumns =
    [
        ("id", BulkType.BigInt), ("precinct_id", BulkType.Integer), ("number", BulkType.Integer), ("state", BulkType.Text),
        ("values", BulkType.Text), ("snapshot", BulkType.Text), ("entered_elsewhere", BulkType.Boolean),
        ("correction_decision", BulkType.Text), ("accepted_by", BulkType.Text), ("accepted_by_commission", BulkType.Text),
        ("accepted_at", BulkType.Timestamp), ("revision", BulkType.Integer),
    ];

    private static void WriteCommission(BulkTable table, int id, int electionId, string code, LevelDefinition level, int? parentId, int number, LocalizedText name, string address)
    {
        table.Row();
        table.Add(id);
        table.Add(electionId);
        table.Add(code);
        table.Add(level.Code);
        if (parentId is { } parent)
        {
            table.Add(parent);
        }
        else
        {
            table.AddNull();
        }

        table.Add(number);
        table.Add(name.Kk);
        table.Add(name.Ru);
        table.Add(name.En);
        table.Add(address);
        table.AddNull();
    }

    private static LocalizedText Fill(LocalizedText template, string unit, int number)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        return new LocalizedText(
            template.Kk.Replace("{unit}", unit, StringComparison.Ordinal).Replace("{number}", n, StringComparison.Ordinal),
            template.Ru.Replace("{unit}", unit, StringComparison.Ordinal).Replace("{number}", n, StringComparison.Ordinal),
            template.En.Replace("{unit}", unit, StringComparison.Ordinal).Replace("{number}", n, StringComparison.Ordinal));
    }

    private static void Add(long[] into, ReadOnlySpan<long> values)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += values[i];
        }
    }

    /// <summary>A precinct's values as the JSON array <see cref="ResultsService"/> writes, without a serializer per row.</summary>
    private static string ValuesJson(StringBuilder builder, ReadOnlySpan<long> values)
    {
        var b = builder.Clear().Append('[');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                b.Append(',');
            }

            b.Append(values[i]);
        }

        return b.Append(']').ToString();
    }

    /// <summary>The CSV text of a file: the file itself, or the one CSV inside a zip; counts the bytes read for progress.</summary>
    private sealed class CsvSource : IDisposable
    {
        private readonly ZipArchive? _zip;
        private readonly CountingStream _stream;

        private CsvSource(string name, Stream stream, long length, ZipArchive? zip)
        {
            Name = name;
            _zip = zip;
            _stream = new CountingStream(stream);
            Length = length;
            Reader = new StreamReader(_stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }

        public string Name { get; }

        public TextReader Reader { get; }

        public long Length { get; }

        public long BytesRead => _stream.BytesRead;

        public static CsvSource Open(string path)
        {
            if (!File.Exists(path))
            {
                throw new ResultsImportException("IMPORT.NO-FILE", $"The results file {path} does not exist.");
            }

            var name = System.IO.Path.GetFileName(path);
            if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                var file = File.OpenRead(path);
                return new CsvSource(name, file, file.Length, null);
            }

            ZipArchive zip;
            try
            {
                zip = ZipFile.OpenRead(path);
            }
            catch (InvalidDataException e)
            {
                throw new ResultsImportException("IMPORT.ZIP", $"{name} is not a readable zip file: {e.Message}");
            }

            var csvs = zip.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
            if (csvs.Count != 1)
            {
                zip.Dispose();
                throw new ResultsImportException("IMPORT.ZIP", $"{name} holds {csvs.Count} CSV files; exactly one is expected.");
            }

            return new CsvSource($"{name}:{csvs[0].FullName}", csvs[0].Open(), csvs[0].Length, zip);
        }

        public void Dispose()
        {
            Reader.Dispose();
            _zip?.Dispose();
        }
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            BytesRead += read;
            return read;
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
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
