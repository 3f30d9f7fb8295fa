using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Candidates;
using Ashyq.Core.Elections;
using Ashyq.Storage;

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
}
