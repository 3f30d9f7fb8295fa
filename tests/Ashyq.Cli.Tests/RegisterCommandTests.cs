using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ashyq.Storage;
using Ashyq.Web;
using Ashyq.Web.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Cli.Tests;

public class RegisterCommandTests
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
        var folder = Directory.CreateTempSubdirectory("ashyq-register-cli-").FullName;
        var db = Path.Combine(folder, "ashyq.db");
        var (code, _, error) = await Run("--db", db, "generate", "--scale", "0");
        Assert.True(code == 0, error);
        return (db, folder);
    }

    [Fact]
    public async Task Register_commands_import_report_bad_rows_find_duplicates_and_record_decisions()
    {
        var (db, folder) = await HierarchyAsync();
        var csv = Path.Combine(folder, "akimat.csv");
        var truth = Path.Combine(folder, "truth.csv");
        var (code, output, error) = await Run("--db", db, "register", "sample", csv, "--scale", "0.0003", "--duplicates", "0.03", "--truth", truth, "--bad-every", "700", "--json");
        Assert.True(code == 0, error);
        var rows = JsonNode.Parse(output)!["rows"]!.GetValue<long>();

        // A malformed row and an unknown precinct appended: named by row, field and code.
        var lines = (await File.ReadAllLinesAsync(csv, Ct)).ToList();
        lines.Add("Z-1,\"broken,870918400007,Оспанова,Айгүл,Маратқызы,1987-09-18,F,Көкшетау,PEC-0001");
        lines.Add("Z-2,870918400007,Оспанова,Айгүл,Маратқызы,1987-09-18,F,Көкшетау,PEC-99999");
        await File.WriteAllLinesAsync(csv, lines, Ct);

        (code, output, error) = await Run("--db", db, "register", "import", csv, "--as-of", "2011-02-01", "--json");
        Assert.True(code == 0, error);
        AssertNoStackTrace(output + error);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(["accepted", "rejected"], json.Select(p => p.Key).Take(2));
        var rejected = json["rejected"]!.AsArray().Select(r => (Row: r!["row"]!.GetValue<long>(), Field: r["field"]!.GetValue<string>(), Code: r["code"]!.GetValue<string>())).ToList();
        Assert.Contains((rows + 1, "*", "REG.CSV-QUOTE"), rejected);
        Assert.Contains((rows + 2, "precinct", "REG.UNKNOWN-PRECINCT"), rejected);
        Assert.Contains((700L, "iin", "REG.IIN-CHECKSUM"), rejected);
        Assert.Contains(rejected, r => r.Code == "REG.DUPLICATE-IIN");
        Assert.All(json["rejected"]!.AsArray(), r => Assert.False(string.IsNullOrWhiteSpace(r!["message"]!.GetValue<string>())));
        var accepted = json["accepted"]!.GetValue<long>();
        Assert.Equal(rows + 2, accepted + json["rejected_rows"]!.GetValue<long>());

        // Importing the same file again changes nothing.
        (code, output, _) = await Run("--db", db, "register", "import", csv, "--as-of", "2011-02-01", "--json");
        Assert.Equal(0, code);
        Assert.Equal(0, JsonNode.Parse(output)!["accepted"]!.GetValue<long>());
        Assert.True(JsonNode.Parse(output)!["already_imported"]!.GetValue<bool>());
        (_, output, _) = await Run("--db", db, "register", "count", "--on", "2011-04-03", "--json");
        Assert.Equal(accepted, JsonNode.Parse(output)!["voters"]!.GetValue<long>());
        (_, output, _) = await Run("--db", db, "register", "imports", "--json");
        Assert.Single(JsonNode.Parse(output)!.AsArray());

        (code, output, error) = await Run("--db", db, "register", "duplicates", "--truth", truth, "--json");
        Assert.True(code == 0, error);
        var duplicates = JsonNode.Parse(output)!.AsObject();
        var pairs = duplicates["pairs"]!.AsArray();
        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.InRange(p!["score"]!.GetValue<double>(), 0, 1));
        Assert.Equal(pairs.Count, pairs.Select(p => (p!["a"]!.GetValue<string>(), p["b"]!.GetValue<string>())).Distinct().Count());
        Assert.True(duplicates["evaluation"]!["f1"]!.GetValue<double>() >= 0.98, output);

        var id = pairs[0]!["id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (code, output, _) = await Run("--db", db, "register", "review", id, "--confirm", "--by", "Official A", "--json");
        Assert.Equal(0, code);
        Assert.Equal("confirmed", JsonNode.Parse(output)!["status"]!.GetValue<string>());
        (code, _, error) = await Run("--db", db, "register", "review", id, "--dismiss", "--by", "Official B");
        Assert.Equal(AshyqCommand.UserError, code);
        Assert.Contains("already confirmed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_the_header_is_refused_with_its_code_and_no_stack_trace()
    {
        var (db, folder) = await HierarchyAsync();
        var csv = Path.Combine(folder, "bad.csv");
        await File.WriteAllLinesAsync(csv, ["iin,surname", "870918400007,Оспанова"], Ct);

        var (code, output, error) = await Run("--db", db, "register", "import", csv);

        Assert.Equal(AshyqCommand.UserError, code);
        Assert.Contains("REG.CSV-HEADER", error, StringComparison.Ordinal);
        AssertNoStackTrace(output + error);
    }

    [Fact]
    public async Task The_self_check_api_answers_the_right_pair_reveals_nothing_for_a_wrong_one_and_is_rate_limited()
    {
        var (db, folder) = await HierarchyAsync();
        var csv = Path.Combine(folder, "akimat.csv");
        await Run("--db", db, "register", "sample", csv, "--scale", "0.0001");
        await Run("--db", db, "register", "import", csv, "--as-of", "2011-02-01");
        var fields = (await File.ReadAllLinesAsync(csv, Ct))[1].Split(',');

        await using var app = AshyqWebHost.Build(new WebHostSettings(Store.Parse(db), "http://127.0.0.1:0"), ["--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var right = await http.PostAsJsonAsync("/api/register/check", new { iin = fields[1], surname = fields[2] }, Ct);
        var found = JsonNode.Parse(await right.Content.ReadAsStringAsync(Ct))!.AsObject();
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.True(found["found"]!.GetValue<bool>());
        Assert.Equal(fields[^1], found["precinct"]!["code"]!.GetValue<string>());
        Assert.NotEmpty(found["precinct"]!["name"]!["ru"]!.GetValue<string>());
        Assert.NotEmpty(found["howToCorrect"]!["kk"]!.GetValue<string>());

        var wrongSurname = await (await http.PostAsJsonAsync("/api/register/check", new { iin = fields[1], surname = "Иванов" }, Ct)).Content.ReadAsStringAsync(Ct);
        var wrongIin = await (await http.PostAsJsonAsync("/api/register/check", new { iin = "870918400008", surname = fields[2] }, Ct)).Content.ReadAsStringAsync(Ct);
        var unknownIin = await (await http.PostAsJsonAsync("/api/register/check", new { iin = "870918400007", surname = fields[2] }, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Equal(wrongSurname, wrongIin);
        Assert.Equal(wrongSurname, unknownIin);
        Assert.False(JsonNode.Parse(wrongSurname)!["found"]!.GetValue<bool>());
        Assert.Equal(found.Select(p => p.Key), JsonNode.Parse(wrongSurname)!.AsObject().Select(p => p.Key));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < RegisterApi.CheckPermitsPerMinute; i++)
        {
            statuses.Add((await http.PostAsJsonAsync("/api/register/check", new { iin = fields[1], surname = fields[2] }, Ct)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        await app.StopAsync(Ct);
    }
}
