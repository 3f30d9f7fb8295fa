using Ashyq.Core.Commissions;
using Ashyq.Core.Results;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests;

public class ResultsServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long[] Good() => [1003, 900, 702, 198, 702, 21, 10, 15, 21, 635];

    private static async Task<(AshyqDbContext Db, ResultsService Results)> WorldAsync(string kind)
    {
        var store = await TestStores.WithWorldAsync(kind, 0, 5, Ct);
        var db = await store.OpenAsync(Ct);
        return (db, new ResultsService(db, Repo.Kz, TimeProvider.System));
    }

    private static async Task<IReadOnlyList<SigningMember>> SignersAsync(AshyqDbContext db, string precinct) =>
        [.. (await db.Commissions.AsNoTracking().Include(c => c.Members).SingleAsync(c => c.Code == precinct, Ct)).Members
            .Select(m => new SigningMember(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<MemberRole>(m.Role), m.IsVoting))];

    /// <summary>A session of the commission with all its voting members present, and a decision they vote for (or against).</summary>
    private static async Task<StoredDecision> DecideAsync(AshyqDbContext db, string commission, string number, DateOnly date, bool adopt, Func<long, IReadOnlyDictionary<string, VoteChoice>, Task<StoredDecision>>? vote = null)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.IsVoting && db.Commissions.Any(c => c.Id == m.CommissionId && c.Code == commission))
            .Select(m => m.Id).ToListAsync(Ct);
        var present = members.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var sessions = new SessionsService(db, Repo.Kz, TimeProvider.System);
        var secretary = new Actor("secretary", commission);
        var session = await sessions.OpenAsync(commission, date, ["Agenda"], present, [], [], secretary, Ct);
        var votes = present.ToDictionary(m => m, _ => adopt ? VoteChoice.For : VoteChoice.Against);
        return vote is null
            ? await sessions.VoteAsync(session, number, "Correction", "The protocol is corrected after a recount.", votes, [], secretary, Ct)
            : await vote(session, votes);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ACorrection_CitesAnAdoptedDecisionOfTheCompetentCommission_OrIsRefused(string kind)
    {
        var (db, results) = await WorldAsync(kind);
        await using var _ = db;
        await AcceptAsync(db, results, "PEC-0004", Good());
        var date = new DateOnly(2011, 4, 5);
        await DecideAsync(db, "DEC-001", "8", date, adopt: false);
        await DecideAsync(db, "DEC-002", "9", date, adopt: true);
        await DecideAsync(db, "DEC-001", "10", date, adopt: true);

        async Task<string> RefusedAsync(DecisionReference cited) =>
            (await Assert.ThrowsAsync<RuleViolation>(() => results.StartCorrectionAsync("PEC-0004", cited, Ct))).Code;

        Assert.Equal("CORRECTION.NO-SUCH-DECISION", await RefusedAsync(new("DEC-001", "99", date, "recount")));
        Assert.Equal("CORRECTION.DECISION-NOT-ADOPTED", await RefusedAsync(new("DEC-001", "8", date, "recount")));
        Assert.Equal("CORRECTION.NOT-COMPETENT", await RefusedAsync(new("DEC-002", "9", date, "recount")));
        Assert.Equal("CORRECTION.WRONG-DATE", await RefusedAsync(new("DEC-001", "10", date.AddDays(1), "recount")));
        Assert.Equal("CORRECTION.NO-REASON", await RefusedAsync(new("DEC-001", "10", date, " ")));
        Assert.Single(await results.VersionsAsync("PEC-0004", Ct)); // nothing opened by a refused citation

        var correction = await results.StartCorrectionAsync("PEC-0004", new("DEC-001", "10", date, "recount"), Ct);
        Assert.Equal(2, correction.Number);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ADistrictAdoptsItsResultsProtocolByDecision_OnlyWhenEveryPrecinctIsAccepted_AndACorrectionUnsettlesIt(string kind)
    {
        var (db, results) = await WorldAsync(kind);
        await using var _ = db;
        var precincts = await db.Commissions.AsNoTracking().Where(c => c.Parent!.Code == "DEC-001").OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(Ct);
        var date = new DateOnly(2011, 4, 4);
        Task<StoredDecision> AdoptAsync(string number) => DecideAsync(db, "DEC-001", number, date, adopt: true,
            (session, votes) => results.AdoptProtocolAsync("DEC-001", session, number, votes, [], new Actor("secretary", "DEC-001"), Ct));

        await AcceptAsync(db, results, precincts[0], Good());
        var incomplete = await Assert.ThrowsAsync<RuleViolation>(() => AdoptAsync("1"));
        Assert.Equal("RESULTS.INCOMPLETE", incomplete.Code);
        Assert.Contains($"{precincts.Count - 1} of its {precincts.Count}", incomplete.Message, StringComparison.Ordinal);
        Assert.Equal((null, false), await results.AdoptionAsync("DEC-001", Ct));

        foreach (var precinct in precincts.Skip(1))
        {
            await AcceptAsync(db, results, precinct, Good());
        }

        var adopted = await AdoptAsync("2");
        Assert.True(adopted.Adopted);
        Assert.Equal(ResultsProtocol.DecisionSubject, adopted.Subject);
        Assert.Contains($"{results.Form.Lines[9].Code} = {635 * precincts.Count}", adopted.Text, StringComparison.Ordinal);
        Assert.NotNull(adopted.LogIndex);
        Assert.Equal((adopted.Number, true), ((await results.AdoptionAsync("DEC-001", Ct)).Decision!.Number, (await results.AdoptionAsync("DEC-001", Ct)).AsNow));

        // The territorial commission above cannot adopt while its other districts are not in.
        var tec = await db.Commissions.AsNoTracking().Where(c => c.Code == "DEC-001").Select(c => c.Parent!.Code).SingleAsync(Ct);
        var refused = await Assert.ThrowsAsync<RuleViolation>(() => DecideAsync(db, tec, "1", date, adopt: true,
            (session, votes) => results.AdoptProtocolAsync(tec, session, "1", votes, [], new Actor("secretary", tec), Ct)));
        Assert.Equal("RESULTS.INCOMPLETE", refused.Code);
        var precinctProtocol = await Assert.ThrowsAsync<RuleViolation>(() => DecideAsync(db, precincts[0], "1", date, adopt: true,
            (session, votes) => results.AdoptProtocolAsync(precincts[0], session, "1", votes, [], new Actor("secretary", precincts[0]), Ct)));
        Assert.Equal("RESULTS.PRECINCT-PROTOCOL", precinctProtocol.Code);

        // A later correction of one precinct: the adopted protocol no longer matches the totals; a new decision is due.
        await DecideAsync(db, "DEC-001", "3", date.AddDays(1), adopt: true);
        await results.StartCorrectionAsync(precincts[0], new DecisionReference("DEC-001", "3", date.AddDays(1), "recount"), Ct);
        var corrected = Good();
        corrected[9] = 634;
        corrected[5] = 22;
        await AcceptAsync(db, results, precincts[0], corrected);
        Assert.False((await results.AdoptionAsync("DEC-001", Ct)).AsNow);
        Assert.True((await AdoptAsync("4")).Adopted);
        Assert.True((await results.AdoptionAsync("DEC-001", Ct)).AsNow);
    }

    private static async Task AcceptAsync(AshyqDbContext db, ResultsService results, string precinct, long[] values)
    {
        var signers = await SignersAsync(db, precinct);
        var a = new Actor("op-a", precinct);
        var b = new Actor("op-b", precinct);
        await results.ActAsync(precinct, (v, t) => { v.StartFirstEntry(a, t); return v.EnterFirst(a, values, true, t); }, Ct);
        await results.ActAsync(precinct, (v, t) => { v.StartSecondEntry(b, t); return v.EnterSecond(b, values, true, t); }, Ct);
        foreach (var warning in (await results.CurrentAsync(precinct, Ct)).Warnings())
        {
            await results.ActAsync(precinct, (v, t) => { v.Acknowledge(warning.Code, "checked twice", a, t); return 0; }, Ct);
        }

        await results.ActAsync(precinct, (v, t) => { v.Sign(SigningRule.For(Repo.Kz), signers, null, a, t); v.Submit(a, t); return 0; }, Ct);
        var dec = await db.Commissions.Where(c => c.Code == precinct).Select(c => c.Parent!.Code).SingleAsync(Ct);
        await results.ActAsync(precinct, (v, t) => { v.Accept(new Actor("dec-duty", dec), t); return 0; }, Ct);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AnAcceptedProtocol_AddsToEveryLevelAbove(string kind)
    {
        var (db, results) = await WorldAsync(kind);
        await using var _ = db;

        await AcceptAsync(db, results, "PEC-0001", Good());
        await AcceptAsync(db, results, "PEC-0002", Good());

        var dec = await db.Commissions.Where(c => c.Code == "PEC-0001").Select(c => c.Parent!.Code).SingleAsync(Ct);
        var cec = await results.TallyAsync("CEC", Ct);
        Assert.Equal(2 * 635, cec.Totals["C4"]);
        Assert.Equal(2 * 1003, cec.Totals["L1"]);
        Assert.Equal((9725, 2), (cec.Precincts, cec.Accepted));
        Assert.False(cec.IsComplete);
        Assert.True((await results.TallyAsync(dec, Ct)).Accepted >= 1);
        Assert.Equal(cec.Totals.Values, await results.RecountAsync("CEC", Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AnAcceptedVersion_CannotBeUpdatedOrDeleted_EvenBySql(string kind)
    {
        var (db, results) = await WorldAsync(kind);
        await using var _ = db;
        await AcceptAsync(db, results, "PEC-0003", Good());

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE protocol_versions SET \"values\" = '[0,0,0,0,0,0,0,0,0,0]'", Ct));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM protocol_versions", Ct));

        Assert.Contains("VERSION.IMMUTABLE", update.Message, StringComparison.Ordinal);
        Assert.Contains("VERSION.IMMUTABLE", delete.Message, StringComparison.Ordinal);
        Assert.Equal(Good(), (await results.CurrentAsync("PEC-0003", Ct)).Values);
        await Assert.ThrowsAsync<AcceptedVersionIsImmutable>(() => results.ActAsync("PEC-0003", (v, t) => { v.Submit(new Actor("x", "PEC-0003"), t); return 0; }, Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ACorrection_IsANewVersionCitingADecision_AndTheTotalsMoveByItsDifference(string kind)
    {
        var (db, results) = await WorldAsync(kind);
        await using var _ = db;
        await AcceptAsync(db, results, "PEC-0004", Good());

        var corrected = Good();
        corrected[9] = 630;
        corrected[5] = 26;
        await DecideAsync(db, "DEC-001", "7", new DateOnly(2011, 4, 5), adopt: true);
        var decision = new DecisionReference("DEC-001", "7", new DateOnly(2011, 4, 5), "Recount after a complaint by a proxy");
        await results.StartCorrectionAsync("PEC-0004", decision, Ct);
        await AcceptAsync(db, results, "PEC-0004", corrected);

        var versions = await results.VersionsAsync("PEC-0004", Ct);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(Good(), versions[0].Values);
        Assert.Equal(corrected, versions[1].Values);
        Assert.Equal(decision, versions[1].CorrectionDecision);
        var cec = await results.TallyAsync("CEC", Ct);
        Assert.Equal((630, 26, 1), (cec.Totals["C4"], cec.Totals["L6"], cec.Accepted));
        Assert.Equal(cec.Totals.Values, await results.RecountAsync("CEC", Ct));
    }

    [Fact]
    public async Task AnUnknownPrecinct_IsNamed()
    {
        var (db, results) = await WorldAsync(TestStores.Sqlite);
        await using var _ = db;

        var error = await Assert.ThrowsAsync<UnknownPrecinct>(() => results.CurrentAsync("PEC-99999", Ct));
        Assert.Equal("RESULTS.UNKNOWN-PRECINCT", error.Code);
    }
}
