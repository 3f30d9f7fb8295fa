using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ashyq.Core.Publication;
using Ashyq.Core.QuickCount;
using Ashyq.Demo;
using Ashyq.Storage.QuickCount;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests.QuickCount;

public class QuickCountServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<AshyqDbContext> WorldAsync(string kind)
    {
        var store = await TestStores.WithWorldAsync(kind, 0.002, 9, Ct);
        var db = await store.OpenAsync(Ct);
        return db;
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task The_sample_is_drawn_once_stored_as_drawn_and_committed_in_the_log(string kind)
    {
        await using var db = await WorldAsync(kind);
        var service = new QuickCountService(db, TimeProvider.System);

        var drawn = await service.DrawAsync(120, 77, "test", Ct);
        var stored = await service.SampleAsync(Ct);

        // The stored sample is the draw the frame gives for the seed, stratum by stratum.
        var frame = SamplingFrame.Build((await service.FrameAsync(Ct)).Select(f => f.Station));
        var again = StratifiedSample.Draw(frame, 120, 77);
        Assert.Equal(again.Stations, stored!.Sample.Stations);
        Assert.Equal(again.Strata, stored.Sample.Strata);
        Assert.Equal(32, stored.Sample.Strata.Count); // 16 regions × urban/rural
        Assert.Equal(drawn.Commitment, stored.Commitment);

        // The log holds the commitment: the SHA-256 of the sample's canonical JSON, and the strata, not the stations.
        var entry = await db.LogEntries.AsNoTracking().SingleAsync(e => e.Kind == QuickCountService.SampleKind, Ct);
        var record = JsonNode.Parse(entry.Record)!;
        var hash = Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(QuickCountService.SampleJson("kz-2011-presidential", stored.Sample))));
        Assert.Equal(hash, (string?)record["sha256"]);
        Assert.Equal(32, record["strata"]!.AsArray().Count);
        Assert.Null(record["stations"]);

        var twice = await Assert.ThrowsAsync<QuickCountException>(() => service.DrawAsync(120, 78, "test", Ct));
        Assert.Equal("QUICKCOUNT.ALREADY-DRAWN", twice.Code);

        // The store itself refuses to rewrite the sample, whatever the code above does.
        var row = await db.QuickCountStations.FirstAsync(Ct);
        row.ListSize += 1;
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync(Ct));
        Assert.Contains("RECORD.IMMUTABLE", refused.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task A_reports_file_with_bad_rows_is_refused_whole_naming_row_field_and_code(string kind)
    {
        await using var db = await WorldAsync(kind);
        var service = new QuickCountService(db, TimeProvider.System);
        var sample = await service.DrawAsync(80, 3, "test", Ct);
        var station = sample.Sample.Stations[0].Station;
        var notSampled = await db.Commissions.Where(c => c.Level == "PEC").Select(c => c.Code)
            .FirstAsync(c => !sample.Sample.Stations.Select(s => s.Station).Contains(c), Ct);

        var bad = $"station,line,value\n{station},L1,900\n{notSampled},L1,5\n{station},L99,5\n{station},C1,-4\n{station},C2\n";
        var e = await Assert.ThrowsAsync<QuickCountImportException>(() => service.ImportCsvAsync(new StringReader(bad), "observer-1", Ct));

        Assert.Equal(
            [(3, "station", "QUICKCOUNT.NOT-SAMPLED"), (4, "line", "QUICKCOUNT.UNKNOWN-LINE"), (5, "value", "QUICKCOUNT.BAD-VALUE"), (6, "row", "QUICKCOUNT.BAD-ROW")],
            e.Errors.Select(x => (x.Row, x.Field, x.Code)));
        Assert.Equal(0, await db.QuickCountReports.CountAsync(Ct));

        var good = $"station,line,value\n{station},L1,900\n{station},C1,12\n{station},C1,13\n";
        var report = await service.ImportCsvAsync(new StringReader(good), "observer-1", Ct);
        Assert.Equal(new QuickCountImportReport(3, 1), report);
        Assert.Equal(3, await db.QuickCountReports.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task Simulated_reports_give_an_estimate_set_against_the_official_totals(string kind)
    {
        await using var db = await WorldAsync(kind);
        await new ElectionNight(db, Repo.Kz, TimeProvider.System).PlayAsync(seed: 4, slips: 0, limit: 40, progress: null, Ct);
        var service = new QuickCountService(db, TimeProvider.System);
        var sample = await service.DrawAsync(200, 11, "test", Ct);

        var reported = await service.SimulateAsync(seed: 4, "simulated", Ct);
        var view = await service.ViewAsync(Ct);

        Assert.Equal(200, reported);
        Assert.Equal(0, await service.SimulateAsync(seed: 4, "simulated", Ct)); // every sampled station has its report
        var result = view.Result!;
        Assert.Equal(200, view.ReportedStations);
        Assert.Equal(200, result.Reported);
        Assert.Empty(result.StrataLeftOut);
        Assert.Equal(5, result.Figures.Count);
        Assert.Equal(40, result.Official!.Accepted);
        Assert.All(result.Figures, f => Assert.NotNull(f.Official));
        var leader = result.Figures.Single(f => f.Quantity.Code == "C4");
        Assert.InRange(leader.Estimate.Estimate, 0.9, 1.0);
        Assert.True(leader.Estimate.Margin > 0);

        // A sampled station with an accepted protocol is reported as its protocol says.
        var accepted = await db.ProtocolVersions.Where(v => v.State == "Accepted").Select(v => v.PrecinctId).ToListAsync(Ct);
        var sampledIds = await db.QuickCountStations.Select(s => s.PrecinctId).ToListAsync(Ct);
        foreach (var id in sampledIds.Intersect(accepted))
        {
            var values = System.Text.Json.JsonSerializer.Deserialize<long[]>(await db.ProtocolVersions.Where(v => v.PrecinctId == id).Select(v => v.Values!).SingleAsync(Ct))!;
            var lines = await db.QuickCountReports.Where(r => r.PrecinctId == id).ToDictionaryAsync(r => r.Line, r => r.Value, Ct);
            Assert.Equal(values[0], lines["L1"]);
            Assert.Equal(values[^1], lines["C4"]);
        }

        Assert.Equal(sample.Sample.Stations.Count, sampledIds.Count);
    }
}
