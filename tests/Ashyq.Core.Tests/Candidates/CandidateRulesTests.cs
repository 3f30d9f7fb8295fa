using Ashyq.Core.Candidates;
using Ashyq.Core.Register;
using Ashyq.Core.Results;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Candidates;

public class CandidateRulesTests
{
    private static Iin BornOn(DateOnly date) => Enumerable.Range(0, 20).Select(s => Iin.Compose(date, Gender.Male, s)).First(i => i is not null)!.Value;

    private static NomineeFile File(Func<NomineeFile, NomineeFile>? change = null)
    {
        var file = new NomineeFile
        {
            Iin = BornOn(new DateOnly(1950, 6, 1)),
            CitizenByBirth = true,
            BirthPlace = "Алматы облысы",
            ResidentSince = new DateOnly(1950, 6, 1),
            LanguageTest = new LanguageTestResult("commission", 3, 10, true, true),
            HasUnexpungedCriminalRecord = false,
            DepositPaidOn = new DateOnly(2011, 2, 25),
            DepositPaid = 799_950m,
            NomineeDeclarationOn = new DateOnly(2011, 2, 10),
            HasSpouse = true,
            SpouseDeclarationOn = new DateOnly(2011, 2, 10),
            NominatedOn = new DateOnly(2011, 2, 7),
        };
        return change is null ? file : change(file);
    }

    private static string[] Unmet(NomineeFile file) => [.. EligibilityRules.Evaluate(Repo.Kz, file).Where(r => !r.Met).Select(r => r.Code)];

    [Fact]
    public void AFileMeetingEveryRequirement_HasNothingUnmet() => Assert.Empty(Unmet(File()));

