using System.Text.Json;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Ashyq.Storage.Model;
using Ashyq.Web.Election;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Web.Portal;

/// <summary>
/// A commission's or a precinct's figures as the portal shows them: how many of its precincts are accepted, and
/// the participants and eligible voters of the accepted ones (the lines the definition names).
/// </summary>
public sealed record UnitFigures(CommissionRow Commission, bool IsPrecinct, int Precincts, int Accepted, long Participants, long Eligible)
{
    public double Completeness => Precincts == 0 ? 0 : (double)Accepted / Precincts;

    public double? Turnout => Eligible == 0 ? null : (double)Participants / Eligible;
}

/// <summary>Everything the results page of one level shows.</summary>
public sealed record AreaResults(
    CommissionRow Commission,
    IReadOnlyList<CommissionRow> Ancestors,
    UnitFigures Figures,
    long[] Totals,
    ElectionOutcome Outcome,
    IReadOnlyList<UnitFigures> Children,
    IReadOnlyList<int> TurnoutBuckets,
    StoredDecision? Adoption,
    bool AdoptedAsNow)
{
    /// <summary>The width of a turnout bucket of the histogram, in percent.</summary>
    public const int BucketPercent = 5;

    public bool IsComplete => Figures.Precincts > 0 && Figures.Accepted == Figures.Precincts;
}

/// <summary>
/// Reads the results of a level: the stored running totals of the commission and of its sub-units (the totals
/// every acceptance updates), the latest accepted version of each precinct for precinct-level figures and the
/// turnout histogram, and the definition's winner rule applied to the totals.
/// </summary>
public sealed class ResultsPortal(AshyqDbContext db, ElectionCatalog catalog, TimeProvider time)
{
    public async Task<AreaResults?> AreaAsync(LoadedElection election, string? code, CancellationToken ct = default)
    {
        var definition = election.Definition;
        var commission = code is null
            ? await db.Commissions.AsNoTracking().Where(c => c.ParentId == null).OrderBy(c => c.Number).FirstOrDefaultAsync(ct)
            : await db.Commissions.AsNoTracking().Include(c => c.Parent).FirstOrDefaultAsync(c => c.Code == code, ct);
        if (commission is null || election.IsPrecinctLevel(commission.Level))
        {
            return null;
        }

        var form = definition.ProtocolForm;
        var participantsLine = form.IndexOf[definition.Result.ParticipantsLine];
        var eligibleLine = form.IndexOf[definition.Result.EligibleVotersLine];
        var ancestors = await catalog.AncestorsAsync(commission, ct);
        var children = await catalog.Queries.ChildrenAsync(commission.Id, ct);
        var precinctLevel = definition.PrecinctLevel.Code;

        var ids = children.Where(c => c.Level != precinctLevel).Select(c => c.Id).Append(commission.Id).ToList();
        var progress = await db.Tallies.AsNoTracking().Where(p => ids.Contains(p.CommissionId)).ToDictionaryAsync(p => p.CommissionId, ct);

        long[] TotalsOf(int id)
        {
            var values = new long[form.Lines.Count];
            if (progress.TryGetValue(id, out var tally))
            {
                tally.Totals.AsSpan(0, Math.Min(values.Length, tally.Totals.Length)).CopyTo(values);
            }

            return values;
        }

        UnitFigures Figures(CommissionRow c)
        {
            var p = progress.GetValueOrDefault(c.Id);
            var values = TotalsOf(c.Id);
            return new UnitFigures(c, false, p?.Precincts ?? 0, p?.Accepted ?? 0, values[participantsLine], values[eligibleLine]);
        }

        var own = Figures(commission);
        var ownTotals = TotalsOf(commission.Id);

        // The precincts under the commission, for the histogram and for precinct children.
        var under = await PrecinctsUnderAsync(commission.Id, precinctLevel, ct);
        var latest = await LatestAcceptedAsync(under, ct);
        var childFigures = children.Select(c => c.Level == precinctLevel
            ? latest.TryGetValue(c.Id, out var v)
                ? new UnitFigures(c, true, 1, 1, v[participantsLine], v[eligibleLine])
                : new UnitFigures(c, true, 1, 0, 0, 0)
            : Figures(c)).ToList();

        var buckets = new int[100 / AreaResults.BucketPercent];
        foreach (var values in latest.Values)
        {
            if (values[eligibleLine] > 0)
            {
                var percent = 100.0 * values[participantsLine] / values[eligibleLine];
                buckets[Math.Clamp((int)(percent / AreaResults.BucketPercent), 0, buckets.Length - 1)]++;
            }
        }

        var outcome = WinnerRule.Determine(definition, ownTotals, own.Precincts > 0 && own.Accepted == own.Precincts);
        // Whether the adopted protocol still holds, against the totals read above (not a second read of the tally).
        var now = new ResultsProtocol(commission.Code, own.Precincts, own.Accepted, [.. form.Lines.Select(l => new KeyValuePair<string, long>(l.Code, ownTotals[l.Index]))]);
        var (adoption, asNow) = await new ResultsService(db, definition, time).AdoptionAsync(commission.Code, now, ct);
        return new AreaResults(commission, ancestors, own, ownTotals, outcome, childFigures, buckets, adoption, asNow);
    }

    /// <summary>The ids of every precinct under a commission.</summary>
    private async Task<HashSet<int>> PrecinctsUnderAsync(int root, string precinctLevel, CancellationToken ct)
    {
        var all = await db.Commissions.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Level }).ToListAsync(ct);
        var children = all.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        var precincts = new HashSet<int>();
        var stack = new Stack<int>([root]);
        while (stack.Count > 0)
        {
            foreach (var child in children[stack.Pop()])
            {
                if (child.Level == precinctLevel)
                {
                    precincts.Add(child.Id);
                }
                else
                {
                    stack.Push(child.Id);
                }
            }
        }

        return precincts;
    }

    /// <summary>The values of each precinct's latest accepted version, for the precincts asked about.</summary>
    private async Task<Dictionary<int, long[]>> LatestAcceptedAsync(HashSet<int> precincts, CancellationToken ct)
    {
        var accepted = nameof(ProtocolState.Accepted);
        var query = db.ProtocolVersions.AsNoTracking().Where(v => v.State == accepted && v.Values != null);
        if (precincts.Count <= 1000)
        {
            var ids = precincts.ToList();
            query = query.Where(v => ids.Contains(v.PrecinctId));
        }

        var rows = await query.Select(v => new { v.PrecinctId, v.Number, v.Values }).ToListAsync(ct);
        return rows.Where(r => precincts.Contains(r.PrecinctId)).GroupBy(r => r.PrecinctId)
            .ToDictionary(g => g.Key, g => JsonSerializer.Deserialize<long[]>(g.MaxBy(r => r.Number)!.Values!)!);
    }
}
