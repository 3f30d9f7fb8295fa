using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ashyq.Core.Audit;
using Ashyq.Core.Candidates;
using Ashyq.Storage;
using Ashyq.Storage.Signatures;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Cli;

/// <summary>
/// The <c>ashyq signatures …</c> commands: verify a nominee's sheets against the register, the counts per TEC,
/// the rejected signatures with their reasons, the generated demo sheets and how exactly their verification
/// reproduces the generator's known bad signatures.
/// </summary>
internal static class SignaturesCommands
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var language = new Option<string>("--lang") { Description = "Language of the reasons: kk, ru or en", DefaultValueFactory = _ => "kk" };
        var nominee = new Option<int>("--nominee") { Description = "The nominee's id (from `ashyq candidates`)", Required = true };
        var signatures = new Command("signatures", "Support signatures: verification against the register, counts per TEC, reasons");

        var csv = new Option<string>("--csv") { Description = "The sheets: UTF-8 CSV with the header " + string.Join(',', SignatureSheetCsv.Columns), Required = true };
        var verify = new Command("verify", "Verify a file of a nominee's sheets against the register as it stood on each signing date, and store the result");
        verify.Options.Add(nominee);
        verify.Options.Add(csv);
        verify.Options.Add(language);
        verify.Options.Add(json);
        verify.SetAction((r, ct) => AshyqCommand.Guard(error, () => VerifyAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(nominee), r.GetValue(csv)!, r.GetValue(language)!, r.GetValue(json), output, error, ct)));
        signatures.Subcommands.Add(verify);

        var counts = new Command("counts", "A nominee's signatures per TEC: counted, rejected per reason, flagged per pattern");
        counts.Options.Add(nominee);
        counts.Options.Add(json);
        counts.SetAction((r, ct) => AshyqCommand.Guard(error, () => CountsAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(nominee), r.GetValue(json), output, error, ct)));
        signatures.Subcommands.Add(counts);

        var tec = new Option<string?>("--tec") { Description = "Only the signatures of this TEC's unit" };
        var rejections = new Command("rejections", "A nominee's rejected signatures with their reasons (sheet, line, code, sentence; no signer's data)");
        rejections.Options.Add(nominee);
        rejections.Options.Add(tec);
        rejections.Options.Add(language);
        rejections.Options.Add(json);
        rejections.SetAction((r, ct) => AshyqCommand.Guard(error, () => RejectionsAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(nominee), r.GetValue(tec), r.GetValue(language)!, r.GetValue(json), output, error, ct)));
        signatures.Subcommands.Add(rejections);

        var outFile = new Option<string>("--out") { Description = "Write the sheets here (CSV)", Required = true };
        var keyFile = new Option<string?>("--key") { Description = "Write the answer key here (sheet_id,line,code,patterns)" };
        var sheets = new Command("sheets", "Write the generated demo sheets of a nominee (and their answer key) as CSV; records the generated signers' deaths");
        sheets.Options.Add(nominee);
        sheets.Options.Add(outFile);
        sheets.Options.Add(keyFile);
        sheets.SetAction((r, ct) => AshyqCommand.Guard(error, () => SheetsAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(nominee), r.GetValue(outFile)!, r.GetValue(keyFile), output, error, ct)));
        signatures.Subcommands.Add(sheets);

        var check = new Command("check-generated", "Verify the generated demo sheets (if not yet) and compare with the generator's answer key: precision and recall per code and pattern");
        check.Options.Add(json);
        check.SetAction((r, ct) => AshyqCommand.Guard(error, () => CheckGeneratedAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(json), output, error, ct)));
        signatures.Subcommands.Add(check);
        return signatures;
    }

    private static async Task<int> VerifyAsync(Store store, int nominee, string path, string language, bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"--csv {path}: no such file.");
            return AshyqCommand.UserError;
        }

        await using var db = await store.OpenAsync(ct);
        var definition = await new ElectionQueries(db).DefinitionAsync(ct);
        if (definition is null)
        {
            return await AshyqCommand.NoElectionAsync(error, store);
        }

        var started = Stopwatch.StartNew();
        SignatureVerificationReport report;
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, 1 << 16);
            report = await AshyqCommand.AuditedAsync(store, AuditEvents.SignatureVerification, $"nominee/{nominee}", () =>
                new SignatureStore(db, definition, TimeProvider.System).VerifyAsync(nominee, reader, ct),
                r => $"{Path.GetFileName(path)}: {r.Valid} valid, {r.Rejected.Count} rejected, {r.Flagged.Count} flagged",
                ct);
        }
        catch (SignatureFileException e)
        {
            await error.WriteLineAsync($"{path}: the file is refused, nothing of it was verified or stored:");
            foreach (var problem in e.Errors.Where(x => x.Blocking).Take(50))
            {
                await error.WriteLineAsync("  " + problem);
            }

            return AshyqCommand.UserError;
        }
        catch (SignatureVerificationRefusedException e)
        {
            await error.WriteLineAsync($"{e.Code}: {e.Message}");
            return AshyqCommand.UserError;
        }

        foreach (var problem in report.FieldErrors.Take(50))
        {
            await error.WriteLineAsync("  " + problem);
        }

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                valid = report.Valid,
                rejected = report.Rejected.Select(x => new { sheet_id = x.SheetId, line = x.Line, code = x.Code, message = x.Reason.In(language) }),
                flagged = report.Flagged.Select(f => new { sheet_id = f.SheetId, line = f.Line, pattern = f.Pattern }),
            }, AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Nominee {nominee}: {report.Valid:N0} valid, {report.Rejected.Count:N0} rejected, {report.Flagged.Count:N0} flags ({started.Elapsed.TotalSeconds:F1} s)."));
        foreach (var group in report.Rejected.GroupBy(x => x.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"  {group.Key,-24} {group.Count(),8:N0}  e.g. sheet {group.First().SheetId} line {group.First().Line}: {group.First().Reason.In(language)}");
        }

        foreach (var group in report.Flagged.GroupBy(x => x.Pattern).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"  flag {group.Key,-27} {group.Count(),8:N0}");
        }

        return AshyqCommand.Ok;
    }

    private static async Task<int> CountsAsync(Store store, int nominee, bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var definition = await new ElectionQueries(db).DefinitionAsync(ct);
        if (definition is null)
        {
            return await AshyqCommand.NoElectionAsync(error, store);
        }

        var counts = await new SignatureStore(db, definition, TimeProvider.System).CountsAsync(nominee, ct);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(counts.Select(c => new { tec = c.Tec, valid = c.Valid, rejected = c.Rejected, rejected_by_code = c.RejectedByCode, flagged_by_pattern = c.FlaggedByPattern }), AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        foreach (var c in counts)
        {
            await output.WriteLineAsync($"{(c.Tec.Length == 0 ? "(not on the register)" : c.Tec),-22} valid {c.Valid,8:N0}  rejected {c.Rejected,7:N0}  {string.Join(", ", c.RejectedByCode.Select(x => $"{x.Key} {x.Value}"))}");
        }

        await output.WriteLineAsync($"Total valid: {counts.Sum(c => c.Valid):N0}");
        return AshyqCommand.Ok;
    }

    private static async Task<int> RejectionsAsync(Store store, int nominee, string? tec, string language, bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var definition = await new ElectionQueries(db).DefinitionAsync(ct);
        if (definition is null)
        {
            return await AshyqCommand.NoElectionAsync(error, store);
        }

        var rows = await new SignatureStore(db, definition, TimeProvider.System).RejectionsAsync(nominee, tec, ct);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(rows.Select(x => new { sheet_id = x.SheetId, line = x.Line, tec = x.Tec, code = x.Code, message = x.Reason.In(language) }), AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        foreach (var x in rows)
        {
            await output.WriteLineAsync($"{x.SheetId},{x.Line},{x.Tec},{x.Code},{SignatureSheetCsv.Escape(x.Reason.In(language))}");
        }

        return AshyqCommand.Ok;
    }

    private static async Task<int> SheetsAsync(Store store, int nominee, string path, string? keyPath, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        if (await new ElectionQueries(db).DefinitionAsync(ct) is null)
        {
            return await AshyqCommand.NoElectionAsync(error, store);
        }

        var (_, generated, _) = await SignatureSeeder.GenerateAsync(db, ct);
        var sheets = generated.Nominees.FirstOrDefault(n => n.Nominee == nominee);
        if (sheets is null)
        {
            await error.WriteLineAsync($"--nominee {nominee}: there is no such nominee (`ashyq candidates` lists them).");
            return AshyqCommand.UserError;
        }

        // The civil registry's notices of the generated signers' deaths, so their signatures are flagged.
        var recorded = await SignatureSeeder.RecordDeathsAsync(db, generated, ct);
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            SignatureSheetCsv.Write(writer, sheets.Lines);
        }

        if (keyPath is not null)
        {
            await using var key = new StreamWriter(keyPath, false, new UTF8Encoding(false));
            await key.WriteAsync("sheet_id,line,code,patterns\n");
            foreach (var k in sheets.AnswerKey)
            {
                await key.WriteAsync($"{SignatureSheetCsv.Escape(k.SheetId)},{k.Line},{k.Code},{string.Join(' ', k.Patterns)}\n");
            }
        }

        await output.WriteLineAsync($"Wrote {sheets.Lines.Count:N0} lines of nominee {nominee} ({sheets.ExpectedValid:N0} valid by the answer key) to {path}; {recorded:N0} deaths of generated signers recorded.");
        return AshyqCommand.Ok;
    }

    private static async Task<int> CheckGeneratedAsync(Store store, bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        if (await new ElectionQueries(db).DefinitionAsync(ct) is null)
        {
            return await AshyqCommand.NoElectionAsync(error, store);
        }

        GeneratedSheetsAccuracy accuracy;
        if (!await db.SignatureChecks.AnyAsync(ct))
        {
            accuracy = await SignatureSeeder.SeedAsync(db, TimeProvider.System, ct);
        }
        else
        {
            var (_, generated, threshold) = await SignatureSeeder.GenerateAsync(db, ct);
            accuracy = await SignatureSeeder.CompareAsync(db, generated, threshold, ct);
        }

        if (json)
        {
            static object Row(CodeAccuracy a) => new { expected = a.Expected, found = a.Found, correct = a.Correct, precision = a.Precision, recall = a.Recall };
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                exact = accuracy.Exact,
                threshold = accuracy.Threshold,
                codes = accuracy.Codes.ToDictionary(c => c.Code, Row),
                patterns = accuracy.Patterns.ToDictionary(c => c.Code, Row),
                nominees = accuracy.Nominees.Select(n => new { id = n.Nominee, status = n.Status, lines = n.Lines, expected_valid = n.ExpectedValid, valid = n.Valid, reaches_threshold = n.Valid >= n.Threshold }),
            }, AshyqCommand.Json));
        }
        else
        {
            await output.WriteLineAsync($"Threshold {accuracy.Threshold:N0}; answer key {(accuracy.Exact ? "reproduced exactly" : "NOT reproduced")}.");
            foreach (var a in accuracy.Codes.Concat(accuracy.Patterns))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {a.Code,-28} planted {a.Expected,7:N0}  found {a.Found,7:N0}  precision {a.Precision:F3}  recall {a.Recall:F3}"));
            }

            foreach (var n in accuracy.Nominees)
            {
                await output.WriteLineAsync($"  nominee {n.Nominee,2} {n.Status,-10} {n.Lines,8:N0} lines, {n.Valid,8:N0} valid (key {n.ExpectedValid:N0}){(n.Valid >= n.Threshold ? " ≥ threshold" : "")}");
            }
        }

        return accuracy.Exact ? AshyqCommand.Ok : 1;
    }
}
