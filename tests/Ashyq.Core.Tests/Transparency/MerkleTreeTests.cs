using System.Text;
using Ashyq.Core.Transparency;

namespace Ashyq.Core.Tests.Transparency;

public class MerkleTreeTests
{
    // The RFC 6962 test data used by the certificate-transparency implementations.
    private static readonly byte[][] Entries =
    [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    private static string Hex(byte[] b) => Convert.ToHexString(b).ToLowerInvariant();

    [Fact]
    public void TheRootsOfTheRfc6962TestData_AreTheKnownOnes()
    {
        var leaves = Entries.Select(e => MerkleTree.LeafHash(e)).ToList();

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex(MerkleTree.Root(leaves, 0)));
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Hex(MerkleTree.Root(leaves, 1)));
        Assert.Equal("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125", Hex(MerkleTree.Root(leaves, 2)));
        Assert.Equal("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", Hex(MerkleTree.Root(leaves, 8)));
    }

    [Fact]
    public void StoredLevels_GiveTheSameRootsAndProofsAsTheDefinition_AndEveryProofVerifies()
    {
        var leaves = Enumerable.Range(0, 70).Select(i => MerkleTree.LeafHash(Encoding.UTF8.GetBytes($"record {i}"))).ToList();
        var tree = new TreeHashes();
        foreach (var leaf in leaves)
        {
            tree.Append(leaf);
        }

        for (var size = 1; size <= leaves.Count; size++)
        {
            var root = MerkleTree.Root(leaves, size);
            Assert.Equal(root, tree.Root(size));
            for (var index = 0; index < size; index++)
            {
                var proof = tree.InclusionProof(index, size);
                Assert.Equal(MerkleTree.InclusionProof(leaves, index, size), proof);
                Assert.True(MerkleTree.VerifyInclusion(leaves[index], index, size, proof, root));
                Assert.False(MerkleTree.VerifyInclusion(leaves[(index + 1) % size == index ? 0 : (index + 1) % size], index, size, proof, root) && size > 1);
            }

            for (var old = 1; old <= size; old++)
            {
                var proof = tree.ConsistencyProof(old, size);
                Assert.Equal(MerkleTree.ConsistencyProof(leaves, old, size), proof);
                Assert.True(MerkleTree.VerifyConsistency(old, size, proof, MerkleTree.Root(leaves, old), root), $"{old} → {size}");
            }
        }
    }

    [Fact]
    public void AChangedLeafOrAForkedTree_FailsVerification()
    {
        var leaves = Enumerable.Range(0, 20).Select(i => MerkleTree.LeafHash([(byte)i])).ToList();
        var forked = leaves.ToList();
        forked[5] = MerkleTree.LeafHash([99]);

        var proof = MerkleTree.ConsistencyProof(forked, 10, 20);

        Assert.False(MerkleTree.VerifyConsistency(10, 20, proof, MerkleTree.Root(leaves, 10), MerkleTree.Root(forked, 20)));
        Assert.False(MerkleTree.VerifyInclusion(forked[5], 5, 20, MerkleTree.InclusionProof(leaves, 5, 20), MerkleTree.Root(leaves, 20)));
        Assert.False(MerkleTree.VerifyConsistency(20, 10, [], MerkleTree.Root(leaves, 20), MerkleTree.Root(leaves, 10)));
    }

    [Fact]
    public void TilePaths_FollowTheC2spLayout()
    {
        Assert.Equal("tile/0/000", Tiles.HashTilePath(0, 0, 256));
        Assert.Equal("tile/0/x001/x234/067", Tiles.HashTilePath(0, 1234067, 256));
        Assert.Equal("tile/1/005.p/17", Tiles.HashTilePath(1, 5, 17));
        Assert.Equal("tile/entries/x001/000.p/3", Tiles.EntryTilePath(1000, 3));
        Assert.Equal([(0, 0L, 256), (0, 1L, 256), (0, 2L, 88), (1, 0L, 2)], Tiles.For(600));
    }

    [Fact]
    public void EntryBundles_RoundTrip_AndRefuseOversizedEntries()
    {
        byte[][] entries = [[1, 2, 3], [], new byte[300]];

        var bundle = Tiles.EntryBundle(entries);

        Assert.Equal(2 + 3 + 2 + 0 + 2 + 300, bundle.Length);
        Assert.Equal(entries, Tiles.ReadEntryBundle(bundle));
        Assert.Throws<ArgumentException>(() => Tiles.EntryBundle([new byte[70_000]]));
    }
}
