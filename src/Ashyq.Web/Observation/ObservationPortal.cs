using Ashyq.Core.Elections;
using Ashyq.Core.Observation;
using Ashyq.Storage;
using Ashyq.Storage.Observation;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Web.Observation;

/// <summary>The statistics as the portal shows them, with the regions' names; recomputed when a submission arrives.</summary>
public sealed record ObservationView(ObservationForms Forms, ObservationStatistics Statistics, MissionSummary Mission, IReadOnlyDictionary<string, LocalizedText> RegionNames, IReadOnlyDictionary<string, int> UnitsPerLevel, long Version)
{
    /// <summary>How many units the election has of the kind a form observes (polling stations, DECs).</summary>
    public int UnitsOf(FormKind kind) => Forms.Form(kind) is { } f ? UnitsPerLevel.GetValueOrDefault(f.Unit) : 0;
}

/// <summary>
/// Computes the mission's statistics from the stored submissions and keeps them until another submission is stored
/// (the newest submission's row id is the version), so the page and its plots read one computation.
/// </summary>
public sealed class ObservationPortal
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(long Version, string Name, string Language), byte[]?> _plots = new();
    private ObservationView? _view;

    public static ObservationForms Forms => ObservationFormsLoader.Default;

    /// <summary>A plot of the view, drawn once per version of the statistics, plot and language.</summary>
    public byte[]? Plot(ObservationView view, string name, string language, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (!ObservationPlots.Names.Contains(name))
        {
            return null;
        }

        foreach (var stale in _plots.Keys.Where(k => k.Version != view.Version))
        {
            _plots.TryRemove(stale, out _);
        }

        return _plots.GetOrAdd((view.Version, name, language), _ => ObservationPlots.Png(view, name, language, text));
    }

    public async Task<ObservationView?> GetAsync(AshyqDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Commissions.AnyAsync(ct))
        {
            return null;
        }

        var version = await db.ObservationSubmissions.MaxAsync(s => (long?)s.Id, ct) ?? 0;
        if (_view is { } cached && cached.Version == version)
        {
            return cached;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_view is { } again && again.Version == version)
            {
                return again;
            }

            var service = new ObservationService(db, Forms, TimeProvider.System);
            var stats = await service.StatisticsAsync(ct);
            var regions = stats.Regions.Select(r => r.Region).ToList();
            var names = await db.Commissions.AsNoTracking().Where(c => regions.Contains(c.Code))
                .ToDictionaryAsync(c => c.Code, c => new LocalizedText(c.NameKk, c.NameRu, c.NameEn), ct);
            var levels = await db.Commissions.AsNoTracking().GroupBy(c => c.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            return _view = new ObservationView(Forms, stats, await service.SummaryAsync(ct), names, levels, version);
        }
        finally
        {
            _gate.Release();
        }
    }
}
