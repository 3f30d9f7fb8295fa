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
        var store = await TestStores.CreateAsync(kind);
        var db = await store.OpenAsync(Ct);
        await new WorldWriter(db, TimeProvider.System).GenerateAsync(Repo.Kz, Repo.KzText, 0, 5, cancellationToken: Ct);
        return (db, new ResultsService(db, Repo.Kz, TimeProvider.System));
    }

    private static async Task<IReadOnlyList<SigningMember>> SignersAsync(AshyqDbContext db, string precinct) =>
        [.. (await db.Commissions.AsNoTracking().Include(c => c.Members).SingleAsync(c => c.Code == precinct, Ct)).Members
            .Select(m => new SigningMember(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<MemberRole>(m.Role), m.IsVoting))];

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
