using Ashyq.Core.Audit;
using Ashyq.Core.Candidates;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;
using Ashyq.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Nomination;

/// <summary>A proxy as the commission sees them (the contact is for notices and never published).</summary>
public sealed record ProxyView(long Id, int NomineeId, string Precinct, int Slot, string FullName, string? Contact, DateOnly RegisteredOn);

/// <summary>The published count of one nominee's proxies: in all, and per territorial unit.</summary>
public sealed record ProxyCount(int Nominee, LocalizedText Name, string? CandidateCode, long Proxies, IReadOnlyDictionary<string, long> PerUnit);

/// <summary>
/// Proxies of nominees and candidates, registered by the territorial commission of the polling station (law art.
/// 14.2-1), at most the definition's number per candidate per polling station. The limit is the store's, not
/// only the code's: each proxy holds a numbered place and (nominee, station, place) is unique, so of two
/// registrations racing for the last place exactly one wins and the other is refused with PROXY.LIMIT.
/// </summary>
public sealed class ProxyStore(AshyqDbContext db, ElectionDefinition definition, TimeProvider time)
{
    public async Task<ProxyView> RegisterAsync(int nomineeId, string precinctCode, string fullName, string? contact, Actor by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (string.IsNullOrWhiteSpace(fullName))
        {
            throw new RuleViolation("PROXY.NAME", "A proxy is registered under their full name.");
        }

        var nominee = await db.Nominees.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nomineeId, ct)
            ?? throw new RuleViolation("PROXY.UNKNOWN-NOMINEE", $"No nominee {nomineeId}.");
        if (nominee.Status is nameof(NomineeStatus.Refused) or nameof(NomineeStatus.Withdrawn))
        {
            throw new RuleViolation("PROXY.NOMINEE-STATUS", $"Nominee {nominee.Number} is {nominee.Status.ToLowerInvariant()}: no proxy can be registered for them.");
        }

        var precinct = await db.Commissions.AsNoTracking().FirstOrDefaultAsync(c => c.Code == precinctCode, ct);
        if (precinct is null || precinct.Level != definition.PrecinctLevel.Code)
        {
            throw new RuleViolation("PROXY.UNKNOWN-PRECINCT", $"\"{precinctCode}\" is not a polling station.");
        }

        var unit = await Territory.UnitOfAsync(db, definition, precinct.Id, ct);
        if (by.Commission != unit.Code)
        {
            throw new RuleViolation("PROXY.OTHER-COMMISSION", $"Proxies at {precinct.Code} are registered by {unit.Code}, not {by.Commission}.");
        }

