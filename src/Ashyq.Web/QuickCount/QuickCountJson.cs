using Ashyq.Core.QuickCount;
using Ashyq.Storage.QuickCount;

namespace Ashyq.Web.QuickCount;

/// <summary>
/// The quick count as open data (the CLI's <c>estimate --json</c> and <c>/api/quick-count</c>): per candidate and for
/// turnout {estimate, margin, low, high, official, outside}; the sample's strata and commitment, never its stations.
/// </summary>
public static class QuickCountJson
{
    public static object Of(QuickCountView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var result = view.Result;
        return new
        {
            election = view.Election,
            sample = view.Sample is { } s ? new { size = s.Sample.Size, strata = s.Sample.Strata.Count, drawn_at = s.DrawnAt, commitment = s.Commitment } : null,
            reported = result?.Reported ?? 0,
            incomplete = result?.Incomplete ?? 0,
            strata_left_out = result?.StrataLeftOut.Select(x => x.ToString()) ?? [],
            stations_left_out = result?.StationsLeftOut ?? 0,
            official = result?.Official is { } off ? new { precincts = off.Precincts, accepted = off.Accepted, complete = off.IsComplete } : null,
            candidates = result?.Candidates.ToDictionary(f => f.Quantity.Code, Figure),
            turnout = result?.Turnout is { } t ? Figure(t) : null,
            any_outside = result?.AnyOutside ?? false,
        };
    }

    private static object Figure(QuantityEstimate f) => new
    {
        name = f.Quantity.Name.En,
        estimate = Round(f.Estimate.Estimate),
        margin = Round(f.Estimate.Margin),
        low = Round(f.Estimate.Low),
        high = Round(f.Estimate.High),
        official = f.Official is { } o ? Round(o) : null,
        outside = f.Outside,
    };

    private static double? Round(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
