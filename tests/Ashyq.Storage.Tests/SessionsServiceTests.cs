using Ashyq.Core.Commissions;
using Ashyq.Core.Results;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests;

public class SessionsServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Actor Secretary = new("cec-secretary", "CEC");

    private static async Task<(AshyqDbContext Db, SessionsService Sessions, List<string> Members)> CecAsync(string kind)
    {
        var store = await TestStores.WithWorldAsync(kind, 0, 3, Ct);
        var db = await store.OpenAsync(Ct);
        var members = await db.Members.Where(m => m.CommissionId == db.Commissions.Single(c => c.Code == "CEC").Id)
            .OrderBy(m => m.Id).Select(m => m.Id.ToString()).ToListAsync(Ct);
        return (db, new SessionsService(db, Repo.Kz, TimeProvider.System), members);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ADecision_IsStoredWithEveryVote_PublishedInTheLog_AndAudited(string kind)
    {
        var (db, sessions, members) = await CecAsync(kind);
        await using var _ = db;
        var present = members.Take(5).ToList();
        var session = await sessions.OpenAsync("CEC", new DateOnly(2011, 3, 20), ["Complaint No. 4 of the Azat party"], present, ["OSCE/ODIHR"], ["Khabar"], Secretary, Ct);

        var votes = present.Select((m, i) => (m, i < 4 ? VoteChoice.For : VoteChoice.Against)).ToDictionary(x => x.m, x => x.Item2);
        var decision = await sessions.VoteAsync(session, "12", "Complaint No. 4", "The complaint is rejected.", votes, [new DissentingOpinion(present[4], "The complaint was filed in time.")], Secretary, Ct);

        Assert.True(decision.Adopted);
        Assert.Equal((4, 1, 5, 7), (decision.For, decision.Against, decision.Present, decision.TotalMembership));
        var entry = await db.LogEntries.SingleAsync(e => e.Kind == "decision", Ct);
        Assert.Equal("CEC/12", entry.Subject);
        Assert.Contains("\"dissenting_opinions\":[{", System.Text.Encoding.UTF8.GetString(entry.Record), StringComparison.Ordinal);
        Assert.Equal(entry.Index, (await sessions.DecisionsAsync("CEC", Ct)).Single().LogIndex);
        Assert.Contains(await db.AuditEvents.ToListAsync(Ct), a => a.Action == "decision.voted" && a.Subject == "CEC/12" && a.User == "cec-secretary");
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task WithoutAQuorum_NothingIsDecided_AndNothingIsStored(string kind)
    {
        var (db, sessions, members) = await CecAsync(kind);
        await using var _ = db;
        var present = members.Take(4).ToList();
        var session = await sessions.OpenAsync("CEC", new DateOnly(2011, 3, 20), ["Complaint"], present, [], [], Secretary, Ct);

        var refused = await Assert.ThrowsAsync<RuleViolation>(() => sessions.VoteAsync(session, "13", "x", "x", present.ToDictionary(m => m, _ => VoteChoice.For), [], Secretary, Ct));

        Assert.Equal("SESSION.NO-QUORUM", refused.Code);
        Assert.Equal(0, await db.Decisions.CountAsync(Ct));
        Assert.Equal(0, await db.LogEntries.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ADecision_CannotBeRewritten_AndItsNumberIsNotReused(string kind)
    {
        var (db, sessions, members) = await CecAsync(kind);
        await using var _ = db;
        var session = await sessions.OpenAsync("CEC", new DateOnly(2011, 3, 21), ["x"], members, [], [], Secretary, Ct);
        await sessions.VoteAsync(session, "14", "x", "x", members.ToDictionary(m => m, _ => VoteChoice.For), [], Secretary, Ct);

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE decisions SET adopted = false", Ct));
        var again = await Assert.ThrowsAsync<RuleViolation>(() => sessions.VoteAsync(session, "14", "x", "y", members.ToDictionary(m => m, _ => VoteChoice.Against), [], Secretary, Ct));
        var elsewhere = await Assert.ThrowsAsync<RuleViolation>(() => sessions.VoteAsync(session, "15", "x", "y", members.ToDictionary(m => m, _ => VoteChoice.For), [], new Actor("x", "TEC-01"), Ct));

        Assert.Contains("RECORD.IMMUTABLE", update.Message, StringComparison.Ordinal);
        Assert.Equal("DECISION.DUPLICATE-NUMBER", again.Code);
        Assert.Equal("SESSION.OTHER-COMMISSION", elsewhere.Code);
    }
}
