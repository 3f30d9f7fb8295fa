using System.CommandLine;
using System.Text.Json;
using Ashyq.Core.Audit;
using Ashyq.Core.Elections;
using Ashyq.Storage;

namespace Ashyq.Cli;

/// <summary>
/// <c>ashyq audit export --out FILE</c>: the audit log as NIST SP 1500-101 Election Event Logging JSON, streamed
/// row by row. The file appears whole or not at all (written beside it, then moved into place). The export is
/// itself a long action of the log: its start is in the file it writes.
/// </summary>
internal static class AuditCommands
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var outFile = new Option<string>("--out") { Description = "The file to write (NIST SP 1500-101 JSON)", Required = true };
        var language = new Option<string>("--lang") { Description = "Language of the events' descriptions: kk, ru or en", DefaultValueFactory = _ => "en" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var export = new Command("export", "Write the audit log as NIST SP 1500-101 Election Event Logging JSON");
        export.Options.Add(outFile);
        export.Options.Add(language);
        export.Options.Add(json);
        export.SetAction((r, ct) => AshyqCommand.Guard(error, () =>
            ExportAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(outFile)!, r.GetValue(language)!, r.GetValue(json), output, error, ct)));

        var audit = new Command("audit", "The audit log: every event of the catalogue with its user, time and disposition");
        audit.Subcommands.Add(export);
        return audit;
    }

    internal static async Task<int> ExportAsync(Store store, string path, string language, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!LocalizedText.Languages.Contains(language))
        {
            await error.WriteLineAsync($"AUDIT.LANGUAGE: --lang {language}: the descriptions are in kk, ru or en.");
            return AshyqCommand.UserError;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            await error.WriteLineAsync($"AUDIT.OUT-PATH: --out {path}: not a file path ({e.Message}).");
            return AshyqCommand.UserError;
        }

        if (Directory.Exists(full))
        {
            await error.WriteLineAsync($"AUDIT.OUT-PATH: --out {path} is a folder: name the file to write.");
            return AshyqCommand.UserError;
        }

        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"AUDIT.OUT-PATH: --out {path}: the folder {folder} does not exist.");
            return AshyqCommand.UserError;
        }

        await using var db = await store.OpenAsync(ct);
        var partial = full + ".partial";
        FileStream file;
        try
        {
            file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"AUDIT.OUT-PATH: --out {path}: cannot write there ({(e is UnauthorizedAccessException ? "permission denied" : e.Message)}).");
            return AshyqCommand.UserError;
        }

        long events;
        try
        {
            events = await AshyqCommand.AuditedAsync(store, AuditEvents.AuditExport, full, async () =>
            {
                long written;
                await using (file)
                {
                    written = await AuditLogExport.WriteAsync(db, file, TimeProvider.System.GetUtcNow(), language, ct);
                }

                File.Move(partial, full, overwrite: true);
                return written;
            }, n => $"{n} events", ct);
        }
        finally
        {
            await file.DisposeAsync();
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }

        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { file = full, format = "NIST SP 1500-101 v1-8", events }, AshyqCommand.Json));
        }
        else
        {
            await output.WriteLineAsync($"Wrote {events:N0} audit events to {full} (NIST SP 1500-101 Election Event Logging JSON).");
        }

        return AshyqCommand.Ok;
    }
}
