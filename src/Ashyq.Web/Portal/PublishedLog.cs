using System.Globalization;
using System.Text;
using Ashyq.Core.Transparency;
using Ashyq.Web.Publication;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Portal;

/// <summary>Where a record stands in the published log: at which leaf, under which checkpoint, proved or not.</summary>
public sealed record LogInclusion(bool Included, long? Index, long? CheckpointSize, string? Problem);

/// <summary>
/// The published folder as a visitor's own verifier would read it: the record files with their leaf index, and
/// the log itself — the checkpoint checked against <c>log/vkey</c> (no private key is needed), the tree rebuilt
/// from the entry bundles and checked against the checkpoint's root, and a record's inclusion proved with
/// <see cref="MerkleTree.VerifyInclusion"/>. The rebuilt tree is kept until the checkpoint changes.
/// </summary>
public sealed class PublishedLog(IServiceProvider services)
{
    private readonly Lock _gate = new();
    private LogState? _state;

    private sealed record LogState(string Note, Checkpoint Checkpoint, TreeHashes Tree, Dictionary<string, long> IndexByLeaf);

    /// <summary>The published folder, or null when this host does not publish.</summary>
    public string? Directory => services.GetService<PublishSettings>() is { } settings ? Path.GetFullPath(settings.Directory) : null;

    public bool Enabled => Directory is not null;

    /// <summary>The URL of a published protocol record, when the host publishes and the file is there.</summary>
    public string? RecordUrl(string precinct, int version) =>
        RecordPath(precinct, version, ".json") is { } path && File.Exists(path)
            ? $"/public/records/protocol/{Uri.EscapeDataString(precinct)}/v{version.ToString(CultureInfo.InvariantCulture)}.json"
            : null;

    /// <summary>The leaf index the publisher wrote beside the record, if any.</summary>
    public long? LeafIndex(string precinct, int version)
    {
        if (RecordPath(precinct, version, ".index") is not { } path || !File.Exists(path))
        {
            return null;
        }

        return long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    /// <summary>Proves that <paramref name="record"/> (its exact bytes) is in the published log at its current checkpoint.</summary>
    public LogInclusion Verify(byte[] record)
    {
        if (Directory is null)
        {
            return new LogInclusion(false, null, null, "not-published");
        }

        LogState state;
        try
        {
            var loaded = Load();
            if (loaded.State is null)
            {
                return new LogInclusion(false, null, null, loaded.Problem);
            }

            state = loaded.State;
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return new LogInclusion(false, null, null, e.Message);
        }

        var leaf = MerkleTree.LeafHash(record);
        if (!state.IndexByLeaf.TryGetValue(Convert.ToHexString(leaf), out var index))
        {
            return new LogInclusion(false, null, state.Checkpoint.Size, "not-in-log");
        }

        var size = state.Checkpoint.Size;
        var proof = state.Tree.InclusionProof(index, size);
        var included = MerkleTree.VerifyInclusion(leaf, index, size, proof, state.Checkpoint.Root);
        return new LogInclusion(included, index, size, included ? null : "proof-failed");
    }

    private (LogState? State, string? Problem) Load()
    {
        var note = Read("log/checkpoint");
        var vkey = Read("log/vkey");
        if (note is null || vkey is null)
        {
            return (null, "no-checkpoint");
        }

        var text = Encoding.UTF8.GetString(note);
        lock (_gate)
        {
            if (_state is { } cached && cached.Note == text)
            {
                return (cached, null);
            }
        }

        Checkpoint? checkpoint;
        try
        {
            using var key = NoteKey.FromVerifierKey(Encoding.UTF8.GetString(vkey).Trim());
            checkpoint = Checkpoint.Open(text, key);
        }
        catch (FormatException)
        {
            checkpoint = null;
        }

        if (checkpoint is null)
        {
            return (null, "bad-checkpoint");
        }

        var tree = new TreeHashes();
        var index = new Dictionary<string, long>();
        for (long tile = 0; tile * Tiles.Width < checkpoint.Size; tile++)
        {
            var width = (int)Math.Min(Tiles.Width, checkpoint.Size - (tile * Tiles.Width));
            var bundle = Read("log/" + Tiles.EntryTilePath(tile, width));
            if (bundle is null)
            {
                return (null, "missing-tile");
            }

            foreach (var entry in Tiles.ReadEntryBundle(bundle).Take(width))
            {
                var leaf = MerkleTree.LeafHash(entry);
                index.TryAdd(Convert.ToHexString(leaf), tree.Size);
                tree.Append(leaf);
            }
        }

        if (tree.Size != checkpoint.Size || !tree.Root(checkpoint.Size).AsSpan().SequenceEqual(checkpoint.Root))
        {
            return (null, "root-mismatch");
        }

        var state = new LogState(text, checkpoint, tree, index);
        lock (_gate)
        {
            _state = state;
        }

        return (state, null);
    }

    private byte[]? Read(string relative)
    {
        if (Directory is not { } directory)
        {
            return null;
        }

        var path = Path.Combine(directory, relative);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>The record's file, only for a code made of letters, digits and dashes (never a path of the visitor's making).</summary>
    private string? RecordPath(string precinct, int version, string extension) =>
        Directory is { } directory && precinct.Length is > 0 and <= 64 && precinct.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? Path.Combine(directory, "records", "protocol", precinct, "v" + version.ToString(CultureInfo.InvariantCulture) + extension)
            : null;
}
