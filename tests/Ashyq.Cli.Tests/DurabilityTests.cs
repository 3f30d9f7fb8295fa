using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ashyq.Cli.Tests.Durability;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Cli.Tests;

/// <summary>
/// An acceptance the server acknowledged survives <c>kill -9</c>: a client drives the results chain of one
/// district's precincts over HTTP against a real <c>ashyq serve</c> process, the test kills that process with
/// SIGKILL at random moments (seeded) and restarts it, and after every kill the store must hold every
/// acknowledged acceptance, no half-written protocol, and running totals equal to a full recount.
/// </summary>
public class DurabilityTests
{
    private const string Password = "durability-test-1";
    private const int TargetKills = 22;
    private const int Workers = 2;
    // Bounds, not expectations: on an idle 2-core machine the kill phase takes 35–55 s and the final run 10–20 s;
    // a CI machine running other test assemblies at once can be several times slower (a restart takes 2–3 s then;
    // on 2 December 2026 this machine, with the Storage and Web tests beside it, made 18 kills in 244 s).
    private static readonly TimeSpan KillPhase = TimeSpan.FromSeconds(420);
    private static readonly TimeSpan FinalPhase = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Stores => new(FreshStore.Sqlite, FreshStore.Postgres);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task EveryAcknowledgedAcceptance_SurvivesKill9_AndTheRunningTotalsEqualARecount(string kind)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromMinutes(12));
        var ct = limit.Token;
        var clock = Stopwatch.StartNew();
        Assert.True(File.Exists(ServerProcess.AshyqDll), $"{ServerProcess.AshyqDll} is missing: the test project references Ashyq.Cli.");

        await using var fresh = await FreshStore.CreateAsync(kind, ct);
        var generateOut = new StringWriter();
        var generateErr = new StringWriter();
        var generated = await AshyqCommand.RunAsync(["--db", fresh.Db, "generate", "--scale", "0"], generateOut, generateErr, ct);
        Assert.True(generated == 0, $"generate failed: {generateErr}");
        var store = fresh.Store;
        var district = await District.PickAsync(store, ct);
        var plans = await CreateAccountsAsync(store, district, ct);
        var setup = clock.Elapsed;

        var stats = new ChainStats();
        var client = new ChainClient(Password, district.AcceptingMember, stats);
        var random = new Random(kind == FreshStore.Sqlite ? 20111204 : 20111205);
        var kills = 0;
        var killsWithRequestsInFlight = 0;
        var inFlightAtKills = 0;
        var restarts = 0;
        var killsAfterBudget = 0;
        var starting = TimeSpan.Zero;
        var checking = TimeSpan.Zero;
        ServerProcess? server = null;
        try
        {
            // Kill, restart, continue: until enough kills, the time is up, or the work is done.
            var killPhase = Stopwatch.StartNew();
            while (kills < TargetKills && killPhase.Elapsed < KillPhase)
            {
                var remaining = Remaining(plans, stats, random);
                if (remaining.Count == 0)
                {
                    break;
                }

                var started = Stopwatch.StartNew();
                server = await ServerProcess.StartAsync(fresh.Db, ct);
                starting += started.Elapsed;
                restarts++;
                // The moment is random (seeded): once the server has taken a random number (1–5) of steps (it is
                // doing real work, and a slow machine still moves on), 50–800 ms later or a few milliseconds after the
                // client has sent a random number of requests, whichever comes first (so that a fast machine does
                // not finish the work before the last kill).
                using var session = client.Connect(server.Address, requestBudget: random.Next(8, 50), progress: random.Next(1, 6));
                var delay = random.Next(50, 801);
                var jitter = random.Next(0, 25);
                var queue = new ConcurrentQueue<PrecinctPlan>(remaining);
                var work = Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => session.WorkAsync(queue, ct)));
                await Task.WhenAny(session.Progressed, work).WaitAsync(ct);
                var budget = session.BudgetSpent.ContinueWith(_ => Task.Delay(jitter, ct), ct, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
                var fired = await Task.WhenAny(Task.Delay(delay, ct), budget, work);
                killsAfterBudget += fired == budget ? 1 : 0;
                if (work.IsCompleted)
                {
                    // The work ran out before the kill: the final run below finishes nothing more.
                    await work;
                    await server.DisposeAsync();
                    server = null;
                    break;
                }

                var inFlight = session.BeginKill();
                var pid = server.Id;
                var exitCode = await server.KillAsync();
                Assert.True(exitCode == 137, $"The server (pid {pid}) was not killed by SIGKILL: its exit code is {exitCode}.");
                kills++;
                inFlightAtKills += inFlight;
                killsWithRequestsInFlight += inFlight > 0 ? 1 : 0;
                await work.WaitAsync(TimeSpan.FromSeconds(30), ct);
                await server.DisposeAsync();
                server = null;

                // The server is dead: what it acknowledged is in the store, and nothing is half-written.
                var checkedAt = Stopwatch.StartNew();
                await CheckStoreAsync(store, district, plans, stats, $"after kill {kills}", ct);
                checking += checkedAt.Elapsed;
            }

            var killsTook = killPhase.Elapsed;
            var acceptedBeforeFinalRun = stats.Accepted.Count;

            // A last run without kills finishes the remaining precincts.
            server = await ServerProcess.StartAsync(fresh.Db, ct);
            restarts++;
            using (var session = client.Connect(server.Address))
            {
                var queue = new ConcurrentQueue<PrecinctPlan>(Remaining(plans, stats, random));
                await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => session.WorkAsync(queue, ct))).WaitAsync(FinalPhase, ct);
                Assert.Empty(stats.Anomalies);
                Assert.Equal(plans.Select(p => p.Precinct).Order(), stats.Accepted.Keys.Order());

                // Through the API of the restarted server: every acknowledged acceptance is published as typed.
                foreach (var (precinct, version) in stats.AcknowledgedAcceptances)
                {
                    var plan = plans.Single(p => p.Precinct == precinct);
                    var published = await session.GetPublicAsync($"api/results/{precinct}", ct);
                    Assert.Equal("Accepted", published["currentState"]!.GetValue<string>());
                    var only = Assert.Single(published["published"]!.AsArray())!;
                    Assert.Equal(version, only["version"]!.GetValue<int>());
                    Assert.Equal(district.Dec, only["acceptedByCommission"]!.GetValue<string>());
                    Assert.Equal(district.AcceptingMember, only["acceptedBy"]!.GetValue<string>());
                    Assert.All(plan.Values, line => Assert.Equal(line.Value, only["lines"]![line.Key]!.GetValue<long>()));
                }

                await using var db = store.CreateContext();
                var results = new ResultsService(db, district.Definition, TimeProvider.System);
                foreach (var code in district.Chain)
                {
                    var tally = await session.GetPublicAsync($"api/results/tally/{code}", ct);
                    var recount = await results.RecountAsync(code, ct);
                    Assert.Equal(plans.Count, tally["accepted"]!.GetValue<int>());
                    Assert.All(district.Definition.ProtocolForm.Lines, l => Assert.Equal(recount[l.Index], tally["totals"]![l.Code]!.GetValue<long>()));
                }
            }

            await CheckStoreAsync(store, district, plans, stats, "at the end", ct);
            Assert.True(kills >= 20, $"Only {kills} kills happened in {killsTook.TotalSeconds:F0} s (the work ran out or the time did).");
            Assert.True(killsWithRequestsInFlight >= 20, $"Only {killsWithRequestsInFlight} of {kills} kills cut requests in flight.");

            Assert.Empty(stats.PendingCutWrites);
            var acceptedWithoutAnswer = stats.Accepted.Count - stats.AcknowledgedAcceptances.Count;
            var cutWrites = string.Join(", ", stats.CutWrites.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value.Committed}/{c.Value.Committed + c.Value.Lost}"));
            var report = string.Create(CultureInfo.InvariantCulture,
                $"{kind}: {district.Dec} ({plans.Count} precincts, {district.Tec}, {district.Cec}); setup {setup.TotalSeconds:F1} s; " +
                $"{kills} kills (SIGKILL, exit 137; {kills - killsAfterBudget} timed, {killsAfterBudget} after the request budget), {killsWithRequestsInFlight} with requests in flight ({inFlightAtKills} in flight in all), {restarts} starts, kill phase {killsTook.TotalSeconds:F1} s (starting {starting.TotalSeconds:F1} s, checking the store {checking.TotalSeconds:F1} s); " +
                $"{stats.Requests} requests, {stats.Cut} cut by a kill, {stats.NotSent} not sent after a kill, {stats.Logins} logins, {stats.Unauthorized} tokens refused after a restart; " +
                $"cut writes committed/cut by step: {cutWrites}; " +
                $"{stats.AcknowledgedAcceptances.Count} acceptances acknowledged, {acceptedWithoutAnswer} committed without an answer (cut), {acceptedBeforeFinalRun} accepted before the final run without kills, all {plans.Count} after; total {clock.Elapsed.TotalSeconds:F1} s");
            TestContext.Current.TestOutputHelper?.WriteLine(report);
            TestContext.Current.SendDiagnosticMessage(report);
        }
        catch (Exception) when (server is not null)
        {
            TestContext.Current.TestOutputHelper?.WriteLine("The server's last lines:" + Environment.NewLine + server.Log);
            throw;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The precincts not yet seen accepted: first those already started, in a random (seeded) order (a commission
    /// resumes its protocol after the outage), then the others in order.
    /// </summary>
    private static List<PrecinctPlan> Remaining(IReadOnlyList<PrecinctPlan> plans, ChainStats stats, Random random)
    {
        var started = plans.Where(p => stats.Started.ContainsKey(p.Precinct) && !stats.Accepted.ContainsKey(p.Precinct)).ToArray();
        random.Shuffle(started);
        return [.. started, .. plans.Where(p => !stats.Started.ContainsKey(p.Precinct))];
    }

    /// <summary>Two operators and a chair for every precinct of the district, and a member of the district commission.</summary>
    private static async Task<IReadOnlyList<PrecinctPlan>> CreateAccountsAsync(Store store, District district, CancellationToken ct)
    {
        var codes = district.Definition.ProtocolForm.Lines.Select(l => l.Code).ToList();
        var plans = district.Precincts.Select((precinct, i) =>
        {
            var tag = precinct.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

            // Every third precinct's turnout is 95 % or more: a warning its chair acknowledges before signing.
            var warning = i % 3 == 0;
            var values = new Dictionary<string, long>
            {
                ["L1"] = warning ? 710 + (i % 10) : 1000 + i,
                ["L2"] = 900,
                ["L3"] = 702,
                ["L4"] = 198,
                ["L5"] = 702,
                ["L6"] = 21 + (i % 5),
                ["C1"] = 10,
                ["C2"] = 15,
                ["C3"] = 21,
                ["C4"] = 635 - (i % 5),
            };
            Assert.Equal(codes.Order(), values.Keys.Order());
            return new PrecinctPlan(precinct, $"op1-{tag}", $"op2-{tag}", $"chair-{tag}", values, warning);
        }).ToList();

        var accounts = plans.SelectMany(p => new[]
        {
            (p.Op1, p.Precinct, AccountRole.Operator),
            (p.Op2, p.Precinct, AccountRole.Operator),
            (p.Chair, p.Precinct, AccountRole.Chair),
        }).Append((district.AcceptingMember, district.Dec, AccountRole.Member)).ToList();
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = ct },
            async (a, t) => await AccountsAdmin.CreateAsync(store, a.Item1, a.Item2, a.Item3, Password, t));
        return plans;
    }

    /// <summary>
    /// The store, read directly while the server is down (or idle): every acknowledged acceptance is there, every
    /// version is whole and consistent with its own snapshot, and the running totals of the district, its
    /// territory and the country equal a full recount and the values typed.
    /// </summary>
    private static async Task CheckStoreAsync(Store store, District district, IReadOnlyList<PrecinctPlan> plans, ChainStats stats, string when, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var results = new ResultsService(db, district.Definition, TimeProvider.System);
        var form = district.Definition.ProtocolForm;
        var codes = district.Precincts.ToList();
        var ids = await db.Commissions.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var rows = await db.ProtocolVersions.AsNoTracking().ToListAsync(ct);
        Assert.All(rows, r => Assert.True(ids.ContainsKey(r.PrecinctId), $"{when}: a protocol of a precinct nobody typed (commission {r.PrecinctId})."));

        var accepted = new List<PrecinctPlan>();
        foreach (var plan in plans)
        {
            var mine = rows.Where(r => ids[r.PrecinctId] == plan.Precinct).ToList();
            Assert.True(mine.Count <= 1, $"{when}: {plan.Precinct} has {mine.Count} versions; nothing opens a correction here.");
            if (stats.AcknowledgedAcceptances.TryGetValue(plan.Precinct, out var number))
            {
                Assert.True(mine.Count == 1 && mine[0].Number == number && mine[0].State == nameof(ProtocolState.Accepted),
                    $"{when}: the acceptance of {plan.Precinct} was acknowledged but the store holds {string.Join(", ", mine.Select(r => $"v{r.Number} {r.State}"))}.");
            }

            if (mine.Count == 0)
            {
                continue;
            }

            var row = mine[0];
            var version = Assert.Single(await results.VersionsAsync(plan.Precinct, ct));
            var expected = form.Lines.Select(l => plan.Values[l.Code]).ToArray();
            var why = $"{when}: {plan.Precinct} v{row.Number} ({row.State})";
            Assert.True(row.State == version.State.ToString(), $"{why}: its snapshot says {version.State}.");
            Assert.True(version.State != ProtocolState.Empty, $"{why}: a saved version is never empty here (nothing returns or discards).");
            Assert.True(version.First is not null && version.First.Operator.User == plan.Op1, $"{why}: the first entry is not {plan.Op1}'s.");
            if (version.State >= ProtocolState.FirstEntryDone)
            {
                Assert.True(version.First!.IsFinished && version.First.Values.SequenceEqual(expected), $"{why}: the finished first entry is not the values typed.");
            }

            if (version.State >= ProtocolState.SecondEntryInProgress)
            {
                Assert.True(version.Second is not null && version.Second.Operator.User == plan.Op2, $"{why}: the second entry is not {plan.Op2}'s.");
            }

            if (version.State >= ProtocolState.Definitive)
            {
                Assert.True(version.Values is not null && version.Values.SequenceEqual(expected), $"{why}: the definitive values are not the values typed.");
                Assert.True(row.Values is not null && JsonSerializer.Deserialize<long[]>(row.Values)!.SequenceEqual(expected), $"{why}: the values column is {row.Values ?? "null"}.");
                Assert.True(version.Warnings().Count == (plan.RaisesWarning ? 1 : 0), $"{why}: {version.Warnings().Count} warnings.");
            }
            else
            {
                Assert.True(row.Values is null && version.Values is null, $"{why}: values before the protocol is definitive.");
            }

            if (version.State >= ProtocolState.Signed)
            {
                Assert.True(version.Signatures.Count == 7, $"{why}: {version.Signatures.Count} signatures.");
                Assert.True(version.Warnings().All(w => version.Acknowledgements.Any(a => a.RelationCode == w.Code)), $"{why}: signed with a warning unacknowledged.");
            }

            if (version.State == ProtocolState.Accepted)
            {
                Assert.True(row.AcceptedBy == district.AcceptingMember && row.AcceptedByCommission == district.Dec && row.AcceptedAt is not null,
                    $"{why}: accepted by {row.AcceptedBy ?? "nobody"} of {row.AcceptedByCommission ?? "no commission"} at {row.AcceptedAt}.");
                Assert.True(version.AcceptedBy == new Actor(district.AcceptingMember, district.Dec), $"{why}: the snapshot's acceptance is {version.AcceptedBy}.");
                accepted.Add(plan);
            }
            else
            {
                Assert.True(row.AcceptedBy is null && row.AcceptedAt is null && version.AcceptedBy is null, $"{why}: acceptance data on a version not accepted.");
            }
        }

        // The running totals, as stored in the same transactions as the acceptances, against a full recount.
        var expectedTotals = form.Lines.Select(l => accepted.Sum(p => p.Values[l.Code])).ToArray();
        foreach (var code in district.Chain)
        {
            var tally = await results.TallyAsync(code, ct);
            var recount = await results.RecountAsync(code, ct);
            var stored = form.Lines.Select(l => tally.Totals[l.Code]).ToArray();
            Assert.True(recount.SequenceEqual(expectedTotals), $"{when}: the recount of {code} is [{string.Join(", ", recount)}], the values typed sum to [{string.Join(", ", expectedTotals)}].");
            Assert.True(stored.SequenceEqual(recount), $"{when}: the running totals of {code} are [{string.Join(", ", stored)}], a full recount gives [{string.Join(", ", recount)}].");
            Assert.True(tally.Accepted == accepted.Count, $"{when}: {code} counts {tally.Accepted} precincts in, the store holds {accepted.Count} accepted.");
        }

        var districtTally = await results.TallyAsync(district.Dec, ct);
        Assert.Equal(district.Precincts.Count, districtTally.Precincts);
    }

    /// <summary>The district driven: the first DEC (by code) with 40–60 precincts, its superiors, and its accepting member.</summary>
    private sealed record District(ElectionDefinition Definition, string Dec, string Tec, string Cec, IReadOnlyList<string> Precincts)
    {
        public string AcceptingMember => "member-" + Dec.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

        /// <summary>The district, its territory and the country: the running totals checked.</summary>
        public IReadOnlyList<string> Chain => [Dec, Tec, Cec];

        public static async Task<District> PickAsync(Store store, CancellationToken ct)
        {
            await using var db = store.CreateContext();
            var definition = await new ElectionQueries(db).DefinitionAsync(ct) ?? throw new InvalidOperationException("No election was generated.");
            var precinctLevel = definition.PrecinctLevel.Code;
            var precincts = await db.Commissions.AsNoTracking().Where(c => c.Level == precinctLevel)
                .Select(c => new { c.Code, Parent = c.Parent!.Code }).ToListAsync(ct);
            var dec = precincts.GroupBy(p => p.Parent).Where(g => g.Count() is >= 40 and <= 60).OrderBy(g => g.Key, StringComparer.Ordinal).First();
            var tec = await db.Commissions.AsNoTracking().Where(c => c.Code == dec.Key).Select(c => c.Parent!.Code).SingleAsync(ct);
            var cec = await db.Commissions.AsNoTracking().Where(c => c.Code == tec).Select(c => c.Parent!.Code).SingleAsync(ct);
            return new District(definition, dec.Key, tec, cec, [.. dec.Select(p => p.Code).Order(StringComparer.Ordinal)]);
        }
    }
}
