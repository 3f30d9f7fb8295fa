using System.Globalization;
using System.Text;

namespace Ashyq.Core.Candidates;

/// <summary>
/// Why a row of a signature-sheet file could not be read as it stands: the row (1 = the first after the header;
/// 0 = the file itself), the field and a code. <see cref="Blocking"/> errors leave the line without a sheet and line
/// number, so the whole file is refused; the others leave a field unread, and the line is verified without it (and
/// rejected as <see cref="SignatureVerification.Incomplete"/> naming that field).
/// </summary>
public sealed record SignatureRowError(long Row, string Field, string Code, string Message, bool Blocking)
{
    public override string ToString() => $"row {Row}, {Field}: {Code} {Message}";
}

/// <summary>A file of sheets as read: its lines, and each problem by row, field and code.</summary>
public sealed record SignatureSheetFile(IReadOnlyList<SignatureLine> Lines, IReadOnlyList<SignatureRowError> Errors)
{
    /// <summary>True when a row cannot be placed on a sheet (or the header is wrong): nothing of the file is taken.</summary>
    public bool Refused => Errors.Any(e => e.Blocking);
}

/// <summary>A file that cannot be taken as a whole: each blocking problem by row, field and code.</summary>
public sealed class SignatureFileException(IReadOnlyList<SignatureRowError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Where(e => e.Blocking).Take(20)))
{
    public IReadOnlyList<SignatureRowError> Errors { get; } = errors;
}

/// <summary>
/// Reads signature sheets: UTF-8 CSV with the header
/// <c>sheet_id,line,signer_iin,surname,given_name,patronymic,birth_date,address,signed_on,collector</c> (in any
/// order). One record per line; a field may be quoted ("…", "" for a quote) to hold a comma. Dates are
/// YYYY-MM-DD or DD.MM.YYYY. Blank lines are skipped (and counted in row numbers).
/// </summary>
public static class SignatureSheetCsv
{
    public const string SheetIdColumn = "sheet_id";
    public const string LineColumn = "line";
    public const string SignerIin = "signer_iin";
    public const string Surname = "surname";
    public const string GivenName = "given_name";
    public const string Patronymic = "patronymic";
    public const string BirthDate = "birth_date";
    public const string Address = "address";
    public const string SignedOn = "signed_on";
    public const string Collector = "collector";

    public static readonly IReadOnlyList<string> Columns = [SheetIdColumn, LineColumn, SignerIin, Surname, GivenName, Patronymic, BirthDate, Address, SignedOn, Collector];

    public const string HeaderCode = "SIGCSV.HEADER";
    public const string ColumnsCode = "SIGCSV.COLUMNS";
    public const string QuoteCode = "SIGCSV.QUOTE";
    public const string SheetLineCode = "SIGCSV.SHEET-LINE";
    public const string LineTwiceCode = "SIGCSV.LINE-TWICE";
    public const string DateCode = "SIGCSV.DATE";

    public static SignatureSheetFile Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<SignatureRowError>();
        var lines = new List<SignatureLine>();
        var header = reader.ReadLine();
        if (header is null)
        {
            errors.Add(new(0, "header", HeaderCode, $"the file is empty: the first line must be the header {string.Join(',', Columns)}", true));
            return new(lines, errors);
        }

        var names = header.TrimStart('\uFEFF').Split(',').Select(n => n.Trim().Trim('"').ToLowerInvariant()).ToList();
        var index = new int[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            index[c] = names.IndexOf(Columns[c]);
            if (index[c] < 0)
            {
                errors.Add(new(0, Columns[c], HeaderCode, $"the header has no column \"{Columns[c]}\": it must name {string.Join(',', Columns)}", true));
            }
        }

        if (errors.Count > 0)
        {
            return new(lines, errors);
        }

        var seen = new Dictionary<(string, int), long>();
        var fields = new List<string>(names.Count);
        long row = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            row++;
            if (text.Length == 0)
            {
                continue;
            }

            if (!Split(text, fields))
            {
                errors.Add(new(row, "*", QuoteCode, "a quoted field is not closed on its line", true));
                continue;
            }

            if (fields.Count != names.Count)
            {
                errors.Add(new(row, "*", ColumnsCode, $"the row has {fields.Count} fields; the header has {names.Count}", true));
                continue;
            }

            string F(int column) => fields[index[column]].Trim();
            var sheet = F(0);
            if (sheet.Length == 0)
            {
                errors.Add(new(row, SheetIdColumn, SheetLineCode, "the sheet number is empty: the line cannot be placed on a sheet", true));
                continue;
            }

            if (!int.TryParse(F(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                errors.Add(new(row, LineColumn, SheetLineCode, $"\"{F(1)}\" is not a line number (1, 2, …)", true));
                continue;
            }

            if (seen.TryGetValue((sheet, number), out var first))
            {
                errors.Add(new(row, LineColumn, LineTwiceCode, $"sheet {sheet}, line {number} is already row {first} of this file", true));
                continue;
            }

            seen.Add((sheet, number), row);
            var birth = Date(F(6), row, BirthDate, errors);
            var signed = Date(F(8), row, SignedOn, errors);
            lines.Add(new SignatureLine(sheet, number, F(2), F(3), F(4), F(5), birth, F(7), signed, F(9)));
        }

        return new(lines, errors);
    }

    private static DateOnly? Date(string text, long row, string field, List<SignatureRowError> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(row, field, DateCode, $"\"{text}\" is not a date (YYYY-MM-DD or DD.MM.YYYY): the line is verified without it", false));
        return null;
    }

    /// <summary>Splits one record; false if a quote is left open.</summary>
    private static bool Split(string text, List<string> fields) => Ashyq.Core.Text.CsvLine.Split(text, fields);

    /// <summary>A field written as CSV (quoted when it holds a comma or a quote).</summary>
    public static string Escape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Writes lines as a file this reader reads.</summary>
    public static void Write(TextWriter writer, IEnumerable<SignatureLine> lines)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lines);
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        foreach (var l in lines)
        {
            writer.Write(string.Join(',',
                Escape(l.SheetId), l.Line.ToString(CultureInfo.InvariantCulture), Escape(l.SignerIin), Escape(l.Surname), Escape(l.GivenName), Escape(l.Patronymic),
                l.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Escape(l.Address),
                l.SignedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Escape(l.Collector)));
            writer.Write('\n');
        }
    }
}
