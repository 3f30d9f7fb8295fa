using Ashyq.Core.Transparency;

namespace Ashyq.Core.Tests.Transparency;

public class SignedNoteTests
{
    [Fact]
    public void ACheckpoint_SignedByTheLogKey_OpensWithItsVerifierKey_AndNotWithAnother()
    {
        using var key = NoteKey.Generate("ashyq.example/kz-2011");
        using var other = NoteKey.Generate("ashyq.example/kz-2011");
        var checkpoint = new Checkpoint("ashyq.example/kz-2011", 42, new byte[32]);

        var note = SignedNote.Sign(checkpoint.Body, key);
        var verifier = NoteKey.FromVerifierKey(key.VerifierKey);

        Assert.Equal(checkpoint.Body, SignedNote.Open(note, verifier));
        Assert.Equal(42, Checkpoint.Open(note, verifier)!.Size);
        Assert.Null(SignedNote.Open(note, NoteKey.FromVerifierKey(other.VerifierKey)));
        Assert.Null(SignedNote.Open(note.Replace("\n42\n", "\n43\n", StringComparison.Ordinal), verifier));
        Assert.Matches(@"^ashyq\.example/kz-2011\+[0-9a-f]{8}\+[A-Za-z0-9+/=]{44}$", key.VerifierKey);
    }

    [Fact]
    public void APrivateKey_RoundTripsThroughItsTextForm()
    {
        using var key = NoteKey.Generate("log");
        using var again = NoteKey.FromPrivate(key.ExportPrivate());

        Assert.Equal(key.VerifierKey, again.VerifierKey);
        Assert.StartsWith("PRIVATE+KEY+log+", key.ExportPrivate(), StringComparison.Ordinal);
        Assert.NotNull(SignedNote.Open(SignedNote.Sign("hello\n", again), key));
    }

    [Fact]
    public void TheKeyId_IsTheFirstFourBytesOfTheHashOfNameNewlineTypeAndKey()
    {
        using var key = NoteKey.Generate("x");
        var data = new byte[] { (byte)'x', (byte)'\n', 0x01 }.Concat(key.PublicKey).ToArray();
        var expected = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(System.Security.Cryptography.SHA256.HashData(data));

        Assert.Equal(expected, key.KeyId);
    }

    [Fact]
    public void MalformedNotes_AreRefused()
    {
        Assert.Throws<FormatException>(() => SignedNote.Parse("no blank line\n"));
        Assert.Throws<FormatException>(() => SignedNote.Parse("text\n\nnot a signature\n"));
        Assert.Throws<FormatException>(() => Checkpoint.Parse("origin\nnot a number\nAAAA\n"));
    }
}
