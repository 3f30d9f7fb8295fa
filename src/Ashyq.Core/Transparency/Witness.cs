using System.Text;

namespace Ashyq.Core.Transparency;

/// <summary>What a witness did with a checkpoint: cosigned it, or refused it.</summary>
public abstract record WitnessResult;

/// <summary>
/// The checkpoint is signed by the log and consistent with everything the witness saw before: here is the
/// cosignature line, and the log's signed checkpoint with it appended (what the witness remembers and publishes).
/// </summary>
public sealed record WitnessCosigned(Checkpoint Checkpoint, Cosignature Cosignature, string SignatureLine, string CosignedNote) : WitnessResult;

/// <summary>The witness refuses the checkpoint: a stable code (WITNESS.*) and what it found.</summary>
public sealed record WitnessRefusal(string Code, string Reason) : WitnessResult;

/// <summary>
/// A transparency log witness (C2SP tlog-witness semantics, tlog-cosignature v1 signatures): it remembers the last
/// checkpoint it cosigned, and cosigns a new one only if the log signed it and a consistency proof shows the
/// remembered tree is a prefix of the new one. A log that forks, rewrites or shrinks is refused, and the
/// witness's memory is not moved by a refusal. Pure: the caller reads the log and keeps the state.
/// </summary>
public sealed class Witness(NoteKey logKey, CosignerKey key, TimeProvider time)
{
    public const string Malformed = "WITNESS.MALFORMED";
    public const string BadSignature = "WITNESS.BAD-SIGNATURE";
    public const string WrongOrigin = "WITNESS.WRONG-ORIGIN";
    public const string Shrunk = "WITNESS.SHRUNK";
    public const string SameSizeDifferentRoot = "WITNESS.SAME-SIZE-DIFFERENT-ROOT";
    public const string Inconsistent = "WITNESS.INCONSISTENT";
    public const string NoCheckpoint = "WITNESS.NO-CHECKPOINT";
    public const string BadTiles = "WITNESS.BAD-TILES";

    public CosignerKey Key => key;

    /// <summary>
    /// Cosigns <paramref name="signedCheckpoint"/> if the log's key signed it and <paramref name="consistencyProof"/>
    /// proves that <paramref name="previous"/> (the last checkpoint this witness cosigned; null if none) is a prefix of it.
    /// </summary>
    public WitnessResult Cosign(Checkpoint? previous, string signedCheckpoint, IReadOnlyList<byte[]> consistencyProof)
    {
        var (opened, refusal) = Open(signedCheckpoint);
        if (refusal is not null)
        {
            return refusal;
        }

        var checkpoint = opened!;

        if (previous is not null)
        {
            if (previous.Origin != checkpoint.Origin)
            {
                return new WitnessRefusal(WrongOrigin, $"The witness follows the log \"{previous.Origin}\", not \"{checkpoint.Origin}\".");
            }

            if (checkpoint.Size < previous.Size)
            {
                return new WitnessRefusal(Shrunk, $"The log shrank: this witness cosigned size {previous.Size}, the log now shows size {checkpoint.Size}.");
            }

            if (checkpoint.Size == previous.Size && !checkpoint.Root.AsSpan().SequenceEqual(previous.Root))
            {
                return new WitnessRefusal(SameSizeDifferentRoot,
                    $"The log shows two different trees of size {checkpoint.Size}: root {Convert.ToBase64String(previous.Root)} cosigned before, {Convert.ToBase64String(checkpoint.Root)} now. The log forked or was rewritten.");
            }

            if (!MerkleTree.VerifyConsistency(previous.Size, checkpoint.Size, consistencyProof, previous.Root, checkpoint.Root))
            {
                return new WitnessRefusal(Inconsistent,
                    $"The tree of size {checkpoint.Size} does not extend the tree of size {previous.Size} this witness cosigned (root {Convert.ToBase64String(previous.Root)}): the log forked or rewrote its history.");
            }
        }

        var line = Cosignature.Sign(key, checkpoint.Body, time.GetUtcNow());
        var cosigned = Cosignature.Append(signedCheckpoint, line);
        return new WitnessCosigned(checkpoint, Cosignature.Find(cosigned, key)!, line, cosigned);
    }

