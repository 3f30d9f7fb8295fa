using Ashyq.Core.Elections;
using Ashyq.Core.Forensics;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Forensics;

/// <summary>
/// Every figure on small hand-made precinct sets whose answers are worked out by hand in the comments. Two
/// candidates: C1 (votes given first) and C2, the leader nationally (its votes given second).
/// </summary>
public class ForensicsTests
{
    private static readonly ForensicsCandidate[] Two = [new("C1", LocalizedText.Same("Other")), new("C2", LocalizedText.Same("Leader"))];

    private static PrecinctSet NewSet(params string[] regions) =>
        new("test", Two, [.. regions.Select(r => new ForensicsRegion(r, LocalizedText.Same(r)))], ["R.A", "R.B"]);

    /// <summary>Adds a precinct: N, G, B, valid, invalid, the other's and the leader's votes.</summary>
    private static void Add(PrecinctSet set, long n, long g, long b, long valid, long invalid, long other, long leader, int region = -1) =>
        set.Add($"P{set.Count + 1}", region, n, g, b, valid, invalid, [other, leader]);

    /// <summary>The fingerprint and Shpilkin set (N, B, D = valid + invalid, P = leader).</summary>
    private static PrecinctSet FingerprintSet()
    {
        var set = NewSet();
        Add(set, n: 100, g: 90, b: 90, valid: 88, invalid: 2, other: 7, leader: 81);   // B/N 90%, P/D 81/90 = 90%: counted
        Add(set, n: 200, g: 100, b: 100, valid: 100, invalid: 0, other: 40, leader: 60); // 50%, 60%
        Add(set, n: 100, g: 81, b: 81, valid: 81, invalid: 0, other: 16, leader: 65);   // 81%, 65/81 = 80.2%: counted
        Add(set, n: 100, g: 80, b: 80, valid: 80, invalid: 0, other: 10, leader: 70);   // exactly 80% turnout: not counted
        Add(set, n: 0, g: 5, b: 5, valid: 5, invalid: 0, other: 0, leader: 5);          // N = 0: outside both populations
        Add(set, n: 50, g: 0, b: 0, valid: 0, invalid: 0, other: 0, leader: 0);         // D = 0: outside the fingerprint's
        return set;
    }

    [Fact]
    public void The_leader_is_the_candidate_with_most_votes_nationally()
    {
        var set = FingerprintSet();
        Assert.Equal([73, 281], set.CandidateTotals());
        Assert.Equal(1, set.LeaderIndex());
    }

    [Fact]
    public void Fingerprint_counts_precincts_above_80_and_80_strictly_with_their_shares()
    {
        var f = Fingerprint.Compute(FingerprintSet(), leader: 1);

        Assert.Equal(4, f.Precincts); // N > 0 and D > 0
        Assert.Equal(2, f.CountTurnoutGt80LeaderGt80);
        Assert.Equal(new Ratio(100 + 100, 100 + 200 + 100 + 100), f.VotersShare);
        Assert.Equal(new Ratio(90 + 81, 90 + 100 + 81 + 80), f.BallotsShare);
        Assert.Equal(new Ratio(81 + 65, 81 + 60 + 65 + 70), f.LeaderVotesShare);
        Assert.Equal(0.4, f.VotersShare.Value, 12);

        // Cells ⌊100·B/N⌋ × ⌊100·P/D⌋: (90, 90), (50, 60), (81, ⌊6500/81⌋ = 80), (80, ⌊7000/80⌋ = 87).
        Assert.Equal(4, f.Cells.Sum());
        Assert.Equal(1, f.Cell(90, 90));
        Assert.Equal(1, f.Cell(50, 60));
        Assert.Equal(1, f.Cell(81, 80));
        Assert.Equal(1, f.Cell(80, 87));
    }

    [Fact]
    public void Fingerprint_puts_a_turnout_above_100_percent_in_the_last_bin()
    {
        var set = NewSet();
        Add(set, n: 100, g: 120, b: 120, valid: 120, invalid: 0, other: 0, leader: 120);
        var f = Fingerprint.Compute(set, 1);
        Assert.Equal(1, f.Cell(100, 100));
        Assert.Equal(1, f.CountTurnoutGt80LeaderGt80);
    }

