using System.Text.Json;
using System.Text.Json.Nodes;
using Ashyq.Tests;

namespace Ashyq.Cli.Tests;

public class CommandTests
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

    private static void AssertNoStackTrace(string text) =>
        Assert.DoesNotMatch(@"\bat [A-Za-z_.]+\(.*\) in |   at ", text);

    [Fact]
    public async Task GenerateThenStats_PrintsTheCountsAsJson()
    {
        var db = TempDb();
        var generated = await Run("--db", db, "generate", "--definition", Repo.DefinitionPath("kz-2011-presidential"), "--scale", "0.001", "--seed", "3", "--json");
        Assert.Equal(0, generated.Code);
        Assert.Equal(9182, JsonNode.Parse(generated.Out)!["voters"]!.GetValue<long>());

        var (code, output, _) = await Run("--db", db, "stats", "--json");

        Assert.Equal(0, code);
        var stats = JsonNode.Parse(output)!;
        Assert.Equal("""{"CEC":1,"TEC":16,"DEC":207,"PEC":9725}""", stats["commissions"]!.ToJsonString());
        Assert.Equal(69_643, stats["members"]!.GetValue<int>());
        Assert.Equal(9_182, stats["voters"]!.GetValue<long>());
        Assert.Equal(0, stats["voters_on_more_than_one_list"]!.GetValue<long>());
    }

    [Fact]
    public async Task Commissions_ListsEveryPrecinctWithCodeNameParentAndAddress()
    {
        var db = TempDb();
        Assert.Equal(0, (await Run("--db", db, "generate", "--scale", "0")).Code);

        var (code, output, _) = await Run("--db", db, "commissions", "--level", "PEC", "--json");

        Assert.Equal(0, code);
        var list = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(9725, list.Count);
        Assert.Equal(9725, list.Select(c => c!["code"]!.GetValue<string>()).Distinct().Count());
        Assert.All(list, c =>
        {
            Assert.StartsWith("DEC-", c!["parent"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(c["name"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(c["address"]!.GetValue<string>()));
        });
        Assert.Equal(525, list.Count(c => c!["special"] is not null));
    }

    [Fact]
    public async Task AMissingDefinitionFile_IsAClearError()
    {
        var (code, _, error) = await Run("--db", TempDb(), "generate", "--definition", "/no/such/definition.json");

        Assert.Equal(AshyqCommand.UserError, code);
        Assert.Contains("/no/such/definition.json does not exist", error, StringComparison.Ordinal);
        AssertNoStackTrace(error);
    }

    [Fact]
    public async Task ABadDefinition_IsRefusedWithEveryErrorNamed()
    {
        var node = JsonNode.Parse(Repo.KzText)!;
        node["protocol"]!["relations"]![0]!["expression"] = "L2 == L3 +";
        node["protocol"]!["lines"]![2]!["code"] = "L1";
        var path = Path.Combine(Directory.CreateTempSubdirectory("ashyq-def-").FullName, "broken.json");
        await File.WriteAllTextAsync(path, node.ToJsonString(), Ct);

        var generate = await Run("--db", TempDb(), "generate", "--definition", path);
        var check = await Run("check-definition", path, "--json");

        Assert.Equal(AshyqCommand.UserError, generate.Code);
        Assert.Contains("$.protocol.lines[2].code: duplicate code \"L1\"", generate.Err, StringComparison.Ordinal);
        Assert.Contains("$.protocol.relations[0].expression", generate.Err, StringComparison.Ordinal);
        AssertNoStackTrace(generate.Err);
        Assert.Equal(AshyqCommand.UserError, check.Code);
        var errors = JsonNode.Parse(check.Out)!["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["path"]!.GetValue<string>() == "$.protocol.lines[2].code" && e["code"]!.GetValue<string>() == "DEF.DUPLICATE-CODE");
    }

    [Fact]
    public async Task TheShippedDefinitions_AreValid()
    {
        // Election definitions name their schema; the observation forms beside them have their own (ObservationFormsTests).
        var definitions = Directory.GetFiles(Path.Combine(Repo.Root, "definitions"), "*.json")
            .Where(f => File.ReadAllText(f).Contains("\"$schema\": \"election-definition.schema.json\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, definitions.Count);
        foreach (var file in definitions)
        {
            var (code, output, _) = await Run("check-definition", file);
            Assert.True(code == 0, output);
        }
    }

    [Fact]
    public async Task AnUnreachableDatabase_IsAClearError()
    {
        var (code, _, error) = await Run("--db", "Host=127.0.0.1;Port=1;Database=x;Timeout=2", "stats");

        Assert.Equal(AshyqCommand.StoreError, code);
        Assert.Contains("Cannot open the store (PostgreSQL 127.0.0.1:1", error, StringComparison.Ordinal);
        AssertNoStackTrace(error);
    }

    [Fact]
    public async Task StatsOfAnEmptyStore_SaysWhatToDo()
    {
        var (code, _, error) = await Run("--db", TempDb(), "stats");

        Assert.Equal(AshyqCommand.UserError, code);
        Assert.Contains("ashyq generate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownLevel_IsNamed()
    {
        var db = TempDb();
        await Run("--db", db, "generate", "--scale", "0");

        var (code, _, error) = await Run("--db", db, "commissions", "--level", "XYZ");

        Assert.Equal(AshyqCommand.UserError, code);
        Assert.Contains("CEC, TEC, DEC, PEC", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutOfRangeScale_IsRefused()
    {
        var (code, _, error) = await Run("--db", TempDb(), "generate", "--scale", "-1");

        Assert.Equal(AshyqCommand.UserError, code);
        Assert.Contains("--scale", error, StringComparison.Ordinal);
        AssertNoStackTrace(error);
    }

    [Fact]
    public void JsonOutput_KeepsCyrillicReadable()
    {
        Assert.Equal("\"Қазақстан\"", JsonSerializer.Serialize("Қазақстан", AshyqCommand.Json));
    }

    [Fact]
    public async Task SimulateNight_AcceptsThePrecinctsAndItsTotalsEqualARecount()
    {
        var db = TempDb();
        await Run("--db", db, "generate", "--scale", "0");

        var (code, output, _) = await Run("--db", db, "simulate-night", "--limit", "25", "--json");

        Assert.Equal(0, code);
        var report = JsonNode.Parse(output)!;
        Assert.Equal(25, report["accepted"]!.GetValue<int>());
        Assert.True(report["totals_equal_recount"]!.GetValue<bool>());
        Assert.Equal("Incomplete", report["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Candidates_ListsTheNominees_WithTheirStatusAndSignaturePeriod()
    {
        var db = TempDb();
        await Run("--db", db, "generate", "--scale", "0");

        var (code, output, _) = await Run("--db", db, "candidates", "--json", "--lang", "en");

        Assert.Equal(0, code);
        var list = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(22, list.Count);
        Assert.Equal(4, list.Count(n => n!["status"]!.GetValue<string>() == "registered"));
        Assert.Contains(list, n => n!["name"]!.GetValue<string>() == "Nursultan Nazarbayev");
        // Nomination opened 5 February; the eligibility decision takes up to 5 days; 10 days of collection follow.
        Assert.All(list, n => Assert.Equal("""{"from":"2011-02-11","to":"2011-02-20"}""", n!["signature_period"]!.ToJsonString()));
    }
}
