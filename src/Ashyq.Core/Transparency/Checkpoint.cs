using System.Globalization;

namespace Ashyq.Core.Transparency;

/// <summary>
/// A C2SP tlog-checkpoint: the log's origin line, its size, and the base64 root hash, each on its own line; signed
/// as a note by the log's key (and cosigned by witnesses).
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] Root)
{
    public string Body => $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(Root)}\n";

    public static Checkpoint Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[0].Length == 0
            || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new FormatException("A checkpoint is an origin, a tree size and a root hash, one per line.");
        }

        var root = Convert.FromBase64String(lines[2]);
        return root.Length == MerkleTree.HashSize ? new Checkpoint(lines[0], size, root) : throw new FormatException("A checkpoint's root hash is 32 bytes.");
    }

    /// <summary>The checkpoint a signed note carries, if <paramref name="key"/> signed it; null otherwise.</summary>
    public static Checkpoint? Open(string signedNote, NoteKey key) =>
        SignedNote.Open(signedNote, key) is { } text ? Parse(text) : null;
}
