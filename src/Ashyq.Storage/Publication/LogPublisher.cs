using System.Globalization;
using System.Text;
using Ashyq.Core.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Publication;

/// <summary>
/// Writes the transparency log and the records it holds as static files that any web server can serve as they
/// are: <c>log/checkpoint</c> (a signed note), <c>log/vkey</c>, <c>log/tile/…</c> and <c>log/tile/entries/…</c>
/// (C2SP tlog-tiles), and each record at <c>records/&lt;kind&gt;/&lt;subject&gt;/v&lt;version&gt;.json</c> with its leaf
/// index beside it. It catches up from where it stopped: only new entries are read, only touched tiles written,
/// every file written whole (to a temporary name, then renamed) and the checkpoint last.
/// </summary>
public sealed class LogPublisher(string directory, NoteKey key)
{
    private readonly TreeHashes _tree = new();
    private readonly List<byte[]> _openBundle = [];

    public string Directory { get; } = Path.GetFullPath(directory);

    public long Size => _tree.Size;

    public TreeHashes Tree => _tree;

    /// <summary>Publishes every entry appended since the last call; returns how many.</summary>
    public async Task<int> CatchUpAsync(AshyqDbContext db, CancellationToken ct)
    {
        var from = _tree.Size;
        var added = 0;
        await foreach (var entry in db.LogEntries.AsNoTracking().Where(e => e.Index >= from).OrderBy(e => e.Index).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Index != _tree.Size)
            {
                throw new InvalidOperationException($"The log skips from {_tree.Size} to {entry.Index}: the store is inconsistent.");
            }

            var leaf = MerkleTree.LeafHash(entry.Record);
            if (!leaf.AsSpan().SequenceEqual(entry.LeafHash))
            {
                throw new InvalidOperationException($"Log entry {entry.Index}'s stored leaf hash is not the hash of its record.");
            }

            _tree.Append(leaf);
            _openBundle.Add(entry.Record);
            var recordPath = $"records/{entry.Kind}/{entry.Subject}/v{entry.Version.ToString(CultureInfo.InvariantCulture)}";
            Write(recordPath + ".json", entry.Record);
            Write(recordPath + ".index", Encoding.ASCII.GetBytes(entry.Index.ToString(CultureInfo.InvariantCulture) + "\n"));
            if (_openBundle.Count == Tiles.Width)
            {
                Write(Tiles.EntryTilePath((_tree.Size - 1) / Tiles.Width, Tiles.Width), Tiles.EntryBundle(_openBundle));
                _openBundle.Clear();
            }

            added++;
        }

        if (added == 0 && File.Exists(Path.Combine(Directory, "log", "checkpoint")))
        {
            return 0;
        }

        var size = _tree.Size;
        if (_openBundle.Count > 0)
        {
            Write(Tiles.EntryTilePath(size / Tiles.Width, _openBundle.Count), Tiles.EntryBundle(_openBundle));
        }

        foreach (var (level, index, width) in Tiles.For(size))
        {
            var firstTouched = (from >> (Tiles.Height * level)) / Tiles.Width;
            if (index >= firstTouched)
            {
                Write(Tiles.HashTilePath(level, index, width), Tiles.HashTile(_tree, level, index, width));
            }
        }

        Write("log/vkey", Encoding.UTF8.GetBytes(key.VerifierKey + "\n"));
        var checkpoint = new Checkpoint(key.Name, size, _tree.Root(size));
        Write("log/checkpoint", Encoding.UTF8.GetBytes(SignedNote.Sign(checkpoint.Body, key)));
        return added;
    }

    private void Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(Directory, relative.StartsWith("tile/", StringComparison.Ordinal) ? "log/" + relative : relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
