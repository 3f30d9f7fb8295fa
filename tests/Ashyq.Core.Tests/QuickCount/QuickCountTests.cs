using Ashyq.Core.QuickCount;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.QuickCount;

public class QuickCountTests
{
    private static readonly Stratum A = new("R1", Settlement.Urban);
    private static readonly Stratum B = new("R1", Settlement.Rural);

    [Fact]
    public void Combined_ratio_estimate_matches_the_hand_computed_example()
    {
        // Stratum A: N = 4, n = 2, (y, x) = (30, 100), (50, 100). Stratum B: N = 6, n = 3, (10, 50), (20, 50), (30, 100).
        // Ŷ = 4·(30+50)/2 + 6·(10+20+30)/3 = 160 + 120 = 280;  X̂ = 4·100 + 6·200/3 = 400 + 400 = 800;  R̂ = 280/800 = 0.35.
        // A: d = y − 0.35x = −5, 15; d̄ = 5; s² = (10² + 10²)/1 = 200; N²(1−f)/n · s² = 16 · 0.5 / 2 · 200 = 800.
        // B: d = −7.5, 2.5, −5; d̄ = −10/3; deviations −25/6, 35/6, −10/6; s² = (625+1225+100)/36 / 2 = 975/36;
        //    36 · 0.5 / 3 · 975/36 = 975/6 = 162.5.
        // v = (800 + 162.5) / 800² = 962.5 / 640000 = 0.00150390625; SE = 0.0387802…; margin = 1.959964 · SE = 0.0760078…
        var estimate = CombinedRatioEstimator.Estimate(
        [
            new StratumObservations(A, 4, [30, 50], [100, 100]),
            new StratumObservations(B, 6, [10, 20, 30], [50, 50, 100]),
        ]);

        Assert.Equal(0.35, estimate.Estimate, 12);
        Assert.Equal(Math.Sqrt(962.5 / 640000), estimate.StandardError, 12);
        Assert.Equal(0.0387802, estimate.StandardError, 6);
        Assert.Equal(0.0760078, estimate.Margin, 6);
        Assert.Equal(0.35 - estimate.Margin, estimate.Low, 12);
        Assert.Equal(5, estimate.Reported);
    }

    [Fact]
    public void A_stratum_sampled_whole_adds_no_variance()
    {
        // f_h = 1: the finite-population correction removes the stratum's term; with one stratum the estimate is exact.
        var estimate = CombinedRatioEstimator.Estimate([new StratumObservations(A, 3, [10, 40, 25], [100, 100, 50])]);

        Assert.Equal(75.0 / 250, estimate.Estimate, 12);
        Assert.Equal(0, estimate.StandardError);
    }

    [Fact]
    public void A_stratum_with_one_report_is_refused_by_the_estimator()
    {
        var e = Assert.Throws<QuickCountException>(() => CombinedRatioEstimator.Estimate([new StratumObservations(A, 5, [1], [2])]));
        Assert.Equal("QUICKCOUNT.STRATUM-UNDER-REPORTED", e.Code);
    }

    [Fact]
    public void Urban_is_the_larger_half_of_a_regions_stations_by_list_size()
    {
        var frame = SamplingFrame.Build(
        [
            new FrameStation("P1", "R1", 300), new FrameStation("P2", "R1", 2500), new FrameStation("P3", "R1", 900),
            new FrameStation("P4", "R1", 1200), new FrameStation("P5", "R2", 10), new FrameStation("P6", "R2", 10),
        ]);
        var settlement = frame.Stations.ToDictionary(s => s.Station, s => s.Stratum.Settlement);

        // R1: sizes 300, 900, 1200, 2500; median (900 + 1200)/2 = 1050: P2 and P4 urban. R2: all of one size: urban.
        Assert.Equal(Settlement.Rural, settlement["P1"]);
        Assert.Equal(Settlement.Urban, settlement["P2"]);
        Assert.Equal(Settlement.Rural, settlement["P3"]);
        Assert.Equal(Settlement.Urban, settlement["P4"]);
        Assert.Equal(Settlement.Urban, settlement["P5"]);
        Assert.Equal(Settlement.Urban, settlement["P6"]);
        Assert.Equal(3, frame.StrataSizes.Count);
        Assert.Equal(2, frame.StrataSizes[new Stratum("R1", Settlement.Rural)]);
    }

