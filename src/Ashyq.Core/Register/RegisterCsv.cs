using System.Globalization;

namespace Ashyq.Core.Register;

/// <summary>One row of an akimat's list: the voter it describes, or why it was refused.</summary>
/// <remarks><paramref name="Rejected"/> is the voter of a row refused only as a second use of an IIN in the file.</remarks>
public readonly record struct RegisterRow(long Row, Voter? Voter, IReadOnlyList<RegisterRowError>? Errors, Voter? Rejected = null);

/// <summary>What a row is checked against: the precincts that exist, and the day a voter's age is judged on.</summary>
public sealed record RegisterRules(IReadOnlySet<string> Precincts, DateOnly VotingDay, int MinimumAge, DateOnly AsOf);

/// <summary>
/// Reads an akimat's voter list: UTF-8 CSV with the header
/// <c>source_id,iin,surname,given_name,patronymic,birth_date,gender,address,precinct</c> (in any order). A record
/// is one line: a field may be quoted ("…", with "" for a quote) to hold a comma, not a line break, so a broken
/// quote costs one row, never the rows after it. Every row is checked on its own and in the file (an IIN twice);
/// rows are numbered from 1 after the header, counting blank lines, which are skipped.
/// </summary>
public sealed class RegisterCsv
{
    public static readonly string[] Columns = ["source_id", "iin", "surname", "given_name", "patronymic", "birth_date", "gender", "address", "precinct"];

    private const int SourceId = 0, IinColumn = 1, Surname = 2, Given = 3, Patronymic = 4, BirthDate = 5, GenderColumn = 6, Address = 7, Precinct = 8;

    private readonly TextReader _reader;
    private readonly RegisterRules _rules;
    private readonly int[] _index = new int[Columns.Length];
    private readonly int _fieldCount;
    private readonly Dictionary<long, long> _seen = [];
    private readonly DateOnly _youngestBirthDate;
    private long _row;

    public RegisterCsv(TextReader reader, RegisterRules rules)
    {
        _reader = reader;
        _rules = rules;
        _youngestBirthDate = rules.VotingDay.AddYears(-rules.MinimumAge);
        var header = reader.ReadLine() ?? throw new RegisterFileException(new(0, "header", RegisterCodes.CsvHeader, "the file is empty: the first line must be the header " + string.Join(',', Columns)));
        var names = header.TrimStart('\uFEFF').Split(',').Select(n => n.Trim().Trim('"').ToLowerInvariant()).ToList();
        _fieldCount = names.Count;
        for (var c = 0; c < Columns.Length; c++)
        {
            _index[c] = names.IndexOf(Columns[c]);
            if (_index[c] < 0)
            {
                throw new RegisterFileException(new(0, Columns[c], RegisterCodes.CsvHeader, $"the header has no column \"{Columns[c]}\": it must name {string.Join(',', Columns)}"));
            }
        }
    }

    /// <summary>The rows, each parsed and checked as it is read.</summary>
    public IEnumerable<RegisterRow> Rows()
    {
        var fields = new string[Math.Max(_fieldCount, Columns.Length)];
        string? line;
        while ((line = _reader.ReadLine()) is not null)
        {
            _row++;
            if (line.Length == 0)
            {
                continue;
            }

            yield return Check(line, fields);
        }
    }

