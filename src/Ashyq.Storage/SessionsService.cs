using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Audit;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Publication;
using Ashyq.Core.Results;
using Ashyq.Storage.Model;
using Ashyq.Storage.Publication;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage;

/// <summary>A decision as stored, with the session it was voted at.</summary>
public sealed record StoredDecision(long Id, string Commission, string Number, DateOnly Date, string Subject, string Text, bool Adopted, int For, int Against, int Abstained, int Present, int TotalMembership, long? LogIndex);

/// <summary>
/// Sessions and decisions as the store keeps them: a decision is written only by <see cref="VoteAsync"/>, which
/// applies the definition's quorum and majority through <see cref="Session"/>, records every vote, and in the
/// same transaction appends the decision's public record to the transparency log and its audit event. Nothing
/// requires a clerk to remember to publish.
/// </summary>
public sealed class SessionsService(AshyqDbContext db, ElectionDefinition definition, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<long> OpenAsync(string commission, DateOnly date, IReadOnlyList<string> agenda, IReadOnlyList<string> present, IReadOnlyList<string> observers, IReadOnlyList<string> media, Actor by, CancellationToken ct = default)
    {
        var c = await CommissionAsync(commission, ct);
        var members = await MembersAsync(c.Id, ct);
        var session = new Session(definition.Sessions, commission, date, agenda, members, present, observers, media);
        var row = new SessionRow
        {
            CommissionId = c.Id,
            Date = session.Date,
            Agenda = JsonSerializer.Serialize(agenda, Json),
            Present = JsonSerializer.Serialize(present, Json),
            Observers = JsonSerializer.Serialize(observers, Json),
            Media = JsonSerializer.Serialize(media, Json),
            OpenedBy = by.User,
            OpenedAt = time.GetUtcNow(),
        };
        db.Sessions.Add(row);
        Audit.Record(db, AuditEvents.SessionOpened, by.User, by.Commission, commission, $"{date:yyyy-MM-dd}; present {present.Count}; quorum {(session.HasQuorum ? "yes" : "no")}", row.OpenedAt);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    /// <summary>Puts a question to the vote at a session; the decision (adopted or not) is stored, logged and audited together.</summary>
    public async Task<StoredDecision> VoteAsync(long sessionId, string number, string subject, string text, IReadOnlyDictionary<string, VoteChoice> votes, IReadOnlyList<DissentingOpinion> dissents, Actor by, CancellationToken ct = default)
    {
        return await Transactions.RunAsync(db, async () =>
        {
            var row = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct)
                ?? throw new RuleViolation("SESSION.UNKNOWN", $"No session {sessionId}.");
            var commission = await db.Commissions.AsNoTracking().Where(c => c.Id == row.CommissionId).Select(c => c.Code).FirstAsync(ct);
            if (by.Commission != commission)
            {
                throw new RuleViolation("SESSION.OTHER-COMMISSION", $"Only {commission}'s own account records its votes.");
            }

            if (await db.Decisions.AnyAsync(d => d.CommissionId == row.CommissionId && d.Number == number, ct))
            {
                throw new RuleViolation("DECISION.DUPLICATE-NUMBER", $"{commission} already has a decision No. {number}.");
            }

            var members = await MembersAsync(row.CommissionId, ct);
            var session = new Session(
                definition.Sessions, commission, row.Date, JsonSerializer.Deserialize<string[]>(row.Agenda, Json)!, members,
                JsonSerializer.Deserialize<string[]>(row.Present, Json)!, JsonSerializer.Deserialize<string[]>(row.Observers, Json)!, JsonSerializer.Deserialize<string[]>(row.Media, Json)!);
            var decision = session.Vote(number, subject, text, votes, dissents);
            var at = time.GetUtcNow();
            var stored = new DecisionRow
            {
                SessionId = sessionId,
                CommissionId = row.CommissionId,
                Number = number,
                Date = decision.Date,
                Subject = subject,
                Text = text,
                Adopted = decision.Adopted,
                Votes = JsonSerializer.Serialize(decision.Votes.ToDictionary(v => v.Key, v => v.Value.ToString()), Json),
                ConsultativePresent = JsonSerializer.Serialize(decision.ConsultativePresent, Json),
                DissentingOpinions = JsonSerializer.Serialize(decision.DissentingOpinions, Json),
                TotalMembership = decision.TotalMembership,
                Present = decision.Present,
                RecordedBy = by.User,
                RecordedAt = at,
            };
            db.Decisions.Add(stored);
            Audit.Record(db, AuditEvents.DecisionVoted, by.User, by.Commission, $"{commission}/{number}", $"{decision.For} for, {decision.Against} against, {decision.Abstained} abstained: {(decision.Adopted ? "adopted" : "not adopted")}", at);
            await db.SaveChangesAsync(ct);
            var names = members.ToDictionary(m => m.Id, m => m.FullName);
            var index = await TransparencyLog.AppendAsync(db, DecisionRecord.Kind, $"{commission}/{number}", 1, DecisionRecord.Bytes(definition.Id, decision, names), at, ct);
            return new StoredDecision(stored.Id, commission, number, decision.Date, subject, text, decision.Adopted, decision.For, decision.Against, decision.Abstained, decision.Present, decision.TotalMembership, index);
        }, ct);
    }

    public async Task<IReadOnlyList<StoredDecision>> DecisionsAsync(string commission, CancellationToken ct = default)
    {
        var c = await CommissionAsync(commission, ct);
        var rows = await db.Decisions.AsNoTracking().Where(d => d.CommissionId == c.Id).OrderBy(d => d.Id).ToListAsync(ct);
        var logged = await db.LogEntries.AsNoTracking().Where(e => e.Kind == DecisionRecord.Kind && e.Subject.StartsWith(commission + "/"))
            .ToDictionaryAsync(e => e.Subject, e => e.Index, ct);
        return [.. rows.Select(d =>
        {
            var votes = JsonSerializer.Deserialize<Dictionary<string, string>>(d.Votes, Json)!.Values.Select(Enum.Parse<VoteChoice>).ToList();
            return new StoredDecision(d.Id, commission, d.Number, d.Date, d.Subject, d.Text, d.Adopted,
                votes.Count(v => v == VoteChoice.For), votes.Count(v => v == VoteChoice.Against), votes.Count(v => v == VoteChoice.Abstain),
                d.Present, d.TotalMembership, logged.TryGetValue($"{commission}/{d.Number}", out var i) ? i : null);
        })];
    }

    private async Task<CommissionRow> CommissionAsync(string code, CancellationToken ct) =>
        await db.Commissions.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct)
            ?? throw new RuleViolation("SESSION.UNKNOWN-COMMISSION", $"No commission has the code \"{code}\".");

    private async Task<IReadOnlyList<SessionMember>> MembersAsync(int commissionId, CancellationToken ct) =>
        await db.Members.AsNoTracking().Where(m => m.CommissionId == commissionId).OrderBy(m => m.Id)
            .Select(m => new SessionMember(m.Id.ToString(CultureInfo.InvariantCulture), m.FullName, m.IsVoting)).ToListAsync(ct);
}
