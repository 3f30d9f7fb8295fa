using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;

namespace Ashyq.Core.Complaints;

/// <summary>Who complains: the law lets voters, candidates, their proxies, parties, observers and other organizations complain.</summary>
public enum ComplainantKind
{
    Voter,
    Candidate,
    Proxy,
    Party,
    Observer,
    Organization,
}

/// <summary>
/// A complaint's number, given at receipt and printed on the receipt: the year it was received and a serial,
/// <c>2011-00012</c>. It names the case in the store, on the portal and in the transparency log.
/// </summary>
public readonly record struct CaseNumber
{
    private CaseNumber(int year, int serial)
    {
        Year = year;
        Serial = serial;
    }

    public int Year { get; }

    public int Serial { get; }

    public static CaseNumber Of(int year, int serial) =>
        year is < 1990 or > 9999 || serial is < 1 or > 99_999
            ? throw new ArgumentOutOfRangeException(nameof(serial), $"{year}-{serial} is not a case number: a year and a serial of 1 to 99,999.")
            : new CaseNumber(year, serial);

    public static bool TryParse([NotNullWhen(true)] string? text, out CaseNumber number)
    {
        number = default;
        if (text is not { Length: 10 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var serial)
            || year < 1990 || serial < 1)
        {
            return false;
        }

        number = new CaseNumber(year, serial);
        return true;
    }

    public static CaseNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"\"{text}\" is not a case number (YYYY-NNNNN).");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Serial:D5}");
}

/// <summary>The complainant. Name and contact are personal data for a person; the definition says whose name is published.</summary>
public sealed record Complainant(ComplainantKind Kind, string Name, string? Contact);

/// <summary>
/// What the complaint is about: its kind (a route of the definition: a decision, action or inaction of a commission
/// or of an official, another violation, or a kind that goes straight to the Supreme Court), against whom (a
/// commission by code, or an official or state body by name), and the day of the act complained of, from which
/// the time to file runs (for an inaction: the last day the act was due).
/// </summary>
public sealed record ComplaintSubject(string Kind, string? Commission, string? Official, DateOnly? ActDate);

/// <summary>An attachment as the case records it: what was attached, never the file's contents.</summary>
public sealed record Attachment(string FileName, string ContentType, long Bytes, string Sha256);

/// <summary>How the complaint came in: through the public portal or on paper, registered by staff.</summary>
public enum FilingChannel
{
    Portal,
    Paper,
}

/// <summary>
/// A complaint as received: who, about what, the facts, the attachments, when and by which body. It is a case from
/// the moment it is received: it gets a number and a receipt, and can only be forwarded or decided, never dropped.
/// </summary>
public sealed record ComplaintCase
{
    public required CaseNumber Number { get; init; }

    public required Complainant Complainant { get; init; }

    public required ComplaintSubject Subject { get; init; }

    public required string Facts { get; init; }

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The day the complaint was first received. A forward keeps it: the time to file is judged on it.</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>The body that received it (the complainant's choice, or the body a paper complaint was handed to).</summary>
    public required ComplaintBody ReceivedBy { get; init; }

    public required FilingChannel Channel { get; init; }

    /// <summary>The case whose decision this complaint appeals, or null.</summary>
    public CaseNumber? AppealOf { get; init; }

    /// <summary>
    /// Refuses a complaint that cannot be routed: an unknown kind, a missing respondent or act date, a commission the
    /// election does not have, an empty statement of facts. The code names the field.
    /// </summary>
    public void Check(ComplaintRules rules, ICommissionDirectory commissions)
    {
        if (string.IsNullOrWhiteSpace(Complainant.Name))
        {
            throw new RuleViolation("COMPLAINT.NAME-MISSING", "The complainant's name (or the organization's) is required.");
        }

        if (string.IsNullOrWhiteSpace(Facts))
        {
            throw new RuleViolation("COMPLAINT.FACTS-MISSING", "The complaint states the facts complained of.");
        }

        var route = rules.Routes.FirstOrDefault(r => r.Subject == Subject.Kind)
            ?? throw new RuleViolation("COMPLAINT.UNKNOWN-SUBJECT", $"\"{Subject.Kind}\" is not a kind of complaint of this election ({string.Join(", ", rules.Routes.Select(r => r.Subject))}).");
        if (route.Respondent == "commission")
        {
            if (string.IsNullOrWhiteSpace(Subject.Commission))
            {
                throw new RuleViolation("COMPLAINT.RESPONDENT-MISSING", "A complaint against a commission names the commission.");
            }

            if (rules.DirectToSupremeCourt.Any(d => d.Code == route.Subject) && Subject.Commission != commissions.Top.Code)
            {
                throw new RuleViolation("COMPLAINT.NOT-THE-TOP-COMMISSION", $"\"{route.Subject}\" is a complaint against {commissions.Top.Code}, not {Subject.Commission}.");
            }
        }

        if (route.Respondent == "official" && string.IsNullOrWhiteSpace(Subject.Official))
        {
            throw new RuleViolation("COMPLAINT.RESPONDENT-MISSING", "A complaint against an official or a state body names them.");
        }

        if (Subject.Commission is { Length: > 0 } code && commissions.Find(code) is null)
        {
            throw new RuleViolation("COMPLAINT.UNKNOWN-COMMISSION", $"No commission has the code \"{code}\".");
        }

        if (route.Filing is not null && Subject.ActDate is null)
        {
            throw new RuleViolation("COMPLAINT.ACT-DATE-MISSING", "The time to file runs from the day of the act complained of: give that day.");
        }

        if (Subject.ActDate is { } act && act > ReceivedOn)
        {
            throw new RuleViolation("COMPLAINT.ACT-AFTER-RECEIPT", $"The act complained of ({act:yyyy-MM-dd}) cannot be after the day the complaint was received ({ReceivedOn:yyyy-MM-dd}).");
        }

        if (ReceivedBy.Kind == BodyKind.Commission && (ReceivedBy.Commission is null || commissions.Find(ReceivedBy.Commission) is null))
        {
            throw new RuleViolation("COMPLAINT.UNKNOWN-COMMISSION", $"No commission has the code \"{ReceivedBy.Commission}\".");
        }
    }
}

/// <summary>A commission as routing sees it: its code, level and superior.</summary>
public sealed record CommissionRef(string Code, string Level, string? Parent);

/// <summary>The election's commissions, for routing: find one by code; the top one.</summary>
public interface ICommissionDirectory
{
    CommissionRef Top { get; }

    CommissionRef? Find(string code);
}

/// <summary>A directory over a list of commissions (tests, small stores).</summary>
public sealed class CommissionDirectory(IEnumerable<CommissionRef> commissions) : ICommissionDirectory
{
    private readonly Dictionary<string, CommissionRef> _byCode = commissions.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public CommissionRef Top => _byCode.Values.Single(c => c.Parent is null);

    public CommissionRef? Find(string code) => _byCode.GetValueOrDefault(code);
}