    [Fact]
    public void Shpilkin_takes_the_baseline_below_the_modal_bin_and_the_excess_above_it()
    {
        var s = Shpilkin.Compute(FingerprintSet(), leader: 1);

        // Population N > 0: five precincts. Bins t = min(100, ⌊100·B/N⌋): 90, 50, 81, 80 and 0 (N = 50, B = 0).
        Assert.Equal(5, s.Precincts);
        Assert.Equal(101, s.Bins.Count);
        Assert.Equal(200, s.Bins[50].Voters);
        Assert.Equal(50, s.ModeBin); // ΣN: 200 at 50, 100 at 80, 81, 90, 50 at 0

        // r = ΣP / ΣO over t ≤ 50 = (60 + 0) / (40 + 0) = 1.5.
        Assert.Equal(new Ratio(60, 40), s.Baseline);

        // E = (81 − 1.5·7) + (65 − 1.5·16) + (70 − 1.5·10) = 70.5 + 41 + 55 = 166.5.
        Assert.Equal(166.5, s.ExcessLeaderVotes!.Value, 9);

        // P_total 276, valid_total 349: (276 − 166.5) / (349 − 166.5) = 109.5 / 182.5 = 0.6.
        Assert.Equal(276, s.LeaderTotal);
        Assert.Equal(349, s.ValidTotal);
        Assert.Equal(0.6, s.CorrectedLeaderShareOfValid!.Value, 12);

        // B_total 351, N_total 550: (351 − 166.5) / 550 = 0.33545454…
        Assert.Equal(0.33545454545454545, s.CorrectedTurnout!.Value, 12);
        Assert.Equal(new Ratio(351, 550), s.Turnout);

        // Each candidate's votes per bin, for the plot.
        Assert.Equal([7L, 81L], s.Bins[90].Votes);
        Assert.Equal(7, s.Bins[90].Others);
    }

    [Fact]
    public void Shpilkin_breaks_a_tie_for_the_mode_with_the_lowest_bin_and_counts_negative_excess_as_it_is()
    {
        var set = NewSet();
        Add(set, n: 100, g: 40, b: 40, valid: 40, invalid: 0, other: 20, leader: 20); // t = 40
        Add(set, n: 100, g: 70, b: 70, valid: 70, invalid: 0, other: 40, leader: 30); // t = 70, same ΣN
        var s = Shpilkin.Compute(set, leader: 1);
        Assert.Equal(40, s.ModeBin);

        // r = 20 / 20 = 1; E = 30 − 1·40 = −10 (the definition sums; it does not clip).
        Assert.Equal(-10, s.ExcessLeaderVotes!.Value, 12);
        Assert.Equal((50 + 10) / (110.0 + 10), s.CorrectedLeaderShareOfValid!.Value, 12);
    }

    [Fact]
    public void Shpilkin_without_others_below_the_mode_has_no_estimate()
    {
        var set = NewSet();
        Add(set, n: 100, g: 50, b: 50, valid: 50, invalid: 0, other: 0, leader: 50);
        var s = Shpilkin.Compute(set, leader: 1);
        Assert.Null(s.ExcessLeaderVotes);
        Assert.Null(s.CorrectedTurnout);
    }

    [Theory]
    [InlineData(100, 200, true)]   // 50%
    [InlineData(101, 200, false)]  // 50.5%
    [InlineData(1, 2000, true)]    // 0.05%: |2000 − 0| = 2000 ≤ 2000, the edge is in
    [InlineData(2, 2000, false)]   // 0.1%
    [InlineData(19, 2000, true)]   // 0.95%: |38000 − 40000| = 2000 ≤ 2000
    [InlineData(18, 2000, false)]  // 0.9%
    [InlineData(0, 150, true)]
    [InlineData(150, 150, true)]
    [InlineData(1, 3, false)]      // 33.33%
    [InlineData(2001, 4000, true)] // 50.025%
    [InlineData(2003, 4000, false)] // 50.075%
    public void A_percentage_is_integer_within_five_hundredths_in_exact_integer_arithmetic(long x, long n, bool expected)
    {
        Assert.Equal(expected, IntegerPercentages.IsInteger(x, n));
    }

