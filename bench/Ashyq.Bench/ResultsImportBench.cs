using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Ashyq.Core.Elections;
using Ashyq.Storage;
using Ashyq.Storage.Import;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ashyq.Bench;

/// <summary>
/// <c>results-import</c>: the whole import of the Russian 2012 results (read the zip, parse, check, store, tabulate)
/// against two raw bulk inserts of the same 95,415 rows (27 columns) into a scratch table of the same kind of store
/// by the same bulk path: one from the file (streamed from the zip through the import's own CSV reader within the
/// timing, no checks), one from rows already in memory (split before the timing); alternating, each into a fresh store; prints the medians and
/// raw ÷ import for both.
/// <code>
/// dotnet run -c Release --project bench/Ashyq.Bench -- results-import --db /tmp/bench.db --db "Host=…" [--repeat 5] [--csv …zip]
/// </code>
/// </summary>
internal static class ResultsImportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dbs = Values(args, "--db");
        var repeat = int.Parse(Values(args, "--repeat").FirstOrDefault() ?? "5", CultureInfo.InvariantCulture);
        var csv = Values(args, "--csv").FirstOrDefault() ?? FindData();
        var importOnly = args.Contains("--import-only"); // for profiling the import alone
        var definitionPath = Values(args, "--definition").FirstOrDefault() ?? Path.Combine(AppContext.BaseDirectory, "definitions", "ru-2012-presidential.json");
        if (dbs.Count == 0)
        {
            await Console.Error.WriteLineAsync("results-import: give at least one --db (a SQLite file path, or a PostgreSQL connection string with Host=).");
            return 2;
        }

        var definitionJson = await File.ReadAllTextAsync(definitionPath);
        var definition = ElectionDefinitionLoader.Parse(definitionJson, definitionPath);
        var rows = ReadRows(csv);
        Console.WriteLine($"results-import: {Path.GetFileName(csv)}, {rows.Count:N0} rows × {rows[0].Length} columns, {repeat} repetitions of each, alternating");

        foreach (var db in dbs)
        {
            var store = Store.Parse(db);

            // Every store of the run is made (and migrated) first, then a pause: the runtime finishes compiling the
            // migrations' code in the background before anything is timed, rather than during whatever is timed.
            var stores = new Queue<(Store, Func<Task>)>();
            for (var i = 0; i < 3 * (repeat + 1); i++)
            {
                var fresh = await FreshStoreAsync(db);
                await (await fresh.Store.OpenAsync()).DisposeAsync();
                stores.Enqueue(fresh);
            }

            await Task.Delay(TimeSpan.FromSeconds(3));

            // One untimed round first: the code is compiled (and recompiled by tiered compilation) before it is timed.
            var warm = (await TimeImportAsync(stores.Dequeue(), definition, definitionJson, csv)).Wall;
            var warmFile = (await TimeRawFromFileAsync(stores.Dequeue(), csv)).Wall;
            var warmMemory = (await TimeRawAsync(stores.Dequeue(), () => rows)).Wall;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{store.Kind,-8} warm-up (not counted): import {warm:F3} s, raw from the file {warmFile:F3} s, raw from memory {warmMemory:F3} s"));

            var import = new List<Timing>();
            var rawFile = new List<Timing>();
            var raw = new List<Timing>();
            for (var i = 0; i < repeat; i++)
            {
                import.Add(await TimeImportAsync(stores.Dequeue(), definition, definitionJson, csv));
                if (importOnly)
                {
                    continue;
                }

                rawFile.Add(await TimeRawFromFileAsync(stores.Dequeue(), csv));
                raw.Add(await TimeRawAsync(stores.Dequeue(), () => rows));
            }

            while (stores.TryDequeue(out var unused))
            {
                await unused.Item2();
            }

            if (importOnly)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store.Kind,-8} import median {Median(import):F3} s [{Join(import)}]{Cpu(import)}"));
                continue;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{store.Kind,-8} import median {Median(import):F3} s [{Join(import)}]{Cpu(import)}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{store.Kind,-8} raw insert from the file median {Median(rawFile):F3} s [{Join(rawFile)}]{Cpu(rawFile)}  raw/import = {Median(rawFile) / Median(import):F2}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{store.Kind,-8} raw insert from memory median {Median(raw):F3} s [{Join(raw)}]{Cpu(raw)}  raw/import = {Median(raw) / Median(import):F2}"));
        }

        return 0;
    }

    private static async Task<Timing> TimeImportAsync((Store Store, Func<Task> Drop) prepared, ElectionDefinition definition, string definitionJson, string csv)
    {
        var (store, drop) = prepared;
        try
        {
            await using var context = await store.OpenAsync();
            var cpu = await CpuClock.StartAsync(context);
            var watch = Stopwatch.StartNew();
            var trace = Environment.GetEnvironmentVariable("ASHYQ_BENCH_TRACE") == "1";
            var report = await new ResultsCsvImporter(context, TimeProvider.System).ImportAsync(definition, definitionJson, csv, p =>
            {
                if (trace && p.Done == p.Total)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {watch.Elapsed.TotalSeconds:F3} s  {p.Phase} done"));
                }
            });
            watch.Stop();
            if (report.Precincts != 95_415 && csv.Contains("2012-presidential", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{report.Precincts} precincts imported");
            }

            return cpu.Stop(watch.Elapsed.TotalSeconds);
        }
        finally
        {
            await drop();
        }
    }

    private static string Join(List<Timing> times) => string.Join(", ", times.Select(t => t.Wall.ToString("F3", CultureInfo.InvariantCulture)));

    /// <summary>The median CPU seconds of this process and of the store's server process, where it can be read.</summary>
    private static string Cpu(List<Timing> times)
    {
        var client = Median([.. times.Select(t => t.Client)]);
        var server = times.All(t => t.Server is not null) ? Median([.. times.Select(t => t.Server!.Value)]) : (double?)null;
        return string.Create(CultureInfo.InvariantCulture, $"  cpu: this process {client:F3} s{(server is { } s ? $", server {s:F3} s" : "")}");
    }

    private static async Task<Timing> TimeRawAsync((Store Store, Func<Task> Drop) prepared, Func<List<string?[]>> read)
    {
        var (store, drop) = prepared;
        try
        {
            await using var context = await store.OpenAsync();
            await context.Database.ExecuteSqlRawAsync(RawTable(store.Kind));
            var cpu = await CpuClock.StartAsync(context);
            var watch = Stopwatch.StartNew();
            var rows = read();
            var values = rows.Select(r => r[3..26].Select(v => long.Parse(v!, CultureInfo.InvariantCulture)).ToArray()).ToList();
            await using (var transaction = await context.Database.BeginTransactionAsync())
            {
                await using (var table = await BulkTable.BeginAsync(context, "raw_results", RawColumns, CancellationToken.None))
                {
                    for (var r = 0; r < rows.Count; r++)
                    {
                        table.Row();
                        table.Add(rows[r][0]);
                        table.Add(rows[r][1]);
                        table.Add(rows[r][2]);
                        foreach (var v in values[r])
                        {
                            table.Add(v);
                        }

                        table.Add(rows[r][26]);
                    }

                    await table.CompleteAsync(CancellationToken.None);
                }

                await transaction.CommitAsync();
            }

            watch.Stop();
            return cpu.Stop(watch.Elapsed.TotalSeconds);
        }
        finally
        {
            await drop();
        }
    }

    private static async Task<Timing> TimeRawFromFileAsync((Store Store, Func<Task> Drop) prepared, string csv)
    {
        var (store, drop) = prepared;
        try
        {
            await using var context = await store.OpenAsync();
            await context.Database.ExecuteSqlRawAsync(RawTable(store.Kind));
            var cpu = await CpuClock.StartAsync(context);
            var watch = Stopwatch.StartNew();
            using var zip = ZipFile.OpenRead(csv);
            using var reader = new StreamReader(zip.Entries.Single(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).Open(), Encoding.UTF8, true, 1 << 16);
            var rows = new CsvRecordReader(reader, ',', csv);
            rows.Read();
            await using (var transaction = await context.Database.BeginTransactionAsync())
            {
                await using (var table = await BulkTable.BeginAsync(context, "raw_results", RawColumns, CancellationToken.None))
                {
                    while (rows.Read())
                    {
                        table.Row();
                        table.Add(rows.FieldString(0));
                        table.Add(rows.FieldString(1));
                        table.Add(rows.FieldString(2));
                        for (var c = 3; c < 26; c++)
                        {
                            table.Add(long.Parse(rows.Field(c), CultureInfo.InvariantCulture));
                        }

                        table.Add(rows.FieldString(26));
                    }

                    await table.CompleteAsync(CancellationToken.None);
                }

                await transaction.CommitAsync();
            }

            watch.Stop();
            return cpu.Stop(watch.Elapsed.TotalSeconds);
        }
        finally
        {
            await drop();
        }
    }

    private static readonly List<(string, BulkType)> RawColumns =
    [
        ("region", BulkType.Text), ("tik", BulkType.Text), ("uik", BulkType.Text),
        .. Enumerable.Range(1, 23).Select(i => ($"v{i}", BulkType.BigInt)),
        ("url", BulkType.Text),
    ];

    private static string RawTable(StoreKind kind) =>
        $"CREATE TABLE raw_results (id {(kind == StoreKind.Postgres ? "bigint GENERATED BY DEFAULT AS IDENTITY" : "INTEGER")} PRIMARY KEY, region text, tik text, uik text, {string.Join(", ", Enumerable.Range(1, 23).Select(i => $"v{i} bigint"))}, url text)";

    /// <summary>A new empty store of the kind <paramref name="db"/> names: a new SQLite file beside it, or a new database on its server.</summary>
    private static async Task<(Store Store, Func<Task> Drop)> FreshStoreAsync(string db)
    {
        var name = "ashyq_bench_" + Guid.NewGuid().ToString("N")[..10];
        if (Store.Parse(db).Kind == StoreKind.Sqlite)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(db))!;
            return (Store.Parse(Path.Combine(folder, name + ".db")), DeleteFiles);

            Task DeleteFiles()
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in Directory.GetFiles(folder, name + ".db*"))
                {
                    File.Delete(file);
                }

                return Task.CompletedTask;
            }
        }

        await ExecuteAsync($"CREATE DATABASE {name}");
        return (Store.Parse(new NpgsqlConnectionStringBuilder(db) { Database = name }.ConnectionString), DropDatabaseAsync);

        async Task DropDatabaseAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }

        async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(db);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The file's rows as text (a plain RFC 4180 split, done once, outside every timing).</summary>
    private static List<string?[]> ReadRows(string path)
    {
        using var zip = path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? ZipFile.OpenRead(path) : null;
        using var reader = new StreamReader(zip is null ? File.OpenRead(path) : zip.Entries.Single(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).Open(), Encoding.UTF8);
        reader.ReadLine();
        var rows = new List<string?[]>();
        while (reader.ReadLine() is { } line)
        {
            var fields = new List<string?>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "russia", "2012-presidential.csv.zip");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/data/russia/2012-presidential.csv.zip is not above the benchmark; give --csv.");
    }

    private static List<string> Values(string[] args, string name) =>
        [.. args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Length).Select(x => args[x.i + 1])];

    private static double Median(List<Timing> values) => Median([.. values.Select(v => v.Wall)]);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>One timed run: wall seconds, and CPU seconds spent by this process and by the server's process for the connection.</summary>
    private readonly record struct Timing(double Wall, double Client, double? Server);

    /// <summary>
    /// CPU time of this process and, on PostgreSQL on this machine, of the backend serving the context's connection
    /// (read from /proc): where a run's time goes when both sides share the cores.
    /// </summary>
    private sealed class CpuClock
    {
        private readonly TimeSpan _client;
        private readonly int? _backend;
        private readonly double _server;

        private CpuClock(int? backend)
        {
            _backend = backend;
            _server = backend is { } pid ? ProcessSeconds(pid) ?? 0 : 0;
            _client = Process.GetCurrentProcess().TotalProcessorTime;
        }

        public static async Task<CpuClock> StartAsync(AshyqDbContext context)
        {
            if (context.Kind != StoreKind.Postgres)
            {
                return new CpuClock(null);
            }

            // The connection is kept open for the context's life, so that every command of the run goes to this backend.
            await context.Database.OpenConnectionAsync();
            var pid = await context.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
            return new CpuClock(ProcessSeconds(pid) is null ? null : pid);
        }

        public Timing Stop(double wall) => new(
            wall,
            (Process.GetCurrentProcess().TotalProcessorTime - _client).TotalSeconds,
            _backend is { } pid ? ProcessSeconds(pid) - _server : null);

        /// <summary>utime + stime of a process of this machine, from /proc/PID/stat (fields 14 and 15, in clock ticks).</summary>
        private static double? ProcessSeconds(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
