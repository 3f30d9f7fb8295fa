using System.Globalization;
using Ashyq.Core.Forensics;
using ScottPlot;

namespace Ashyq.Web.Forensics;

/// <summary>
/// The plots of the forensics, drawn with ScottPlot from a <see cref="ForensicsReport"/> alone, each as PNG and SVG:
/// the fingerprint heat map, the turnout histogram by precincts and by voters, the votes per candidate by turnout
/// with Shpilkin's baseline, and the 0.1% histogram of turnout and leader share (integer percentages).
/// </summary>
public static class ForensicsPlots
{
    public const int Width = 1000;
    public const int Height = 700;

    /// <summary>Writes every plot of the report to <paramref name="folder"/> (created if needed), the regions' in
    /// <c>regions/&lt;code&gt;/</c> when the report has them; returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(ForensicsReport report, string folder)
    {
        var files = new List<string>();
        files.AddRange(Write(report, report.National, report.Election, folder));
        // Dashed and dotted lines are avoided throughout: Skia's SVG canvas cannot draw them (it drops them and prints
        // "Unsupported path effect" on the terminal).
        var regional = new IReadOnlyList<string>[report.Regions.Count];
        Parallel.For(0, report.Regions.Count, r =>
        {
            var region = report.Regions[r];
            regional[r] = Write(report, region.Figures, $"{report.Election}, {region.Region.Name.En}", Path.Combine(folder, "regions", region.Region.Code));
        });
        files.AddRange(regional.SelectMany(f => f));
        return files;
    }

    /// <summary>Writes the four plots of one set of figures; returns the files written.</summary>
    public static IReadOnlyList<string> Write(ForensicsReport report, ForensicsFigures figures, string title, string folder)
    {
        Directory.CreateDirectory(folder);
        var leader = report.LeaderCandidate.Name.En;
        var files = new List<string>();
        files.AddRange(Save(FingerprintPlot(figures.Fingerprint, title, leader), folder, "fingerprint"));
        files.AddRange(Save(TurnoutPlot(figures.Shpilkin, title), folder, "turnout-histogram"));
        files.AddRange(Save(ShpilkinPlot(report, figures.Shpilkin, title), folder, "votes-by-turnout"));
        files.AddRange(Save(IntegerPlot(figures.Integer, title, leader), folder, "integer-percentages"));
        return files;
    }

    /// <summary>The names of the plots of one set of figures, as <see cref="Write"/> names their files.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fingerprint", "turnout-histogram", "votes-by-turnout", "integer-percentages"];