    /// <summary>
    /// Precincts whose chance of an integer percentage is known in closed form: for n = 100 every count is integer;
    /// for n = 200 the even counts are (P = 1/2 for p = 1/2 exactly, and (1 + (1 − 2p)^200)/2 = 1/2 + 1e-400 for
    /// p = 0.505); for n = 300 the multiples of 3 (1/3, the other roots of unity contribute (1/3)^150); for n = 600
    /// the multiples of 6 (1/6); for n = 1000 the multiples of 10 (1/10, corrections below e^-48); a count of 0 is
    /// integer with certainty (the binomial with p = 0 is 0).
    /// </summary>
    private static PrecinctSet IntegerSet()
    {
        var set = NewSet();
        Add(set, n: 200, g: 100, b: 100, valid: 100, invalid: 0, other: 50, leader: 50);  // a: T 50% ✓ pt ½; L 50% ✓ pl 1 (n = 100); either 1
        Add(set, n: 300, g: 100, b: 100, valid: 190, invalid: 10, other: 89, leader: 101); // b: T ✗ ⅓; L 50.5% ✗ ½; either ⅓ + ½ − ⅙ = ⅔
        Add(set, n: 1000, g: 600, b: 600, valid: 600, invalid: 0, other: 300, leader: 300); // c: T 60% ✓ 1/10; L 50% ✓ 1/6; either 1/10 + 1/6 − 1/60 = ¼
        Add(set, n: 100, g: 50, b: 50, valid: 50, invalid: 0, other: 50, leader: 0);      // h: T ✓ 1; L 0% ✓ 1; either 1
        Add(set, n: 100, g: 55, b: 55, valid: 200, invalid: 0, other: 99, leader: 101);    // i: T ✓ 1; L 50.5% ✗ ½; either 1
        Add(set, n: 300, g: 100, b: 100, valid: 100, invalid: 0, other: 60, leader: 40);   // j: T ✗ ⅓; L 40% ✓ 1; either 1
        Add(set, n: 99, g: 50, b: 50, valid: 50, invalid: 0, other: 25, leader: 25);       // N < 100: out
        Add(set, n: 100, g: 100, b: 100, valid: 100, invalid: 0, other: 10, leader: 90);   // G/N = 100% > 99%: out
        Add(set, n: 1000, g: 500, b: 500, valid: 500, invalid: 0, other: 1, leader: 499);  // P/D = 99.8% > 99%: out
        Add(set, n: 500, g: 0, b: 0, valid: 0, invalid: 0, other: 0, leader: 0);           // D = 0: out
        return set;
    }

    [Fact]
    public void Integer_percentages_observed_and_expected_counts_match_the_closed_forms()
    {
        var set = IntegerSet();
        Assert.Equal(1, set.LeaderIndex());
        var r = IntegerPercentages.Compute(set, leader: 1);

        Assert.Equal(6, r.Precincts);
        Assert.Equal(4, r.TurnoutObserved); // a, c, h, i
        Assert.Equal(4, r.LeaderObserved);  // a, c, h, j
        Assert.Equal(5, r.EitherObserved);  // a, c, h, i, j
        Assert.Equal(0.5 + (1 / 3.0) + 0.1 + 1 + 1 + (1 / 3.0), r.TurnoutExpected, 9);
        Assert.Equal(1 + 0.5 + (1 / 6.0) + 1 + 0.5 + 1, r.LeaderExpected, 9);
        Assert.Equal(1 + (2 / 3.0) + 0.25 + 1 + 1 + 1, r.EitherExpected, 9);
        Assert.Equal(4 - r.TurnoutExpected, r.TurnoutExcess, 12);

        // The 0.1% histograms: round(1000·x/n); a's turnout 500, b's 333, c's 600, h's 500, i's 550, j's 333.
        Assert.Equal(6, r.TurnoutHistogram.Sum());
        Assert.Equal(2, r.TurnoutHistogram[500]);
        Assert.Equal(2, r.TurnoutHistogram[333]);
        Assert.Equal(1, r.TurnoutHistogram[550]);
        Assert.Equal(2, r.LeaderHistogram[505]); // b and i: 101/200 = 50.5%
        Assert.Equal(1, r.LeaderHistogram[0]);   // h

        // Variances Σp(1−p): turnout ¼ + 2/9 + 0.09 + 2/9.
        Assert.Equal(0.25 + (2 / 9.0) + 0.09 + (2 / 9.0), r.TurnoutVariance, 9);
    }

