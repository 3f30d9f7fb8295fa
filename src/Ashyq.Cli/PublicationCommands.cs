using System.CommandLine;
using System.Text;
using System.Text.Json;
using Ashyq.Core.Audit;
using Ashyq.Core.Transparency;
using Ashyq.Storage;
using Ashyq.Storage.Publication;

namespace Ashyq.Cli;

/// <summary><c>ashyq publish</c> writes the public site; <c>ashyq verify</c> checks one, as anyone can.</summary>
internal static class PublicationCommands
{
    public static Command Publish(Option<string> db, TextWriter output, TextWriter error)
    {
        var outDir = new Option<string>("--out") { Description = "The folder to write the site into", Required = true };
        var keyFile = new Option<string?>("--key") { Description = "The log's signing key file (made on first use, mode 0600); default: ashyq-log.key beside a SQLite store" };
        var command = new Command("publish", "Write the transparency log and every published record as static files");
        command.Options.Add(outDir);
        command.Options.Add(keyFile);
        command.SetAction((r, ct) => AshyqCommand.Guard(error, async () =>
        {
            var store = AshyqCommand.Open(r.GetValue(db)!);
            await using var context = await store.OpenAsync(ct);
            var definition = await new ElectionQueries(context).DefinitionAsync(ct);
            if (definition is null)
            {
                return await AshyqCommand.NoElectionAsync(error, store);
            }

            using var key = LogKeys.LoadOrCreate(r.GetValue(keyFile) ?? LogKeys.DefaultPath(store), LogKeys.OriginOf(definition.Id));
            var publisher = new LogPublisher(r.GetValue(outDir)!, key);
            var (count, precincts) = await AshyqCommand.AuditedAsync(store, AuditEvents.Publish, publisher.Directory, async () =>
                (await publisher.CatchUpAsync(context, ct), await new ResultsExporter(r.GetValue(outDir)!).WriteAsync(context, definition, TimeProvider.System, ct)),
                p => $"{p.Item1} log entries, tree size {publisher.Size}, results of {p.Item2} precincts",
                ct);
            await output.WriteLineAsync($"Published {count} log entries to {publisher.Directory} (tree size {publisher.Size}) and the results of {precincts:N0} precincts; verifier key: {key.VerifierKey}");
            return AshyqCommand.Ok;
        }));
        return command;
    }

    public static Command Verify(TextWriter output, TextWriter error)
    {
        var log = new Option<string>("--log") { Description = "The published site's folder", Required = true };
        var vkey = new Option<string>("--vkey") { Description = "The log's verifier key, or a file holding it", Required = true };
        var record = new Option<string?>("--record") { Description = "A record file to find in the log" };
        var precinct = new Option<string?>("--precinct") { Description = "Check the latest published protocol of this precinct" };
        var json = new Option<bool>("--json") { Description = "Print the checks as JSON" };
        var command = new Command("verify", "Verify a published log: the checkpoint's signature, every entry and tile, the root; and a record's inclusion");
        command.Options.Add(log);
        command.Options.Add(vkey);
        command.Options.Add(record);
        command.Options.Add(precinct);
        command.Options.Add(json);
        command.SetAction((r, ct) => AshyqCommand.Guard(error, async () =>
        {
            var root = Path.GetFullPath(r.GetValue(log)!);
            if (!Directory.Exists(root))
            {
                await error.WriteLineAsync($"The folder {root} does not exist.");
                return AshyqCommand.UserError;
            }

            var keyText = r.GetValue(vkey)!;
            NoteKey key;
            try
            {
                key = NoteKey.FromVerifierKey(File.Exists(keyText) ? await File.ReadAllTextAsync(keyText, ct) : keyText);
            }
            catch (FormatException e)
            {
                await error.WriteLineAsync($"--vkey: {e.Message}");
                return AshyqCommand.UserError;
            }

            byte[]? recordBytes = null;
            if (r.GetValue(record) is { } recordFile)
            {
                if (!File.Exists(recordFile))
                {
                    await error.WriteLineAsync($"The record file {recordFile} does not exist.");
                    return AshyqCommand.UserError;
                }

                recordBytes = await File.ReadAllBytesAsync(recordFile, ct);
            }
            else if (r.GetValue(precinct) is { } code)
            {
                var folder = Path.Combine(root, "records", "protocol", code);
                var latest = Directory.Exists(folder) ? Directory.GetFiles(folder, "v*.json").OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).LastOrDefault() : null;
                if (latest is null)
                {
                    await error.WriteLineAsync($"No protocol of {code} is published in {root}.");
                    return AshyqCommand.UserError;
                }

                recordBytes = await File.ReadAllBytesAsync(latest, ct);
            }

            var report = LogVerifier.Verify(path =>
            {
                var full = Path.GetFullPath(Path.Combine(root, path));
                return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full) ? File.ReadAllBytes(full) : null;
            }, key, recordBytes);
            if (r.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { all_valid = report.AllValid, size = report.Checkpoint?.Size, checks = report.Checks }, AshyqCommand.Json));
            }
            else
            {
                foreach (var check in report.Checks)
                {
                    await output.WriteLineAsync($"{(check.Passed ? "ok  " : "FAIL")} {check.Id} {check.Description}{(check.Detail is null ? "" : ": " + check.Detail)}");
                }

                await output.WriteLineAsync(report.AllValid ? "All valid." : "NOT VALID.");
            }

            return report.AllValid ? AshyqCommand.Ok : 1;
        }));
        return command;
    }
}
