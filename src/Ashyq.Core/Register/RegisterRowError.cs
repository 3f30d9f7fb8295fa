namespace Ashyq.Core.Register;

/// <summary>
/// Why a row of an akimat's voter list was not accepted: its row (1 = the first row after the header; 0 = the file
/// itself), the field and the register's error code, with a sentence for the person who sent the file.
/// </summary>
public sealed record RegisterRowError(long Row, string Field, string Code, string Message)
{
    public override string ToString() => $"row {Row}, {Field}: {Code} {Message}";
}

/// <summary>The register's error codes, each with a test that triggers it.</summary>
public static class RegisterCodes
{
    public const string CsvHeader = "REG.CSV-HEADER";
    public const string CsvColumns = "REG.CSV-COLUMNS";
    public const string CsvQuote = "REG.CSV-QUOTE";
    public const string CsvEncoding = "REG.CSV-ENCODING";
    public const string Required = "REG.REQUIRED";
    public const string NameCharacters = "REG.NAME-CHARACTERS";
    public const string IinFormat = "REG.IIN-FORMAT";
    public const string IinBirthDate = "REG.IIN-BIRTHDATE";
    public const string IinChecksum = "REG.IIN-CHECKSUM";
    public const string BirthDateFormat = "REG.BIRTHDATE-FORMAT";
    public const string IinBirthDateMismatch = "REG.IIN-BIRTHDATE-MISMATCH";
    public const string GenderValue = "REG.GENDER";
    public const string IinGenderMismatch = "REG.IIN-GENDER-MISMATCH";
    public const string Under18 = "REG.UNDER-18";
    public const string UnknownPrecinct = "REG.UNKNOWN-PRECINCT";
    public const string DuplicateIin = "REG.DUPLICATE-IIN";

    /// <summary>Every code a row or a file can be rejected with.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CsvHeader, CsvColumns, CsvQuote, CsvEncoding, Required, NameCharacters, IinFormat, IinBirthDate, IinChecksum,
        BirthDateFormat, IinBirthDateMismatch, GenderValue, IinGenderMismatch, Under18, UnknownPrecinct, DuplicateIin,
    ];
}

/// <summary>A file that cannot be read as a voter list at all (its header); nothing of it is imported.</summary>
public sealed class RegisterFileException(RegisterRowError error) : Exception(error.ToString())
{
    public RegisterRowError Error { get; } = error;
}
