using System.Globalization;

namespace Ashyq.Web.Portal;

/// <summary>Numbers as the portal writes them: for people in their language, and for SVG attributes invariantly.</summary>
public static class Figures
{
    /// <summary>A fraction as an SVG length in percent ("45.2%"), whatever the reader's language; clamped to 0–100%.</summary>
    public static string SvgPercent(double fraction) =>
        (Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1) * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    /// <summary>A number as an SVG coordinate.</summary>
    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A share for the reader ("45.2 %" in their language), or a dash when there is none.</summary>
    public static string Share(double? fraction) => fraction switch
    {
        { } f when !double.IsFinite(f) => "—",
        > 0 and < 0.001 => "< " + 0.001.ToString("P1", CultureInfo.CurrentCulture),
        { } f => f.ToString("P1", CultureInfo.CurrentCulture),
        null => "—",
    };

    public static string Share(decimal fraction) => Share((double)fraction);

    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A share for a data attribute: invariant, four decimals.</summary>
    public static string Data(double? fraction) => fraction is { } f && double.IsFinite(f) ? f.ToString("0.####", CultureInfo.InvariantCulture) : "";

    public static string Data(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A moment in UTC, as the reader writes dates and times.</summary>
    public static string Time(DateTimeOffset? at) => at is { } t ? t.ToUniversalTime().ToString("g", CultureInfo.CurrentCulture) + " UTC" : "—";
}