        var limit = definition.Candidates.Proxies.MaxPerCandidatePerPrecinct;
        for (var attempt = 0; attempt <= limit; attempt++)
        {
            var taken = await db.Set<ProxyRow>().AsNoTracking().Where(p => p.NomineeId == nomineeId && p.PrecinctId == precinct.Id).Select(p => p.Slot).ToListAsync(ct);
            var slot = ProxyLimit.FreeSlot(definition, $"Nominee {nominee.Number}", precinct.Code, taken);
            var at = time.GetUtcNow();
            var row = new ProxyRow
            {
                NomineeId = nomineeId,
                PrecinctId = precinct.Id,
                Slot = slot,
                FullName = fullName.Trim(),
                Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim(),
                RegisteredOn = RegisterQueries(at),
                RegisteredBy = by.User,
            };
            db.Set<ProxyRow>().Add(row);
            Audit.Record(db, AuditEvents.ProxyRegistered, by.User, by.Commission, $"nominee/{nominee.Number}", $"{precinct.Code} place {slot}", at);
            try
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                return new ProxyView(row.Id, nomineeId, precinct.Code, slot, row.FullName, row.Contact, row.RegisteredOn);
            }
            catch (DbUpdateException)
            {
                // Another registration took this place first: look again.
                db.ChangeTracker.Clear();
            }
        }

        throw ProxyLimit.Refusal($"Nominee {nominee.Number}", precinct.Code, limit);
    }

    public async Task<IReadOnlyList<ProxyView>> ProxiesAsync(int nomineeId, string? unitCode = null, CancellationToken ct = default)
    {
        var units = await Territory.UnitsOfPrecinctsAsync(db, definition, ct);
        var rows = await db.Set<ProxyRow>().AsNoTracking().Where(p => p.NomineeId == nomineeId).OrderBy(p => p.PrecinctId).ThenBy(p => p.Slot).ToListAsync(ct);
        var codes = await db.Commissions.AsNoTracking().Where(c => c.Level == definition.PrecinctLevel.Code).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        return [.. rows.Where(p => unitCode is null || units.GetValueOrDefault(p.PrecinctId) == unitCode)
            .Select(p => new ProxyView(p.Id, p.NomineeId, codes[p.PrecinctId], p.Slot, p.FullName, p.Contact, p.RegisteredOn))];
    }

    /// <summary>The published counts: every nominee with proxies, their total and their count per territorial unit.</summary>
    public async Task<IReadOnlyList<ProxyCount>> CountsAsync(CancellationToken ct = default)
    {
        var units = await Territory.UnitsOfPrecinctsAsync(db, definition, ct);
        var grouped = await db.Set<ProxyRow>().AsNoTracking().GroupBy(p => new { p.NomineeId, p.PrecinctId })
            .Select(g => new { g.Key.NomineeId, g.Key.PrecinctId, Count = g.LongCount() }).ToListAsync(ct);
        var nominees = await db.Nominees.AsNoTracking().ToDictionaryAsync(n => n.Id, ct);
        return [.. grouped.GroupBy(g => g.NomineeId).Select(g =>
        {
            var n = nominees[g.Key];
            var perUnit = g.GroupBy(x => units.GetValueOrDefault(x.PrecinctId) ?? "").OrderBy(u => u.Key, StringComparer.Ordinal)
                .ToDictionary(u => u.Key, u => u.Sum(x => x.Count));
            return new ProxyCount(n.Number, new LocalizedText(n.NameKk, n.NameRu, n.NameEn), n.CandidateCode, g.Sum(x => x.Count), perUnit);
        }).OrderByDescending(c => c.Proxies).ThenBy(c => c.Nominee)];
    }

    private DateOnly RegisterQueries(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone)).DateTime);
}

/// <summary>Which territorial unit (the level the signature spread is counted at: TEC) a commission lies in.</summary>
public static class Territory
{
    public static string UnitLevel(ElectionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Candidates.Signatures?.TerritorialCoverage.Level ?? definition.Levels[Math.Min(1, definition.Levels.Count - 1)].Code;
    }

    /// <summary>Every polling station's territorial unit code, by the station's id.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> UnitsOfPrecinctsAsync(AshyqDbContext db, ElectionDefinition definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.Commissions.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Level, c.Code }).ToDictionaryAsync(c => c.Id, ct);
        var level = UnitLevel(definition);
        var result = new Dictionary<int, string>();
        foreach (var c in all.Values.Where(c => c.Level == definition.PrecinctLevel.Code))
        {
            var at = c;
            while (at is not null && at.Level != level)
            {
                at = at.ParentId is { } p ? all.GetValueOrDefault(p) : null;
            }

            if (at is not null)
            {
                result[c.Id] = at.Code;
            }
        }

        return result;
    }

    public static async Task<CommissionRow> UnitOfAsync(AshyqDbContext db, ElectionDefinition definition, int commissionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var level = UnitLevel(definition);
        var at = await db.Commissions.AsNoTracking().FirstAsync(c => c.Id == commissionId, ct);
        while (at.Level != level)
        {
            if (at.ParentId is not { } parent)
            {
                throw new RuleViolation("TERRITORY.NONE", $"{at.Code} lies in no {level}.");
            }

            at = await db.Commissions.AsNoTracking().FirstAsync(c => c.Id == parent, ct);
        }

        return at;
    }

    /// <summary>The number of territorial units (TECs) of the election.</summary>
    public static Task<int> CountAsync(AshyqDbContext db, ElectionDefinition definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var level = UnitLevel(definition);
        return db.Commissions.CountAsync(c => c.Level == level, ct);
    }
}
