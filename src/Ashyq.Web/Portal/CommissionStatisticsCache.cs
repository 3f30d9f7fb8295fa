using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Storage;

namespace Ashyq.Web.Portal;

/// <summary>
/// The commissions' statistics, computed from every member at most once a minute per process: the computation
/// reads all members, and the figures change only when commissions are re-formed.
/// </summary>
public sealed class CommissionStatisticsCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private (string Election, DateTimeOffset At, CommissionStatistics Statistics)? _cached;

    /// <summary>The statistics and when they were computed.</summary>
    public async Task<(CommissionStatistics Statistics, DateTimeOffset ComputedAt)> GetAsync(ElectionQueries queries, ElectionDefinition definition, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_cached is { } c && c.Election == definition.Id && now - c.At < Lifetime)
            {
                return (c.Statistics, c.At);
            }
        }

        var statistics = await queries.CommissionStatisticsAsync(definition, ct);
        lock (_gate)
        {
            _cached = (definition.Id, now, statistics);
        }

        return (statistics, now);
    }
}