    [Fact]
    public void The_integer_probability_of_a_large_precinct_is_three_twentieths()
    {
        // n = 2000: 100·x/2000 = x/20 is within 0.05 of an integer when x mod 20 is 19, 0 or 1: 3/20.
        var table = IntegerPercentages.LogFactorials(2000);
        Assert.Equal(0.15, IntegerPercentages.ProbabilityInteger(2000, 1234, table), 9);
        Assert.Equal(1.0, IntegerPercentages.ProbabilityInteger(2000, 0, table), 12);
        Assert.Equal(1.0, IntegerPercentages.ProbabilityInteger(100, 37, IntegerPercentages.LogFactorials(100)), 12);
    }

    [Fact]
    public void Last_digits_chi_square_and_p_value_per_candidate()
    {
        var set = NewSet();
        // C1: 100 … 109, one of each digit: χ² 0, p 1. C2: digits 0,0,2,3,4,5,6,7,8,9 (a 1 turned into a 0):
        // Σc² = 4 + 8 = 12, χ² = (10·12 − 10²)/10 = 2; p = Q(4.5, 1) = 0.99146760662881… (closed form for odd df).
        long[] c2 = [200, 300, 102, 103, 104, 105, 106, 107, 108, 109];
        for (var i = 0; i < 10; i++)
        {
            Add(set, n: 1000, g: 500, b: 500, valid: 100 + i + c2[i], invalid: 0, other: 100 + i, leader: c2[i]);
        }

        Add(set, n: 1000, g: 500, b: 500, valid: 150, invalid: 0, other: 99, leader: 51); // below 100: not counted

        var digits = LastDigits.Compute(set);
        Assert.Equal(["C1", "C2"], digits.Select(d => d.Candidate.Code));
        Assert.Equal(10, digits[0].Precincts);
        Assert.Equal(0, digits[0].Chi2!.Value, 12);
        Assert.Equal(1, digits[0].PValue!.Value, 12);
        Assert.Equal([2L, 0, 1, 1, 1, 1, 1, 1, 1, 1], digits[1].Counts);
        Assert.Equal(2, digits[1].Chi2!.Value, 12);
        Assert.Equal(0.9914676066288135, digits[1].PValue!.Value, 12);
    }

    [Fact]
    public void Last_digits_of_a_candidate_without_a_precinct_of_100_have_no_test()
    {
        var set = NewSet();
        Add(set, n: 100, g: 50, b: 50, valid: 50, invalid: 0, other: 20, leader: 30);
        Assert.All(LastDigits.Compute(set), d => Assert.Null(d.Chi2));
    }

    [Theory]
    [InlineData(16.918977604620448, 9, 0.05)]   // the 5% critical value of χ²₉
    [InlineData(90.0, 9, 1.6280704719656216e-15)] // closed form, odd df
    [InlineData(2.0, 9, 0.9914676066288135)]
    [InlineData(3.841458820694124, 1, 0.05)]
    [InlineData(5.991464547107979, 2, 0.05)]    // df 2: e^(−x/2)
    public void The_chi_square_survival_function_matches_tables(double x, int df, double p)
    {
        Assert.Equal(p, SpecialFunctions.ChiSquareSurvival(x, df), p * 1e-9);
    }

    [Fact]
    public void Violations_are_counted_per_relation_with_zeros_and_per_region()
    {
        var set = NewSet("R1", "R2");
        Add(set, 100, 50, 50, 50, 0, 20, 30, region: 0);
        Add(set, 100, 50, 50, 50, 0, 20, 30, region: 1);
        Add(set, 100, 50, 50, 50, 0, 20, 30, region: 1);
        set.AddViolation(0, "R.A");
        set.AddViolation(1, "R.A");
        set.AddViolation(1, "R.B");

        var national = ControlViolations.Count(set);
        Assert.Equal(new Dictionary<string, int> { ["R.A"] = 2, ["R.B"] = 1 }, national.ByRelation);
        Assert.Equal(2, national.Precincts);

        var report = ElectionForensics.Analyze(set, byRegion: true);
        Assert.Equal(["R1", "R2"], report.Regions.Select(r => r.Region.Code));
        Assert.Equal(new Dictionary<string, int> { ["R.A"] = 1, ["R.B"] = 0 }, report.Regions[0].Figures.Violations.ByRelation);
        Assert.Equal(new Dictionary<string, int> { ["R.A"] = 1, ["R.B"] = 1 }, report.Regions[1].Figures.Violations.ByRelation);
        Assert.Equal(1, report.Regions[1].Figures.Violations.Precincts);
    }

