using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Audit;
using Ashyq.Storage;
using Ashyq.Storage.Import;

namespace Ashyq.Cli;

/// <summary>The <c>ashyq results …</c> commands: importing published results, and more as the results chain grows.</summary>
internal static class ResultsCommands
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var definition = new Option<string>("--definition") { Description = "The election definition file, with an import.csv profile", Required = true };
        var csv = new Option<string>("--csv") { Description = "The published results: a CSV file, one row per precinct, or a .zip holding one", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };

        var import = new Command("import", "Import published precinct results as accepted protocols, with the hierarchy, violations and tallies");
        import.Options.Add(definition);
        import.Options.Add(csv);
        import.Options.Add(json);
        import.SetAction((r, ct) => AshyqCommand.Guard(error, () =>
            ImportAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(definition)!, r.GetValue(csv)!, r.GetValue(json), output, error, ct)));

        var results = new Command("results", "Precinct results protocols: import published results");
        results.Subcommands.Add(import);
        return results;
    }

    private static async Task<int> ImportAsync(Store store, string definitionPath, string csvPath, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var (definition, text) = AshyqCommand.LoadDefinition(definitionPath);
        if (definition.Import?.Csv is not { } profile)
        {
            await error.WriteLineAsync($"IMPORT.NO-PROFILE: the definition {definition.Id} has no import.csv profile: it does not say which columns hold what.");
            return AshyqCommand.UserError;
        }

        await using var db = await store.OpenAsync(ct);
        ResultsImportReport report;
        try
        {
            report = await AshyqCommand.AuditedAsync(store, AuditEvents.ResultsImport, Path.GetFileName(csvPath), () =>
                AshyqCommand.WithProgress(error, $"Importing {Path.GetFileName(csvPath)} as {definition.Id} into {store.Display}", progress =>
                    new ResultsCsvImporter(db, TimeProvider.System).ImportAsync(definition, text, csvPath, progress, ct)),
                r => $"{r.Definition}: {r.Precincts} precincts, {r.Violations.Values.Sum()} control relations broken",
                ct);
        }
        catch (ResultsImportException e)
        {
            await error.WriteLineAsync($"{e.Code}: {e.Message}");
            return AshyqCommand.UserError;
        }

        var form = definition.ProtocolForm;
        var lines = form.Lines.Where(l => !l.IsCandidate).ToDictionary(l => l.Code, l => report.Totals[l.Index]);
        var candidates = form.CandidateLines.ToDictionary(l => profile.Lines[l.Code], l => report.Totals[l.Index]);
        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                election = definition.Id,
                precincts = report.Precincts,
                lines,
                candidates,
                violations = report.Violations,
                election_id = report.ElectionId,
                commissions = report.Commissions,
                store = store.Kind.ToString(),
                seconds = Math.Round(report.Elapsed.TotalSeconds, 2),
                peak_memory_mb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
            }, AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Imported {definition.Id}: {report.Precincts:N0} precinct protocols, {string.Join(", ", report.Commissions.Select(c => $"{c.Value:N0} {c.Key}"))} in {report.Elapsed.TotalSeconds:F1} s into {store.Display}"));
        foreach (var line in form.Lines.Where(l => !l.IsCandidate))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {line.Code,-4} {report.Totals[line.Index],14:N0}  {line.Label.En}"));
        }

        var participants = report.Totals[form.IndexOf[definition.Result.ParticipantsLine]];
        foreach (var line in form.CandidateLines.OrderByDescending(l => report.Totals[l.Index]))
        {
            var share = participants == 0 ? 0 : (double)report.Totals[line.Index] / participants;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {line.Code,-4} {report.Totals[line.Index],14:N0}  {share,7:P2}  {profile.Lines[line.Code]}"));
        }

        foreach (var relation in form.Relations)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {relation.Code} ({relation.Severity.ToString().ToLowerInvariant()}): {report.Violations[relation.Code]:N0} precincts"));
        }

        return AshyqCommand.Ok;
    }
}
