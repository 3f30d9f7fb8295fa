using System.Text;

namespace Ashyq.Core.Transparency;

/// <summary>One numbered check of a verification, passed or not, with what was found.</summary>
public sealed record VerificationCheck(string Id, string Description, bool Passed, string? Detail = null);

/// <summary>All the checks of a verification and the one flag that matters.</summary>
public sealed record VerificationReport(IReadOnlyList<VerificationCheck> Checks, Checkpoint? Checkpoint)
{
    public bool AllValid => Checks.Count > 0 && Checks.All(c => c.Passed);
}

/// <summary>
/// Checks a published log from its files alone, as anyone can: the checkpoint's signature, every entry bundle and
/// hash tile, the root recomputed from the entries; and, for one record, that it is in the log at the checkpoint.
/// Reads through a delegate (a folder, a web server) so that it touches nothing of the store.
/// </summary>
public static class LogVerifier
{
    public static VerificationReport Verify(Func<string, byte[]?> read, NoteKey verifierKey, byte[]? record = null)
    {
        var checks = new List<VerificationCheck>();
        var note = read("log/checkpoint");
        if (note is null)
        {
            checks.Add(new("V1", "The log has a checkpoint", false, "log/checkpoint is missing"));
            return new VerificationReport(checks, null);
        }

        Checkpoint? checkpoint = null;
        try
        {
            checkpoint = Checkpoint.Open(Encoding.UTF8.GetString(note), verifierKey);
        }
        catch (FormatException e)
        {
            checks.Add(new("V1", "The checkpoint is signed by the log's key", false, e.Message));
            return new VerificationReport(checks, null);
        }

        checks.Add(new("V1", "The checkpoint is signed by the log's key", checkpoint is not null,
            checkpoint is null ? $"no valid signature by {verifierKey.Name}" : $"size {checkpoint.Size}"));
        if (checkpoint is null)
        {
            return new VerificationReport(checks, null);
        }

        // V2: the entries, from their bundles.
        var tree = new TreeHashes();
        var entries = new List<byte[]>();
        string? problem = null;
        for (long tile = 0; tile * Tiles.Width < checkpoint.Size && problem is null; tile++)
        {
            var width = (int)Math.Min(Tiles.Width, checkpoint.Size - tile * Tiles.Width);
            var path = "log/" + Tiles.EntryTilePath(tile, width);
            var bundle = read(path);
            if (bundle is null)
            {
                problem = $"{path} is missing";
                break;
            }

            try
            {
                var inBundle = Tiles.ReadEntryBundle(bundle);
                if (inBundle.Count != width)
                {
                    problem = $"{path} holds {inBundle.Count} entries, not {width}";
                }

                foreach (var entry in inBundle)
                {
                    entries.Add(entry);
                    tree.Append(MerkleTree.LeafHash(entry));
                }
            }
            catch (FormatException e)
            {
                problem = $"{path}: {e.Message}";
            }
        }

        checks.Add(new("V2", "Every entry of the checkpoint's tree is published", problem is null, problem ?? $"{entries.Count} entries"));

        // V3: every hash tile equals the hashes recomputed from the entries.
        problem = null;
        if (checks[^1].Passed)
        {
            foreach (var (level, index, width) in Tiles.For(checkpoint.Size))
            {
                var path = "log/" + Tiles.HashTilePath(level, index, width);
                var tile = read(path);
                if (tile is null || !tile.AsSpan().SequenceEqual(Tiles.HashTile(tree, level, index, width)))
                {
                    problem = tile is null ? $"{path} is missing" : $"{path} differs from the hashes of the entries";
                    break;
                }
            }
        }

        checks.Add(new("V3", "Every hash tile matches the entries", problem is null && checks[^1].Passed, problem));

        // V4: the root.
        var rootMatches = checks[^2].Passed && tree.Root(checkpoint.Size).AsSpan().SequenceEqual(checkpoint.Root);
        checks.Add(new("V4", "The tree of the entries has the checkpoint's root", rootMatches, Convert.ToBase64String(checkpoint.Root)));

        if (record is not null)
        {
            var leaf = MerkleTree.LeafHash(record);
            var index = entries.FindIndex(e => e.AsSpan().SequenceEqual(record));
            var included = index >= 0 && MerkleTree.VerifyInclusion(leaf, index, checkpoint.Size, tree.InclusionProof(index, checkpoint.Size), checkpoint.Root);
            checks.Add(new("V5", "The record is in the log at this checkpoint", included, index >= 0 ? $"leaf index {index}" : "no entry has these bytes"));
        }

        return new VerificationReport(checks, checkpoint);
    }
}
