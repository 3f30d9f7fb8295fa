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

/// <summary>What the CEC checks before it votes on a nominee, and the motion it votes on.</summary>
public sealed record RegistrationCheck(int Nominee, IReadOnlyList<RequirementResult> Requirements, SignatureFigures? Signatures, bool Register, string Motion);

/// <summary>The CEC's registration decision on a nominee as published.</summary>
public sealed record RegistrationOutcome(int Nominee, string Decision, bool Registered, string? Unmet, long LogIndex, string Record, DirectToSupremeCourt? Appeal);

/// <summary>
/// The CEC's collegial decision to register or refuse a nominee. It checks every eligibility and document
/// requirement of the file, the signature threshold (the definition's share of the voters on the register on the
/// opening day, read from the register's history), counting only signatures whose territorial commission adopted
/// its verification protocol, and the territorial spread. The motion is "register" when all are met, otherwise
/// "refuse" citing the first unmet requirement; the members vote on it (<see cref="SessionsService"/>); an adopted
/// decision sets the nominee's status and is published with every requirement and the appeal route (straight to
/// the Supreme Court, no further appeal). The decision and its registration record are two log entries written
/// one after the other; should the second be interrupted, <see cref="DecideAsync"/> of the same number completes it.
/// </summary>
public sealed class RegistrationService(AshyqDbContext db, ElectionDefinition definition, TimeProvider time, ISignatureTally signatures)
{
    public const string Commission = "CEC";

    public async Task<RegistrationCheck> CheckAsync(int nomineeNumber, CancellationToken ct = default)
    {
        var dossier = await new NominationStore(db, definition, time).DossierAsync(nomineeNumber, ct)
            ?? throw new RuleViolation("REG.UNKNOWN-NOMINEE", $"No nominee {nomineeNumber}.");
        if (dossier.File is null)
        {
            throw new RuleViolation("REG.NO-FILE", $"Nominee {nomineeNumber} has no nomination file.");
        }

        var requirements = dossier.Eligibility;
        SignatureFigures? figures = null;
        if (definition.Candidates.Signatures is { } rules)
        {
            var voters = await new Register.RegisterQueries(db).SignatureBaseAsync(definition, ct);
            var counts = await signatures.CountsAsync(nomineeNumber, ct);
            var adopted = await db.Set<VerificationSessionRow>().AsNoTracking().Where(v => v.NomineeId == dossier.Nominee.Id && v.LogIndex != null)
                .Join(db.Commissions, v => v.CommissionId, c => c.Id, (v, c) => c.Code).ToListAsync(ct);
            var perUnit = counts.Where(c => adopted.Contains(c.Tec)).ToDictionary(c => c.Tec, c => c.Valid);
            var units = await Territory.CountAsync(db, definition, ct);
            var unverified = counts.Where(c => c.Tec.Length > 0 && c.Valid > 0 && !adopted.Contains(c.Tec)).Select(c => c.Tec).Order(StringComparer.Ordinal).ToList();
            var all = new List<RequirementResult>(requirements)
            {
                new("REG.VERIFICATION-PROTOCOLS", unverified.Count == 0,
                    unverified.Count == 0 ? $"every territorial commission with signatures adopted its protocol ({adopted.Distinct().Count()})" : $"no adopted verification protocol in {string.Join(", ", unverified)}: their signatures are not counted"),
            };
            requirements = RegistrationRules.Evaluate(definition, voters, perUnit, units, all);
            var threshold = (long)Math.Ceiling(rules.ShareOfVoters * voters);
            figures = new SignatureFigures(voters, threshold, perUnit.Values.Sum(), perUnit);
        }

        var unmet = RegistrationRules.Unmet(requirements);
        var motion = unmet is null
            ? $"To register nominee No. {nomineeNumber} ({dossier.Nominee.NameKk}) as a candidate: every requirement is met."
            : $"To refuse to register nominee No. {nomineeNumber} ({dossier.Nominee.NameKk}): requirement {unmet.Code} is not met ({unmet.Evidence}).";
        return new RegistrationCheck(nomineeNumber, requirements, figures, unmet is null, motion);
    }

