using System.Globalization;
using System.Text;
using System.Text.Json;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Publication;
using Ashyq.Core.Results;
using Ashyq.Storage.Model;
using Ashyq.Storage.Publication;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage;

/// <summary>A commission's running totals as stored: line totals and how many of its precincts are in.</summary>
public sealed record TallyView(string Commission, string Level, int Precincts, int Accepted, IReadOnlyDictionary<string, long> Totals)
{
    public bool IsComplete => Accepted == Precincts;
}

/// <summary>
/// The results chain as the store keeps it: every step on a precinct protocol goes through here — the web, the
/// API and <c>simulate-night</c> alike — in one transaction that loads the version, applies the step through
/// <see cref="ProtocolVersion"/>, saves it, and, when the step is an acceptance, adds the difference it makes to
/// the totals of every commission above the precinct.
/// </summary>
public sealed class ResultsService(AshyqDbContext db, ElectionDefinition definition, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ProtocolForm Form => definition.ProtocolForm;

    /// <summary>The versions of a precinct's protocol, oldest first.</summary>
    public async Task<IReadOnlyList<ProtocolVersion>> VersionsAsync(string precinct, CancellationToken ct = default)
    {
        var id = await PrecinctIdAsync(precinct, ct);
        var rows = await db.ProtocolVersions.AsNoTracking().Where(v => v.PrecinctId == id).OrderBy(v => v.Number).ToListAsync(ct);
        return [.. rows.Select(row => Restore(row, precinct))];
    }

    /// <summary>The latest version of a precinct's protocol, or a new empty version 1.</summary>
    public async Task<ProtocolVersion> CurrentAsync(string precinct, CancellationToken ct = default)
    {
        var versions = await VersionsAsync(precinct, ct);
        return versions.Count > 0 ? versions[^1] : new ProtocolVersion(Form, precinct, 1, null);
    }

    /// <summary>
    /// Applies one step to the precinct's latest version and saves it. The step sees the current time. An
    /// accepted version refuses every step: only <see cref="StartCorrectionAsync"/> opens a new one.
    /// </summary>
    public async Task<T> ActAsync<T>(string precinct, Func<ProtocolVersion, DateTimeOffset, T> step, CancellationToken ct = default)
    {
        return await Transactions.RunAsync(db, async () =>
        {
            var precinctId = await PrecinctIdAsync(precinct, ct);
            var row = await db.ProtocolVersions.Where(v => v.PrecinctId == precinctId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
            var version = row is null ? new ProtocolVersion(Form, precinct, 1, null) : Restore(row, precinct);
            if (version.State == ProtocolState.Accepted)
            {
                throw new AcceptedVersionIsImmutable(version.Number);
            }

            var eventsBefore = version.Events.Count;
            var result = step(version, time.GetUtcNow());
            foreach (var e in version.Events.Skip(eventsBefore))
            {
                Audit.Record(db, Ashyq.Core.Audit.AuditEvents.ForProtocol(e.Kind), e.By.User, e.By.Commission, $"{precinct}/v{version.Number}", e.Detail, e.At);
            }

            await SaveAsync(precinctId, row, version, ct);
            if (version.State == ProtocolState.Accepted)
            {
                var previous = version.Number > 1
                    ? await db.ProtocolVersions.AsNoTracking().Where(v => v.PrecinctId == precinctId && v.Number == version.Number - 1).Select(v => v.Values).FirstAsync(ct)
                    : null;
                await AddToTalliesAsync(precinctId, version.Values!, previous is null ? null : JsonSerializer.Deserialize<long[]>(previous), ct);
                // The warnings the commission acknowledged stay visible: recorded on the version as an import records them.
                var versionId = await db.ProtocolVersions.Where(v => v.PrecinctId == precinctId && v.Number == version.Number).Select(v => v.Id).FirstAsync(ct);
                foreach (var warning in version.Warnings())
                {
                    db.ProtocolViolations.Add(new ProtocolViolationRow { VersionId = versionId, RelationCode = warning.Code });
                }

                await db.SaveChangesAsync(ct);
                await TransparencyLog.AppendAsync(db, ProtocolRecord.Kind, precinct, version.Number, ProtocolRecord.Bytes(definition, version), version.AcceptedAt!.Value, ct);
            }

            return result;
        }, ct);
    }

    /// <summary>Opens version n+1 of an accepted protocol, citing the decision that allows the correction.</summary>
    public async Task<ProtocolVersion> StartCorrectionAsync(string precinct, DecisionReference decision, CancellationToken ct = default)
    {
        return await Transactions.RunAsync(db, async () =>
        {
            var precinctId = await PrecinctIdAsync(precinct, ct);
            var row = await db.ProtocolVersions.AsNoTracking().Where(v => v.PrecinctId == precinctId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct)
                ?? throw new WrongEntryState("correct (nothing is accepted yet)", ProtocolState.Empty);
            var competent = await ChainAsync(precinctId, ct);
            var found = await db.Decisions.AsNoTracking()
                .Where(d => d.Number == decision.Number && db.Commissions.Any(c => c.Id == d.CommissionId && c.Code == decision.Commission))
                .Select(d => new CitedDecision(decision.Commission, d.Number, d.Date, d.Adopted)).FirstOrDefaultAsync(ct);
            if (ResultsProtocolRules.RefusalToCite(decision, competent, found) is { } refusal)
            {
                throw refusal;
            }

            var correction = Restore(row, precinct).Correct(decision);
            await SaveAsync(precinctId, null, correction, ct);
            return correction;
        }, ct);
    }

    /// <summary>A commission's code and the codes of every commission above it, the commission first.</summary>
    private async Task<IReadOnlyList<string>> ChainAsync(int commissionId, CancellationToken ct)
    {
        var chain = new List<string>();
        for (int? id = commissionId; id is { } current;)
        {
            var c = await db.Commissions.AsNoTracking().Where(x => x.Id == current).Select(x => new { x.Code, x.ParentId }).FirstAsync(ct);
            chain.Add(c.Code);
            id = c.ParentId;
        }

        return chain;
    }

    /// <summary>The results protocol of a commission above the precincts as its tally stands now.</summary>
    public async Task<ResultsProtocol> ProtocolAsync(string commission, CancellationToken ct = default)
    {
        var tally = await TallyAsync(commission, ct);
        return new ResultsProtocol(tally.Commission, tally.Precincts, tally.Accepted, [.. Form.Lines.Select(l => new KeyValuePair<string, long>(l.Code, tally.Totals[l.Code]))]);
    }

    /// <summary>
    /// The decision by which the commission adopted its results protocol last, if any, and whether the protocol as
    /// it stands now is still the one adopted (a later correction of a precinct makes it differ).
    /// </summary>
    public async Task<(StoredDecision? Decision, bool AsNow)> AdoptionAsync(string commission, CancellationToken ct = default) =>
        await AdoptionAsync(commission, null, ct);

    /// <inheritdoc cref="AdoptionAsync(string, CancellationToken)"/>
    /// <param name="now">The protocol as it stands, if the caller has already read the commission's tally.</param>
    public async Task<(StoredDecision? Decision, bool AsNow)> AdoptionAsync(string commission, ResultsProtocol? now, CancellationToken ct = default)
    {
        var decisions = await new SessionsService(db, definition, time).DecisionsAsync(commission, ct);
        var adopted = decisions.LastOrDefault(d => d.Subject == ResultsProtocol.DecisionSubject && d.Adopted);
        return adopted is null ? (null, false) : (adopted, adopted.Text == (now ?? await ProtocolAsync(commission, ct)).Text());
    }

    /// <summary>
    /// Puts the commission's results protocol to the vote at one of its sessions: refused unless every precinct under
    /// it is accepted and every commission under it has adopted its own protocol as it stands; the decision (adopted
    /// or not) is stored and published like every decision, its text the protocol's totals.
    /// </summary>
    public async Task<StoredDecision> AdoptProtocolAsync(
        string commission, long sessionId, string number, IReadOnlyDictionary<string, VoteChoice> votes, IReadOnlyList<DissentingOpinion> dissents, Actor by, CancellationToken ct = default)
    {
        var c = await db.Commissions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == commission, ct)
            ?? throw new RuleViolation("RESULTS.UNKNOWN-COMMISSION", $"No commission has the code \"{commission}\".");
        var held = await db.Sessions.AsNoTracking().Where(x => x.Id == sessionId).Select(x => (int?)x.CommissionId).FirstOrDefaultAsync(ct)
            ?? throw new RuleViolation("SESSION.UNKNOWN", $"No session {sessionId}.");
        if (held != c.Id)
        {
            throw new RuleViolation("SESSION.OTHER-COMMISSION", $"Session {sessionId} is not a session of {commission}: a commission adopts its protocol at its own session.");
        }

        if (c.Level == definition.PrecinctLevel.Code)
        {
            throw new RuleViolation("RESULTS.PRECINCT-PROTOCOL", $"{commission} is a precinct commission: its protocol is signed and accepted, not adopted by a decision.");
        }

        var protocol = await ProtocolAsync(commission, ct);
        var children = await db.Commissions.AsNoTracking().Where(x => x.ParentId == c.Id && x.Level != definition.PrecinctLevel.Code).Select(x => x.Code).ToListAsync(ct);
        var subordinates = new List<(string, bool)>();
        foreach (var child in children)
        {
            subordinates.Add((child, (await AdoptionAsync(child, ct)).AsNow));
        }

        if (ResultsProtocolRules.RefusalToAdopt(protocol, subordinates) is { } refusal)
        {
            throw refusal;
        }

        return await new SessionsService(db, definition, time).VoteAsync(sessionId, number, ResultsProtocol.DecisionSubject, protocol.Text(), votes, dissents, by, ct);
    }

    /// <summary>The running totals of a commission, as stored.</summary>
    public async Task<TallyView> TallyAsync(string commission, CancellationToken ct = default)
    {
        var c = await db.Commissions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == commission, ct)
            ?? throw new KeyNotFoundException($"No commission {commission}.");
        var tally = await db.Tallies.AsNoTracking().FirstOrDefaultAsync(t => t.CommissionId == c.Id, ct);
        return new TallyView(c.Code, c.Level, tally?.Precincts ?? 0, tally?.Accepted ?? 0,
            Form.Lines.ToDictionary(l => l.Code, l => tally is not null && l.Index < tally.Totals.Length ? tally.Totals[l.Index] : 0));
    }

    /// <summary>A full recount of a commission from its precincts' latest accepted versions (to check the running totals).</summary>
    public async Task<long[]> RecountAsync(string commission, CancellationToken ct = default)
    {
        var all = await db.Commissions.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Code }).ToListAsync(ct);
        var root = all.Single(c => c.Code == commission).Id;
        var children = all.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value, c => c.Id);
        var under = new HashSet<int>();
        var stack = new Stack<int>([root]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            under.Add(id);
            foreach (var child in children[id])
            {
                stack.Push(child);
            }
        }

        var accepted = await db.ProtocolVersions.AsNoTracking().Where(v => v.State == nameof(ProtocolState.Accepted))
            .Select(v => new { v.PrecinctId, v.Number, v.Values }).ToListAsync(ct);
        var totals = new long[Form.Lines.Count];
        foreach (var latest in accepted.Where(v => under.Contains(v.PrecinctId)).GroupBy(v => v.PrecinctId).Select(g => g.MaxBy(v => v.Number)!))
        {
            var values = JsonSerializer.Deserialize<long[]>(latest.Values!)!;
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += values[i];
            }
        }

        return totals;
    }

    /// <summary>
    /// Creates the running totals of every commission above the precincts (zero, with its number of precincts),
    /// if the store has none yet. Called when an election is generated or imported.
    /// </summary>
    public static async Task CreateTalliesAsync(AshyqDbContext db, ElectionDefinition definition, int electionId, CancellationToken ct)
    {
        if (await db.Tallies.AnyAsync(ct))
        {
            return;
        }

        var commissions = await db.Commissions.AsNoTracking().Where(c => c.ElectionId == electionId)
            .Select(c => new { c.Id, c.ParentId, c.Level }).ToListAsync(ct);
        var parents = commissions.ToDictionary(c => c.Id, c => c.ParentId);
        var precincts = new Dictionary<int, int>();
        foreach (var precinct in commissions.Where(c => c.Level == definition.PrecinctLevel.Code))
        {
            for (var up = precinct.ParentId; up is not null; up = parents[up.Value])
            {
                precincts[up.Value] = precincts.GetValueOrDefault(up.Value) + 1;
            }
        }

        var zeros = TallySql.Zeros(db.Kind, definition.ProtocolForm.Lines.Count);
        var sql = new StringBuilder();
        foreach (var chunk in commissions.Where(c => c.Level != definition.PrecinctLevel.Code).Chunk(500))
        {
            sql.Clear().Append("INSERT INTO tallies (commission_id, precincts, accepted, totals) VALUES ");
            sql.AppendJoin(", ", chunk.Select(c => string.Create(CultureInfo.InvariantCulture, $"({c.Id}, {precincts.GetValueOrDefault(c.Id)}, 0, {zeros})")));
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), ct);
        }
    }

    /// <summary>Adds an accepted version's difference to every commission above the precinct, in SQL, atomically.</summary>
    private async Task AddToTalliesAsync(int precinctId, long[] accepted, long[]? previous, CancellationToken ct)
    {
        var ancestors = new List<int>();
        for (int? up = await db.Commissions.Where(c => c.Id == precinctId).Select(c => c.ParentId).FirstAsync(ct);
             up is not null;
             up = await db.Commissions.Where(c => c.Id == up).Select(c => c.ParentId).FirstAsync(ct))
        {
            ancestors.Add(up.Value);
        }

        await AddToTalliesAsync(db, ancestors, Tally.Delta(accepted, previous ?? []), countsAsNewPrecinct: previous is null, ct);
    }

    internal static async Task AddToTalliesAsync(AshyqDbContext db, IReadOnlyList<int> commissions, long[] delta, bool countsAsNewPrecinct, CancellationToken ct)
    {
        if (commissions.Count == 0)
        {
            return;
        }

        // One UPDATE of one row per commission above the precinct; every value spliced in is a whole number
        // formatted here: nothing of a user's reaches this SQL.
        if (TallySql.Add(db.Kind, commissions, delta, countsAsNewPrecinct) is { } add)
        {
            await db.Database.ExecuteSqlRawAsync(add, ct);
        }
    }

    private async Task SaveAsync(int precinctId, ProtocolVersionRow? row, ProtocolVersion version, CancellationToken ct)
    {
        var snapshot = version.Snapshot();
        if (row is null || row.Number != version.Number)
        {
            row = new ProtocolVersionRow { PrecinctId = precinctId, Number = version.Number, State = "", Snapshot = "" };
            db.ProtocolVersions.Add(row);
        }

        row.State = version.State.ToString();
        row.Values = version.Values is null ? null : JsonSerializer.Serialize(version.Values, Json);
        row.Snapshot = JsonSerializer.Serialize(snapshot, Json);
        row.EnteredElsewhere = version.EnteredElsewhere;
        row.CorrectionDecision = version.CorrectionDecision is null ? null : JsonSerializer.Serialize(version.CorrectionDecision, Json);
        row.AcceptedBy = version.AcceptedBy?.User;
        row.AcceptedByCommission = version.AcceptedBy?.Commission;
        row.AcceptedAt = version.AcceptedAt;
        row.Revision++;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }

    private ProtocolVersion Restore(ProtocolVersionRow row, string precinct) => row.Snapshot is null
        ? ProtocolVersion.Published(
            Form,
            precinct,
            JsonSerializer.Deserialize<long[]>(row.Values!, Json)!,
            new Actor(row.AcceptedBy!, row.AcceptedByCommission!),
            row.AcceptedAt!.Value)
        : ProtocolVersion.Restore(Form, JsonSerializer.Deserialize<ProtocolVersionSnapshot>(row.Snapshot, Json)!);

    private async Task<int> PrecinctIdAsync(string precinct, CancellationToken ct) =>
        await db.Commissions.Where(c => c.Code == precinct && c.Level == definition.PrecinctLevel.Code).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
            ?? throw new UnknownPrecinct(precinct);
}

/// <summary>No precinct commission has this code.</summary>
public sealed class UnknownPrecinct(string code) : RuleViolation("RESULTS.UNKNOWN-PRECINCT", $"No precinct commission has the code \"{code}\".");
