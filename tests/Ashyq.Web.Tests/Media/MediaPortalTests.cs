using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Ashyq.Storage.Media;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ashyq.Web.Tests.Media;

/// <summary>
/// The public media-monitoring page (kk, ru, en) on the demo sample, its JSON, and the monitors' entry form and API:
/// anonymous users are sent to sign in, accounts other than observers are refused, a bad item is named by field and code.
/// </summary>
public sealed class MediaPortalTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "media-monitor-pass-1";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _seeded;

    private async Task SeedAsync()
    {
        await Gate.WaitAsync(Ct);
        try
        {
            if (!_seeded)
            {
                await using var db = web.Store.CreateContext();
                await new MediaService(db, TimeProvider.System).SeedDemoAsync(2011, Ct);
                await AccountsAdmin.CreateAsync(web.Store, "media-monitor", "PEC-0001", AccountRole.Observer, Password, Ct);
                await AccountsAdmin.CreateAsync(web.Store, "media-operator", "PEC-0001", AccountRole.Operator, Password, Ct);
                _seeded = true;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string Code(string surname) => Repo.Kz.Candidates.Registered.Single(c => c.Name.En.EndsWith(surname, StringComparison.Ordinal)).Code;

    [Theory]
    [InlineData("kk", "БАҚ мониторингі")]
    [InlineData("ru", "Мониторинг СМИ")]
    [InlineData("en", "Media monitoring")]
    public async Task ThePage_DrawsTheSharesPerOutlet_InEachLanguage(string lang, string title)
    {
        await SeedAsync();
        foreach (var (device, width) in new[] { ("desktop", 1280), ("phone", 390) })
        {
            var page = await web.NewPageAsync(width);
            var response = await page.GotoAsync($"/media?lang={lang}");
            Assert.Equal(200, response!.Status);
            Assert.Equal(title, await page.Locator("#media-title").InnerTextAsync());

            // Khabar, as the statement reports it: the incumbent 13%, Eleusizov 33%.
            var khabar = page.Locator("#news-chart g[data-row='Khabar']");
            var incumbent = double.Parse(await khabar.Locator($"[data-segment='{Code("Nazarbayev")}']").GetAttributeAsync("data-share") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var eleusizov = double.Parse(await khabar.Locator($"[data-segment='{Code("Eleusizov")}']").GetAttributeAsync("data-share") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(13, Math.Round(incumbent * 100));
            Assert.Equal(33, Math.Round(eleusizov * 100));
            Assert.Equal(6, await page.Locator("#news-chart g[data-row]").CountAsync());
            Assert.True(await page.Locator("#flags-table [data-code='MEDIA.NEWS-UNEQUAL'][data-outlet='Astana TV']").CountAsync() > 0);
            var paid = double.Parse(await page.Locator($"#paid-table tr[data-subject='{Code("Nazarbayev")}']").GetAttributeAsync("data-share") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(paid > 0.5);
            Assert.Equal(4, await page.Locator("#tone-chart g[data-row]").CountAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, $"media-{lang}-{device}.png"), FullPage = true });
            await page.Locator("#news").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, $"media-{lang}-{device}-news.png") });
            await page.Locator("#flags").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, $"media-{lang}-{device}-flags.png") });
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheStatsApi_HasTheShapeOfTheCli_AndIsRateLimited()
    {
        await SeedAsync();
        var json = JsonNode.Parse(await web.Http.GetStringAsync("api/media/stats?lang=en", Ct))!;
        Assert.Equal(0.39, Math.Round(json["news_share"]!["Astana TV"]!["Nursultan Nazarbayev"]!.GetValue<double>(), 2));
        Assert.NotNull(json["tone"]!["Khabar"]!["Mels Eleusizov"]!["neutral"]);
        Assert.True(json["paid_share"]!["Nursultan Nazarbayev"]!.GetValue<double>() > 0.5);
        Assert.True(json["institutional_seconds"]!["Nursultan Nazarbayev"]!.GetValue<long>() > 7200);

        // Each request computes the figures from every item: an address is limited to 60 a minute.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Ashyq.Web.Media.MediaApi.StatsPermitsPerMinute + 1; i++)
        {
            statuses.Add((await web.Http.GetAsync("api/media/stats", Ct)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task AMonitor_EntersAnItem_AndABadOneIsNamedByFieldAndCode()
    {
        await SeedAsync();
        var anonymous = await web.NewPageAsync();
        await anonymous.GotoAsync("/media/entry?lang=en");
        Assert.Contains("/account/login", anonymous.Url, StringComparison.Ordinal);

        async Task<IPage> SignedIn(string user)
        {
            var page = await web.NewPageAsync();
            await page.GotoAsync("/account/login?lang=en");
            await page.FillAsync("#user", user);
            await page.FillAsync("#password", Password);
            await page.ClickAsync("#sign-in-button");
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            return page;
        }

        var operatorPage = await SignedIn("media-operator");
        var refused = await operatorPage.GotoAsync("/media/entry?lang=en");
        Assert.Equal(403, refused!.Status);
        Assert.Equal(1, await operatorPage.Locator("#entry-denied").CountAsync());

        var monitor = await SignedIn("media-monitor");
        await monitor.GotoAsync("/media/entry?lang=en");
        await using (var db = web.Store.CreateContext())
        {
            var before = await db.MediaItems.CountAsync(Ct);
            await monitor.FillAsync("#outlet", "Channel 31");
            await monitor.FillAsync("#aired-at", "2011-03-20T21:10");
            await monitor.FillAsync("#programme", "Информбюро");
            await monitor.SelectOptionAsync("#kind", "news");
            await monitor.FillAsync("#subject", "Mels Eleusizov");
            await monitor.FillAsync("#seconds", "abc");
            await monitor.ClickAsync("#entry-button");
            Assert.Equal("MEDIA.SECONDS", await monitor.Locator("#entry-errors li").First.GetAttributeAsync("data-code"));
            await monitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "media-entry-error-en.png"), FullPage = true });
            Assert.Equal(before, await db.MediaItems.CountAsync(Ct));

            await monitor.FillAsync("#seconds", "75");
            await monitor.ClickAsync("#entry-button");
            Assert.Equal(1, await monitor.Locator("#entry-saved").CountAsync());
            var item = await db.MediaItems.AsNoTracking().OrderByDescending(i => i.Id).FirstAsync(Ct);
            Assert.Equal(("Channel 31", Code("Eleusizov"), 75, "news"), (item.Outlet, item.CandidateCode, item.Amount, item.Kind));
            Assert.Equal(before + 1, await db.MediaItems.CountAsync(Ct));
        }
    }

    [Fact]
    public async Task TheEntryApi_TakesAnObserversItem_AndNamesEveryError()
    {
        await SeedAsync();
        var login = await web.Http.PostAsJsonAsync("api/login", new { userName = "media-monitor", password = Password }, Ct);
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync(Ct))!["accessToken"]!.GetValue<string>();
        using var client = new HttpClient { BaseAddress = new Uri(web.BaseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var bad = await client.PostAsJsonAsync("api/media/items", new { outlet = "KTK", airedAt = "yesterday", programme = "Итоги", kind = "news", subject = "C1", seconds = "0", tone = "warm", monitor = "m9" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonNode.Parse(await bad.Content.ReadAsStringAsync(Ct))!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())).ToList();
        Assert.Equal([("aired_at", "MEDIA.AIRED-AT"), ("seconds", "MEDIA.SECONDS"), ("tone", "MEDIA.TONE")], errors);

        var good = await client.PostAsJsonAsync("api/media/items", new { outlet = "KTK", outletKind = "tv", airedAt = "2011-03-21T20:30", programme = "Итоги", kind = "paid_advertising", subject = "C1", seconds = "30", tone = "positive", monitor = "m9" }, Ct);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
    }
}
