using Ashyq.Core.Elections;

namespace Ashyq.Core.QuickCount;

/// <summary>What an observer reported from a sampled station's protocol: line code → value.</summary>
public sealed record StationReport(string Station, IReadOnlyDictionary<string, long> Lines);

/// <summary>
/// A figure the quick count estimates as a ratio of two sums of protocol lines: a candidate's share of the valid
/// votes (the candidate's line over the sum of every candidate's line), or turnout (the definition's participants
/// line over its eligible-voters line — in 2011, L5 ballots in the boxes over L1 voters on the list).
/// </summary>
public sealed record QuickCountQuantity(string Code, LocalizedText Name, IReadOnlyList<string> Numerator, IReadOnlyList<string> Denominator)
{
    public const string TurnoutCode = "turnout";

    /// <summary>Every candidate's share in ballot order, then turnout.</summary>
    public static IReadOnlyList<QuickCountQuantity> Of(ElectionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var candidates = definition.ProtocolForm.CandidateLines.ToList();
        var names = definition.Candidates.Registered.ToDictionary(c => c.Code, c => c.Name);
        var valid = candidates.Select(c => c.Code).ToArray();
        var quantities = candidates
            .Select(c => new QuickCountQuantity(c.Code, names.TryGetValue(c.Code, out var name) ? name : c.Label, [c.Code], valid))
            .ToList();
        quantities.Add(new QuickCountQuantity(
            TurnoutCode,
            new LocalizedText("Сайлауға келу", "Явка", "Turnout"),
            [definition.Result.ParticipantsLine],
            [definition.Result.EligibleVotersLine]));
        return quantities;
    }

    /// <summary>The lines a report must hold to count: every line of every quantity.</summary>
    public static IReadOnlySet<string> RequiredLines(IEnumerable<QuickCountQuantity> quantities) =>
        quantities.SelectMany(q => q.Numerator.Concat(q.Denominator)).ToHashSet(StringComparer.Ordinal);

    public double NumeratorOf(IReadOnlyDictionary<string, long> lines) => Numerator.Sum(l => (double)lines[l]);

    public double DenominatorOf(IReadOnlyDictionary<string, long> lines) => Denominator.Sum(l => (double)lines[l]);

    /// <summary>The quantity over totals (e.g. the official results); null when the denominator is zero.</summary>
    public double? Of(IReadOnlyDictionary<string, long> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var x = Denominator.Sum(l => (double)totals.GetValueOrDefault(l));
        return x > 0 ? Numerator.Sum(l => (double)totals.GetValueOrDefault(l)) / x : null;
    }
}

/// <summary>The official results as published when the quick count is compared: totals and how many precincts are in.</summary>
public sealed record OfficialResults(int Precincts, int Accepted, IReadOnlyDictionary<string, long> Totals)
{
    public bool IsComplete => Accepted == Precincts;
}

/// <summary>
/// One estimated figure against the official one: <paramref name="Outside"/> is true when the official figure lies
/// outside the 95% interval — where a quick count's observers saw a result the official count did not report.
/// </summary>
public sealed record QuantityEstimate(QuickCountQuantity Quantity, RatioEstimate Estimate, double? Official)
{
    public bool Outside => Official is { } o && !double.IsNaN(Estimate.Estimate) && !Estimate.Contains(o);
}

/// <summary>The quick count: each figure with its interval and the official figure, and what the estimate rests on.</summary>
/// <param name="Sampled">Stations in the sample.</param>
/// <param name="Reported">Sampled stations with a complete report, used in the estimate.</param>
/// <param name="Incomplete">Sampled stations whose report lacks a line the estimate needs.</param>
/// <param name="StrataLeftOut">Strata with fewer than two complete reports, left out of the estimate.</param>
/// <param name="StationsLeftOut">The stations of the frame in those strata: the estimate speaks for the others.</param>
public sealed record QuickCountResult(
    int Sampled,
    int Reported,
    int Incomplete,
    IReadOnlyList<Stratum> StrataLeftOut,
    int StationsLeftOut,
    IReadOnlyList<QuantityEstimate> Figures,
    OfficialResults? Official)
{
    public IEnumerable<QuantityEstimate> Candidates => Figures.Where(f => f.Quantity.Code != QuickCountQuantity.TurnoutCode);

    public QuantityEstimate? Turnout => Figures.FirstOrDefault(f => f.Quantity.Code == QuickCountQuantity.TurnoutCode);

    /// <summary>True when at least one official figure lies outside its interval.</summary>
    public bool AnyOutside => Figures.Any(f => f.Outside);
}

/// <summary>
/// Estimates every candidate's share of the valid votes and turnout from the sampled stations' reports with the
/// combined ratio estimator and the design's weights N_h/n_h (<see cref="CombinedRatioEstimator"/>), and sets each
/// against the official results as published.
/// </summary>
public static class QuickCountEstimator
{
    public static QuickCountResult Estimate(ElectionDefinition definition, StratifiedSample sample, IEnumerable<StationReport> reports, OfficialResults? official)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(reports);
        var quantities = QuickCountQuantity.Of(definition);
        var required = QuickCountQuantity.RequiredLines(quantities);
        var reported = reports.ToDictionary(r => r.Station, StringComparer.Ordinal);

        var complete = new Dictionary<Stratum, List<IReadOnlyDictionary<string, long>>>();
        var incomplete = 0;
        foreach (var station in sample.Stations)
        {
            if (!reported.TryGetValue(station.Station, out var report))
            {
                continue;
            }

            if (!required.All(report.Lines.ContainsKey))
            {
                incomplete++;
                continue;
            }

            if (!complete.TryGetValue(station.Stratum, out var list))
            {
                complete[station.Stratum] = list = [];
            }

            list.Add(report.Lines);
        }

        var used = sample.Strata.Where(s => complete.GetValueOrDefault(s.Stratum)?.Count >= StratifiedSample.MinimumPerStratum).ToList();
        var leftOut = sample.Strata.Where(s => !used.Contains(s)).ToList();
        var figures = new List<QuantityEstimate>(quantities.Count);
        var officialUsable = official is { Accepted: > 0 } ? official : null;
        foreach (var q in quantities)
        {
            var estimate = used.Count == 0
                ? new RatioEstimate(double.NaN, double.NaN, 0)
                : CombinedRatioEstimator.Estimate([.. used.Select(s => new StratumObservations(
                    s.Stratum,
                    s.Stations,
                    [.. complete[s.Stratum].Select(q.NumeratorOf)],
                    [.. complete[s.Stratum].Select(q.DenominatorOf)]))]);
            figures.Add(new QuantityEstimate(q, estimate, officialUsable is null ? null : q.Of(officialUsable.Totals)));
        }

        return new QuickCountResult(
            sample.Stations.Count,
            used.Sum(s => complete[s.Stratum].Count),
            incomplete,
            [.. leftOut.Select(s => s.Stratum)],
            leftOut.Sum(s => s.Stations),
            figures,
            official);
    }
}
