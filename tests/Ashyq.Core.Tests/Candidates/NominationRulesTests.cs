using System.Text;
using System.Text.Json.Nodes;
using Ashyq.Core.Candidates;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Candidates;

public class NominationRulesTests
{
    [Fact]
    public void ANomination_IsBySelf_AnAssociation_OrAParty_WhichNamesItself()
    {
        Assert.Equal("self", NominationKind.Parse(Repo.Kz, "Self", null));
        Assert.Equal("political-party", NominationKind.Parse(Repo.Kz, "political-party", "NUR-OTAN"));
        Assert.Equal("NOM.KIND", Assert.Throws<RuleViolation>(() => NominationKind.Parse(Repo.Kz, "initiative-group", null)).Code);
        Assert.Equal("NOM.ORGANIZATION", Assert.Throws<RuleViolation>(() => NominationKind.Parse(Repo.Kz, "public-association", " ")).Code);
    }

    [Fact]
    public void TheDeadlines_AreComputedFromTheCalendar_AndTheNominationDay()
    {
        var d = NominationDeadlines.Of(Repo.Kz, new DateOnly(2011, 2, 7));

        Assert.Equal(new DateOnly(2011, 2, 12), d.EligibilityDecisionBy);
        Assert.Equal((new DateOnly(2011, 2, 13), new DateOnly(2011, 2, 22)), (d.SignaturesFrom, d.SignaturesTo));
        Assert.Equal(new DateOnly(2011, 3, 2), d.RegistrationCloses);
        Assert.Equal(new DateOnly(2011, 4, 3), d.VotingDay);
    }

    [Fact]
    public void EveryNomineeAndProxy_MustBeNotifiedAtLeastTheNoticeHoursBefore()
    {
        var at = new DateTimeOffset(2011, 2, 25, 10, 0, 0, TimeSpan.Zero);
        var hours = Repo.Kz.Sessions.NoticeHours;
        VerificationNotice Notice(string who, string role, double before) => new(who, role, "sms", at.AddHours(-before), null);

        var ok = VerificationNoticeRule.Check(Repo.Kz.Sessions, at, "Nominee", ["Proxy A"], [Notice("Nominee", "nominee", hours), Notice("Proxy A", "proxy", hours + 1)]);
        var late = VerificationNoticeRule.Check(Repo.Kz.Sessions, at, "Nominee", ["Proxy A"], [Notice("Nominee", "nominee", hours), Notice("Proxy A", "proxy", hours - 0.5)]);
        var missing = VerificationNoticeRule.Check(Repo.Kz.Sessions, at, "Nominee", ["Proxy A", "Proxy B"], [Notice("Nominee", "nominee", 72), Notice("Proxy A", "proxy", 72)]);

        Assert.All(ok, r => Assert.True(r.Met));
        Assert.Equal([VerificationNoticeRule.Late], late.Where(r => !r.Met).Select(r => r.Code));
        Assert.Equal([VerificationNoticeRule.Missing], missing.Where(r => !r.Met).Select(r => r.Code));
        Assert.Equal("VERIF.CHANNEL", Assert.Throws<RuleViolation>(() => VerificationNoticeRule.ParseChannel("pigeon")).Code);
    }

    [Fact]
    public void TheProxyLimit_GivesTheLowestFreePlace_AndRefusesAFourth()
    {
        Assert.Equal(1, ProxyLimit.FreeSlot(Repo.Kz, "C1", "PEC-0001", Array.Empty<int>()));
        Assert.Equal(2, ProxyLimit.FreeSlot(Repo.Kz, "C1", "PEC-0001", [1, 3]));
        Assert.Equal(ProxyLimit.Code, Assert.Throws<RuleViolation>(() => ProxyLimit.FreeSlot(Repo.Kz, "C1", "PEC-0001", [1, 2, 3])).Code);
    }

    [Fact]
    public void TheRegistrationRecord_CitesTheUnmetRequirement_AndRoutesAppealsToTheSupremeCourt_WithoutTheIin()
    {
        RequirementResult[] requirements = [new("ELIG.AGE", true, "born 1950-01-01: 61", new DateOnly(2011, 4, 3)), new("REG.SIGNATURE-THRESHOLD", false, "80,000 valid; at least 91,010")];
        var bytes = NominationRecords.Registration(Repo.Kz, 7, "Тест", "CEC/15", false, requirements, new SignatureFigures(9_101_000, 91_010, 80_000, new Dictionary<string, long> { ["TEC-01"] = 80_000 }));
        var record = JsonNode.Parse(Encoding.UTF8.GetString(bytes))!;

        Assert.Equal("refused", record["outcome"]!.GetValue<string>());
        Assert.Equal("REG.SIGNATURE-THRESHOLD", record["unmet"]!.GetValue<string>());
        Assert.Equal(AppealRoute.RegistrationRoute, record["appeal"]!["route"]!.GetValue<string>());
        Assert.False(record["appeal"]!["appealable"]!.GetValue<bool>());
        Assert.Equal(91_010, record["signatures"]!["threshold"]!.GetValue<long>());
        Assert.Equal(bytes, NominationRecords.Registration(Repo.Kz, 7, "Тест", "CEC/15", false, requirements, new SignatureFigures(9_101_000, 91_010, 80_000, new Dictionary<string, long> { ["TEC-01"] = 80_000 })));
    }

