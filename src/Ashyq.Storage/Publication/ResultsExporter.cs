using System.Globalization;
using System.Text;
using System.Text.Json;
using Ashyq.Core.Elections;
using Ashyq.Core.Publication;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Publication;

/// <summary>
/// Writes the results as open data beside the log: <c>results/precincts.csv</c> (one row per precinct, its latest
/// accepted version), <c>results/versions.csv</c> (every accepted version), <c>results/totals/&lt;code&gt;.json</c>
/// for every commission above the precincts (its running totals and completeness), and the whole election as NIST
/// SP 1500-100 v2 JSON (<c>results/nist-1500-100.json</c>). Rewritten as results change; never read by the site.
/// </summary>
public sealed class ResultsExporter(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public string Directory { get; } = Path.GetFullPath(directory);

    public async Task<int> WriteAsync(AshyqDbContext db, ElectionDefinition definition, TimeProvider time, CancellationToken ct)
    {
        var form = definition.ProtocolForm;
        var commissions = await db.Commissions.AsNoTracking().Select(c => new { c.Id, c.Code, c.Level, c.ParentId, c.NameKk, c.NameRu, c.NameEn }).ToListAsync(ct);
        var byId = commissions.ToDictionary(c => c.Id);
        var versions = await db.ProtocolVersions.AsNoTracking().Where(v => v.State == "Accepted")
            .Select(v => new { v.PrecinctId, v.Number, v.Values, v.EnteredElsewhere, v.AcceptedAt, v.AcceptedByCommission })
            .ToListAsync(ct);
        var parsed = versions.Select(v => (v.PrecinctId, v.Number, Values: JsonSerializer.Deserialize<long[]>(v.Values!)!, v.EnteredElsewhere, v.AcceptedAt, v.AcceptedByCommission))
            .OrderBy(v => byId[v.PrecinctId].Code, StringComparer.Ordinal).ThenBy(v => v.Number).ToList();
        var latest = parsed.GroupBy(v => v.PrecinctId).Select(g => g.Last()).ToList();

        string Path(int id)
        {
            var chain = new List<string>();
            for (int? c = byId[id].ParentId; c is not null; c = byId[c.Value].ParentId)
            {
                chain.Insert(0, byId[c.Value].Code);
            }

            return string.Join(",", chain);
        }

        var levels = definition.Levels.Skip(1).Take(definition.Levels.Count - 2).Select(l => l.Code).Prepend(definition.TopLevel.Code).ToList();
        var header = string.Join(",", levels.Select(l => l.ToLowerInvariant()).Append("precinct").Append("version").Concat(form.Lines.Select(l => l.Code)).Append("entered_elsewhere").Append("accepted_at").Append("accepted_by"));
        string Row((int PrecinctId, int Number, long[] Values, bool EnteredElsewhere, DateTimeOffset? AcceptedAt, string? AcceptedByCommission) v) =>
            string.Join(",", [Path(v.PrecinctId), byId[v.PrecinctId].Code, v.Number.ToString(CultureInfo.InvariantCulture), .. v.Values.Select(x => x.ToString(CultureInfo.InvariantCulture)),
                v.EnteredElsewhere ? "true" : "false", v.AcceptedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "", v.AcceptedByCommission ?? ""]);
        Write("results/precincts.csv", Encoding.UTF8.GetBytes(header + "\n" + string.Concat(latest.Select(v => Row(v) + "\n"))));
        Write("results/versions.csv", Encoding.UTF8.GetBytes(header + "\n" + string.Concat(parsed.Select(v => Row(v) + "\n"))));

        var progress = await db.Tallies.AsNoTracking().ToDictionaryAsync(p => p.CommissionId, ct);
        foreach (var c in commissions.Where(c => progress.ContainsKey(c.Id)))
        {
            var totals = progress[c.Id].Totals;
            var lines = form.Lines.Where(l => l.Index < totals.Length).ToDictionary(l => l.Code, l => totals[l.Index]);
            Write($"results/totals/{c.Code}.json", JsonSerializer.SerializeToUtf8Bytes(new
            {
                commission = c.Code,
                level = c.Level,
                precincts = progress[c.Id].Precincts,
                accepted = progress[c.Id].Accepted,
                lines,
            }, Json));
        }

        var top = commissions.Single(c => c.ParentId is null);
        var complete = progress.TryGetValue(top.Id, out var p) && p.Accepted == p.Precincts;
        var nist = NistExport.Build(
            definition,
            [.. commissions.Select(c => new ReportingUnit(c.Code, c.Level, c.ParentId is { } parent ? byId[parent].Code : null, new LocalizedText(c.NameKk, c.NameRu, c.NameEn)))],
            [.. latest.Select(v => new PrecinctResult(byId[v.PrecinctId].Code, v.Values))],
            time.GetUtcNow(),
            complete);
        Write("results/nist-1500-100.json", Encoding.UTF8.GetBytes(nist.ToJsonString()));
        return latest.Count;
    }

    private void Write(string relative, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
