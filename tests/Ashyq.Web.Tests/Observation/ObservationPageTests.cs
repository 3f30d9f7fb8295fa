using System.Net;
using System.Text.Json.Nodes;
using Ashyq.Storage;
using Ashyq.Storage.Observation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ashyq.Web.Tests.Observation;

/// <summary>
/// The public observation page on a store of its own holding the demo's simulated mission: the statement's figures
/// computed from the forms, by region, with plots, and incidents about protocols linked to the protocols' pages.
/// </summary>
public sealed class ObservationPageTests(WebFixture web) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string _folder = "";
    private WebApplication? _app;
    private string _base = "";

    public async ValueTask InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("ashyq-observation-page-").FullName;
        var store = Store.Parse(Path.Combine(_folder, "ashyq.db"));
        await using (var db = await store.OpenAsync())
        {
            await new WorldWriter(db, TimeProvider.System).GenerateAsync(Ashyq.Tests.Repo.Kz, Ashyq.Tests.Repo.KzText, 0, 1);
            await ObservationDemo.SeedAsync(db, Ashyq.Tests.Repo.Kz, TimeProvider.System);
        }

        _app = AshyqWebHost.Build(new WebHostSettings(store, "http://127.0.0.1:0"), ["--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        _base = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
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

    private async Task<IPage> PageAsync(int width = 1280)
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _base,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = false,
            Locale = "en-US",
        });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task ThePage_ShowsTheStatementsFigures_ComputedFromTheForms_InThreeLanguages()
    {
        var page = await PageAsync();

        foreach (var language in new[] { "kk", "ru", "en" })
        {
            await page.GotoAsync($"/observation?lang={language}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, $"observation-{language}.png"), FullPage = true });
            await page.Locator("#statement").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, $"observation-{language}-statement.png") });
        }

        Assert.Equal("1445", await page.GetAttributeAsync("#statement-voting", "data-observed"));
        Assert.Equal("130", await page.GetAttributeAsync("#statement-voting", "data-negative"));
        Assert.Equal("23", await page.GetAttributeAsync("#statement-counting", "data-negative"));
        Assert.Equal("115", await page.GetAttributeAsync("#statement-tabulation", "data-observed"));
        var voting = await page.TextContentAsync("#statement-voting");
        Assert.Contains("Voting was observed in 1,445 of 9,725 polling stations and assessed negatively in 130 of them (9.0%)", voting, StringComparison.Ordinal);
        Assert.Contains("one of every 6 observed", await page.TextContentAsync("#statement-counting"), StringComparison.Ordinal);
        Assert.Equal("219", await page.GetAttributeAsync("#incidents-table tr[data-incident='INC.IDENTICAL_SIGNATURES'][data-form='voting']", "data-units"));
        Assert.Equal("104", await page.GetAttributeAsync("#incidents-table tr[data-incident='INC.CHOICES_NOT_ANNOUNCED']", "data-units"));
        Assert.Equal(16, await page.Locator("#regions-table tbody tr").CountAsync());
        Assert.Equal("350", await page.GetAttributeAsync("#mission", "data-short-term"));
        Assert.True(int.Parse(await page.GetAttributeAsync("#conflicts-count", "data-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task ProtocolIncidents_LinkToThePrecinctsProtocolPage_AndThePlotsAreDrawn()
    {
        var page = await PageAsync();
        await page.GotoAsync("/observation?lang=en");
        await page.SetViewportSizeAsync(1280, 1000);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "observation-en-top.png") });
        await page.Locator("#protocol-incidents").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "observation-en-protocols.png") });
        var links = page.Locator("#protocol-table a.protocol-link");
        var href = await links.First.GetAttributeAsync("href");
        using var http = new HttpClient { BaseAddress = new Uri(_base + "/") };

        Assert.True(await links.CountAsync() > 0);
        Assert.Matches("^/results/PEC-\\d{4}", href!);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(href!.TrimStart('/'), Ct)).StatusCode);
        foreach (var plot in new[] { "incidents", "negative-by-region" })
        {
            var png = await http.GetAsync($"observation/plots/{plot}.png?lang=ru", Ct);
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
            await File.WriteAllBytesAsync(Path.Combine(WebFixture.ScreenshotFolder, $"observation-plot-{plot}.png"), await png.Content.ReadAsByteArrayAsync(Ct), Ct);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("observation/plots/nothing.png", Ct)).StatusCode);
        var stats = JsonNode.Parse(await http.GetStringAsync("api/observation/stats", Ct))!;
        Assert.Equal(1445, stats["observed"]!["voting"]!.GetValue<int>());
        Assert.Equal(0.09m, stats["negative_share"]!["voting"]!.GetValue<decimal>());
    }
}
