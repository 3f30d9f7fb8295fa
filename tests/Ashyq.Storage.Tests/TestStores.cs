using Ashyq.Storage;
using Npgsql;

namespace Ashyq.Storage.Tests;

/// <summary>
/// Fresh, real stores for a test: a SQLite file in a temporary folder, or a new database on the PostgreSQL server
/// that test.sh starts (its connection string in ASHYQ_TEST_POSTGRES).
/// </summary>
public static class TestStores
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Both => new(Sqlite, Postgres);

    public static string? PostgresServer => Environment.GetEnvironmentVariable("ASHYQ_TEST_POSTGRES");

    public static async Task<Store> CreateAsync(string kind)
    {
        if (kind == Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("ashyq-test-");
            return Store.Parse(Path.Combine(folder.FullName, "ashyq.db"));
        }

        var server = PostgresServer;
        if (string.IsNullOrEmpty(server))
        {
            Assert.Skip("ASHYQ_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a PostgreSQL server.");
        }

        var name = "ashyq_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return Store.Parse(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }
}
