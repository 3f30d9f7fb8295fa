using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ashyq.Core.Register;

public enum Gender
{
    Male = 1,
    Female = 2,
}

/// <summary>
/// The individual identification number (ЖСН / ИИН): 12 digits. Digits 1–6 are the birth date YYMMDD; digit 7
/// gives the century and gender (1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s; odd male, even female); digits 8–11 are
/// a serial; digit 12 checks the rest: (Σ dᵢ·i, i = 1..11) mod 11, and if that is 10, the weights 3,4,5,6,7,8,9,
/// 10,11,1,2; if it is 10 again, the number is not valid. An invalid number cannot be constructed.
/// </summary>
public readonly record struct Iin : IComparable<Iin>
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    private Iin(long value) => Value = value;

    /// <summary>The number as a whole number (leading zeros are not stored: format with <see cref="ToString"/>).</summary>
    public long Value { get; }

    public DateOnly BirthDate
    {
        get
        {
            Span<int> d = stackalloc int[12];
            Digits(Value, d);
            return BirthDateOf(d)!.Value;
        }
    }

    public Gender Gender => (int)(Value / 100_000 % 10) % 2 == 1 ? Gender.Male : Gender.Female;

    public static Iin Parse(string text) =>
        TryParse(text, out var iin, out var problem) ? iin : throw new FormatException($"\"{text}\" is not a valid IIN: {problem}.");

    public static bool TryParse(string? text, out Iin iin) => TryParse(text, out iin, out _);

    /// <summary>Parses 12 digits; <paramref name="problem"/> names what is wrong when it fails (a checksum, a date, a length).</summary>
    public static bool TryParse(string? text, out Iin iin, [NotNullWhen(false)] out IinProblem? problem)
    {
        iin = default;
        if (text is null || text.Length != 12 || text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            problem = IinProblem.Format;
            return false;
        }

        var value = long.Parse(text, CultureInfo.InvariantCulture);
        return TryCreate(value, out iin, out problem);
    }

    public static bool TryCreate(long value, out Iin iin, [NotNullWhen(false)] out IinProblem? problem)
    {
        iin = default;
        if (value is < 0 or > 999_999_999_999)
        {
            problem = IinProblem.Format;
            return false;
        }

        Span<int> d = stackalloc int[12];
        Digits(value, d);
        if (BirthDateOf(d) is null)
        {
            problem = IinProblem.BirthDate;
            return false;
        }

        var check = CheckDigit(d[..11]);
        if (check is null || check != d[11])
        {
            problem = IinProblem.Checksum;
            return false;
        }

        problem = null;
        iin = new Iin(value);
        return true;
    }

    /// <summary>
    /// Builds the number of a person born on <paramref name="birthDate"/> with the given gender and serial, or
    /// null when that serial has no valid check digit (the caller takes the next serial).
    /// </summary>
    public static Iin? Compose(DateOnly birthDate, Gender gender, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 9999);
        var centuryDigit = birthDate.Year switch
        {
            >= 1800 and < 1900 => 1,
            >= 1900 and < 2000 => 3,
            >= 2000 and < 2100 => 5,
            _ => throw new ArgumentOutOfRangeException(nameof(birthDate), "An IIN encodes birth years 1800–2099."),
        } + (gender == Gender.Female ? 1 : 0);
        long first11 = ((((long)(birthDate.Year % 100) * 100 + birthDate.Month) * 100 + birthDate.Day) * 10 + centuryDigit) * 10_000 + serial;
        Span<int> d = stackalloc int[12];
        Digits(first11 * 10, d);
        var check = CheckDigit(d[..11]);
        return check is null ? null : new Iin(first11 * 10 + check.Value);
    }

    public int CompareTo(Iin other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("D12", CultureInfo.InvariantCulture);

    private static int? CheckDigit(ReadOnlySpan<int> d)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++)
        {
            sum += d[i] * FirstWeights[i];
        }

        var check = sum % 11;
        if (check != 10)
        {
            return check;
        }

        sum = 0;
        for (var i = 0; i < 11; i++)
        {
            sum += d[i] * SecondWeights[i];
        }

        check = sum % 11;
        return check == 10 ? null : check;
    }

    private static DateOnly? BirthDateOf(ReadOnlySpan<int> d)
    {
        var century = d[6] switch
        {
            1 or 2 => 1800,
            3 or 4 => 1900,
            5 or 6 => 2000,
            _ => -1,
        };
        if (century < 0)
        {
            return null;
        }

        var year = century + d[0] * 10 + d[1];
        var month = d[2] * 10 + d[3];
        var day = d[4] * 10 + d[5];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    private static void Digits(long value, Span<int> d)
    {
        for (var i = 11; i >= 0; i--)
        {
            d[i] = (int)(value % 10);
            value /= 10;
        }
    }
}

/// <summary>Why a string is not an IIN; each has the register's error code.</summary>
public sealed record IinProblem(string Code, string Description)
{
    public static readonly IinProblem Format = new("REG.IIN-FORMAT", "an IIN is exactly 12 digits");
    public static readonly IinProblem BirthDate = new("REG.IIN-BIRTHDATE", "digits 1–7 are not a real birth date and century");
    public static readonly IinProblem Checksum = new("REG.IIN-CHECKSUM", "the check digit (12th) does not match the first 11");

    public override string ToString() => Description;
}
