using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ashyq.Core.Candidates;
using Ashyq.Core.Generation;
using Ashyq.Storage;
using Ashyq.Storage.Signatures;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Bench;

/// <summary>
/// <c>signatures</c>: verifies one nominee's file of generated sheets (500,000 lines by default, with the
/// generator's known bad signatures) against a scale-1 register (9,181,700 voters), as <c>ashyq signatures
/// verify</c> does — read the CSV, load the signers by IIN in batches, verify, store one row per line in one
/// transaction — and reports the time and the process's peak memory. The sheets are generated into a CSV first
/// (once; kept) and the nominee's earlier checks are deleted before each run, so the run can be repeated.
/// <code>
/// ./ashyq --db /tmp/sig-bench.db generate --scale 1
/// dotnet run -c Release --project bench/Ashyq.Bench -- signatures --db /tmp/sig-bench.db [--db "Host=…"] [--lines 500000] [--nominee 4] [--csv /tmp/sig-bench-500000.csv]
/// </code>
/// </summary>
internal static class SignaturesBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dbs = Values(args, "--db");
        var lines = int.Parse(Values(args, "--lines").FirstOrDefault() ?? "500000", CultureInfo.InvariantCulture);
        var nominee = int.Parse(Values(args, "--nominee").FirstOrDefault() ?? "4", CultureInfo.InvariantCulture);
        var csv = Values(args, "--csv").FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), $"sig-bench-{lines}.csv");
        if (dbs.Count == 0)
        {
            await Console.Error.WriteLineAsync("signatures: give at least one --db (a scale-1 store: SQLite file or PostgreSQL connection string).");
            return 2;
        }

        foreach (var db in dbs)
        {
            var store = Store.Parse(db);
            await using var context = await store.OpenAsync();
            var definition = await new ElectionQueries(context).DefinitionAsync() ?? throw new InvalidOperationException($"{store.Display} holds no election: generate one with --scale 1.");
            var voters = await context.Voters.LongCountAsync();
            var watch = Stopwatch.StartNew();
            if (!File.Exists(csv))
            {
                await WriteSheetsAsync(context, definition, nominee, lines, csv);
                Line($"signatures: wrote {lines:N0}-line sheets to {csv} in {watch.Elapsed.TotalSeconds:F1} s");
            }

            // The civil registry's deaths of the generated signers, kept beside the CSV, recorded in each store.
            var deaths = (await File.ReadAllLinesAsync(csv + ".deaths")).Select(l => l.Split(','))
                .Select(f => new GeneratedDeath(Ashyq.Core.Register.Iin.Parse(f[0]), DateOnly.Parse(f[1], CultureInfo.InvariantCulture))).ToList();
            await SignatureSeeder.RecordDeathsAsync(context, new GeneratedSignatures([], deaths), CancellationToken.None);
            await ForgetEarlierRunAsync(context, nominee);
            context.ChangeTracker.Clear();

            GC.Collect();
            var before = Process.GetCurrentProcess();
            before.Refresh();
            var baseline = before.WorkingSet64;
            var cpu = before.TotalProcessorTime;
            watch.Restart();
            using var reader = new StreamReader(csv, new UTF8Encoding(false), true, 1 << 16);
            var signatures = new SignatureStore(context, definition, TimeProvider.System);
            var report = await signatures.VerifyAsync(nominee, reader, CancellationToken.None);
            var elapsed = watch.Elapsed;
            var process = Process.GetCurrentProcess();
            process.Refresh();
            Line($"signatures [{context.Kind}]: verified {report.Valid + report.Rejected.Count:N0} signatures of nominee {nominee} against {voters:N0} voters in {elapsed.TotalSeconds:F1} s "
                + $"({(report.Valid + report.Rejected.Count) / elapsed.TotalSeconds:N0}/s): {report.Valid:N0} valid, {report.Rejected.Count:N0} rejected, {report.Flagged.Count:N0} flags; "
                + $"CPU {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s; peak working set {process.PeakWorkingSet64 / (1024 * 1024):N0} MiB (at the start of the run {baseline / (1024 * 1024):N0} MiB); goal < 30 s: {(elapsed.TotalSeconds < 30 ? "met" : "NOT met")}");
            Line("  phases: " + string.Join(", ", signatures.LastTimings.Select(t => $"{t.Key} {t.Value.TotalSeconds:F1} s")));
            foreach (var group in report.Rejected.GroupBy(r => r.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Line($"  {group.Key,-24} {group.Count(),8:N0}");
            }
        }

        return 0;
    }

    /// <summary>
    /// Removes the nominee's checks of an earlier run of this benchmark. Stored checks are immutable (triggers of
    /// the migration SignatureChecksImmutable): the benchmark, and only it, lifts them for the delete, inside one
    /// transaction, and puts them back exactly as the migration made them.
    /// </summary>
    private static async Task ForgetEarlierRunAsync(AshyqDbContext context, int nominee)
    {
        await using var transaction = await context.Database.BeginTransactionAsync();
        string[] tables = ["signature_checks", "signature_batches"];
        var postgres = context.Kind == StoreKind.Postgres;
        foreach (var sql in tables.SelectMany(t => postgres ? [$"ALTER TABLE {t} DISABLE TRIGGER {t}_immutable"] : new[] { $"DROP TRIGGER {t}_no_update", $"DROP TRIGGER {t}_no_delete" }))
        {
            await context.Database.ExecuteSqlRawAsync(sql);
        }

        await context.SignatureChecks.Where(c => c.NomineeNumber == nominee).ExecuteDeleteAsync();
        await context.SignatureBatches.Where(c => c.NomineeNumber == nominee).ExecuteDeleteAsync();
        foreach (var sql in tables.SelectMany(t => postgres
            ? [$"ALTER TABLE {t} ENABLE TRIGGER {t}_immutable"]
            : new[]
            {
                $"CREATE TRIGGER {t}_no_update BEFORE UPDATE ON {t} BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of {t} cannot change'); END;",
                $"CREATE TRIGGER {t}_no_delete BEFORE DELETE ON {t} BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of {t} cannot be deleted'); END;",
            }))
        {
            await context.Database.ExecuteSqlRawAsync(sql);
        }

        await transaction.CommitAsync();
    }

    private static async Task WriteSheetsAsync(AshyqDbContext context, Ashyq.Core.Elections.ElectionDefinition definition, int nominee, int lines, string csv)
    {
        var election = await new ElectionQueries(context).ElectionAsync() ?? throw new InvalidOperationException("no election");
        var voters = await context.Voters.LongCountAsync();
        var pool = await SignatureSeeder.PoolAsync(context, definition, Math.Max(1, voters / Math.Max(1, lines * 4L)), CancellationToken.None);
        var badShare = SignatureSheetGenerator.Rates.Where(r => SignatureVerification.Codes.Contains(r.Key)).Sum(r => r.Value);
        var generated = new SignatureSheetGenerator(definition, election.Seed).GenerateOne(nominee, (int)(lines / (1 + badShare)) + 1000, pool);
        await File.WriteAllLinesAsync(csv + ".deaths", generated.Deaths.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Iin},{d.DiedOn:yyyy-MM-dd}")));
        await using var writer = new StreamWriter(csv, false, new UTF8Encoding(false), 1 << 16);
        SignatureSheetCsv.Write(writer, generated.Nominees[0].Lines.Take(lines));
    }

    private static List<string> Values(string[] args, string name) =>
        [.. args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Length).Select(x => args[x.i + 1])];

    private static void Line(string text) => Console.WriteLine(text);
}
