using Ashyq.Core.Forensics;
using Ashyq.Storage.Forensics;
using Ashyq.Storage.Import;
using Ashyq.Storage.Tests.Import;

namespace Ashyq.Storage.Tests.Forensics;

/// <summary>
/// The forensics of the whole published Russian 2012 file, imported into a store and read back by
/// <see cref="ForensicsQueries"/>, against figures derived independently: the constants below were printed once by
/// <c>russia_2012_forensics.py</c> beside this file (Python standard library only; exact fractions for the integer
/// test and Shpilkin's excess, <c>math.lgamma</c> over every whole-percent window for the expected counts, the
/// closed form of the χ²₉ tail for the p-values), run as
/// <c>python3 russia_2012_forensics.py ../shared/data/russia/2012-presidential.csv.zip</c> and again with
/// <c>"Город Москва"</c> as a second argument. The violation counts are checked against the relations written out
/// by hand in <see cref="RussiaFile.Violations"/>.
/// </summary>
public class RussiaForensicsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The whole file is imported once (SQLite) and shared by the tests that read it, as the import tests do.
    private static readonly Lazy<Task<Store>> FullImport = new(async () =>
    {
        var store = await TestStores.CreateAsync(TestStores.Sqlite);
        await using var db = await store.OpenAsync(CancellationToken.None);
        await new ResultsCsvImporter(db, TimeProvider.System).ImportAsync(RussiaFile.Definition, RussiaFile.DefinitionJson, RussiaFile.ZipPath, ct: CancellationToken.None);
        return store;
    });

    private static readonly Lazy<Task<ForensicsReport>> Report = new(async () =>
    {
        var store = await FullImport.Value;
        await using var db = await store.OpenAsync(CancellationToken.None);
        return await new ForensicsQueries(db).AnalyzeAsync("ru-2012-presidential", byRegion: true, CancellationToken.None);
    });

    [Fact]
    public async Task The_national_figures_of_2012_are_those_derived_independently()
    {
        var report = await Report.Value;
        var f = report.National;
        Assert.Equal(95_415, f.Precincts);
        Assert.Equal("C5", report.LeaderCandidate.Code); // Putin

        Assert.Equal(95_414, f.Fingerprint.Precincts);
        Assert.Equal(11_869, f.Fingerprint.CountTurnoutGt80LeaderGt80);
        Assert.Equal(new Ratio(8_226_548, 109_860_331), f.Fingerprint.VotersShare);
        Assert.Equal(new Ratio(7_641_718, 71_701_665), f.Fingerprint.BallotsShare);
        Assert.Equal(new Ratio(6_960_369, 45_602_075), f.Fingerprint.LeaderVotesShare);
        Assert.Equal(95_414, f.Fingerprint.Cells.Sum());

        Assert.Equal(87_623, f.Integer.Precincts);
        Assert.Equal(9_476, f.Integer.TurnoutObserved);
        Assert.Equal(9_662, f.Integer.LeaderObserved);
        Assert.Equal(18_025, f.Integer.EitherObserved);
        Close(8842.074749705782, f.Integer.TurnoutExpected, 1e-9);
        Close(8924.5405215979, f.Integer.LeaderExpected, 1e-9);
        Close(16864.04295394987, f.Integer.EitherExpected, 1e-9);
        Assert.Equal(87_623, f.Integer.TurnoutHistogram.Sum());

        Assert.Equal(60, f.Shpilkin.ModeBin);
        Assert.Equal(new Ratio(15_371_242, 11_236_511), f.Shpilkin.Baseline);
        Close(11043115.00338201, f.Shpilkin.ExcessLeaderVotes!.Value, 1e-12);
        Close(0.577697861221126, f.Shpilkin.CorrectedLeaderShareOfValid!.Value, 1e-12);
        Close(0.5521424288865285, f.Shpilkin.CorrectedTurnout!.Value, 1e-12);
        Assert.Equal((109_860_331L, 71_701_665L, 70_864_974L, 45_602_075L), (f.Shpilkin.VotersTotal, f.Shpilkin.InBoxesTotal, f.Shpilkin.ValidTotal, f.Shpilkin.LeaderTotal));

        LastDigitsAre(f, new()
        {
            ["C1"] = (11507, 132.47423307551924, 3.672820450623801e-24),
            ["C2"] = (47090, 36.682522828626034, 2.998199079506491e-05),
            ["C3"] = (1899, 61.16324381253291, 7.996658390042989e-10),
            ["C4"] = (21097, 43.2279945015879, 1.9575061657381012e-06),
            ["C5"] = (83047, 23.7547533324503, 0.004706352606277504),
        });

        // The relations each precinct breaks, checked by hand on the file, counted per relation.
        var expected = RussiaFile.Violations(RussiaFile.Rows).GroupBy(v => v.Relation).ToDictionary(g => g.Key, g => g.Count());
        foreach (var relation in RussiaFile.Definition.ProtocolForm.Relations)
        {
            Assert.Equal(expected.GetValueOrDefault(relation.Code), f.Violations.ByRelation[relation.Code]);
        }
    }

    [Fact]
    public async Task Moscow_is_analysed_on_its_own_with_the_national_leader()
    {
        var report = await Report.Value;
        Assert.Equal(85, report.Regions.Count);
        Assert.Equal(report.National.Precincts, report.Regions.Sum(r => r.Figures.Precincts));
        var moscow = report.Regions.Single(r => r.Region.Code == "REG-77");
        Assert.Contains("Город Москва", moscow.Region.Name.Ru, StringComparison.Ordinal);
        var f = moscow.Figures;

        Assert.Equal(3386, f.Precincts);
        Assert.Equal(18, f.Fingerprint.CountTurnoutGt80LeaderGt80);
        Assert.Equal(new Ratio(9182, 7_309_869), f.Fingerprint.VotersShare);
        Assert.Equal(new Ratio(9152, 4_247_438), f.Fingerprint.BallotsShare);
        Assert.Equal(new Ratio(7921, 1_994_310), f.Fingerprint.LeaderVotesShare);

        Assert.Equal(3252, f.Integer.Precincts);
        Assert.Equal((335, 330, 637), (f.Integer.TurnoutObserved, f.Integer.LeaderObserved, f.Integer.EitherObserved));
        Close(325.23862533947573, f.Integer.TurnoutExpected, 1e-9);
        Close(326.8956064158161, f.Integer.LeaderExpected, 1e-9);
        Close(619.3660579179973, f.Integer.EitherExpected, 1e-9);

        Assert.Equal(56, f.Shpilkin.ModeBin);
        Assert.Equal(new Ratio(841_079, 881_372), f.Shpilkin.Baseline);
        Close(-72124.71652151419, f.Shpilkin.ExcessLeaderVotes!.Value, 1e-12);
        Close(0.4883035859946088, f.Shpilkin.CorrectedLeaderShareOfValid!.Value, 1e-12);
        Close(0.5909220420395378, f.Shpilkin.CorrectedTurnout!.Value, 1e-12);

        LastDigitsAre(f, new()
        {
            ["C1"] = (747, 18.71619812583668, 0.02771709792401895),
            ["C2"] = (3173, 3.5679167979829813, 0.9374866067279621),
            ["C3"] = (77, 12.74025974025974, 0.17471572244045427),
            ["C4"] = (3130, 5.214057507987221, 0.8152632894188715),
            ["C5"] = (3310, 5.613293051359516, 0.7779102822654134),
        });
    }

    [Fact]
    public async Task Another_election_id_is_refused_naming_the_one_stored()
    {
        var store = await FullImport.Value;
        await using var db = await store.OpenAsync(Ct);
        var refused = await Assert.ThrowsAsync<ForensicsException>(() => new ForensicsQueries(db).AnalyzeAsync("kz-2011-presidential", false, Ct));
        Assert.Equal("FORENSICS.UNKNOWN-ELECTION", refused.Code);
        Assert.Contains("\"ru-2012-presidential\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_store_is_a_clear_error()
    {
        var store = await TestStores.CreateAsync(TestStores.Sqlite);
        await using var db = await store.OpenAsync(Ct);
        var refused = await Assert.ThrowsAsync<ForensicsException>(() => new ForensicsQueries(db).AnalyzeAsync(null, false, Ct));
        Assert.Equal("FORENSICS.NO-ELECTION", refused.Code);
    }

    [Fact]
    public async Task A_corrupted_copy_has_its_violations_counted_from_the_results_chain_per_region()
    {
        // The first 30 rows of the file (one region), two of them made to break line 10 = the candidates' sum.
        var rows = RussiaFile.Rows.Take(30).Select(r => (string[])r.Clone()).ToList();
        foreach (var i in new[] { 3, 17 })
        {
            rows[i][25] = (long.Parse(rows[i][25], System.Globalization.CultureInfo.InvariantCulture) + 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var store = await TestStores.CreateAsync(TestStores.Sqlite);
        await using var db = await store.OpenAsync(Ct);
        await new ResultsCsvImporter(db, TimeProvider.System).ImportAsync(RussiaFile.Definition, RussiaFile.DefinitionJson, RussiaFile.Write(rows), ct: Ct);

        var (_, set) = await new ForensicsQueries(db).LoadAsync("ru-2012-presidential", Ct);
        Assert.Equal(30, set.Count);
        Assert.Equal(RussiaFile.Values(rows[0])[0], set.Voters[0]);
        Assert.Equal(RussiaFile.Values(rows[0])[6] + RussiaFile.Values(rows[0])[7], set.InBoxes[0]);

        var report = ElectionForensics.Analyze(set, byRegion: true);
        var expected = RussiaFile.Violations(rows).GroupBy(v => v.Relation).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, report.National.Violations.ByRelation["R.L10-VALID-VOTES"]);
        Assert.Equal(2, expected["R.L10-VALID-VOTES"]);
        foreach (var (relation, count) in report.National.Violations.ByRelation)
        {
            Assert.Equal(expected.GetValueOrDefault(relation), count);
        }

        var region = Assert.Single(report.Regions);
        Assert.Equal(report.National.Violations.ByRelation, region.Figures.Violations.ByRelation);
        Assert.Equal(report.National.Violations.Precincts, region.Figures.Violations.Precincts);
    }

    private static void LastDigitsAre(ForensicsFigures f, Dictionary<string, (int N, double Chi2, double P)> expected)
    {
        foreach (var d in f.LastDigits)
        {
            var (n, chi2, p) = expected[d.Candidate.Code];
            Assert.Equal(n, d.Precincts);
            Close(chi2, d.Chi2!.Value, 1e-12);
            Close(p, d.PValue!.Value, 1e-9);
        }
    }

    private static void Close(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= Math.Abs(expected) * relative, $"expected {expected:R}, got {actual:R}");
}
