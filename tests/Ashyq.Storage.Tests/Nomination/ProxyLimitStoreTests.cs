using Ashyq.Core.Candidates;
using Ashyq.Core.Results;
using Ashyq.Storage.Nomination;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests.Nomination;

public class ProxyLimitStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AFourthProxyAtOneStation_IsRefused_ButAnotherStationOrNomineeIsNot(string kind)
    {
        await using var world = await NominationWorld.CreateAsync(kind, 0, Ct);
        var (nominee, tec, precinct, other) = await SetUpAsync(world);
        var by = new Actor("tec", tec);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(i, (await world.Proxies.RegisterAsync(nominee, precinct, $"Өкіл {i}", null, by, Ct)).Slot);
        }

        var refused = await Assert.ThrowsAsync<RuleViolation>(() => world.Proxies.RegisterAsync(nominee, precinct, "Өкіл 4", null, by, Ct));
        Assert.Equal(ProxyLimit.Code, refused.Code);
        Assert.Contains("at most 3", refused.Message, StringComparison.Ordinal);
        await world.Proxies.RegisterAsync(nominee, other, "Өкіл 5", null, by, Ct);
        Assert.Equal("PROXY.OTHER-COMMISSION", (await Assert.ThrowsAsync<RuleViolation>(() => world.Proxies.RegisterAsync(nominee, precinct, "Өкіл 6", null, new Actor("x", "TEC-99"), Ct))).Code);

        var counts = await world.Proxies.CountsAsync(Ct);
        Assert.Equal(4, counts.Single(c => c.Nominee == 1).Proxies);
        Assert.Equal(4, counts.Single(c => c.Nominee == 1).PerUnit[tec]);
        Assert.Equal(4, await world.Db.Proxies.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task TwoRegistrationsRacingForTheLastPlace_OneWinsAndTheOtherIsRefused(string kind)
    {
        await using var world = await NominationWorld.CreateAsync(kind, 0, Ct);
        var (nominee, tec, precinct, _) = await SetUpAsync(world);
        var by = new Actor("tec", tec);
        await world.Proxies.RegisterAsync(nominee, precinct, "Өкіл 1", null, by, Ct);
        await world.Proxies.RegisterAsync(nominee, precinct, "Өкіл 2", null, by, Ct);

        for (var round = 0; round < 3; round++)
        {
            await using var a = world.Store.CreateContext();
            await using var b = world.Store.CreateContext();
            using var start = new SemaphoreSlim(0, 2);
            async Task<string> RaceAsync(AshyqDbContext db, string name)
            {
                await start.WaitAsync(Ct);
                try
                {
                    await new ProxyStore(db, Ashyq.Tests.Repo.Kz, world.Clock).RegisterAsync(nominee, precinct, name, null, by, Ct);
                    return "won";
                }
                catch (RuleViolation e)
                {
                    return e.Code;
                }
            }

            var first = Task.Run(() => RaceAsync(a, $"A{round}"), Ct);
            var second = Task.Run(() => RaceAsync(b, $"B{round}"), Ct);
            start.Release(2);
            var outcomes = await Task.WhenAll(first, second);

            if (round == 0)
            {
                Assert.Equal(["PROXY.LIMIT", "won"], outcomes.Order(StringComparer.Ordinal));
            }
            else
            {
                Assert.Equal(["PROXY.LIMIT", "PROXY.LIMIT"], outcomes);
            }

            Assert.Equal(3, await world.Db.Proxies.CountAsync(p => p.NomineeId == nominee, Ct));
        }
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task TheStoreItself_RefusesASecondProxyInTheSamePlace(string kind)
    {
        await using var world = await NominationWorld.CreateAsync(kind, 0, Ct);
        var (nominee, tec, precinct, _) = await SetUpAsync(world);
        var proxy = await world.Proxies.RegisterAsync(nominee, precinct, "Өкіл 1", null, new Actor("tec", tec), Ct);
        var precinctId = await world.Db.Commissions.Where(c => c.Code == precinct).Select(c => c.Id).SingleAsync(Ct);

        world.Db.Proxies.Add(new ProxyRow { NomineeId = nominee, PrecinctId = precinctId, Slot = proxy.Slot, FullName = "bypass", RegisteredBy = "sql" });

        await Assert.ThrowsAsync<DbUpdateException>(() => world.Db.SaveChangesAsync(Ct));
    }

    private static async Task<(int Nominee, string Tec, string Precinct, string Other)> SetUpAsync(NominationWorld world)
    {
        var nominee = await world.Db.Nominees.Where(n => n.Number == 1).Select(n => n.Id).SingleAsync(Ct);
        var units = await Territory.UnitsOfPrecinctsAsync(world.Db, Ashyq.Tests.Repo.Kz, Ct);
        var inFirst = units.Where(u => u.Value == "TEC-01").Select(u => u.Key).Order().Take(2).ToList();
        var codes = await world.Db.Commissions.Where(c => inFirst.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Code).ToListAsync(Ct);
        return (nominee, "TEC-01", codes[0], codes[1]);
    }
}
