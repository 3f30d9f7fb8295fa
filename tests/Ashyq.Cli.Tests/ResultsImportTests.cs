using System.IO.Compression;
using System.Text.Json.Nodes;
using Ashyq.Tests;

namespace Ashyq.Cli.Tests;

public class ResultsImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Definition => Repo.DefinitionPath("ru-2012-presidential");

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AshyqCommand.RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static string TempDb() => Path.Combine(Directory.CreateTempSubdirectory("ashyq-cli-").FullName, "ashyq.db");

    /// <summary>The header and the first <paramref name="rows"/> rows of the published Russian 2012 file, as a CSV file.</summary>
    private static async Task<(string Path, string[] Lines)> SmallCsvAsync(int rows, Func<string[], string[]>? change = null)
    {
        var zip = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "data", "russia", "2012-presidential.csv.zip"));
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.Entries.Single().Open());
        var lines = new List<string>();
        for (var i = 0; i <= rows; i++)
        {
            lines.Add((await reader.ReadLineAsync(Ct))!);
        }

        var text = change is null ? [.. lines] : change([.. lines]);
        var path = Path.Combine(Directory.CreateTempSubdirectory("ashyq-csv-").FullName, "small.csv");
        await File.WriteAllLinesAsync(path, text, Ct);
        return (path, text);
    }

    private static void AssertNoStackTrace(string text) =>
        Assert.DoesNotMatch(@"\bat [A-Za-z_.]+\(.*\) in |   at ", text);

    [Fact]
    public async Task Results_import_prints_the_totals_candidates_and_violations_as_json()
    {
        var (csv, lines) = await SmallCsvAsync(30);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();

        var (code, output, error) = await Run("--db", TempDb(), "results", "import", "--definition", Definition, "--csv", csv, "--json");

        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(["election", "precincts", "lines", "candidates", "violations"], json.Select(p => p.Key).Take(5));
        Assert.Equal("ru-2012-presidential", json["election"]!.GetValue<string>());
        Assert.Equal(30, json["precincts"]!.GetValue<int>());
        var totals = json["lines"]!.AsObject();
        Assert.Equal(Enumerable.Range(1, 18).Select(i => "L" + i), totals.Select(p => p.Key));
        for (var line = 1; line <= 18; line++)
        {
            Assert.Equal(rows.Sum(r => long.Parse(r[2 + line], System.Globalization.CultureInfo.InvariantCulture)), totals["L" + line]!.GetValue<long>());
        }

        var candidates = json["candidates"]!.AsObject();
        Assert.Equal(
            ["Жириновский Владимир Вольфович", "Зюганов Геннадий Андреевич", "Миронов Сергей Михайлович", "Прохоров Михаил Дмитриевич", "Путин Владимир Владимирович"],
            candidates.Select(p => p.Key));
        Assert.All(candidates, c => Assert.Contains("," + c.Key + ",", lines[0], StringComparison.Ordinal));
        Assert.Equal(rows.Sum(r => long.Parse(r[25], System.Globalization.CultureInfo.InvariantCulture)), candidates["Путин Владимир Владимирович"]!.GetValue<long>());
        var violations = json["violations"]!.AsObject();
        Assert.Equal(
            ["R.L1-NOT-BELOW-ISSUED", "R.L2-BALLOTS-BALANCE", "R.L7-L8-BALLOTS-IN-BOXES", "R.L10-VALID-VOTES", "W.BALLOTS-IN-BOX-ABOVE-ISSUED", "W.TURNOUT-95", "W.CANDIDATE-95"],
            violations.Select(p => p.Key));
        Assert.Equal("""{"CEC":1,"REGION":1,"TIK":2,"UIK":30}""", json["commissions"]!.ToJsonString());
        Assert.Contains("protocols: 30/30", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_twice_into_one_store_is_refused_with_exit_code_2()
    {
        var db = TempDb();
        var (csv, _) = await SmallCsvAsync(10);
        Assert.Equal(0, (await Run("--db", db, "results", "import", "--definition", Definition, "--csv", csv)).Code);

        var (code, _, error) = await Run("--db", db, "results", "import", "--definition", Definition, "--csv", csv, "--json");

        Assert.Equal(AshyqCommand.UserError, code);
        Assert.Contains("IMPORT.STORE-NOT-EMPTY", error, StringComparison.Ordinal);
        Assert.Contains("results are imported once", error, StringComparison.Ordinal);
        AssertNoStackTrace(error);
        var stats = JsonNode.Parse((await Run("--db", db, "stats", "--json")).Out)!;
        Assert.Equal(10, stats["commissions"]!["UIK"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_malformed_row_is_a_clear_error_naming_row_column_and_code()
    {
        var (csv, _) = await SmallCsvAsync(10, lines =>
        {
            var fields = lines[4].Split(',');
            fields[12] = "many";
            lines[4] = string.Join(',', fields);
            return lines;
        });

        var (code, output, error) = await Run("--db", TempDb(), "results", "import", "--definition", Definition, "--csv", csv, "--json");

        Assert.Equal(AshyqCommand.UserError, code);
        Assert.Empty(output);
        Assert.Contains("IMPORT.NOT-A-NUMBER", error, StringComparison.Ordinal);
        Assert.Contains("row 4 (line 5)", error, StringComparison.Ordinal);
        Assert.Contains("Число действительных избирательных бюллетеней", error, StringComparison.Ordinal);
        Assert.Contains("\"many\"", error, StringComparison.Ordinal);
        AssertNoStackTrace(error);
    }

    [Fact]
    public async Task A_missing_results_file_is_a_clear_error()
    {
        var (code, _, error) = await Run("--db", TempDb(), "results", "import", "--definition", Definition, "--csv", "/no/such/results.csv.zip");

        Assert.Equal(AshyqCommand.UserError, code);
        Assert.Contains("IMPORT.NO-FILE", error, StringComparison.Ordinal);
        AssertNoStackTrace(error);
    }
}
