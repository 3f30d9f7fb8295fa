using Ashyq.Core.Elections;
using Ashyq.Core.Forensics;
using Ashyq.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Forensics;

/// <summary>
/// Reads an election's precinct results for the forensics: for every precinct its latest accepted protocol version
/// (values in the form's line order), the region it belongs to (its commission at the level below the top), and
/// the control relations that version breaks, as recorded in the results chain.
/// </summary>
public sealed class ForensicsQueries(AshyqDbContext db)
{
    /// <summary>Every figure of the forensics of the stored election, nationally and, if asked, per region.</summary>
    /// <param name="electionId">The definition id of the election; null for the one stored.</param>
    public async Task<ForensicsReport> AnalyzeAsync(string? electionId, bool byRegion, CancellationToken ct = default)
    {
        var (definition, set) = await LoadAsync(electionId, ct);
        if (set.Count == 0)
        {
            throw new ForensicsException(
                "FORENSICS.NO-RESULTS",
                $"The election {definition.Id} has no accepted precinct protocol yet: there is nothing to analyse (import published results or simulate the election night first).");
        }

        return ElectionForensics.Analyze(set, byRegion);
    }

    /// <summary>The stored election's definition and its precinct results.</summary>
    public async Task<(ElectionDefinition Definition, PrecinctSet Set)> LoadAsync(string? electionId, CancellationToken ct = default)
    {
        var election = await db.Elections.AsNoTracking().OrderBy(e => e.Id).FirstOrDefaultAsync(ct)
            ?? throw new ForensicsException("FORENSICS.NO-ELECTION", "The store holds no election yet: generate one or import published results first.");
        if (electionId is not null && electionId != election.DefinitionId)
        {
            throw new ForensicsException("FORENSICS.UNKNOWN-ELECTION", $"The store holds the election \"{election.DefinitionId}\", not \"{electionId}\".");
        }

        var definition = ElectionDefinitionLoader.Parse(election.DefinitionJson, election.DefinitionId);
        var quantities = ForensicsQuantities.Of(definition);
        var precinctLevel = definition.PrecinctLevel.Code;
        var regionLevel = definition.Levels.Count > 2 ? definition.Levels[1].Code : null;

        var upper = await db.Commissions.AsNoTracking()
            .Where(c => c.ElectionId == election.Id && c.Level != precinctLevel)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.Level, c.Code, c.NameKk, c.NameRu, c.NameEn })
            .ToListAsync(ct);
        var regions = new List<ForensicsRegion>();
        var regionIndex = new Dictionary<int, int>();
        foreach (var c in upper.Where(c => c.Level == regionLevel).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            regionIndex[c.Id] = regions.Count;
            regions.Add(new ForensicsRegion(c.Code, new LocalizedText(c.NameKk, c.NameRu, c.NameEn)));
        }

        // The region of every commission above the precincts, by walking up its parents.
        var parentOf = upper.ToDictionary(c => c.Id, c => c.ParentId);
        var regionOf = new Dictionary<int, int>();
        int RegionOf(int? id)
        {
            if (id is not { } start)
            {
                return -1;
            }

            if (regionOf.TryGetValue(start, out var known))
            {
                return known;
            }

            var found = -1;
            for (int? at = start; at is { } a; at = parentOf.GetValueOrDefault(a))
            {
                if (regionIndex.TryGetValue(a, out var r))
                {
                    found = r;
                    break;
                }
            }

            regionOf[start] = found;
            return found;
        }

        var precincts = await db.Commissions.AsNoTracking()
            .Where(c => c.ElectionId == election.Id && c.Level == precinctLevel)
            .Select(c => new { c.Id, c.ParentId, c.Code })
            .ToDictionaryAsync(c => c.Id, ct);

        var accepted = nameof(ProtocolState.Accepted);
        var latest = new Dictionary<int, (long Id, int Number, string Values)>(precincts.Count);
        await foreach (var v in db.ProtocolVersions.AsNoTracking()
            .Where(v => v.State == accepted && v.Values != null)
            .Select(v => new { v.Id, v.PrecinctId, v.Number, v.Values })
            .AsAsyncEnumerable()
            .WithCancellation(ct))
        {
            if (precincts.ContainsKey(v.PrecinctId) && (!latest.TryGetValue(v.PrecinctId, out var seen) || v.Number > seen.Number))
            {
                latest[v.PrecinctId] = (v.Id, v.Number, v.Values!);
            }
        }

        var set = new PrecinctSet(definition.Id, ForensicsQuantities.CandidatesOf(definition), regions, [.. definition.ProtocolForm.Relations.Select(r => r.Code)]);
        var values = new long[quantities.Lines];
        var votes = new long[quantities.CandidateLines.Count];
        var indexOfVersion = new Dictionary<long, int>(latest.Count);
        foreach (var (precinctId, version) in latest.OrderBy(l => precincts[l.Key].Code, StringComparer.Ordinal))
        {
            var precinct = precincts[precinctId];
            ParseValues(version.Values, values, precinct.Code);
            indexOfVersion[version.Id] = quantities.AddTo(set, precinct.Code, RegionOf(precinct.ParentId), values, votes);
        }

        await foreach (var violation in db.ProtocolViolations.AsNoTracking()
            .Select(v => new { v.VersionId, v.RelationCode })
            .AsAsyncEnumerable()
            .WithCancellation(ct))
        {
            if (indexOfVersion.TryGetValue(violation.VersionId, out var p))
            {
                set.AddViolation(p, violation.RelationCode);
            }
        }

        return (definition, set);
    }

    /// <summary>Reads a stored JSON array of whole numbers (<c>[1,2,3]</c>) into <paramref name="into"/>.</summary>
    internal static void ParseValues(string json, long[] into, string precinct)
    {
        var count = 0;
        long value = 0;
        var inNumber = false;
        foreach (var ch in json)
        {
            if (ch is >= '0' and <= '9')
            {
                value = (value * 10) + (ch - '0');
                inNumber = true;
            }
            else if (ch is ',' or ']')
            {
                if (inNumber)
                {
                    if (count == into.Length)
                    {
                        throw new ForensicsException("FORENSICS.BAD-VALUES", $"The stored values of {precinct} have more numbers than the protocol's {into.Length} lines.");
                    }

                    into[count++] = value;
                }

                value = 0;
                inNumber = false;
            }
            else if (ch is not ('[' or ' ' or '\n' or '\r' or '\t'))
            {
                throw new ForensicsException("FORENSICS.BAD-VALUES", $"The stored values of {precinct} are not an array of whole numbers: {json}");
            }
        }

        if (count != into.Length)
        {
            throw new ForensicsException("FORENSICS.BAD-VALUES", $"The stored values of {precinct} have {count} numbers where the protocol has {into.Length} lines.");
        }
    }
}
