using Ashyq.Storage;
using Ashyq.Storage.Publication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ashyq.Web.Publication;

/// <summary>
/// Keeps the published folder up to date while the server runs: every second it appends the log entries that
/// acceptances and decisions wrote, rewrites the touched tiles, signs a new checkpoint, and rewrites the results
/// open data when anything changed. The folder can be served by this host or by any web server or CDN as it is.
/// </summary>
public sealed class PublishingService(Store store, PublishSettings settings, TimeProvider time, ILogger<PublishingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogPublisher? publisher = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = store.CreateContext();
                var definition = await new ElectionQueries(db).DefinitionAsync(stoppingToken);
                if (definition is not null)
                {
                    if (publisher is null)
                    {
                        var key = LogKeys.LoadOrCreate(settings.KeyFile ?? LogKeys.DefaultPath(store), LogKeys.OriginOf(definition.Id));
                        publisher = new LogPublisher(settings.Directory, key);
                    }

                    var added = await publisher.CatchUpAsync(db, stoppingToken);
                    if (added > 0 || !File.Exists(Path.Combine(settings.Directory, "results", "precincts.csv")))
                    {
                        await new ResultsExporter(settings.Directory).WriteAsync(db, definition, time, stoppingToken);
                        if (logger.IsEnabled(LogLevel.Information))
                        {
                            logger.LogInformation("Published {Added} new log entries; the tree has {Size}", added, publisher.Size);
                        }
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Publishing failed; retrying in a second");
            }

            try
            {
                await Task.Delay(settings.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

/// <summary>Where the host publishes, with which key, how often.</summary>
public sealed record PublishSettings(string Directory, string? KeyFile)
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);
}
