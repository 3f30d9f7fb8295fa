using System.Text;
using System.Text.Json.Nodes;
using Ashyq.Core.Candidates;
using Ashyq.Core.Commissions;
using Ashyq.Core.Results;
using Ashyq.Storage.Nomination;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests.Nomination;

public class NominationFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Actor Tec(string code) => new($"{code.ToLowerInvariant()}-secretary", code);

    /// <summary>Schedules, notifies everyone in time, holds and adopts the protocol at every TEC with signatures.</summary>
    private static async Task AdoptEveryProtocolAsync(NominationWorld world, int nominee)
    {
        var counts = await new StoredSignatureTally(world.Db, Ashyq.Tests.Repo.Kz, world.Clock).CountsAsync(nominee, Ct);
        var ids = new List<(int Id, string Tec)>();
        foreach (var c in counts.Where(c => c.Tec.Length > 0))
        {
            var id = await world.Verification.ScheduleAsync(nominee, c.Tec, world.Clock.Now.AddHours(72), $"{c.Tec}, hall 2", Tec(c.Tec), Ct);
            await world.Verification.NotifyAllAsync(id, "sms", Tec(c.Tec), Ct);
            ids.Add((id, c.Tec));
        }

        world.Clock.Advance(TimeSpan.FromHours(73));
        foreach (var (id, tec) in ids)
        {
            var (present, votes) = await world.VotesAsync(tec, VoteChoice.For, Ct);
            var view = await world.Verification.HoldAsync(id, $"V-{nominee}", present, votes, [], Tec(tec), Ct);
            Assert.NotNull(view.LogIndex);
        }
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ANominee_WithEnoughVerifiedSignatures_IsRegisteredByACollegialDecision_PublishedWithTheAppealRoute(string kind)
    {
        await using var world = await NominationWorld.CreateAsync(kind, 0.0002, Ct);
        var nominee = await world.EligibleNomineeAsync("Тестов Нұрлан Асқарұлы", 3, Ct);
        Assert.All((await world.Files.DossierAsync(nominee, Ct))!.Eligibility, r => Assert.True(r.Met, r.Code + ": " + r.Evidence));

        var report = await new Signatures.SignatureStore(world.Db, Ashyq.Tests.Repo.Kz, world.Clock).VerifyAsync(nominee, new StringReader(await world.SheetsAsync(3, 12, Ct)), Ct);
        Assert.Equal(36, report.Valid);
        Assert.Equal(["SIG.BIRTHDATE-MISMATCH", "SIG.NOT-A-VOTER"], report.Rejected.Select(r => r.Code).Order(StringComparer.Ordinal));

        var before = await world.Registration.CheckAsync(nominee, Ct);
        Assert.Equal("REG.VERIFICATION-PROTOCOLS", RegistrationRules.Unmet(before.Requirements)!.Code);

        await AdoptEveryProtocolAsync(world, nominee);
        var check = await world.Registration.CheckAsync(nominee, Ct);
        Assert.True(check.Register, string.Join("; ", check.Requirements.Where(r => !r.Met).Select(r => r.Code + " " + r.Evidence)));
        Assert.Equal(await new Ashyq.Storage.Register.RegisterQueries(world.Db).SignatureBaseAsync(Ashyq.Tests.Repo.Kz, Ct), check.Signatures!.VotersOnOpeningDay);
        Assert.Equal(36, check.Signatures.Valid);

        var (present, votes) = await world.VotesAsync("CEC", VoteChoice.For, Ct);
        votes[present[^1]] = VoteChoice.Against;
        var outcome = await world.Registration.DecideAsync(nominee, "R-1", present, votes, [], NominationWorld.Clerk, Ct);

        Assert.NotNull(outcome);
        Assert.True(outcome.Registered);
        Assert.Equal("Registered", (await world.Db.Nominees.SingleAsync(n => n.Number == nominee, Ct)).Status);
        var entry = await world.Db.LogEntries.SingleAsync(e => e.Kind == NominationRecords.RegistrationKind, Ct);
        var record = JsonNode.Parse(Encoding.UTF8.GetString(entry.Record))!;
        Assert.Equal("registered", record["outcome"]!.GetValue<string>());
        Assert.Equal("SC.CEC-CANDIDATE-REGISTRATION", record["appeal"]!["route"]!.GetValue<string>());
        Assert.False(record["appeal"]!["appealable"]!.GetValue<bool>());
        Assert.DoesNotContain(world.Db.Set<NominationFileRow>().Single(f => f.NomineeId == world.Db.Nominees.Single(n => n.Number == nominee).Id).Iin.ToString("D12", System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetString(entry.Record), StringComparison.Ordinal);
        var decision = (await new SessionsService(world.Db, Ashyq.Tests.Repo.Kz, world.Clock).DecisionsAsync("CEC", Ct)).Single(d => d.Number == "R-1");
        Assert.Equal((present.Count - 1, 1), (decision.For, decision.Against));
        Assert.Equal(12, await world.Db.LogEntries.CountAsync(e => e.Kind == NominationRecords.VerificationKind, Ct));
        await Assert.ThrowsAsync<RuleViolation>(() => world.Registration.DecideAsync(nominee, "R-2", present, votes, [], NominationWorld.Clerk, Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ARefusal_CitesTheUnmetRequirement(string kind)
    {
        await using var world = await NominationWorld.CreateAsync(kind, 0.0002, Ct);
        var failed = await world.EligibleNomineeAsync("Тілсіз Марат", 28, Ct);
        var few = await world.EligibleNomineeAsync("Аз Қолтаңба", 2, Ct);
        await new Signatures.SignatureStore(world.Db, Ashyq.Tests.Repo.Kz, world.Clock).VerifyAsync(few, new StringReader(await world.SheetsAsync(1, 12, Ct)), Ct);
        await AdoptEveryProtocolAsync(world, few);
        var (present, votes) = await world.VotesAsync("CEC", VoteChoice.For, Ct);

        var language = await world.Registration.DecideAsync(failed, "R-10", present, votes, [], NominationWorld.Clerk, Ct);
        var signatures = await world.Registration.DecideAsync(few, "R-11", present, votes, [], NominationWorld.Clerk, Ct);

        Assert.Equal((false, "ELIG.STATE-LANGUAGE"), (language!.Registered, language.Unmet));
        Assert.Equal((false, "REG.SIGNATURE-THRESHOLD"), (signatures!.Registered, signatures.Unmet));
        Assert.Contains("REG.SIGNATURE-THRESHOLD", (await new SessionsService(world.Db, Ashyq.Tests.Repo.Kz, world.Clock).DecisionsAsync("CEC", Ct)).Single(d => d.Number == "R-11").Text, StringComparison.Ordinal);
        Assert.Equal("Refused", (await world.Db.Nominees.SingleAsync(n => n.Number == few, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AVerificationProtocol_IsNotAdopted_BeforeItsTime_OrWithoutTimelyNoticeToEveryProxy(string kind)
    {
        await using var world = await NominationWorld.CreateAsync(kind, 0.0002, Ct);
        var nominee = await world.EligibleNomineeAsync("Сенім Берілген", 2, Ct);
        await new Signatures.SignatureStore(world.Db, Ashyq.Tests.Repo.Kz, world.Clock).VerifyAsync(nominee, new StringReader(await world.SheetsAsync(3, 1, Ct)), Ct);
        var tec = (await new StoredSignatureTally(world.Db, Ashyq.Tests.Repo.Kz, world.Clock).CountsAsync(nominee, Ct)).First(c => c.Tec.Length > 0).Tec;
        var precinct = await PrecinctInAsync(world, tec);
        var nomineeId = await world.Db.Nominees.Where(n => n.Number == nominee).Select(n => n.Id).SingleAsync(Ct);
        var proxy = await world.Proxies.RegisterAsync(nomineeId, precinct, "Сенімді Өкіл", "+7 701 000 00 00", Tec(tec), Ct);
        var (present, votes) = await world.VotesAsync(tec, VoteChoice.For, Ct);

        var session = await world.Verification.ScheduleAsync(nominee, tec, world.Clock.Now.AddHours(72), "hall", Tec(tec), Ct);
        await world.Verification.NotifyAsync(session, null, "email", Tec(tec), Ct);
        Assert.Equal("VERIF.TOO-EARLY", (await Assert.ThrowsAsync<RuleViolation>(() => world.Verification.HoldAsync(session, "V-1", present, votes, [], Tec(tec), Ct))).Code);

        world.Clock.Advance(TimeSpan.FromHours(72));
        Assert.Equal(VerificationNoticeRule.Missing, (await Assert.ThrowsAsync<RuleViolation>(() => world.Verification.HoldAsync(session, "V-1", present, votes, [], Tec(tec), Ct))).Code);

        var late = await world.Verification.ScheduleAsync(nominee, tec, world.Clock.Now.AddHours(72), "hall", Tec(tec), Ct);
        world.Clock.Advance(TimeSpan.FromHours(30));
        await world.Verification.NotifyAllAsync(late, "phone", Tec(tec), Ct);
        world.Clock.Advance(TimeSpan.FromHours(42));
        Assert.Equal(VerificationNoticeRule.Late, (await Assert.ThrowsAsync<RuleViolation>(() => world.Verification.HoldAsync(late, "V-1", present, votes, [], Tec(tec), Ct))).Code);
        Assert.Equal("VERIF.OTHER-COMMISSION", (await Assert.ThrowsAsync<RuleViolation>(() => world.Verification.NotifyAsync(late, proxy.Id, "sms", Tec("TEC-16"), Ct))).Code);

        var good = await world.Verification.ScheduleAsync(nominee, tec, world.Clock.Now.AddHours(49), "hall", Tec(tec), Ct);
        await world.Verification.NotifyAllAsync(good, "sms", Tec(tec), Ct);
        world.Clock.Advance(TimeSpan.FromHours(49));
        var notices = (await world.Verification.ForCommissionAsync(tec, Ct)).Single(v => v.Id == good).Notices;
        Assert.Equal([VerificationNoticeRule.NomineeRole, VerificationNoticeRule.ProxyRole], notices.Select(n => n.Role).Order(StringComparer.Ordinal));
        await world.Verification.RecordAttendanceAsync(good, notices.Single(n => n.Role == VerificationNoticeRule.ProxyRole).Id, true, Tec(tec), Ct);
        var adopted = await world.Verification.HoldAsync(good, "V-1", present, votes, [], Tec(tec), Ct);

        var protocol = JsonNode.Parse(adopted.ProtocolJson!)!;
        Assert.Equal(3, protocol["valid"]!.GetValue<long>());
        Assert.True(protocol["notices"]!.AsArray().Single(n => n!["role"]!.GetValue<string>() == "proxy")!["attended"]!.GetValue<bool>());
        Assert.DoesNotContain("+7 701", adopted.ProtocolJson, StringComparison.Ordinal);
        var csv = await world.Verification.RejectionsCsvAsync(nominee, null, Ct);
        Assert.Contains("SIG.BIRTHDATE-MISMATCH", csv, StringComparison.Ordinal);
        Assert.StartsWith("sheet_id,line,tec,code,message\n", csv, StringComparison.Ordinal);
    }

    internal static async Task<string> PrecinctInAsync(NominationWorld world, string tec)
    {
        var units = await Territory.UnitsOfPrecinctsAsync(world.Db, Ashyq.Tests.Repo.Kz, Ct);
        var id = units.Where(u => u.Value == tec).Select(u => u.Key).Min();
        return await world.Db.Commissions.Where(c => c.Id == id).Select(c => c.Code).SingleAsync(Ct);
    }
}
