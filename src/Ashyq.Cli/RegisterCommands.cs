using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Audit;
using Ashyq.Core.Register;
using Ashyq.Storage;
using Ashyq.Storage.Register;

namespace Ashyq.Cli;

/// <summary>
/// The <c>ashyq register …</c> commands: importing akimats' lists, the count on a day, duplicate detection and its
/// review, transfers to special stations, the self-check and the printable lists.
/// </summary>
internal static class RegisterCommands
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var register = new Command("register", "The unified voter register: import, count, duplicates, transfers, self-check, lists");

        var file = new Argument<string>("file") { Description = "The akimat's list: UTF-8 CSV with the header " + string.Join(',', RegisterCsv.Columns) };
        var asOf = new Option<string?>("--as-of") { Description = "The day the records take effect (YYYY-MM-DD; default today)" };
        var import = new Command("import", "Import an akimat's voter list: accept every valid row, report every invalid one by row, field and code");
        import.Arguments.Add(file);
        import.Options.Add(asOf);
        import.Options.Add(json);
        import.SetAction((r, ct) => AshyqCommand.Guard(error, () => ImportAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(file)!, r.GetValue(asOf), r.GetValue(json), output, error, ct)));
        register.Subcommands.Add(import);

        var on = new Option<string?>("--on") { Description = "The day (YYYY-MM-DD; default today)" };
        var count = new Command("count", "Voters on the register on a day, and the signature threshold's base");
        count.Options.Add(on);
        count.Options.Add(json);
        count.SetAction((r, ct) => AshyqCommand.Guard(error, () => CountAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(on), r.GetValue(json), output, error, ct)));
        register.Subcommands.Add(count);

        var imports = new Command("imports", "Every import's published record: counts, never names");
        imports.Options.Add(json);
        imports.SetAction((r, ct) => AshyqCommand.Guard(error, () => ImportsAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(json), output, ct)));
        register.Subcommands.Add(imports);

        var minScore = new Option<double>("--min-score") { Description = "Report pairs scoring at least this (0–1)", DefaultValueFactory = _ => DuplicateDetector.DefaultThreshold };
        var truth = new Option<string?>("--truth") { Description = "A truth file (a,b,kind) to measure precision, recall and F1 against" };
        var duplicates = new Command("duplicates", "Find registrations likely to be the same person and queue them for review");
        duplicates.Options.Add(minScore);
        duplicates.Options.Add(truth);
        duplicates.Options.Add(json);
        duplicates.SetAction((r, ct) => AshyqCommand.Guard(error, () => DuplicatesAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(minScore), r.GetValue(truth), r.GetValue(json), output, error, ct)));
        register.Subcommands.Add(duplicates);

        var pairId = new Argument<long>("pair") { Description = "The pair's id (from register duplicates)" };
        var confirm = new Option<bool>("--confirm") { Description = "The two registrations are one person" };
        var dismiss = new Option<bool>("--dismiss") { Description = "The two registrations are different people" };
        var by = new Option<string>("--by") { Description = "The register official deciding", Required = true };
        var note = new Option<string?>("--note") { Description = "Why" };
        var review = new Command("review", "Record a register official's decision on a queued pair");
        review.Arguments.Add(pairId);
        review.Options.Add(confirm);
        review.Options.Add(dismiss);
        review.Options.Add(by);
        review.Options.Add(note);
        review.Options.Add(json);
        review.SetAction((r, ct) => AshyqCommand.Guard(error, () => ReviewAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(pairId), r.GetValue(confirm), r.GetValue(dismiss), r.GetValue(by)!, r.GetValue(note), r.GetValue(json), output, error, ct)));
        register.Subcommands.Add(review);

        var iin = new Argument<string>("iin") { Description = "The voter's IIN" };
        var to = new Option<string>("--to") { Description = "The special station's precinct code", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why (hospital stay, service, abroad …)" };
        var transfer = new Command("transfer", "Move a voter to a special station's list, off their home list in the same transaction");
        transfer.Arguments.Add(iin);
        transfer.Options.Add(to);
        transfer.Options.Add(reason);
        transfer.Options.Add(json);
        transfer.SetAction((r, ct) => AshyqCommand.Guard(error, () => TransferAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(iin)!, r.GetValue(to)!, r.GetValue(reason), r.GetValue(json), output, error, ct)));
        register.Subcommands.Add(transfer);

        var transfers = new Command("transfers", "Transfers to special stations, counted per station");
        transfers.Options.Add(json);
        transfers.SetAction((r, ct) => AshyqCommand.Guard(error, () => TransfersAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(json), output, ct)));
        register.Subcommands.Add(transfers);

        var surname = new Argument<string>("surname") { Description = "The voter's surname" };
        var check = new Command("check", "The voter's self-check: IIN and surname → precinct, its address, how to request a correction");
        check.Arguments.Add(iin);
        check.Arguments.Add(surname);
        check.Options.Add(json);
        check.SetAction((r, ct) => AshyqCommand.Guard(error, () => CheckAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(iin)!, r.GetValue(surname)!, r.GetValue(json), output, error, ct)));
        register.Subcommands.Add(check);

        var code = new Argument<string>("precinct") { Description = "The precinct commission's code" };
        var list = new Command("list", "A precinct's list in the order commissions use (Kazakh alphabet: surname, given name, patronymic)");
        list.Arguments.Add(code);
        list.Options.Add(json);
        list.SetAction((r, ct) => AshyqCommand.Guard(error, () => ListAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(code)!, r.GetValue(json), output, error, ct)));
        register.Subcommands.Add(list);

        var sampleFile = new Argument<string>("file") { Description = "The CSV file to write" };
        var scale = new Option<double>("--scale") { Description = "Voters as a share of the electorate", DefaultValueFactory = _ => 0.01 };
        var seed = new Option<long?>("--seed") { Description = "The seed (default: the stored election's)" };
        var rate = new Option<double>("--duplicates") { Description = "Share of voters given a known duplicate", DefaultValueFactory = _ => 0 };
        var truthOut = new Option<string?>("--truth") { Description = "Where to write the known duplicates (a,b,kind)" };
        var badEvery = new Option<long>("--bad-every") { Description = "Make every N-th row's check digit wrong (0: none)", DefaultValueFactory = _ => 0 };
        var sample = new Command("sample", "Write the stored election's generated register as an akimat's CSV, with known duplicates if asked");
        sample.Arguments.Add(sampleFile);
        sample.Options.Add(scale);
        sample.Options.Add(seed);
        sample.Options.Add(rate);
        sample.Options.Add(truthOut);
        sample.Options.Add(badEvery);
        sample.Options.Add(json);
        sample.SetAction((r, ct) => AshyqCommand.Guard(error, () => SampleAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(sampleFile)!, r.GetValue(scale), r.GetValue(seed), r.GetValue(rate), r.GetValue(truthOut), r.GetValue(badEvery), r.GetValue(json), output, error, ct)));
        register.Subcommands.Add(sample);

        return register;
    }

    private static async Task<int> NoElectionAsync(Store store, TextWriter error)
    {
        await error.WriteLineAsync($"The store {store.Display} holds no election yet: run `ashyq generate` (--scale 0 for the hierarchy alone) first.");
        return AshyqCommand.UserError;
    }

    private static bool TryDate(string? text, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            day = d;
            return true;
        }

        return false;
    }

    private static async Task<int> ImportAsync(Store store, string path, string? asOfText, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!TryDate(asOfText, out var asOf))
        {
            await error.WriteLineAsync($"--as-of {asOfText}: not a date (YYYY-MM-DD).");
            return AshyqCommand.UserError;
        }

        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"The file {path} does not exist.");
            return AshyqCommand.UserError;
        }

        await using var db = await store.OpenAsync(ct);
        RegisterImportReport report;
        try
        {
            report = await AshyqCommand.AuditedAsync(store, AuditEvents.RegisterImport, Path.GetFileName(path), () =>
                AshyqCommand.WithProgress(error, $"Importing {Path.GetFileName(path)} into the register of {store.Display}", progress =>
                    new RegisterImporter(db, TimeProvider.System).ImportAsync(path, asOf, progress, ct)),
                r => string.Create(CultureInfo.InvariantCulture, $"sha256 {r.Sha256}; as of {r.AsOf:yyyy-MM-dd}; {r.Rows} rows, {r.Accepted} accepted, {r.Unchanged} unchanged, {r.RejectedRows} refused{(r.AlreadyImported ? "; already imported" : "")}"),
                ct);
        }
        catch (RegisterFileException e)
        {
            if (asJson)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { accepted = 0, rejected = new[] { Row(e.Error) } }, AshyqCommand.Json));
            }
            else
            {
                await error.WriteLineAsync($"{e.Error.Code}: {e.Error.Message}");
            }

            return AshyqCommand.UserError;
        }

        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                accepted = report.Accepted,
                rejected = report.Errors.Select(Row),
                rows = report.Rows,
                unchanged = report.Unchanged,
                rejected_rows = report.RejectedRows,
                rejected_by_code = report.RejectedByCode,
                as_of = report.AsOf,
                register_count = report.RegisterCount,
                import_id = report.ImportId,
                already_imported = report.AlreadyImported,
                sha256 = report.Sha256,
                seconds = Math.Round(report.Elapsed.TotalSeconds, 2),
                peak_memory_mb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
            }, AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{report.FileName}: {report.Rows:N0} rows, {report.Accepted:N0} accepted, {report.Unchanged:N0} already on the register, {report.RejectedRows:N0} rejected in {report.Elapsed.TotalSeconds:F1} s; {report.RegisterCount:N0} voters on the register on {report.AsOf:yyyy-MM-dd}{(report.AlreadyImported ? $" (this file was already imported as import {report.ImportId}: nothing changed)" : "")}"));
        foreach (var e in report.Errors)
        {
            await output.WriteLineAsync($"  row {e.Row}, {e.Field}: {e.Code} {e.Message}");
        }

        if (report.Errors.Count < report.RejectedByCode.Values.Sum())
        {
            await output.WriteLineAsync($"  … {report.RejectedByCode.Values.Sum() - report.Errors.Count:N0} more; by code: {string.Join(", ", report.RejectedByCode.Select(c => $"{c.Key} {c.Value:N0}"))}");
        }

        return AshyqCommand.Ok;
    }

    private static object Row(RegisterRowError e) => new { row = e.Row, field = e.Field, code = e.Code, message = e.Message };

    private static async Task<int> CountAsync(Store store, string? onText, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!TryDate(onText, out var on))
        {
            await error.WriteLineAsync($"--on {onText}: not a date (YYYY-MM-DD).");
            return AshyqCommand.UserError;
        }

        await using var db = await store.OpenAsync(ct);
        var definition = await new ElectionQueries(db).DefinitionAsync(ct);
        if (definition is null)
        {
            return await NoElectionAsync(store, error);
        }

        var queries = new RegisterQueries(db);
        var day = on ?? RegisterQueries.Today(definition, TimeProvider.System);
        var count = await queries.CountOnAsync(day, ct);
        var signatureBase = await queries.SignatureBaseAsync(definition, ct);
        var threshold = definition.Candidates.Signatures is { } s ? (long)Math.Ceiling(s.ShareOfVoters * signatureBase) : 0;
        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { on = day, voters = count, signature_base = signatureBase, signature_threshold = threshold }, AshyqCommand.Json));
        }
        else
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count:N0} voters on the register on {day:yyyy-MM-dd}; signature threshold {threshold:N0} (of {signatureBase:N0})"));
        }

        return AshyqCommand.Ok;
    }

    private static async Task<int> ImportsAsync(Store store, bool asJson, TextWriter output, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var imports = await new RegisterQueries(db).ImportsAsync(ct);
        var records = imports.Select(i => new
        {
            import = i.Id,
            file = i.FileName,
            sha256 = i.Sha256,
            as_of = i.AsOf,
            started_at = i.StartedAt,
            finished_at = i.FinishedAt,
            complete = i.Complete,
            rows = i.Rows,
            accepted = i.Accepted,
            unchanged = i.Unchanged,
            rejected_rows = i.RejectedRows,
            rejected_by_code = JsonSerializer.Deserialize<Dictionary<string, long>>(i.RejectedByCode),
            register_count = i.RegisterCount,
        });
        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(records, AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        foreach (var i in imports)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{i.Id}\t{i.FileName}\tas of {i.AsOf:yyyy-MM-dd}\t{i.Rows:N0} rows\t{i.Accepted:N0} accepted\t{i.Unchanged:N0} unchanged\t{i.RejectedRows:N0} rejected\t{(i.Complete ? "complete" : "INCOMPLETE")}"));
        }

        return AshyqCommand.Ok;
    }

    private static async Task<int> DuplicatesAsync(Store store, double minScore, string? truthPath, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (truthPath is not null && !File.Exists(truthPath))
        {
            await error.WriteLineAsync($"The truth file {truthPath} does not exist.");
            return AshyqCommand.UserError;
        }

        await using var db = await store.OpenAsync(ct);
        var report = await AshyqCommand.WithProgress(error, $"Looking for duplicate registrations in {store.Display}", progress =>
            new DuplicateService(db, TimeProvider.System).DetectAsync(minScore, progress, ct));
        var pairs = report.Pairs.Where(p => p.Score >= minScore).ToList();
        var evaluation = truthPath is null ? null : DuplicateService.Evaluate(truthPath, pairs.Select(p => (p.A, p.B)));
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                pairs = pairs.Select(p => new { id = p.Id, a = p.A, b = p.B, score = p.Score, kind = p.Kind, evidence = p.Evidence, status = p.Status }),
                registrations = report.Registrations,
                new_pairs = report.NewPairs,
                evaluation,
                seconds = new { load = Math.Round(report.Load.TotalSeconds, 2), detect = Math.Round(report.Detect.TotalSeconds, 2), total = Math.Round(report.Total.TotalSeconds, 2) },
                peak_memory_mb = peak,
            }, AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{pairs.Count:N0} pairs ({report.NewPairs:N0} new) among {report.Registrations:N0} registrations; load {report.Load.TotalSeconds:F1} s, detection {report.Detect.TotalSeconds:F1} s, peak memory {peak:N0} MiB"));
        foreach (var p in pairs.Take(200))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  #{p.Id}\t{p.A}\t{p.B}\t{p.Score:F3}\t{p.Status}\t{p.Evidence}"));
        }

        if (pairs.Count > 200)
        {
            await output.WriteLineAsync($"  … {pairs.Count - 200:N0} more (--json for all)");
        }

        if (evaluation is not null)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Against {truthPath}: {evaluation.Truth:N0} known, {evaluation.Found:N0} found, {evaluation.TruePositives:N0} right; precision {evaluation.Precision:F4}, recall {evaluation.Recall:F4}, F1 {evaluation.F1:F4}"));
            await output.WriteLineAsync("  recall by kind: " + string.Join(", ", evaluation.RecallByKind.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value:F4}"))));
        }

        return AshyqCommand.Ok;
    }

    private static async Task<int> ReviewAsync(Store store, long id, bool confirm, bool dismiss, string by, string? note, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (confirm == dismiss)
        {
            await error.WriteLineAsync("Give exactly one of --confirm and --dismiss.");
            return AshyqCommand.UserError;
        }

        await using var db = await store.OpenAsync(ct);
        DuplicatePairView? pair;
        try
        {
            pair = await new DuplicateService(db, TimeProvider.System).DecideAsync(id, confirm, by, note, ct);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync(e.Message);
            return AshyqCommand.UserError;
        }

        if (pair is null)
        {
            await error.WriteLineAsync($"There is no pair {id} in the review queue.");
            return AshyqCommand.UserError;
        }

        await output.WriteLineAsync(asJson
            ? JsonSerializer.Serialize(new { id = pair.Id, a = pair.A, b = pair.B, status = pair.Status, decided_by = pair.DecidedBy, note = pair.Note }, AshyqCommand.Json)
            : $"Pair {pair.Id} ({pair.A}, {pair.B}): {pair.Status} by {pair.DecidedBy}");
        return AshyqCommand.Ok;
    }

    private static async Task<int> TransferAsync(Store store, string iin, string to, string? reason, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        try
        {
            var result = await new TransferService(db, TimeProvider.System).TransferAsync(iin, to, reason, ct);
            await output.WriteLineAsync(asJson
                ? JsonSerializer.Serialize(new { iin = result.Iin, from = result.From, to = result.To, on = result.On }, AshyqCommand.Json)
                : $"{result.Iin} moved from the list of {result.From} to the list of special station {result.To} on {result.On:yyyy-MM-dd}");
            return AshyqCommand.Ok;
        }
        catch (TransferRefusedException e)
        {
            await error.WriteLineAsync($"{e.Code}: {e.Message}");
            return AshyqCommand.UserError;
        }
    }

    private static async Task<int> TransfersAsync(Store store, bool asJson, TextWriter output, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var stations = await new RegisterQueries(db).TransfersPerStationAsync(ct);
        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { total = stations.Sum(s => s.Transfers), stations = stations.Select(s => new { code = s.Code, kind = s.SpecialKind, transfers = s.Transfers }) }, AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        foreach (var s in stations)
        {
            await output.WriteLineAsync($"{s.Code}\t{s.SpecialKind}\t{s.Transfers}");
        }

        await output.WriteLineAsync($"{stations.Sum(s => s.Transfers)} transfers to {stations.Count} special stations");
        return AshyqCommand.Ok;
    }

    private static async Task<int> CheckAsync(Store store, string iin, string surname, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var answer = await new RegisterQueries(db).SelfCheckAsync(iin, surname, ct);
        if (answer is null)
        {
            await error.WriteLineAsync("No voter with this IIN and surname is on the register.");
            return AshyqCommand.UserError;
        }

        await output.WriteLineAsync(asJson
            ? JsonSerializer.Serialize(new { precinct = answer.PrecinctCode, name = answer.PrecinctName, address = answer.PrecinctAddress, how_to_correct = answer.HowToCorrect }, AshyqCommand.Json)
            : $"{answer.PrecinctCode} {answer.PrecinctName.Kk}, {answer.PrecinctAddress}\n{answer.HowToCorrect.Kk}");
        return AshyqCommand.Ok;
    }

    private static async Task<int> ListAsync(Store store, string code, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var list = await new RegisterQueries(db).PrecinctListAsync(code, ct);
        if (list is null)
        {
            await error.WriteLineAsync($"There is no commission {code}.");
            return AshyqCommand.UserError;
        }

        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(list, AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        await output.WriteLineAsync($"{list.Code} {list.Name.Kk}, {list.Address}: {list.Voters.Count} voters");
        foreach (var v in list.Voters)
        {
            await output.WriteLineAsync($"{v.Number}\t{v.Surname} {v.GivenName} {v.Patronymic}\t{v.BirthDate:yyyy-MM-dd}\t{v.Address}");
        }

        return AshyqCommand.Ok;
    }

    private static async Task<int> SampleAsync(Store store, string path, double scale, long? seed, double rate, string? truthPath, long badEvery, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var queries = new ElectionQueries(db);
        var election = await queries.ElectionAsync(ct);
        var definition = await queries.DefinitionAsync(ct);
        if (election is null || definition is null)
        {
            return await NoElectionAsync(store, error);
        }

        var report = await RegisterSample.WriteAsync(definition, scale, seed ?? election.Seed, path, rate, truthPath, badEvery, ct);
        await output.WriteLineAsync(asJson
            ? JsonSerializer.Serialize(new { file = path, rows = report.Rows, duplicates = report.Duplicates, duplicates_by_kind = report.DuplicatesByKind, truth = truthPath }, AshyqCommand.Json)
            : $"Wrote {report.Rows:N0} rows to {path}, {report.Duplicates:N0} of them known duplicates{(truthPath is null ? "" : $" (truth in {truthPath})")}");
        return AshyqCommand.Ok;
    }
}
