using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Elections;
using Ashyq.Core.Observation;
using Ashyq.Storage;
using Ashyq.Storage.Observation;

namespace Ashyq.Cli;

/// <summary>
/// <c>ashyq observation import --csv FILE</c> (submissions in long form, bad rows reported by row, field and code)
/// and <c>ashyq observation stats [--json]</c> (the mission's figures, computed from the stored forms).
/// </summary>
internal static class ObservationCommands
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var forms = new Option<string?>("--forms") { Description = "The forms file (default: the shipped definitions/observation-forms-kz-2011.json)" };

        var csv = new Option<string>("--csv") { Description = "The CSV file: submission_id,form,station,team,submitted_at,question,answer", Required = true };
        var importJson = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var import = new Command("import", "Import observers' submissions in long form (one answer a row); each submission is stored once by its id");
        import.Options.Add(csv);
        import.Options.Add(forms);
        import.Options.Add(importJson);
        import.SetAction((r, ct) => AshyqCommand.Guard(error, () =>
            ImportAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(csv)!, r.GetValue(forms), r.GetValue(importJson), output, error, ct)));

        var statsJson = new Option<bool>("--json") { Description = "Print the figures as JSON" };
        var stats = new Command("stats", "The mission's statistics from the stored forms: stations observed, negative assessments, incidents, by region");
        stats.Options.Add(forms);
        stats.Options.Add(statsJson);
        stats.SetAction((r, ct) => AshyqCommand.Guard(error, () =>
            StatsAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(forms), r.GetValue(statsJson), output, error, ct)));

        var observation = new Command("observation", "Observers' checklists: import submissions, compute the mission's statistics");
        observation.Subcommands.Add(import);
        observation.Subcommands.Add(stats);
        return observation;
    }

    private static async Task<ObservationForms?> FormsAsync(string? path, TextWriter error)
    {
        if (path is null)
        {
            return ObservationFormsLoader.Default;
        }

        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"OBS.NO-FILE: the forms file {path} does not exist.");
            return null;
        }

        try
        {
            return ObservationFormsLoader.Parse(await File.ReadAllTextAsync(path), Path.GetFileName(path));
        }
        catch (InvalidDefinitionException e)
        {
            await error.WriteLineAsync(e.Message);
            return null;
        }
    }

    private static async Task<int> ImportAsync(Store store, string path, string? formsPath, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var forms = await FormsAsync(formsPath, error);
        if (forms is null)
        {
            return AshyqCommand.UserError;
        }

        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"OBS.NO-FILE: the file {path} does not exist.");
            return AshyqCommand.UserError;
        }

        await using var db = await store.OpenAsync(ct);
        if (await new ElectionQueries(db).ElectionAsync(ct) is null)
        {
            return await AshyqCommand.NoElectionAsync(error, store);
        }

        ObservationImportReport report;
        try
        {
            using var reader = new StreamReader(path);
            report = await SubmissionCsvImporter.ImportAsync(new ObservationService(db, forms, TimeProvider.System), reader, Path.GetFileName(path), ct);
        }
        catch (ObservationImportException e)
        {
            await error.WriteLineAsync($"{e.Code}: {e.Message}");
            return AshyqCommand.UserError;
        }

        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                rows = report.Rows,
                submissions = report.Submissions,
                stored = report.Stored,
                already_stored = report.AlreadyStored,
                refused = report.Refused,
                errors = report.Errors.Select(e => new { row = e.Row, field = e.Field, code = e.Code, message = e.Message }),
            }, AshyqCommand.Json));
        }
        else
        {
            foreach (var e in report.Errors)
            {
                await error.WriteLineAsync(e.ToString());
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{report.Rows:N0} rows, {report.Submissions:N0} submissions: {report.Stored:N0} stored, {report.AlreadyStored:N0} already stored, {report.Refused:N0} refused ({report.Errors.Count:N0} errors)."));
        }

        // Refused rows are the user's to fix: say so in the exit code, after storing every good submission.
        return report.Refused > 0 ? AshyqCommand.UserError : AshyqCommand.Ok;
    }

    private static async Task<int> StatsAsync(Store store, string? formsPath, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var forms = await FormsAsync(formsPath, error);
        if (forms is null)
        {
            return AshyqCommand.UserError;
        }

        await using var db = await store.OpenAsync(ct);
        if (await new ElectionQueries(db).ElectionAsync(ct) is null)
        {
            return await AshyqCommand.NoElectionAsync(error, store);
        }

        var service = new ObservationService(db, forms, TimeProvider.System);
        var stats = await service.StatisticsAsync(ct);
        if (asJson)
        {
            var document = StatisticsDocument.Build(forms, stats);
            var summary = await service.SummaryAsync(ct);
            document["mission"] = new System.Text.Json.Nodes.JsonObject
            {
                ["organizations"] = summary.Organizations,
                ["observers"] = summary.Observers,
                ["long_term"] = summary.LongTerm,
                ["short_term"] = summary.ShortTerm,
                ["countries"] = summary.Countries,
                ["teams"] = summary.Teams,
                ["experts"] = summary.Experts,
            };
            await output.WriteLineAsync(document.ToJsonString(AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        await output.WriteLineAsync($"Forms {forms.Id} {forms.Version}: {stats.Submissions:N0} submissions.");
        foreach (var (kind, f) in stats.Forms.Where(f => f.Value.Visits > 0))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{ObservationForms.KindName(kind)}: {f.Observed:N0} observed ({f.Visits:N0} visits); negative in {f.NegativeUnits.Part:N0} of {f.NegativeUnits.Whole:N0} ({f.NegativeUnits.Value:P1}), per visit {f.NegativeVisits.Part:N0} of {f.NegativeVisits.Whole:N0} ({f.NegativeVisits.Value:P1})"));
        }

        foreach (var (code, n) in stats.Incidents)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {code}: {n:N0}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Conflicts between teams: {stats.Conflicts.Count:N0}."));
        return AshyqCommand.Ok;
    }

    /// <summary>The demo's simulated mission, and an observer account for the phone app (<c>observer1</c>).</summary>
    public static async Task SeedDemoAsync(Store store, ElectionDefinition definition, TextWriter output, CancellationToken ct)
    {
        MissionSummary? summary;
        await using (var db = await store.OpenAsync(ct))
        {
            summary = await ObservationDemo.SeedAsync(db, definition, TimeProvider.System, ct);
        }

        if (summary is null)
        {
            return;
        }

        await AccountsAdmin.CreateAsync(store, DemoObserver, definition.Levels[0].CodeOf(1), Core.Commissions.AccountRole.Observer, AccountsCommand.DemoPassword, ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Demo observation mission: {summary.ShortTerm:N0} short-term and {summary.LongTerm:N0} long-term observers from {summary.Countries} countries in {summary.Teams} teams, {summary.Submissions:N0} forms; observer account {DemoObserver} (password {AccountsCommand.DemoPassword}) for the app at /observe/."));
    }

    public const string DemoObserver = "observer1";
}
