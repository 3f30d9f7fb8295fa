using System.IO.Compression;
using System.Text.Json.Nodes;
using Ashyq.Tests;

namespace Ashyq.Cli.Tests;

public class ForensicsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AshyqCommand.RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static string TempDb() => Path.Combine(Directory.CreateTempSubdirectory("ashyq-cli-").FullName, "ashyq.db");

    /// <summary>A store holding the first <paramref name="rows"/> precincts of the published Russian 2012 file.</summary>
    private static async Task<string> RussianStoreAsync(int rows)
    {
        var zip = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "data", "russia", "2012-presidential.csv.zip"));
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.Entries.Single().Open());
        var lines = new List<string>();
        for (var i = 0; i <= rows; i++)
        {
            lines.Add((await reader.ReadLineAsync(Ct))!);
        }

        var csv = Path.Combine(Directory.CreateTempSubdirectory("ashyq-csv-").FullName, "small.csv");
        await File.WriteAllLinesAsync(csv, lines, Ct);
        var db = TempDb();
        var (code, _, error) = await Run("--db", db, "results", "import", "--definition", Repo.DefinitionPath("ru-2012-presidential"), "--csv", csv);
        Assert.True(code == 0, error);
        return db;
    }

    [Fact]
    public async Task Forensics_prints_every_named_figure_as_json_nationally_and_per_region()
    {
        var db = await RussianStoreAsync(400);

        var (code, output, error) = await Run("--db", db, "forensics", "--election", "ru-2012-presidential", "--json", "--by", "region");

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("ru-2012-presidential", json["election"]!.GetValue<string>());
        Assert.Equal(400, json["precincts"]!.GetValue<int>());
        Assert.Equal("C5", json["leader"]!["code"]!.GetValue<string>());
        foreach (var figures in new[] { json }.Concat(json["regions"]!.AsArray().Select(r => r!)))
        {
            foreach (var path in new[]
            {
                "fingerprint.count_turnout_gt80_leader_gt80", "integer.turnout_observed", "integer.leader_observed", "integer.either_observed",
                "integer.turnout_expected", "integer.leader_expected", "integer.either_expected", "shpilkin.mode_bin",
                "shpilkin.excess_leader_votes", "shpilkin.corrected_leader_share_of_valid", "shpilkin.corrected_turnout",
                "last_digits.C5.chi2", "last_digits.C5.p_value", "last_digits.C2.chi2",
            })
            {
                var node = path.Split('.').Aggregate((JsonNode?)figures, (n, key) => n?[key]);
                Assert.True(node is not null, $"{path} is missing");
            }
        }

        var regions = json["regions"]!.AsArray();
        Assert.Equal(400, regions.Sum(r => r!["precincts"]!.GetValue<int>()));
        Assert.Equal(json["fingerprint"]!["count_turnout_gt80_leader_gt80"]!.GetValue<int>(), regions.Sum(r => r!["fingerprint"]!["count_turnout_gt80_leader_gt80"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Forensics_writes_the_plots_as_png_and_svg()
    {
        var db = await RussianStoreAsync(200);
        var folder = Directory.CreateTempSubdirectory("ashyq-plots-").FullName;

        var (code, output, error) = await Run("--db", db, "forensics", "--election", "ru-2012-presidential", "--plots", folder);

        Assert.True(code == 0, error);
        Assert.Contains("Shpilkin", output, StringComparison.Ordinal);
        foreach (var name in new[] { "fingerprint", "turnout-histogram", "votes-by-turnout", "integer-percentages" })
        {
            var png = Path.Combine(folder, name + ".png");
            Assert.True(File.Exists(png), png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png).Take(4));
            Assert.True(new FileInfo(png).Length > 10_000, $"{png} is nearly empty");
            Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(folder, name + ".svg"), Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Forensics_on_the_kazakh_demo_reads_the_election_night_protocols()
    {
        var db = TempDb();
        Assert.Equal(0, (await Run("--db", db, "generate", "--scale", "0")).Code);
        var (nothing, _, why) = await Run("--db", db, "forensics", "--election", "kz-2011-presidential");
        Assert.Equal(2, nothing);
        Assert.Contains("FORENSICS.NO-RESULTS", why, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("--db", db, "simulate-night", "--limit", "40")).Code);
        var (code, output, error) = await Run("--db", db, "forensics", "--election", "kz-2011-presidential", "--json", "--by", "region");

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(40, json["precincts"]!.GetValue<int>());
        Assert.Equal(40, json["shpilkin"]!["population"]!.GetValue<int>());
        Assert.NotEmpty(json["regions"]!.AsArray());
        Assert.NotNull(json["last_digits"]!["C4"]);
    }

    [Fact]
    public async Task A_wrong_election_id_is_refused_clearly()
    {
        var db = await RussianStoreAsync(5);

        var (code, output, error) = await Run("--db", db, "forensics", "--election", "kz-2011-presidential", "--json");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("FORENSICS.UNKNOWN-ELECTION", error, StringComparison.Ordinal);
        Assert.Contains("ru-2012-presidential", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_accepts_only_region()
    {
        var (code, _, error) = await Run("--db", TempDb(), "forensics", "--election", "x", "--by", "district");
        Assert.NotEqual(0, code);
        Assert.Contains("district", error, StringComparison.Ordinal);
    }
}
