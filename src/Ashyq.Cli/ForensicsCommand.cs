using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Forensics;
using Ashyq.Storage;
using Ashyq.Storage.Forensics;
using Ashyq.Web.Forensics;

namespace Ashyq.Cli;

/// <summary>
/// <c>ashyq forensics --election ID [--json] [--plots DIR] [--by region]</c>: the election forensics of the stored
/// precinct results (fingerprint, integer percentages, Shpilkin's estimate, last digits, control-relation
/// violations), nationally and per region, with the plots.
/// </summary>
internal static class ForensicsCommand
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var election = new Option<string>("--election") { Description = "The election: the definition id stored in the store (e.g. ru-2012-presidential)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON" };
        var plots = new Option<string?>("--plots") { Description = "Write the plots (PNG and SVG) to this folder" };
        var by = new Option<string?>("--by") { Description = "Also per region: --by region" };
        by.AcceptOnlyFromAmong("region");

        var command = new Command("forensics", "Election forensics of the precinct results: fingerprint, integer percentages, Shpilkin estimate, last digits, violations");
        command.Options.Add(election);
        command.Options.Add(json);
        command.Options.Add(plots);
        command.Options.Add(by);
        command.SetAction((r, ct) => AshyqCommand.Guard(error, () =>
            RunAsync(AshyqCommand.Open(r.GetValue(db)!), r.GetValue(election)!, r.GetValue(json), r.GetValue(plots), r.GetValue(by) == "region", output, error, ct)));
        return command;
    }

    private static async Task<int> RunAsync(Store store, string electionId, bool asJson, string? plotsFolder, bool byRegion, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        PrecinctSet set;
        await using (var db = await store.OpenAsync(ct))
        {
            try
            {
                (var definition, set) = await new ForensicsQueries(db).LoadAsync(electionId, ct);
                if (set.Count == 0)
                {
                    await error.WriteLineAsync($"FORENSICS.NO-RESULTS: the election {definition.Id} has no accepted precinct protocol yet: there is nothing to analyse (import published results or run the election night first).");
                    return AshyqCommand.UserError;
                }
            }
            catch (ForensicsException e)
            {
                await error.WriteLineAsync($"{e.Code}: {e.Message}");
                return AshyqCommand.UserError;
            }
        }

        var loaded = clock.Elapsed;
        var report = ElectionForensics.Analyze(set, byRegion);
        var computed = clock.Elapsed;
        IReadOnlyList<string> files = [];
        if (plotsFolder is not null)
        {
            files = ForensicsPlots.WriteAll(report, Path.GetFullPath(plotsFolder));
        }

        var elapsed = clock.Elapsed;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        if (asJson)
        {
            var root = Figures(report, report.National);
            root["election"] = report.Election;
            root["leader"] = new { code = report.LeaderCandidate.Code, name = report.LeaderCandidate.Name.En };
            if (byRegion)
            {
                root["regions"] = report.Regions.Select(r =>
                {
                    var figures = Figures(report, r.Figures);
                    figures["code"] = r.Region.Code;
                    figures["name"] = r.Region.Name.En;
                    return figures;
                }).ToList();
            }

            root["plots"] = files;
            root["seconds"] = Math.Round(elapsed.TotalSeconds, 3);
            root["seconds_load"] = Math.Round(loaded.TotalSeconds, 3);
            root["seconds_figures"] = Math.Round((computed - loaded).TotalSeconds, 3);
            root["seconds_plots"] = Math.Round((elapsed - computed).TotalSeconds, 3);
            root["peak_memory_mb"] = peak;
            await output.WriteLineAsync(JsonSerializer.Serialize(root, AshyqCommand.Json));
            return AshyqCommand.Ok;
        }

        await WriteTextAsync(output, report, report.National, report.Election);
        foreach (var region in report.Regions)
        {
            await output.WriteLineAsync();
            await WriteTextAsync(output, report, region.Figures, $"{region.Region.Code} {region.Region.Name.En}");
        }

        if (files.Count > 0)
        {
            await output.WriteLineAsync($"Plots: {files.Count} files in {Path.GetFullPath(plotsFolder!)}");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Done in {elapsed.TotalSeconds:F2} s (loading {loaded.TotalSeconds:F2} s, figures {(computed - loaded).TotalSeconds:F2} s, plots {(elapsed - computed).TotalSeconds:F2} s), peak memory {peak:N0} MiB."));
        return AshyqCommand.Ok;
    }

    /// <summary>The figures as the JSON names them.</summary>
    internal static Dictionary<string, object?> Figures(ForensicsReport report, ForensicsFigures f)
    {
        var fp = f.Fingerprint;
        var i = f.Integer;
        var s = f.Shpilkin;
        return new Dictionary<string, object?>
        {
            ["precincts"] = f.Precincts,
            ["fingerprint"] = new Dictionary<string, object?>
            {
                ["population"] = fp.Precincts,
                ["count_turnout_gt80_leader_gt80"] = fp.CountTurnoutGt80LeaderGt80,
                ["voters_share"] = fp.VotersShare.Value,
                ["ballots_share"] = fp.BallotsShare.Value,
                ["leader_votes_share"] = fp.LeaderVotesShare.Value,
                ["voters"] = new[] { fp.VotersShare.Numerator, fp.VotersShare.Denominator },
                ["ballots"] = new[] { fp.BallotsShare.Numerator, fp.BallotsShare.Denominator },
                ["leader_votes"] = new[] { fp.LeaderVotesShare.Numerator, fp.LeaderVotesShare.Denominator },
            },
            ["integer"] = new Dictionary<string, object?>
            {
                ["population"] = i.Precincts,
                ["turnout_observed"] = i.TurnoutObserved,
                ["leader_observed"] = i.LeaderObserved,
                ["either_observed"] = i.EitherObserved,
                ["turnout_expected"] = i.TurnoutExpected,
                ["leader_expected"] = i.LeaderExpected,
                ["either_expected"] = i.EitherExpected,
                ["turnout_excess"] = i.TurnoutExcess,
                ["leader_excess"] = i.LeaderExcess,
                ["either_excess"] = i.EitherExcess,
                ["turnout_p_value"] = i.TurnoutPValue,
                ["leader_p_value"] = i.LeaderPValue,
                ["either_p_value"] = i.EitherPValue,
                ["method"] = "exact expectation under Binomial(n, x/n); one-sided p-value by the normal approximation with continuity correction",
            },
            ["shpilkin"] = new Dictionary<string, object?>
            {
                ["population"] = s.Precincts,
                ["mode_bin"] = s.ModeBin,
                ["baseline_ratio"] = s.Baseline.Value,
                ["excess_leader_votes"] = s.ExcessLeaderVotes,
                ["leader_share_of_valid"] = s.LeaderShareOfValid.Value,
                ["corrected_leader_share_of_valid"] = s.CorrectedLeaderShareOfValid,
                ["turnout"] = s.Turnout.Value,
                ["corrected_turnout"] = s.CorrectedTurnout,
            },
            ["last_digits"] = f.LastDigits.ToDictionary(d => d.Candidate.Code, d => (object?)new Dictionary<string, object?>
            {
                ["name"] = d.Candidate.Name.En,
                ["precincts"] = d.Precincts,
                ["counts"] = d.Counts,
                ["chi2"] = d.Chi2,
                ["p_value"] = d.PValue,
            }),
            ["violations"] = new Dictionary<string, object?>
            {
                ["precincts"] = f.Violations.Precincts,
                ["by_relation"] = f.Violations.ByRelation,
            },
        };
    }

    private static async Task WriteTextAsync(TextWriter output, ForensicsReport report, ForensicsFigures f, string title)
    {
        var inv = CultureInfo.InvariantCulture;
        var fp = f.Fingerprint;
        var i = f.Integer;
        var s = f.Shpilkin;
        await output.WriteLineAsync(string.Create(inv, $"{title}: {f.Precincts:N0} precincts; leader {report.LeaderCandidate.Name.En}"));
        await output.WriteLineAsync(string.Create(inv,
            $"  fingerprint: {fp.CountTurnoutGt80LeaderGt80:N0} of {fp.Precincts:N0} precincts with turnout > 80% and leader > 80%, holding {fp.VotersShare.Value:P2} of voters, {fp.BallotsShare.Value:P2} of ballots, {fp.LeaderVotesShare.Value:P2} of the leader's votes"));
        await output.WriteLineAsync(string.Create(inv,
            $"  integer percentages ({i.Precincts:N0} precincts): turnout {i.TurnoutObserved:N0} observed / {i.TurnoutExpected:N1} expected (p {i.TurnoutPValue:G3}), leader {i.LeaderObserved:N0} / {i.LeaderExpected:N1} (p {i.LeaderPValue:G3}), either {i.EitherObserved:N0} / {i.EitherExpected:N1} (p {i.EitherPValue:G3})"));
        await output.WriteLineAsync(string.Create(inv,
            $"  Shpilkin: mode {s.ModeBin}%, r = {s.Baseline.Value:F4}, excess leader votes {s.ExcessLeaderVotes:N0}; leader share of valid {s.LeaderShareOfValid.Value:P2} → {s.CorrectedLeaderShareOfValid:P2}; turnout {s.Turnout.Value:P2} → {s.CorrectedTurnout:P2}"));
        foreach (var d in f.LastDigits)
        {
            await output.WriteLineAsync(string.Create(inv, $"  last digits {d.Candidate.Code} {d.Candidate.Name.En}: {d.Precincts:N0} precincts ≥ 100, χ² {d.Chi2:F2}, p {d.PValue:G3}"));
        }

        await output.WriteLineAsync("  violations: " + (f.Violations.Precincts == 0 ? "none" : string.Join(", ", f.Violations.ByRelation.Where(v => v.Value > 0).Select(v => string.Create(inv, $"{v.Key} {v.Value:N0}")))));
    }
}
