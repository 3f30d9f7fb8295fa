using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Elections;
using Ashyq.Demo;
using Ashyq.Storage;
using Ashyq.Storage.Publication;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Bench;

/// <summary>
/// From acceptance to a leaf in a signed checkpoint: election night is played while the publisher runs as the
/// server runs it (a catch-up every second); each entry's latency is the time from its acceptance (the log
/// entry's timestamp, written in the acceptance's transaction) to the moment the checkpoint that includes it was
/// written. Reports the median, p99 and maximum.
/// <code>dotnet run -c Release --project bench/Ashyq.Bench -- publish-latency --db /tmp/latency.db --scale 1 [--limit N]</code>
/// </summary>
public static class PublishLatencyBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var db = Arg("--db", Path.Combine(Path.GetTempPath(), "ashyq-latency.db"));
        var scale = double.Parse(Arg("--scale", "1"), CultureInfo.InvariantCulture);
        int? limit = Arg("--limit", "") is { Length: > 0 } l ? int.Parse(l, CultureInfo.InvariantCulture) : null;
        foreach (var file in new[] { db, db + "-wal", db + "-shm", Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db))!, "ashyq-log.key") })
        {
            File.Delete(file);
        }

        var path = Path.Combine(AppContext.BaseDirectory, "definitions", "kz-2011-presidential.json");
        var json = await File.ReadAllTextAsync(path);
        var definition = ElectionDefinitionLoader.Parse(json, path);
        var store = Store.Parse(db);
        await using (var setup = await store.OpenAsync())
        {
            var generated = await new WorldWriter(setup, TimeProvider.System).GenerateAsync(definition, json, scale, 2011);
            Console.Error.WriteLine($"generated {generated.Voters:N0} voters in {generated.Elapsed.TotalSeconds:F1} s");
        }

        var site = Path.Combine(Path.GetTempPath(), "ashyq-latency-site");
        if (Directory.Exists(site))
        {
            Directory.Delete(site, recursive: true);
        }

        using var key = LogKeys.LoadOrCreate(LogKeys.DefaultPath(store), LogKeys.OriginOf(definition.Id));
        var publisher = new LogPublisher(site, key);
        var latencies = new List<double>();
        using var stop = new CancellationTokenSource();
        var publishing = Task.Run(async () =>
        {
            while (true)
            {
                var stopping = stop.IsCancellationRequested;
                await using var context = store.CreateContext();
                var from = publisher.Size;
                await publisher.CatchUpAsync(context, CancellationToken.None);
                var written = DateTimeOffset.UtcNow;
                if (publisher.Size > from)
                {
                    var accepted = await context.LogEntries.AsNoTracking().Where(e => e.Index >= from && e.Index < publisher.Size).Select(e => e.CreatedAt).ToListAsync();
                    latencies.AddRange(accepted.Select(a => (written - a).TotalMilliseconds));
                }

                if (stopping)
                {
                    return;
                }

                await Task.Delay(1000, CancellationToken.None);
            }
        });

        var started = Stopwatch.GetTimestamp();
        await using (var night = store.CreateContext())
        {
            var report = await new ElectionNight(night, definition, TimeProvider.System).PlayAsync(2011, 0.05, limit, null, CancellationToken.None);
            Console.Error.WriteLine($"night: {report.Accepted:N0} accepted in {report.Elapsed.TotalSeconds:F1} s");
        }

        await stop.CancelAsync();
        await publishing;
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            store = store.Kind.ToString(),
            scale,
            entries = latencies.Count,
            seconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1),
            latency_ms = new { median = Math.Round(Percentile(0.5)), p99 = Math.Round(Percentile(0.99)), max = Math.Round(latencies.LastOrDefault()) },
            checkpoint_size = publisher.Size,
        }));
        return 0;
    }
}
