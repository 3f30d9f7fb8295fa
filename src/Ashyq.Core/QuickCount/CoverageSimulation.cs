using Ashyq.Core.Elections;

namespace Ashyq.Core.QuickCount;

/// <summary>A station of a population whose every protocol is known: the truth a simulated quick count is tested against.</summary>
public sealed record PopulationStation(FrameStation Frame, IReadOnlyDictionary<string, long> Lines);

/// <summary>How often one figure's 95% interval held the true figure over the simulated draws.</summary>
/// <param name="Truth">The figure over the whole population.</param>
/// <param name="Contained">Draws whose interval held the truth.</param>
/// <param name="MeanMargin">The mean margin of error over the draws.</param>
public sealed record CoverageFigure(string Code, double Truth, int Contained, int Draws, double MeanMargin)
{
    public double Coverage => Draws == 0 ? double.NaN : (double)Contained / Draws;
}

/// <summary>The coverage of the quick count's intervals over <paramref name="Draws"/> samples of one population.</summary>
public sealed record CoverageReport(int Draws, int Size, long Seed, int Stations, IReadOnlyList<CoverageFigure> Figures);

/// <summary>
/// Tests the quick count where the truth is known: draws <c>draws</c> stratified samples of a population whose
/// every station's protocol is known (sample d with seed <c>seed + d</c>), estimates every figure from the sampled
/// protocols as the observers would report them, and counts the intervals that hold the population's figure. For a
/// 95% interval the share should be close to 0.95.
/// </summary>
public static class CoverageSimulation
{
    public static CoverageReport Run(ElectionDefinition definition, IReadOnlyList<PopulationStation> population, int size, int draws, long seed)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        var quantities = QuickCountQuantity.Of(definition);
        var frame = SamplingFrame.Build(population.Select(p => p.Frame));
        var lines = population.ToDictionary(p => p.Frame.Station, p => p.Lines, StringComparer.Ordinal);

        var truthTotals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in QuickCountQuantity.RequiredLines(quantities))
        {
            truthTotals[line] = population.Sum(p => p.Lines.GetValueOrDefault(line));
        }

        var truths = quantities.Select(q => q.Of(truthTotals) ?? double.NaN).ToArray();
        var contained = new int[quantities.Count];
        var margins = new double[quantities.Count];
        for (var d = 0; d < draws; d++)
        {
            var sample = StratifiedSample.Draw(frame, size, seed + d);
            var result = QuickCountEstimator.Estimate(definition, sample, sample.Stations.Select(s => new StationReport(s.Station, lines[s.Station])), null);
            for (var k = 0; k < quantities.Count; k++)
            {
                var estimate = result.Figures[k].Estimate;
                if (estimate.Contains(truths[k]))
                {
                    contained[k]++;
                }

                margins[k] += estimate.Margin;
            }
        }

        return new CoverageReport(
            draws,
            size,
            seed,
            population.Count,
            [.. quantities.Select((q, k) => new CoverageFigure(q.Code, truths[k], contained[k], draws, margins[k] / draws))]);
    }
}
