using Ashyq.Core.Observation;

namespace Ashyq.Core.Tests.Observation;

/// <summary>
/// The simulated mission on a synthetic country of the seed's size (16 regions, 207 districts, 9,725 stations):
/// its statistics, computed from the generated forms, are the profile's figures. The same check on the demo
/// world's real commissions is in the storage tests.
/// </summary>
public class MissionSimulatorTests
{
    private static readonly ObservationForms Forms = ObservationFormsLoader.Default;
    private static readonly DateTimeOffset Open = new(2011, 4, 3, 7, 0, 0, TimeSpan.FromHours(6));

    private static (List<ObservableUnit> Stations, List<ObservableUnit> Districts) Country()
    {
        var districts = Enumerable.Range(1, 207).Select(d => new ObservableUnit($"DEC-{d:D3}", $"TEC-{1 + (d % 16):D2}", $"TEC-{1 + (d % 16):D2}")).ToList();
        var stations = Enumerable.Range(1, 9725).Select(p => districts[p % 207]).Select((d, p) => new ObservableUnit($"PEC-{p + 1:D4}", d.Region, d.Code)).ToList();
        return (stations, districts);
    }

    private static SimulatedMission Mission()
    {
        var (stations, districts) = Country();
        return MissionSimulator.Generate(Forms, stations, districts, new AccreditationDecision("CEC", "ACC-1"), Open, Open.AddHours(13));
    }

    [Fact]
    public void TheSimulatedMission_ReproducesTheStatementsFigures_FromItsForms()
    {
        var (stations, districts) = Country();
        var region = stations.Concat(districts).ToDictionary(u => u.Code, u => u.Region);
        var mission = Mission();
        var profile = Forms.DemoMission!;

        var stats = ObservationStatistics.Compute(Forms, mission.Submissions, u => region.GetValueOrDefault(u));

        Assert.Equal(1445, stats.Forms[FormKind.Voting].Observed);
        Assert.Equal(138, stats.Forms[FormKind.Counting].Observed);
        Assert.Equal(115, stats.Forms[FormKind.Tabulation].Observed);
        // Voting negative in 9%: round(1445 × 9/100) = round(130.05) = 130 stations; 130/1445 = 0.0900.
        Assert.Equal(new Share(130, 1445), stats.Forms[FormKind.Voting].NegativeUnits);
        Assert.Equal(0.09m, stats.Forms[FormKind.Voting].NegativeUnits.Value);
        // Counting negative in one of six: 138 / 6 = 23.
        Assert.Equal(new Share(23, 138), stats.Forms[FormKind.Counting].NegativeUnits);
        // Revisits: round(1445 / 20) = 72 extra visits.
        Assert.Equal(1445 + 72, stats.Forms[FormKind.Voting].Visits);
        var voting = stats.Forms[FormKind.Voting].Incidents;
        Assert.Equal(219, voting["INC.IDENTICAL_SIGNATURES"]);
        Assert.Equal(28, voting["INC.BALLOT_STUFFING"]);
        Assert.Equal(98, voting["INC.BOX_NOT_SEALED"]);
        Assert.Equal(128, voting["INC.GROUP_VOTING"]);
        Assert.Equal(34, voting["INC.MULTIPLE_VOTING"]);
        Assert.Equal(63, voting["INC.PROXY_VOTING"]);
        Assert.Equal(80, voting["INC.NO_ID"]);
        Assert.Equal(73, voting["INC.TURNED_AWAY"]);
        Assert.Equal(132, voting["INC.UNAUTHORIZED_PRESENT"]);
        Assert.Equal(14, voting["INC.UNAUTHORIZED_INTERFERING"]);
        Assert.Equal(125, voting["INC.OBSERVERS_RESTRICTED"]);
        var counting = stats.Forms[FormKind.Counting].Incidents;
        Assert.Equal(27, counting["INC.STACKED_BALLOTS"]);
        Assert.Equal(17, counting["INC.OBSERVERS_RESTRICTED"]);
        // Choices not announced in 3 of 4 counts: round(138 × 3/4) = round(103.5) = 104; a quarter not posted: round(34.5) = 35.
        Assert.Equal(104, counting["INC.CHOICES_NOT_ANNOUNCED"]);
        Assert.Equal(35, counting["INC.PROTOCOL_NOT_POSTED"]);
        var tabulation = stats.Forms[FormKind.Tabulation].Incidents;
        Assert.Equal(49, tabulation["INC.PROTOCOL_FILLED_AT_DEC"]);
        Assert.Equal(29, tabulation["INC.PROTOCOL_CORRECTED_NO_DECISION"]);
        Assert.Equal(profile.Incidents.Count, profile.Incidents.Count(i => stats.Forms[i.Form].Incidents.ContainsKey(i.Code)));
    }

    [Fact]
    public void TheSimulatedMission_HasTheSeedsObserversAndTeams_AndEveryFormIsValid()
    {
        var mission = Mission();

        Assert.Equal(350, mission.Observers.Count(o => o.Term == ObserverTerm.ShortTerm));
        Assert.Equal(28, mission.Observers.Count(o => o.Term == ObserverTerm.LongTerm));
        Assert.Equal(43, mission.Observers.Select(o => o.Country).Distinct().Count());
        Assert.All(mission.Observers, o => ObserverRules.Check(o, "CEC"));
        Assert.Equal(175, mission.Teams.Count(t => t.Term == ObserverTerm.ShortTerm));
        Assert.Equal(14, mission.Teams.Count(t => t.Term == ObserverTerm.LongTerm));
        Assert.All(mission.Submissions, s => Assert.Empty(SubmissionCheck.Check(Forms, s)));
        // Two teams reporting the same station: the revisits are there, and some disagree.
        Assert.Contains(mission.Submissions.Where(s => s.Form == FormKind.Voting).GroupBy(s => s.Unit), g => g.Select(s => s.Team).Distinct().Count() > 1);
    }

    [Fact]
    public void TheSameProfile_GivesTheSameMission()
    {
        var a = Mission();
        var b = Mission();

        Assert.Equal(a.Submissions.Select(s => (s.Id, s.Unit, s.Team, string.Join(",", s.Answers.Select(x => x.Key + "=" + x.Value)))),
            b.Submissions.Select(s => (s.Id, s.Unit, s.Team, string.Join(",", s.Answers.Select(x => x.Key + "=" + x.Value)))));
    }
}
