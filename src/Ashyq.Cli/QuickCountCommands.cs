using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ashyq.Core.QuickCount;
using Ashyq.Storage;
using Ashyq.Storage.QuickCount;
using Ashyq.Web.QuickCount;

namespace Ashyq.Cli;

/// <summary>
/// <c>ashyq quick-count draw|import|simulate|estimate|coverage</c>: the parallel vote tabulation — a stratified
/// random sample of stations, the observers' reports of their protocols, the estimate of every candidate's share
/// and turnout with 95% margins against the official results, and the coverage of the intervals over simulated draws.
/// </summary>
internal static class QuickCountCommands
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var command = new Command("quick-count", "Quick count (parallel vote tabulation): sample, reports, estimate with margins, comparison with the official results");

        var size = new Option<int>("--size") { Description = "Stations in the sample", Required = true };
        var seed = new Option<long>("--seed") { Description = "The seed of the draw: the same seed gives the same sample", DefaultValueFactory = _ => 2011 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var draw = new Command("draw", "Draw the election's stratified random sample of stations (region × urban/rural, proportional allocation); once per election");
        draw.Options.Add(size);
        draw.Options.Add(seed);
        draw.Options.Add(json);
        draw.SetAction((r, ct) => Run(r.GetValue(db)!, error, async service =>
        {
            var sample = await service.DrawAsync(r.GetValue(size), r.GetValue(seed), Environment.UserName, ct);
            if (r.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    size = sample.Sample.Size,
                    seed = sample.Sample.Seed,
                    drawn_at = sample.DrawnAt,
                    commitment = sample.Commitment,
                    strata = sample.Sample.Strata.Select(s => new { region = s.Stratum.Region, settlement = Settlement(s.Stratum), stations = s.Stations, sampled = s.Sampled }),
                    stations = sample.Sample.Stations.Select(s => new { station = s.Station, region = s.Stratum.Region, settlement = Settlement(s.Stratum) }),
                }, AshyqCommand.Json));
            }
            else
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Drew {sample.Sample.Stations.Count} stations in {sample.Sample.Strata.Count} strata with seed {sample.Sample.Seed}; commitment sha256 {sample.Commitment} is in the log."));
            }

            return AshyqCommand.Ok;
        }));
        command.Subcommands.Add(draw);

        var csv = new Option<string>("--csv") { Description = "The reports: rows station,line,value after a header row", Required = true };
        var reporter = new Option<string?>("--reporter") { Description = "Who reported (default: import:<file name>)" };
        var import = new Command("import", "Import observers' reports of sampled protocols (station,line,value); a bad row refuses the file");
        import.Options.Add(csv);
        import.Options.Add(reporter);
        import.Options.Add(json);
        import.SetAction((r, ct) => Run(r.GetValue(db)!, error, async service =>
        {
            var path = r.GetValue(csv)!;
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"QUICKCOUNT.NO-FILE: {path} does not exist.");
                return AshyqCommand.UserError;
            }

            using var reader = new StreamReader(path);
            try
            {
                var report = await service.ImportCsvAsync(reader, r.GetValue(reporter) ?? "import:" + Path.GetFileName(path), ct);
                await output.WriteLineAsync(r.GetValue(json)
                    ? JsonSerializer.Serialize(new { rows = report.Rows, stations = report.Stations }, AshyqCommand.Json)
                    : $"Imported {report.Rows} reported lines of {report.Stations} sampled stations.");
                return AshyqCommand.Ok;
            }
            catch (QuickCountImportException e)
            {
                foreach (var bad in e.Errors)
                {
                    await error.WriteLineAsync($"{path}: {bad}");
                }

                await error.WriteLineAsync($"{e.Code}: {e.Message}");
                return AshyqCommand.UserError;
            }
        }));
        command.Subcommands.Add(import);

        var nightSeed = new Option<long>("--night-seed") { Description = "The seed of the election-night draw for stations without an accepted protocol", DefaultValueFactory = _ => 2011 };
        var simulate = new Command("simulate", "Report every sampled station not yet reported, from its accepted protocol or the election-night draw");
        simulate.Options.Add(nightSeed);
        simulate.Options.Add(json);
        simulate.SetAction((r, ct) => Run(r.GetValue(db)!, error, async service =>
        {
            var stations = await service.SimulateAsync(r.GetValue(nightSeed), "simulated-observer", ct);
            await output.WriteLineAsync(r.GetValue(json)
                ? JsonSerializer.Serialize(new { stations_reported = stations }, AshyqCommand.Json)
                : $"Reported {stations} sampled stations as their protocols read.");
            return AshyqCommand.Ok;
        }));
        command.Subcommands.Add(simulate);

        var estimate = new Command("estimate", "Estimate every candidate's share of the valid votes and turnout with 95% margins, against the official results");
        estimate.Options.Add(json);
        estimate.SetAction((r, ct) => Run(r.GetValue(db)!, error, async service =>
        {
            var view = await service.ViewAsync(ct);
            if (view.Sample is null)
            {
                await error.WriteLineAsync($"QUICKCOUNT.NO-SAMPLE: the election {view.Election} has no quick-count sample yet: run `ashyq quick-count draw` first.");
                return AshyqCommand.UserError;
            }

            if (view.Result is not { } result)
            {
                await error.WriteLineAsync($"QUICKCOUNT.NO-REPORTS: none of the {view.Sample.Sample.Stations.Count} sampled stations has reported yet: `ashyq quick-count import` or `simulate` first.");
                return AshyqCommand.UserError;
            }

            if (r.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(QuickCountJson.Of(view), AshyqCommand.Json));
                return AshyqCommand.Ok;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Quick count of {view.Election}: {result.Reported} of {result.Sampled} sampled stations reported; official results: {result.Official?.Accepted ?? 0} of {result.Official?.Precincts ?? 0} precincts."));
            foreach (var f in result.Figures)
            {
                var e = f.Estimate;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {f.Quantity.Code,-8} {f.Quantity.Name.En,-28} {e.Estimate * 100,7:F2}% ± {e.Margin * 100:F2}  [{e.Low * 100:F2}, {e.High * 100:F2}]  official {(f.Official is { } o ? (o * 100).ToString("F2", CultureInfo.InvariantCulture) + "%" : "—")}{(f.Outside ? "  OUTSIDE" : "")}"));
            }

            if (result.StrataLeftOut.Count > 0)
            {
                await output.WriteLineAsync($"  {result.StrataLeftOut.Count} strata with fewer than 2 reports left out ({result.StationsLeftOut} stations): {string.Join(", ", result.StrataLeftOut)}");
            }

            return AshyqCommand.Ok;
        }));
        command.Subcommands.Add(estimate);

        var draws = new Option<int>("--draws") { Description = "How many samples to draw", DefaultValueFactory = _ => 1000 };
        var coverageSize = new Option<int>("--size") { Description = "Stations in each sample", DefaultValueFactory = _ => 500 };
        var coverage = new Command("coverage", "The share of 95% intervals holding the true figure over simulated draws from this election's population");
        coverage.Options.Add(draws);
        coverage.Options.Add(coverageSize);
        coverage.Options.Add(seed);
        coverage.Options.Add(nightSeed);
        coverage.Options.Add(json);
        coverage.SetAction((r, ct) => Run(r.GetValue(db)!, error, async service =>
        {
            if (r.GetValue(draws) < 1)
            {
                await error.WriteLineAsync("--draws: at least 1.");
                return AshyqCommand.UserError;
            }

            var started = TimeProvider.System.GetTimestamp();
            var (report, official) = await service.CoverageAsync(r.GetValue(coverageSize), r.GetValue(draws), r.GetValue(seed), r.GetValue(nightSeed), ct);
            var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            if (r.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    draws = report.Draws,
                    size = report.Size,
                    seed = report.Seed,
                    stations = report.Stations,
                    stations_with_accepted_protocol = official,
                    seconds = Math.Round(seconds, 2),
                    figures = report.Figures.ToDictionary(f => f.Code, f => new
                    {
                        truth = Math.Round(f.Truth, 6),
                        coverage = Math.Round(f.Coverage, 4),
                        contained = f.Contained,
                        mean_margin = Math.Round(f.MeanMargin, 6),
                    }),
                }, AshyqCommand.Json));
            }
            else
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Coverage of the 95% intervals over {report.Draws} samples of {report.Size} of {report.Stations} stations ({official} with an accepted protocol, the rest drawn), {seconds:F1} s:"));
                foreach (var f in report.Figures)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {f.Code,-8} truth {f.Truth * 100:F3}%  coverage {f.Coverage * 100:F1}% ({f.Contained}/{f.Draws})  mean margin ±{f.MeanMargin * 100:F3}"));
                }
            }

            return AshyqCommand.Ok;
        }));
        command.Subcommands.Add(coverage);
        return command;
    }

    /// <summary>The demo's quick count: a sample of 1,000 stations drawn, and every one reported as the election-night draw counts it.</summary>
    public static async Task SeedDemoAsync(Store store, TextWriter output, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var service = new QuickCountService(db, TimeProvider.System);
        var sample = await service.DrawAsync(DemoSize, DemoSeed, "demo", ct);
        var reported = await service.SimulateAsync(DemoSeed, "simulated-observer", ct);
        await output.WriteLineAsync($"Quick count: {sample.Sample.Stations.Count} stations sampled in {sample.Sample.Strata.Count} strata, {reported} reported (see /quick-count).");
    }

    public const int DemoSize = 1000;

    public const long DemoSeed = 2011;

    private static string Settlement(Stratum stratum) => stratum.Settlement == Core.QuickCount.Settlement.Urban ? QuickCountService.Urban : QuickCountService.Rural;

    private static Task<int> Run(string db, TextWriter error, Func<QuickCountService, Task<int>> action) => AshyqCommand.Guard(error, async () =>
    {
        var store = AshyqCommand.Open(db);
        await using var context = await store.OpenAsync();
        try
        {
            return await action(new QuickCountService(context, TimeProvider.System));
        }
        catch (QuickCountException e)
        {
            await error.WriteLineAsync($"{e.Code}: {e.Message}");
            return AshyqCommand.UserError;
        }
    });
}
