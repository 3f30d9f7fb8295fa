using System.Security.Cryptography;

namespace Ashyq.Core.Transparency;

/// <summary>
/// RFC 6962 Merkle tree hashing: a leaf is SHA-256(0x00 ‖ entry), a node SHA-256(0x01 ‖ left ‖ right); the tree of
/// n leaves splits at the largest power of two below n. Roots, inclusion proofs and consistency proofs over leaf
/// hashes, and their verification (RFC 6962 §2.1.1–2.1.2; RFC 9162 §2.1.3–2.1.4 for the verification algorithms).
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var buffer = new byte[entry.Length + 1];
        entry.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * HashSize];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The root of the first <paramref name="size"/> leaves (the hash of the empty string for none).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves, long size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, leaves.Count);
        return size == 0 ? SHA256.HashData([]) : Subtree(leaves, 0, size);
    }

    /// <summary>The hashes proving that leaf <paramref name="index"/> is in the tree of <paramref name="size"/> leaves.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leaves, long index, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var proof = new List<byte[]>();
        Path(leaves, index, 0, size, proof);
        return proof;
    }

    /// <summary>The hashes proving that the tree of <paramref name="oldSize"/> leaves is a prefix of the one of <paramref name="newSize"/>.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leaves, long oldSize, long newSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        var proof = new List<byte[]>();
        if (oldSize > 0 && oldSize < newSize)
        {
            SubProof(leaves, oldSize, 0, newSize, true, proof);
        }

        return proof;
    }

    /// <summary>Checks an inclusion proof (RFC 9162 §2.1.3.2).</summary>
    public static bool VerifyInclusion(ReadOnlySpan<byte> leafHash, long index, long size, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size)
        {
            return false;
        }

        long fn = index, sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = NodeHash(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>Checks a consistency proof between two roots (RFC 9162 §2.1.4.2).</summary>
    public static bool VerifyConsistency(long oldSize, long newSize, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot)
    {
        if (oldSize > newSize)
        {
            return false;
        }

        if (oldSize == newSize)
        {
            return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        }

        if (oldSize == 0)
        {
            return proof.Count == 0;
        }

        if (proof.Count == 0)
        {
            return false;
        }

        var path = new List<byte[]>(proof);
        if ((oldSize & (oldSize - 1)) == 0)
        {
            path.Insert(0, oldRoot.ToArray());
        }

        long fn = oldSize - 1, sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2).</summary>
    internal static long Split(long n)
    {
        long k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, long start, long end)
    {
        if (end - start == 1)
        {
            return leaves[(int)start];
        }

        var k = Split(end - start);
        return NodeHash(Subtree(leaves, start, start + k), Subtree(leaves, start + k, end));
    }

    private static void Path(IReadOnlyList<byte[]> leaves, long index, long start, long end, List<byte[]> proof)
    {
        if (end - start <= 1)
        {
            return;
        }

        var k = Split(end - start);
        if (index < start + k)
        {
            Path(leaves, index, start, start + k, proof);
            proof.Add(Subtree(leaves, start + k, end));
        }
        else
        {
            Path(leaves, index, start + k, end, proof);
            proof.Add(Subtree(leaves, start, start + k));
        }
    }

    private static void SubProof(IReadOnlyList<byte[]> leaves, long m, long start, long end, bool whole, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!whole)
            {
                proof.Add(Subtree(leaves, start, end));
            }

            return;
        }

        var k = Split(n);
        if (m <= k)
        {
            SubProof(leaves, m, start, start + k, whole, proof);
            proof.Add(Subtree(leaves, start + k, end));
        }
        else
        {
            SubProof(leaves, m - k, start + k, end, false, proof);
            proof.Add(Subtree(leaves, start, start + k));
        }
    }
}
