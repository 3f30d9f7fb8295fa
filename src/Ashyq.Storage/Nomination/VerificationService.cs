using System.Globalization;
using System.Text;
using Ashyq.Core.Audit;
using Ashyq.Core.Candidates;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;
using Ashyq.Storage.Model;
using Ashyq.Storage.Publication;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Nomination;

/// <summary>A notice of a verification session as recorded.</summary>
public sealed record NoticeView(long Id, long? ProxyId, string Recipient, string Role, string Channel, DateTimeOffset SentAt, bool? Attended);

/// <summary>A verification session: when and where, who was told, whether the notice was in time, and the protocol once adopted.</summary>
public sealed record VerificationView(
    int Id,
    int Nominee,
    LocalizedText NomineeName,
    string Commission,
    DateTimeOffset ScheduledAt,
    string Place,
    IReadOnlyList<NoticeView> Notices,
    IReadOnlyList<RequirementResult> NoticeChecks,
    string? DecisionNumber,
    long? LogIndex,
    string? ProtocolJson);

/// <summary>
/// Signature verification sessions at the territorial commissions (fn 8, 9). The commission schedules a session,
/// tells the nominee and each of their proxies in its territory at least the definition's notice hours ahead
/// (time, channel, recipient recorded), records who came, and adopts the verification protocol — the counts per
/// reason from the signatures module — as a decision with each member's vote (<see cref="SessionsService"/>). A
/// protocol cannot be adopted before the session's time or unless every notice was in time; the adopted protocol
/// is published in the transparency log. The nominee, their proxies and commissions can download the rejected
/// signatures with their reasons.
/// </summary>
public sealed class VerificationService(AshyqDbContext db, ElectionDefinition definition, TimeProvider time, ISignatureTally signatures)
{
    public async Task<int> ScheduleAsync(int nomineeNumber, string commission, DateTimeOffset at, string place, Actor by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var nominee = await NomineeAsync(nomineeNumber, ct);
        var tec = await UnitAsync(commission, ct);
        Own(tec, by);
        var now = time.GetUtcNow();
        if (at <= now)
        {
            throw new RuleViolation("VERIF.PAST", "A verification session is scheduled for a time still to come.");
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            throw new RuleViolation("VERIF.PLACE", "A verification session names its place (proxies attend it).");
        }

        var row = new VerificationSessionRow { NomineeId = nominee.Id, CommissionId = tec.Id, ScheduledAt = at.ToUniversalTime(), Place = place.Trim(), ScheduledBy = by.User };
        db.Set<VerificationSessionRow>().Add(row);
        Audit.Record(db, AuditEvents.VerificationScheduled, by.User, by.Commission, $"{tec.Code}/nominee/{nominee.Number}", $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC at {row.Place}", now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return row.Id;
    }

    /// <summary>Records a notice sent now to the nominee (no proxy) or to one of their proxies in the territory.</summary>
    public async Task<NoticeView> NotifyAsync(int verificationId, long? proxyId, string channel, Actor by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var (row, tec, nominee) = await LoadAsync(verificationId, ct);
        Own(tec, by);
        var c = VerificationNoticeRule.ParseChannel(channel);
        var now = time.GetUtcNow();
        if (row.SessionId is not null || now >= row.ScheduledAt)
        {
            throw new RuleViolation("VERIF.NOTICE-AFTER", "The session's time has come: a notice now is no notice.");
        }

        string recipient;
        string role;
        if (proxyId is { } id)
        {
            var proxies = await new ProxyStore(db, definition, time).ProxiesAsync(nominee.Id, tec.Code, ct);
            var proxy = proxies.FirstOrDefault(p => p.Id == id)
                ?? throw new RuleViolation("VERIF.NOT-A-PROXY", $"Proxy {id} is not a proxy of nominee {nominee.Number} in {tec.Code}.");
            recipient = proxy.FullName;
            role = VerificationNoticeRule.ProxyRole;
        }
        else
        {
            recipient = nominee.NameKk;
            role = VerificationNoticeRule.NomineeRole;
        }

        var notice = new VerificationNoticeRow { VerificationId = row.Id, ProxyId = proxyId, Recipient = recipient, Role = role, Channel = c, SentAt = now, SentBy = by.User };
        db.Set<VerificationNoticeRow>().Add(notice);
        Audit.Record(db, AuditEvents.VerificationNotice, by.User, by.Commission, $"{tec.Code}/nominee/{nominee.Number}", $"{role} {recipient} by {c}", now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new NoticeView(notice.Id, proxyId, recipient, role, c, now, null);
    }

    /// <summary>Notifies, on one channel, the nominee and every proxy in the territory not yet notified; returns how many notices were sent.</summary>
    public async Task<int> NotifyAllAsync(int verificationId, string channel, Actor by, CancellationToken ct = default)
    {
        var (row, tec, nominee) = await LoadAsync(verificationId, ct);
        Own(tec, by);
        var sent = await db.Set<VerificationNoticeRow>().AsNoTracking().Where(n => n.VerificationId == row.Id).ToListAsync(ct);
        var count = 0;
        if (!sent.Any(n => n.Role == VerificationNoticeRule.NomineeRole))
        {
            await NotifyAsync(verificationId, null, channel, by, ct);
            count++;
        }

        foreach (var proxy in await new ProxyStore(db, definition, time).ProxiesAsync(nominee.Id, tec.Code, ct))
        {
            if (!sent.Any(n => n.ProxyId == proxy.Id))
            {
                await NotifyAsync(verificationId, proxy.Id, channel, by, ct);
                count++;
            }
        }

        return count;
    }

    public async Task RecordAttendanceAsync(int verificationId, long noticeId, bool attended, Actor by, CancellationToken ct = default)
    {
        var (row, tec, nominee) = await LoadAsync(verificationId, ct);
        Own(tec, by);
        if (row.SessionId is not null)
        {
            throw new RuleViolation("VERIF.ADOPTED", "The protocol is adopted: attendance is part of it and no longer changes.");
        }

        var notice = await db.Set<VerificationNoticeRow>().FirstOrDefaultAsync(n => n.Id == noticeId && n.VerificationId == verificationId, ct)
            ?? throw new RuleViolation("VERIF.UNKNOWN-NOTICE", $"No notice {noticeId} of this session.");
        notice.Attended = attended;
        Audit.Record(db, AuditEvents.VerificationAttendance, by.User, by.Commission, $"{tec.Code}/nominee/{nominee.Number}", $"{notice.Recipient}: {(attended ? "attended" : "absent")}", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Holds the session and puts the verification protocol to the vote; when adopted, the protocol is published
    /// in the log. Refused before the session's time (VERIF.TOO-EARLY), with a notice missing or late
    /// (VERIF.NOTICE-MISSING / VERIF.NOTICE-LATE), or with no verified signatures in the territory.
    /// </summary>
    public async Task<VerificationView> HoldAsync(int verificationId, string decisionNumber, IReadOnlyList<string> present, IReadOnlyDictionary<string, VoteChoice> votes, IReadOnlyList<DissentingOpinion> dissents, Actor by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var (row, tec, nominee) = await LoadAsync(verificationId, ct);
        Own(tec, by);
        if (row.SessionId is not null)
        {
            throw new RuleViolation("VERIF.ADOPTED", $"The protocol was already adopted (decision {row.DecisionNumber}).");
        }

        var now = time.GetUtcNow();
        if (now < row.ScheduledAt)
        {
            throw new RuleViolation("VERIF.TOO-EARLY", $"The session was announced for {row.ScheduledAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC; it cannot be held before then.");
        }

        var view = await ViewAsync(row, tec, nominee, ct);
        if (view.NoticeChecks.FirstOrDefault(n => !n.Met) is { } unmet)
        {
            throw new RuleViolation(unmet.Code, $"Notice was not given as the law requires: {unmet.Evidence}.");
        }

        var counts = (await signatures.CountsAsync(nominee.Number, ct)).FirstOrDefault(c => c.Tec == tec.Code);
        if (counts is null || counts.Valid + counts.Rejected == 0)
        {
            throw new RuleViolation("VERIF.NO-SIGNATURES", $"No signatures of nominee {nominee.Number} were verified in {tec.Code}.");
        }

        var notices = view.Notices.Select(n => new VerificationNotice(n.Recipient, n.Role, n.Channel, n.SentAt, n.Attended)).ToList();
        var protocol = new VerificationProtocol(tec.Code, nominee.Number, nominee.NameKk, row.ScheduledAt, row.Place, counts.Valid, counts.Rejected, counts.RejectedByCode, counts.FlaggedByPattern, notices);
        var sessions = new SessionsService(db, definition, time);
        var today = Register.RegisterQueries.Today(definition, time);
        var observers = notices.Where(n => n.Attended == true).Select(n => $"{n.Role}: {n.Recipient}").ToList();
        var session = await sessions.OpenAsync(tec.Code, today, [$"Signature verification protocol, nominee No. {nominee.Number}"], present, observers, [], by, ct);
        var decision = await sessions.VoteAsync(session, decisionNumber, $"Signature verification protocol: nominee No. {nominee.Number}", protocol.Text(), votes, dissents, by, ct);
        if (!decision.Adopted)
        {
            return view;
        }

        var record = NominationRecords.Verification(definition.Id, protocol, $"{tec.Code}/{decisionNumber}");
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var stored = await db.Set<VerificationSessionRow>().FirstAsync(v => v.Id == verificationId, ct);
            stored.SessionId = session;
            stored.DecisionId = decision.Id;
            stored.DecisionNumber = decisionNumber;
            stored.Protocol = record;
            await db.SaveChangesAsync(ct);
            stored.LogIndex = await TransparencyLog.AppendAsync(db, NominationRecords.VerificationKind, $"{tec.Code}/nominee/{nominee.Number}", 1, record, now, ct);
            Audit.Record(db, AuditEvents.VerificationProtocolAdopted, by.User, by.Commission, $"{tec.Code}/nominee/{nominee.Number}", $"decision {decisionNumber}: {counts.Valid} valid, {counts.Rejected} rejected", now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return (await ForNomineeAsync(nominee.Number, ct)).First(v => v.Id == verificationId);
    }

    public async Task<IReadOnlyList<VerificationView>> ForNomineeAsync(int nomineeNumber, CancellationToken ct = default)
    {
        var nominee = await NomineeAsync(nomineeNumber, ct);
        var rows = await db.Set<VerificationSessionRow>().AsNoTracking().Where(v => v.NomineeId == nominee.Id).OrderBy(v => v.Id).ToListAsync(ct);
        var views = new List<VerificationView>();
        foreach (var row in rows.OrderBy(r => r.ScheduledAt).ThenBy(r => r.Id))
        {
            var tec = await db.Commissions.AsNoTracking().FirstAsync(c => c.Id == row.CommissionId, ct);
            views.Add(await ViewAsync(row, tec, nominee, ct));
        }

        return views;
    }

    public async Task<IReadOnlyList<VerificationView>> ForCommissionAsync(string commission, CancellationToken ct = default)
    {
        var tec = await UnitAsync(commission, ct);
        var rows = await db.Set<VerificationSessionRow>().AsNoTracking().Where(v => v.CommissionId == tec.Id).OrderBy(v => v.Id).ToListAsync(ct);
        var views = new List<VerificationView>();
        foreach (var row in rows.OrderBy(r => r.ScheduledAt).ThenBy(r => r.Id))
        {
            var nominee = await db.Nominees.AsNoTracking().FirstAsync(n => n.Id == row.NomineeId, ct);
            views.Add(await ViewAsync(row, tec, nominee, ct));
        }

        return views;
    }

    /// <summary>The rejected signatures with their reasons as CSV (sheet_id,line,tec,code,message), for the nominee, their proxies and commissions.</summary>
    public async Task<string> RejectionsCsvAsync(int nomineeNumber, string? tec, CancellationToken ct = default)
    {
        _ = await NomineeAsync(nomineeNumber, ct);
        var sb = new StringBuilder("sheet_id,line,tec,code,message\n");
        foreach (var r in (await signatures.RejectionsAsync(nomineeNumber, tec, ct)).OrderBy(r => r.SheetId, StringComparer.Ordinal).ThenBy(r => r.Line))
        {
            sb.Append(Csv(r.SheetId)).Append(',').Append(r.Line.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Csv(r.Tec)).Append(',')
                .Append(Csv(r.Code)).Append(',').Append(Csv(r.Message)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private async Task<VerificationView> ViewAsync(VerificationSessionRow row, CommissionRow tec, NomineeRow nominee, CancellationToken ct)
    {
        var notices = (await db.Set<VerificationNoticeRow>().AsNoTracking().Where(n => n.VerificationId == row.Id).ToListAsync(ct))
            .OrderBy(n => n.SentAt).ThenBy(n => n.Id)
            .Select(n => new NoticeView(n.Id, n.ProxyId, n.Recipient, n.Role, n.Channel, n.SentAt, n.Attended)).ToList();
        var proxies = await new ProxyStore(db, definition, time).ProxiesAsync(nominee.Id, tec.Code, ct);
        var checks = VerificationNoticeRule.Check(definition.Sessions, row.ScheduledAt, nominee.NameKk, [.. proxies.Select(p => p.FullName).Distinct()],
            [.. notices.Select(n => new VerificationNotice(n.Recipient, n.Role, n.Channel, n.SentAt, n.Attended))]);
        return new VerificationView(row.Id, nominee.Number, new LocalizedText(nominee.NameKk, nominee.NameRu, nominee.NameEn), tec.Code, row.ScheduledAt, row.Place, notices, checks,
            row.DecisionNumber, row.LogIndex, row.Protocol is null ? null : Encoding.UTF8.GetString(row.Protocol));
    }

    private async Task<(VerificationSessionRow Row, CommissionRow Tec, NomineeRow Nominee)> LoadAsync(int verificationId, CancellationToken ct)
    {
        var row = await db.Set<VerificationSessionRow>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == verificationId, ct)
            ?? throw new RuleViolation("VERIF.UNKNOWN", $"No verification session {verificationId}.");
        var tec = await db.Commissions.AsNoTracking().FirstAsync(c => c.Id == row.CommissionId, ct);
        var nominee = await db.Nominees.AsNoTracking().FirstAsync(n => n.Id == row.NomineeId, ct);
        return (row, tec, nominee);
    }

    private async Task<NomineeRow> NomineeAsync(int number, CancellationToken ct) =>
        await db.Nominees.AsNoTracking().FirstOrDefaultAsync(n => n.Number == number, ct)
            ?? throw new RuleViolation("VERIF.UNKNOWN-NOMINEE", $"No nominee {number}.");

    private async Task<CommissionRow> UnitAsync(string code, CancellationToken ct)
    {
        var level = Territory.UnitLevel(definition);
        var c = await db.Commissions.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        return c is not null && c.Level == level ? c : throw new RuleViolation("VERIF.NOT-A-UNIT", $"\"{code}\" is not a {level}: signatures are verified by the {level} of the signer's unit.");
    }

    private static void Own(CommissionRow tec, Actor by)
    {
        if (by.Commission != tec.Code)
        {
            throw new RuleViolation("VERIF.OTHER-COMMISSION", $"Only {tec.Code}'s own account acts for its verification sessions.");
        }
    }
}
