using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ashyq.Storage;

/// <summary>
/// Where the election is stored: a SQLite file (the embedded default, in WAL mode) or a PostgreSQL server,
/// named the way the <c>--db</c> option names it: a file path, or a connection string with <c>Host=</c>.
/// </summary>
public sealed class Store
{
    private Store(StoreKind kind, string connectionString, string display)
    {
        Kind = kind;
        ConnectionString = connectionString;
        Display = display;
    }

    public StoreKind Kind { get; }

    public string ConnectionString { get; }

    /// <summary>The store as a person would name it, without a password.</summary>
    public string Display { get; }

    public static Store Parse(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        if (db.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(db);
            }
            catch (ArgumentException e)
            {
                throw new StoreUnavailableException($"\"{db}\" is not a PostgreSQL connection string: {e.Message}", e);
            }

            builder.IncludeErrorDetail = true;
            if (!db.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase) && !db.Contains("CommandTimeout", StringComparison.OrdinalIgnoreCase))
            {
                builder.CommandTimeout = 600; // index builds after a national bulk load take minutes, not seconds
            }

            var display = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
            return new Store(StoreKind.Postgres, builder.ConnectionString, display);
        }

        var path = Path.GetFullPath(db);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 60 };
        return new Store(StoreKind.Sqlite, sqlite.ConnectionString, "SQLite " + path);
    }

    public AshyqDbContext CreateContext() => Kind switch
    {
        StoreKind.Sqlite => new SqliteAshyqDbContext(new DbContextOptionsBuilder<SqliteAshyqDbContext>()
            .UseSqlite(ConnectionString, o => o.CommandTimeout(600)).Options),
        _ => new PostgresAshyqDbContext(new DbContextOptionsBuilder<PostgresAshyqDbContext>()
            .UseNpgsql(ConnectionString, o => o.CommandTimeout(600)).Options),
    };

    /// <summary>Opens the store, creating or upgrading its schema; a store that cannot be reached is a clear error.</summary>
    public async Task<AshyqDbContext> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (Kind == StoreKind.Sqlite)
        {
            var directory = Path.GetDirectoryName(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
            {
                throw new StoreUnavailableException($"Cannot create the SQLite store: the folder {directory} does not exist.");
            }
        }

        var db = CreateContext();
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (Kind == StoreKind.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            return db;
        }
        catch (Exception e) when (e is DbException or SocketException or TimeoutException or InvalidOperationException && e.InnerException is DbException or SocketException)
        {
            await db.DisposeAsync();
            throw new StoreUnavailableException($"Cannot open the store ({Display}): {Describe(e)}", e);
        }
    }

    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null && inner is not SocketException)
        {
            inner = inner.InnerException;
        }

        return inner.Message;
    }
}

/// <summary>The store cannot be opened or reached; its message is for the user, without a stack trace.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
