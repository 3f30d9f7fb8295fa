using System.Text.Json.Nodes;
using Ashyq.Demo;
using Ashyq.Storage.Publication;
using Ashyq.Tests;
using NJsonSchema;

namespace Ashyq.Storage.Tests.Publication;

public class ResultsExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(AshyqDbContext Db, string Site)> ExportedAsync(int precincts)
    {
        var store = await TestStores.WithWorldAsync(TestStores.Sqlite, 0, 3, Ct);
        var db = await store.OpenAsync(Ct);
        await new ElectionNight(db, Repo.Kz, TimeProvider.System).PlayAsync(5, 0.1, precincts, null, Ct);
        var site = Directory.CreateTempSubdirectory("ashyq-results-").FullName;
        await new ResultsExporter(site).WriteAsync(db, Repo.Kz, TimeProvider.System, Ct);
        return (db, site);
    }

    [Fact]
    public async Task TheNistExport_ValidatesAgainstTheOfficialSchema()
    {
        var (db, site) = await ExportedAsync(40);
        await using var _ = db;
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Repo.Root, "..", "shared", "standards", "nist-1500-100-v2", "NIST_V2_election_results_reporting.json"), Ct);

        var export = await File.ReadAllTextAsync(Path.Combine(site, "results", "nist-1500-100.json"), Ct);
        var errors = schema.Validate(export);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"{e.Path}: {e.Kind}")));
        var report = JsonNode.Parse(export)!;
        Assert.Equal(9949, report["GpUnit"]!.AsArray().Count);
        var selections = report["Election"]![0]!["Contest"]![0]!["ContestSelection"]!.AsArray();
        Assert.Equal(4, selections.Count);
        Assert.All(selections, s => Assert.Equal(40, s!["VoteCounts"]!.AsArray().Count));
    }

    [Fact]
    public async Task TheCsvTotals_EqualTheTabulation()
    {
        var (db, site) = await ExportedAsync(60);
        await using var _ = db;
        var lines = (await File.ReadAllLinesAsync(Path.Combine(site, "results", "precincts.csv"), Ct)).ToList();
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();

        var cec = await new ResultsService(db, Repo.Kz, TimeProvider.System).TallyAsync("CEC", Ct);
        var totals = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(site, "results", "totals", "CEC.json"), Ct))!;

        Assert.Equal(60, rows.Count);
        Assert.Equal(["cec", "tec", "dec", "precinct", "version"], header.Take(5));
        foreach (var line in Repo.Kz.ProtocolForm.Lines)
        {
            var column = Array.IndexOf(header, line.Code);
            Assert.Equal(cec.Totals[line.Code], rows.Sum(r => long.Parse(r[column], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(cec.Totals[line.Code], totals["lines"]![line.Code]!.GetValue<long>());
        }

        Assert.Equal(60, totals["accepted"]!.GetValue<int>());
        Assert.Equal(9725, totals["precincts"]!.GetValue<int>());
    }
}
