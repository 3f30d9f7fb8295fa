using Ashyq.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ashyq.Web.Health;

/// <summary>Healthy when the store opens and answers a query; degraded when it answers but holds no election.</summary>
public sealed class StoreHealthCheck(Store store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = store.CreateContext();
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"The store ({store.Display}) cannot be reached.");
            }

            var elections = await db.Elections.CountAsync(cancellationToken);
            return elections > 0
                ? HealthCheckResult.Healthy($"The store answers and holds {elections} election(s).")
                : HealthCheckResult.Degraded("The store answers but holds no election.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The store ({store.Display}) does not answer.", e);
        }
    }
}
