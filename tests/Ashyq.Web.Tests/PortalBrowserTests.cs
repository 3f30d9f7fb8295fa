using System.Text.RegularExpressions;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ashyq.Web.Tests;

/// <summary>The public portal as a reader sees it, in headless Chromium with JavaScript turned off.</summary>
public sealed partial class PortalBrowserTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_RendersInKazakhByDefault()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");

        Assert.Equal("kk", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(Repo.Kz.Name.Kk, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Тіркелген кандидаттар", await page.Locator("#candidates").InnerTextAsync());
        var rows = page.Locator("#candidate-list li");
        Assert.Equal(4, await rows.CountAsync());
        for (var i = 0; i < 4; i++)
        {
            var candidate = Repo.Kz.Candidates.Registered[i];
            var organization = Repo.Kz.Organizations.Single(o => o.Code == candidate.NominatedBy);
            var text = await rows.Nth(i).InnerTextAsync();
            Assert.Contains(candidate.Name.Kk, text);
            Assert.Contains(organization.Name.Kk, text);
            Assert.StartsWith((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), text.Trim());
        }

        Assert.Contains("07:00–20:00", await page.Locator("#polling-hours").InnerTextAsync());
        Assert.Contains("9 725", (await page.Locator("#commission-counts tr[data-level=PEC]").InnerTextAsync()).Replace('\u00a0', ' '));
    }

    [Fact]
    public async Task Home_LeadsToEveryPublicScrutinyPage_AndEachOpens()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/?lang=en");
        string[] links = ["complaint-link", "complaints-link", "nominees-link", "observation-link", "quick-count-link", "media-link"];
        foreach (var id in links)
        {
            var href = await page.Locator("#" + id).GetAttributeAsync("href");
            Assert.False(string.IsNullOrEmpty(href), id);
            var response = await web.Http.GetAsync(href!.TrimStart('/'), Ct);
            Assert.True(response.IsSuccessStatusCode, $"{id} → {href}: {(int)response.StatusCode}");
        }

        Assert.Contains("Scrutiny", await page.Locator("#scrutiny-links").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitch_ShowsTheHomePageInRussianAndEnglish_AndKeepsTheLanguageWhileBrowsing()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Русский", Exact = true }).ClickAsync();
        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(Repo.Kz.Name.Ru, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Зарегистрированные кандидаты", await page.Locator("#candidates").InnerTextAsync());
        Assert.Contains(Repo.Kz.Candidates.Registered[3].Name.Ru, await page.Locator("#candidate-list").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(Repo.Kz.Name.En, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Registered candidates", await page.Locator("#candidates").InnerTextAsync());
        Assert.Contains("Nur Otan People's Democratic Party", await page.Locator("#candidate-list").InnerTextAsync());

        await page.Locator("a.tree-link").First.ClickAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(Repo.Kz.TopLevel.Name.En, await page.Locator("#level").InnerTextAsync());
        Assert.Contains("Members of the commission", await page.Locator("#members").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Қазақша", Exact = true }).ClickAsync();
        Assert.Equal("kk", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Matches(CommissionPath(), page.Url);
        Assert.Equal(Repo.Kz.TopLevel.Name.Kk, await page.Locator("#level").InnerTextAsync());
    }

    [Fact]
    public async Task CommissionTree_DrillsDownByClickingFromTheHomePageToAPrecinct()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");

        await page.Locator("a.tree-link").First.ClickAsync();
        Assert.Equal(Repo.Kz.Level("CEC").Name.Kk, await page.Locator("#level").InnerTextAsync());
        Assert.Equal(16, await page.Locator("#child-list li").CountAsync());

        foreach (var level in new[] { "TEC", "DEC" })
        {
            await page.Locator("#child-list li a").First.ClickAsync();
            Assert.Equal(Repo.Kz.Level(level).Name.Kk, await page.Locator("#level").InnerTextAsync());
        }

        // At this small scale many precincts have an empty list: open the district's fullest one.
        await using var db = web.Store.CreateContext();
        var district = await page.Locator("#code").InnerTextAsync();
        var fullest = await db.Commissions.Where(c => c.Parent!.Code == district)
            .OrderByDescending(c => db.Voters.Count(v => v.PrecinctId == c.Id)).ThenBy(c => c.Id).Select(c => c.Code).FirstAsync(Ct);
        await page.Locator("#child-list li").Filter(new() { HasText = fullest }).Locator("a").ClickAsync();
        Assert.Equal(Repo.Kz.Level("PEC").Name.Kk, await page.Locator("#level").InnerTextAsync());

        Assert.Equal(4, await page.Locator("nav ol.crumbs li a").CountAsync());
        var code = await page.Locator("#code").InnerTextAsync();
        Assert.Equal(fullest, code);
        var precinct = await db.Commissions.Include(c => c.Members).SingleAsync(c => c.Code == code, Ct);
        var listed = await db.Voters.LongCountAsync(v => v.PrecinctId == precinct.Id, Ct);
        Assert.True(listed > 0);

        var members = page.Locator("#member-list tbody tr");
        Assert.Equal(precinct.Members.Count, await members.CountAsync());
        Assert.Equal(7, precinct.Members.Count(m => m.IsVoting));
        Assert.Equal(7, await page.Locator("#member-list tbody tr:not(:has(.note))").CountAsync());
        var organizations = Repo.Kz.Organizations.ToDictionary(o => o.Code, o => o.Name.Kk);
        foreach (var member in precinct.Members)
        {
            var row = members.Filter(new() { HasText = member.FullName });
            Assert.Equal(organizations[member.NominatedBy], await row.Locator("td[data-nominated-by]").InnerTextAsync());
        }

        Assert.Equal(listed.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#voters-on-list").GetAttributeAsync("data-voters"));
        Assert.Contains("Учаскелік сайлау комиссиясы", await page.Locator("#level").InnerTextAsync());
    }

    [Fact]
    public async Task Screenshots_OfTheHomeAndAPrecinctPage_AreSavedForADesktopAndAPhone()
    {
        await using var db = web.Store.CreateContext();
        var precinct = await db.Commissions.Where(c => c.Level == "PEC" && c.SpecialKind == null)
            .OrderByDescending(c => db.Voters.Count(v => v.PrecinctId == c.Id)).ThenBy(c => c.Id).Select(c => c.Code).FirstAsync(Ct);
        var district = await db.Commissions.Where(c => c.Level == "DEC").OrderBy(c => c.Id).Select(c => c.Code).FirstAsync(Ct);
        var special = await db.Commissions.Where(c => c.Level == "PEC" && c.SpecialKind != null).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync(Ct);

        foreach (var (device, width, height) in new[] { ("desktop", 1280, 900), ("phone", 390, 844) })
        {
            var page = await web.NewPageAsync(width, height);
            foreach (var (name, path) in new[] { ("home", "/"), ("dec", "/commissions/" + district), ("pec", "/commissions/" + precinct), ("pec-special", "/commissions/" + special + "?lang=ru") })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                var file = Path.Combine(WebFixture.ScreenshotFolder, $"{name}-{device}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 10_000, file + " is too small to be a rendered page.");

                // Nothing is wider than the screen: no sideways scrolling on a phone.
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways on a {device}.");
            }
        }
    }

    [Fact]
    public async Task UnknownCommission_ShowsTheNotFoundPageInTheReadersLanguage()
    {
        var page = await web.NewPageAsync();
        var response = await page.GotoAsync("/commissions/NO-SUCH?lang=ru");

        Assert.Equal(404, response!.Status);
        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Страница не найдена", await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("/commissions/NO-SUCH", page.Url);
    }

    [GeneratedRegex("/commissions/[^/?]+\\?lang=kk$")]
    private static partial Regex CommissionPath();
}