    [Fact]
    public void TheVerificationProtocol_CountsEveryReason()
    {
        var protocol = new VerificationProtocol("TEC-03", 5, "Тест", DateTimeOffset.UnixEpoch, "hall", 100, 7,
            new Dictionary<string, long> { ["SIG.DUPLICATE"] = 4, ["SIG.NOT-A-VOTER"] = 3 }, new Dictionary<string, long> { ["collector-run"] = 30 },
            [new VerificationNotice("Proxy", "proxy", "sms", DateTimeOffset.UnixEpoch.AddHours(-50), true)]);

        Assert.Contains("SIG.DUPLICATE: 4; SIG.NOT-A-VOTER: 3", protocol.Text(), StringComparison.Ordinal);
        var record = JsonNode.Parse(Encoding.UTF8.GetString(NominationRecords.Verification("kz", protocol, "TEC-03/V-1")))!;
        Assert.Equal(4, record["rejected_by_code"]!["SIG.DUPLICATE"]!.GetValue<long>());
        Assert.True(record["notices"]![0]!["attended"]!.GetValue<bool>());
    }

    [Fact]
    public void TheDemo_KeepsTheSeedsLanguageCase_AndTheStatementsProxyFigures()
    {
        var nominees = Enumerable.Range(1, 22).Select(n => new Nominee(n, LocalizedText.Same($"N{n}"), n <= 4 ? "NUR-OTAN" : "self",
            n <= 4 ? NomineeStatus.Registered : NomineeStatus.Refused, n <= 4 ? $"C{n}" : null, n <= 4 ? null : n % 2 == 0 ? "language-test" : "signatures-insufficient")).ToList();
        var files = NominationDemo.Files(Repo.Kz, nominees, 3);
        var seedCase = files.Single(f => f.LanguageTest?.Examinations.Count == 2);
        var criteria = new LanguageTestCriteria(NominationDemo.ErrorCategories, NominationDemo.DemoMaximumErrors);
        var test = new LanguageTest(criteria, seedCase.LanguageTest!.Text);
        var results = seedCase.LanguageTest.Examinations.Select(e => test.Record(e.Examination)).ToList();

        Assert.Equal([(28, false, true), (17, false, true)], results.Select(r => (r.Errors, r.Passed, r.ConclusionFollowsCriteria)));
        Assert.All(files.Where(f => f.Number <= 4), f => Assert.All(EligibilityRules.Evaluate(Repo.Kz, ToFile(f, criteria)), r => Assert.True(r.Met, r.Code)));

        var proxies = NominationDemo.Proxies(Repo.Kz, 9_725, 3).ToList();
        Assert.Equal(31_916, proxies.Count);
        Assert.Equal(28_902, proxies.Count(p => p.Candidate == "C4"));
        Assert.True(proxies.GroupBy(p => (p.Candidate, p.Precinct)).All(g => g.Count() <= 3 && g.Select(p => p.Slot).Distinct().Count() == g.Count()));
    }

    private static NomineeFile ToFile(DemoFile f, LanguageTestCriteria criteria)
    {
        var test = new LanguageTest(criteria, f.LanguageTest!.Text);
        LanguageTestResult? result = null;
        foreach (var e in f.LanguageTest.Examinations)
        {
            result = test.Record(e.Examination);
        }

        DateOnly? On(string kind) => f.Documents.FirstOrDefault(d => d.Kind == kind)?.ReceivedOn;
        return new NomineeFile
        {
            Iin = f.Iin,
            CitizenByBirth = f.CitizenByBirth,
            BirthPlace = f.BirthPlace,
            ResidentSince = f.ResidentSince,
            LanguageTest = result,
            HasUnexpungedCriminalRecord = false,
            DepositPaid = f.Deposit,
            DepositPaidOn = On("deposit-receipt"),
            NomineeDeclarationOn = On("declaration"),
            SpouseDeclarationOn = On("spouse-declaration"),
            HasSpouse = f.HasSpouse,
            NominatedOn = f.NominatedOn,
        };
    }
}
