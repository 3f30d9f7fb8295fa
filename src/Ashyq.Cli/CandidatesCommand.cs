using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Candidates;
using Ashyq.Core.Elections;
using Ashyq.Storage;
using Ashyq.Storage.Nomination;

namespace Ashyq.Cli;

/// <summary><c>ashyq candidates</c>: the nominees, their status and their signature-collection period.</summary>
internal static class CandidatesCommand
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Print the nominees as JSON" };
        var language = new Option<string>("--lang") { Description = "Language of names: kk, ru or en", DefaultValueFactory = _ => "kk" };
        var command = new Command("candidates", "List the nominees: status and signature-collection period");
        command.Options.Add(json);
        command.Options.Add(language);
        command.Subcommands.Add(Show(db, output, error));
        command.SetAction((r, ct) => AshyqCommand.Guard(error, async () =>
        {
            var store = AshyqCommand.Open(r.GetValue(db)!);
            await using var context = await store.OpenAsync(ct);
            var queries = new ElectionQueries(context);
            var definition = await queries.DefinitionAsync(ct);
            if (definition is null)
            {
                return await AshyqCommand.NoElectionAsync(error, store);
            }

            var (from, to) = SignaturePeriod.Of(definition);
            var lang = r.GetValue(language)!;
            var nominees = (await queries.NomineesAsync(ct)).Select(n => new
            {
                id = n.Number,
                name = new LocalizedText(n.NameKk, n.NameRu, n.NameEn).In(lang),
                status = n.Status.ToLowerInvariant(),
                nominated_by = n.NominatedBy,
                candidate = n.CandidateCode,
                refusal_reason = n.RefusalReason,
                signature_period = new { from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            }).ToList();
            if (r.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(nominees, AshyqCommand.Json));
            }
            else
            {
                foreach (var n in nominees)
                {
                    await output.WriteLineAsync($"{n.id,3}  {n.status,-10} {n.name} ({n.nominated_by}){(n.refusal_reason is null ? "" : " — " + n.refusal_reason)}");
                }

                await output.WriteLineAsync($"Signatures are collected {from:yyyy-MM-dd} – {to:yyyy-MM-dd}.");
            }

            return AshyqCommand.Ok;
        }));
        return command;
    }

    /// <summary><c>ashyq candidates show ID</c>: one nominee's public file (no IIN, no contact of anyone).</summary>
    private static Command Show(Option<string> db, TextWriter output, TextWriter error)
    {
        var id = new Argument<int>("id") { Description = "The nominee's number (the id of `ashyq candidates`)" };
        var json = new Option<bool>("--json") { Description = "Print the file as JSON" };
        var command = new Command("show", "One nominee's file: each requirement with its evidence, the language test, verification protocols, the registration decision");
        command.Arguments.Add(id);
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

            var number = r.GetValue(id);
            var dossier = await new NominationStore(context, definition, TimeProvider.System).DossierAsync(number, ct);
            if (dossier is null)
            {
                await error.WriteLineAsync($"There is no nominee {number}: `ashyq candidates` lists them.");
                return AshyqCommand.UserError;
            }

            var tally = new StoredSignatureTally(context, definition, TimeProvider.System);
            var verifications = await new VerificationService(context, definition, TimeProvider.System, tally).ForNomineeAsync(number, ct);
            var outcome = await new RegistrationService(context, definition, TimeProvider.System, tally).OutcomeAsync(number, ct);
            static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var file = new
            {
                id = number,
                name = dossier.Name.Kk,
                status = dossier.Nominee.Status.ToLowerInvariant(),
                nominated_by = dossier.File?.Kind,
                organization = dossier.File?.Organization,
                nominated_on = dossier.File is { } f ? Day(f.NominatedOn) : null,
                deadlines = new
                {
                    nomination = new { from = Day(dossier.Deadlines.NominationOpens), to = Day(dossier.Deadlines.NominationCloses) },
                    eligibility_decision_by = Day(dossier.Deadlines.EligibilityDecisionBy),
                    signatures = new { from = Day(dossier.Deadlines.SignaturesFrom), to = Day(dossier.Deadlines.SignaturesTo) },
                    registration_closes = Day(dossier.Deadlines.RegistrationCloses),
                },
                requirements = dossier.Eligibility.Select(q => new { code = q.Code, met = q.Met, evidence = q.Evidence, deadline = q.Deadline is { } d ? Day(d) : null }),
                documents = dossier.Documents.Select(d => new { kind = d.Kind, title = d.Title, received_on = Day(d.ReceivedOn) }),
                language_test = dossier.LanguageTest is { } t ? new
                {
                    maximum_errors = t.MaximumErrors,
                    categories = t.Categories,
                    criteria_published_on = Day(t.CriteriaPublishedOn),
                    examinations = t.Examinations.Select(e => new
                    {
                        stage = e.Stage,
                        body = e.Body,
                        concluded_on = Day(e.ConcludedOn),
                        errors = e.Result.Errors,
                        passed_by_criteria = e.Result.Passed,
                        conclusion = e.Conclusion,
                        conclusion_follows_criteria = e.Result.ConclusionFollowsCriteria,
                        errors_by_category = e.ErrorsByCategory,
                    }),
                } : null,
                verifications = verifications.Select(v => new { commission = v.Commission, session_at = v.ScheduledAt, notices = v.Notices.Count, decision = v.DecisionNumber, log_index = v.LogIndex }),
                registration = outcome is null ? null : new
                {
                    decision = outcome.Decision,
                    registered = outcome.Registered,
                    unmet = outcome.Unmet,
                    log_index = outcome.LogIndex,
                    appeal = outcome.Appeal is { } a ? new { route = a.Code, appealable = a.Appealable } : null,
                },
            };
            if (r.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(file, AshyqCommand.Json));
                return AshyqCommand.Ok;
            }

            await output.WriteLineAsync($"{number}  {file.name} — {file.status}");
            foreach (var q in dossier.Eligibility)
            {
                await output.WriteLineAsync($"  {(q.Met ? "met    " : "NOT MET")} {q.Code,-26} {q.Evidence}");
            }

            foreach (var e in dossier.LanguageTest?.Examinations ?? [])
            {
                await output.WriteLineAsync($"  language test, {e.Stage} ({e.Body}): {e.Result.Errors} errors, at most {e.Result.MaximumErrors}; concluded {e.Conclusion}{(e.Result.ConclusionFollowsCriteria ? "" : " — NOT what the criteria give")}");
            }

            await output.WriteLineAsync(outcome is null ? "  No registration decision yet." : $"  {outcome.Decision}: {(outcome.Registered ? "registered" : "refused, " + outcome.Unmet)}; appeals go to the Supreme Court, final.");
            return AshyqCommand.Ok;
        }));
        return command;
    }

    /// <summary>The demo's nomination files, language tests and proxies (<see cref="NominationSeeder"/>).</summary>
    public static async Task SeedDemoAsync(Store store, long seed, TextWriter output, CancellationToken ct)
    {
        var report = await NominationSeeder.SeedDemoAsync(store, seed, ct);
        if (report is not null)
        {
            await output.WriteLineAsync($"Nomination: {report.Files} files, {report.Documents} documents, {report.LanguageTests} language tests, {report.Proxies:N0} proxies.");
        }
    }
}
