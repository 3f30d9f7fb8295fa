using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Media;
using Ashyq.Storage;
using Ashyq.Storage.Media;

namespace Ashyq.Cli;

/// <summary>
/// <c>ashyq media</c>: media monitoring. <c>import --csv FILE</c> reads monitored items (every bad row named, the
/// file refused whole); <c>stats</c> prints the shares and totals computed from the items; <c>demo</c> adds the
/// demo world's monitoring sample.
/// </summary>
internal static class MediaCommands
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var media = new Command("media", "Media monitoring: import monitored items, print the coverage shares");

        var csv = new Option<string>("--csv") { Description = "The monitoring file: outlet,aired_at,programme,kind,subject,seconds,tone,monitor", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var import = new Command("import", "Import monitored items from a CSV file; a file with a bad row is refused whole, every bad row named");
        import.Options.Add(csv);
        import.Options.Add(json);
        import.SetAction((r, ct) => AshyqCommand.Guard(error, () => ImportAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(csv)!, r.GetValue(json), output, error, ct)));
        media.Subcommands.Add(import);

        var statsJson = new Option<bool>("--json") { Description = "Print the figures as JSON" };
        var language = new Option<string>("--lang") { Description = "Language of candidates' names: kk, ru or en (as `ashyq candidates --lang`)", DefaultValueFactory = _ => "kk" };
        var byDay = new Option<bool>("--by-day") { Description = "Also print each day's figures" };
        var stats = new Command("stats", "The coverage shares per outlet, tone, institutional and paid time, and the equal-coverage flags");
        stats.Options.Add(statsJson);
        stats.Options.Add(language);
        stats.Options.Add(byDay);
        stats.SetAction((r, ct) => AshyqCommand.Guard(error, () => StatsAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(statsJson), r.GetValue(language)!, r.GetValue(byDay), output, error, ct)));
        media.Subcommands.Add(stats);

        var seed = new Option<long>("--seed") { Description = "The seed of the sample", DefaultValueFactory = _ => 2011 };
        var demo = new Command("demo", "Add the demo world's monitoring sample, if the store holds no monitored items");
        demo.Options.Add(seed);
        demo.SetAction((r, ct) => AshyqCommand.Guard(error, async () =>
        {
            var store = AshyqCommand.Open(r.GetValue(db)!);
            await using (var context = await store.OpenAsync(ct))
            {
                if (await new ElectionQueries(context).ElectionAsync(ct) is null)
                {
                    return await AshyqCommand.NoElectionAsync(error, store);
                }
            }

            await SeedDemoAsync(store, r.GetValue(seed), output, ct);
            return AshyqCommand.Ok;
        }));
        media.Subcommands.Add(demo);
        return media;
    }

    /// <summary>The demo world's monitoring sample (called by <c>ashyq demo</c> on an empty store).</summary>
    public static async Task SeedDemoAsync(Store store, long seed, TextWriter output, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var written = await new MediaService(db, TimeProvider.System).SeedDemoAsync(seed, ct);
        await output.WriteLineAsync(written == 0
            ? "Media monitoring: the store already holds monitored items (or the election has no demo sample); nothing added."
            : $"Media monitoring sample: {written:N0} monitored items (see `ashyq media stats`).");
    }

    private static async Task<int> ImportAsync(Store store, string path, bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"The file {path} does not exist.");
            return AshyqCommand.UserError;
        }

        await using var db = await store.OpenAsync(ct);
        MediaImportReport report;
        try
        {
            report = await new MediaService(db, TimeProvider.System).ImportCsvAsync(path, Environment.UserName, ct);
        }
        catch (MediaStoreException e)
        {
            await error.WriteLineAsync(e.Message);
            return AshyqCommand.UserError;
        }

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                accepted = report.Accepted,
                rejected = report.Errors.Select(e => new { row = e.Row, field = e.Field, code = e.Code, message = e.Message }),
                rows = report.Rows,
                file = report.FileName,
                sha256 = report.Sha256,
                already_imported = report.AlreadyImported,
                import_id = report.ImportId,
            }, AshyqCommand.Json));
        }
        else if (report.AlreadyImported)
        {
            await output.WriteLineAsync($"{report.FileName} was imported before (SHA-256 {report.Sha256}); nothing changed.");
        }
        else if (!report.Refused)
        {
            await output.WriteLineAsync($"Imported {report.Accepted:N0} monitored items from {report.FileName}.");
        }

        if (report.Refused)
        {
            foreach (var e in report.Errors)
            {
                await error.WriteLineAsync($"{report.FileName}: {e}");
            }

            await error.WriteLineAsync($"{report.FileName} was refused: {report.Errors.Count:N0} errors; nothing of it was imported.");
            return AshyqCommand.UserError;
        }

        return AshyqCommand.Ok;
    }

    private static async Task<int> StatsAsync(Store store, bool json, string language, bool byDay, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var result = await new MediaService(db, TimeProvider.System).ReportAsync(ct);
        if (result is null)
        {
            return await AshyqCommand.NoElectionAsync(error, store);
        }

        var names = result.Candidates;
        string Name(string key) => names.NameOf(key, language);
        if (json)
        {
            var document = MediaStatsDocument.Report(result.Report, result.Items, Name, byDay);
            await output.WriteLineAsync(JsonSerializer.Serialize(document, AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        var campaign = result.Report.Campaign;
        await output.WriteLineAsync($"{result.Items:N0} monitored items. Share of campaign news per outlet (institutional coverage excluded):");
        foreach (var (outlet, shares) in campaign.NewsShare)
        {
            await output.WriteLineAsync($"  {outlet}: " + string.Join(", ", shares.Select(s => string.Create(CultureInfo.InvariantCulture, $"{Name(s.Key)} {s.Value:P0}"))));
        }

        await output.WriteLineAsync("Institutional coverage: " + string.Join(", ", campaign.InstitutionalSeconds.OrderByDescending(s => s.Value).Select(s => $"{Name(s.Key)} {Hours(s.Value)}")));
        await output.WriteLineAsync($"Paid advertising ({Hours(campaign.PaidTotalSeconds)}): " + string.Join(", ", campaign.PaidShare.OrderByDescending(s => s.Value)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{Name(s.Key)} {s.Value:P0} ({Hours(campaign.PaidSeconds[s.Key])})"))));
        await output.WriteLineAsync($"Equal-coverage flags: {result.Report.Flags.Count:N0}" + (result.Report.Flags.Count == 0 ? "" : " (" + string.Join(", ", result.Report.Flags.GroupBy(f => f.Code).Select(g => $"{g.Key} {g.Count()}")) + ")"));
        return AshyqCommand.Ok;
    }

    private static string Hours(long seconds) => $"{seconds / 3600} h {seconds % 3600 / 60:D2} min";
}
