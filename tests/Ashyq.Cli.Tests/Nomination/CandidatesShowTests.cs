using System.Text.Json.Nodes;
using Ashyq.Storage;
using Ashyq.Storage.Nomination;

namespace Ashyq.Cli.Tests.Nomination;

public class CandidatesShowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AshyqCommand.RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Show_PrintsANomineesFile_AndTheListKeepsItsShape()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("ashyq-cli-nom-").FullName, "ashyq.db");
        await Run("--db", db, "generate", "--scale", "0");
        await using (var context = await Store.Parse(db).OpenAsync(Ct))
        {
            await NominationSeeder.SeedDemoAsync(context, 3, TimeProvider.System, Ct);
        }

        var list = JsonNode.Parse((await Run("--db", db, "candidates", "--json")).Out)!.AsArray();
        var shown = await Run("--db", db, "candidates", "show", "1", "--json");
        var missing = await Run("--db", db, "candidates", "show", "99");

        Assert.All(list, n => Assert.True(n!["id"] is not null && n["name"] is not null && n["status"] is not null && n["signature_period"]!["from"] is not null && n["signature_period"]!["to"] is not null));
        Assert.Equal(0, shown.Code);
        var file = JsonNode.Parse(shown.Out)!;
        Assert.Equal(1, file["id"]!.GetValue<int>());
        Assert.Contains(file["requirements"]!.AsArray(), r => r!["code"]!.GetValue<string>() == "ELIG.AGE" && r["met"]!.GetValue<bool>());
        Assert.NotNull(file["language_test"]);
        Assert.Equal(2, missing.Code);
        Assert.Contains("no nominee 99", missing.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Err, StringComparison.Ordinal);
    }
}
