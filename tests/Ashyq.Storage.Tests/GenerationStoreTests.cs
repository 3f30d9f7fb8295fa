using Ashyq.Core.Generation;
using Ashyq.Storage.Model;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests;

public class GenerationStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task Generate_WritesTheWholeHierarchyAndEveryVoterOnOneList(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var db = await store.OpenAsync(Ct);

        var report = await new WorldWriter(db, TimeProvider.System).GenerateAsync(Repo.Kz, Repo.KzText, 0.002, 11, cancellationToken: Ct);
        var stats = (await new ElectionQueries(db).StatsAsync(Ct))!;

        Assert.Equal(new Dictionary<string, int> { ["CEC"] = 1, ["TEC"] = 16, ["DEC"] = 207, ["PEC"] = 9725 }, stats.Commissions);
        Assert.Equal(69_643, stats.Members);
        Assert.Equal(18_363, stats.Voters);
        Assert.Equal(report.Voters, stats.Voters);
        Assert.Equal(525, stats.SpecialPrecincts);
        Assert.Equal((22, 4), (stats.Nominees, stats.Candidates));
        Assert.Equal(0, stats.VotersOnMoreThanOneList);
        Assert.True(stats.Complete);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task StoredVoters_AreTheGeneratedOnes(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        await new WorldWriter(db, TimeProvider.System).GenerateAsync(Repo.Kz, Repo.KzText, 0.0005, 5, cancellationToken: Ct);

        var generator = new WorldGenerator(Repo.Kz, 0.0005, 5);
        var expected = generator.Voters(generator.Hierarchy()).Take(50).ToList();
        var stored = await db.Voters.OrderBy(v => v.Id).Take(50).ToListAsync(Ct);
        var precincts = await db.Commissions.Where(c => c.Level == "PEC").ToDictionaryAsync(c => c.Id, c => c.Code, Ct);

        Assert.Equal(
            expected.Select(v => (v.Iin.Value, v.Surname, v.BirthDate, (int)v.Gender, v.PrecinctCode, v.Address)),
            stored.Select(v => (v.Iin, v.Surname, v.BirthDate, v.Gender, precincts[v.PrecinctId], v.Address)));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AVoter_CannotBeOnTwoLists(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        await new WorldWriter(db, TimeProvider.System).GenerateAsync(Repo.Kz, Repo.KzText, 0.0002, 5, cancellationToken: Ct);
        var voter = await db.Voters.AsNoTracking().FirstAsync(Ct);
        var otherPrecinct = await db.Commissions.Where(c => c.Level == "PEC" && c.Id != voter.PrecinctId).Select(c => c.Id).FirstAsync(Ct);

        db.Voters.Add(new VoterRow
        {
            Iin = voter.Iin,
            Surname = voter.Surname,
            GivenName = voter.GivenName,
            Patronymic = voter.Patronymic,
            BirthDate = voter.BirthDate,
            Gender = voter.Gender,
            PrecinctId = otherPrecinct,
            Address = "elsewhere",
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AGenerationStoppedPartWay_LeavesTheStoreEmpty(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using (var db = await store.OpenAsync(Ct))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new WorldWriter(db, TimeProvider.System).GenerateAsync(
                Repo.Kz, Repo.KzText, 0.02, 5, p =>
                {
                    if (p.Phase == "voters" && p.Done >= 50_000)
                    {
                        stop.Cancel();
                    }
                },
                stop.Token));
        }

        await using var fresh = await store.OpenAsync(Ct);
        Assert.Equal(0, await fresh.Elections.CountAsync(Ct));
        Assert.Equal(0, await fresh.Commissions.CountAsync(Ct));
        Assert.Equal(0, await fresh.Voters.LongCountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task GeneratingTwiceIntoOneStore_IsRefused(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        await new WorldWriter(db, TimeProvider.System).GenerateAsync(Repo.Kz, Repo.KzText, 0, 5, cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<StoreNotEmptyException>(() => new WorldWriter(db, TimeProvider.System).GenerateAsync(Repo.Kz, Repo.KzText, 0, 5, cancellationToken: Ct));
        Assert.Contains("kz-2011-presidential", refused.Message, StringComparison.Ordinal);
        Assert.Equal(9949, await db.Commissions.CountAsync(Ct));
    }

    [Fact]
    public async Task AnUnreachableServer_IsAClearError()
    {
        var store = Store.Parse("Host=127.0.0.1;Port=1;Database=none;Timeout=3");
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.OpenAsync(Ct));
        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASqliteFileInAMissingFolder_IsAClearError()
    {
        var store = Store.Parse("/nonexistent-folder/for/ashyq.db");
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.OpenAsync(Ct));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
