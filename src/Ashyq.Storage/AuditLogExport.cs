using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ashyq.Core.Audit;
using Ashyq.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage;

/// <summary>
/// The audit log as NIST SP 1500-101 Election Event Logging JSON (<c>EventLogging.ElectionEventLog</c>, schema
/// v1-8): one device — this election management system — and each stored event in the order recorded: its catalogue
/// id, its sequence (the row's id), time, 1500-101 type, disposition, user, the catalogue's description, and as
/// <c>Details</c> a small JSON object with the commission, the subject, the detail and, for a completion, the
/// sequence of its start. Rows are read and written one at a time through <see cref="Utf8JsonWriter"/>: memory does
/// not grow with the log.
/// </summary>
public static class AuditLogExport
{
    /// <summary>How often the writer's buffer is handed to the stream.</summary>
    private const int FlushAtBytes = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Writes the whole log to <paramref name="output"/>; returns the number of events written.</summary>
    public static async Task<long> WriteAsync(AshyqDbContext db, Stream output, DateTimeOffset generatedAt, string language = "en", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var election = await db.Elections.AsNoTracking().OrderBy(e => e.Id).Select(e => e.DefinitionId).FirstOrDefaultAsync(ct);
        await using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteString("@type", "EventLogging.ElectionEventLog");
        json.WriteString("Details", "The audit log of Ashyq: every event recorded, in order. Event ids and types are documented by the catalogue Ashyq.Core.Audit.AuditEvents.");
        if (election is not null)
        {
            json.WriteString("ElectionId", election);
        }

        json.WriteString("GeneratedTime", Timestamp(generatedAt));
        json.WriteStartArray("Device");
        json.WriteStartObject();
        json.WriteString("@type", "EventLogging.Device");
        json.WriteString("Id", "ashyq" + (election is null ? "" : ":" + election));
        json.WriteString("Manufacturer", "Ashyq (open source)");
        json.WriteString("Model", "Ashyq election administration platform");
        json.WriteString("Type", "ems");
        json.WriteString("Version", ProductVersion);
        json.WriteStartArray("Event");

        long count = 0;
        var rows = db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            WriteEvent(json, row, language);
            count++;
            if (json.BytesPending >= FlushAtBytes)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return count;
    }

    private static void WriteEvent(Utf8JsonWriter json, AuditEventRow row, string language)
    {
        var member = AuditEvents.Find(row.Action);
        json.WriteStartObject();
        json.WriteString("@type", "EventLogging.Event");
        json.WriteString("Id", row.Action);
        json.WriteString("Sequence", row.Id.ToString(CultureInfo.InvariantCulture));
        json.WriteString("TimeStamp", Timestamp(row.At));
        json.WriteString("Type", member?.NistType ?? "unknown");
        var disposition = AuditDispositions.FromNist(row.Disposition);
        json.WriteString("Disposition", disposition.ToNist());
        if (disposition == AuditDisposition.Other && row.Disposition != "other")
        {
            json.WriteString("OtherDisposition", row.Disposition);
        }

        if (row.User.Length > 0)
        {
            json.WriteString("UserId", row.User);
        }

        if (member is not null)
        {
            json.WriteString("Description", member.Description.In(language));
        }

        json.WriteString("Details", Details(row));
        json.WriteEndObject();
    }

    /// <summary>The row's own fields as a compact JSON object, which 1500-101 carries as a string.</summary>
    private static string Details(AuditEventRow row)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var details = new Utf8JsonWriter(buffer, WriterOptions))
        {
            details.WriteStartObject();
            details.WriteString("commission", row.Commission);
            details.WriteString("subject", row.Subject);
            if (row.Detail is not null)
            {
                details.WriteString("detail", row.Detail);
            }

            if (row.StartEventId is { } start)
            {
                details.WriteString("start_sequence", start.ToString(CultureInfo.InvariantCulture));
            }

            details.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>RFC 3339 in UTC, as the schema's <c>date-time</c> format asks.</summary>
    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string ProductVersion =>
        typeof(AuditLogExport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
}
