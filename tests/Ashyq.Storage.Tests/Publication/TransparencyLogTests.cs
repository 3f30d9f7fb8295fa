using System.Text;
using Ashyq.Core.Transparency;
using Ashyq.Demo;
using Ashyq.Storage.Publication;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests.Publication;

public class TransparencyLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(AshyqDbContext Db, string Site, NoteKey Key)> PublishedAsync(string kind, int precincts)
    {
        var store = await TestStores.WithWorldAsync(kind, 0, 3, Ct);
        var db = await store.OpenAsync(Ct);
        await new ElectionNight(db, Repo.Kz, TimeProvider.System).PlayAsync(5, 0.1, precincts, null, Ct);
        var folder = Directory.CreateTempSubdirectory("ashyq-site-").FullName;
        var key = LogKeys.LoadOrCreate(Path.Combine(folder, "log.key"), LogKeys.OriginOf(Repo.Kz.Id));
        await new LogPublisher(Path.Combine(folder, "site"), key).CatchUpAsync(db, Ct);
        return (db, Path.Combine(folder, "site"), key);
    }

    private static VerificationReport Verify(string site, NoteKey key, byte[]? record = null) =>
        LogVerifier.Verify(p => File.Exists(Path.Combine(site, p)) ? File.ReadAllBytes(Path.Combine(site, p)) : null, NoteKey.FromVerifierKey(key.VerifierKey), record);

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task EveryAcceptance_IsALogEntry_AtADenseIndex_AndThePublishedLogVerifies(string kind)
    {
        var (db, site, key) = await PublishedAsync(kind, 300);
        await using var _ = db;

        var indexes = await db.LogEntries.OrderBy(e => e.Index).Select(e => e.Index).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), indexes);
        var record = await File.ReadAllBytesAsync(Path.Combine(site, "records", "protocol", "PEC-0042", "v1.json"), Ct);
        var report = Verify(site, key, record);

        Assert.True(report.AllValid, string.Join("; ", report.Checks.Where(c => !c.Passed).Select(c => $"{c.Id} {c.Detail}")));
        Assert.Equal(300, report.Checkpoint!.Size);
        Assert.Contains("\"precinct\":\"PEC-0042\"", Encoding.UTF8.GetString(record), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site, "log", "tile", "0", "000")));
        Assert.True(File.Exists(Path.Combine(site, "log", "tile", "entries", "001.p", "44")));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task TheLog_IsAppendOnlyInTheStore(string kind)
    {
        var (db, _, _) = await PublishedAsync(kind, 3);
        await using var _1 = db;

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE log_entries SET subject = 'PEC-9999'", Ct));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM log_entries", Ct));

        Assert.Contains("LOG.APPEND-ONLY", update.Message, StringComparison.Ordinal);
        Assert.Contains("LOG.APPEND-ONLY", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedEntry_AChangedTile_ABadSignatureOrAChangedRecord_EachFailVerification()
    {
        var (db, site, key) = await PublishedAsync(TestStores.Sqlite, 20);
        await using var _ = db;
        var bundlePath = Path.Combine(site, "log", "tile", "entries", "000.p", "20");
        var tilePath = Path.Combine(site, "log", "tile", "0", "000.p", "20");
        var record = await File.ReadAllBytesAsync(Path.Combine(site, "records", "protocol", "PEC-0003", "v1.json"), Ct);

        var bundle = await File.ReadAllBytesAsync(bundlePath, Ct);
        var changed = (byte[])bundle.Clone();
        var at = Encoding.UTF8.GetString(changed).IndexOf("\"C4\":", StringComparison.Ordinal) + 5;
        changed[at] = (byte)(changed[at] == (byte)'9' ? '8' : '9');
        await File.WriteAllBytesAsync(bundlePath, changed, Ct);
        var entryChanged = Verify(site, key);
        await File.WriteAllBytesAsync(bundlePath, bundle, Ct);

        var tile = await File.ReadAllBytesAsync(tilePath, Ct);
        var changedTile = (byte[])tile.Clone();
        changedTile[100] ^= 1;
        await File.WriteAllBytesAsync(tilePath, changedTile, Ct);
        var tileChanged = Verify(site, key);
        await File.WriteAllBytesAsync(tilePath, tile, Ct);

        using var stranger = NoteKey.Generate(key.Name);
        var wrongKey = LogVerifier.Verify(p => File.Exists(Path.Combine(site, p)) ? File.ReadAllBytes(Path.Combine(site, p)) : null, NoteKey.FromVerifierKey(stranger.VerifierKey));
        var forgedRecord = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(record).Replace("\"L6\":", "\"L6\":1", StringComparison.Ordinal));

        Assert.True(Verify(site, key, record).AllValid);
        Assert.False(entryChanged.AllValid);
        Assert.False(entryChanged.Checks.Single(c => c.Id == "V3").Passed);
        Assert.False(tileChanged.Checks.Single(c => c.Id == "V3").Passed);
        Assert.False(wrongKey.Checks.Single(c => c.Id == "V1").Passed);
        Assert.False(Verify(site, key, forgedRecord).Checks.Single(c => c.Id == "V5").Passed);
    }

    [Fact]
    public async Task PublishingAgain_AddsOnlyTheNewEntries_AndTheNewCheckpointIsConsistentWithTheOld()
    {
        var (db, site, key) = await PublishedAsync(TestStores.Sqlite, 10);
        await using var _ = db;
        var before = Checkpoint.Open(await File.ReadAllTextAsync(Path.Combine(site, "log", "checkpoint"), Ct), key)!;
        var publisher = new LogPublisher(site, key);
        await publisher.CatchUpAsync(db, Ct);

        await new ElectionNight(db, Repo.Kz, TimeProvider.System).PlayAsync(6, 0.1, 25, null, Ct);
        var added = await publisher.CatchUpAsync(db, Ct);
        var after = Checkpoint.Open(await File.ReadAllTextAsync(Path.Combine(site, "log", "checkpoint"), Ct), key)!;

        Assert.Equal(15, added);
        Assert.Equal((10, 25), (before.Size, after.Size));
        Assert.True(MerkleTree.VerifyConsistency(10, 25, publisher.Tree.ConsistencyProof(10, 25), before.Root, after.Root));
        Assert.True(Verify(site, key).AllValid);
    }
}