    [Theory]
    [InlineData("1971-04-03", true)]
    [InlineData("1971-04-04", false)]
    public void Age_IsJudgedOnVotingDay_FromTheIin(string birth, bool eligible)
    {
        var codes = Unmet(File(f => f with { Iin = BornOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture)), ResidentSince = new DateOnly(1980, 1, 1) }));
        Assert.Equal(!eligible, codes.Contains("ELIG.AGE"));
    }

    [Fact]
    public void EachRequirement_FailsOnItsOwn()
    {
        Assert.Equal(["ELIG.RESIDENCE"], Unmet(File(f => f with { ResidentSince = new DateOnly(1997, 1, 1) })));
        Assert.Equal(["ELIG.CITIZEN-BY-BIRTH"], Unmet(File(f => f with { CitizenByBirth = false })));
        Assert.Equal(["ELIG.STATE-LANGUAGE"], Unmet(File(f => f with { LanguageTest = new LanguageTestResult("appeal", 17, 10, false, true) })));
        Assert.Equal(["ELIG.STATE-LANGUAGE"], Unmet(File(f => f with { LanguageTest = null })));
        Assert.Equal(["ELIG.CRIMINAL-RECORD"], Unmet(File(f => f with { HasUnexpungedCriminalRecord = true })));
        Assert.Equal(["ELIG.NOMINATION-PERIOD"], Unmet(File(f => f with { NominatedOn = new DateOnly(2011, 2, 21) })));
        Assert.Equal(["DOC.DEPOSIT"], Unmet(File(f => f with { DepositPaid = 799_949m })));
        Assert.Equal(["DOC.DEPOSIT"], Unmet(File(f => f with { DepositPaidOn = null })));
        Assert.Equal(["DOC.SPOUSE-DECLARATION"], Unmet(File(f => f with { SpouseDeclarationOn = null })));
        Assert.Empty(Unmet(File(f => f with { SpouseDeclarationOn = null, HasSpouse = false })));
        Assert.Equal(["DOC.DECLARATION"], Unmet(File(f => f with { NomineeDeclarationOn = new DateOnly(2011, 3, 3) })));
    }

    [Fact]
    public void TheLanguageTest_IsJudgedAgainstItsPublishedCriteria_AtEachStage()
    {
        var test = new LanguageTest(new LanguageTestCriteria(["spelling", "grammar", "vocabulary"], MaximumErrors: 10), new string('а', 2000));
        var commission = test.Record(new LanguageExamination("commission", "Linguistic Commission",
            [.. Enumerable.Range(0, 28).Select(i => new LanguageError(i % 2 == 0 ? "spelling" : "grammar", i * 50, "examiner A"))], "fail"));
        var appeal = test.Record(new LanguageExamination("appeal", "Supreme Court",
            [.. Enumerable.Range(0, 17).Select(i => new LanguageError("grammar", i * 60, "court expert"))], "fail"));

        Assert.Equal((28, false, true), (commission.Errors, commission.Passed, commission.ConclusionFollowsCriteria));
        Assert.Equal((17, false, true), (appeal.Errors, appeal.Passed, appeal.ConclusionFollowsCriteria));
        Assert.Equal(appeal, test.Final);
        Assert.Throws<RuleViolation>(() => test.Record(new LanguageExamination("x", "y", [new LanguageError("style", 1, "z")], "fail")));
        var lenient = new LanguageTest(new LanguageTestCriteria(["spelling"], 10), "text").Record(new LanguageExamination("c", "b", [new LanguageError("spelling", 1, "a")], "fail"));
        Assert.False(lenient.ConclusionFollowsCriteria);
    }

    [Fact]
    public void Signatures_AreRejectedWithAReason_OrFlagged()
    {
        var voterIin = BornOn(new DateOnly(1980, 1, 2));
        var deadIin = BornOn(new DateOnly(1940, 1, 2));
        RegisteredSigner? Register(Iin iin, DateOnly on) =>
            iin == voterIin ? new RegisteredSigner(iin, "Ахметов", "Марат", "Серікұлы", iin.BirthDate, "TEC-01", false, false)
            : iin == deadIin ? new RegisteredSigner(iin, "Иванов", "Иван", "Иванович", iin.BirthDate, "TEC-02", false, true)
            : null;
        SignatureLine Line(int n, string iin, string surname = "Ахметов", DateOnly? birth = null, DateOnly? on = null) =>
            new("S1", n, iin, surname, "Марат", "", birth ?? new DateOnly(1980, 1, 2), "Алматы, Абай 1", on ?? new DateOnly(2011, 2, 10), "collector 1");

        var result = SignatureVerification.Verify(
            [
                Line(1, voterIin.ToString()),
                Line(2, voterIin.ToString(), on: new DateOnly(2011, 2, 11)),
                Line(3, "123"),
                Line(4, BornOn(new DateOnly(1990, 5, 5)).ToString()),
                Line(5, voterIin.ToString(), surname: "Петров"),
                Line(6, voterIin.ToString(), birth: new DateOnly(1980, 2, 1)),
                Line(7, voterIin.ToString(), on: new DateOnly(2011, 3, 30)),
                Line(8, voterIin.ToString()) with { Address = "" },
                new SignatureLine("S1", 9, deadIin.ToString(), "Иванов", "Иван", "Иванович", deadIin.BirthDate, "Алматы, Абай 2", new DateOnly(2011, 2, 12), "collector 1"),
            ],
            Register,
            new DateOnly(2011, 2, 5),
            new DateOnly(2011, 2, 25));

        Assert.Equal([1, 9], result.Valid.Select(v => v.Line.Line).Order());
        Assert.Equal(
            new Dictionary<int, string>
            {
                [2] = SignatureVerification.Duplicate,
                [3] = SignatureVerification.InvalidIin,
                [4] = SignatureVerification.NotAVoter,
                [5] = SignatureVerification.NameMismatch,
                [6] = SignatureVerification.BirthDateMismatch,
                [7] = SignatureVerification.OutsidePeriod,
                [8] = SignatureVerification.Incomplete,
            },
            result.Rejected.ToDictionary(r => r.Line, r => r.Code));
        Assert.All(result.Rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
        Assert.Contains(result.Flagged, f => f.Line == 9 && f.Pattern == "signer-deceased");
        Assert.Contains(result.Flagged, f => f.Pattern == "identical-date-and-address");
    }

    [Fact]
    public void Registration_NeedsTheThresholdOfTheOpeningDaysRegister_AndTheTerritorialSpread()
    {
        // 11 units × 7,000 + 5 × 3,000 = 92,000 ≥ 91,010; each of the 11 reaches 91,010 ÷ 16 = 5,689.
        var perUnit = Enumerable.Range(1, 16).ToDictionary(i => $"TEC-{i:D2}", i => i <= 11 ? 7_000L : 3_000L);

        var results = RegistrationRules.Evaluate(Repo.Kz, 9_101_000, perUnit, 16, []);
        Assert.Equal([("REG.SIGNATURE-THRESHOLD", true), ("REG.TERRITORIAL-SPREAD", true)], results.Select(r => (r.Code, r.Met)));

        perUnit["TEC-11"] = 5_000;
        perUnit["TEC-12"] = 5_000;
        var spread = RegistrationRules.Evaluate(Repo.Kz, 9_101_000, perUnit, 16, []);
        Assert.Equal("REG.TERRITORIAL-SPREAD", RegistrationRules.Unmet(spread)!.Code);

        var few = RegistrationRules.Evaluate(Repo.Kz, 9_101_000, perUnit.ToDictionary(u => u.Key, u => 5_000L), 16, []);
        Assert.Equal("REG.SIGNATURE-THRESHOLD", RegistrationRules.Unmet(few)!.Code);
    }

    [Fact]
    public void AtMostThreeProxiesPerCandidatePerPollingStation()
    {
        var registry = new ProxyRegistry(Repo.Kz);
        for (var i = 0; i < 3; i++)
        {
            registry.Register(new Proxy("C4", "PEC-0001", $"Proxy {i}"));
        }

        registry.Register(new Proxy("C4", "PEC-0002", "Proxy 3"));
        registry.Register(new Proxy("C1", "PEC-0001", "Proxy 4"));

        Assert.Equal("PROXY.LIMIT", Assert.Throws<RuleViolation>(() => registry.Register(new Proxy("C4", "PEC-0001", "Proxy 5"))).Code);
        Assert.Equal(new Dictionary<string, int> { ["C4"] = 4, ["C1"] = 1 }, registry.CountPerCandidate());
    }
}
