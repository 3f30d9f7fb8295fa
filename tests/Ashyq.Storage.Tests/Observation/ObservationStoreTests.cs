using Ashyq.Core.Observation;
using Ashyq.Core.Results;
using Ashyq.Storage.Observation;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests.Observation;

public class ObservationStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly ObservationForms Forms = ObservationFormsLoader.Default;
    private static readonly DateTimeOffset Noon = new(2011, 4, 3, 12, 0, 0, TimeSpan.FromHours(6));

    private static async Task<AshyqDbContext> WorldAsync(string kind)
    {
        var store = await TestStores.WithWorldAsync(kind, 0, 3, Ct);
        var db = await store.OpenAsync(Ct);
        return db;
    }

    private static Submission Voting(string id, string station, string team, string assessment, params (string Q, string A)[] more) =>
        new(SubmissionId.Parse(id), FormKind.Voting, station, team, Noon,
            new Dictionary<string, string>(more.Select(m => KeyValuePair.Create(m.Q, m.A))) { ["VOTE.SECRECY"] = "yes", ["VOTE.ASSESSMENT"] = assessment });

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task TheDemoMission_IsAccreditedByACecDecision_AndItsStatisticsAreTheStatements(string kind)
    {
        await using var db = await WorldAsync(kind);

        var summary = await ObservationDemo.SeedAsync(db, Repo.Kz, TimeProvider.System, Ct);
        var stats = await new ObservationService(db, Forms, TimeProvider.System).StatisticsAsync(Ct);

        Assert.NotNull(summary);
        Assert.Equal((350, 28, 43, 15), (summary.ShortTerm, summary.LongTerm, summary.Countries, summary.Experts));
        Assert.Equal(175 + 14, summary.Teams);
        var decision = await db.Decisions.SingleAsync(d => d.Number == ObservationDemo.AccreditationNumber, Ct);
        Assert.True(decision.Adopted);
        Assert.Equal(378, await db.Observers.CountAsync(o => o.AccreditationDecisionId == decision.Id, Ct));
        Assert.Equal(1445, stats.Forms[FormKind.Voting].Observed);
        Assert.Equal(138, stats.Forms[FormKind.Counting].Observed);
        Assert.Equal(115, stats.Forms[FormKind.Tabulation].Observed);
        Assert.Equal(new Share(130, 1445), stats.Forms[FormKind.Voting].NegativeUnits);
        Assert.Equal(new Share(23, 138), stats.Forms[FormKind.Counting].NegativeUnits);
        Assert.Equal(219, stats.Incidents["INC.IDENTICAL_SIGNATURES"]);
        Assert.Equal(28, stats.Incidents["INC.BALLOT_STUFFING"]);
        Assert.Equal(29, stats.Incidents["INC.PROTOCOL_CORRECTED_NO_DECISION"]);
        Assert.Equal(125, stats.Forms[FormKind.Voting].Incidents["INC.OBSERVERS_RESTRICTED"]);
        // Every region with observed stations has its figures, and they add up to the whole.
        Assert.Equal(16, stats.Regions.Count);
        Assert.Equal(1445, stats.Regions.Sum(r => r.Forms[FormKind.Voting].Observed));
        Assert.NotEmpty(stats.Conflicts);
        // Seeding again changes nothing.
        Assert.Null(await ObservationDemo.SeedAsync(db, Repo.Kz, TimeProvider.System, Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ASubmission_IsStoredOnceByItsId_AndAnIdReusedForOtherContentIsRefused(string kind)
    {
        await using var db = await WorldAsync(kind);
        var service = new ObservationService(db, Forms, TimeProvider.System);

        var first = await service.SubmitAsync(Voting("phone-1", "PEC-0041", "T1", "good"), "app", "obs1", Ct);
        var again = await service.SubmitAsync(Voting("phone-1", "PEC-0041", "T1", "good"), "app", "obs1", Ct);
        var reused = await service.SubmitAsync(Voting("phone-1", "PEC-0041", "T1", "bad"), "app", "obs1", Ct);
        var wrongUnit = await service.SubmitAsync(Voting("phone-2", "DEC-001", "T1", "good"), "app", "obs1", Ct);

        Assert.Equal(SubmitOutcome.Stored, first.Outcome);
        Assert.Equal(SubmitOutcome.AlreadyStored, again.Outcome);
        Assert.Equal("OBS.ID-REUSED", Assert.Single(reused.Errors).Code);
        Assert.Equal("OBS.UNKNOWN-UNIT", wrongUnit.Errors[0].Code);
        Assert.Equal(1, await db.ObservationSubmissions.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task TheSameIdSentTwiceAtOnce_IsStoredOnce(string kind)
    {
        var store = await TestStores.WithWorldAsync(kind, 0, 3, Ct);
        await using var a = store.CreateContext();
        await using var b = store.CreateContext();
        var results = await Task.WhenAll(
            new ObservationService(a, Forms, TimeProvider.System).SubmitAsync(Voting("twice", "PEC-0041", "T1", "good"), "app", "obs1", Ct),
            new ObservationService(b, Forms, TimeProvider.System).SubmitAsync(Voting("twice", "PEC-0041", "T1", "good"), "app", "obs1", Ct));

        await using var check = store.CreateContext();
        Assert.Equal(1, await check.ObservationSubmissions.CountAsync(Ct));
        Assert.Equal([SubmitOutcome.Stored, SubmitOutcome.AlreadyStored], results.Select(r => r.Outcome).Order());
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AStoredSubmission_CannotBeRewrittenOrDeleted(string kind)
    {
        await using var db = await WorldAsync(kind);
        await new ObservationService(db, Forms, TimeProvider.System).SubmitAsync(Voting("phone-1", "PEC-0041", "T1", "good"), "app", "obs1", Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE observation_submissions SET team = 'T9'", Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM observation_submissions", Ct));
        Assert.Equal("T1", (await db.ObservationSubmissions.SingleAsync(Ct)).Team);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task Observers_AreRegisteredByTheRulesOfTheirKind_InternationalOnesOnlyOnAnAdoptedCecDecision(string kind)
    {
        await using var db = await WorldAsync(kind);
        var service = new ObservationService(db, Forms, TimeProvider.System);
        await service.AddOrganizationAsync("AZAT", "Azat", ObserverOrganizationKind.PoliticalParty, ct: Ct);
        await service.AddOrganizationAsync("MISSION", "Mission", ObserverOrganizationKind.InternationalMission, ct: Ct);
        var domestic = new Observer
        {
            Name = "Domestic observer",
            Organization = "AZAT",
            OrganizationKind = ObserverOrganizationKind.PoliticalParty,
            Term = ObserverTerm.ShortTerm,
            NominatingLetter = "No. 3 of 2011-03-28",
            Iin = Ashyq.Core.Register.Iin.Compose(new DateOnly(1980, 5, 5), Ashyq.Core.Register.Gender.Male, 7),
            Commission = "PEC-0041",
        };
        var international = new Observer
        {
            Name = "STO (DE)",
            Organization = "MISSION",
            OrganizationKind = ObserverOrganizationKind.InternationalMission,
            Term = ObserverTerm.ShortTerm,
            Country = "DE",
            Accreditation = new AccreditationDecision("CEC", "99"),
        };

        var id = await service.RegisterObserverAsync("AZAT", domestic, Ct);
        var noDecision = await Assert.ThrowsAsync<RuleViolation>(() => service.RegisterObserverAsync("MISSION", international, Ct));
        var noLetter = await Assert.ThrowsAsync<RuleViolation>(() => service.RegisterObserverAsync("AZAT", domestic with { NominatingLetter = null }, Ct));
        var wrongKind = await Assert.ThrowsAsync<RuleViolation>(() => service.RegisterObserverAsync("MISSION", domestic, Ct));
        var team = await service.AddTeamAsync("AZAT-1", "AZAT", ObserverTerm.ShortTerm, "TEC-01", [id], ["PEC-0041"], Ct);

        Assert.True(id > 0);
        Assert.Equal("OBS.NO-SUCH-DECISION", noDecision.Code);
        Assert.Equal("OBS.NO-LETTER", noLetter.Code);
        Assert.Equal("OBS.ORGANIZATION-KIND", wrongKind.Code);
        Assert.Equal(1, await db.Observers.CountAsync(Ct));
        Assert.Equal("PEC-0041", (await db.Set<ObserverDeploymentRow>().SingleAsync(d => d.TeamId == team, Ct)).Unit);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task TheCsvImport_StoresTheGoodSubmissions_ReportsEachBadRowByFieldAndCode_AndIsIdempotent(string kind)
    {
        await using var db = await WorldAsync(kind);
        var service = new ObservationService(db, Forms, TimeProvider.System);
        const string csv = """
            submission_id,form,station,team,submitted_at,question,answer
            s1,voting,PEC-0001,T1,2011-04-03T10:00:00+06:00,VOTE.SECRECY,yes
            s1,voting,PEC-0001,T1,2011-04-03T10:00:00+06:00,VOTE.ASSESSMENT,bad
            s1,voting,PEC-0001,T1,2011-04-03T10:00:00+06:00,INC.BALLOT_STUFFING,yes
            s2,voting,PEC-0002,T1,2011-04-03T11:00:00+06:00,VOTE.SECRECY,yes
            s2,voting,PEC-0002,T1,2011-04-03T11:00:00+06:00,VOTE.ASSESSMENT,awful
            s3,voting,PEC-0003,T2,yesterday,VOTE.ASSESSMENT,good
            s4,polling,PEC-0004,T2,2011-04-03T11:00:00+06:00,VOTE.ASSESSMENT,good
            s5,voting,PEC-0005,T2,2011-04-03T12:00:00+06:00,VOTE.SECRECY,yes
            s5,voting,PEC-0005,T2,2011-04-03T12:00:00+06:00,VOTE.ASSESSMENT,good
            s5,voting,PEC-0005,T2,2011-04-03T12:00:00+06:00,INC.UNAUTHORIZED_INTERFERING,yes
            s6,tabulation,DEC-001,T2,2011-04-04T01:00:00+06:00,TAB.OBSERVERS_SEE_DATA,no
            s6,tabulation,DEC-001,T2,2011-04-04T01:00:00+06:00,TAB.ASSESSMENT,very_bad
            bad id!,voting,PEC-0001,T1,2011-04-03T10:00:00+06:00,VOTE.SECRECY,yes
            s7,counting,PEC-9999,T1,2011-04-03T21:00:00+06:00,COUNT.ASSESSMENT,good
            """;

        var report = await SubmissionCsvImporter.ImportAsync(service, new StringReader(csv), "test.csv", Ct);

        Assert.Equal(14, report.Rows);
        Assert.Equal(2, report.Stored); // s1 and s6
        Assert.Contains(report.Errors, e => e is { Row: 6, Field: "answer", Code: "OBS.BAD-ANSWER" });          // s2: "awful"
        Assert.Contains(report.Errors, e => e is { Row: 7, Field: "submitted_at", Code: "OBS.TIME" });          // s3
        Assert.Contains(report.Errors, e => e is { Row: 8, Field: "form", Code: "OBS.UNKNOWN-FORM" });          // s4
        Assert.Contains(report.Errors, e => e is { Row: 11, Field: "answer", Code: "OBS.NOT-ASKED" });          // s5: skip logic
        Assert.Contains(report.Errors, e => e is { Row: 14, Field: "submission_id", Code: "OBS.ID" });
        Assert.Contains(report.Errors, e => e is { Row: 15, Field: "station", Code: "OBS.UNKNOWN-UNIT" });      // s7
        Assert.Contains(report.Errors, e => e is { Row: 15, Field: "question", Code: "OBS.MISSING-ANSWER" });   // s7: no COUNT.UNUSED_CANCELLED
        Assert.Equal(2, await db.ObservationSubmissions.CountAsync(Ct));

        var again = await SubmissionCsvImporter.ImportAsync(service, new StringReader(csv), "test.csv", Ct);
        Assert.Equal((0, 2), (again.Stored, again.AlreadyStored));
        Assert.Equal(2, await db.ObservationSubmissions.CountAsync(Ct));
        var stats = await service.StatisticsAsync(Ct);
        Assert.Equal(1, stats.Incidents["INC.BALLOT_STUFFING"]);
        Assert.Equal(new Share(1, 1), stats.Forms[FormKind.Tabulation].NegativeUnits);
    }

    [Fact]
    public async Task TheCsvImport_RefusesAFileWithoutTheHeader()
    {
        await using var db = await WorldAsync(TestStores.Sqlite);

        var e = await Assert.ThrowsAsync<ObservationImportException>(() =>
            SubmissionCsvImporter.ImportAsync(new ObservationService(db, Forms, TimeProvider.System), new StringReader("id,form\n1,voting\n"), "x.csv", Ct));

        Assert.Equal("OBS.CSV-HEADER", e.Code);
    }
}
