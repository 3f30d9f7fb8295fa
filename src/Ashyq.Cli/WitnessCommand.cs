using System.CommandLine;
using System.Globalization;
using System.Net;
using Ashyq.Core.Transparency;
using Ashyq.Storage.Publication;

namespace Ashyq.Cli;

/// <summary>
/// <c>ashyq witness</c>: what an observer organization or a candidate's headquarters runs against the published
/// log. It fetches the new checkpoint, recomputes the consistency proof from the last checkpoint it cosigned out
/// of the log's own tiles, and only then cosigns (C2SP tlog-cosignature v1); a log that forks, rewrites or
/// shrinks is refused loudly (exit code 4) and the witness's state is left where it was.
/// </summary>
internal static class WitnessCommand
{
    public const int Refused = 4;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var log = new Option<string>("--log") { Description = "The published site: a folder, or an http(s) URL of its root", Required = true };
        var vkey = new Option<string>("--vkey") { Description = "The log's verifier key, or a file holding it", Required = true };
        var keyFile = new Option<string>("--key") { Description = "The witness's signing key file (made on first use, mode 0600)", Required = true };
        var stateFile = new Option<string>("--state") { Description = "The witness's state file: the last checkpoint it cosigned", Required = true };
        var outDir = new Option<string?>("--out") { Description = "The site folder to publish the cosignature into (log/cosignatures/<witness>); default: --log when it is a folder" };
        var name = new Option<string?>("--name") { Description = "The witness's name when its key is made (default: ashyq-witness/<host>)" };
        var command = new Command("witness", "Cosign the log's new checkpoint if it is consistent with the last one this witness cosigned; refuse a forked, rewritten or shrunk log");
        command.Options.Add(log);
        command.Options.Add(vkey);
        command.Options.Add(keyFile);
        command.Options.Add(stateFile);
        command.Options.Add(outDir);
        command.Options.Add(name);
        command.SetAction((r, ct) => AshyqCommand.Guard(error, () => RunAsync(
            r.GetValue(log)!, r.GetValue(vkey)!, r.GetValue(keyFile)!, r.GetValue(stateFile)!, r.GetValue(outDir), r.GetValue(name), output, error, ct)));
        return command;
    }

    private static async Task<int> RunAsync(string log, string vkey, string keyFile, string stateFile, string? outDir, string? name, TextWriter output, TextWriter error, CancellationToken ct)
    {
        NoteKey logKey;
        try
        {
            logKey = NoteKey.FromVerifierKey(File.Exists(vkey) ? await File.ReadAllTextAsync(vkey, ct) : vkey);
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"--vkey: {e.Message}");
            return AshyqCommand.UserError;
        }

        var isUrl = Uri.TryCreate(log, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
        var folder = isUrl ? null : Path.GetFullPath(log);
        if (folder is not null && !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"The folder {folder} does not exist.");
            return AshyqCommand.UserError;
        }

        CosignerKey key;
        try
        {
            key = LoadOrCreateKey(keyFile, name ?? "ashyq-witness/" + Environment.MachineName.ToLowerInvariant());
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"--key {keyFile}: {e.Message}");
            return AshyqCommand.UserError;
        }

        using var _ = key;
        var witness = new Witness(logKey, key, TimeProvider.System);
        Checkpoint? previous = null;
        if (File.Exists(stateFile))
        {
            try
            {
                previous = witness.ReadState(await File.ReadAllTextAsync(stateFile, ct));
            }
            catch (FormatException e)
            {
                await error.WriteLineAsync($"--state {stateFile}: {e.Message}");
                return AshyqCommand.UserError;
            }
        }

        using var http = isUrl ? new HttpClient { BaseAddress = new Uri(url!.AbsoluteUri.EndsWith('/') ? url.AbsoluteUri : url.AbsoluteUri + "/"), Timeout = TimeSpan.FromSeconds(30) } : null;
        Func<string, CancellationToken, Task<byte[]?>> read = http is not null
            ? async (path, token) =>
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), token);
                return response.StatusCode == HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync(token);
            }
        : async (path, token) =>
            {
                var full = Path.GetFullPath(Path.Combine(folder!, path));
                return full.StartsWith(folder!, StringComparison.Ordinal) && File.Exists(full) ? await File.ReadAllBytesAsync(full, token) : null;
            };

        var result = await witness.ObserveAsync(read, previous, ct);
        if (result is WitnessRefusal refusal)
        {
            await error.WriteLineAsync($"!! REFUSED {refusal.Code}: {refusal.Reason}");
            await error.WriteLineAsync($"!! The witness {key.Name} does NOT cosign the log {logKey.Name} at {log}. "
                + (previous is null ? "It has cosigned nothing of this log yet." : string.Create(CultureInfo.InvariantCulture, $"Its state stays at the tree of size {previous.Size} it cosigned.")));
            return Refused;
        }

        var cosigned = (WitnessCosigned)result;
        WriteWhole(stateFile, cosigned.CosignedNote);
        var publishTo = outDir ?? folder;
        string? published = null;
        if (publishTo is not null)
        {
            published = Path.Combine(Path.GetFullPath(publishTo), Witness.CosignaturePath(key.Name));
            WriteWhole(published, cosigned.CosignedNote);
        }

        await output.WriteAsync(cosigned.SignatureLine);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Cosigned {cosigned.Checkpoint.Origin} at size {cosigned.Checkpoint.Size}{(previous is null ? " (first checkpoint seen)" : $", consistent with size {previous.Size}")}"
            + $"{(published is null ? "" : "; written to " + published)}; witness verifier key: {key.VerifierKey}"));
        return AshyqCommand.Ok;
    }

    /// <summary>The witness's key from its file, made there (mode 0600) on first use.</summary>
    internal static CosignerKey LoadOrCreateKey(string path, string name)
    {
        if (File.Exists(path))
        {
            return CosignerKey.FromPrivate(File.ReadAllText(path));
        }

        var created = CosignerKey.Generate(name);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        LogKeys.CreateOwnerOnly(path, created.ExportPrivate() + "\n");
        return created;
    }

    private static void WriteWhole(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
