using System.Text.Json.Nodes;
using Ashyq.Storage;
using Ashyq.Tests;

namespace Ashyq.Cli.Tests.Observation;

public class ObservationCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AshyqCommand.RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static void AssertNoStackTrace(string text) =>
        Assert.DoesNotMatch(@"\bat [A-Za-z_.]+\(.*\) in |   at ", text);

    private static async Task<(string Db, string Folder)> HierarchyAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ashyq-observation-cli-").FullName;
        var db = Path.Combine(folder, "ashyq.db");
        var (code, _, error) = await Run("--db", db, "generate", "--scale", "0");
        Assert.True(code == 0, error);
        return (db, folder);
    }

    [Fact]
    public async Task Stats_PrintsTheDemoMissionsFigures_InTheIssuesJsonShape()
    {
        var (db, _) = await HierarchyAsync();
        var output = new StringWriter();
        await ObservationCommands.SeedDemoAsync(Store.Parse(db), Repo.Kz, output, Ct);
        Assert.Contains("350 short-term and 28 long-term observers from 43 countries", output.ToString(), StringComparison.Ordinal);

        var (code, json, error) = await Run("--db", db, "observation", "stats", "--json");

        Assert.True(code == 0, error);
        var stats = JsonNode.Parse(json)!;
        Assert.Equal(1445, stats["observed"]!["voting"]!.GetValue<int>());
        Assert.Equal(138, stats["observed"]!["counting"]!.GetValue<int>());
        Assert.Equal(115, stats["observed"]!["tabulation"]!.GetValue<int>());
        Assert.Equal(0.09m, stats["negative_share"]!["voting"]!.GetValue<decimal>());
        Assert.Equal(0.1667m, stats["negative_share"]!["counting"]!.GetValue<decimal>());
        Assert.NotNull(stats["negative_share_per_visit"]!["voting"]);
        Assert.Equal(219, stats["incidents"]!["INC.IDENTICAL_SIGNATURES"]!.GetValue<int>());
        Assert.Equal(49, stats["incidents"]!["INC.PROTOCOL_FILLED_AT_DEC"]!.GetValue<int>());
        Assert.Equal(350, stats["mission"]!["short_term"]!.GetValue<int>());
        Assert.Equal(16, stats["regions"]!.AsArray().Count);

        var (textCode, text, _) = await Run("--db", db, "observation", "stats");
        Assert.Equal(0, textCode);
        Assert.Contains("voting: 1,445 observed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_StoresTheGoodSubmissions_ReportsBadRowsByRowFieldAndCode_AndARerunChangesNothing()
    {
        var (db, folder) = await HierarchyAsync();
        var csv = Path.Combine(folder, "forms.csv");
        await File.WriteAllTextAsync(csv, """
            submission_id,form,station,team,submitted_at,question,answer
            a1,voting,PEC-0001,T1,2011-04-03T10:00:00+06:00,VOTE.SECRECY,yes
            a1,voting,PEC-0001,T1,2011-04-03T10:00:00+06:00,VOTE.ASSESSMENT,very_bad
            a1,voting,PEC-0001,T1,2011-04-03T10:00:00+06:00,INC.NO_ID,yes
            a2,voting,PEC-0002,T2,2011-04-03T10:30:00+06:00,VOTE.SECRECY,maybe
            a2,voting,PEC-0002,T2,2011-04-03T10:30:00+06:00,VOTE.ASSESSMENT,good

            """, Ct);

        var (code, output, error) = await Run("--db", db, "observation", "import", "--csv", csv, "--json");

        Assert.Equal(2, code);
        AssertNoStackTrace(output + error);
        var report = JsonNode.Parse(output)!;
        Assert.Equal(1, report["stored"]!.GetValue<int>());
        var e = Assert.Single(report["errors"]!.AsArray());
        Assert.Equal((5L, "answer", "OBS.BAD-ANSWER"), (e!["row"]!.GetValue<long>(), e["field"]!.GetValue<string>(), e["code"]!.GetValue<string>()));

        (code, output, _) = await Run("--db", db, "observation", "import", "--csv", csv, "--json");
        Assert.Equal(1, JsonNode.Parse(output)!["already_stored"]!.GetValue<int>());
        Assert.Equal(0, JsonNode.Parse(output)!["stored"]!.GetValue<int>());

        var (_, stats, _) = await Run("--db", db, "observation", "stats", "--json");
        Assert.Equal(1, JsonNode.Parse(stats)!["incidents"]!["INC.NO_ID"]!.GetValue<int>());
        Assert.Equal(1m, JsonNode.Parse(stats)!["negative_share"]!["voting"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Import_WithoutTheHeaderOrTheFile_IsAUserMistake_WithACode()
    {
        var (db, folder) = await HierarchyAsync();
        var csv = Path.Combine(folder, "bad.csv");
        await File.WriteAllTextAsync(csv, "id,answer\n1,yes\n", Ct);

        var (code, output, error) = await Run("--db", db, "observation", "import", "--csv", csv);
        var (missing, _, missingError) = await Run("--db", db, "observation", "import", "--csv", Path.Combine(folder, "none.csv"));

        Assert.Equal(2, code);
        Assert.Contains("OBS.CSV-HEADER", error, StringComparison.Ordinal);
        AssertNoStackTrace(output + error);
        Assert.Equal(2, missing);
        Assert.Contains("OBS.NO-FILE", missingError, StringComparison.Ordinal);
    }
}
