using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace Ashyq.Core.Transparency;

/// <summary>
/// A cosigner's (a witness's) Ed25519 key for C2SP tlog-cosignature v1. Its verifier key is
/// <c>&lt;name&gt;+&lt;hex key id&gt;+&lt;base64(0x04 ‖ public key)&gt;</c>, the key id being the first four bytes of
/// SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key); the private key file holds
/// <c>PRIVATE+KEY+&lt;name&gt;+&lt;hex key id&gt;+&lt;base64(0x04 ‖ seed)&gt;</c>.
/// </summary>
public sealed class CosignerKey : IDisposable
{
    /// <summary>The signature type of an Ed25519 cosignature/v1 key (C2SP signed-note).</summary>
    public const byte Type = 0x04;

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Key? _private;

    private CosignerKey(string name, byte[] publicKey, Key? privateKey)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => char.IsWhiteSpace(c) || c == '+'))
        {
            throw new ArgumentException("A key name has no spaces and no '+'.", nameof(name));
        }

        Name = name;
        PublicKey = publicKey;
        _private = privateKey;
        KeyId = NoteKey.IdOf(name, Type, publicKey);
    }

    public string Name { get; }

    public byte[] PublicKey { get; }

    public uint KeyId { get; }

    public bool CanSign => _private is not null;

    /// <summary>The verifier key anyone uses to check this cosigner's cosignatures.</summary>
    public string VerifierKey => $"{Name}+{KeyId:x8}+{Convert.ToBase64String([Type, .. PublicKey])}";

    public static CosignerKey Generate(string name)
    {
        var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new CosignerKey(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), key);
    }

    public string ExportPrivate()
    {
        var seed = _private?.Export(KeyBlobFormat.RawPrivateKey) ?? throw new InvalidOperationException("This key can only verify.");
        return $"PRIVATE+KEY+{Name}+{KeyId:x8}+{Convert.ToBase64String([Type, .. seed])}";
    }

    public static CosignerKey FromPrivate(string text)
    {
        var parts = text.Trim().Split('+', 5);
        if (parts.Length != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY")
        {
            throw new FormatException("Not a cosigner private key (PRIVATE+KEY+name+id+key).");
        }

        var raw = Convert.FromBase64String(parts[4]);
        if (raw.Length != 33 || raw[0] != Type)
        {
            throw new FormatException("Not an Ed25519 cosignature/v1 private key (type 0x04).");
        }

        var key = Key.Import(Ed25519, raw.AsSpan(1), KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var cosigner = new CosignerKey(parts[2], key.PublicKey.Export(KeyBlobFormat.RawPublicKey), key);
        return cosigner.KeyId.ToString("x8", CultureInfo.InvariantCulture) == parts[3] ? cosigner : throw new FormatException("The private key's id does not match its key.");
    }

    public static CosignerKey FromVerifierKey(string text)
    {
        var parts = text.Trim().Split('+', 3);
        if (parts.Length != 3)
        {
            throw new FormatException("Not a verifier key (name+id+key).");
        }

        var raw = Convert.FromBase64String(parts[2]);
        if (raw.Length != 33 || raw[0] != Type)
        {
            throw new FormatException("Not an Ed25519 cosignature/v1 verifier key (type 0x04).");
        }

        var cosigner = new CosignerKey(parts[0], raw[1..], null);
        return cosigner.KeyId.ToString("x8", CultureInfo.InvariantCulture) == parts[1] ? cosigner : throw new FormatException("The verifier key's id does not match its key.");
    }

    internal byte[] Sign(ReadOnlySpan<byte> message) =>
        Ed25519.Sign(_private ?? throw new InvalidOperationException("This key can only verify."), message);

    internal bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Ed25519.Verify(NSec.Cryptography.PublicKey.Import(Ed25519, PublicKey, KeyBlobFormat.RawPublicKey), message, signature);

    public void Dispose() => _private?.Dispose();
}

/// <summary>
/// A C2SP tlog-cosignature v1 (Ed25519): a note signature line <c>— &lt;name&gt; base64(key id ‖ timestamp ‖ signature)</c>,
/// the timestamp eight big-endian bytes of POSIX seconds, the signature over
/// <c>cosignature/v1\ntime &lt;timestamp&gt;\n</c> followed by the whole checkpoint body. It states that, as of that
/// time, this is the largest consistent tree the cosigner has seen of the log.
/// </summary>
public sealed record Cosignature(string Name, uint KeyId, long Timestamp, byte[] Signature)
{
    private const string Dash = "\u2014 ";

    /// <summary>The bytes a cosignature/v1 signs.</summary>
    public static byte[] Message(string checkpointBody, long timestamp)
    {
        if (!checkpointBody.EndsWith('\n'))
        {
            throw new ArgumentException("A checkpoint body ends with a newline.", nameof(checkpointBody));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        return Encoding.UTF8.GetBytes($"cosignature/v1\ntime {timestamp.ToString(CultureInfo.InvariantCulture)}\n{checkpointBody}");
    }

    /// <summary>Cosigns a checkpoint body at <paramref name="at"/>; returns the signature line (ending in a newline).</summary>
    public static string Sign(CosignerKey key, string checkpointBody, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var signature = key.Sign(Message(checkpointBody, timestamp));
        var raw = new byte[4 + 8 + signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(raw, key.KeyId);
        BinaryPrimitives.WriteInt64BigEndian(raw.AsSpan(4), timestamp);
        signature.CopyTo(raw, 12);
        return $"{Dash}{key.Name} {Convert.ToBase64String(raw)}\n";
    }

    /// <summary>Adds a cosignature line to a signed note (a checkpoint with the log's signature and maybe others).</summary>
    public static string Append(string signedNote, string signatureLine)
    {
        if (!signedNote.EndsWith('\n') || !signatureLine.EndsWith('\n'))
        {
            throw new ArgumentException("A signed note and a signature line each end with a newline.");
        }

        return signedNote + signatureLine;
    }

    /// <summary>
    /// The valid cosignature by <paramref name="key"/> that a signed note carries over its text, or null: a line
    /// with the key's name and id whose signature checks.
    /// </summary>
    public static Cosignature? Find(string signedNote, CosignerKey key)
    {
        var (text, signatures) = SignedNote.Parse(signedNote);
        foreach (var s in signatures.Where(s => s.Name == key.Name && s.KeyId == key.KeyId && s.Signature.Length == 8 + 64))
        {
            var timestamp = BinaryPrimitives.ReadInt64BigEndian(s.Signature);
            if (timestamp >= 0 && key.Verify(Message(text, timestamp), s.Signature.AsSpan(8)))
            {
                return new Cosignature(s.Name, s.KeyId, timestamp, s.Signature[8..]);
            }
        }

        return null;
    }
}
