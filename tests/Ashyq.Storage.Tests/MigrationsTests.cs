using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests;

public class MigrationsTests
{
    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task The_migrations_of_each_provider_build_exactly_the_model(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var db = await store.OpenAsync(TestContext.Current.CancellationToken);

        Assert.False(db.Database.HasPendingModelChanges(), $"the {kind} migrations lag behind the model: add a migration for each provider");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
