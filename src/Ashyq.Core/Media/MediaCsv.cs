using System.Globalization;
using System.Text;

namespace Ashyq.Core.Media;

/// <summary>One item as a monitor wrote it, every field as text: a row of the CSV or the entry form.</summary>
public sealed record MediaEntry(
    string Outlet,
    string? OutletKind,
    string AiredAt,
    string Programme,
    string Kind,
    string Subject,
    string Seconds,
    string Tone,
    string Monitor);

/// <summary>What a monitoring file yields: the items of the rows that passed, and every error of the rows that did not.</summary>
public sealed record MediaCsvResult(long Rows, IReadOnlyList<MediaItem> Items, IReadOnlyList<MediaRowError> Errors);

/// <summary>
/// Reads a monitoring file: UTF-8 CSV with the header <c>outlet,aired_at,programme,kind,subject,seconds,tone,monitor</c>
/// (in any order; an optional <c>outlet_kind</c> column says <c>tv</c>, <c>radio</c>, <c>print</c> or
/// <c>online</c>, <c>tv</c> if absent). A record is one line; a field may be quoted ("…", "" for a quote). Rows are
/// numbered from 1 after the header; blank lines are skipped but counted. <c>aired_at</c> is ISO 8601
/// (<c>2011-03-14T20:00</c>), in the election's time zone unless it carries an offset; <c>seconds</c> is the
/// duration, or for print the area in cm².
/// </summary>
public static class MediaCsv
{
    public static readonly IReadOnlyList<string> Columns = ["outlet", "aired_at", "programme", "kind", "subject", "seconds", "tone", "monitor"];

    public const string OutletKindColumn = "outlet_kind";

    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    private static readonly string[] OffsetFormats =
        ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    /// <summary>Reads every row of <paramref name="reader"/>; a bad header is one error of row 0 and no items.</summary>
    public static MediaCsvResult Read(TextReader reader, CandidateDirectory candidates, TimeZoneInfo zone)
    {
        var errors = new List<MediaRowError>();
        var items = new List<MediaItem>();
        var header = reader.ReadLine();
        if (header is null)
        {
            return new(0, [], [new(0, "header", MediaCodes.CsvHeader, "the file is empty: the first line must be the header " + string.Join(',', Columns))]);
        }

        var names = header.TrimStart('\uFEFF').Split(',').Select(n => n.Trim().Trim('"').ToLowerInvariant()).ToList();
        var index = new int[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            index[c] = names.IndexOf(Columns[c]);
            if (index[c] < 0)
            {
                errors.Add(new(0, Columns[c], MediaCodes.CsvHeader, $"the header has no column \"{Columns[c]}\": it must name {string.Join(',', Columns)}"));
            }
        }

        if (errors.Count > 0)
        {
            return new(0, [], errors);
        }

        var kindIndex = names.IndexOf(OutletKindColumn);
        long row = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            row++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = Split(line, out var quoteError);
            if (quoteError)
            {
                errors.Add(new(row, "*", MediaCodes.CsvQuote, "a quoted field is not closed on this line"));
                continue;
            }

            if (fields.Count != names.Count)
            {
                errors.Add(new(row, "*", MediaCodes.CsvColumns, $"the row has {fields.Count} fields, the header {names.Count}"));
                continue;
            }

            var entry = new MediaEntry(
                fields[index[0]], kindIndex < 0 ? null : fields[kindIndex], fields[index[1]], fields[index[2]], fields[index[3]],
                fields[index[4]], fields[index[5]], fields[index[6]], fields[index[7]]);
            var (item, rowErrors) = Check(row, entry, candidates, zone);
            if (item is not null)
            {
                items.Add(item);
            }

            errors.AddRange(rowErrors);
        }

        if (row == 0 || (items.Count == 0 && errors.Count == 0))
        {
            errors.Add(new(0, "*", MediaCodes.Empty, "the file has a header but no items"));
        }

        return new(row, items, errors);
    }

    /// <summary>Checks one entry (a row or the form): the item, or every error of it.</summary>
    public static (MediaItem? Item, IReadOnlyList<MediaRowError> Errors) Check(long row, MediaEntry entry, CandidateDirectory candidates, TimeZoneInfo zone)
    {
        var errors = new List<MediaRowError>();
        void Fail(string field, string code, string message) => errors.Add(new(row, field, code, message));

        var outlet = entry.Outlet.Trim();
        var programme = entry.Programme.Trim();
        var subject = entry.Subject.Trim();
        var monitor = entry.Monitor.Trim();
        foreach (var (field, value) in new[] { ("outlet", outlet), ("programme", programme), ("subject", subject), ("monitor", monitor) })
        {
            if (value.Length == 0)
            {
                Fail(field, MediaCodes.Required, $"\"{field}\" is empty");
            }
        }

        var outletKind = OutletKind.Television;
        if (!string.IsNullOrWhiteSpace(entry.OutletKind) && !MediaVocabulary.TryOutletKind(entry.OutletKind, out outletKind))
        {
            Fail(OutletKindColumn, MediaCodes.OutletKind, $"\"{entry.OutletKind}\" is not an outlet kind: {string.Join(", ", MediaVocabulary.OutletKinds)}");
        }

        var airedAt = ParseAiredAt(entry.AiredAt.Trim(), zone);
        if (airedAt is null)
        {
            Fail("aired_at", MediaCodes.AiredAt, $"\"{entry.AiredAt}\" is not a date and time such as 2011-03-14T20:00");
        }

        if (!MediaVocabulary.TryKind(entry.Kind, out var kind))
        {
            Fail("kind", MediaCodes.Kind, $"\"{entry.Kind}\" is not a kind: {string.Join(", ", MediaVocabulary.Kinds)}");
        }

        if (!int.TryParse(entry.Seconds.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            Fail("seconds", MediaCodes.Amount, $"\"{entry.Seconds}\" is not a positive whole number of seconds (of cm² for print)");
        }

        if (!MediaVocabulary.TryTone(entry.Tone, out var tone))
        {
            Fail("tone", MediaCodes.Tone, $"\"{entry.Tone}\" is not a tone: {string.Join(", ", MediaVocabulary.Tones)}");
        }

        var code = subject.Length == 0 ? null : candidates.CodeOf(subject);
        if (subject.Length > 0 && code is null && kind == CoverageKind.FreeAirtime && errors.All(e => e.Field != "kind"))
        {
            Fail("subject", MediaCodes.NotACandidate, $"free airtime is given to registered candidates only; \"{subject}\" is not one");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new MediaItem(outlet, outletKind, airedAt!.Value, programme, kind, code is null ? subject : candidates.NameOf(code, "kk"), code, amount, tone, monitor), []);
    }

    /// <summary>An ISO 8601 date and time; without an offset it is read in <paramref name="zone"/>.</summary>
    public static DateTimeOffset? ParseAiredAt(string text, TimeZoneInfo zone)
    {
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
        {
            return withOffset;
        }

        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        return null;
    }

    /// <summary>Splits a line at commas outside quotes; <paramref name="quoteError"/> when a quote is not closed.</summary>
    internal static List<string> Split(string line, out bool quoteError)
    {
        var fields = new List<string>();
        quoteError = !Ashyq.Core.Text.CsvLine.Split(line, fields);
        return fields;
    }
}
