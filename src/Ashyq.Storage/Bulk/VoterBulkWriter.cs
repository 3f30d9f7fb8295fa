using System.Data;
using Ashyq.Core.Register;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Ashyq.Storage.Bulk;

/// <summary>
/// Writes voters by the provider's bulk path, inside the context's current transaction: binary COPY on
/// PostgreSQL, one prepared INSERT re-bound per row on SQLite. EF change tracking is not used: at 9 million rows
/// it would cost gigabytes.
/// </summary>
public static class VoterBulkWriter
{
    public static async Task<long> WriteAsync(
        AshyqDbContext db,
        IEnumerable<Voter> voters,
        IReadOnlyDictionary<string, int> precinctIds,
        Action<long>? progress,
        CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Voters are written inside a transaction: begin one on the context first.");

        // Into an empty register, the indexes (and PostgreSQL's foreign key) are built once after the load, in the
        // same transaction: one sort instead of nine million random index insertions. The constraints hold all the
        // same: the unique index on IIN is created over the loaded rows, and fails the load if two share an IIN.
        var firstLoad = !await db.Voters.AnyAsync(cancellationToken);
        if (firstLoad)
        {
            foreach (var sql in DropConstraints(db.Kind))
            {
                await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            }
        }

        var written = db.Kind == StoreKind.Postgres
            ? await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), voters, precinctIds, progress, cancellationToken)
            : Insert((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction, voters, precinctIds, progress, cancellationToken);

        if (firstLoad)
        {
            foreach (var sql in CreateConstraints(db.Kind))
            {
                await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            }
        }

        return written;
    }

    // The names and definitions are those of the migrations (AshyqDbContext: ux_voters_iin, ix_voters_precinct_id).
    private static string[] DropConstraints(StoreKind kind) => kind == StoreKind.Postgres
        ? ["ALTER TABLE voters DROP CONSTRAINT \"FK_voters_commissions_precinct_id\"", "DROP INDEX ux_voters_iin", "DROP INDEX ix_voters_precinct_id"]
        : ["DROP INDEX ux_voters_iin", "DROP INDEX ix_voters_precinct_id"];

    private static string[] CreateConstraints(StoreKind kind) => kind == StoreKind.Postgres
        ?
        [
            "CREATE UNIQUE INDEX ux_voters_iin ON voters (iin)",
            "CREATE INDEX ix_voters_precinct_id ON voters (precinct_id)",
            "ALTER TABLE voters ADD CONSTRAINT \"FK_voters_commissions_precinct_id\" FOREIGN KEY (precinct_id) REFERENCES commissions (id) ON DELETE RESTRICT",
        ]
        : ["CREATE UNIQUE INDEX ux_voters_iin ON voters (iin)", "CREATE INDEX ix_voters_precinct_id ON voters (precinct_id)"];

    private static long Insert(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IEnumerable<Voter> voters,
        IReadOnlyDictionary<string, int> precinctIds,
        Action<long>? progress,
        CancellationToken cancellationToken)
    {
        using (var pragma = connection.CreateCommand())
        {
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size = -262144;"; // 256 MiB of page cache for building the indexes
            pragma.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO voters (iin, surname, given_name, patronymic, birth_date, gender, precinct_id, address, source_id, registered_on) "
            + "VALUES ($iin, $surname, $given, $patronymic, $birth, $gender, $precinct, $address, $source, $registered)";
        var iin = insert.Parameters.Add("$iin", SqliteType.Integer);
        var surname = insert.Parameters.Add("$surname", SqliteType.Text);
        var given = insert.Parameters.Add("$given", SqliteType.Text);
        var patronymic = insert.Parameters.Add("$patronymic", SqliteType.Text);
        var birth = insert.Parameters.Add("$birth", SqliteType.Text);
        var gender = insert.Parameters.Add("$gender", SqliteType.Integer);
        var precinct = insert.Parameters.Add("$precinct", SqliteType.Integer);
        var address = insert.Parameters.Add("$address", SqliteType.Text);
        var source = insert.Parameters.Add("$source", SqliteType.Text);
        var registered = insert.Parameters.Add("$registered", SqliteType.Text);
        insert.Prepare();

        long written = 0;
        foreach (var voter in voters)
        {
            iin.Value = voter.Iin.Value;
            surname.Value = voter.Surname;
            given.Value = voter.GivenName;
            patronymic.Value = voter.Patronymic;
            birth.Value = voter.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            gender.Value = (int)voter.Gender;
            precinct.Value = precinctIds[voter.PrecinctCode];
            address.Value = voter.Address;
            source.Value = (object?)voter.SourceId ?? DBNull.Value;
            registered.Value = voter.RegisteredOn is { } on ? on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
            insert.ExecuteNonQuery();
            if (++written % 50_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(written);
            }
        }

        progress?.Invoke(written);
        return written;
    }

    private static async Task<long> CopyAsync(
        NpgsqlConnection connection,
        IEnumerable<Voter> voters,
        IReadOnlyDictionary<string, int> precinctIds,
        Action<long>? progress,
        CancellationToken cancellationToken)
    {
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY voters (iin, surname, given_name, patronymic, birth_date, gender, precinct_id, address, source_id, registered_on) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        importer.Timeout = TimeSpan.FromMinutes(30);
        long written = 0;
        foreach (var voter in voters)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(voter.Iin.Value, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(voter.Surname, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(voter.GivenName, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(voter.Patronymic, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(voter.BirthDate, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync((int)voter.Gender, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(precinctIds[voter.PrecinctCode], NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(voter.Address, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, voter.SourceId, NpgsqlDbType.Text, cancellationToken);
            if (voter.RegisteredOn is { } on)
            {
                await importer.WriteAsync(on, NpgsqlDbType.Date, cancellationToken);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken);
            }

            if (++written % 50_000 == 0)
            {
                progress?.Invoke(written);
            }
        }

        await importer.CompleteAsync(cancellationToken);
        progress?.Invoke(written);
        return written;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, type, cancellationToken);
        }
    }
}
