using Ashyq.Core.Observation;

namespace Ashyq.Core.Tests.Observation;

/// <summary>
/// The statistics on a hand-made set of ten submissions whose figures are worked out by hand below.
/// </summary>
public class ObservationStatisticsTests
{
    private static readonly ObservationForms Forms = ObservationFormsLoader.Default;
    private static readonly DateTimeOffset Noon = new(2011, 4, 3, 12, 0, 0, TimeSpan.FromHours(6));

    private static Submission S(string id, FormKind form, string unit, string team, params (string Q, string A)[] answers) =>
        new(SubmissionId.Parse(id), form, unit, team, Noon, answers.ToDictionary(a => a.Q, a => a.A));

    private static readonly Dictionary<string, string> Regions = new()
    {
        ["PEC-0001"] = "TEC-01",
        ["PEC-0002"] = "TEC-01",
        ["PEC-0003"] = "TEC-02",
        ["PEC-0004"] = "TEC-02",
        ["DEC-001"] = "TEC-01",
        ["DEC-002"] = "TEC-02",
    };

    /// <summary>
    /// Voting: PEC-0001 visited by teams A and B (A: good, B: bad, B reports stuffing); PEC-0002 by A twice (good,
    /// good); PEC-0003 by C (very_bad, stuffing, no ID); PEC-0004 by C (very_good). Counting: PEC-0001 by A (bad,
    /// protocol not posted); PEC-0003 by C (good). Tabulation: DEC-001 by A (good, filled at DEC naming PEC-0002);
    /// DEC-002 by C (good). And the first submission sent twice.
    /// </summary>
    private static List<Submission> HandMade() =>
    [
        S("v1", FormKind.Voting, "PEC-0001", "A", ("VOTE.SECRECY", "yes"), ("VOTE.ASSESSMENT", "good"), ("INC.BALLOT_STUFFING", "no")),
        S("v2", FormKind.Voting, "PEC-0001", "B", ("VOTE.SECRECY", "yes"), ("VOTE.ASSESSMENT", "bad"), ("INC.BALLOT_STUFFING", "yes")),
        S("v3", FormKind.Voting, "PEC-0002", "A", ("VOTE.SECRECY", "yes"), ("VOTE.ASSESSMENT", "good")),
        S("v4", FormKind.Voting, "PEC-0002", "A", ("VOTE.SECRECY", "yes"), ("VOTE.ASSESSMENT", "good")),
        S("v5", FormKind.Voting, "PEC-0003", "C", ("VOTE.SECRECY", "no"), ("VOTE.ASSESSMENT", "very_bad"), ("INC.BALLOT_STUFFING", "yes"), ("INC.NO_ID", "yes")),
        S("v6", FormKind.Voting, "PEC-0004", "C", ("VOTE.SECRECY", "yes"), ("VOTE.ASSESSMENT", "very_good"), ("INC.NO_ID", "no")),
        S("c1", FormKind.Counting, "PEC-0001", "A", ("COUNT.UNUSED_CANCELLED", "yes"), ("COUNT.ASSESSMENT", "bad"), ("INC.PROTOCOL_NOT_POSTED", "yes")),
        S("c2", FormKind.Counting, "PEC-0003", "C", ("COUNT.UNUSED_CANCELLED", "yes"), ("COUNT.ASSESSMENT", "good"), ("INC.PROTOCOL_NOT_POSTED", "no")),
        S("t1", FormKind.Tabulation, "DEC-001", "A", ("TAB.OBSERVERS_SEE_DATA", "yes"), ("INC.PROTOCOL_FILLED_AT_DEC", "yes"), ("TAB.PRECINCT", "PEC-0002"), ("TAB.ASSESSMENT", "good")),
        S("t2", FormKind.Tabulation, "DEC-002", "C", ("TAB.OBSERVERS_SEE_DATA", "yes"), ("TAB.ASSESSMENT", "good")),
        S("v1", FormKind.Voting, "PEC-0001", "A", ("VOTE.SECRECY", "yes"), ("VOTE.ASSESSMENT", "good"), ("INC.BALLOT_STUFFING", "no")),
    ];

    private static ObservationStatistics Stats() => ObservationStatistics.Compute(Forms, HandMade(), u => Regions.GetValueOrDefault(u));

    [Fact]
    public void TheHandMadeSet_IsValidAgainstTheForms()
    {
        foreach (var s in HandMade())
        {
            Assert.Empty(SubmissionCheck.Check(Forms, s));
        }
    }

    [Fact]
    public void AStation_CountsOncePerFormKind_HoweverManyVisits_AndTabulationCountsDistricts()
    {
        var stats = Stats();

        // Voting: PEC-0001 (2 visits), PEC-0002 (2 visits), PEC-0003, PEC-0004 → 4 stations, 6 visits (v1 sent twice counts once).
        Assert.Equal(4, stats.Forms[FormKind.Voting].Observed);
        Assert.Equal(6, stats.Forms[FormKind.Voting].Visits);
        // Counting: PEC-0001, PEC-0003 → 2. Tabulation: DEC-001, DEC-002 → 2 DECs. Opening: none.
        Assert.Equal(2, stats.Forms[FormKind.Counting].Observed);
        Assert.Equal(2, stats.Forms[FormKind.Tabulation].Observed);
        Assert.Equal(0, stats.Forms[FormKind.Opening].Observed);
        Assert.Equal(10, stats.Submissions);
    }

