namespace Ashyq.Core.QuickCount;

/// <summary>Whether a polling station serves a town or a village: the second dimension of the quick count's strata.</summary>
public enum Settlement
{
    Urban,
    Rural,
}

/// <summary>A stratum of the quick count's sample: a territorial unit (region) and a settlement type.</summary>
public readonly record struct Stratum(string Region, Settlement Settlement) : IComparable<Stratum>
{
    public int CompareTo(Stratum other)
    {
        var byRegion = string.CompareOrdinal(Region, other.Region);
        return byRegion != 0 ? byRegion : Settlement.CompareTo(other.Settlement);
    }

    public override string ToString() => $"{Region}/{(Settlement == Settlement.Urban ? "urban" : "rural")}";
}

/// <summary>A polling station as the sampling frame knows it before election day: its code, its region, its list size.</summary>
/// <param name="ListSize">Voters on its list as the register holds it before voting day.</param>
public sealed record FrameStation(string Station, string Region, long ListSize);

/// <summary>A station of the frame with the stratum it belongs to.</summary>
public sealed record StratifiedStation(string Station, Stratum Stratum, long ListSize);

/// <summary>
/// The sampling frame of the quick count: every polling station of the election, each in one stratum (region ×
/// urban/rural), in a fixed order (by stratum, then by station code), so that a seed alone fixes the draw.
/// </summary>
/// <remarks>
/// <para>
/// <b>How urban and rural are told apart.</b> A generated world does not mark settlements (every generated address
/// is in the region's centre), so the settlement type is derived, deterministically, from what every frame has —
/// the list size: within each region, a station whose list holds at least the region's median list size is
/// <see cref="Settlement.Urban"/>, the others <see cref="Settlement.Rural"/>. Town precincts in Kazakhstan serve up to
/// a few thousand voters and village ones a few hundred, so the larger half of a region's stations stands for its
/// towns. The median of an even count is the mean of the two middle sizes; a region whose stations are all of one
/// size (a world generated without voters) is wholly urban. A frame that knows the settlement of each station
/// would pass it instead of this rule: the estimator needs only that the strata are fixed before the draw.
/// </para>
/// </remarks>
public sealed class SamplingFrame
{
    private SamplingFrame(IReadOnlyList<StratifiedStation> stations)
    {
        Stations = stations;
        StrataSizes = stations.GroupBy(s => s.Stratum).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Every station, by stratum, then by code (ordinal).</summary>
    public IReadOnlyList<StratifiedStation> Stations { get; }

    /// <summary>N_h: the number of stations in each stratum, strata in order.</summary>
    public IReadOnlyDictionary<Stratum, int> StrataSizes { get; }

    public int Count => Stations.Count;

    /// <summary>The frame of <paramref name="stations"/>, each stratified by its region and the median-list-size rule.</summary>
    public static SamplingFrame Build(IEnumerable<FrameStation> stations)
    {
        ArgumentNullException.ThrowIfNull(stations);
        var list = stations.ToList();
        var duplicate = list.GroupBy(s => s.Station, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new QuickCountException("QUICKCOUNT.DUPLICATE-STATION", $"The station {duplicate.Key} is twice in the sampling frame.");
        }

        var stratified = new List<StratifiedStation>(list.Count);
        foreach (var region in list.GroupBy(s => s.Region, StringComparer.Ordinal))
        {
            var median = Median(region.Select(s => s.ListSize));
            stratified.AddRange(region.Select(s => new StratifiedStation(s.Station, new Stratum(s.Region, s.ListSize >= median ? Settlement.Urban : Settlement.Rural), s.ListSize)));
        }

        stratified.Sort((a, b) =>
        {
            var byStratum = a.Stratum.CompareTo(b.Stratum);
            return byStratum != 0 ? byStratum : string.CompareOrdinal(a.Station, b.Station);
        });
        return new SamplingFrame(stratified);
    }

    /// <summary>The median of the sizes: the middle one, or the mean of the two middle ones.</summary>
    public static double Median(IEnumerable<long> sizes)
    {
        var sorted = sizes.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}

/// <summary>A quick count input that cannot be used, with its code (e.g. <c>QUICKCOUNT.SIZE-TOO-SMALL</c>).</summary>
public sealed class QuickCountException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