    /// <summary>
    /// Observes a log through <paramref name="read"/> (paths like <c>log/checkpoint</c>; null for a file that is
    /// not there): takes its checkpoint, computes the consistency proof itself from the new tree's level-0 hash
    /// tiles (checking that they hash to the checkpoint's root, so nothing the log says is taken on trust), and
    /// cosigns or refuses as <see cref="Cosign"/> does.
    /// </summary>
    public async Task<WitnessResult> ObserveAsync(Func<string, CancellationToken, Task<byte[]?>> read, Checkpoint? previous, CancellationToken ct)
    {
        var bytes = await read("log/checkpoint", ct);
        if (bytes is null)
        {
            return new WitnessRefusal(NoCheckpoint, "The log publishes no log/checkpoint.");
        }

        var note = Encoding.UTF8.GetString(bytes);
        var (checkpoint, refusal) = Open(note);
        if (refusal is not null)
        {
            return refusal;
        }

        IReadOnlyList<byte[]> proof = [];
        if (previous is not null && previous.Origin == checkpoint!.Origin && previous.Size > 0 && checkpoint.Size > previous.Size)
        {
            var (tree, problem) = await TreeFromTilesAsync(read, checkpoint, ct);
            if (tree is null)
            {
                return new WitnessRefusal(BadTiles, problem!);
            }

            proof = tree.ConsistencyProof(previous.Size, checkpoint.Size);
        }

        return Cosign(previous, note, proof);
    }

    /// <summary>The last checkpoint a witness cosigned, from its state (the cosigned note it wrote), checking its own cosignature on it.</summary>
    public Checkpoint ReadState(string state)
    {
        var checkpoint = Checkpoint.Parse(SignedNote.Parse(state).Text);
        return Cosignature.Find(state, key) is not null
            ? checkpoint
            : throw new FormatException($"The witness state is not a checkpoint cosigned by {key.Name}.");
    }

    /// <summary>Where a portal publishes a witness's cosigned checkpoint: <c>log/cosignatures/&lt;escaped name&gt;</c>.</summary>
    public static string CosignaturePath(string witnessName) => "log/cosignatures/" + Uri.EscapeDataString(witnessName);

    private (Checkpoint? Checkpoint, WitnessRefusal? Refusal) Open(string signedCheckpoint)
    {
        try
        {
            var text = SignedNote.Open(signedCheckpoint, logKey);
            if (text is null)
            {
                return (null, new WitnessRefusal(BadSignature, $"The checkpoint carries no valid signature by the log's key {logKey.Name}+{logKey.KeyId:x8}."));
            }

            var checkpoint = Checkpoint.Parse(text);
            return checkpoint.Origin == logKey.Name
                ? (checkpoint, null)
                : (null, new WitnessRefusal(WrongOrigin, $"The checkpoint's origin \"{checkpoint.Origin}\" is not the log's \"{logKey.Name}\"."));
        }
        catch (FormatException e)
        {
            return (null, new WitnessRefusal(Malformed, "The checkpoint is not a signed checkpoint: " + e.Message));
        }
    }

    /// <summary>The tree of the checkpoint's size from the level-0 hash tiles, if they hash to the checkpoint's root.</summary>
    private static async Task<(TreeHashes? Tree, string? Problem)> TreeFromTilesAsync(Func<string, CancellationToken, Task<byte[]?>> read, Checkpoint checkpoint, CancellationToken ct)
    {
        var tree = new TreeHashes();
        for (long index = 0; index * Tiles.Width < checkpoint.Size; index++)
        {
            var width = (int)Math.Min(Tiles.Width, checkpoint.Size - index * Tiles.Width);
            var path = "log/" + Tiles.HashTilePath(0, index, width);
            var tile = await read(path, ct);
            if (tile is null && width < Tiles.Width && await read("log/" + Tiles.HashTilePath(0, index, Tiles.Width), ct) is { Length: Tiles.Width * MerkleTree.HashSize } full)
            {
                tile = full[..(width * MerkleTree.HashSize)];
            }

            if (tile is null || tile.Length != width * MerkleTree.HashSize)
            {
                return (null, tile is null ? $"The tile {path} is missing." : $"The tile {path} holds {tile.Length} bytes, not {width * MerkleTree.HashSize}.");
            }

            for (var i = 0; i < width; i++)
            {
                tree.Append(tile[(i * MerkleTree.HashSize)..((i + 1) * MerkleTree.HashSize)]);
            }
        }

        return tree.Root(checkpoint.Size).AsSpan().SequenceEqual(checkpoint.Root)
            ? (tree, null)
            : (null, $"The log's level-0 tiles do not hash to its checkpoint's root for size {checkpoint.Size}.");
    }
}
