using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Ashyq.Storage.Complaints;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashyq.Web.Tests.Complaints;

/// <summary>
/// Complaints in a browser, as a complainant and a commission's chair use them: filed on the portal with a receipt,
/// decided at a session by each member's vote, found published on the portal and in the published log; the demo
/// record of 2011 counted on the statistics page.
/// </summary>
public class ComplaintsBrowserTests(WebFixture web)
{
    private const string Password = "complaints-browser-1";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _seeded;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The demo complaints, seeded once into the shared store before this class files its own.</summary>
    private async Task DemoAsync()
    {
        await Gate.WaitAsync(Ct);
        try
        {
            if (!_seeded)
            {
                await using var db = web.Store.CreateContext();
                await ComplaintsDemo.SeedAsync(db, Repo.Kz, TimeProvider.System, Ct);
                _seeded = true;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static DateOnly TodayInAstana() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Repo.Kz.TimeZone)).DateTime);

    private async Task ShootAsync(IPage page, string path, string name)
    {
        foreach (var lang in new[] { "kk", "en" })
        {
            var response = await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
            Assert.Equal(200, response!.Status);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, $"complaints-{name}-{lang}.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task AComplaintFiledOnThePortal_IsDecidedAtASession_AndFoundPublished()
    {
        await DemoAsync();
        string pec, dec;
        await using (var db = web.Store.CreateContext())
        {
            var pair = await db.Commissions.Where(c => c.Level == "PEC").OrderByDescending(c => c.Id).Select(c => new { c.Code, Dec = c.Parent!.Code }).FirstAsync(Ct);
            (pec, dec) = (pair.Code, pair.Dec);
        }

        var chair = "cmp-chair-" + dec.ToLowerInvariant();
        await AccountsAdmin.CreateAsync(web.Store, chair, dec, AccountRole.Chair, Password, Ct);

        // The complainant files on the portal, without an account.
        var visitor = await web.NewPageAsync();
        await visitor.GotoAsync("/complaints/file?lang=en");
        await visitor.SelectOptionAsync("#complainant-kind", "Voter");
        await visitor.FillAsync("#complainant-name", "Dana Nurpeisova");
        await visitor.FillAsync("#complainant-contact", "dana@example.kz");
        await visitor.SelectOptionAsync("#subject", "commission-decision");
        await visitor.FillAsync("#respondent-commission", pec);
        await visitor.FillAsync("#act-date", TodayInAstana().AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await visitor.FillAsync("#facts", "The precinct commission refused to give the observer a copy of the results protocol.");
        await visitor.ClickAsync("#file-button");

        await Expect(visitor.Locator("#receipt")).ToBeVisibleAsync();
        var number = (await visitor.Locator("#receipt-number").InnerTextAsync()).Trim();
        await Expect(visitor.Locator("#receipt-body")).ToContainTextAsync(dec);
        await Expect(visitor.Locator("#receipt-filing")).ToHaveAttributeAsync("data-rule", "FILE.ELECTION-LAW-10-DAYS");
        await Expect(visitor.Locator("#receipt-filing")).ToHaveAttributeAsync("data-in-time", "true");
        await ShootAsync(visitor, "/complaints/receipt/" + number, "receipt");

        // The public case page says "not decided" and shows no personal data.
        await visitor.GotoAsync($"/complaints/{number}?lang=en");
        await Expect(visitor.Locator("#case-not-decided")).ToBeVisibleAsync();
        Assert.DoesNotContain("Nurpeisova", await visitor.ContentAsync(), StringComparison.Ordinal);

        // The DEC's chair opens a session with the members present and puts the complaint to the vote.
        var staff = await web.NewPageAsync();
        await staff.GotoAsync("/account/login?lang=en");
        await staff.FillAsync("#user", chair);
        await staff.FillAsync("#password", Password);
        await staff.ClickAsync("#sign-in-button");
        await Expect(staff.Locator("#account-user")).ToHaveTextAsync(chair);
        await staff.GotoAsync($"/complaints/{number}?lang=en");
        await Expect(staff.Locator("#case-contact")).ToHaveTextAsync("dana@example.kz");
        await staff.ClickAsync("#decide-at-session");
        await ShootAsync(staff, $"/complaints/{number}/session", "open-session");
        await staff.GotoAsync($"/complaints/{number}/session?lang=en");
        await staff.ClickAsync("#open-session-button");
        await Expect(staff.Locator("#vote-form")).ToBeVisibleAsync();
        await staff.FillAsync("#decision-number", "C-" + number);
        await staff.SelectOptionAsync("#outcome", "Upheld");
        await staff.FillAsync("#reasons", "Observers are entitled to a copy of the protocol.");
        await staff.FillAsync("#facts-found", "The chair of the precinct commission refused the copy.");
        await staff.FillAsync("#remedy", "Give the observer a certified copy today.");
        var members = staff.Locator("#votes [data-member]");
        var count = await members.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await members.Nth(i).Locator(i == count - 1 ? "input[data-choice=Against]" : "input[data-choice=For]").CheckAsync();
        }

        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "complaints-vote-en.png"), FullPage = true });
        await staff.ClickAsync("#vote-button");

