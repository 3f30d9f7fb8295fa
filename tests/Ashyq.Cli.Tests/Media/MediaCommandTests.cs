using System.Text.Json.Nodes;
using Ashyq.Tests;

namespace Ashyq.Cli.Tests.Media;

public class MediaCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AshyqCommand.RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static void AssertNoStackTrace(string text) => Assert.DoesNotMatch(@"\bat [A-Za-z_.]+\(.*\) in |   at ", text);

    private static async Task<(string Db, string Folder)> ElectionAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ashyq-media-cli-").FullName;
        var db = Path.Combine(folder, "ashyq.db");
        var (code, _, error) = await Run("--db", db, "generate", "--scale", "0");
        Assert.True(code == 0, error);
        return (db, folder);
    }

    /// <summary>A candidate's name as <c>ashyq candidates --json</c> lists it.</summary>
    private static async Task<string> CandidateNameAsync(string db, string surnameEn)
    {
        var (code, output, error) = await Run("--db", db, "candidates", "--json");
        Assert.True(code == 0, error);
        var en = Repo.Kz.Candidates.Registered.Single(c => c.Name.En.EndsWith(surnameEn, StringComparison.Ordinal));
        return JsonNode.Parse(output)!.AsArray().Single(n => n!["candidate"]?.GetValue<string>() == en.Code)!["name"]!.GetValue<string>();
    }

    [Fact]
    public async Task Stats_on_the_demo_sample_print_the_seeds_shares_to_the_percent()
    {
        var (db, _) = await ElectionAsync();
        var (code, output, error) = await Run("--db", db, "media", "demo");
        Assert.True(code == 0, error);
        Assert.Contains("monitored items", output);

        (code, output, error) = await Run("--db", db, "media", "stats", "--json");
        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        var n = await CandidateNameAsync(db, "Nazarbayev");
        var a = await CandidateNameAsync(db, "Akhmetbekov");
        var k = await CandidateNameAsync(db, "Kassymov");
        var e = await CandidateNameAsync(db, "Eleusizov");
        int Percent(string outlet, string name) => (int)Math.Round(json["news_share"]![outlet]![name]!.GetValue<decimal>() * 100, MidpointRounding.AwayFromZero);

        // The statement (§4, fn 14): Kazakhstan TV and Khabar.
        Assert.Equal([19, 29, 25, 28], new[] { n, a, k, e }.Select(c => Percent("Kazakhstan TV", c)));
        Assert.Equal([13, 26, 28, 33], new[] { n, a, k, e }.Select(c => Percent("Khabar", c)));
        // Channel 7, Channel 31, KTK, Astana TV: the incumbent.
        Assert.Equal([16, 14, 3, 39], new[] { "Channel 7", "Channel 31", "KTK", "Astana TV" }.Select(o => Percent(o, n)));
        // More than 2 hours of institutional coverage as President; over 10 hours and more than half of paid time.
        Assert.True(json["institutional_seconds"]![n]!.GetValue<long>() > 7200);
        Assert.True(json["institutional_tone"]![n]!["positive"]!.GetValue<long>() > 7200);
        Assert.True(json["paid_seconds"]![n]!.GetValue<long>() > 36000);
        Assert.True(json["paid_share"]![n]!.GetValue<decimal>() > 0.5m);
        var tone = json["tone"]!["Khabar"]![n]!;
        Assert.True(tone["positive"]!.GetValue<long>() + tone["neutral"]!.GetValue<long>() + tone["negative"]!.GetValue<long>() > 0);
        Assert.Contains(json["flags"]!.AsArray(), f => f!["outlet"]!.GetValue<string>() == "Astana TV" && f["candidate"]!.GetValue<string>() == n);

        (code, output, _) = await Run("--db", db, "media", "stats");
        Assert.Equal(0, code);
        Assert.Contains("Kazakhstan TV", output);
    }

    [Fact]
    public async Task Import_names_every_bad_row_and_keeps_what_was_accepted()
    {
        var (db, folder) = await ElectionAsync();
        var name = await CandidateNameAsync(db, "Kassymov");
        var good = Path.Combine(folder, "good.csv");
        await File.WriteAllTextAsync(good, $"outlet,aired_at,programme,kind,subject,seconds,tone,monitor\nKhabar,2011-03-14T20:00,Жаңалықтар,news,{name},120,neutral,m1\n", Ct);
        var (code, output, error) = await Run("--db", db, "media", "import", "--csv", good, "--json");
        Assert.True(code == 0, error);
        Assert.Equal(1, JsonNode.Parse(output)!["accepted"]!.GetValue<int>());

        var bad = Path.Combine(folder, "bad.csv");
        await File.WriteAllTextAsync(bad, "outlet,aired_at,programme,kind,subject,seconds,tone,monitor\nKhabar,2011-03-14,N,news,X,1,neutral,m1\nKhabar,2011-03-14T20:00,N,advert,X,1,nice,m1\n", Ct);
        (code, output, error) = await Run("--db", db, "media", "import", "--csv", bad, "--json");
        Assert.Equal(2, code);
        AssertNoStackTrace(output + error);
        var rejected = JsonNode.Parse(output)!["rejected"]!.AsArray().Select(r => (r!["row"]!.GetValue<long>(), r["field"]!.GetValue<string>(), r["code"]!.GetValue<string>())).ToList();
        Assert.Equal([(1L, "aired_at", "MEDIA.AIRED-AT"), (2L, "kind", "MEDIA.KIND"), (2L, "tone", "MEDIA.TONE")], rejected);

        (code, output, _) = await Run("--db", db, "media", "stats", "--json", "--by-day");
        Assert.Equal(0, code);
        var stats = JsonNode.Parse(output)!;
        Assert.Equal(1m, stats["news_share"]!["Khabar"]![name]!.GetValue<decimal>());
        var day = Assert.Single(stats["by_day"]!.AsArray())!;
        Assert.Equal("2011-03-14", day["day"]!.GetValue<string>());
        Assert.Equal(120, day["news_seconds"]!["Khabar"]![name]!.GetValue<long>());
    }

    [Fact]
    public async Task Import_of_a_missing_file_or_into_an_empty_store_is_a_clear_message()
    {
        var folder = Directory.CreateTempSubdirectory("ashyq-media-cli-").FullName;
        var db = Path.Combine(folder, "empty.db");
        var (code, _, error) = await Run("--db", db, "media", "import", "--csv", Path.Combine(folder, "nope.csv"));
        Assert.Equal(2, code);
        Assert.Contains("does not exist", error);

        var file = Path.Combine(folder, "m.csv");
        await File.WriteAllTextAsync(file, "outlet,aired_at,programme,kind,subject,seconds,tone,monitor\n", Ct);
        (code, _, error) = await Run("--db", db, "media", "import", "--csv", file);
        Assert.Equal(2, code);
        Assert.Contains("no election", error);
        AssertNoStackTrace(error);

        (code, _, error) = await Run("--db", db, "media", "stats", "--json");
        Assert.Equal(2, code);
        Assert.Contains("no election", error);
    }
}
