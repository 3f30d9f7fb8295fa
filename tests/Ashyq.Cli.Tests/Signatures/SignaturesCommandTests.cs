using System.Text.Json.Nodes;

namespace Ashyq.Cli.Tests.SignatureSheets;

public class SignaturesCommandTests
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

    private static async Task<(string Db, string Folder)> WorldAsync(double scale)
    {
        var folder = Directory.CreateTempSubdirectory("ashyq-signatures-cli-").FullName;
        var db = Path.Combine(folder, "ashyq.db");
        var (code, _, error) = await Run("--db", db, "generate", "--scale", scale.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(code == 0, error);
        return (db, folder);
    }

    [Fact]
    public async Task Verify_prints_valid_rejected_with_reasons_and_flagged_as_the_answer_key_has_them_and_refuses_a_second_time()
    {
        var (db, folder) = await WorldAsync(0.002);
        var csv = Path.Combine(folder, "sheets.csv");
        var keyFile = Path.Combine(folder, "key.csv");
        var (code, _, error) = await Run("--db", db, "signatures", "sheets", "--nominee", "4", "--out", csv, "--key", keyFile);
        Assert.True(code == 0, error);

        (code, var output, error) = await Run("--db", db, "signatures", "verify", "--nominee", "4", "--csv", csv, "--json", "--lang", "en");
        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(["valid", "rejected", "flagged"], json.Select(p => p.Key));
        var rejected = json["rejected"]!.AsArray();
        var flagged = json["flagged"]!.AsArray();
        Assert.All(rejected, r => Assert.Equal(["sheet_id", "line", "code", "message"], r!.AsObject().Select(p => p.Key)));
        Assert.All(flagged, f => Assert.Equal(["sheet_id", "line", "pattern"], f!.AsObject().Select(p => p.Key)));
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace(r!["message"]!.GetValue<string>())));

        var key = (await File.ReadAllLinesAsync(keyFile, Ct)).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(key.Count(k => k[2].Length == 0), json["valid"]!.GetValue<int>());
        Assert.Equal(
            key.Where(k => k[2].Length > 0).Select(k => $"{k[0]} {k[1]} {k[2]}").Order(),
            rejected.Select(r => $"{r!["sheet_id"]} {r["line"]} {r["code"]}").Order());
        Assert.Equal(
            key.SelectMany(k => k[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => $"{k[0]} {k[1]} {p}")).Order(),
            flagged.Select(f => $"{f!["sheet_id"]} {f["line"]} {f["pattern"]}").Order());

        // The same sheets again: refused with its code, nothing stored twice.
        (code, _, error) = await Run("--db", db, "signatures", "verify", "--nominee", "4", "--csv", csv, "--json");
        Assert.Equal(2, code);
        Assert.Contains("SIG.SHEET-ALREADY-VERIFIED", error, StringComparison.Ordinal);
        AssertNoStackTrace(error);

        // The per-TEC counts and the download of rejections carry no signer's IIN or name.
        (code, output, _) = await Run("--db", db, "signatures", "counts", "--nominee", "4", "--json");
        Assert.Equal(0, code);
        Assert.Equal(json["valid"]!.GetValue<int>(), JsonNode.Parse(output)!.AsArray().Sum(c => c!["valid"]!.GetValue<int>()));
        (code, output, _) = await Run("--db", db, "signatures", "rejections", "--nominee", "4", "--json", "--lang", "ru");
        Assert.Equal(0, code);
        Assert.Equal(rejected.Count, JsonNode.Parse(output)!.AsArray().Count);
        var iins = (await File.ReadAllLinesAsync(csv, Ct)).Skip(1).Select(l => l.Split(',')[2]).Where(i => i.Length == 12);
        Assert.DoesNotContain(iins, i => output.Contains(i, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_file_is_refused_by_row_field_and_code_and_mistakes_are_messages()
    {
        var (db, folder) = await WorldAsync(0);
        var csv = Path.Combine(folder, "bad.csv");
        await File.WriteAllLinesAsync(csv, ["sheet_id,line,signer_iin,surname,given_name,patronymic,birth_date,address,signed_on,collector", "S1,x,1,a,b,c,1970-01-01,d,2011-02-15,e"], Ct);

        var (code, _, error) = await Run("--db", db, "signatures", "verify", "--nominee", "1", "--csv", csv, "--json");
        Assert.Equal(2, code);
        Assert.Contains("row 1, line: SIGCSV.SHEET-LINE", error, StringComparison.Ordinal);
        AssertNoStackTrace(error);

        (code, _, error) = await Run("--db", db, "signatures", "verify", "--nominee", "1", "--csv", Path.Combine(folder, "none.csv"));
        Assert.Equal(2, code);
        Assert.Contains("no such file", error, StringComparison.Ordinal);

        await File.WriteAllLinesAsync(csv, ["sheet_id,line,signer_iin,surname,given_name,patronymic,birth_date,address,signed_on,collector"], Ct);
        (code, _, error) = await Run("--db", db, "signatures", "verify", "--nominee", "77", "--csv", csv);
        Assert.Equal(2, code);
        Assert.Contains("SIG.UNKNOWN-NOMINEE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_generated_verifies_the_demo_sheets_and_reports_precision_and_recall_of_one_for_every_code()
    {
        var (db, _) = await WorldAsync(0.005);
        var (code, output, error) = await Run("--db", db, "signatures", "check-generated", "--json");
        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.True(json["exact"]!.GetValue<bool>());
        foreach (var group in new[] { "codes", "patterns" })
        {
            Assert.All(json[group]!.AsObject(), c =>
            {
                Assert.True(c.Value!["expected"]!.GetValue<int>() > 0, c.Key);
                Assert.Equal((1.0, 1.0), (c.Value["precision"]!.GetValue<double>(), c.Value["recall"]!.GetValue<double>()));
            });
        }

        Assert.Equal(7, json["codes"]!.AsObject().Count);
        var nominees = json["nominees"]!.AsArray();
        Assert.Equal(22, nominees.Count);
        Assert.All(nominees.Where(n => n!["status"]!.GetValue<string>() == "registered"), n => Assert.True(n!["reaches_threshold"]!.GetValue<bool>()));

        // Asked again, it compares what is stored (verifies nothing twice).
        (code, output, _) = await Run("--db", db, "signatures", "check-generated", "--json");
        Assert.Equal(0, code);
        Assert.True(JsonNode.Parse(output)!["exact"]!.GetValue<bool>());
    }
}
