using System.Text.Json;
using System.Text.Json.Nodes;
using Ashyq.Core.Audit;
using Ashyq.Core.Results;
using Ashyq.Storage.Model;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;

namespace Ashyq.Storage.Tests;

public class AuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset T = new(2011, 4, 3, 20, 0, 0, TimeSpan.Zero);

    /// <summary>The official schema of NIST SP 1500-101 (Election Event Logging), as NIST publishes it.</summary>
    internal static Task<JsonSchema> SchemaAsync() =>
        JsonSchema.FromFileAsync(Path.Combine(Repo.Root, "..", "shared", "standards", "nist-1500-101", "NIST_V1-8_election_event_logging.json"), Ct);

    private static async Task<List<AuditEventRow>> EventsAsync(Store store)
    {
        await using var db = store.CreateContext();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ALongAction_IsCommittedAsStartedBeforeItsWork_AndCompletedAfterIt(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await (await store.OpenAsync(Ct)).DisposeAsync();
        List<AuditEventRow>? seenDuringTheWork = null;

        var result = await Audit.LongActionAsync(store.CreateContext, AuditEvents.RegisterImport, "cli:clerk", "TEC-01", "list.csv", TimeProvider.System, async () =>
        {
            // Another connection, as after a crash here: the start is already there, the completion not yet.
            seenDuringTheWork = await EventsAsync(store);
            return 42;
        }, n => $"{n} rows", Ct);

        Assert.Equal(42, result);
        var during = Assert.Single(seenDuringTheWork!);
        Assert.Equal(("register.import-started", "success", "cli:clerk", "TEC-01", "list.csv"), (during.Action, during.Disposition, during.User, during.Commission, during.Subject));
        var events = await EventsAsync(store);
        Assert.Equal(2, events.Count);
        Assert.Equal(("register.import-completed", "success", "42 rows", (long?)events[0].Id), (events[1].Action, events[1].Disposition, events[1].Detail, events[1].StartEventId));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AFailedLongAction_IsCompletedAsAFailure_WithItsCode_NotItsMessage(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await (await store.OpenAsync(Ct)).DisposeAsync();

        var refused = await Assert.ThrowsAsync<RuleViolation>(() => Audit.LongActionAsync<int>(store.CreateContext, AuditEvents.ResultsImport, "cli:clerk", "", "night.csv", TimeProvider.System,
            () => throw new RuleViolation("IMPORT.BAD-ROW", "row 7: voter 880101300123 Иванов"), n => "never", Ct));

        Assert.Equal("IMPORT.BAD-ROW", refused.Code);
        var events = await EventsAsync(store);
        Assert.Equal(["results.import-started", "results.import-completed"], events.Select(e => e.Action));
        Assert.Equal("failure", events[1].Disposition);
        Assert.Equal(events[0].Id, events[1].StartEventId);
        Assert.Equal("RuleViolation IMPORT.BAD-ROW", events[1].Detail);
        Assert.DoesNotContain(events, e => (e.Detail ?? "").Contains("880101300123", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ARefusal_RecordedAlone_Stays_WhileTheRefusedWorkOfTheSameRequestIsNotWritten(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            // The refused action had begun: its event is tracked in its context, and its transaction is rolled back.
            Audit.Record(db, AuditEvents.ProtocolAccepted, "op1", "PEC-0041", "PEC-0041/v1", null, T);
            await transaction.RollbackAsync(Ct);
        }

        await Audit.RecordAloneAsync(store.CreateContext, AuditEvents.AccessDenied, "op1", "PEC-0041", "POST /api/results/PEC-0041/accept", "HTTP 403", T, AuditDisposition.Failure, ct: Ct);

        var row = Assert.Single(await EventsAsync(store));
        Assert.Equal(("access.denied", "failure", "op1", "PEC-0041"), (row.Action, row.Disposition, row.User, row.Commission));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task TheExport_ValidatesAgainstTheOfficialSchema_AndCarriesEveryRow(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using (var db = await store.OpenAsync(Ct))
        {
            Audit.Record(db, AuditEvents.Login, "(unknown account)", "", "/api/login", "AUTH.BAD-CREDENTIALS", T, AuditDisposition.Failure);
            Audit.Record(db, AuditEvents.ProtocolFirstEntryStarted, "operator1", "PEC-0001", "PEC-0001/v1", null, T.AddMinutes(1));
            Audit.Record(db, AuditEvents.ComplaintReceived, "", "", "2011-00001", "жалоба; шағым \"quoted\"", T.AddMinutes(2));
            db.AuditEvents.Add(new AuditEventRow { At = T.AddMinutes(3), User = "old", Commission = "CEC", Action = "legacy.event", Subject = "x", Disposition = "partial" });
            await db.SaveChangesAsync(Ct);
        }

        using var stream = new MemoryStream();
        long count;
        await using (var db = store.CreateContext())
        {
            count = await AuditLogExport.WriteAsync(db, stream, T.AddHours(1), "en", Ct);
        }

        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var errors = (await SchemaAsync()).Validate(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.Equal(4, count);
        var events = JsonNode.Parse(text)!["Device"]![0]!["Event"]!.AsArray();
        Assert.Equal(["auth.login", "protocol.first-entry-started", "complaint.received", "legacy.event"], events.Select(e => e!["Id"]!.GetValue<string>()));
        Assert.Equal(["failure", "success", "success", "other"], events.Select(e => e!["Disposition"]!.GetValue<string>()));
        Assert.Equal("partial", events[3]!["OtherDisposition"]!.GetValue<string>());
        Assert.Equal("user-action", events[0]!["Type"]!.GetValue<string>());
        Assert.Equal(AuditEvents.Login.Description.En, events[0]!["Description"]!.GetValue<string>());
        Assert.Null(events[2]!["UserId"]);
        var details = JsonNode.Parse(events[2]!["Details"]!.GetValue<string>())!;
        Assert.Equal("жалоба; шағым \"quoted\"", details["detail"]!.GetValue<string>());
        Assert.Equal("2011-04-03T20:01:00.0000000Z", events[1]!["TimeStamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheExport_IsWrittenAsItIsRead_InBoundedPieces()
    {
        var store = await TestStores.CreateAsync(TestStores.Sqlite);
        await using (var db = await store.OpenAsync(Ct))
        {
            for (var i = 0; i < 4000; i++)
            {
                Audit.Record(db, AuditEvents.ProtocolSigned, "chair", "PEC-0001", $"PEC-{i:D4}/v1", "m1,m2,m3,m4,m5", T.AddSeconds(i));
            }

            await db.SaveChangesAsync(Ct);
        }

        var stream = new WritesRecorder();
        await using (var db = store.CreateContext())
        {
            Assert.Equal(4000, await AuditLogExport.WriteAsync(db, stream, T, "kk", Ct));
        }

        // More than a megabyte, handed over in pieces of about 64 KiB: nothing holds the whole log.
        Assert.True(stream.Length > 1_000_000, $"{stream.Length} bytes");
        Assert.True(stream.Writes.Count > 10, $"{stream.Writes.Count} writes");
        Assert.True(stream.Writes.Max() < 128 * 1024, $"a write of {stream.Writes.Max()} bytes");
        using var parsed = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(AuditEvents.ProtocolSigned.Description.Kk, parsed.RootElement.GetProperty("Device")[0].GetProperty("Event")[0].GetProperty("Description").GetString());
    }

    /// <summary>A memory stream that remembers the size of every write it was given (its asynchronous writes call these).</summary>
    private sealed class WritesRecorder : MemoryStream
    {
        public List<int> Writes { get; } = [];

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes.Add(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes.Add(buffer.Length);
            base.Write(buffer);
        }
    }
}
