using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Ashyq.Core.Transparency;
using Ashyq.Demo;
using Ashyq.Storage.Publication;
using Ashyq.Tests;

namespace Ashyq.Storage.Tests.Publication;

/// <summary>
/// The published log checked by a verifier that is not the project's code: tests/go-verifier, built on Go's
/// golang.org/x/mod/sumdb/note and .../tlog (Debian's golang-go and golang-golang-x-mod-dev).
/// </summary>
[Collection(GrowingLogFixture.Collection)]
public sealed class GoVerifierTests(GrowingLogFixture log)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APublishedLog_VerifiesWithGosSumdbCode_WithARecordsInclusionAndConsistencyWithAnOlderCheckpoint()
    {
        var record = Path.Combine(log.Site, "records", "protocol", "PEC-0042", "v1.json");
        var index = (await File.ReadAllTextAsync(Path.ChangeExtension(record, ".index"), Ct)).Trim();

        var (ok, output) = await GoVerifier.RunAsync(["-dir", log.Site, "-vkey", log.Key.VerifierKey, "-record", record, "-prev", log.OldCheckpoint]);

        Assert.True(ok, output);
        Assert.Contains($"size {GrowingLogFixture.Size} ", output, StringComparison.Ordinal);
        Assert.Contains($"{GrowingLogFixture.Size} entries, 3 hash tiles", output, StringComparison.Ordinal);
        Assert.Contains($"record included at {index}", output, StringComparison.Ordinal);
        Assert.Contains($"consistent with the checkpoint of size {GrowingLogFixture.OldSize}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedEntryByte_FailsGoVerification()
    {
        var site = log.Copy();
        var bundle = Path.Combine(site, "log", "tile", "entries", "000");
        var bytes = await File.ReadAllBytesAsync(bundle, Ct);
        var at = Encoding.UTF8.GetString(bytes).IndexOf("\"C4\":", StringComparison.Ordinal) + 5;
        bytes[at] = (byte)(bytes[at] == (byte)'9' ? '8' : '9');
        await File.WriteAllBytesAsync(bundle, bytes, Ct);

        var (ok, output) = await GoVerifier.RunAsync(["-dir", site, "-vkey", log.Key.VerifierKey]);

        Assert.False(ok, output);
        Assert.Contains("record hash is not the hash in tile", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0/000")]
    [InlineData("0/001.p/44")]
    [InlineData("1/000.p/1")]
    public async Task AChangedTileByte_FailsGoVerification(string tile)
    {
        var site = log.Copy();
        var path = Path.Combine(site, "log", "tile", tile);
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        bytes[^7] ^= 0x20;
        await File.WriteAllBytesAsync(path, bytes, Ct);

        var (ok, output) = await GoVerifier.RunAsync(["-dir", site, "-vkey", log.Key.VerifierKey]);

        Assert.False(ok, output);
        Assert.StartsWith("FAIL:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckpointSignedByAnotherKey_OrAnotherKeysVerifierKey_FailsGoVerification()
    {
        using var stranger = NoteKey.Generate(log.Key.Name);
        var site = log.Copy();
        var checkpoint = Checkpoint.Open(await File.ReadAllTextAsync(Path.Combine(site, "log", "checkpoint"), Ct), log.Key)!;
        await File.WriteAllTextAsync(Path.Combine(site, "log", "checkpoint"), SignedNote.Sign(checkpoint.Body, stranger), Ct);

        var (forgedOk, forged) = await GoVerifier.RunAsync(["-dir", site, "-vkey", log.Key.VerifierKey]);
        var (strangerOk, strangersKey) = await GoVerifier.RunAsync(["-dir", log.Site, "-vkey", stranger.VerifierKey]);

        Assert.False(forgedOk, forged);
        Assert.Contains("checkpoint signature", forged, StringComparison.Ordinal);
        Assert.False(strangerOk, strangersKey);
        Assert.Contains("checkpoint signature", strangersKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShrunkTree_FailsGoVerification()
    {
        // An older checkpoint presented as the newer one, checked against the newer one a client already saw.
        var site = log.Copy();
        File.Copy(log.OldCheckpoint, Path.Combine(site, "log", "checkpoint"), overwrite: true);
        var seen = Path.Combine(log.Folder, "seen-checkpoint");
        File.Copy(Path.Combine(log.Site, "log", "checkpoint"), seen, overwrite: true);

        var (olderAloneOk, olderAlone) = await GoVerifier.RunAsync(["-dir", site, "-vkey", log.Key.VerifierKey]);
        var (ok, output) = await GoVerifier.RunAsync(["-dir", site, "-vkey", log.Key.VerifierKey, "-prev", seen]);

        Assert.True(olderAloneOk, olderAlone);
        Assert.False(ok, output);
        Assert.Contains($"the tree shrank from {GrowingLogFixture.Size} to {GrowingLogFixture.OldSize}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForkedLog_FailsGoVerificationOfConsistency_ThoughItVerifiesAlone()
    {
        // The same key, the same first 280 entries; entry 280 is different and the fork has grown to 320.
        var entries = PublishedSites.Entries(log.Site);
        var forked = entries.Select(e => (byte[])e.Clone()).ToList();
        forked[280][^2] ^= 1;
        forked.AddRange(Enumerable.Range(0, 20).Select(i => Encoding.UTF8.GetBytes($"{{\"extra\":{i}}}")));
        var fork = PublishedSites.Write(Path.Combine(log.Folder, "fork-" + Guid.NewGuid().ToString("N")), forked, log.Key);
        var real = Path.Combine(log.Site, "log", "checkpoint");
        var sameSize = PublishedSites.Write(Path.Combine(log.Folder, "fork-" + Guid.NewGuid().ToString("N")), forked.Take(GrowingLogFixture.Size).ToList(), log.Key);

        var (aloneOk, alone) = await GoVerifier.RunAsync(["-dir", fork, "-vkey", log.Key.VerifierKey]);
        var (olderOk, older) = await GoVerifier.RunAsync(["-dir", fork, "-vkey", log.Key.VerifierKey, "-prev", log.OldCheckpoint]);
        var (ok, output) = await GoVerifier.RunAsync(["-dir", fork, "-vkey", log.Key.VerifierKey, "-prev", real]);
        var (sameOk, same) = await GoVerifier.RunAsync(["-dir", sameSize, "-vkey", log.Key.VerifierKey, "-prev", real]);

        Assert.True(aloneOk, alone);
        Assert.True(olderOk, older);
        Assert.False(ok, output);
        Assert.Contains($"the tree of size 320 is not an extension of the previous one of size {GrowingLogFixture.Size}", output, StringComparison.Ordinal);
        Assert.False(sameOk, same);
        Assert.Contains("has two different roots", same, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWitnessCosignature_VerifiesWithGo_AndAnotherWitnessKeyDoesNot()
    {
        using var witnessKey = CosignerKey.Generate("observers.example/w1");
        using var other = CosignerKey.Generate("observers.example/w1");
        var witness = new Witness(NoteKey.FromVerifierKey(log.Key.VerifierKey), witnessKey, TimeProvider.System);
        var result = Assert.IsType<WitnessCosigned>(await witness.ObserveAsync(PublishedSites.Reader(log.Site), null, Ct));
        var cosigned = Path.Combine(log.Folder, "cosigned-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(cosigned, result.CosignedNote, Ct);

        var (ok, output) = await GoVerifier.RunAsync(["-dir", log.Site, "-vkey", log.Key.VerifierKey, "-cosigned", cosigned, "-witness", witnessKey.VerifierKey]);
        var (otherOk, otherOutput) = await GoVerifier.RunAsync(["-dir", log.Site, "-vkey", log.Key.VerifierKey, "-cosigned", cosigned, "-witness", other.VerifierKey]);

        Assert.True(ok, output);
        Assert.Contains($"cosigned by observers.example/w1 at {result.Cosignature.Timestamp}", output, StringComparison.Ordinal);
        Assert.False(otherOk, otherOutput);
    }
}

/// <summary>The test classes that share one published log (built once for both).</summary>
[CollectionDefinition(GrowingLogFixture.Collection)]
public sealed class GrowingLogCollection : ICollectionFixture<GrowingLogFixture>;

/// <summary>
/// One published log for the tests of its collection: 260 precincts' protocols (its checkpoint kept as the older one), then 300
/// (so there are full and partial level-0 tiles and a level-1 tile).
/// </summary>
public sealed class GrowingLogFixture : IAsyncLifetime
{
    public const string Collection = "a published log of 300 entries";
    public const int OldSize = 260;
    public const int Size = 300;

    public string Folder { get; } = Directory.CreateTempSubdirectory("ashyq-go-verifier-").FullName;

    public string Site => Path.Combine(Folder, "site");

    public string OldCheckpoint => Path.Combine(Folder, "checkpoint-" + OldSize);

    public NoteKey Key { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await TestStores.WithWorldAsync(TestStores.Sqlite, 0, 3, ct);
        await using var db = await store.OpenAsync(ct);
        Key = LogKeys.LoadOrCreate(Path.Combine(Folder, "log.key"), LogKeys.OriginOf(Repo.Kz.Id));
        var publisher = new LogPublisher(Site, Key);
        await new ElectionNight(db, Repo.Kz, TimeProvider.System).PlayAsync(5, 0.1, OldSize, null, ct);
        await publisher.CatchUpAsync(db, ct);
        File.Copy(Path.Combine(Site, "log", "checkpoint"), OldCheckpoint);
        await new ElectionNight(db, Repo.Kz, TimeProvider.System).PlayAsync(6, 0.1, Size, null, ct);
        await publisher.CatchUpAsync(db, ct);
    }

    /// <summary>A copy of the site to tamper with.</summary>
    public string Copy() => PublishedSites.CopyFolder(Site, Path.Combine(Folder, "copy-" + Guid.NewGuid().ToString("N")));

    public ValueTask DisposeAsync()
    {
        Key?.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Reading, copying and forging published sites for the tests.</summary>
internal static class PublishedSites
{
    public static string CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    public static Func<string, CancellationToken, Task<byte[]?>> Reader(string site) => async (path, ct) =>
        File.Exists(Path.Combine(site, path)) ? await File.ReadAllBytesAsync(Path.Combine(site, path), ct) : null;

    /// <summary>The entries of a site's checkpoint, from its entry bundles.</summary>
    public static List<byte[]> Entries(string site)
    {
        var size = Checkpoint.Parse(SignedNote.Parse(File.ReadAllText(Path.Combine(site, "log", "checkpoint"))).Text).Size;
        var entries = new List<byte[]>();
        for (long tile = 0; tile * Tiles.Width < size; tile++)
        {
            var width = (int)Math.Min(Tiles.Width, size - tile * Tiles.Width);
            entries.AddRange(Tiles.ReadEntryBundle(File.ReadAllBytes(Path.Combine(site, "log", Tiles.EntryTilePath(tile, width)))));
        }

        return entries;
    }

    /// <summary>A whole log of these entries in the C2SP layout, its checkpoint signed by <paramref name="key"/>: how a log operator would forge one.</summary>
    public static string Write(string site, IReadOnlyList<byte[]> entries, NoteKey key)
    {
        var tree = new TreeHashes();
        foreach (var entry in entries)
        {
            tree.Append(MerkleTree.LeafHash(entry));
        }

        void Put(string relative, byte[] bytes)
        {
            var path = Path.Combine(site, "log", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        for (var tile = 0; tile * Tiles.Width < entries.Count; tile++)
        {
            var chunk = entries.Skip(tile * Tiles.Width).Take(Tiles.Width).ToList();
            Put(Tiles.EntryTilePath(tile, chunk.Count), Tiles.EntryBundle(chunk));
        }

        foreach (var (level, index, width) in Tiles.For(entries.Count))
        {
            Put(Tiles.HashTilePath(level, index, width), Tiles.HashTile(tree, level, index, width));
        }

        Put("vkey", Encoding.UTF8.GetBytes(key.VerifierKey + "\n"));
        Put("checkpoint", Encoding.UTF8.GetBytes(SignedNote.Sign(new Checkpoint(key.Name, entries.Count, tree.Root(entries.Count)).Body, key)));
        return site;
    }
}

/// <summary>Builds tests/go-verifier once per test run (cached by its source's hash) and runs it.</summary>
internal static class GoVerifier
{
    private static readonly Lazy<Task<string>> Binary = new(BuildAsync);

    public static async Task<(bool Ok, string Output)> RunAsync(IReadOnlyList<string> args)
    {
        if (FindGo() is null)
        {
            Prerequisite.Missing("Go is not installed (`go` is not on PATH): test.sh installs Debian's golang-go and golang-golang-x-mod-dev for these tests.");
        }

        var (code, output) = await RunProcessAsync(await Binary.Value, args, null, TimeSpan.FromSeconds(60));
        return (code == 0 && output.StartsWith("OK ", StringComparison.Ordinal), output);
    }

    private static string? FindGo() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "go")).FirstOrDefault(File.Exists);

    private static async Task<string> BuildAsync()
    {
        var source = Path.Combine(Repo.Root, "tests", "go-verifier");
        var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(source, "main.go"))))[..16].ToLowerInvariant();
        var folder = Path.Combine(Path.GetTempPath(), "ashyq-go-verifier", hash);
        var binary = Path.Combine(folder, "go-verifier");
        if (File.Exists(binary))
        {
            return binary;
        }

        Directory.CreateDirectory(folder);
        var temporary = binary + ".tmp-" + Environment.ProcessId;
        // GOPATH mode against Debian's golang-golang-x-mod-dev in /usr/share/gocode: no module download, no network.
        var environment = new Dictionary<string, string>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = "/usr/share/gocode",
            ["GOCACHE"] = Path.Combine(Path.GetTempPath(), "ashyq-go-verifier", "cache"),
            ["GOFLAGS"] = "",
            ["GOPROXY"] = "off",
            ["GOTOOLCHAIN"] = "local",
            ["CGO_ENABLED"] = "0",
        };
        var (code, output) = await RunProcessAsync(FindGo()!, ["build", "-o", temporary, "."], (source, environment), TimeSpan.FromMinutes(3));
        Assert.True(code == 0, "go build of tests/go-verifier failed:\n" + output);
        File.Move(temporary, binary, overwrite: true);
        return binary;
    }

    private static async Task<(int Code, string Output)> RunProcessAsync(string file, IReadOnlyList<string> args, (string Directory, Dictionary<string, string> Environment)? setup, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (setup is { } s)
        {
            start.WorkingDirectory = s.Directory;
            foreach (var (name, value) in s.Environment)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