    private RegisterRow Check(string line, string[] fields)
    {
        List<RegisterRowError>? errors = null;
        void Fail(string field, string code, string message) => (errors ??= []).Add(new(_row, field, code, message));

        if (line.Contains('\uFFFD', StringComparison.Ordinal))
        {
            Fail("*", RegisterCodes.CsvEncoding, "the row is not valid UTF-8 (a byte sequence could not be read as text)");
            return new(_row, null, errors);
        }

        var count = Split(line, fields, out var quoteError);
        if (quoteError is not null)
        {
            Fail("*", RegisterCodes.CsvQuote, quoteError);
            return new(_row, null, errors);
        }

        if (count != _fieldCount)
        {
            Fail("*", RegisterCodes.CsvColumns, $"the row has {count} fields; the header has {_fieldCount}");
            return new(_row, null, errors);
        }

        string F(int column) => fields[_index[column]].Trim();

        var sourceId = F(SourceId);
        var iinText = F(IinColumn);
        var surname = F(Surname);
        var given = F(Given);
        var patronymic = F(Patronymic);
        var birthText = F(BirthDate);
        var genderText = F(GenderColumn);
        var address = F(Address);
        var precinct = F(Precinct);

        foreach (var (column, value) in new[] { (SourceId, sourceId), (IinColumn, iinText), (Surname, surname), (Given, given), (BirthDate, birthText), (GenderColumn, genderText), (Address, address), (Precinct, precinct) })
        {
            if (value.Length == 0)
            {
                Fail(Columns[column], RegisterCodes.Required, $"{Columns[column]} is empty");
            }
        }

        foreach (var (column, value) in new[] { (Surname, surname), (Given, given), (Patronymic, patronymic) })
        {
            if (value.Length > 0 && !IsName(value))
            {
                Fail(Columns[column], RegisterCodes.NameCharacters, $"{Columns[column]} \"{value}\" holds characters a name does not (digits, symbols), or is longer than 100 characters");
            }
        }

        Iin? iin = null;
        if (iinText.Length > 0)
        {
            if (Iin.TryParse(iinText, out var parsed, out var problem))
            {
                iin = parsed;
            }
            else
            {
                Fail("iin", problem.Code, $"\"{iinText}\": {problem.Description}");
            }
        }

        DateOnly? birth = null;
        if (birthText.Length > 0)
        {
            if (TryIsoDate(birthText, out var b) || DateOnly.TryParseExact(birthText, ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out b))
            {
                birth = b;
            }
            else
            {
                Fail("birth_date", RegisterCodes.BirthDateFormat, $"\"{birthText}\" is not a date (YYYY-MM-DD or DD.MM.YYYY)");
            }
        }

        Gender? gender = null;
        if (genderText.Length > 0)
        {
            gender = ParseGender(genderText);
            if (gender is null)
            {
                Fail("gender", RegisterCodes.GenderValue, $"\"{genderText}\" is not a gender (M or F; Е or Ә; М or Ж)");
            }
        }

        if (iin is { } i && birth is { } d)
        {
            if (i.BirthDate != d)
            {
                Fail("birth_date", RegisterCodes.IinBirthDateMismatch, $"{d:yyyy-MM-dd} is not the birth date the IIN encodes ({i.BirthDate:yyyy-MM-dd})");
            }
            else if (d > _youngestBirthDate)
            {
                Fail("birth_date", RegisterCodes.Under18, $"born {d:yyyy-MM-dd}: under {_rules.MinimumAge} on voting day {_rules.VotingDay:yyyy-MM-dd}");
            }
        }

        if (iin is { } i2 && gender is { } g && i2.Gender != g)
        {
            Fail("gender", RegisterCodes.IinGenderMismatch, $"{g} is not the gender the IIN encodes ({i2.Gender})");
        }

        if (precinct.Length > 0 && !_rules.Precincts.Contains(precinct))
        {
            Fail("precinct", RegisterCodes.UnknownPrecinct, $"\"{precinct}\" is not the code of a precinct commission");
        }

        if (errors is null && iin is { } unique)
        {
            if (_seen.TryGetValue(unique.Value, out var first))
            {
                Fail("iin", RegisterCodes.DuplicateIin, $"{unique} is already in row {first} of this file");
            }
            else
            {
                _seen.Add(unique.Value, _row);
            }
        }

        if (errors is not null)
        {
            var duplicate = errors.Count == 1 && errors[0].Code == RegisterCodes.DuplicateIin
                ? new Voter(iin!.Value, surname, given, patronymic, gender!.Value, precinct, address) { SourceId = sourceId, RegisteredOn = _rules.AsOf }
                : null;
            return new(_row, null, errors, duplicate);
        }

        return new(_row, new Voter(iin!.Value, surname, given, patronymic, gender!.Value, precinct, address) { SourceId = sourceId, RegisteredOn = _rules.AsOf }, null);
    }

    /// <summary>The common case, YYYY-MM-DD, without the general parser.</summary>
    private static bool TryIsoDate(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var y = 0;
        var m = 0;
        var d = 0;
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }

            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            if (i < 4)
            {
                y = y * 10 + digit;
            }
            else if (i < 7)
            {
                m = m * 10 + digit;
            }
            else
            {
                d = d * 10 + digit;
            }
        }

        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool IsName(string value)
    {
        if (value.Length > 100)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsLetter(c) && c is not ('-' or ' ' or '\'' or '’' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    public static Gender? ParseGender(string text) => text.ToUpperInvariant() switch
    {
        "M" or "MALE" or "1" or "Е" or "ЕР" or "М" or "МУЖ" => Gender.Male,
        "F" or "FEMALE" or "2" or "Ә" or "ӘЙЕЛ" or "Ж" or "ЖЕН" => Gender.Female,
        _ => null,
    };

    /// <summary>Splits one line into fields; a quote error is named, not thrown.</summary>
    private static int Split(string line, string[] fields, out string? error)
    {
        error = null;
        var count = 0;
        var i = 0;
        while (true)
        {
            string value;
            if (i < line.Length && line[i] == '"')
            {
                var sb = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    var q = line.IndexOf('"', i);
                    if (q < 0)
                    {
                        error = $"the quoted field {count + 1} is not closed on its line";
                        return count;
                    }

                    sb.Append(line, i, q - i);
                    if (q + 1 < line.Length && line[q + 1] == '"')
                    {
                        sb.Append('"');
                        i = q + 2;
                        continue;
                    }

                    i = q + 1;
                    break;
                }

                if (i < line.Length && line[i] != ',')
                {
                    error = $"the quoted field {count + 1} is followed by \"{line[i]}\" instead of a comma";
                    return count;
                }

                value = sb.ToString();
            }
            else
            {
                var comma = line.IndexOf(',', i);
                var end = comma < 0 ? line.Length : comma;
                value = line[i..end];
                i = end;
            }

            if (count < fields.Length)
            {
                fields[count] = value;
            }

            count++;
            if (i >= line.Length)
            {
                return count;
            }

            i++; // the comma
        }
    }
}
