using Ashyq.Core.Elections;
using Ashyq.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Register;

/// <summary>A line of a precinct list as printed: its number on the list and the voter.</summary>
public sealed record PrecinctListEntry(int Number, string Surname, string GivenName, string Patronymic, DateOnly BirthDate, string Address, string Iin);

/// <summary>A precinct list to print: the commission and its voters in the order commissions use.</summary>
public sealed record PrecinctList(string Code, LocalizedText Name, string Address, string? SpecialKind, IReadOnlyList<PrecinctListEntry> Voters);

/// <summary>Voters moved to one special station's list.</summary>
public sealed record StationTransfers(string Code, string SpecialKind, long Transfers);

/// <summary>Read-side queries of the register: counts on a day, the self-check, precinct lists, transfers, imports.</summary>
public sealed class RegisterQueries(AshyqDbContext db)
{
    /// <summary>Today in the election's time zone.</summary>
    public static DateOnly Today(ElectionDefinition definition, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(time);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }

    /// <summary>Voters on the register on <paramref name="day"/>: every record that took effect by then.</summary>
    public async Task<long> CountOnAsync(DateOnly day, CancellationToken ct = default) =>
        await db.Voters.LongCountAsync(v => v.RegisteredOn == null || v.RegisteredOn <= day, ct);

    /// <summary>The voters the signature threshold is a share of: the count on the day the definition names.</summary>
    public async Task<long> SignatureBaseAsync(ElectionDefinition definition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var day = definition.Candidates.Signatures?.VotersCountedOn == "votingDay" ? definition.Calendar.VotingDay : definition.Calendar.NominationOpens;
        return await CountOnAsync(day, ct);
    }

    /// <summary>
    /// The self-check: the voter's precinct, its address and how to ask for a correction — only when the IIN and
    /// the surname are of one voter on the register; null for any other pair (no hint of which part was wrong).
    /// </summary>
    public async Task<SelfCheckAnswer?> SelfCheckAsync(string? iin, string? surname, CancellationToken ct = default)
    {
        var valid = Iin.TryParse(iin?.Trim(), out var parsed);
        var key = valid ? parsed.Value : -1;
        var voter = await db.Voters.AsNoTracking().Where(v => v.Iin == key)
            .Select(v => new { v.Surname, v.PrecinctId }).FirstOrDefaultAsync(ct);
        if (voter is null || surname is null || !SelfCheck.SurnameMatches(voter.Surname, surname))
        {
            return null;
        }

        var precinct = await db.Commissions.AsNoTracking().FirstAsync(c => c.Id == voter.PrecinctId, ct);
        return new SelfCheckAnswer(precinct.Code, new LocalizedText(precinct.NameKk, precinct.NameRu, precinct.NameEn), precinct.Address, SelfCheck.HowToCorrect);
    }

    /// <summary>
    /// A precinct's list for printing, ordered as commissions use it: surname, given name, patronymic in the
    /// order of the Kazakh alphabet (<see cref="KazakhCollation"/>), then IIN; numbered from 1. Null if there is
    /// no such precinct.
    /// </summary>
    public async Task<PrecinctList?> PrecinctListAsync(string code, CancellationToken ct = default)
    {
        var precinct = await db.Commissions.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (precinct is null)
        {
            return null;
        }

        var voters = await db.Voters.AsNoTracking().Where(v => v.PrecinctId == precinct.Id)
            .Select(v => new { v.Iin, v.Surname, v.GivenName, v.Patronymic, v.BirthDate, v.Address }).ToListAsync(ct);
        var ordered = KazakhCollation.Order(voters, v => v.Surname, v => v.GivenName, v => v.Patronymic, v => v.Iin)
            .Select((v, i) => new PrecinctListEntry(i + 1, v.Surname, v.GivenName, v.Patronymic, v.BirthDate, v.Address, v.Iin.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return new PrecinctList(precinct.Code, new LocalizedText(precinct.NameKk, precinct.NameRu, precinct.NameEn), precinct.Address, precinct.SpecialKind, ordered);
    }

    /// <summary>Transfers to each special station that received any, by station code.</summary>
    public async Task<IReadOnlyList<StationTransfers>> TransfersPerStationAsync(CancellationToken ct = default)
    {
        var counts = await db.VoterTransfers.AsNoTracking().GroupBy(t => t.ToPrecinctId)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var ids = counts.Select(c => c.Key).ToList();
        var stations = await db.Commissions.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return [.. counts.Select(c => new StationTransfers(stations[c.Key].Code, stations[c.Key].SpecialKind ?? "", c.Count)).OrderBy(s => s.Code, StringComparer.Ordinal)];
    }

    /// <summary>Every import's published record, oldest first.</summary>
    public async Task<IReadOnlyList<RegisterImportRow>> ImportsAsync(CancellationToken ct = default) =>
        await db.RegisterImports.AsNoTracking().OrderBy(i => i.Id).ToListAsync(ct);
}
