using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage;

/// <summary>
/// One way to write atomically: join the transaction an action of <c>Ashyq.Application</c> has opened, or, for a
/// store call made outside one (a bulk import, a test), open a transaction of its own that the provider's execution
/// strategy retries as a whole.
/// </summary>
public static class Transactions
{
    public static async Task<T> RunAsync<T>(AshyqDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work();
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return result;
        });
    }
}
