using Ashyq.Core.Commissions;
using Ashyq.Core.Register;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Commissions;

public class CompositionTests
{
    private static int _serial;

    internal static Member M(string commission, string nominatedBy, Gender gender = Gender.Male, MemberRole role = MemberRole.Member, bool voting = true, string ethnicity = "kazakh") => new()
    {
        Commission = new CommissionCode(commission),
        Iin = Iin.Compose(new DateOnly(1970, 1, 1), gender, Interlocked.Increment(ref _serial) % 9000)
            ?? Iin.Compose(new DateOnly(1971, 1, 1), gender, Interlocked.Increment(ref _serial) % 9000)!.Value,
        FullName = "Member " + _serial,
        Gender = gender,
        Ethnicity = ethnicity,
        NominatedBy = nominatedBy,
        AppointedBy = "maslikhat",
        Role = role,
        IsVoting = voting,
        TermStart = new DateOnly(2009, 1, 15),
        TermEnd = new DateOnly(2014, 1, 15),
    };

    internal static List<Member> Seven(string commission, params string[] organizations) =>
        [.. organizations.Select((o, i) => M(commission, o, role: i == 0 ? MemberRole.Chair : MemberRole.Member))];

    private static string[] Codes(CompositionReport r) => [.. r.Violations.Select(v => v.Code)];

    [Fact]
    public void FourOfSevenFromOneOrganization_BreaksTheLawsReading_ButNotTheCecs()
    {
        var report = CompositionRules.Check(Repo.Kz, "PEC-0001", "PEC", Seven("PEC-0001", "NUR-OTAN", "NUR-OTAN", "NUR-OTAN", "NUR-OTAN", "AUYL", "ADILET", "AK-ZHOL"));

        Assert.Equal([("COMP.NO-MAJORITY-FROM-ONE-ORGANIZATION", false), ("COMP.NOT-ALL-FROM-ONE-ORGANIZATION", true)], report.Readings.Select(r => (r.Code, r.Met)));
        Assert.Equal(["COMP.NO-MAJORITY-FROM-ONE-ORGANIZATION"], Codes(report));
        Assert.Equal(("NUR-OTAN", 4), (report.LargestOrganization, report.LargestCount));
    }

    [Fact]
    public void ThreeOfSeven_MeetsBothReadings()
    {
        var report = CompositionRules.Check(Repo.Kz, "PEC-0001", "PEC", Seven("PEC-0001", "NUR-OTAN", "NUR-OTAN", "NUR-OTAN", "AUYL", "AUYL", "ADILET", "AK-ZHOL"));

        Assert.All(report.Readings, r => Assert.True(r.Met));
        Assert.Empty(report.Violations);
    }

    [Fact]
    public void AllSevenFromOneOrganization_BreaksBothReadings()
    {
        var report = CompositionRules.Check(Repo.Kz, "PEC-0001", "PEC", Seven("PEC-0001", [.. Enumerable.Repeat("NUR-OTAN", 7)]));

        Assert.All(report.Readings, r => Assert.False(r.Met));
    }

    [Fact]
    public void ACommissionOfTheWrongSize_IsAViolation()
    {
        var report = CompositionRules.Check(Repo.Kz, "PEC-0001", "PEC", Seven("PEC-0001", "NUR-OTAN", "AUYL", "ADILET", "AK-ZHOL", "AZAT", "CPK"));

        Assert.Contains(CompositionRules.Size, Codes(report));
    }

    [Fact]
    public void OneConsultativeMemberPerUnrepresentedParty_AtLowerLevels()
    {
        var members = Seven("DEC-001", "NUR-OTAN", "NUR-OTAN", "NUR-OTAN", "AUYL", "AUYL", "ADILET", "AK-ZHOL");
        members.Add(M("DEC-001", "AZAT", voting: false));
        Assert.Empty(CompositionRules.Check(Repo.Kz, "DEC-001", "DEC", members).Violations);

        members.Add(M("DEC-001", "AZAT", voting: false));
        members.Add(M("DEC-001", "AUYL", voting: false));
        var codes = Codes(CompositionRules.Check(Repo.Kz, "DEC-001", "DEC", members));
        Assert.Contains(CompositionRules.ConsultativePerParty, codes);
        Assert.Contains(CompositionRules.ConsultativeFromRepresentedParty, codes);
    }

    [Fact]
    public void NoPartyOrCandidateRepresentatives_AtTheCec()
    {
        var members = Seven("CEC", "PRESIDENT", "PRESIDENT", "PRESIDENT", "SENATE", "SENATE", "MAZHILIS", "MAZHILIS");
        Assert.Empty(CompositionRules.Check(Repo.Kz, "CEC", "CEC", members).Violations);

        members.Add(M("CEC", "AZAT", voting: false));
        Assert.Equal([CompositionRules.RepresentativesNotAdmitted], Codes(CompositionRules.Check(Repo.Kz, "CEC", "CEC", members)));
    }
}
