using System.Text.Json;
using Ashyq.Core.Audit;
using Ashyq.Core.Observation;
using Ashyq.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Observation;

/// <summary>What became of a submission: stored now, already stored (the same id and content), or refused with its errors.</summary>
public enum SubmitOutcome
{
    Stored,
    AlreadyStored,
    Refused,
}

public sealed record SubmitResult(string Id, SubmitOutcome Outcome, IReadOnlyList<SubmissionError> Errors);

/// <summary>How many organizations, observers and teams the store holds, and how many submissions.</summary>
public sealed record MissionSummary(int Organizations, int Observers, int LongTerm, int ShortTerm, int Countries, int Teams, int Experts, int Submissions);

/// <summary>
/// Observation as the store keeps it: organizations, observers (registered under <see cref="ObserverRules"/>;
/// an international one only on an adopted decision of the central commission), teams with their deployment, and
/// submissions — each checked against its form and stored once by its client-generated id, whoever sends it again.
/// </summary>
public sealed class ObservationService(AshyqDbContext db, ObservationForms forms, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Dictionary<string, (string Level, string? Region)>? _units;

    public ObservationForms Forms => forms;

    public async Task<int> AddOrganizationAsync(string code, string name, ObserverOrganizationKind kind, int experts = 0, CancellationToken ct = default)
    {
        if (await db.Set<ObserverOrganizationRow>().AnyAsync(o => o.Code == code, ct))
        {
            throw new RuleViolation("OBS.DUPLICATE-ORGANIZATION", $"An observer organization {code} is already registered.");
        }

        var row = new ObserverOrganizationRow { Code = code, Name = name, Kind = kind.ToString(), Experts = experts };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    /// <summary>Registers an observer of an organization; refuses one the rules of their kind do not admit.</summary>
    public async Task<int> RegisterObserverAsync(string organization, Observer observer, CancellationToken ct = default)
    {
        var rows = await RegisterObserversAsync(organization, [observer], ct);
        return rows[0];
    }

    /// <summary>Registers observers of one organization together (all or none).</summary>
    public async Task<IReadOnlyList<int>> RegisterObserversAsync(string organization, IReadOnlyList<Observer> observers, CancellationToken ct = default)
    {
        var org = await db.Set<ObserverOrganizationRow>().AsNoTracking().FirstOrDefaultAsync(o => o.Code == organization, ct)
            ?? throw new RuleViolation("OBS.UNKNOWN-ORGANIZATION", $"No observer organization {organization} is registered.");
        var central = await db.Commissions.AsNoTracking().Where(c => c.ParentId == null).Select(c => c.Code).FirstAsync(ct);
        var decisions = new Dictionary<(string, string), long>();
        var now = time.GetUtcNow();
        var rows = new List<ObserverRow>();
        foreach (var observer in observers)
        {
            if (observer.OrganizationKind.ToString() != org.Kind)
            {
                throw new RuleViolation("OBS.ORGANIZATION-KIND", $"{observer.Name} is registered as sent by a {observer.OrganizationKind}, but {organization} is a {org.Kind}.");
            }

            ObserverRules.Check(observer, central);
            long? decisionId = null;
            if (observer.Accreditation is { } a)
            {
                if (!decisions.TryGetValue((a.Commission, a.Number), out var id))
                {
                    id = await db.Decisions.AsNoTracking()
                        .Where(d => d.Number == a.Number && d.Adopted && db.Commissions.Any(c => c.Id == d.CommissionId && c.Code == a.Commission))
                        .Select(d => d.Id).FirstOrDefaultAsync(ct);
                    if (id == 0)
                    {
                        throw new RuleViolation("OBS.NO-SUCH-DECISION", $"{a.Commission} has adopted no decision No. {a.Number}: {observer.Name} is not accredited.");
                    }

                    decisions[(a.Commission, a.Number)] = id;
                }

                decisionId = id;
            }

            if (observer.Commission is { } observed && !await db.Commissions.AnyAsync(c => c.Code == observed, ct))
            {
                throw new RuleViolation("OBS.UNKNOWN-COMMISSION", $"{observer.Name}: no commission has the code {observed}.");
            }

            rows.Add(new ObserverRow
            {
                OrganizationId = org.Id,
                Name = observer.Name,
                Term = observer.Term.ToString(),
                NominatingLetter = observer.NominatingLetter,
                Iin = observer.Iin?.Value,
                Commission = observer.Commission,
                Country = observer.Country,
                AccreditationDecisionId = decisionId,
                RegisteredAt = now,
            });
        }

        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return [.. rows.Select(r => r.Id)];
    }

    /// <summary>Deploys a team of an organization's observers to a region, with the units it is to visit in order.</summary>
    public async Task<int> AddTeamAsync(string code, string organization, ObserverTerm term, string region, IReadOnlyList<int> observers, IReadOnlyList<string> units, CancellationToken ct = default)
    {
        var org = await db.Set<ObserverOrganizationRow>().AsNoTracking().FirstOrDefaultAsync(o => o.Code == organization, ct)
            ?? throw new RuleViolation("OBS.UNKNOWN-ORGANIZATION", $"No observer organization {organization} is registered.");
        if (await db.Set<ObserverTeamRow>().AnyAsync(t => t.Code == code, ct))
        {
            throw new RuleViolation("OBS.DUPLICATE-TEAM", $"A team {code} is already deployed.");
        }

        var members = await db.Set<ObserverRow>().AsNoTracking().Where(o => observers.Contains(o.Id)).ToListAsync(ct);
        if (members.Count != observers.Distinct().Count() || members.Any(m => m.OrganizationId != org.Id))
        {
            throw new RuleViolation("OBS.TEAM-MEMBERS", $"Team {code}: every member is a registered observer of {organization}.");
        }

        var known = await UnitsAsync(ct);
        var unknown = units.Where(u => !known.ContainsKey(u)).ToList();
        if (!known.ContainsKey(region) || unknown.Count > 0)
        {
            throw new RuleViolation("OBS.UNKNOWN-COMMISSION", $"Team {code}: unknown commission(s) {string.Join(", ", unknown.Prepend(known.ContainsKey(region) ? "" : region).Where(u => u.Length > 0))}.");
        }

        var team = new ObserverTeamRow { Code = code, OrganizationId = org.Id, Term = term.ToString(), Region = region };
        db.Add(team);
        await db.SaveChangesAsync(ct);
        db.AddRange(observers.Select(o => new ObserverTeamMemberRow { TeamId = team.Id, ObserverId = o }));
        db.AddRange(units.Select((u, i) => new ObserverDeploymentRow { TeamId = team.Id, Position = i + 1, Unit = u }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return team.Id;
    }

    /// <summary>Checks and stores one submission; the same id with the same content is stored once.</summary>
    public async Task<SubmitResult> SubmitAsync(Submission submission, string source, string from, CancellationToken ct = default)
    {
        var results = await SubmitManyAsync([submission], source, from, ct);
        return results[0];
    }

    /// <summary>
    /// Checks and stores submissions in one transaction: each valid one is stored (or recognised as already
    /// stored), each invalid one refused with every error; a crash stores none of them.
    /// </summary>
    public async Task<IReadOnlyList<SubmitResult>> SubmitManyAsync(IReadOnlyList<Submission> submissions, string source, string from, CancellationToken ct = default)
    {
        try
        {
            return await SubmitOnceAsync(submissions, source, from, ct);
        }
        catch (DbUpdateException)
        {
            // Another request stored one of these ids between our check and our insert (a phone retrying while its
            // first attempt was still in flight): nothing of ours was written; the second pass sees it as stored.
            db.ChangeTracker.Clear();
            return await SubmitOnceAsync(submissions, source, from, ct);
        }
    }

    private async Task<IReadOnlyList<SubmitResult>> SubmitOnceAsync(IReadOnlyList<Submission> submissions, string source, string from, CancellationToken ct)
    {
        var units = await UnitsAsync(ct);
        var ids = submissions.Select(s => s.Id.Value).Distinct().ToList();
        var existing = new Dictionary<string, ObservationSubmissionRow>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var row in await db.Set<ObservationSubmissionRow>().AsNoTracking().Where(r => chunk.Contains(r.SubmissionId)).ToListAsync(ct))
            {
                existing[row.SubmissionId] = row;
            }
        }

        var now = time.GetUtcNow();
        var results = new List<SubmitResult>();
        foreach (var s in submissions)
        {
            var errors = SubmissionCheck.Check(forms, s).ToList();
            var unitLevel = forms.Form(s.Form)?.Unit;
            if (!units.TryGetValue(s.Unit, out var unit) || unit.Level != unitLevel)
            {
                errors.Insert(0, new SubmissionError("station", "OBS.UNKNOWN-UNIT", $"{s.Unit} is not a {unitLevel} (the {ObservationForms.KindName(s.Form)} form observes a {unitLevel})"));
            }

            if (string.IsNullOrWhiteSpace(s.Team) || s.Team.Length > 32)
            {
                errors.Insert(0, new SubmissionError("team", "OBS.TEAM", "the team is 1 to 32 characters"));
            }

            var answers = AnswersJson(s.Answers);
            if (existing.TryGetValue(s.Id.Value, out var stored))
            {
                var same = stored.Form == ObservationForms.KindName(s.Form) && stored.Unit == s.Unit && stored.Team == s.Team && stored.Answers == answers;
                results.Add(same
                    ? new SubmitResult(s.Id.Value, SubmitOutcome.AlreadyStored, [])
                    : new SubmitResult(s.Id.Value, SubmitOutcome.Refused, [new SubmissionError("submission_id", "OBS.ID-REUSED", $"{s.Id} is already stored with other content; a new submission needs a new id")]));
                continue;
            }

            if (errors.Count > 0)
            {
                results.Add(new SubmitResult(s.Id.Value, SubmitOutcome.Refused, errors));
                continue;
            }

            var row = new ObservationSubmissionRow
            {
                SubmissionId = s.Id.Value,
                FormsId = forms.Id,
                FormsVersion = forms.Version,
                Form = ObservationForms.KindName(s.Form),
                Unit = s.Unit,
                Team = s.Team,
                SubmittedAt = s.SubmittedAt.ToUniversalTime(),
                ReceivedAt = now,
                Source = source,
                ReceivedFrom = from,
                Answers = answers,
            };
            db.Add(row);
            existing[row.SubmissionId] = row;
            results.Add(new SubmitResult(s.Id.Value, SubmitOutcome.Stored, []));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var stored = results.Count(r => r.Outcome == SubmitOutcome.Stored);
            if (stored > 0)
            {
                Audit.Record(db, AuditEvents.ObservationSubmitted, from, "", source, $"{stored} stored, {results.Count(r => r.Outcome == SubmitOutcome.AlreadyStored)} already stored, {results.Count(r => r.Outcome == SubmitOutcome.Refused)} refused", now);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return results;
    }

    /// <summary>Every stored submission, as Core reads it.</summary>
    public async Task<IReadOnlyList<Submission>> SubmissionsAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<ObservationSubmissionRow>().AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        return [.. rows.Select(ToSubmission)];
    }

    public static Submission ToSubmission(ObservationSubmissionRow r)
    {
        if (!ObservationForms.TryParseKind(r.Form, out var kind))
        {
            throw new InvalidOperationException($"Submission {r.SubmissionId} has an unknown form \"{r.Form}\".");
        }

        return new Submission(Core.Observation.SubmissionId.Parse(r.SubmissionId), kind, r.Unit, r.Team, r.SubmittedAt, JsonSerializer.Deserialize<Dictionary<string, string>>(r.Answers, Json)!);
    }

    /// <summary>The mission's statistics from the stored submissions, with each unit's region (its territorial commission).</summary>
    public async Task<ObservationStatistics> StatisticsAsync(CancellationToken ct = default)
    {
        var units = await UnitsAsync(ct);
        return ObservationStatistics.Compute(forms, await SubmissionsAsync(ct), u => units.TryGetValue(u, out var x) ? x.Region : null);
    }

    public async Task<MissionSummary> SummaryAsync(CancellationToken ct = default)
    {
        var observers = await db.Set<ObserverRow>().AsNoTracking().Select(o => new { o.Term, o.Country }).ToListAsync(ct);
        return new MissionSummary(
            await db.Set<ObserverOrganizationRow>().CountAsync(ct),
            observers.Count,
            observers.Count(o => o.Term == nameof(ObserverTerm.LongTerm)),
            observers.Count(o => o.Term == nameof(ObserverTerm.ShortTerm)),
            observers.Where(o => o.Country is not null).Select(o => o.Country).Distinct().Count(),
            await db.Set<ObserverTeamRow>().CountAsync(ct),
            await db.Set<ObserverOrganizationRow>().SumAsync(o => o.Experts, ct),
            await db.Set<ObservationSubmissionRow>().CountAsync(ct));
    }

    /// <summary>Every commission's code with its level and region (the level just below the top: a TEC's area).</summary>
    public async Task<IReadOnlyDictionary<string, (string Level, string? Region)>> UnitsAsync(CancellationToken ct = default)
    {
        if (_units is not null)
        {
            return _units;
        }

        var all = await db.Commissions.AsNoTracking().Select(c => new { c.Id, c.Code, c.Level, c.ParentId }).ToListAsync(ct);
        var byId = all.ToDictionary(c => c.Id);
        var units = new Dictionary<string, (string, string?)>(all.Count);
        foreach (var c in all)
        {
            var walk = c;
            while (walk.ParentId is { } p && byId[p].ParentId is not null)
            {
                walk = byId[p];
            }

            units[c.Code] = (c.Level, walk.ParentId is null ? null : walk.Code);
        }

        return _units = units;
    }

    private static string AnswersJson(IReadOnlyDictionary<string, string> answers) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(answers.ToDictionary(), StringComparer.Ordinal), Json);
}
