using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Ashyq.Core.Transparency;

/// <summary>
/// The C2SP tlog-tiles layout: tiles of height 8 (256 hashes), at level L holding the hashes of the tree's level
/// 8·L; paths <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> for hashes and <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c> for the
/// entries themselves, N written in groups of three digits, all but the last prefixed with x.
/// </summary>
public static class Tiles
{
    public const int Height = 8;
    public const int Width = 1 << Height;

    /// <summary>Encodes a tile index: 1234067 → x001/x234/067.</summary>
    public static string IndexPath(long n)
    {
        var groups = new List<string>();
        do
        {
            groups.Insert(0, (n % 1000).ToString("D3", CultureInfo.InvariantCulture));
            n /= 1000;
        }
        while (n > 0);
        for (var i = 0; i < groups.Count - 1; i++)
        {
            groups[i] = "x" + groups[i];
        }

        return string.Join("/", groups);
    }

    public static string HashTilePath(int level, long index, int width) =>
        $"tile/{level}/{IndexPath(index)}{(width == Width ? "" : ".p/" + width.ToString(CultureInfo.InvariantCulture))}";

    public static string EntryTilePath(long index, int width) =>
        $"tile/entries/{IndexPath(index)}{(width == Width ? "" : ".p/" + width.ToString(CultureInfo.InvariantCulture))}";

    /// <summary>The tiles (level, index, width) that a tree of <paramref name="size"/> leaves has: full ones and the partial right edge.</summary>
    public static IEnumerable<(int Level, long Index, int Width)> For(long size)
    {
        for (var level = 0; ; level++)
        {
            var hashes = size >> (Height * level);
            if (hashes == 0)
            {
                yield break;
            }

            for (long n = 0; n * Width < hashes; n++)
            {
                yield return (level, n, (int)Math.Min(Width, hashes - n * Width));
            }
        }
    }

    /// <summary>The bytes of a hash tile: its hashes, concatenated.</summary>
    public static byte[] HashTile(TreeHashes tree, int level, long index, int width)
    {
        var bytes = new byte[width * MerkleTree.HashSize];
        for (var i = 0; i < width; i++)
        {
            tree.Stored(level * Height, index * Width + i).CopyTo(bytes, i * MerkleTree.HashSize);
        }

        return bytes;
    }

    /// <summary>An entry bundle: each entry prefixed by its length as two big-endian bytes (so at most 65,535 bytes).</summary>
    public static byte[] EntryBundle(IEnumerable<byte[]> entries)
    {
        using var stream = new MemoryStream();
        Span<byte> length = stackalloc byte[2];
        foreach (var entry in entries)
        {
            if (entry.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"An entry of {entry.Length} bytes does not fit a tile (at most 65,535).", nameof(entries));
            }

            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)entry.Length);
            stream.Write(length);
            stream.Write(entry);
        }

        return stream.ToArray();
    }

    /// <summary>Reads an entry bundle back into its entries.</summary>
    public static IReadOnlyList<byte[]> ReadEntryBundle(ReadOnlySpan<byte> bundle)
    {
        var entries = new List<byte[]>();
        while (bundle.Length > 0)
        {
            if (bundle.Length < 2)
            {
                throw new FormatException("An entry bundle ends inside a length prefix.");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bundle);
            if (bundle.Length < 2 + length)
            {
                throw new FormatException("An entry bundle ends inside an entry.");
            }

            entries.Add(bundle.Slice(2, length).ToArray());
            bundle = bundle[(2 + length)..];
        }

        return entries;
    }

    internal static string Describe(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