    [Fact]
    public void The_draw_is_reproducible_by_seed_and_proportional_per_stratum()
    {
        var population = SyntheticPopulation.Make(regions: 5, stationsPerRegion: 301, seed: 3);
        var frame = SamplingFrame.Build(population.Select(p => p.Frame));

        var first = StratifiedSample.Draw(frame, 200, seed: 42);
        var again = StratifiedSample.Draw(SamplingFrame.Build(population.Reverse().Select(p => p.Frame)), 200, seed: 42);
        var other = StratifiedSample.Draw(frame, 200, seed: 43);

        Assert.Equal(first.Stations, again.Stations);
        Assert.NotEqual(first.Stations.Select(s => s.Station), other.Stations.Select(s => s.Station));
        Assert.Equal(200, first.Stations.Count);
        Assert.Equal(200, first.Stations.Select(s => s.Station).Distinct().Count());
        Assert.Equal(10, first.Strata.Count);
        foreach (var stratum in first.Strata)
        {
            // Proportional allocation: n_h within one station of n·N_h/N, and the stations drawn are the stratum's.
            var exact = 200.0 * stratum.Stations / frame.Count;
            Assert.True(Math.Abs(stratum.Sampled - exact) < 1, $"{stratum.Stratum}: {stratum.Sampled} against {exact:F2}");
            var drawn = first.Stations.Where(s => s.Stratum == stratum.Stratum).ToList();
            Assert.Equal(stratum.Sampled, drawn.Count);
            Assert.All(drawn, s => Assert.Contains(frame.Stations, f => f.Station == s.Station && f.Stratum == stratum.Stratum));
        }
    }

    [Fact]
    public void Allocation_gives_each_stratum_at_least_two_and_takes_small_strata_whole()
    {
        // N_h = 1, 3, 96; n = 10: the one-station stratum whole, the others at least 2, the rest by size.
        var allocation = StratifiedSample.Allocate(10, [1, 3, 96], 100);

        Assert.Equal([1, 2, 7], allocation);
        Assert.Equal("QUICKCOUNT.SIZE-TOO-SMALL", Assert.Throws<QuickCountException>(() => StratifiedSample.Allocate(4, [3, 3, 3], 9)).Code);
        Assert.Equal("QUICKCOUNT.SIZE-TOO-LARGE", Assert.Throws<QuickCountException>(() => StratifiedSample.Allocate(10, [3, 3, 3], 9)).Code);
    }

    [Fact]
    public void Intervals_cover_the_true_figures_about_95_percent_of_1000_draws()
    {
        var population = SyntheticPopulation.Make(regions: 8, stationsPerRegion: 500, seed: 11);

        var report = CoverageSimulation.Run(Repo.Kz, population, size: 400, draws: 1000, seed: 2011);

        // Over 1,000 independent draws the number of intervals holding the truth is Binomial(1000, 0.95): mean 950,
        // standard deviation √(1000 · 0.95 · 0.05) = 6.89, so ±20 (2.9 sd) is [930, 970]: 0.93–0.97 fails a correct
        // estimator about 1 time in 270, and an estimator with a 90% or 99% coverage almost always.
        foreach (var f in report.Figures)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{f.Code}: truth {f.Truth:P3}, coverage {f.Coverage:P1} ({f.Contained}/{f.Draws}), mean margin ±{f.MeanMargin * 100:F3} points");
        }