        await Expect(staff.Locator("#case-decided")).ToBeVisibleAsync();
        await Expect(staff.Locator("[data-kind=collegial] .outcome")).ToHaveTextAsync("upheld");
        await ShootAsync(staff, "/complaints/" + number, "case-decided");

        // Anyone finds the decision on the portal, in the API and in the published log.
        await visitor.GotoAsync("/complaints?lang=en");
        var row = visitor.Locator($"#published-decisions tr[data-case='{number}']");
        await Expect(row).ToBeVisibleAsync();
        var index = long.Parse((await row.GetAttributeAsync("data-log"))!, CultureInfo.InvariantCulture);
        var api = JsonNode.Parse(await web.Http.GetStringAsync($"api/complaints/{number}", Ct))!;
        Assert.True(api["published"]!.GetValue<bool>());
        Assert.Equal("Decided", api["state"]!.GetValue<string>());
        await web.WaitForCheckpointAsync(index + 1, Ct);
        var record = await File.ReadAllTextAsync(Path.Combine(web.PublishDirectory, "records", "complaint-decision", number, "v1.json"), Ct);
        Assert.Contains("\"outcome\":\"upheld\"", record, StringComparison.Ordinal);
        Assert.DoesNotContain("Nurpeisova", record, StringComparison.Ordinal);
        Assert.DoesNotContain("dana@example.kz", record, StringComparison.Ordinal);
        await ShootAsync(visitor, "/complaints", "decisions");
    }

    [Fact]
    public async Task TheStatisticsPage_ShowsThe2011Record_ComputedFromTheCases()
    {
        await DemoAsync();
        var page = await web.NewPageAsync();

        await page.GotoAsync("/complaints/stats?lang=en");

        async Task<int> FigureAsync(string key, string figure) =>
            int.Parse(await page.Locator($"#stats-by-body tr[data-key='{key}'] [data-figure='{figure}']").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.Equal(12, await FigureAsync("CEC", "received"));
        Assert.Equal(0, await FigureAsync("CEC", "decided_collegially"));
        Assert.Equal(0, await FigureAsync("CEC", "published"));
        Assert.Equal(12, await FigureAsync("CEC", "not_decided"));
        Assert.Equal(12, await FigureAsync("CEC", "answered_by_official"));
        Assert.Equal(15, await FigureAsync("district_court", "received"));
        Assert.Equal(15, await FigureAsync("district_court", "decided"));
        Assert.Equal(5, await FigureAsync("supreme_court", "received"));
        await Expect(page.Locator("#breakdown-by-body li[data-key='district_court']")).ToContainTextAsync("wrong deadline rule 4");
        await Expect(page.Locator("#breakdown-by-body li[data-key='supreme_court']")).ToContainTextAsync("competence declined 1");
        await ShootAsync(page, "/complaints/stats", "stats");
    }

    [Fact]
    public async Task ACecComplaintAnsweredByTheSecretary_IsShownAsNotDecided()
    {
        await DemoAsync();
        string number;
        await using (var db = web.Store.CreateContext())
        {
            number = await db.ComplaintCases.Where(c => c.ReceivedByCommission == "CEC").OrderBy(c => c.Id).Select(c => c.Number).FirstAsync(Ct);
        }

        var page = await web.NewPageAsync();
        await page.GotoAsync($"/complaints/{number}?lang=en");

        await Expect(page.Locator("#case-status")).ToHaveAttributeAsync("data-state", "AnsweredNotDecided");
        await Expect(page.Locator("#case-not-decided")).ToContainTextAsync("Not decided");
        await Expect(page.Locator("[data-flag='FLAG.ANSWERED-NOT-DECIDED']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-kind=answer]")).ToContainTextAsync("not a decision");
        await ShootAsync(page, "/complaints/" + number, "answered");
    }

    [Fact]
    public async Task TheSessionPage_RefusesAnAccountOfAnotherCommission()
    {
        await DemoAsync();
        string number;
        await using (var db = web.Store.CreateContext())
        {
            number = await db.ComplaintCases.Where(c => c.ReceivedByCommission == "CEC").OrderBy(c => c.Id).Select(c => c.Number).FirstAsync(Ct);
        }

        await AccountsAdmin.CreateAsync(web.Store, "cmp-other-chair", "TEC-01", AccountRole.Chair, Password, Ct);
        var page = await web.NewPageAsync();
        await page.GotoAsync("/account/login?lang=en");
        await page.FillAsync("#user", "cmp-other-chair");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-button");
        await Expect(page.Locator("#account-user")).ToHaveTextAsync("cmp-other-chair");

        var response = await page.GotoAsync($"/complaints/{number}/session?lang=en");

        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await Expect(page.Locator("#forbidden")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task APaperComplaintAtTheCec_IsRegisteredAtTheDesk_AndForwardedToTheCompetentCommission()
    {
        await DemoAsync();
        string pec, dec;
        await using (var db = web.Store.CreateContext())
        {
            var pair = await db.Commissions.Where(c => c.Level == "PEC").OrderBy(c => c.Id).Select(c => new { c.Code, Dec = c.Parent!.Code }).FirstAsync(Ct);
            (pec, dec) = (pair.Code, pair.Dec);
        }

        await AccountsAdmin.CreateAsync(web.Store, "cmp-cec-secretary", "CEC", AccountRole.Secretary, Password, Ct);
        var page = await web.NewPageAsync();
        await page.GotoAsync("/account/login?lang=en");
        await page.FillAsync("#user", "cmp-cec-secretary");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-button");
        await Expect(page.Locator("#account-user")).ToHaveTextAsync("cmp-cec-secretary");

        await page.GotoAsync("/complaints/desk/CEC?lang=en");
        await Expect(page.Locator("#held-cases tr[data-deadline='Missed']")).ToHaveCountAsync(12); // the 2011 answers: deadlines long missed
        await page.SelectOptionAsync("#complainant-kind", "Party");
        await page.FillAsync("#complainant-name", "Azat");
        await page.SelectOptionAsync("#subject", "commission-decision");
        await page.FillAsync("#respondent-commission", pec);
        await page.FillAsync("#act-date", TodayInAstana().AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync("#facts", "The precinct commission refused to register the party's observer.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "complaints-desk-en.png"), FullPage = true });
        await page.ClickAsync("#paper-button");

        await Expect(page.Locator("#receipt-body")).ToContainTextAsync(dec);
        var number = (await page.Locator("#receipt-number").InnerTextAsync()).Trim();
        await page.GotoAsync($"/complaints/{number}?lang=en");
        await Expect(page.Locator("#case-status")).ToHaveAttributeAsync("data-state", "MustBeForwarded");
        await page.SelectOptionAsync("#forward-to", dec);
        await page.FillAsync("#forward-reason", "The DEC is the higher commission of the precinct.");
        await page.ClickAsync("#forward-button");

        await Expect(page.Locator("#case-status")).ToHaveAttributeAsync("data-state", "AwaitingDecision");
        await Expect(page.Locator("#case-holder")).ToContainTextAsync(dec);
        await Expect(page.Locator(".forward")).ToContainTextAsync("CEC forwarded the case to " + dec);
        await ShootAsync(page, "/complaints/" + number, "forwarded");
    }
}
