using Ashyq.Storage;
using Ashyq.Tests;
using Ashyq.Web.Portal;
using Ashyq.Web.Publication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Ashyq.Web.Tests.WebFixture))]

namespace Ashyq.Web.Tests;

/// <summary>
/// One small generated election (scale 0.0005, seed 3) in a SQLite file, the real web host on a free port of
/// 127.0.0.1 publishing its folder (log, records, results) at <c>/public</c>, and a headless Chromium: shared by
/// every test of the assembly. Public lookups are limited far above what the tests need; the limit's own test
/// starts a host of its own.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const double Scale = 0.0005;
    public const long Seed = 3;

    private string _folder = "";
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HttpClient? _http;

    public Store Store { get; private set; } = null!;

    /// <summary>The folder the host publishes and serves at <c>/public</c>.</summary>
    public string PublishDirectory => Path.Combine(_folder, "public");

    /// <summary>The log key of the host (the published folder holds only its verifier key).</summary>
    public string LogKeyFile => Path.Combine(_folder, "ashyq-log.key");

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:41234</c>, without a final slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public HttpClient Http => _http ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>The running host's services (its endpoints, for the authorization matrix).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The fixture is not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not started.");

    public static string ScreenshotFolder { get; } = Path.Combine(Repo.Root, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("ashyq-web-tests-").FullName;
        Store = Store.Parse(Path.Combine(_folder, "ashyq.db"));
        await using (var db = await Store.OpenAsync())
        {
            await new WorldWriter(db, TimeProvider.System).GenerateAsync(Repo.Kz, Repo.KzText, Scale, Seed);
        }

        _app = AshyqWebHost.Build(
            new WebHostSettings(Store, "http://127.0.0.1:0") { Publish = new PublishSettings(PublishDirectory, LogKeyFile) },
            ["--Logging:LogLevel:Default=Warning", $"--{PortalSetup.LookupsPerMinuteKey}=100000"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The web host did not report its address.");
        BaseUrl = address.TrimEnd('/');
        // No cookies: a language one test chooses must not leak into another's requests.
        _http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(BaseUrl + "/") };

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh browser page (its own cookies) of the given width; a phone when narrower than 500 px.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var phone = width < 500;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = 1,
            JavaScriptEnabled = false,
            Locale = "en-US",
        });

        // A bound, not an expectation: a page answers in well under a second on an idle machine, but a CI machine
        // running the other test assemblies beside this one (and a session's builds) has taken over 30 s for a click's
        // navigation — Playwright's default, at which the nomination walk once failed.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        return await context.NewPageAsync();
    }

    /// <summary>The size of the published checkpoint once it holds at least <paramref name="size"/> entries (the publisher runs every second).</summary>
    public async Task<long> WaitForCheckpointAsync(long size, CancellationToken ct)
    {
        var path = Path.Combine(PublishDirectory, "log", "checkpoint");
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (File.Exists(path))
            {
                var lines = (await File.ReadAllTextAsync(path, ct)).Split('\n');
                if (lines.Length > 1 && long.TryParse(lines[1], System.Globalization.CultureInfo.InvariantCulture, out var published) && published >= size)
                {
                    return published;
                }
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"The published checkpoint did not reach {size} entries.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
