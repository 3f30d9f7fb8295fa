using System.Data;
using Ashyq.Core.Candidates;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Ashyq.Storage.Signatures;

/// <summary>
/// Writes a batch's checks by the provider's bulk path inside the context's current transaction (binary COPY on
/// PostgreSQL, one prepared INSERT re-bound per row on SQLite): half a million rows through EF change tracking
/// would cost most of the verification's time.
/// </summary>
internal static class SignatureCheckWriter
{
    private const string Columns = "batch_id, nominee_number, sheet_id, line, signer_iin, signed_on, tec, outcome, code, message_kk, message_ru, message_en, flags";

    public static async Task WriteAsync(AshyqDbContext db, int batchId, int nominee, IReadOnlyList<SignatureOutcome> outcomes, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Checks are written inside a transaction: begin one on the context first.");
        if (db.Kind == StoreKind.Postgres)
        {
            await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), batchId, nominee, outcomes, ct);
        }
        else
        {
            Insert((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction, batchId, nominee, outcomes, ct);
        }
    }

    public static bool IsUniqueViolation(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } || e is SqliteException { SqliteErrorCode: 19 }
        || (e.InnerException is { } inner && IsUniqueViolation(inner));

    private static string? FlagsOf(SignatureOutcome o) => o.Flags.Count == 0 ? null : string.Join(',', o.Flags);

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, int batchId, int nominee, IReadOnlyList<SignatureOutcome> outcomes, CancellationToken ct)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO signature_checks ({Columns}) VALUES ($batch, $nominee, $sheet, $line, $iin, $signed, $tec, $outcome, $code, $kk, $ru, $en, $flags)";
        var batch = insert.Parameters.Add("$batch", SqliteType.Integer);
        var nomineeParameter = insert.Parameters.Add("$nominee", SqliteType.Integer);
        var sheet = insert.Parameters.Add("$sheet", SqliteType.Text);
        var line = insert.Parameters.Add("$line", SqliteType.Integer);
        var iin = insert.Parameters.Add("$iin", SqliteType.Integer);
        var signed = insert.Parameters.Add("$signed", SqliteType.Text);
        var tec = insert.Parameters.Add("$tec", SqliteType.Text);
        var outcome = insert.Parameters.Add("$outcome", SqliteType.Text);
        var code = insert.Parameters.Add("$code", SqliteType.Text);
        var kk = insert.Parameters.Add("$kk", SqliteType.Text);
        var ru = insert.Parameters.Add("$ru", SqliteType.Text);
        var en = insert.Parameters.Add("$en", SqliteType.Text);
        var flags = insert.Parameters.Add("$flags", SqliteType.Text);
        insert.Prepare();
        batch.Value = batchId;
        nomineeParameter.Value = nominee;
        var n = 0;
        foreach (var o in outcomes)
        {
            sheet.Value = o.Line.SheetId;
            line.Value = o.Line.Line;
            iin.Value = o.Signer is { } s ? s.Value : DBNull.Value;
            signed.Value = o.Line.SignedOn is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
            tec.Value = (object?)o.Unit ?? DBNull.Value;
            outcome.Value = o.Valid ? SignatureStore.Valid : SignatureStore.Rejected;
            code.Value = (object?)o.Rejection?.Code ?? DBNull.Value;
            kk.Value = (object?)o.Rejection?.Reason.Kk ?? DBNull.Value;
            ru.Value = (object?)o.Rejection?.Reason.Ru ?? DBNull.Value;
            en.Value = (object?)o.Rejection?.Reason.En ?? DBNull.Value;
            flags.Value = (object?)FlagsOf(o) ?? DBNull.Value;
            insert.ExecuteNonQuery();
            if (++n % 50_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, int batchId, int nominee, IReadOnlyList<SignatureOutcome> outcomes, CancellationToken ct)
    {
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        await using var importer = await connection.BeginBinaryImportAsync($"COPY signature_checks ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        importer.Timeout = TimeSpan.FromMinutes(10);
        foreach (var o in outcomes)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(batchId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(nominee, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(o.Line.SheetId, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(o.Line.Line, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(importer, o.Signer?.Value, NpgsqlDbType.Bigint, ct);
            await WriteNullableAsync(importer, o.Line.SignedOn, NpgsqlDbType.Date, ct);
            await WriteNullableAsync(importer, o.Unit, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(o.Valid ? SignatureStore.Valid : SignatureStore.Rejected, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(importer, o.Rejection?.Code, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(importer, o.Rejection?.Reason.Kk, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(importer, o.Rejection?.Reason.Ru, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(importer, o.Rejection?.Reason.En, NpgsqlDbType.Text, ct);
            await WriteNullableAsync(importer, FlagsOf(o), NpgsqlDbType.Text, ct);
        }

        await importer.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, type, ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, long? value, NpgsqlDbType type, CancellationToken ct) =>
        value is { } v ? importer.WriteAsync(v, type, ct) : importer.WriteNullAsync(ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, DateOnly? value, NpgsqlDbType type, CancellationToken ct) =>
        value is { } v ? importer.WriteAsync(v, type, ct) : importer.WriteNullAsync(ct);
}
