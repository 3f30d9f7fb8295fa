using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ashyq.Core.Audit;
using Ashyq.Core.Elections;
using Ashyq.Storage;
using Ashyq.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Ashyq.Cli;

/// <summary>
/// The <c>ashyq</c> command. Every subcommand that reports has <c>--json</c>; a user's mistake (a missing file, a
/// refused definition, a store that cannot be reached) is a message and an exit code, never a stack trace.
/// </summary>
public static class AshyqCommand
{
    public const int Ok = 0;
    public const int UserError = 2;
    public const int StoreError = 3;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string DefaultDefinition =>
        Path.Combine(AppContext.BaseDirectory, "definitions", "kz-2011-presidential.json");

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var db = new Option<string>("--db")
        {
            Description = "The store: a SQLite file path, or a PostgreSQL connection string (Host=…)",
            DefaultValueFactory = _ => "ashyq.db",
            Recursive = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var definition = new Option<string>("--definition") { Description = "The election definition file", DefaultValueFactory = _ => DefaultDefinition };
        var scale = new Option<double>("--scale") { Description = "Voters as a share of the definition's electorate (0 builds the hierarchy alone)", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<long>("--seed") { Description = "The seed: the same seed gives the same election", DefaultValueFactory = _ => 2011 };
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 5080 };
        var level = new Option<string?>("--level") { Description = "Only commissions of this level (e.g. PEC)" };
        var language = new Option<string>("--lang") { Description = "Language of names: kk, ru or en", DefaultValueFactory = _ => "kk" };
        var file = new Argument<string>("file") { Description = "The definition file to check" };

        var root = new RootCommand("Ashyq: election administration and transparency. Every number published, every change visible.");
        root.Options.Add(db);

        var generate = new Command("generate", "Generate a deterministic election from a definition into the store");
        generate.Options.Add(definition);
        generate.Options.Add(scale);
        generate.Options.Add(seed);
        generate.Options.Add(json);
        generate.SetAction((r, ct) => Guard(error, () => GenerateAsync(Open(r.GetValue(db)!), r.GetValue(definition)!, r.GetValue(scale), r.GetValue(seed), r.GetValue(json), output, error, ct)));
        root.Subcommands.Add(generate);

        var stats = new Command("stats", "Count the stored election: commissions per level, members, voters");
        stats.Options.Add(json);
        stats.SetAction((r, ct) => Guard(error, () => StatsAsync(Open(r.GetValue(db)!), r.GetValue(json), output, error, ct)));
        root.Subcommands.Add(stats);

        var commissions = new Command("commissions", "List the commissions: code, name, parent's code, address");
        commissions.Options.Add(level);
        commissions.Options.Add(language);
        commissions.Options.Add(json);
        commissions.SetAction((r, ct) => Guard(error, () => CommissionsAsync(Open(r.GetValue(db)!), r.GetValue(level), r.GetValue(language)!, r.GetValue(json), output, error, ct)));
        var commissionStats = new Command("stats", "Statistics of the commissions' composition: women, chairs, ethnicity, parties, rule violations");
        commissionStats.Options.Add(json);
        commissionStats.SetAction((r, ct) => Guard(error, () => CommissionStatsAsync(Open(r.GetValue(db)!), r.GetValue(json), output, error, ct)));
        commissions.Subcommands.Add(commissionStats);
        root.Subcommands.Add(commissions);

        var publish = new Option<string?>("--publish") { Description = "Keep this folder published (log, records, results) and serve it at /public" };
        var serve = new Command("serve", "Serve the portal, the API and the health endpoint on 127.0.0.1");
        serve.Options.Add(port);
        serve.Options.Add(publish);
        serve.SetAction((r, ct) => Guard(error, () => ServeAsync(Open(r.GetValue(db)!), r.GetValue(port), null, r.GetValue(publish), output, ct)));
        root.Subcommands.Add(serve);

        var demoScale = new Option<double>("--scale") { Description = "Voters as a share of the electorate, if the store is empty", DefaultValueFactory = _ => 0.01 };
        var demo = new Command("demo", "Generate the demo election if the store is empty, then serve it");
        demo.Options.Add(port);
        demo.Options.Add(demoScale);
        demo.Options.Add(seed);
        demo.Options.Add(definition);
        demo.Options.Add(publish);
        demo.SetAction((r, ct) => Guard(error, () => ServeAsync(
            Open(r.GetValue(db)!), r.GetValue(port), (r.GetValue(definition)!, r.GetValue(demoScale), r.GetValue(seed)), r.GetValue(publish) ?? "published", output, ct)));
        root.Subcommands.Add(demo);

        var check = new Command("check-definition", "Check a definition file and list every error by JSON path");
        check.Arguments.Add(file);
        check.Options.Add(json);
        check.SetAction((r, ct) => Guard(error, () => CheckDefinitionAsync(r.GetValue(file)!, r.GetValue(json), output)));
        root.Subcommands.Add(check);

        root.Subcommands.Add(ResultsCommands.Create(db, output, error));
        root.Subcommands.Add(NightCommand.Create(db, output, error));
        root.Subcommands.Add(AccountsCommand.Create(db, output, error));
        root.Subcommands.Add(CandidatesCommand.Create(db, output, error));
        root.Subcommands.Add(PublicationCommands.Publish(db, output, error));
        root.Subcommands.Add(PublicationCommands.Verify(output, error));
        root.Subcommands.Add(WitnessCommand.Create(output, error));
        root.Subcommands.Add(RegisterCommands.Create(db, output, error));
        root.Subcommands.Add(ForensicsCommand.Create(db, output, error));
        root.Subcommands.Add(MediaCommands.Create(db, output, error));
        root.Subcommands.Add(QuickCountCommands.Create(db, output, error));
        root.Subcommands.Add(SignaturesCommands.Create(db, output, error));
        root.Subcommands.Add(ObservationCommands.Create(db, output, error));
        root.Subcommands.Add(ComplaintsCommands.Create(db, output, error));
        root.Subcommands.Add(AuditCommands.Create(db, output, error));

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    internal static Store Open(string db) => Store.Parse(db);

    /// <summary>Who a command acts as in the audit log: the command line has no account, so the system user running it.</summary>
    internal static string AuditUser => "cli:" + Environment.UserName;

    /// <summary>
    /// Runs a long command's work between its audit start and completion (VVSG 2.0 §15.1), each committed on a
    /// context of its own: a crash leaves the start without a completion, a failure writes a failed completion.
    /// </summary>
    internal static Task<T> AuditedAsync<T>(Store store, AuditLongAction action, string subject, Func<Task<T>> work, Func<T, string?> describe, CancellationToken ct) =>
        Audit.LongActionAsync(store.CreateContext, action, AuditUser, "", subject, TimeProvider.System, work, describe, ct);

    /// <summary>Says that the store holds no election yet and what to run; returns the user-error exit code.</summary>
    internal static async Task<int> NoElectionAsync(TextWriter error, Store store)
    {
        await error.WriteLineAsync($"The store {store.Display} holds no election yet: run `ashyq generate` or `ashyq demo`.");
        return UserError;
    }

    /// <summary>Turns a user's mistake into a message and an exit code.</summary>
    internal static async Task<int> Guard(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (InvalidDefinitionException e)
        {
            await error.WriteLineAsync(e.Message);
            return UserError;
        }
        catch (DefinitionFileException e)
        {
            await error.WriteLineAsync(e.Message);
            return UserError;
        }
        catch (StoreNotEmptyException e)
        {
            await error.WriteLineAsync(e.Message);
            return UserError;
        }
        catch (StoreUnavailableException e)
        {
            await error.WriteLineAsync(e.Message);
            return StoreError;
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "scale")
        {
            await error.WriteLineAsync($"--scale {e.ActualValue}: the scale is between 0 and 10.");
            return UserError;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Stopped.");
            return 130;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("ASHYQ_DEBUG") != "1")
        {
            // Not the user's mistake, but still no stack trace on their terminal: the causes, one per line.
            await error.WriteLineAsync("ashyq failed: " + e.Message);
            for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            {
                await error.WriteLineAsync("  because: " + inner.Message);
            }

            await error.WriteLineAsync("Run again with ASHYQ_DEBUG=1 for the stack trace.");
            return 1;
        }
    }

    internal static (ElectionDefinition Definition, string Json) LoadDefinition(string path)
    {
        if (!File.Exists(path))
        {
            throw new DefinitionFileException($"The definition file {path} does not exist.");
        }

        var text = File.ReadAllText(path);
        return (ElectionDefinitionLoader.Parse(text, path), text);
    }

    private static async Task<int> CheckDefinitionAsync(string path, bool asJson, TextWriter output)
    {
        if (!File.Exists(path))
        {
            throw new DefinitionFileException($"The definition file {path} does not exist.");
        }

        var errors = ElectionDefinitionLoader.Check(await File.ReadAllTextAsync(path), out var definition);
        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { file = path, valid = errors.Count == 0, errors }, Json));
        }
        else if (errors.Count == 0)
        {
            await output.WriteLineAsync($"{path}: valid ({definition!.Id}, {definition.Levels.Count} levels, {definition.CommissionCount} commissions, {definition.ProtocolForm.Lines.Count} protocol lines, {definition.ProtocolForm.Relations.Count} relations)");
        }
        else
        {
            await output.WriteLineAsync($"{path}: {errors.Count} error(s)");
            foreach (var e in errors)
            {
                await output.WriteLineAsync("  " + e);
            }
        }

        return errors.Count == 0 ? Ok : UserError;
    }

    private static async Task<int> GenerateAsync(Store store, string definitionPath, double scale, long seed, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var (definition, text) = LoadDefinition(definitionPath);
        await using var db = await store.OpenAsync(ct);
        var report = await AuditedAsync(store, AuditEvents.Generate, definition.Id, () =>
            WithProgress(error, $"Generating {definition.Id} at scale {scale.ToString(CultureInfo.InvariantCulture)} into {store.Display}", progress =>
                new WorldWriter(db, TimeProvider.System).GenerateAsync(definition, text, scale, seed, progress, ct)), Generated, ct);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                election = definition.Id,
                store = store.Kind.ToString(),
                scale,
                seed,
                commissions = report.Commissions,
                members = report.Members,
                voters = report.Voters,
                seconds = Math.Round(report.Elapsed.TotalSeconds, 2),
                peak_memory_mb = peak / (1024 * 1024),
            }, Json));
        }
        else
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Generated {definition.Id}: {report.Commissions:N0} commissions, {report.Members:N0} members, {report.Voters:N0} voters in {report.Elapsed.TotalSeconds:F1} s (peak memory {peak / (1024 * 1024):N0} MiB) into {store.Display}"));
        }

        return Ok;
    }

    private static string Generated(GenerationReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.Commissions} commissions, {report.Members} members, {report.Voters} voters");

    internal static async Task<T> WithProgress<T>(TextWriter error, string title, Func<Action<WriteProgress>, Task<T>> work)
    {
        await error.WriteLineAsync(title);
        if (Console.IsErrorRedirected || !ReferenceEquals(error, Console.Error))
        {
            var lastPhase = "";
            return await work(p =>
            {
                if (p.Phase != lastPhase || p.Done == p.Total)
                {
                    lastPhase = p.Phase;
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Phase}: {p.Done:N0}/{p.Total:N0}"));
                }
            });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                return await work(p =>
                {
                    if (!tasks.TryGetValue(p.Phase, out var task))
                    {
                        task = tasks[p.Phase] = context.AddTask(p.Phase, maxValue: Math.Max(1, p.Total));
                    }

                    task.Value = p.Done;
                });
            });
    }

    private static async Task<int> StatsAsync(Store store, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var stats = await new ElectionQueries(db).StatsAsync(ct);
        if (stats is null)
        {
            return await NoElectionAsync(error, store);
        }

        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                election = stats.Election,
                complete = stats.Complete,
                commissions = stats.Commissions,
                members = stats.Members,
                voters = stats.Voters,
                special_precincts = stats.SpecialPrecincts,
                nominees = stats.Nominees,
                candidates = stats.Candidates,
                voters_on_more_than_one_list = stats.VotersOnMoreThanOneList,
                precincts_without_voters = stats.PrecinctsWithoutVoters,
            }, Json));
            return Ok;
        }

        var table = new Table().AddColumn("level").AddColumn(new TableColumn("commissions").RightAligned());
        foreach (var (code, count) in stats.Commissions)
        {
            table.AddRow(code, count.ToString("N0", CultureInfo.InvariantCulture));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.WriteLine($"{stats.Election}{(stats.Complete ? "" : " (incomplete)")}");
        console.Write(table);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"members {stats.Members:N0} · voters {stats.Voters:N0} · special precincts {stats.SpecialPrecincts:N0} · nominees {stats.Nominees} · candidates {stats.Candidates} · voters on more than one list {stats.VotersOnMoreThanOneList:N0}"));
        return Ok;
    }

    private static async Task<int> CommissionsAsync(Store store, string? level, string language, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var queries = new ElectionQueries(db);
        var definition = await queries.DefinitionAsync(ct);
        if (definition is null)
        {
            return await NoElectionAsync(error, store);
        }

        if (level is not null && !definition.Levels.Any(l => l.Code == level))
        {
            await error.WriteLineAsync($"--level {level}: no such level; the levels of {definition.Id} are {string.Join(", ", definition.Levels.Select(l => l.Code))}.");
            return UserError;
        }

        if (!LocalizedText.Languages.Contains(language))
        {
            await error.WriteLineAsync($"--lang {language}: the languages are kk, ru and en.");
            return UserError;
        }

        var list = await queries.CommissionsAsync(level, language, ct);
        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(list.Select(c => new { c.Code, c.Level, c.Number, c.Name, parent = c.Parent, c.Address, special = c.SpecialKind }), Json));
            return Ok;
        }

        foreach (var c in list)
        {
            await output.WriteLineAsync($"{c.Code}\t{c.Parent ?? "-"}\t{c.Name}\t{c.Address}");
        }

        return Ok;
    }

    private static async Task<int> CommissionStatsAsync(Store store, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = await store.OpenAsync(ct);
        var queries = new ElectionQueries(db);
        var definition = await queries.DefinitionAsync(ct);
        if (definition is null)
        {
            return await NoElectionAsync(error, store);
        }

        var stats = await queries.CommissionStatisticsAsync(definition, ct);
        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                women_share = stats.WomenShare,
                women_chairs_share = stats.WomenChairsShare,
                ethnicity_share = stats.EthnicityShare,
                party_presence_share = stats.PartyPresenceShare,
                majority_from_one_organization = stats.MajorityFromOneOrganization,
                violations = stats.Violations,
            }, Json));
            return Ok;
        }

        string Shares(IReadOnlyDictionary<string, decimal> shares) =>
            string.Join(", ", shares.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:P1}")));
        await output.WriteLineAsync("Women among members: " + Shares(stats.WomenShare));
        await output.WriteLineAsync("Women among chairs: " + Shares(stats.WomenChairsShare));
        await output.WriteLineAsync("Ethnicity: " + Shares(stats.EthnicityShare));
        await output.WriteLineAsync("Commissions where each organization is represented: " + Shares(stats.PartyPresenceShare));
        await output.WriteLineAsync($"Commissions where one organization holds a majority: {stats.MajorityFromOneOrganization:N0}");
        await output.WriteLineAsync("Rule violations: " + (stats.Violations.Count == 0 ? "none" : string.Join(", ", stats.Violations.Select(v => $"{v.Key} {v.Value:N0}"))));
        return Ok;
    }

    private static async Task<int> ServeAsync(Store store, int port, (string Definition, double Scale, long Seed)? demo, string? publishTo, TextWriter output, CancellationToken ct)
    {
        await using (var db = await store.OpenAsync(ct))
        {
            if (demo is { } d && await new ElectionQueries(db).ElectionAsync(ct) is null)
            {
                var (definition, text) = LoadDefinition(d.Definition);
                var report = await AuditedAsync(store, AuditEvents.Generate, definition.Id, () =>
                    WithProgress(Console.Error, $"The store is empty: generating the demo election {definition.Id} at scale {d.Scale.ToString(CultureInfo.InvariantCulture)}", progress =>
                        new WorldWriter(db, TimeProvider.System).GenerateAsync(definition, text, d.Scale, d.Seed, progress, ct)), Generated, ct);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Generated {report.Commissions:N0} commissions, {report.Members:N0} members, {report.Voters:N0} voters in {report.Elapsed.TotalSeconds:F1} s."));
                await AccountsCommand.SeedDemoAsync(store, output, ct);
                await QuickCountCommands.SeedDemoAsync(store, output, ct);
                await MediaCommands.SeedDemoAsync(store, d.Seed, output, ct);
                await ComplaintsCommands.SeedDemoAsync(store, output, ct);
                await Ashyq.Storage.Signatures.SignatureSeeder.SeedDemoAsync(store, output, ct);
                await ObservationCommands.SeedDemoAsync(store, definition, output, ct);
                await CandidatesCommand.SeedDemoAsync(store, d.Seed, output, ct);
            }
        }

        var app = AshyqWebHost.Build(new WebHostSettings(store, $"http://127.0.0.1:{port}")
        {
            Publish = publishTo is null ? null : new Ashyq.Web.Publication.PublishSettings(Path.GetFullPath(publishTo), null),
        });
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        await output.WriteLineAsync($"Ashyq is serving {store.Display} at {address}/ (Ctrl+C to stop)");
        if (publishTo is not null)
        {
            await output.WriteLineAsync($"Publishing to {Path.GetFullPath(publishTo)}, served at {address}/public/ (log at {address}/public/log/checkpoint)");
        }
        try
        {
            await app.WaitForShutdownAsync(ct);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
        return Ok;
    }
}

/// <summary>A definition file that cannot be read.</summary>
public sealed class DefinitionFileException(string message) : Exception(message);
