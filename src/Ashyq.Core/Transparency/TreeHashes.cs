namespace Ashyq.Core.Transparency;

/// <summary>
/// The hashes of an append-only Merkle tree kept level by level: level 0 holds the leaf hashes, level h the hash
/// of every complete subtree of 2^h leaves. Appending a leaf adds one hash per completed level; roots and proofs
/// for any size read O(log² n) stored hashes; tiles (C2SP tlog-tiles) are slices of the levels 8·L.
/// </summary>
public sealed class TreeHashes
{
    private readonly List<List<byte[]>> _levels = [[]];

    public long Size => _levels[0].Count;

    public void Append(byte[] leafHash)
    {
        if (leafHash.Length != MerkleTree.HashSize)
        {
            throw new ArgumentException("A leaf hash is 32 bytes.", nameof(leafHash));
        }

        _levels[0].Add(leafHash);
        var index = _levels[0].Count - 1;
        for (var level = 0; (index & 1) == 1; level++)
        {
            if (_levels.Count == level + 1)
            {
                _levels.Add([]);
            }

            var left = _levels[level][index - 1];
            var right = _levels[level][index];
            _levels[level + 1].Add(MerkleTree.NodeHash(left, right));
            index >>= 1;
        }
    }

    /// <summary>The stored hash of the complete subtree of 2^level leaves at position <paramref name="index"/>.</summary>
    public byte[] Stored(int level, long index) => _levels[level][(int)index];

    /// <summary>How many complete subtrees of 2^level leaves the tree holds.</summary>
    public long StoredCount(int level) => level < _levels.Count ? _levels[level].Count : 0;

    public byte[] Root(long size) => size == 0 ? System.Security.Cryptography.SHA256.HashData([]) : Range(0, size);

    public IReadOnlyList<byte[]> InclusionProof(long index, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        var proof = new List<byte[]>();
        long start = 0, end = size;
        var stack = new Stack<byte[]>();
        while (end - start > 1)
        {
            var k = MerkleTree.Split(end - start);
            if (index < start + k)
            {
                stack.Push(Range(start + k, end));
                end = start + k;
            }
            else
            {
                stack.Push(Range(start, start + k));
                start += k;
            }
        }

        proof.AddRange(stack);
        return proof;
    }

    public IReadOnlyList<byte[]> ConsistencyProof(long oldSize, long newSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newSize, Size);
        var proof = new List<byte[]>();
        if (oldSize == 0 || oldSize == newSize)
        {
            return proof;
        }

        var stack = new Stack<byte[]>();
        long m = oldSize, start = 0, end = newSize;
        var whole = true;
        while (true)
        {
            var n = end - start;
            if (m == n)
            {
                if (!whole)
                {
                    stack.Push(Range(start, end));
                }

                break;
            }

            var k = MerkleTree.Split(n);
            if (m <= k)
            {
                stack.Push(Range(start + k, end));
                end = start + k;
            }
            else
            {
                stack.Push(Range(start, start + k));
                m -= k;
                start += k;
                whole = false;
            }
        }

        proof.AddRange(stack);
        return proof;
    }

    /// <summary>The hash of leaves [start, end) as RFC 6962 defines the subtree, from stored complete subtrees.</summary>
    private byte[] Range(long start, long end)
    {
        var n = end - start;
        if ((n & (n - 1)) == 0 && start % n == 0)
        {
            var level = System.Numerics.BitOperations.Log2((ulong)n);
            return _levels[level][(int)(start >> level)];
        }

        var k = MerkleTree.Split(n);
        return MerkleTree.NodeHash(Range(start, start + k), Range(start + k, end));
    }
}
