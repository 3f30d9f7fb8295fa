using System.Diagnostics;
using System.Globalization;
using Ashyq.Core.Elections;
using Ashyq.Core.Register;
using Ashyq.Storage;
using Ashyq.Storage.Bulk;
using Ashyq.Storage.Register;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ashyq.Bench;

/// <summary>
/// <c>register</c>: in one run, (1) the import of a generated national register (9,181,700 voters at scale 1, plus
/// known duplicates) against a raw bulk insert of the same accepted rows (already in memory, the generation's own
/// bulk path) into a fresh store of the same kind — raw ÷ import, goal ≥ 0.5 — on each store given; (2) duplicate
/// detection over the whole imported register: the C# detector against DuckDB doing the same blocking join and
/// Jaro–Winkler scoring in SQL over the same prepared records (time ratio, goal: faster), with precision, recall
/// and F1 against the injected truth and the peak memory.
/// <code>
/// dotnet run -c Release -p:RuntimeIdentifier=linux-x64 --project bench/Ashyq.Bench -- register --db /tmp/reg.db --db "Host=…" [--scale 1] [--duplicates 0.005]
/// </code>
/// </summary>
internal static class RegisterBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dbs = Values(args, "--db");
        var scale = double.Parse(Values(args, "--scale").FirstOrDefault() ?? "1", CultureInfo.InvariantCulture);
        var rate = double.Parse(Values(args, "--duplicates").FirstOrDefault() ?? "0.005", CultureInfo.InvariantCulture);
        var work = Values(args, "--work").FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "ashyq-register-bench");
        var definitionPath = Values(args, "--definition").FirstOrDefault() ?? Path.Combine(AppContext.BaseDirectory, "definitions", "kz-2011-presidential.json");
        if (dbs.Count == 0)
        {
            await Console.Error.WriteLineAsync("register: give at least one --db (a SQLite file path, or a PostgreSQL connection string with Host=).");
            return 2;
        }

        Directory.CreateDirectory(work);
        var definitionJson = await File.ReadAllTextAsync(definitionPath);
        var definition = ElectionDefinitionLoader.Parse(definitionJson, definitionPath);
        var csv = Path.Combine(work, "register.csv");
        var truth = Path.Combine(work, "truth.csv");
        var watch = Stopwatch.StartNew();
        var sample = await RegisterSample.WriteAsync(definition, scale, 2011, csv, rate, truth);
        Line($"register: wrote {sample.Rows:N0} rows ({sample.Duplicates:N0} known duplicates: {string.Join(", ", sample.DuplicatesByKind.Select(k => $"{k.Key} {k.Value:N0}"))}), {new FileInfo(csv).Length / (1024 * 1024):N0} MiB, in {watch.Elapsed.TotalSeconds:F1} s");

        // The rows a raw insert writes: those the import accepts (a second use of an IIN in the file is refused).
        watch.Restart();
        var rows = ReadAccepted(csv, definition);
        Line($"register: {rows.Count:N0} valid rows held in memory for the raw insert in {watch.Elapsed.TotalSeconds:F1} s");

        DuplicateDetector? detector = null;
        foreach (var db in dbs)
        {
            var kind = Store.Parse(db).Kind;
            var (importStore, dropImport) = await FreshStoreAsync(db);
            var (rawStore, dropRaw) = await FreshStoreAsync(db);
            try
            {
                await HierarchyAsync(importStore, definition, definitionJson);
                await HierarchyAsync(rawStore, definition, definitionJson);

                double importSeconds;
                RegisterImportReport report;
                await using (var context = await importStore.OpenAsync())
                {
                    watch.Restart();
                    report = await new RegisterImporter(context, TimeProvider.System).ImportAsync(csv, definition.Calendar.Called);
                    importSeconds = watch.Elapsed.TotalSeconds;
                }

                double rawSeconds;
                await using (var context = await rawStore.OpenAsync())
                {
                    var precinctIds = await context.Commissions.Where(c => c.Level == definition.PrecinctLevel.Code).ToDictionaryAsync(c => c.Code, c => c.Id);
                    watch.Restart();
                    await using var transaction = await context.Database.BeginTransactionAsync();
                    await VoterBulkWriter.WriteAsync(context, rows, precinctIds, null, CancellationToken.None);
                    await transaction.CommitAsync();
                    rawSeconds = watch.Elapsed.TotalSeconds;
                }

                Line($"{kind,-8} import {report.Accepted:N0} accepted, {report.RejectedRows:N0} rejected in {importSeconds:F1} s; raw bulk insert of the same {rows.Count:N0} rows {rawSeconds:F1} s; raw/import = {rawSeconds / importSeconds:F2} (goal ≥ 0.5); peak memory {Peak()} MiB");
                await dropRaw();

                await using (var context = await importStore.OpenAsync())
                {
                    watch.Restart();
                    var found = await new DuplicateService(context, TimeProvider.System).DetectAsync();
                    var evaluation = DuplicateService.Evaluate(truth, found.Pairs.Select(p => (p.A, p.B)));
                    Line($"{kind,-8} duplicates: {found.Pairs.Count:N0} pairs over {found.Registrations:N0} registrations; load from the store {found.Load.TotalSeconds:F1} s, detection {found.Detect.TotalSeconds:F1} s, total {watch.Elapsed.TotalSeconds:F1} s; precision {evaluation.Precision:F4}, recall {evaluation.Recall:F4}, F1 {evaluation.F1:F4} [{string.Join(", ", evaluation.RecallByKind.Select(k => $"{k.Key} {k.Value:F4}"))}]; peak memory {Peak()} MiB");
                }

                if (detector is null)
                {
                    detector = new DuplicateDetector();
                    await using var context = await importStore.OpenAsync();
                    await using var command = context.Database.GetDbConnection().CreateCommand();
                    await context.Database.OpenConnectionAsync();
                    command.CommandText = "SELECT iin, surname, given_name, patronymic, address FROM voters";
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        Iin.TryCreate(reader.GetInt64(0), out var iin, out _);
                        detector.Add(iin, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
                    }
                }
            }
            finally
            {
                await dropImport();
            }
        }

        if (detector is not null)
        {
            await CompareWithDuckDbAsync(detector, work);
        }

        return 0;
    }

    /// <summary>The C# detector and DuckDB's SQL over the same prepared records: the same keys, folded names, dates, addresses.</summary>
    private static async Task CompareWithDuckDbAsync(DuplicateDetector detector, string work)
    {
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var watch = Stopwatch.StartNew();
        var pairs = detector.Find();
        var csharp = watch.Elapsed.TotalSeconds;
        Line($"detection C#: {pairs.Count:N0} pairs over {detector.Count:N0} records in {csharp:F2} s (blocking sort + Jaro–Winkler scoring, {Environment.ProcessorCount} cores); peak memory {Peak()} MiB");

        var path = Path.Combine(work, "dedupe.duckdb");
        File.Delete(path);
        await using var duck = new DuckDBConnection($"Data Source={path}");
        await duck.OpenAsync();
        await using (var create = duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE recs (id INTEGER, k1 UBIGINT, k2 UBIGINT, d INTEGER, addr UBIGINT, s VARCHAR, g VARCHAR, p VARCHAR)";
            await create.ExecuteNonQueryAsync();
        }

        watch.Restart();
        using (var appender = duck.CreateAppender("recs"))
        {
            for (var i = 0; i < detector.Count; i++)
            {
                var (k1, k2) = detector.Keys(i);
                appender.CreateRow()
                    .AppendValue(i).AppendValue(k1).AppendValue(k2).AppendValue(detector.DateOf(i)).AppendValue(detector.AddressOf(i))
                    .AppendValue(detector.Surname(i).ToString()).AppendValue(detector.Given(i).ToString()).AppendValue(detector.Patronymic(i).ToString())
                    .EndRow();
            }
        }

        Line($"detection DuckDB: {detector.Count:N0} prepared records loaded in {watch.Elapsed.TotalSeconds:F1} s (not timed below)");
        await using (var command = duck.CreateCommand())
        {
            command.CommandText = DuckDbSql;
            watch.Restart();
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            var duckSeconds = watch.Elapsed.TotalSeconds;
            Line($"detection DuckDB: {count:N0} pairs in {duckSeconds:F2} s (same blocking join and Jaro–Winkler scoring in SQL); C# is {duckSeconds / csharp:F1}× faster (goal > 1); peak memory {Peak()} MiB (before DuckDB {before / (1024 * 1024):N0} MiB)");
        }
    }

    /// <summary>The detector's blocking and score in SQL: pairs sharing a key, scored, at or above 0.85.</summary>
    internal const string DuckDbSql = """
        WITH keys AS (SELECT k1 AS k, id FROM recs UNION ALL SELECT k2 AS k, id FROM recs WHERE k2 <> k1),
        cand AS (SELECT DISTINCT a.id AS a, b.id AS b FROM keys a JOIN keys b ON a.k = b.k AND a.id < b.id),
        sims AS (
          SELECT c.a, c.b,
            CASE WHEN ra.d = rb.d THEN 1.0 ELSE 0.95 END * CASE WHEN ra.addr = rb.addr THEN 1.0 ELSE 0.8 END AS factor,
            jaro_winkler_similarity(ra.s, rb.s) AS js, jaro_winkler_similarity(ra.g, rb.g) AS jg,
            jaro_winkler_similarity(ra.s, rb.g) AS xs, jaro_winkler_similarity(ra.g, rb.s) AS xg,
            CASE WHEN ra.p = '' OR rb.p = '' THEN NULL ELSE jaro_winkler_similarity(ra.p, rb.p) END AS jp
          FROM cand c JOIN recs ra ON ra.id = c.a JOIN recs rb ON rb.id = c.b),
        scored AS (
          SELECT a, b, factor * greatest(
            CASE WHEN js >= 0.8 AND jg >= 0.8 THEN CASE WHEN jp IS NULL THEN (0.5 * js + 0.3 * jg) / 0.8 ELSE 0.5 * js + 0.3 * jg + 0.2 * jp END ELSE 0 END,
            CASE WHEN xs >= 0.8 AND xg >= 0.8 THEN CASE WHEN jp IS NULL THEN (0.5 * xs + 0.3 * xg) / 0.8 ELSE 0.5 * xs + 0.3 * xg + 0.2 * jp END ELSE 0 END) AS score
          FROM sims)
        SELECT count(*) FROM scored WHERE score >= 0.85
        """;

    /// <summary><c>register-parse FILE</c>: reading and checking alone, rows per second.</summary>
    public static int Parse(string csv)
    {
        var definition = ElectionDefinitionLoader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "definitions", "kz-2011-presidential.json")), "kz");
        var generator = new Ashyq.Core.Generation.WorldGenerator(definition, 0, 2011);
        var precincts = generator.Hierarchy().Commissions.Where(c => c.Level == definition.PrecinctLevel.Code).Select(c => c.Code.Value).ToHashSet();
        var watch = Stopwatch.StartNew();
        using var reader = new StreamReader(csv);
        long lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        var read = watch.Elapsed.TotalSeconds;
        watch.Restart();
        using var again = new StreamReader(csv);
        var rows = new RegisterCsv(again, new RegisterRules(precincts, definition.Calendar.VotingDay, definition.Electorate.MinimumVoterAge, definition.Calendar.Called));
        long valid = 0;
        foreach (var row in rows.Rows())
        {
            if (row.Voter is not null)
            {
                valid++;
            }
        }

        Line($"register-parse: {lines:N0} lines read in {read:F1} s; {valid:N0} valid rows parsed and checked in {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static List<Voter> ReadAccepted(string csv, ElectionDefinition definition)
    {
        var generator = new Ashyq.Core.Generation.WorldGenerator(definition, 0, 2011);
        var precincts = generator.Hierarchy().Commissions.Where(c => c.Level == definition.PrecinctLevel.Code).Select(c => c.Code.Value).ToHashSet();
        using var reader = new StreamReader(csv);
        var rows = new RegisterCsv(reader, new RegisterRules(precincts, definition.Calendar.VotingDay, definition.Electorate.MinimumVoterAge, definition.Calendar.Called));
        return [.. rows.Rows().Where(r => r.Voter is not null).Select(r => r.Voter!)];
    }

    private static async Task HierarchyAsync(Store store, ElectionDefinition definition, string json)
    {
        await using var context = await store.OpenAsync();
        await new WorldWriter(context, TimeProvider.System).GenerateAsync(definition, json, 0, 2011);
    }

    private static string Peak() => (Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture);

    private static void Line(string text) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:HH:mm:ss} {text}"));

    private static async Task<(Store Store, Func<Task> Drop)> FreshStoreAsync(string db)
    {
        var name = "ashyq_regbench_" + Guid.NewGuid().ToString("N")[..10];
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

        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(db) { Database = name };
        return (Store.Parse(builder.ConnectionString), Drop);

        async Task Drop()
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(db);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static List<string> Values(string[] args, string name) =>
        [.. args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Length).Select(x => args[x.i + 1])];
}
