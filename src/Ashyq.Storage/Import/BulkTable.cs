using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Ashyq.Storage.Import;

/// <summary>The type of a column written by <see cref="BulkTable"/>.</summary>
public enum BulkType
{
    Integer,
    BigInt,
    Text,
    Boolean,
    Timestamp,

    /// <summary>An array of bigints: bigint[] on PostgreSQL, a JSON array (as EF Core maps a primitive collection) on SQLite.</summary>
    BigIntArray,
}

/// <summary>
/// Rows written into one table by the provider's bulk path, inside the context's current transaction: binary COPY
/// on PostgreSQL, one prepared INSERT re-bound per row on SQLite (as <c>VoterBulkWriter</c> does). A row is
/// <see cref="Row"/> followed by one <c>Add</c> per column, in the order of the columns given.
/// </summary>
public abstract class BulkTable : IAsyncDisposable
{
    private protected BulkTable(int columns) => Columns = columns;

    protected int Columns { get; }

    public long Rows { get; protected set; }

    /// <summary>Starts writing <paramref name="table"/>; the context must be in a transaction.</summary>
    public static async Task<BulkTable> BeginAsync(AshyqDbContext db, string table, IReadOnlyList<(string Name, BulkType Type)> columns, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk rows are written inside a transaction: begin one on the context first.");
        var names = string.Join(", ", columns.Select(c => "\"" + c.Name + "\""));
        if (db.Kind == StoreKind.Postgres)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            if (connection.State != ConnectionState.Open)
            {
                await connection.OpenAsync(ct);
            }

            var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", ct);
            importer.Timeout = TimeSpan.FromMinutes(30);
            return new PostgresBulkTable(importer, [.. columns.Select(c => c.Type)]);
        }

        var insert = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction;
        insert.CommandText = $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((c, i) => insert.Parameters.Add("$p" + i, c.Type switch
        {
            BulkType.Text or BulkType.Timestamp or BulkType.BigIntArray => SqliteType.Text,
            _ => SqliteType.Integer,
        })).ToArray();
        insert.Prepare();
        return new SqliteBulkTable(insert, parameters);
    }

    /// <summary>Starts the next row.</summary>
    public abstract void Row();

    public abstract void Add(int value);

    public abstract void Add(long value);

    public abstract void Add(string? value);

    public abstract void Add(bool value);

    public abstract void Add(DateTimeOffset value);

    public abstract void Add(long[] values);

    public abstract void AddNull();

    /// <summary>Writes the last row and ends the table; the rows are then part of the transaction.</summary>
    public abstract Task<long> CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteBulkTable(SqliteCommand insert, SqliteParameter[] parameters) : BulkTable(parameters.Length)
    {
        private int _column = -1;

        public override void Row()
        {
            Flush();
            _column = 0;
        }

        public override void Add(int value) => parameters[_column++].Value = value;

        public override void Add(long value) => parameters[_column++].Value = value;

        public override void Add(string? value) => parameters[_column++].Value = (object?)value ?? DBNull.Value;

        public override void Add(bool value) => parameters[_column++].Value = value ? 1 : 0;

        public override void Add(DateTimeOffset value) => parameters[_column++].Value = value;

        public override void Add(long[] values) => parameters[_column++].Value = "[" + string.Join(",", values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

        public override void AddNull() => parameters[_column++].Value = DBNull.Value;

        public override Task<long> CompleteAsync(CancellationToken ct)
        {
            Flush();
            _column = -1;
            return Task.FromResult(Rows);
        }

        public override ValueTask DisposeAsync() => insert.DisposeAsync();

        private void Flush()
        {
            if (_column < 0)
            {
                return;
            }

            if (_column != Columns)
            {
                throw new InvalidOperationException($"A row of {Columns} columns was given {_column} values.");
            }

            insert.ExecuteNonQuery();
            Rows++;
        }
    }

    private sealed class PostgresBulkTable(NpgsqlBinaryImporter importer, BulkType[] types) : BulkTable(types.Length)
    {
        public override void Row()
        {
            importer.StartRow();
            Rows++;
        }

        public override void Add(int value) => importer.Write(value, NpgsqlDbType.Integer);

        public override void Add(long value) => importer.Write(value, NpgsqlDbType.Bigint);

        public override void Add(string? value)
        {
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(value, NpgsqlDbType.Text);
            }
        }

        public override void Add(bool value) => importer.Write(value, NpgsqlDbType.Boolean);

        public override void Add(DateTimeOffset value) => importer.Write(value.ToUniversalTime(), NpgsqlDbType.TimestampTz);

        public override void Add(long[] values) => importer.Write(values, NpgsqlDbType.Array | NpgsqlDbType.Bigint);

        public override void AddNull() => importer.WriteNull();

        public override async Task<long> CompleteAsync(CancellationToken ct)
        {
            await importer.CompleteAsync(ct);
            return Rows;
        }

        public override ValueTask DisposeAsync() => importer.DisposeAsync();
    }
}
