using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ashyq.Demo;
using Ashyq.Storage;

namespace Ashyq.Cli;

/// <summary><c>ashyq simulate-night</c>: plays election night in the store, through the results service the web uses.</summary>
internal static class NightCommand
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var seed = new Option<long>("--seed") { Description = "The seed of the counts and slips", DefaultValueFactory = _ => 2011 };
        var slips = new Option<double>("--slips") { Description = "The share of entries typed with a slip", DefaultValueFactory = _ => 0.05 };
        var limit = new Option<int?>("--limit") { Description = "Play only this many precincts" };
        var noAdopt = new Option<bool>("--no-adopt") { Description = "Do not adopt the results protocols of complete commissions at sessions afterwards" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("simulate-night", "Play election night: every precinct counted, typed twice, signed, accepted, tabulated");
        command.Options.Add(seed);
        command.Options.Add(slips);
        command.Options.Add(limit);
        command.Options.Add(noAdopt);
        command.Options.Add(json);
        command.SetAction((r, ct) => AshyqCommand.Guard(error, async () =>
        {
            var store = AshyqCommand.Open(r.GetValue(db)!);
            await using var context = await store.OpenAsync(ct);
            var definition = await new ElectionQueries(context).DefinitionAsync(ct);
            if (definition is null)
            {
                return await AshyqCommand.NoElectionAsync(error, store);
            }

            var report = await AshyqCommand.WithProgress(error, $"Election night of {definition.Id} in {store.Display}", progress =>
                new ElectionNight(context, definition, TimeProvider.System).PlayAsync(r.GetValue(seed), r.GetValue(slips), r.GetValue(limit), progress, ct, adoptProtocols: !r.GetValue(noAdopt)));
            var perSecond = report.Accepted / Math.Max(report.Elapsed.TotalSeconds, 0.001);
            if (r.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    election = definition.Id,
                    precincts = report.Precincts,
                    accepted = report.Accepted,
                    slips_caught_by_relations = report.SlipsCaughtByRelations,
                    slips_caught_by_second_entry = report.SlipsCaughtBySecondEntry,
                    warnings_acknowledged = report.WarningsAcknowledged,
                    seconds = Math.Round(report.Elapsed.TotalSeconds, 2),
                    acceptances_per_second = Math.Round(perSecond, 1),
                    outcome = report.Outcome.Kind.ToString(),
                    elected = report.Outcome.Elected,
                    runoff = report.Outcome.RunoffBetween,
                    participants = report.Outcome.Participants,
                    candidates = report.Outcome.Candidates.ToDictionary(c => c.Code, c => c.Votes),
                    totals_equal_recount = report.TotalsEqualRecount,
                    protocols_adopted = report.ProtocolsAdopted,
                }, AshyqCommand.Json));
            }
            else
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{report.Accepted:N0} of {report.Precincts:N0} precincts accepted in {report.Elapsed.TotalSeconds:F1} s ({perSecond:F0}/s); slips caught: {report.SlipsCaughtByRelations} by the control relations, {report.SlipsCaughtBySecondEntry} by the second entry; {report.WarningsAcknowledged} warnings acknowledged."));
                await output.WriteLineAsync($"Outcome: {report.Outcome.Kind} {string.Join(", ", report.Outcome.Elected.Concat(report.Outcome.RunoffBetween))}; running totals equal a full recount: {report.TotalsEqualRecount}; {report.ProtocolsAdopted} results protocols adopted by decision.");
            }

            return report.TotalsEqualRecount ? AshyqCommand.Ok : 1;
        }));
        return command;
    }
}
