using System.Buffers.Binary;
using System.Text;
using Ashyq.Core.Transparency;
using Ashyq.Demo;
using Ashyq.Storage.Publication;
using Ashyq.Tests;
using NSec.Cryptography;

namespace Ashyq.Storage.Tests.Publication;

/// <summary>
/// Witnesses (an observer organization, a candidate's headquarters) cosign the log's checkpoints only after
/// checking the consistency proof, recomputed from the log's own tiles, from the last checkpoint they cosigned.
/// </summary>
[Collection(GrowingLogFixture.Collection)]
public sealed class WitnessTests(GrowingLogFixture log)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 18, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AGrowingLog_IsCosignedAtEachStep_AndEachCosignatureVerifiesWithTheWitnessesVerifierKey()
    {
        var store = await TestStores.WithWorldAsync(TestStores.Sqlite, 0, 3, Ct);
        await using var db = await store.OpenAsync(Ct);
        var folder = Directory.CreateTempSubdirectory("ashyq-witness-").FullName;
        using var logKey = LogKeys.LoadOrCreate(Path.Combine(folder, "log.key"), LogKeys.OriginOf(Repo.Kz.Id));
        var site = Path.Combine(folder, "site");
        var publisher = new LogPublisher(site, logKey);
        using var key = CosignerKey.Generate("observers.example/w1");
        var time = new FixedTime(Now);
        var witness = new Witness(NoteKey.FromVerifierKey(logKey.VerifierKey), key, time);
        var verifier = CosignerKey.FromVerifierKey(key.VerifierKey);

        Checkpoint? state = null;
        foreach (var size in new[] { 3, 40, 270 })
        {
            await new ElectionNight(db, Repo.Kz, TimeProvider.System).PlayAsync(size, 0.1, size, null, Ct);
            await publisher.CatchUpAsync(db, Ct);
            time.Now = time.Now.AddMinutes(10);

            var result = Assert.IsType<WitnessCosigned>(await witness.ObserveAsync(PublishedSites.Reader(site), state, Ct));

            Assert.Equal(size, result.Checkpoint.Size);
            Assert.Equal(time.Now.ToUnixTimeSeconds(), result.Cosignature.Timestamp);
            Assert.True(VerifiesByHand(result.SignatureLine, result.Checkpoint.Body, key.VerifierKey), result.SignatureLine);
            var found = Cosignature.Find(result.CosignedNote, verifier);
            Assert.NotNull(found);
            Assert.Equal(result.Cosignature.Timestamp, found.Timestamp);
            Assert.Equal(result.Cosignature.Signature, found.Signature);
            Assert.NotNull(Checkpoint.Open(result.CosignedNote, logKey));
            state = witness.ReadState(result.CosignedNote);
            Assert.Equal((result.Checkpoint.Origin, result.Checkpoint.Size), (state.Origin, state.Size));
            Assert.Equal(result.Checkpoint.Root, state.Root);
        }

        // The same checkpoint again is cosigned again (a fresh timestamp); another witness's key finds no cosignature.
        using var other = CosignerKey.Generate("observers.example/w1");
        var again = Assert.IsType<WitnessCosigned>(await witness.ObserveAsync(PublishedSites.Reader(site), state, Ct));
        Assert.Equal(270, again.Checkpoint.Size);
        Assert.Null(Cosignature.Find(again.CosignedNote, CosignerKey.FromVerifierKey(other.VerifierKey)));
        Assert.Equal("log/cosignatures/observers.example%2Fw1", Witness.CosignaturePath(key.Name));
    }

    [Fact]
    public async Task AForkedLog_IsRefused_AndTheRefusalDoesNotMoveTheWitness()
    {
        using var key = CosignerKey.Generate("candidate-hq.example/witness");
        var witness = new Witness(NoteKey.FromVerifierKey(log.Key.VerifierKey), key, new FixedTime(Now));
        var atOld = witness.ReadState(Cosigned(witness.Cosign(null, await File.ReadAllTextAsync(log.OldCheckpoint, Ct), [])));

        // A fork by the log's own key: the first 280 entries as published, entry 280 changed, grown to 320.
        var entries = PublishedSites.Entries(log.Site);
        var forked = entries.Select(e => (byte[])e.Clone()).ToList();
        forked[280][^2] ^= 1;
        forked.AddRange(Enumerable.Range(0, 20).Select(i => Encoding.UTF8.GetBytes($"{{\"extra\":{i}}}")));
        var fork = PublishedSites.Write(Path.Combine(log.Folder, "fork-" + Guid.NewGuid().ToString("N")), forked, log.Key);
        var sameSize = PublishedSites.Write(Path.Combine(log.Folder, "fork-" + Guid.NewGuid().ToString("N")), forked.Take(GrowingLogFixture.Size).ToList(), log.Key);

        var atReal = witness.ReadState(Cosigned(await witness.ObserveAsync(PublishedSites.Reader(log.Site), atOld, Ct)));
        var forkAfterReal = await witness.ObserveAsync(PublishedSites.Reader(fork), atReal, Ct);
        var sameSizeAfterReal = await witness.ObserveAsync(PublishedSites.Reader(sameSize), atReal, Ct);
        var forkAgain = await witness.ObserveAsync(PublishedSites.Reader(fork), atReal, Ct);
        var realAgain = await witness.ObserveAsync(PublishedSites.Reader(log.Site), atReal, Ct);

        Assert.Equal(GrowingLogFixture.Size, atReal.Size);
        Assert.Equal(Witness.Inconsistent, Assert.IsType<WitnessRefusal>(forkAfterReal).Code);
        Assert.Equal(Witness.SameSizeDifferentRoot, Assert.IsType<WitnessRefusal>(sameSizeAfterReal).Code);
        Assert.Equal(Witness.Inconsistent, Assert.IsType<WitnessRefusal>(forkAgain).Code);
        Assert.Equal(GrowingLogFixture.Size, Assert.IsType<WitnessCosigned>(realAgain).Checkpoint.Size);

        // A witness that saw only the first 260 entries cannot tell yet: the fork agrees with everything it saw.
        Assert.IsType<WitnessCosigned>(await witness.ObserveAsync(PublishedSites.Reader(fork), atOld, Ct));
    }

    [Fact]
    public async Task ASecondStoreWithTheSameOriginAndKey_IsRefused()
    {
        using var key = CosignerKey.Generate("observers.example/w2");
        var witness = new Witness(NoteKey.FromVerifierKey(log.Key.VerifierKey), key, new FixedTime(Now));
        var atOld = witness.ReadState(Cosigned(witness.Cosign(null, await File.ReadAllTextAsync(log.OldCheckpoint, Ct), [])));

        // Another store of the same election, published under the same key: other protocols from some index on.
        var store = await TestStores.WithWorldAsync(TestStores.Sqlite, 0, 3, Ct);
        await using var db = await store.OpenAsync(Ct);
        await new ElectionNight(db, Repo.Kz, TimeProvider.System).PlayAsync(7, 0.1, GrowingLogFixture.Size, null, Ct);
        var other = Path.Combine(log.Folder, "other-" + Guid.NewGuid().ToString("N"));
        await new LogPublisher(other, log.Key).CatchUpAsync(db, Ct);
        var mine = PublishedSites.Entries(log.Site);
        var theirs = PublishedSites.Entries(other);

        var refusal = Assert.IsType<WitnessRefusal>(await witness.ObserveAsync(PublishedSites.Reader(other), atOld, Ct));

        Assert.Contains(Enumerable.Range(0, GrowingLogFixture.OldSize), i => !mine[i].AsSpan().SequenceEqual(theirs[i]));
        Assert.Equal(Witness.Inconsistent, refusal.Code);
        Assert.Contains($"does not extend the tree of size {GrowingLogFixture.OldSize}", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShrunkTree_IsRefused()
    {
        using var key = CosignerKey.Generate("observers.example/w3");
        var witness = new Witness(NoteKey.FromVerifierKey(log.Key.VerifierKey), key, new FixedTime(Now));
        var atReal = witness.ReadState(Cosigned(await witness.ObserveAsync(PublishedSites.Reader(log.Site), null, Ct)));
        var site = log.Copy();
        File.Copy(log.OldCheckpoint, Path.Combine(site, "log", "checkpoint"), overwrite: true);

        var refusal = Assert.IsType<WitnessRefusal>(await witness.ObserveAsync(PublishedSites.Reader(site), atReal, Ct));

        Assert.Equal(Witness.Shrunk, refusal.Code);
        Assert.Contains($"cosigned size {GrowingLogFixture.Size}, the log now shows size {GrowingLogFixture.OldSize}", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckpointWithABadSignature_IsRefused()
    {
        using var key = CosignerKey.Generate("observers.example/w4");
        var witness = new Witness(NoteKey.FromVerifierKey(log.Key.VerifierKey), key, new FixedTime(Now));
        var atOld = witness.ReadState(Cosigned(witness.Cosign(null, await File.ReadAllTextAsync(log.OldCheckpoint, Ct), [])));
        var real = await File.ReadAllTextAsync(Path.Combine(log.Site, "log", "checkpoint"), Ct);
        var body = SignedNote.Parse(real).Text;
        using var stranger = NoteKey.Generate(log.Key.Name);
        var flipped = real.ToCharArray();
        var at = real.LastIndexOf(' ') + 10;
        flipped[at] = flipped[at] == 'A' ? 'B' : 'A';

        var byStranger = witness.Cosign(atOld, SignedNote.Sign(body, stranger), []);
        var flippedByte = witness.Cosign(atOld, new string(flipped), []);
        var unsigned = witness.Cosign(atOld, body, []);

        Assert.Equal(Witness.BadSignature, Assert.IsType<WitnessRefusal>(byStranger).Code);
        Assert.Equal(Witness.BadSignature, Assert.IsType<WitnessRefusal>(flippedByte).Code);
        Assert.Equal(Witness.Malformed, Assert.IsType<WitnessRefusal>(unsigned).Code);
    }

    [Fact]
    public void AWitnessKey_RoundTripsThroughItsFiles_WithTheCosignatureKeyType()
    {
        using var key = CosignerKey.Generate("observers.example/w5");
        using var again = CosignerKey.FromPrivate(key.ExportPrivate());
        var verifier = CosignerKey.FromVerifierKey(key.VerifierKey);
        var raw = Convert.FromBase64String(key.VerifierKey.Split('+', 3)[2]);

        Assert.Equal(key.VerifierKey, again.VerifierKey);
        Assert.Equal((byte)0x04, raw[0]);
        Assert.False(verifier.CanSign);
        Assert.Throws<FormatException>(() => NoteKey.FromVerifierKey(key.VerifierKey));
    }

    private static string Cosigned(WitnessResult result) => Assert.IsType<WitnessCosigned>(result).CosignedNote;

    /// <summary>Checks a cosignature line as the C2SP tlog-cosignature spec reads, with NSec directly.</summary>
    private static bool VerifiesByHand(string line, string body, string verifierKey)
    {
        var parts = verifierKey.Split('+', 3);
        var publicKey = Convert.FromBase64String(parts[2])[1..];
        var raw = Convert.FromBase64String(line.TrimEnd('\n').Split(' ')[2]);
        var message = Encoding.UTF8.GetBytes($"cosignature/v1\ntime {BinaryPrimitives.ReadUInt64BigEndian(raw.AsSpan(4))}\n{body}");
        return line.StartsWith("\u2014 " + parts[0] + " ", StringComparison.Ordinal)
            && BinaryPrimitives.ReadUInt32BigEndian(raw).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) == parts[1]
            && raw.Length == 4 + 8 + 64
            && SignatureAlgorithm.Ed25519.Verify(PublicKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey), message, raw.AsSpan(12));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
