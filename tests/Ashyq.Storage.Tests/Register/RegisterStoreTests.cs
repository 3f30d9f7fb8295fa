using Ashyq.Core.Register;
using Ashyq.Storage.Register;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests.Register;

public class RegisterStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A clock stopped at noon in Almaty on <paramref name="day"/>.</summary>
    private sealed class Clock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
    }

    private static readonly TimeProvider BeforeVoting = new Clock(new DateOnly(2011, 3, 20));

    /// <summary>A store with the election's hierarchy and no voters.</summary>
    private static async Task<Store> HierarchyAsync(string kind)
    {
        var store = await TestStores.WithWorldAsync(kind, 0, 2011, Ct);
        await using var db = await store.OpenAsync(Ct);
        return store;
    }

    private static string TempFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("ashyq-register-").FullName, name);

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task A_file_with_one_bad_row_in_100000_imports_99999_reports_the_one_and_importing_it_again_changes_nothing(string kind)
    {
        var store = await HierarchyAsync(kind);
        var csv = TempFile("akimat.csv");
        var sample = await RegisterSample.WriteAsync(Repo.Kz, 100_000 / 9_181_700.0, 2011, csv, badEvery: 60_000, cancellationToken: Ct);
        Assert.Equal(100_000, sample.Rows);
        await using var db = await store.OpenAsync(Ct);

        var report = await new RegisterImporter(db, TimeProvider.System).ImportAsync(csv, new DateOnly(2011, 2, 1), cancellationToken: Ct);

        Assert.Equal((100_000L, 99_999L, 0L, 1L), (report.Rows, report.Accepted, report.Unchanged, report.RejectedRows));
        var error = Assert.Single(report.Errors);
        Assert.Equal((60_000L, "iin", RegisterCodes.IinChecksum), (error.Row, error.Field, error.Code));
        Assert.Equal(99_999, await db.Voters.LongCountAsync(Ct));
        Assert.Equal(99_999, report.RegisterCount);

        var again = await new RegisterImporter(db, TimeProvider.System).ImportAsync(csv, new DateOnly(2011, 2, 1), cancellationToken: Ct);

        Assert.Equal((0L, 99_999L, 1L, true), (again.Accepted, again.Unchanged, again.RejectedRows, again.AlreadyImported));
        Assert.Equal(99_999, await db.Voters.LongCountAsync(Ct));
        var record = Assert.Single(await db.RegisterImports.AsNoTracking().ToListAsync(Ct));
        Assert.Equal((99_999L, 1L, true), (record.Accepted, record.RejectedRows, record.Complete));
        Assert.Contains("\"REG.IIN-CHECKSUM\":1", record.RejectedByCode, StringComparison.Ordinal);
        Assert.Empty(await db.DuplicatePairs.ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task The_register_keeps_its_history_queues_second_registrations_answers_the_self_check_and_prints_lists(string kind)
    {
        var store = await HierarchyAsync(kind);
        var all = TempFile("all.csv");
        await RegisterSample.WriteAsync(Repo.Kz, 0.0002, 2011, all, duplicates: 0.05, cancellationToken: Ct);
        var lines = await File.ReadAllLinesAsync(all, Ct);
        var early = TempFile("early.csv");
        var late = TempFile("late.csv");
        await File.WriteAllLinesAsync(early, lines[..1001], Ct);

        // The late file: rows 1001… plus one row of the early file again (same precinct: unchanged) and the same
        // voter on another precinct's list (refused, queued as a same-IIN pair).
        var repeated = lines[5];
        var elsewhere = string.Join(',', repeated.Split(',')[..^1]).Replace(repeated.Split(',')[0], "X-1", StringComparison.Ordinal) + ",PEC-9000";
        await File.WriteAllLinesAsync(late, [lines[0], .. lines[1001..], repeated, elsewhere], Ct);

        await using var db = await store.OpenAsync(Ct);
        var first = await new RegisterImporter(db, BeforeVoting).ImportAsync(early, new DateOnly(2011, 2, 1), cancellationToken: Ct);
        var second = await new RegisterImporter(db, BeforeVoting) { BatchSize = 100 }.ImportAsync(late, new DateOnly(2011, 3, 10), cancellationToken: Ct);

        var queries = new RegisterQueries(db);
        var n1 = first.Accepted;
        var n2 = second.Accepted;
        Assert.Equal(1, second.Unchanged);
        Assert.Contains(second.Errors, e => e.Code == RegisterCodes.DuplicateIin && e.Row == lines.Length - 1001 + 2);
        Assert.Equal(n1, await queries.CountOnAsync(new DateOnly(2011, 2, 5), Ct));
        Assert.Equal(n1 + n2, await queries.CountOnAsync(Repo.Kz.Calendar.VotingDay, Ct));
        Assert.Equal(n1, await queries.SignatureBaseAsync(Repo.Kz, Ct));
        var sameIin = await db.DuplicatePairs.AsNoTracking().Where(p => p.Kind == DuplicateService.SameIinKind).ToListAsync(Ct);
        Assert.Contains(sameIin, p => p.AKey == repeated.Split(',')[0] && p.BKey == "X-1");

        // Duplicate detection queues the similar pairs once, and a decision is recorded.
        var duplicates = new DuplicateService(db, BeforeVoting);
        var found = await duplicates.DetectAsync(ct: Ct);
        Assert.Contains(found.Pairs, p => p.Kind == DuplicateService.SimilarKind);
        var again = await duplicates.DetectAsync(ct: Ct);
        Assert.Equal(0, again.NewPairs);
        Assert.Equal(found.Pairs.Count, again.Pairs.Count);
        var decided = await duplicates.DecideAsync(found.Pairs[0].Id, confirm: false, "Register official", "different people", Ct);
        Assert.Equal((DuplicateService.Dismissed, "Register official"), (decided!.Status, decided.DecidedBy));

        // The self-check: the right pair finds the precinct; a wrong surname or IIN finds nothing.
        var fields = lines[1].Split(',');
        var code = fields[^1];
        var answer = await queries.SelfCheckAsync(fields[1], fields[2].ToUpperInvariant(), Ct);
        Assert.NotNull(answer);
        Assert.Equal(code, answer.PrecinctCode);
        Assert.NotEmpty(answer.HowToCorrect.Ru);
        Assert.Null(await queries.SelfCheckAsync(fields[1], "Иванов", Ct));
        Assert.Null(await queries.SelfCheckAsync("870918400008", fields[2], Ct));

        // The printable list: every voter of the precinct, in the Kazakh alphabet's order.
        var list = (await queries.PrecinctListAsync(code, Ct))!;
        Assert.Equal(await db.Voters.CountAsync(v => v.PrecinctId == db.Commissions.First(c => c.Code == code).Id, Ct), list.Voters.Count);
        Assert.Equal(list.Voters.Select(v => v.Surname).Order(KazakhCollation.Instance), list.Voters.Select(v => v.Surname));
        Assert.Equal(Enumerable.Range(1, list.Voters.Count), list.Voters.Select(v => v.Number));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task An_interrupted_import_leaves_whole_batches_and_importing_again_completes_it(string kind)
    {
        var store = await HierarchyAsync(kind);
        var all = TempFile("all.csv");
        await RegisterSample.WriteAsync(Repo.Kz, 0.0003, 2011, all, cancellationToken: Ct);
        var lines = await File.ReadAllLinesAsync(all, Ct);
        var first = TempFile("first.csv");
        await File.WriteAllLinesAsync(first, lines[..101], Ct);
        await using var db = await store.OpenAsync(Ct);
        await new RegisterImporter(db, TimeProvider.System).ImportAsync(first, new DateOnly(2011, 2, 1), cancellationToken: Ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var batches = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new RegisterImporter(db, TimeProvider.System) { BatchSize = 250 }
            .ImportAsync(all, new DateOnly(2011, 2, 1), p =>
            {
                if (++batches == 3)
                {
                    stop.Cancel();
                }
            }, stop.Token));

        db.ChangeTracker.Clear();
        // Batches are of 250 rows read; the first 100 rows were imported before and count as unchanged, so the first
        // batch adds 150 voters and every later one 250: whole batches leave 0, 150, 400, … added, never a part.
        var added = await db.Voters.LongCountAsync(Ct) - 100;
        Assert.True(added == 0 || (added >= 150 && (added - 150) % 250 == 0), $"{added} voters added: not whole batches");
        Assert.False((await db.RegisterImports.AsNoTracking().OrderBy(i => i.Id).LastAsync(Ct)).Complete);

        var again = await new RegisterImporter(db, TimeProvider.System).ImportAsync(all, new DateOnly(2011, 2, 1), cancellationToken: Ct);
        Assert.Equal(lines.Length - 1, await db.Voters.LongCountAsync(Ct));
        Assert.Equal(lines.Length - 1, again.Accepted + again.Unchanged);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task Two_concurrent_transfers_of_one_voter_leave_them_on_exactly_one_list(string kind)
    {
        var store = await HierarchyAsync(kind);
        var csv = TempFile("akimat.csv");
        await RegisterSample.WriteAsync(Repo.Kz, 0.0002, 2011, csv, cancellationToken: Ct);
        List<(long Iin, int Home)> voters;
        List<string> special;
        await using (var db = await store.OpenAsync(Ct))
        {
            await new RegisterImporter(db, BeforeVoting).ImportAsync(csv, new DateOnly(2011, 2, 1), cancellationToken: Ct);
            special = await db.Commissions.Where(c => c.SpecialKind != null).OrderBy(c => c.Id).Select(c => c.Code).Take(2).ToListAsync(Ct);
            voters = [.. (await db.Voters.AsNoTracking().Where(v => db.Commissions.Any(c => c.Id == v.PrecinctId && c.SpecialKind == null))
                .OrderBy(v => v.Id).Take(12).Select(v => new { v.Iin, v.PrecinctId }).ToListAsync(Ct)).Select(v => (v.Iin, v.PrecinctId))];
        }

        var outcomes = new List<(long Iin, string? Winner, int Successes)>();
        foreach (var (iin, _) in voters)
        {
            async Task<string?> Attempt(string to)
            {
                await using var context = store.CreateContext();
                try
                {
                    return (await new TransferService(context, BeforeVoting).TransferAsync(iin.ToString("D12", System.Globalization.CultureInfo.InvariantCulture), to, "hospital stay", Ct)).To;
                }
                catch (TransferRefusedException e) when (e.Code == TransferService.AlreadyTransferred)
                {
                    return null;
                }
            }

            var results = await Task.WhenAll(Task.Run(() => Attempt(special[0]), Ct), Task.Run(() => Attempt(special[1]), Ct));
            outcomes.Add((iin, results.FirstOrDefault(r => r is not null), results.Count(r => r is not null)));
        }

        await using (var db = store.CreateContext())
        {
            var ids = await db.Commissions.Where(c => special.Contains(c.Code)).ToDictionaryAsync(c => c.Id, c => c.Code, Ct);
            foreach (var (iin, winner, successes) in outcomes)
            {
                Assert.Equal(1, successes);
                var rows = await db.Voters.AsNoTracking().Where(v => v.Iin == iin).ToListAsync(Ct);
                var row = Assert.Single(rows);
                Assert.Equal(winner, ids[row.PrecinctId]);
                var transfer = await db.VoterTransfers.AsNoTracking().SingleAsync(t => t.Iin == iin, Ct);
                Assert.Equal(voters.Single(v => v.Iin == iin).Home, transfer.FromPrecinctId);
            }

            var stats = (await new ElectionQueries(db).StatsAsync(Ct))!;
            Assert.Equal(0, stats.VotersOnMoreThanOneList);
            var perStation = await new RegisterQueries(db).TransfersPerStationAsync(Ct);
            Assert.Equal(voters.Count, perStation.Sum(s => s.Transfers));

            // A voter already moved, a list that is not special, and a transfer on voting day are refused.
            var moved = voters[0].Iin.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
            var again = await Assert.ThrowsAsync<TransferRefusedException>(() => new TransferService(db, BeforeVoting).TransferAsync(moved, special[1], null, Ct));
            Assert.Equal(TransferService.AlreadyTransferred, again.Code);
            var ordinary = await Assert.ThrowsAsync<TransferRefusedException>(() => new TransferService(db, BeforeVoting).TransferAsync(voters[^1].Iin.ToString("D12", System.Globalization.CultureInfo.InvariantCulture), "PEC-0001", null, Ct));
            Assert.Equal(TransferService.NotSpecial, ordinary.Code);
            var late = await Assert.ThrowsAsync<TransferRefusedException>(() => new TransferService(db, new Clock(Repo.Kz.Calendar.VotingDay)).TransferAsync(voters[^1].Iin.ToString("D12", System.Globalization.CultureInfo.InvariantCulture), special[0], null, Ct));
            Assert.Equal(TransferService.ListsFinal, late.Code);
        }
    }
}