    /// <summary>Holds the CEC's vote on the motion the check gives; an adopted decision is applied and published.</summary>
    public async Task<RegistrationOutcome?> DecideAsync(int nomineeNumber, string decisionNumber, IReadOnlyList<string> present, IReadOnlyDictionary<string, VoteChoice> votes, IReadOnlyList<DissentingOpinion> dissents, Actor by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (by.Commission != Commission)
        {
            throw new RuleViolation("REG.OTHER-COMMISSION", "Only the CEC registers candidates.");
        }

        var nominee = await db.Nominees.AsNoTracking().FirstOrDefaultAsync(n => n.Number == nomineeNumber, ct)
            ?? throw new RuleViolation("REG.UNKNOWN-NOMINEE", $"No nominee {nomineeNumber}.");
        if (await db.Set<RegistrationDecisionRow>().AnyAsync(r => r.NomineeId == nominee.Id, ct))
        {
            throw new RuleViolation("REG.DECIDED", $"The CEC has already decided on nominee {nomineeNumber}.");
        }

        var check = await CheckAsync(nomineeNumber, ct);
        var sessions = new SessionsService(db, definition, time);
        var existing = await db.Decisions.AsNoTracking().Join(db.Commissions.Where(c => c.Code == Commission), d => d.CommissionId, c => c.Id, (d, c) => d)
            .FirstOrDefaultAsync(d => d.Number == decisionNumber, ct);
        long decisionId;
        if (existing is not null)
        {
            // Completing an interrupted registration: the decision was voted, its registration record was not written.
            if (!existing.Adopted || existing.Subject != Subject(nomineeNumber))
            {
                throw new RuleViolation("DECISION.DUPLICATE-NUMBER", $"{Commission} already has a decision No. {decisionNumber}.");
            }

            decisionId = existing.Id;
        }
        else
        {
            var today = Register.RegisterQueries.Today(definition, time);
            var session = await sessions.OpenAsync(Commission, today, [Subject(nomineeNumber)], present, [], [], by, ct);
            var decision = await sessions.VoteAsync(session, decisionNumber, Subject(nomineeNumber), check.Motion, votes, dissents, by, ct);
            if (!decision.Adopted)
            {
                return null;
            }

            decisionId = decision.Id;
        }

        var name = nominee.NameKk;
        var record = NominationRecords.Registration(definition, nomineeNumber, name, $"{Commission}/{decisionNumber}", check.Register, check.Requirements, check.Signatures);
        var unmet = RegistrationRules.Unmet(check.Requirements)?.Code;
        var at = time.GetUtcNow();
        long index = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = await db.Nominees.FirstAsync(n => n.Id == nominee.Id, ct);
            row.Status = (check.Register ? NomineeStatus.Registered : NomineeStatus.Refused).ToString();
            row.RefusalReason = check.Register ? null : unmet;
            index = await TransparencyLog.AppendAsync(db, NominationRecords.RegistrationKind, $"nominee/{nomineeNumber}", 1, record, at, ct);
            db.Set<RegistrationDecisionRow>().Add(new RegistrationDecisionRow
            {
                NomineeId = nominee.Id,
                DecisionId = decisionId,
                DecisionNumber = decisionNumber,
                Registered = check.Register,
                UnmetCode = unmet,
                Record = record,
                LogIndex = index,
            });
            Audit.Record(db, check.Register ? AuditEvents.CandidateRegistered : AuditEvents.CandidateRefused, by.User, by.Commission, $"nominee/{nomineeNumber}", $"decision {decisionNumber}{(unmet is null ? "" : "; " + unmet)}", at);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return new RegistrationOutcome(nomineeNumber, $"{Commission}/{decisionNumber}", check.Register, unmet, index, Encoding.UTF8.GetString(record), AppealRoute.Of(definition));
    }

    /// <summary>The published registration decision on a nominee; null while there is none.</summary>
    public async Task<RegistrationOutcome?> OutcomeAsync(int nomineeNumber, CancellationToken ct = default)
    {
        var row = await db.Set<RegistrationDecisionRow>().AsNoTracking().Join(db.Nominees.Where(n => n.Number == nomineeNumber), r => r.NomineeId, n => n.Id, (r, n) => r)
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new RegistrationOutcome(nomineeNumber, $"{Commission}/{row.DecisionNumber}", row.Registered, row.UnmetCode, row.LogIndex, Encoding.UTF8.GetString(row.Record), AppealRoute.Of(definition));
    }

    private static string Subject(int nomineeNumber) => $"Registration of nominee No. {nomineeNumber}";
}
