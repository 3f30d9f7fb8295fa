using System.Globalization;
using Ashyq.Core.Observation;
using ScottPlot;

namespace Ashyq.Web.Observation;

/// <summary>
/// The observation page's plots, drawn with ScottPlot from an <see cref="ObservationView"/> alone, with their
/// labels in the reader's language: the share of observed stations assessed negatively by region (voting and
/// counting), and the stations where each incident was reported.
/// </summary>
public static class ObservationPlots
{
    public const int Width = 1000;

    public static IReadOnlyList<string> Names { get; } = ["negative-by-region", "incidents"];

    /// <summary>A plot by its name in <see cref="Names"/> as PNG bytes; null for an unknown name.</summary>
    public static byte[]? Png(ObservationView view, string name, string language, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        return name switch
        {
            "negative-by-region" => NegativeByRegion(view, language, text).GetImageBytes(Width, 160 + (34 * Math.Max(1, view.Statistics.Regions.Count)), ImageFormat.Png),
            "incidents" => Incidents(view, language, text).GetImageBytes(Width, 160 + (30 * Math.Max(1, view.Statistics.Forms.Values.Sum(f => f.Incidents.Count))), ImageFormat.Png),
            _ => null,
        };
    }

    private static Plot NewPlot(string title, string x)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.XLabel(x);
        return plot;
    }

    /// <summary>Per region, the share of its observed stations with a negative assessment, in voting and in counting.</summary>
    public static Plot NegativeByRegion(ObservationView view, string language, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        var plot = NewPlot(text("ObsPlotNegativeTitle"), text("ObsPlotNegativeAxis"));
        var regions = view.Statistics.Regions;
        var bars = new List<Bar>();
        var labels = new string[regions.Count];
        var kinds = new[] { (FormKind.Voting, Colors.SteelBlue), (FormKind.Counting, Colors.OrangeRed) };
        for (var i = 0; i < regions.Count; i++)
        {
            var r = regions[i];
            var y = regions.Count - 1 - i;
            labels[i] = RegionName(view, r.Region, language);
            for (var k = 0; k < kinds.Length; k++)
            {
                var share = r.Forms[kinds[k].Item1].NegativeUnits;
                bars.Add(new Bar
                {
                    Position = y + (k == 0 ? 0.18 : -0.18),
                    Value = (double)share.Value * 100,
                    Size = 0.34,
                    FillColor = kinds[k].Item2,
                    Label = share.Whole == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{share.Part}/{share.Whole}"),
                    Orientation = Orientation.Horizontal,
                });
            }
        }

        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = 11;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, regions.Count).Select(i => (double)(regions.Count - 1 - i))], labels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var max = bars.Select(b => b.Value).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimits(0, Math.Max(10, max * 1.2), -0.6, regions.Count - 0.4);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = text("ObsVoting"), FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = text("ObsCounting"), FillColor = Colors.OrangeRed });
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>Each incident of the catalogue with the number of observed units where it was reported.</summary>
    public static Plot Incidents(ObservationView view, string language, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        var plot = NewPlot(text("ObsPlotIncidentsTitle"), text("ObsPlotIncidentsAxis"));
        var incidents = view.Statistics.Forms.Values
            .SelectMany(f => f.Incidents.Select(i => (Form: f.Kind, Code: i.Key, Units: i.Value)))
            .OrderByDescending(i => i.Units).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
        var bars = incidents.Select((x, i) => new Bar
        {
            Position = incidents.Count - 1 - i,
            Value = x.Units,
            Size = 0.7,
            FillColor = view.Forms.Incident(x.Code)?.ConcernsProtocol == true ? Colors.OrangeRed : Colors.SteelBlue,
            Label = x.Units.ToString(CultureInfo.InvariantCulture),
            Orientation = Orientation.Horizontal,
        }).ToList();
        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = 11;
        plot.Axes.Left.SetTicks([.. incidents.Select((_, i) => (double)(incidents.Count - 1 - i))],
            [.. incidents.Select(x => $"{view.Forms.Incident(x.Code)?.Text.In(language) ?? x.Code} ({text(FormKey(x.Form))})")]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(0, Math.Max(10, incidents.Select(x => x.Units).DefaultIfEmpty(0).Max() * 1.15), -0.6, Math.Max(1, incidents.Count) - 0.4);
        return plot;
    }

    /// <summary>The resource key of a form kind's name.</summary>
    public static string FormKey(FormKind kind) => kind switch
    {
        FormKind.Opening => "ObsOpening",
        FormKind.Voting => "ObsVoting",
        FormKind.Counting => "ObsCounting",
        _ => "ObsTabulation",
    };

    /// <summary>A region's name without the commission's title before the colon ("Akmola Region").</summary>
    public static string RegionName(ObservationView view, string region, string language)
    {
        ArgumentNullException.ThrowIfNull(view);
        var name = view.RegionNames.TryGetValue(region, out var n) ? n.In(language) : region;
        var colon = name.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? name[(colon + 2)..] : name;
    }
}
