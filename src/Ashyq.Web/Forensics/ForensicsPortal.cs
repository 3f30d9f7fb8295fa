using System.Collections.Concurrent;
using Ashyq.Core.Forensics;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Ashyq.Storage.Forensics;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Web.Forensics;

/// <summary>A region's anomaly score: the share of its voters on the list in precincts of the fingerprint's corner.</summary>
/// <param name="ExcessShare">Shpilkin's excess leader votes of the region as a share of its valid votes; null when undefined.</param>
public sealed record RegionAnomaly(ForensicsRegion Region, int Precincts, int Corner, Ratio Score, double? ExcessShare);

/// <summary>
/// What the public forensics page shows: the report, every precinct's flags and the regions ranked by anomaly; the
/// report is null when no protocol is accepted yet.
/// </summary>
public sealed record ForensicsView(string Election, int AcceptedVersions, ForensicsReport? Report, IReadOnlyList<PrecinctFlag> Flags, IReadOnlyList<RegionAnomaly> Regions)
{
    public const int PeakLimit = 50;

    /// <summary>The whole percents of turnout whose precincts are listed as peaks.</summary>
    public static IReadOnlyList<int> TurnoutPeaks { get; } = [85, 90, 95, 100];
}

/// <summary>
/// The forensics of the stored election, computed once per process for each number of accepted protocol versions
/// (the analysis reads every precinct), with its plots rendered on demand and kept alongside.
/// </summary>
public sealed class ForensicsPortal
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, byte[]> _plots = new(StringComparer.Ordinal);
    private ForensicsView? _cached;

    /// <summary>The current view; null when the store holds no election.</summary>
    public async Task<ForensicsView?> GetAsync(AshyqDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var election = await db.Elections.AsNoTracking().OrderBy(e => e.Id).Select(e => e.DefinitionId).FirstOrDefaultAsync(ct);
        if (election is null)
        {
            return null;
        }

        var accepted = nameof(ProtocolState.Accepted);
        var versions = await db.ProtocolVersions.AsNoTracking().CountAsync(v => v.State == accepted && v.Values != null, ct);
        if (Fresh(election, versions) is { } hit)
        {
            return hit;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh(election, versions) is { } again)
            {
                return again;
            }

            var (_, set) = await new ForensicsQueries(db).LoadAsync(election, ct);
            var view = Build(election, versions, set);
            _plots.Clear();
            Volatile.Write(ref _cached, view);
            return view;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A plot of the view's national figures as PNG; null for an unknown name or when there is no report.</summary>
    public byte[]? Plot(ForensicsView view, string name)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Report is not { } report || !ForensicsPlots.Names.Contains(name))
        {
            return null;
        }

        var key = $"{view.Election}/{view.AcceptedVersions}/{name}";
        return _plots.GetOrAdd(key, _ => ForensicsPlots.Png(report, name)!);
    }

    /// <summary>The analysis of a set of precincts as the page shows it.</summary>
    public static ForensicsView Build(string election, int versions, PrecinctSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Count == 0)
        {
            return new ForensicsView(election, versions, null, [], []);
        }

        var report = ElectionForensics.Analyze(set, byRegion: true);
        var flags = PrecinctFlags.Compute(set, report.Leader);
        var regions = report.Regions
            .Select(r => new RegionAnomaly(
                r.Region,
                r.Figures.Precincts,
                r.Figures.Fingerprint.CountTurnoutGt80LeaderGt80,
                r.Figures.Fingerprint.VotersShare,
                r.Figures.Shpilkin is { ExcessLeaderVotes: { } e, ValidTotal: > 0 } s ? e / s.ValidTotal : null))
            .OrderByDescending(r => r.Score.Value)
            .ThenByDescending(r => r.ExcessShare ?? double.NegativeInfinity)
            .ThenBy(r => r.Region.Code, StringComparer.Ordinal)
            .ToList();
        return new ForensicsView(election, versions, report, flags, regions);
    }

    private ForensicsView? Fresh(string election, int versions) =>
        Volatile.Read(ref _cached) is { } c && c.Election == election && c.AcceptedVersions == versions ? c : null;
}
