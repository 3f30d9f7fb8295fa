using System.Text.Json.Nodes;
using Ashyq.Tests;
using NJsonSchema;

namespace Ashyq.Cli.Tests;

public class AuditCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AshyqCommand.RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static string TempFolder() => Directory.CreateTempSubdirectory("ashyq-audit-").FullName;

    private static void AssertNoStackTrace(string text) =>
        Assert.DoesNotMatch(@"\bat [A-Za-z_.]+\(.*\) in |   at ", text);

    private static async Task<JsonArray> EventsAsync(string file)
    {
        var text = await File.ReadAllTextAsync(file, Ct);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Repo.Root, "..", "shared", "standards", "nist-1500-101", "NIST_V1-8_election_event_logging.json"), Ct);
        var errors = schema.Validate(text);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
        return JsonNode.Parse(text)!["Device"]![0]!["Event"]!.AsArray();
    }

    private static string S(JsonNode? e, string name) => e?[name]?.GetValue<string>() ?? "";

    [Fact]
    public async Task AFailedImport_IsStartedAndCompletedAsAFailure_AndTheExportValidates()
    {
        var folder = TempFolder();
        var db = Path.Combine(folder, "ashyq.db");
        var list = Path.Combine(folder, "list.csv");
        await File.WriteAllTextAsync(list, "iin,surname\n", Ct);

        var import = await Run("--db", db, "register", "import", list);
        var (code, output, error) = await Run("--db", db, "audit", "export", "--out", Path.Combine(folder, "audit.json"), "--json");

        Assert.Equal(AshyqCommand.UserError, import.Code);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(3, JsonNode.Parse(output)!["events"]!.GetValue<long>());
        var events = await EventsAsync(Path.Combine(folder, "audit.json"));
        Assert.Equal(["register.import-started", "register.import-completed", "audit.export-started"], events.Select(e => S(e, "Id")));
        Assert.Equal(["success", "failure", "success"], events.Select(e => S(e, "Disposition")));
        var completion = JsonNode.Parse(S(events[1], "Details"))!;
        Assert.Equal(S(events[0], "Sequence"), completion["start_sequence"]!.GetValue<string>());
        Assert.Equal("RegisterFileException REG.NO-ELECTION", completion["detail"]!.GetValue<string>());
        Assert.Equal("list.csv", completion["subject"]!.GetValue<string>());
        Assert.StartsWith("cli:", S(events[0], "UserId"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "audit.json.partial")));
    }

    [Fact]
    public async Task AGeneration_IsStartedAndCompleted_AndASecondOneIntoTheSameStoreFails()
    {
        var folder = TempFolder();
        var db = Path.Combine(folder, "ashyq.db");

        Assert.Equal(0, (await Run("--db", db, "generate", "--scale", "0")).Code);
        Assert.Equal(AshyqCommand.UserError, (await Run("--db", db, "generate", "--scale", "0")).Code);
        Assert.Equal(0, (await Run("--db", db, "audit", "export", "--out", Path.Combine(folder, "audit.json"), "--lang", "ru")).Code);

        var events = await EventsAsync(Path.Combine(folder, "audit.json"));
        Assert.Equal(["election.generate-started", "election.generate-completed", "election.generate-started", "election.generate-completed", "audit.export-started"], events.Select(e => S(e, "Id")));
        Assert.Equal(["success", "success", "success", "failure", "success"], events.Select(e => S(e, "Disposition")));
        Assert.Equal("Создание выборов в хранилище завершено", S(events[1], "Description"));
        Assert.Equal("StoreNotEmptyException", JsonNode.Parse(S(events[3], "Details"))!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnwritablePath_IsAUserMistake_WithAClearMessage()
    {
        var folder = TempFolder();
        var db = Path.Combine(folder, "ashyq.db");

        var missing = await Run("--db", db, "audit", "export", "--out", Path.Combine(folder, "no", "such", "folder", "audit.json"));
        var aFolder = await Run("--db", db, "audit", "export", "--out", folder);
        var language = await Run("--db", db, "audit", "export", "--out", Path.Combine(folder, "audit.json"), "--lang", "de");

        Assert.Equal(AshyqCommand.UserError, missing.Code);
        Assert.Contains("AUDIT.OUT-PATH", missing.Err, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Err, StringComparison.Ordinal);
        Assert.Equal(AshyqCommand.UserError, aFolder.Code);
        Assert.Contains("is a folder", aFolder.Err, StringComparison.Ordinal);
        Assert.Equal(AshyqCommand.UserError, language.Code);
        Assert.Contains("AUDIT.LANGUAGE", language.Err, StringComparison.Ordinal);
        AssertNoStackTrace(missing.Err + aFolder.Err + language.Err);
        Assert.False(File.Exists(Path.Combine(folder, "audit.json")));
    }

    [Fact]
    public async Task AnUnreachableStore_IsExitCode3()
    {
        var (code, _, error) = await Run("--db", "Host=127.0.0.1;Port=1;Database=x;Timeout=2", "audit", "export", "--out", Path.Combine(TempFolder(), "audit.json"));

        Assert.Equal(AshyqCommand.StoreError, code);
        Assert.Contains("Cannot open the store", error, StringComparison.Ordinal);
        AssertNoStackTrace(error);
    }
}