    /// <summary>One plot of the national figures, by its name in <see cref="Names"/>, as PNG bytes; null for an unknown name.</summary>
    public static byte[]? Png(ForensicsReport report, string name)
    {
        ArgumentNullException.ThrowIfNull(report);
        var figures = report.National;
        var leader = report.LeaderCandidate.Name.En;
        Plot? plot = name switch
        {
            "fingerprint" => FingerprintPlot(figures.Fingerprint, report.Election, leader),
            "turnout-histogram" => TurnoutPlot(figures.Shpilkin, report.Election),
            "votes-by-turnout" => ShpilkinPlot(report, figures.Shpilkin, report.Election),
            "integer-percentages" => IntegerPlot(figures.Integer, report.Election, leader),
            _ => null,
        };
        return plot?.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static string[] Save(Plot plot, string folder, string name)
    {
        var png = Path.Combine(folder, name + ".png");
        var svg = Path.Combine(folder, name + ".svg");
        plot.SavePng(png, Width, Height);
        plot.SaveSvg(svg, Width, Height);
        return [png, svg];
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }

    /// <summary>Precincts by turnout (x) and leader share (y), 1% cells, colour on a log scale; empty cells white.</summary>
    public static Plot FingerprintPlot(FingerprintResult fingerprint, string title, string leader)
    {
        var plot = NewPlot($"Election fingerprint: {title}", "Turnout B/N, % (1% bins)", $"{leader}, % of D (1% bins)");
        const int bins = FingerprintResult.Bins;
        var data = new double[bins, bins];
        for (var t = 0; t < bins; t++)
        {
            for (var l = 0; l < bins; l++)
            {
                var count = fingerprint.Cell(t, l);
                data[bins - 1 - l, t] = count == 0 ? double.NaN : Math.Log10(count);
            }
        }

        var heatmap = plot.Add.Heatmap(data);
        heatmap.Colormap = new ScottPlot.Colormaps.Matter();
        heatmap.NaNCellColor = Colors.White;
        heatmap.Rectangle = new CoordinateRect(0, bins, 0, bins);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "log10(precincts per cell)";
        plot.Axes.SetLimits(0, bins, 0, bins);
        var box = plot.Add.Rectangle(80, bins, 80, bins);
        box.FillStyle.Color = Colors.Transparent;
        box.LineStyle.Color = Colors.Black;
        box.LineStyle.Width = 1.5f;
        plot.Add.Annotation(string.Create(CultureInfo.InvariantCulture,
            $"box: turnout > 80% and leader > 80%, {fingerprint.CountTurnoutGt80LeaderGt80:N0} of {fingerprint.Precincts:N0} precincts"), Alignment.UpperLeft);
        return plot;
    }

    /// <summary>The share of precincts and the share of voters on the list in each 1% turnout bin.</summary>
    public static Plot TurnoutPlot(ShpilkinResult shpilkin, string title)
    {
        var plot = NewPlot($"Turnout: {title}", "Turnout B/N, % (1% bins; 100 includes above 100)", "% of precincts / % of voters on the list, per bin");
        var x = shpilkin.Bins.Select(b => (double)b.Turnout).ToArray();
        var precincts = shpilkin.Bins.Select(b => shpilkin.Precincts == 0 ? 0 : 100.0 * b.Precincts / shpilkin.Precincts).ToArray();
        var voters = shpilkin.Bins.Select(b => shpilkin.VotersTotal == 0 ? 0 : 100.0 * b.Voters / shpilkin.VotersTotal).ToArray();
        Step(plot, x, precincts, $"precincts ({shpilkin.Precincts:N0})", Colors.SteelBlue);
        Step(plot, x, voters, $"voters on the list ({shpilkin.VotersTotal:N0})", Colors.OrangeRed);
        var mode = plot.Add.VerticalLine(shpilkin.ModeBin);
        mode.Color = Colors.Gray.WithAlpha(0.6);
        mode.LegendText = $"mode of voters: {shpilkin.ModeBin}%";
        plot.Axes.SetLimits(0, 101, 0, Math.Max(precincts.Max(), voters.Max()) * 1.08);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Votes per candidate in each turnout bin, with the leader's Shpilkin baseline r·O above the mode.</summary>
    public static Plot ShpilkinPlot(ForensicsReport report, ShpilkinResult shpilkin, string title)
    {
        var plot = NewPlot($"Votes by turnout: {title}", "Turnout B/N, % (1% bins)", "Votes per 1% turnout bin, thousands");
        var x = shpilkin.Bins.Select(b => (double)b.Turnout).ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        for (var c = 0; c < report.Candidates.Count; c++)
        {
            var y = shpilkin.Bins.Select(b => b.Votes[c] / 1000.0).ToArray();
            var total = shpilkin.Bins.Sum(b => b.Votes[c]);
            Step(plot, x, y, string.Create(CultureInfo.InvariantCulture, $"{report.Candidates[c].Name.En} ({total:N0})"), palette.GetColor(c));
        }

        if (shpilkin.ExcessLeaderVotes is { } excess && shpilkin.Baseline.Denominator != 0)
        {
            var r = shpilkin.Baseline.Value;
            var above = shpilkin.Bins.Where(b => b.Turnout >= shpilkin.ModeBin).ToArray();
            double[] bx = [.. above.Select(b => (double)b.Turnout), above[^1].Turnout + 1];
            double[] by = [.. above.Select(b => r * b.Others / 1000.0), r * above[^1].Others / 1000.0];
            var baseline = plot.Add.Scatter(bx, by);
            baseline.ConnectStyle = ConnectStyle.StepHorizontal;
            baseline.MarkerSize = 0;
            baseline.LineWidth = 2;
            baseline.Color = Colors.Black;
            baseline.LegendText = string.Create(CultureInfo.InvariantCulture, $"{report.LeaderCandidate.Name.En}, baseline r·others (r = {r:F3}); excess {excess:N0}");
        }

        var mode = plot.Add.VerticalLine(shpilkin.ModeBin);
        mode.Color = Colors.Gray.WithAlpha(0.6);
        mode.LegendText = $"mode of voters: {shpilkin.ModeBin}%";
        plot.Axes.SetLimits(0, 101, 0, shpilkin.Bins.Max(b => b.Votes.DefaultIfEmpty(0).Max()) / 1000.0 * 1.08);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Precincts per 0.1% bin of turnout G/N and of leader share P/D; whole percents are marked.</summary>
    public static Plot IntegerPlot(IntegerPercentagesResult integer, string title, string leader)
    {
        var plot = NewPlot($"Integer percentages: {title}", "Percent (0.1% bins; whole percents at the grid lines every 5%)", "Precincts per 0.1% bin");
        var x = Enumerable.Range(0, IntegerPercentagesResult.HistogramBins).Select(i => (i - 0.5) / 10.0).ToArray(); // bin i is centred on i/10 %
        Step(plot, x, [.. integer.TurnoutHistogram.Select(v => (double)v)], string.Create(CultureInfo.InvariantCulture,
            $"turnout G/N: {integer.TurnoutObserved:N0} integer, {integer.TurnoutExpected:N1} expected"), Colors.SteelBlue);
        Step(plot, x, [.. integer.LeaderHistogram.Select(v => (double)v)], string.Create(CultureInfo.InvariantCulture,
            $"{leader}, % of D: {integer.LeaderObserved:N0} integer, {integer.LeaderExpected:N1} expected"), Colors.OrangeRed);
        var max = Math.Max(integer.TurnoutHistogram.DefaultIfEmpty(0).Max(), integer.LeaderHistogram.DefaultIfEmpty(0).Max());
        var first = Math.Min(FirstNonZero(integer.TurnoutHistogram), FirstNonZero(integer.LeaderHistogram));
        plot.Axes.SetLimits(Math.Max(0, Math.Floor((first / 10.0) - 2)), 100, 0, Math.Max(1, max) * 1.08);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(5);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static int FirstNonZero(IReadOnlyList<int> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] > 0)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>A histogram as a horizontal step line: each value from its x to the next one's; the last bin gets its width too.</summary>
    private static void Step(Plot plot, double[] x, double[] y, string label, Color color)
    {
        var width = x.Length > 1 ? x[^1] - x[^2] : 1;
        double[] xs = [.. x, x[^1] + width];
        double[] ys = [.. y, y[^1]];
        var line = plot.Add.Scatter(xs, ys);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = 0;
        line.LineWidth = 1.5f;
        line.Color = color;
        line.LegendText = label;
    }
}
