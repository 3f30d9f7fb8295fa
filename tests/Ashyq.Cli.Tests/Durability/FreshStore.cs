using Ashyq.Tests;
using Ashyq.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ashyq.Cli.Tests.Durability;

/// <summary>
/// A fresh store for one test, as the storage tests make them: a SQLite file in a new temporary folder, or a new
/// database on the PostgreSQL server named by ASHYQ_TEST_POSTGRES (skipped without it). Removed when disposed.
/// </summary>
internal sealed class FreshStore : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _folder;
    private readonly string? _server;
    private readonly string? _database;

    private FreshStore(string db, string? folder, string? server, string? database)
    {
        Db = db;
        _folder = folder;
        _server = server;
        _database = database;
    }

    /// <summary>The store as <c>--db</c> names it: a file path or a connection string.</summary>
    public string Db { get; }

    public Store Store => Store.Parse(Db);

    public static async Task<FreshStore> CreateAsync(string kind, CancellationToken ct)
    {
        if (kind == Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("ashyq-durability-").FullName;
            return new FreshStore(Path.Combine(folder, "ashyq.db"), folder, null, null);
        }

        var server = Prerequisite.Postgres();

        var name = "ashyq_kill_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        return new FreshStore(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, server, name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_folder is not null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(_folder, recursive: true);
            }
            else if (_server is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(_server);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NpgsqlException)
        {
            // Leftovers of a temporary store are not the test's failure.
        }
    }
}