        Assert.Equal(5, report.Figures.Count);
        Assert.All(report.Figures, f =>
        {
            Assert.Equal(1000, f.Draws);
            Assert.InRange(f.Coverage, 0.93, 0.97);
            Assert.True(f.MeanMargin > 0);
        });
    }

    [Fact]
    public void An_official_result_shifted_beyond_the_margin_is_flagged()
    {
        var population = SyntheticPopulation.Make(regions: 8, stationsPerRegion: 500, seed: 11);
        var frame = SamplingFrame.Build(population.Select(p => p.Frame));
        var sample = StratifiedSample.Draw(frame, 600, seed: 7);
        var lines = population.ToDictionary(p => p.Frame.Station, p => p.Lines);
        var reports = sample.Stations.Select(s => new StationReport(s.Station, lines[s.Station])).ToList();
        var truth = population.SelectMany(p => p.Lines).GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.Sum(l => l.Value));

        var honest = QuickCountEstimator.Estimate(Repo.Kz, sample, reports, new OfficialResults(population.Count, population.Count, truth));

        // The official count moves 3% of the valid votes from the other candidates to the leader (C4) and adds 5% of
        // the list to the ballots in the boxes: both leave their intervals.
        var valid = truth["C1"] + truth["C2"] + truth["C3"] + truth["C4"];
        var moved = (long)(valid * 0.03);
        var shifted = new Dictionary<string, long>(truth)
        {
            ["C1"] = truth["C1"] - moved / 3,
            ["C2"] = truth["C2"] - moved / 3,
            ["C3"] = truth["C3"] - (moved - 2 * (moved / 3)),
            ["C4"] = truth["C4"] + moved,
            ["L5"] = truth["L5"] + (long)(truth["L1"] * 0.05),
        };
        var rigged = QuickCountEstimator.Estimate(Repo.Kz, sample, reports, new OfficialResults(population.Count, population.Count, shifted));

        var leader = honest.Figures.Single(f => f.Quantity.Code == "C4");
        Assert.True(leader.Estimate.Margin < 0.03, $"margin {leader.Estimate.Margin}");
        Assert.False(honest.AnyOutside);
        Assert.True(rigged.Figures.Single(f => f.Quantity.Code == "C4").Outside);
        Assert.True(rigged.Turnout!.Outside);
        Assert.Equal(600, honest.Reported);
        Assert.Empty(honest.StrataLeftOut);
    }

    [Fact]
    public void Strata_with_fewer_than_two_complete_reports_are_left_out_and_named()
    {
        var population = SyntheticPopulation.Make(regions: 2, stationsPerRegion: 100, seed: 5);
        var frame = SamplingFrame.Build(population.Select(p => p.Frame));
        var sample = StratifiedSample.Draw(frame, 40, seed: 1);
        var lines = population.ToDictionary(p => p.Frame.Station, p => p.Lines);
        var gone = sample.Strata[0].Stratum;
        var reports = sample.Stations
            .Where(s => s.Stratum != gone || s == sample.Stations.First(x => x.Stratum == gone))
            .Select(s => new StationReport(s.Station, lines[s.Station]))
            .ToList();
        // One report lacks the participants line: it is incomplete, not counted.
        var last = reports[^1];
        reports[^1] = last with { Lines = last.Lines.Where(l => l.Key != "L5").ToDictionary() };

        var result = QuickCountEstimator.Estimate(Repo.Kz, sample, reports, null);

        Assert.Equal([gone], result.StrataLeftOut);
        Assert.Equal(sample.Strata[0].Stations, result.StationsLeftOut);
        Assert.Equal(1, result.Incomplete);
        Assert.Equal(40 - sample.Strata[0].Sampled - 1, result.Reported);
        Assert.All(result.Figures, f => Assert.Null(f.Official));
        Assert.All(result.Figures, f => Assert.False(double.IsNaN(f.Estimate.Estimate)));
    }
}
