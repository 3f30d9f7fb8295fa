namespace Ashyq.Core.Media;

/// <summary>What an outlet is: a broadcaster (television or radio), a newspaper, or an online outlet.</summary>
public enum OutletKind
{
    Television,
    Radio,
    Print,
    Online,
}

/// <summary>
/// The kind of a monitored item. <see cref="Institutional"/> is coverage of an office holder in office (the
/// President as President): it is not campaign coverage and is kept out of the news shares (the statement's fn 14).
/// </summary>
public enum CoverageKind
{
    News,
    CurrentAffairs,
    Institutional,
    PaidAdvertising,
    FreeAirtime,
}

public enum Tone
{
    Positive,
    Neutral,
    Negative,
}

/// <summary>
/// One monitored item: an outlet's coverage of one subject (a registered candidate, another office holder or a
/// party) at a date and time, in a programme, of a kind, measured in seconds (in cm² of area for print), with its
/// tone and the monitor who coded it. <see cref="CandidateCode"/> is set when the subject is a registered candidate.
/// </summary>
public sealed record MediaItem(
    string Outlet,
    OutletKind OutletKind,
    DateTimeOffset AiredAt,
    string Programme,
    CoverageKind Kind,
    string Subject,
    string? CandidateCode,
    int Amount,
    Tone Tone,
    string Monitor)
{
    /// <summary>The key the figures group the subject by: the candidate's code, or the subject as written.</summary>
    public string SubjectKey => CandidateCode ?? Subject;

    /// <summary>True when <see cref="Amount"/> is time (seconds), false when it is print area (cm²).</summary>
    public bool IsTimed => OutletKind != OutletKind.Print;
}

/// <summary>The words of the CSV and the API for kinds, tones and outlet kinds.</summary>
public static class MediaVocabulary
{
    public static readonly IReadOnlyList<string> Kinds = ["news", "current_affairs", "institutional", "paid_advertising", "free_airtime"];

    public static readonly IReadOnlyList<string> Tones = ["positive", "neutral", "negative"];

    public static readonly IReadOnlyList<string> OutletKinds = ["tv", "radio", "print", "online"];

    public static string Word(this CoverageKind kind) => Kinds[(int)kind];

    public static string Word(this Tone tone) => Tones[(int)tone];

    public static string Word(this OutletKind kind) => OutletKinds[(int)kind];

    public static bool TryKind(string text, out CoverageKind kind) => TryParse(Kinds, text, out kind);

    public static bool TryTone(string text, out Tone tone) => TryParse(Tones, text, out tone);

    public static bool TryOutletKind(string text, out OutletKind kind) => TryParse(OutletKinds, text, out kind);

    private static bool TryParse<T>(IReadOnlyList<string> words, string text, out T value)
        where T : struct, Enum
    {
        var index = words.IndexOf(text.Trim().ToLowerInvariant());
        value = index < 0 ? default : (T)(object)index;
        return index >= 0;
    }

    private static int IndexOf(this IReadOnlyList<string> words, string word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == word)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// Why a row of a monitoring file was not accepted: its row (1 = the first row after the header; 0 = the file
/// itself), the field, the code and a sentence for the monitor.
/// </summary>
public sealed record MediaRowError(long Row, string Field, string Code, string Message)
{
    public override string ToString() => $"row {Row}, {Field}: {Code} {Message}";
}

/// <summary>The media monitoring's error codes, each with a test that triggers it.</summary>
public static class MediaCodes
{
    public const string CsvHeader = "MEDIA.CSV-HEADER";
    public const string CsvColumns = "MEDIA.CSV-COLUMNS";
    public const string CsvQuote = "MEDIA.CSV-QUOTE";
    public const string Required = "MEDIA.REQUIRED";
    public const string OutletKind = "MEDIA.OUTLET-KIND";
    public const string AiredAt = "MEDIA.AIRED-AT";
    public const string Kind = "MEDIA.KIND";
    public const string Amount = "MEDIA.SECONDS";
    public const string Tone = "MEDIA.TONE";
    public const string NotACandidate = "MEDIA.NOT-A-CANDIDATE";
    public const string Empty = "MEDIA.EMPTY";

    /// <summary>Every code a row or a file can be rejected with.</summary>
    public static IReadOnlyList<string> All { get; } = [CsvHeader, CsvColumns, CsvQuote, Required, OutletKind, AiredAt, Kind, Amount, Tone, NotACandidate, Empty];
}
