using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Ashyq.Core.Transparency;

/// <summary>
/// An Ed25519 key of the C2SP signed-note format. Its verifier key, published for everyone, is
/// <c>&lt;name&gt;+&lt;hex key id&gt;+&lt;base64(0x01 ‖ public key)&gt;</c>; the key id is the first four bytes of
/// SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). A signature line is <c>— &lt;name&gt; &lt;base64(key id ‖ signature)&gt;</c>.
/// </summary>
public sealed class NoteKey : IDisposable
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Key? _private;

    private NoteKey(string name, byte[] publicKey, Key? privateKey)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => char.IsWhiteSpace(c) || c == '+'))
        {
            throw new ArgumentException("A key name has no spaces and no '+'.", nameof(name));
        }

        Name = name;
        PublicKey = publicKey;
        _private = privateKey;
        KeyId = IdOf(name, 0x01, publicKey);
    }

    public string Name { get; }

    public byte[] PublicKey { get; }

    public uint KeyId { get; }

    public bool CanSign => _private is not null;

    /// <summary>The verifier key anyone uses to check the signatures.</summary>
    public string VerifierKey => $"{Name}+{KeyId:x8}+{Convert.ToBase64String([0x01, .. PublicKey])}";

    public static NoteKey Generate(string name)
    {
        var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new NoteKey(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), key);
    }

    /// <summary>The private key as the C2SP/Go format writes it: <c>PRIVATE+KEY+&lt;name&gt;+&lt;hex id&gt;+&lt;base64(0x01 ‖ seed)&gt;</c>.</summary>
    public string ExportPrivate()
    {
        var seed = _private?.Export(KeyBlobFormat.RawPrivateKey) ?? throw new InvalidOperationException("This key can only verify.");
        return $"PRIVATE+KEY+{Name}+{KeyId:x8}+{Convert.ToBase64String([0x01, .. seed])}";
    }

    public static NoteKey FromPrivate(string text)
    {
        var parts = text.Trim().Split('+', 5);
        if (parts.Length != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY")
        {
            throw new FormatException("Not a signed-note private key (PRIVATE+KEY+name+id+key).");
        }

        var raw = Convert.FromBase64String(parts[4]);
        if (raw.Length != 33 || raw[0] != 0x01)
        {
            throw new FormatException("Not an Ed25519 signed-note private key.");
        }

        var key = Key.Import(Ed25519, raw.AsSpan(1), KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var note = new NoteKey(parts[2], key.PublicKey.Export(KeyBlobFormat.RawPublicKey), key);
        return note.KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) == parts[3] ? note : throw new FormatException("The private key's id does not match its key.");
    }

    public static NoteKey FromVerifierKey(string text)
    {
        var parts = text.Trim().Split('+', 3);
        if (parts.Length != 3)
        {
            throw new FormatException("Not a verifier key (name+id+key).");
        }

        var raw = Convert.FromBase64String(parts[2]);
        if (raw.Length != 33 || raw[0] != 0x01)
        {
            throw new FormatException("Not an Ed25519 verifier key.");
        }

        var note = new NoteKey(parts[0], raw[1..], null);
        return note.KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) == parts[1] ? note : throw new FormatException("The verifier key's id does not match its key.");
    }

    public byte[] Sign(ReadOnlySpan<byte> message) =>
        Ed25519.Sign(_private ?? throw new InvalidOperationException("This key can only verify."), message);

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Ed25519.Verify(NSec.Cryptography.PublicKey.Import(Ed25519, PublicKey, KeyBlobFormat.RawPublicKey), message, signature);

    public void Dispose() => _private?.Dispose();

    internal static uint IdOf(string name, byte type, ReadOnlySpan<byte> publicKey)
    {
        var data = new byte[Encoding.UTF8.GetByteCount(name) + 2 + publicKey.Length];
        var n = Encoding.UTF8.GetBytes(name, data);
        data[n] = (byte)'\n';
        data[n + 1] = type;
        publicKey.CopyTo(data.AsSpan(n + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(data));
    }
}

/// <summary>A note's signature by one key: its name, key id and the signature bytes.</summary>
public sealed record NoteSignature(string Name, uint KeyId, byte[] Signature);

/// <summary>
/// A C2SP signed note: a UTF-8 text ending in a newline, a blank line, then one signature line per signer
/// (<c>— name base64(key id ‖ signature)</c>); the signature is over the text.
/// </summary>
public static class SignedNote
{
    private const string Dash = "\u2014 ";

    public static string Sign(string text, params NoteKey[] keys)
    {
        if (!text.EndsWith('\n'))
        {
            throw new ArgumentException("A note's text ends with a newline.", nameof(text));
        }

        var sb = new StringBuilder(text).Append('\n');
        var message = Encoding.UTF8.GetBytes(text);
        foreach (var key in keys)
        {
            var id = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(id, key.KeyId);
            sb.Append(Dash).Append(key.Name).Append(' ').Append(Convert.ToBase64String([.. id, .. key.Sign(message)])).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Splits a note into its text and signatures; throws <see cref="FormatException"/> for a malformed one.</summary>
    public static (string Text, IReadOnlyList<NoteSignature> Signatures) Parse(string note)
    {
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
        {
            throw new FormatException("A signed note is its text, a blank line and signature lines, each ending in a newline.");
        }

        var text = note[..(split + 1)];
        var signatures = new List<NoteSignature>();
        foreach (var line in note[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith(Dash, StringComparison.Ordinal))
            {
                throw new FormatException($"Not a signature line: \"{line}\".");
            }

            var parts = line[Dash.Length..].Split(' ');
            var raw = parts.Length == 2 ? Convert.FromBase64String(parts[1]) : throw new FormatException($"Not a signature line: \"{line}\".");
            if (raw.Length < 5)
            {
                throw new FormatException("A signature is too short.");
            }

            signatures.Add(new NoteSignature(parts[0], BinaryPrimitives.ReadUInt32BigEndian(raw), raw[4..]));
        }

        return (text, signatures);
    }

    /// <summary>The note's text if <paramref name="key"/> signed it, else null.</summary>
    public static string? Open(string note, NoteKey key)
    {
        var (text, signatures) = Parse(note);
        var message = Encoding.UTF8.GetBytes(text);
        return signatures.Any(s => s.Name == key.Name && s.KeyId == key.KeyId && key.Verify(message, s.Signature)) ? text : null;
    }
}
