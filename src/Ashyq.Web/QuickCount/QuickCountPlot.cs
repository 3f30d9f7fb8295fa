using System.Globalization;
using Ashyq.Core.QuickCount;
using ScottPlot;

namespace Ashyq.Web.QuickCount;

/// <summary>
/// The quick count's interval plot, drawn with ScottPlot: one row per figure (each candidate's share, then turnout),
/// its 95% interval as a bar around the estimate, and the official figure as a diamond — red where it falls outside.
/// The x axis is in percentage points from the estimate, so a 1% candidate's interval is as readable as the leader's.
/// </summary>
public static class QuickCountPlot
{
    public const int Width = 1000;

    public static int HeightFor(int figures) => 160 + (70 * figures);

    public static byte[] Png(QuickCountResult result, string election)
    {
        ArgumentNullException.ThrowIfNull(result);
        var figures = result.Figures;
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Quick count: {election}, {result.Reported:N0} of {result.Sampled:N0} sampled stations"));
        plot.XLabel("percentage points from the quick count's estimate (95% interval)");

        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Gray.WithAlpha(0.5);
        var positions = new double[figures.Count];
        var labels = new string[figures.Count];
        var widest = 0.5;
        bool intervalInLegend = false, officialInLegend = false, outsideInLegend = false;
        for (var k = 0; k < figures.Count; k++)
        {
            var f = figures[k];
            var y = figures.Count - 1 - k;
            positions[k] = y;
            var e = f.Estimate;
            labels[k] = string.Create(CultureInfo.InvariantCulture, $"{f.Quantity.Name.En}\n{e.Estimate * 100:F2}% ± {e.Margin * 100:0.00#}");
            if (double.IsNaN(e.Estimate))
            {
                continue;
            }

            var margin = e.Margin * 100;
            widest = Math.Max(widest, margin);
            var bar = plot.Add.Line(-margin, y, margin, y);
            bar.LineWidth = 10;
            bar.Color = Colors.SteelBlue.WithAlpha(0.55);
            if (!intervalInLegend)
            {
                bar.LegendText = "95% interval of the quick count";
                intervalInLegend = true;
            }

            plot.Add.Marker(0, y, MarkerShape.FilledCircle, 9, Colors.Navy);
            if (f.Official is { } official)
            {
                var x = (official - e.Estimate) * 100;
                widest = Math.Max(widest, Math.Abs(x));
                var marker = plot.Add.Marker(x, y, MarkerShape.FilledDiamond, 16, f.Outside ? Colors.Red : Colors.DarkGreen);
                if (f.Outside && !outsideInLegend)
                {
                    marker.LegendText = "official result, OUTSIDE the interval";
                    outsideInLegend = true;
                }
                else if (!f.Outside && !officialInLegend)
                {
                    marker.LegendText = "official result, inside the interval";
                    officialInLegend = true;
                }
            }
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.SetLimits(-widest * 1.25, widest * 1.25, -0.7, figures.Count - 0.3);
        if (intervalInLegend)
        {
            plot.ShowLegend(Alignment.LowerRight);
        }

        if (result.Official is { } o)
        {
            plot.Add.Annotation(string.Create(CultureInfo.InvariantCulture, $"official results: {o.Accepted:N0} of {o.Precincts:N0} precincts"), Alignment.UpperLeft);
        }

        return plot.GetImageBytes(Width, HeightFor(figures.Count), ImageFormat.Png);
    }
}