    [Fact]
    public void NegativeShare_IsOfStationsWithAtLeastOneNegativeVisit_WithThePerVisitShareBesideIt()
    {
        var voting = Stats().Forms[FormKind.Voting];
        var counting = Stats().Forms[FormKind.Counting];

        // Stations with a bad/very_bad visit: PEC-0001 (v2 bad) and PEC-0003 (v5 very_bad) → 2 of 4 = 0.5.
        Assert.Equal(new Share(2, 4), voting.NegativeUnits);
        Assert.Equal(0.5m, voting.NegativeUnits.Value);
        // Visits: v2, v5 negative of v1..v6 → 2 of 6 = 0.3333.
        Assert.Equal(new Share(2, 6), voting.NegativeVisits);
        Assert.Equal(0.3333m, voting.NegativeVisits.Value);
        // Counting: c1 bad of c1, c2 → 1 of 2.
        Assert.Equal(new Share(1, 2), counting.NegativeUnits);
    }

    [Fact]
    public void AnIncident_CountsTheStationsWhereItWasReported()
    {
        var stats = Stats();

        // Stuffing: PEC-0001 (v2 yes, v1 no → reported) and PEC-0003 (v5) → 2. No ID: PEC-0003 only (v6 said no) → 1.
        Assert.Equal(2, stats.Incidents["INC.BALLOT_STUFFING"]);
        Assert.Equal(1, stats.Incidents["INC.NO_ID"]);
        Assert.Equal(1, stats.Incidents["INC.PROTOCOL_NOT_POSTED"]);
        Assert.Equal(1, stats.Incidents["INC.PROTOCOL_FILLED_AT_DEC"]);
        Assert.False(stats.Incidents.ContainsKey("INC.GROUP_VOTING"));
        Assert.Equal(2, stats.Forms[FormKind.Voting].Incidents["INC.BALLOT_STUFFING"]);
    }

    [Fact]
    public void ByRegion_EachRegionHasItsOwnFigures()
    {
        var regions = Stats().Regions.ToDictionary(r => r.Region);

        // TEC-01: PEC-0001, PEC-0002 in voting; negative PEC-0001 → 1 of 2; stuffing at PEC-0001 → 1.
        Assert.Equal(2, regions["TEC-01"].Forms[FormKind.Voting].Observed);
        Assert.Equal(new Share(1, 2), regions["TEC-01"].Forms[FormKind.Voting].NegativeUnits);
        Assert.Equal(1, regions["TEC-01"].Incidents["INC.BALLOT_STUFFING"]);
        // TEC-02: PEC-0003, PEC-0004; negative PEC-0003 → 1 of 2; DEC-002 in tabulation.
        Assert.Equal(new Share(1, 2), regions["TEC-02"].Forms[FormKind.Voting].NegativeUnits);
        Assert.Equal(1, regions["TEC-02"].Forms[FormKind.Tabulation].Observed);
    }

    [Fact]
    public void TwoTeamsReportingTheSameStation_AreBothKept_AndTheirConflictsListed()
    {
        var stats = Stats();

        // PEC-0001 in voting: A said good / no stuffing, B said bad / stuffing. Secrecy agrees: no conflict there.
        // PEC-0002 was visited twice by A alone: a team does not conflict with itself.
        Assert.Equal(2, stats.Conflicts.Count);
        var assessment = Assert.Single(stats.Conflicts, c => c.Question == "VOTE.ASSESSMENT");
        Assert.Equal("PEC-0001", assessment.Unit);
        Assert.Equal(["good", "bad"], assessment.Answers.OrderBy(a => a.Team).Select(a => a.Answer));
        Assert.Contains(stats.Conflicts, c => c.Question == "INC.BALLOT_STUFFING" && c.Unit == "PEC-0001");
    }

    [Fact]
    public void ProtocolIncidents_NameThePrecinct_TheStationItself_OrTheOneTheTabulationFormNames()
    {
        var incidents = Stats().ProtocolIncidents;

        Assert.Equal(2, incidents.Count);
        Assert.Contains(incidents, i => i.Incident == "INC.PROTOCOL_NOT_POSTED" && i.Precinct == "PEC-0001");
        Assert.Contains(incidents, i => i.Incident == "INC.PROTOCOL_FILLED_AT_DEC" && i.Unit == "DEC-001" && i.Precinct == "PEC-0002");
    }

    [Fact]
    public void ASubmission_IsCheckedAgainstItsForm_EveryErrorWithItsCode()
    {
        var bad = S("x1", FormKind.Voting, "PEC-0001", "A",
            ("VOTE.ASSESSMENT", "fine"), ("INC.NOPE", "yes"), ("INC.UNAUTHORIZED_INTERFERING", "yes"), ("VOTE.VOTERS_PRESENT", "-3"));

        var errors = SubmissionCheck.Check(Forms, bad);

        Assert.Contains(errors, e => e.Field == "VOTE.ASSESSMENT" && e.Code == "OBS.BAD-ANSWER");
        Assert.Contains(errors, e => e.Field == "INC.NOPE" && e.Code == "OBS.UNKNOWN-QUESTION");
        // Skip logic: interfering is asked only when unauthorized persons were present.
        Assert.Contains(errors, e => e.Field == "INC.UNAUTHORIZED_INTERFERING" && e.Code == "OBS.NOT-ASKED");
        Assert.Contains(errors, e => e.Field == "VOTE.VOTERS_PRESENT" && e.Code == "OBS.BAD-ANSWER");
        Assert.Contains(errors, e => e.Field == "VOTE.SECRECY" && e.Code == "OBS.MISSING-ANSWER");
    }
}
