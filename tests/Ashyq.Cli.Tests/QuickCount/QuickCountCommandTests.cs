using System.Text.Json.Nodes;

namespace Ashyq.Cli.Tests.QuickCount;

public class QuickCountCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AshyqCommand.RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<string> WorldAsync()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("ashyq-cli-qc-").FullName, "ashyq.db");
        var (code, _, error) = await Run("--db", db, "generate", "--scale", "0.001", "--seed", "4");
        Assert.True(code == 0, error);
        return db;
    }

    [Fact]
    public async Task Draw_simulate_and_estimate_print_every_figure_with_its_interval_and_the_official_one()
    {
        var db = await WorldAsync();

        var (code, output, error) = await Run("--db", db, "quick-count", "estimate", "--json");
        Assert.Equal(2, code);
        Assert.Contains("QUICKCOUNT.NO-SAMPLE", error, StringComparison.Ordinal);

        (code, output, error) = await Run("--db", db, "quick-count", "draw", "--size", "300", "--seed", "9", "--json");
        Assert.True(code == 0, error);
        var drawn = JsonNode.Parse(output)!;
        Assert.Equal(300, drawn["stations"]!.AsArray().Count);
        Assert.Equal(300, drawn["strata"]!.AsArray().Sum(s => (int)s!["sampled"]!));
        Assert.Equal(64, ((string)drawn["commitment"]!).Length);

        (code, _, error) = await Run("--db", db, "quick-count", "draw", "--size", "300", "--seed", "10");
        Assert.Equal(2, code);
        Assert.Contains("QUICKCOUNT.ALREADY-DRAWN", error, StringComparison.Ordinal);

        (code, output, error) = await Run("--db", db, "quick-count", "simulate", "--json");
        Assert.True(code == 0, error);
        Assert.Equal(300, (int)JsonNode.Parse(output)!["stations_reported"]!);

        (code, output, error) = await Run("--db", db, "quick-count", "estimate", "--json");
        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(300, (int)json["reported"]!);
        Assert.Equal(0, (int)json["official"]!["accepted"]!);
        foreach (var figure in new[] { "C1", "C2", "C3", "C4" }.Select(c => json["candidates"]![c]!).Append(json["turnout"]!))
        {
            var (estimate, margin, low, high) = ((double)figure["estimate"]!, (double)figure["margin"]!, (double)figure["low"]!, (double)figure["high"]!);
            Assert.True(margin > 0);
            Assert.Equal(estimate - margin, low, 5); // each printed to 6 places
            Assert.Equal(estimate + margin, high, 5);
            Assert.Null(figure["official"]);
            Assert.False((bool)figure["outside"]!);
        }

        Assert.InRange((double)json["candidates"]!["C4"]!["estimate"]!, 0.9, 1);
    }

    [Fact]
    public async Task Import_names_each_bad_row_by_row_field_and_code_and_writes_nothing()
    {
        var db = await WorldAsync();
        var (code, output, error) = await Run("--db", db, "quick-count", "draw", "--size", "100", "--json");
        Assert.True(code == 0, error);
        var station = (string)JsonNode.Parse(output)!["stations"]![0]!["station"]!;
        var csv = Path.Combine(Directory.CreateTempSubdirectory("ashyq-qc-csv-").FullName, "reports.csv");
        await File.WriteAllTextAsync(csv, $"station,line,value\n{station},L1,1200\n{station},LX,3\n{station},C4,many\n", Ct);

        (code, _, error) = await Run("--db", db, "quick-count", "import", "--csv", csv);

        Assert.Equal(2, code);
        Assert.Contains("row 3, line: QUICKCOUNT.UNKNOWN-LINE", error, StringComparison.Ordinal);
        Assert.Contains("row 4, value: QUICKCOUNT.BAD-VALUE", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        (code, _, error) = await Run("--db", db, "quick-count", "estimate");
        Assert.Contains("QUICKCOUNT.NO-REPORTS", error, StringComparison.Ordinal);

        await File.WriteAllTextAsync(csv, $"station,line,value\n{station},L1,1200\n{station},C4,1000\n", Ct);
        (code, output, error) = await Run("--db", db, "quick-count", "import", "--csv", csv, "--json");
        Assert.True(code == 0, error);
        Assert.Equal(2, (int)JsonNode.Parse(output)!["rows"]!);
    }

    [Fact]
    public async Task Coverage_prints_the_share_of_intervals_holding_the_truth_for_every_figure()
    {
        var db = await WorldAsync();

        var (code, output, error) = await Run("--db", db, "quick-count", "coverage", "--draws", "200", "--size", "300", "--json");

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(200, (int)json["draws"]!);
        Assert.Equal(9725, (int)json["stations"]!);
        foreach (var figure in new[] { "C1", "C2", "C3", "C4", "turnout" })
        {
            // 200 draws: the count holding the truth is Binomial(200, 0.95), sd 3.1; 0.88–1.0 is more than 2 sd either side.
            Assert.InRange((double)json["figures"]![figure]!["coverage"]!, 0.88, 1.0);
        }
    }
}