    [Fact]
    public void A_region_is_analysed_with_the_national_leader()
    {
        var set = NewSet("R1", "R2");
        Add(set, n: 100, g: 90, b: 90, valid: 90, invalid: 0, other: 5, leader: 85, region: 0);
        Add(set, n: 100, g: 50, b: 50, valid: 50, invalid: 0, other: 30, leader: 20, region: 1); // C1 leads here

        var report = ElectionForensics.Analyze(set, byRegion: true);
        Assert.Equal("C2", report.LeaderCandidate.Code);
        var r2 = report.Regions.Single(r => r.Region.Code == "R2").Figures;
        Assert.Equal(1, r2.Precincts);
        Assert.Equal(20, r2.Shpilkin.LeaderTotal);
        Assert.Equal(1, report.National.Fingerprint.CountTurnoutGt80LeaderGt80);
        Assert.Equal(0, r2.Fingerprint.CountTurnoutGt80LeaderGt80);
        Assert.Equal(report.National.Fingerprint, ElectionForensics.Analyze(set).National.Fingerprint with { Cells = report.National.Fingerprint.Cells });
    }

    [Fact]
    public void The_definitions_name_the_forensic_lines_and_a_kazakh_protocol_is_read_through_them()
    {
        var kz = ForensicsQuantities.Of(Repo.Kz);
        var form = Repo.Kz.ProtocolForm;
        Assert.Equal([form.IndexOf["L1"]], kz.VotersLines);
        Assert.Equal([form.IndexOf["L3"]], kz.IssuedLines);
        Assert.Equal([form.IndexOf["L5"]], kz.InBoxesLines);
        Assert.Equal(form.CandidateLines.Select(l => l.Index), kz.ValidLines); // the candidates' sum

        // L1..L6 then four candidates: N 1000, received 900, G 700, unused 200, B 700, invalid 10, votes 20/30/40/600.
        var set = new PrecinctSet("kz", ForensicsQuantities.CandidatesOf(Repo.Kz), [], []);
        kz.AddTo(set, "PEC-1", -1, [1000, 900, 700, 200, 700, 10, 20, 30, 40, 600], new long[4]);
        Assert.Equal((1000L, 700L, 700L, 690L, 10L), (set.Voters[0], set.Issued[0], set.InBoxes[0], set.Valid[0], set.Invalid[0]));
        Assert.Equal(600, set.Votes(0, 3));
        Assert.Equal("C4", set.Candidates[set.LeaderIndex()].Code);

        var ru = ElectionDefinitionLoader.Parse(File.ReadAllText(Repo.DefinitionPath("ru-2012-presidential")), "ru");
        var q = ForensicsQuantities.Of(ru);
        Assert.Equal([ru.ProtocolForm.IndexOf["L3"], ru.ProtocolForm.IndexOf["L4"], ru.ProtocolForm.IndexOf["L5"]], q.IssuedLines);
    }

    [Fact]
    public void A_definition_naming_an_unknown_forensic_line_is_refused_by_the_loader()
    {
        var text = Repo.KzText.Replace("\"inBoxes\": [\"L5\"]", "\"inBoxes\": [\"L99\"]", StringComparison.Ordinal);
        Assert.NotEqual(Repo.KzText, text);
        var errors = ElectionDefinitionLoader.Check(text, out _);
        Assert.Contains(errors, e => e.Path == "$.forensics.inBoxes" && e.Code == "DEF.UNKNOWN-LINE");
    }

    [Fact]
    public void A_definition_without_forensic_lines_is_a_clear_error()
    {
        var e = Assert.Throws<ForensicsException>(() => ForensicsQuantities.Of(Repo.Kz with { Forensics = null }));
        Assert.Equal("FORENSICS.NO-LINES", e.Code);
    }
}
