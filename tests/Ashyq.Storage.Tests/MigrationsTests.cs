using Ashyq.Demo;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ashyq.Storage.Tests;

public class MigrationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task The_migrations_of_each_provider_build_exactly_the_model(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var db = await store.OpenAsync(Ct);

        Assert.False(db.Database.HasPendingModelChanges(), $"the {kind} migrations lag behind the model: add a migration for each provider");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task Running_totals_survive_the_move_to_one_row_per_commission_and_back(string kind)
    {
        var store = await TestStores.WithWorldAsync(kind, 0.002, 9, Ct);
        await using var db = await store.OpenAsync(Ct);
        await new ElectionNight(db, Repo.Kz, TimeProvider.System).PlayAsync(seed: 4, slips: 0.1, limit: 40, progress: null, Ct);
        var before = await TalliesAsync(db);
        Assert.Contains(before, t => t.Value.Accepted > 0 && t.Value.Totals.Any(x => x > 0));

        // Back to the line-per-row tables, then forward again: the totals are the same, line by line.
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var tallies = migrations.FindIndex(m => m.EndsWith("_TalliesPerCommission", StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[tallies - 1], Ct);
        await migrator.MigrateAsync(cancellationToken: Ct);
        db.ChangeTracker.Clear();

        var after = await TalliesAsync(db);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, t =>
        {
            Assert.Equal(t.Value.Precincts, after[t.Key].Precincts);
            Assert.Equal(t.Value.Accepted, after[t.Key].Accepted);
            Assert.Equal(t.Value.Totals, after[t.Key].Totals);
        });
        var results = new ResultsService(db, Repo.Kz, TimeProvider.System);
        Assert.Equal(await results.RecountAsync("CEC", Ct), (await results.TallyAsync("CEC", Ct)).Totals.Values);
    }

    private static async Task<Dictionary<int, (int Precincts, int Accepted, long[] Totals)>> TalliesAsync(AshyqDbContext db) =>
        (await db.Tallies.AsNoTracking().ToListAsync(Ct)).ToDictionary(t => t.CommissionId, t => (t.Precincts, t.Accepted, t.Totals));
}
