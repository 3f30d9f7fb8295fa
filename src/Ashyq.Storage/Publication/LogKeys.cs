using Ashyq.Core.Transparency;

namespace Ashyq.Storage.Publication;

/// <summary>
/// The log's Ed25519 signing key: made once for the election, kept in a file only its owner can read
/// (mode 0600), never published; its verifier key is published beside the log.
/// </summary>
public static class LogKeys
{
    public static string OriginOf(string electionId) => $"ashyq/{electionId}";

    /// <summary>The key file beside a SQLite store, or in the working folder for a server store.</summary>
    public static string DefaultPath(Store store) => store.Kind == StoreKind.Sqlite
        ? Path.Combine(Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource)!, "ashyq-log.key")
        : Path.GetFullPath("ashyq-log.key");

    public static NoteKey LoadOrCreate(string path, string origin)
    {
        if (File.Exists(path))
        {
            var key = NoteKey.FromPrivate(File.ReadAllText(path));
            return key.Name == origin ? key : throw new InvalidOperationException($"The key in {path} signs the log \"{key.Name}\", not \"{origin}\".");
        }

        var created = NoteKey.Generate(origin);
        CreateOwnerOnly(path, created.ExportPrivate() + "\n");
        return created;
    }

    /// <summary>Writes a new file that only its owner can read and write (mode 0600 on Unix): for private keys.</summary>
    public static void CreateOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        using var writer = new StreamWriter(file);
        writer.Write(text);
    }
}
