using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Complaints;
using Ashyq.Storage;
using Ashyq.Storage.Complaints;

namespace Ashyq.Cli;

/// <summary>
/// <c>ashyq complaints</c>: the statistics of complaints computed from the store (<c>stats</c>), one case
/// (<c>show</c>), and the demo complaints that mirror the 2011 record (<c>demo</c>).
/// </summary>
internal static class ComplaintsCommands
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var complaints = new Command("complaints", "Complaints and appeals: statistics, cases, the demo record");
        var json = new Option<bool>("--json") { Description = "Print JSON" };

        var stats = new Command("stats", "Complaints per kind of body and per kind of subject: received, decided collegially, within the deadline, published, not decided");
        stats.Options.Add(json);
        stats.SetAction((r, ct) => AshyqCommand.Guard(error, async () =>
        {
            var (context, service, store) = await OpenAsync(r.GetValue(db)!, ct);
            if (service is null)
            {
                return await AshyqCommand.NoElectionAsync(error, store);
            }

            await using var _ = context;
            var statistics = await service.StatisticsAsync(ct);
            if (r.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    as_of = service.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    by_body_kind = statistics.ByBodyKind.ToDictionary(k => k.Key, k => Figures(k.Value)),
                    by_subject = statistics.BySubject.ToDictionary(k => k.Key, k => Figures(k.Value)),
                    total = Figures(statistics.Total),
                }, AshyqCommand.Json));
                return AshyqCommand.Ok;
            }

            await output.WriteLineAsync($"{"body",-16}{"received",9}{"decided",9}{"by vote",9}{"in time",9}{"published",10}{"not dec.",9}{"missed",8}");
            foreach (var (kind, f) in statistics.ByBodyKind)
            {
                await output.WriteLineAsync($"{kind,-16}{f.Received,9}{f.Decided,9}{f.DecidedCollegially,9}{f.DecidedWithinDeadline,9}{f.Published,10}{f.NotDecided,9}{f.MissedDeadline,8}");
            }

            await output.WriteLineAsync($"{"total",-16}{statistics.Total.Received,9}{statistics.Total.Decided,9}{statistics.Total.DecidedCollegially,9}{statistics.Total.DecidedWithinDeadline,9}{statistics.Total.Published,10}{statistics.Total.NotDecided,9}{statistics.Total.MissedDeadline,8}");
            return AshyqCommand.Ok;
        }));
        complaints.Subcommands.Add(stats);

        var number = new Argument<string>("number") { Description = "The case number, YYYY-NNNNN" };
        var show = new Command("show", "One case: complainant kind, subject, routing, forwards, answers, decisions, status");
        show.Arguments.Add(number);
        show.Options.Add(json);
        show.SetAction((r, ct) => AshyqCommand.Guard(error, async () =>
        {
            if (!CaseNumber.TryParse(r.GetValue(number), out var caseNumber))
            {
                await error.WriteLineAsync($"\"{r.GetValue(number)}\" is not a case number: write it as YYYY-NNNNN, e.g. 2011-00012.");
                return AshyqCommand.UserError;
            }

            var (context, service, store) = await OpenAsync(r.GetValue(db)!, ct);
            if (service is null)
            {
                return await AshyqCommand.NoElectionAsync(error, store);
            }

            await using var _ = context;
            var view = await service.CaseAsync(caseNumber, ct);
            if (view is null)
            {
                await error.WriteLineAsync($"No case has the number {caseNumber}.");
                return AshyqCommand.UserError;
            }

            var c = view.File.Case;
            var summary = new
            {
                number = c.Number.ToString(),
                received_on = c.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                complainant_kind = c.Complainant.Kind.ToString().ToLowerInvariant(),
                subject = c.Subject.Kind,
                respondent = c.Subject.Commission ?? c.Subject.Official,
                competent = view.Proposal.Competent.Select(b => b.Body.ToString()).ToList(),
                filing_rule = view.Proposal.Filing.Rule?.Code,
                filed_in_time = view.Proposal.Filing.InTime,
                holder = view.Status.Holder.ToString(),
                state = view.Status.State.ToString(),
                decision_deadline = view.Status.DecisionDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                deadline = view.Status.Deadline.ToString(),
                outcome = view.Status.Outcome is { } o ? ComplaintStatistics.Key(o) : null,
                decided_collegially = view.Status.DecidedCollegially,
                published = view.Status.Published,
                flags = view.Status.Flags,
                forwards = view.File.Forwards.Count,
                answers = view.File.Answers.Count,
            };
            await output.WriteLineAsync(r.GetValue(json)
                ? JsonSerializer.Serialize(summary, AshyqCommand.Json)
                : $"{summary.number}  {summary.subject} against {summary.respondent}; held by {summary.holder}: {summary.state} ({summary.deadline}, deadline {summary.decision_deadline ?? "—"}){(summary.flags.Count > 0 ? "; " + string.Join(", ", summary.flags) : "")}");
            return AshyqCommand.Ok;
        }));
        complaints.Subcommands.Add(show);

        var demo = new Command("demo", "Add the demo complaints that mirror the 2011 record (12 to the CEC, 15 to district courts, 5 to the Supreme Court) to a store without complaints");
        demo.SetAction((r, ct) => AshyqCommand.Guard(error, async () =>
        {
            var (context, service, store) = await OpenAsync(r.GetValue(db)!, ct);
            if (service is null)
            {
                return await AshyqCommand.NoElectionAsync(error, store);
            }

            await using var _ = context;
            var added = await ComplaintsDemo.SeedAsync(context, service.Definition, TimeProvider.System, ct);
            await output.WriteLineAsync(added == 0 ? "The store already has complaints (or its definition has no routing table): nothing added." : $"Added {added} demo complaints.");
            return AshyqCommand.Ok;
        }));
        complaints.Subcommands.Add(demo);
        return complaints;
    }

    /// <summary>The demo complaints of the demo world: called once by <c>ashyq demo</c> after the world is generated.</summary>
    public static async Task SeedDemoAsync(Store store, TextWriter output, CancellationToken ct)
    {
        await using var context = store.CreateContext();
        var definition = await new ElectionQueries(context).DefinitionAsync(ct);
        if (definition is not null && await ComplaintsDemo.SeedAsync(context, definition, TimeProvider.System, ct) is > 0 and var added)
        {
            await output.WriteLineAsync($"Demo complaints: {added} (the 2011 record: 12 to the CEC answered by the Secretary, 15 to district courts, 5 to the Supreme Court).");
        }
    }

    private static object Figures(ComplaintFigures f) => new
    {
        received = f.Received,
        decided = f.Decided,
        decided_collegially = f.DecidedCollegially,
        decided_within_deadline = f.DecidedWithinDeadline,
        published = f.Published,
        not_decided = f.NotDecided,
        answered_by_official = f.AnsweredByOfficial,
        missed_deadline = f.MissedDeadline,
        awaiting_forward = f.AwaitingForward,
        forwarded = f.Forwarded,
        outcomes = f.Outcomes,
        flags = f.Flags,
    };

    private static async Task<(AshyqDbContext Context, ComplaintsService? Service, Store Store)> OpenAsync(string db, CancellationToken ct)
    {
        var store = AshyqCommand.Open(db);
        var context = await store.OpenAsync(ct);
        var definition = await new ElectionQueries(context).DefinitionAsync(ct);
        if (definition is null)
        {
            await context.DisposeAsync();
            return (context, null, store);
        }

        return (context, new ComplaintsService(context, definition, TimeProvider.System), store);
    }
}
