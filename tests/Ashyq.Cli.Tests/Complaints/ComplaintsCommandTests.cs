using System.Text.Json.Nodes;
using Ashyq.Tests;

namespace Ashyq.Cli.Tests.Complaints;

public class ComplaintsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AshyqCommand.RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<string> DemoStoreAsync()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("ashyq-cli-").FullName, "ashyq.db");
        var (generated, _, generateError) = await Run("--db", db, "generate", "--definition", Repo.DefinitionPath("kz-2011-presidential"), "--scale", "0");
        Assert.True(generated == 0, generateError);
        var (seeded, seededOut, seedError) = await Run("--db", db, "complaints", "demo");
        Assert.True(seeded == 0, seedError);
        Assert.Contains("Added 32 demo complaints", seededOut, StringComparison.Ordinal);
        return db;
    }

    [Fact]
    public async Task ComplaintsStatsJson_PrintsEveryBodyKindAndSubject_ComputedFromTheStore()
    {
        var db = await DemoStoreAsync();

        var (code, output, error) = await Run("--db", db, "complaints", "stats", "--json");

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        var byBody = json["by_body_kind"]!.AsObject();
        Assert.Equal(["CEC", "TEC", "DEC", "PEC", "district_court", "supreme_court", "prosecutor"], byBody.Select(p => p.Key));
        foreach (var (_, figures) in byBody)
        {
            foreach (var key in new[] { "received", "decided_collegially", "decided_within_deadline", "published", "not_decided" })
            {
                Assert.NotNull(figures![key]);
            }
        }

        int Figure(string body, string key) => byBody[body]![key]!.GetValue<int>();
        Assert.Equal((12, 0, 0, 0, 12), (Figure("CEC", "received"), Figure("CEC", "decided_collegially"), Figure("CEC", "decided_within_deadline"), Figure("CEC", "published"), Figure("CEC", "not_decided")));
        Assert.Equal((15, 0, 15, 0), (Figure("district_court", "received"), Figure("district_court", "decided_collegially"), Figure("district_court", "published"), Figure("district_court", "not_decided")));
        Assert.Equal((5, 5, 0), (Figure("supreme_court", "received"), Figure("supreme_court", "published"), Figure("supreme_court", "not_decided")));
        Assert.Equal(4, json["by_subject"]!["official-decision"]!["received"]!.GetValue<int>());
        Assert.Equal(32, json["total"]!["received"]!.GetValue<int>());
    }

    [Fact]
    public async Task ComplaintsShow_RefusesAMalformedNumber_WithExitCode2()
    {
        var db = await DemoStoreAsync();

        var (bad, _, badError) = await Run("--db", db, "complaints", "show", "12");
        var (good, goodOut, goodError) = await Run("--db", db, "complaints", "show", "2011-00001", "--json");

        Assert.Equal(2, bad);
        Assert.Contains("not a case number", badError, StringComparison.Ordinal);
        Assert.True(good == 0, goodError);
        Assert.Equal("AnsweredNotDecided", JsonNode.Parse(goodOut)!["state"]!.GetValue<string>());
    }
}
