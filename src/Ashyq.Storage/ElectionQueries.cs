using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Register;
using Ashyq.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage;

/// <summary>Counts of a stored election, level by level.</summary>
public sealed record StoreStats(
    string Election,
    bool Complete,
    IReadOnlyDictionary<string, int> Commissions,
    int Members,
    long Voters,
    int SpecialPrecincts,
    int Nominees,
    int Candidates,
    long VotersOnMoreThanOneList,
    int PrecinctsWithoutVoters);

/// <summary>A commission as listed: its code, name, parent's code and address.</summary>
public sealed record CommissionListing(string Code, string Level, int Number, string Name, string? Parent, string Address, string? SpecialKind);

/// <summary>Read-side queries of a stored election, shared by the command line and the web.</summary>
public sealed class ElectionQueries(AshyqDbContext db)
{
    public async Task<ElectionRow?> ElectionAsync(CancellationToken ct = default) =>
        await db.Elections.AsNoTracking().OrderBy(e => e.Id).FirstOrDefaultAsync(ct);

    public async Task<ElectionDefinition?> DefinitionAsync(CancellationToken ct = default)
    {
        var election = await ElectionAsync(ct);
        return election is null ? null : ElectionDefinitionLoader.Parse(election.DefinitionJson, election.DefinitionId);
    }

    public async Task<StoreStats?> StatsAsync(CancellationToken ct = default)
    {
        var election = await ElectionAsync(ct);
        if (election is null)
        {
            return null;
        }

        var definition = ElectionDefinitionLoader.Parse(election.DefinitionJson, election.DefinitionId);
        var perLevel = await db.Commissions.Where(c => c.ElectionId == election.Id)
            .GroupBy(c => c.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var commissions = definition.Levels.ToDictionary(l => l.Code, l => perLevel.FirstOrDefault(p => p.Key == l.Code)?.Count ?? 0);
        var members = await db.Members.CountAsync(ct);
        var voters = await db.Voters.LongCountAsync(ct);
        var special = await db.Commissions.CountAsync(c => c.ElectionId == election.Id && c.SpecialKind != null, ct);
        var nominees = await db.Nominees.CountAsync(n => n.ElectionId == election.Id, ct);
        var candidates = await db.Nominees.CountAsync(n => n.ElectionId == election.Id && n.CandidateCode != null, ct);
        var onSeveralLists = await db.Voters.GroupBy(v => v.Iin).Where(g => g.Count() > 1).LongCountAsync(ct);
        var precinctLevel = definition.PrecinctLevel.Code;
        var withoutVoters = voters == 0 ? commissions[precinctLevel] : await db.Commissions
            .CountAsync(c => c.ElectionId == election.Id && c.Level == precinctLevel && !db.Voters.Any(v => v.PrecinctId == c.Id), ct);
        return new StoreStats(election.DefinitionId, election.Complete, commissions, members, voters, special, nominees, candidates, onSeveralLists, withoutVoters);
    }

    /// <summary>The commissions' statistics and composition checks, computed from every member as stored.</summary>
    public async Task<CommissionStatistics> CommissionStatisticsAsync(ElectionDefinition definition, CancellationToken ct = default)
    {
        var commissions = await db.Commissions.AsNoTracking().Select(c => new { c.Id, c.Code, c.Level }).ToListAsync(ct);
        var members = (await db.Members.AsNoTracking().ToListAsync(ct)).ToLookup(m => m.CommissionId);
        return CommissionStatistics.Compute(definition, commissions.Select(c =>
            (c.Code, c.Level, (IReadOnlyList<Member>)[.. members[c.Id].Select(m => ToMember(c.Code, m))])));
    }

    /// <summary>A stored member as the domain knows them.</summary>
    public static Member ToMember(string commission, MemberRow m) => new()
    {
        Commission = new CommissionCode(commission),
        Iin = Iin.TryCreate(m.Iin, out var iin, out _) ? iin : throw new InvalidOperationException($"Member {m.Id} has an invalid IIN in the store."),
        FullName = m.FullName,
        Gender = (Gender)m.Gender,
        Ethnicity = m.Ethnicity,
        NominatedBy = m.NominatedBy,
        AppointedBy = m.AppointedBy,
        Role = Enum.Parse<MemberRole>(m.Role),
        IsVoting = m.IsVoting,
        TermStart = m.TermStart,
        TermEnd = m.TermEnd,
    };

    public async Task<IReadOnlyList<CommissionListing>> CommissionsAsync(string? level, string language, CancellationToken ct = default)
    {
        var query = db.Commissions.AsNoTracking();
        if (level is not null)
        {
            query = query.Where(c => c.Level == level);
        }

        var rows = await query.OrderBy(c => c.Id)
            .Select(c => new { c.Code, c.Level, c.Number, c.NameKk, c.NameRu, c.NameEn, Parent = c.Parent!.Code, c.Address, c.SpecialKind })
            .ToListAsync(ct);
        return [.. rows.Select(c => new CommissionListing(
            c.Code, c.Level, c.Number, new LocalizedText(c.NameKk, c.NameRu, c.NameEn).In(language), c.Parent, c.Address, c.SpecialKind))];
    }

    public async Task<CommissionRow?> CommissionAsync(string code, CancellationToken ct = default) =>
        await db.Commissions.AsNoTracking().Include(c => c.Parent).Include(c => c.Members)
            .FirstOrDefaultAsync(c => c.Code == code, ct);

    public async Task<IReadOnlyList<CommissionRow>> ChildrenAsync(int? parentId, CancellationToken ct = default) =>
        await db.Commissions.AsNoTracking().Where(c => c.ParentId == parentId).OrderBy(c => c.Number).ToListAsync(ct);

    public async Task<long> VotersOnListAsync(int precinctId, CancellationToken ct = default) =>
        await db.Voters.LongCountAsync(v => v.PrecinctId == precinctId, ct);

    public async Task<IReadOnlyList<NomineeRow>> NomineesAsync(CancellationToken ct = default) =>
        await db.Nominees.AsNoTracking().OrderBy(n => n.Number).ToListAsync(ct);
}
