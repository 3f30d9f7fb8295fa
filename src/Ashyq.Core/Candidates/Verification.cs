using Ashyq.Core.Elections;
using Ashyq.Core.Results;

namespace Ashyq.Core.Candidates;

/// <summary>Who was told of a verification session, how and when; whether they came is recorded at the session.</summary>
public sealed record VerificationNotice(string Recipient, string Role, string Channel, DateTimeOffset SentAt, bool? Attended);

/// <summary>
/// Notice of a territorial commission's signature verification session (the statement, fn 9: proxies were mostly
/// not invited). Every proxy of the nominee in the commission's territory, and the nominee, must be told at least
/// the definition's notice hours before the session, on a recorded channel; a protocol cannot be adopted otherwise.
/// </summary>
public static class VerificationNoticeRule
{
    public const string Missing = "VERIF.NOTICE-MISSING";
    public const string Late = "VERIF.NOTICE-LATE";
    public const string NomineeRole = "nominee";
    public const string ProxyRole = "proxy";

    public static IReadOnlyList<string> Channels { get; } = ["sms", "email", "phone", "letter", "in-person"];

    public static string ParseChannel(string? channel)
    {
        var c = (channel ?? "").Trim().ToLowerInvariant();
        return Channels.Contains(c)
            ? c
            : throw new RuleViolation("VERIF.CHANNEL", $"\"{channel}\" is not a channel of notice ({string.Join(", ", Channels)}).");
    }

    /// <summary>The latest moment a notice counts as in advance: the session's time less the notice hours.</summary>
    public static DateTimeOffset NoticeBy(SessionRules rules, DateTimeOffset scheduledAt)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return scheduledAt.AddHours(-rules.NoticeHours);
    }

    /// <summary>One result per person owed notice: met when a notice was sent to them in time.</summary>
    public static IReadOnlyList<RequirementResult> Check(SessionRules rules, DateTimeOffset scheduledAt, string nominee, IReadOnlyList<string> proxies, IReadOnlyList<VerificationNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        ArgumentNullException.ThrowIfNull(notices);
        var by = NoticeBy(rules, scheduledAt);
        var owed = new List<(string Name, string Role)> { (nominee, NomineeRole) };
        owed.AddRange(proxies.Select(p => (p, ProxyRole)));
        return [.. owed.Select(o =>
        {
            var sent = notices.Where(n => n.Recipient == o.Name && n.Role == o.Role).OrderBy(n => n.SentAt).FirstOrDefault();
            return sent is null
                ? new RequirementResult(Missing, false, $"{o.Role} {o.Name}: no notice recorded", DateOnly.FromDateTime(by.UtcDateTime))
                : new RequirementResult(sent.SentAt <= by ? "VERIF.NOTICE" : Late, sent.SentAt <= by,
                    $"{o.Role} {o.Name}: {sent.Channel} at {sent.SentAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {(scheduledAt - sent.SentAt).TotalHours:0.#} h before; at least {rules.NoticeHours} h",
                    DateOnly.FromDateTime(by.UtcDateTime));
        })];
    }
}

/// <summary>
/// A territorial commission's signature verification protocol for one nominee: valid and rejected signatures
/// with the count per reason (fn 8: the 2011 protocols gave none), the patterns flagged for the session, and
/// who was told of the session and came.
/// </summary>
public sealed record VerificationProtocol(
    string Commission,
    int Nominee,
    string NomineeName,
    DateTimeOffset ScheduledAt,
    string Place,
    long Valid,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectedByCode,
    IReadOnlyDictionary<string, long> FlaggedByPattern,
    IReadOnlyList<VerificationNotice> Notices)
{
    /// <summary>The protocol's text, as the decision adopting it states it.</summary>
    public string Text()
    {
        var reasons = RejectedByCode.Count == 0 ? "none" : string.Join("; ", RejectedByCode.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value:N0}"));
        var flags = FlaggedByPattern.Count == 0 ? "none" : string.Join("; ", FlaggedByPattern.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value:N0}"));
        var attended = Notices.Count(n => n.Attended == true);
        return $"Signatures for nominee No. {Nominee} ({NomineeName}) verified by {Commission}: {Valid:N0} valid, {Rejected:N0} rejected. "
            + $"Rejected by reason: {reasons}. Flagged for the session: {flags}. Notified: {Notices.Count}; attended: {attended}.";
    }
}
