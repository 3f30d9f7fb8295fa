using Ashyq.Application.Elections;
using Ashyq.Core.Elections;
using Ashyq.Storage;
using Ashyq.Storage.Model;
using Ashyq.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Web.Election;

/// <summary>The stored election with its parsed definition, and the names the definition gives to codes.</summary>
public sealed record LoadedElection(ElectionRow Row, ElectionDefinition Definition)
{
    public LocalizedText Name => Definition.Name;

    public LocalizedText OrganizationName(string code) =>
        Definition.Organizations.FirstOrDefault(o => o.Code == code)?.Name ?? LocalizedText.Same(code);

    public LocalizedText LevelName(string level) =>
        Definition.Levels.FirstOrDefault(l => l.Code == level)?.Name ?? LocalizedText.Same(level);

    /// <summary>The body that appoints members at a level (the President, a chamber, a maslikhat), by its code.</summary>
    public LocalizedText BodyName(string level, string body) =>
        Definition.Levels.FirstOrDefault(l => l.Code == level)?.Appointment.Bodies.FirstOrDefault(b => b.Body == body)?.Name
        ?? Definition.Organizations.FirstOrDefault(o => string.Equals(o.Code, body, StringComparison.OrdinalIgnoreCase))?.Name
        ?? LocalizedText.Same(body);

    public bool IsPrecinctLevel(string level) => Definition.PrecinctLevel.Code == level;
}

/// <summary>What the portal and the API read: the election, commissions with their ancestors, and list sizes.</summary>
public sealed class ElectionCatalog(AshyqDbContext db, ElectionQueries queries, DefinitionCache cache)
{
    public ElectionQueries Queries => queries;

    public async Task<LoadedElection?> ElectionAsync(CancellationToken ct = default)
    {
        var row = await queries.ElectionAsync(ct);
        return row is null ? null : new LoadedElection(row, cache.For(row));
    }

    /// <summary>The number of commissions at each level of the definition, top first.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(LoadedElection election, CancellationToken ct = default)
    {
        var counted = await db.Commissions.AsNoTracking().Where(c => c.ElectionId == election.Row.Id)
            .GroupBy(c => c.Level).Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = new Dictionary<string, int>();
        foreach (var level in election.Definition.Levels)
        {
            counts[level.Code] = counted.FirstOrDefault(c => c.Level == level.Code)?.Count ?? 0;
        }

        return counts;
    }

    /// <summary>The commission's superiors, the top one first; empty for the top commission.</summary>
    public async Task<IReadOnlyList<CommissionRow>> AncestorsAsync(CommissionRow commission, CancellationToken ct = default)
    {
        var ancestors = new List<CommissionRow>();
        var parentId = commission.ParentId;
        while (parentId is { } id && ancestors.Count < 16)
        {
            var parent = await db.Commissions.AsNoTracking().FirstAsync(c => c.Id == id, ct);
            ancestors.Insert(0, parent);
            parentId = parent.ParentId;
        }

        return ancestors;
    }

    /// <summary>The number of voters on each precinct's list, for the precincts asked about.</summary>
    public async Task<IReadOnlyDictionary<int, long>> VotersOnListsAsync(IReadOnlyCollection<int> precinctIds, CancellationToken ct = default)
    {
        if (precinctIds.Count == 0)
        {
            return new Dictionary<int, long>();
        }

        var counted = await db.Voters.AsNoTracking().Where(v => precinctIds.Contains(v.PrecinctId))
            .GroupBy(v => v.PrecinctId).Select(g => new { Precinct = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        return precinctIds.ToDictionary(id => id, id => counted.FirstOrDefault(c => c.Precinct == id)?.Count ?? 0);
    }
}

/// <summary>Names and orderings of stored rows, in the current language.</summary>
public static class RowNames
{
    private static readonly string[] RoleOrder = ["Chair", "DeputyChair", "Secretary", "Member"];

    public static LocalizedText Name(this CommissionRow commission) => new(commission.NameKk, commission.NameRu, commission.NameEn);

    /// <summary>Chair, deputy, secretary, then members; voting members before consultative ones; then by name.</summary>
    public static IReadOnlyList<MemberRow> InOrder(this IEnumerable<MemberRow> members) =>
    [
        .. members
            .OrderBy(m => m.IsVoting ? 0 : 1)
            .ThenBy(m => Array.IndexOf(RoleOrder, m.Role) is var i and >= 0 ? i : RoleOrder.Length)
            .ThenBy(m => m.FullName, StringComparer.Ordinal),
    ];

    public static string GenderCode(int gender) => gender switch
    {
        1 => "male",
        2 => "female",
        _ => "unknown",
    };

    public static string LocalName(this CommissionRow commission) => commission.Name().Local();
}
