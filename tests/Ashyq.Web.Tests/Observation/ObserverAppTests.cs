using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ashyq.Web.Tests.Observation;

/// <summary>
/// The observers' app in Chromium: installable (manifest, service worker), usable with the network off, forms
/// rendered from the forms file with their skip logic, queued while offline and stored exactly once when the network
/// returns — and once still when the same id is sent again.
/// </summary>
public class ObserverAppTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Password = "observer-app-test-1";

    private async Task<IBrowserContext> PhoneAsync() => await web.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = web.BaseUrl,
        ViewportSize = new ViewportSize { Width = 390, Height = 1400 },
        IsMobile = true,
        HasTouch = true,
        JavaScriptEnabled = true,
        Locale = "en-US",
        ServiceWorkers = ServiceWorkerPolicy.Allow,
    });

    private async Task<int> StoredAsync(string team)
    {
        await using var db = web.Store.CreateContext();
        return await db.ObservationSubmissions.CountAsync(s => s.Team == team, Ct);
    }

    [Fact]
    public async Task AFormFilledOffline_IsQueued_AndStoredExactlyOnceWhenTheNetworkReturns()
    {
        var user = "observer-" + Guid.NewGuid().ToString("N")[..8];
        var team = "T-" + Guid.NewGuid().ToString("N")[..6];
        await AccountsAdmin.CreateAsync(web.Store, user, "CEC", AccountRole.Observer, Password, Ct);
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/observe/");
        await page.WaitForSelectorAsync("body[data-ready=true]");
        await page.SelectOptionAsync("#lang", "en");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#account:not([hidden])");
        await page.EvaluateAsync("() => navigator.serviceWorker.ready.then(() => true)");

        // With the network off, the app still opens (from its service worker's cache) in the language chosen.
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready=true]");
        Assert.Equal("Offline", await page.TextContentAsync("#net"));
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"));

        await page.SelectOptionAsync("#form", "voting");
        await page.FillAsync("#station", "PEC-0041");
        await page.FillAsync("#team", team);
        await page.SelectOptionAsync("select[data-code='VOTE.SECRECY']", "yes");
        await page.SelectOptionAsync("select[data-code='INC.BALLOT_STUFFING']", "yes");
        // Skip logic from the forms file: "interfering" is asked only once unauthorized persons were present.
        Assert.True(await page.IsHiddenAsync("[data-question='INC.UNAUTHORIZED_INTERFERING']"));
        await page.SelectOptionAsync("select[data-code='INC.UNAUTHORIZED_PRESENT']", "yes");
        Assert.True(await page.IsVisibleAsync("[data-question='INC.UNAUTHORIZED_INTERFERING']"));
        await page.SelectOptionAsync("select[data-code='INC.UNAUTHORIZED_INTERFERING']", "no");
        await page.SelectOptionAsync("select[data-code='VOTE.ASSESSMENT']", "bad");
        await page.ClickAsync("#save");

        await page.WaitForSelectorAsync("#saved:not([hidden])");
        Assert.Equal("1", await page.TextContentAsync("#queue-count"));
        await Task.Delay(3500, Ct); // at least one of the app's retries happens while offline
        Assert.Equal("1", await page.TextContentAsync("#queue-count"));
        Assert.Equal(0, await StoredAsync(team));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "observe-offline-queued.png"), FullPage = true });

        await context.SetOfflineAsync(false);
        await page.WaitForFunctionAsync("() => document.getElementById('queue-count').textContent === '0' && document.getElementById('sent-count').textContent === '1'", null, new PageWaitForFunctionOptions { Timeout = 20000 });
        Assert.Equal(1, await StoredAsync(team));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "observe-online-sent.png"), FullPage = true });

        // The same submission sent again (a retry after a lost answer) is recognised, not stored twice.
        string id;
        await using (var db = web.Store.CreateContext())
        {
            var row = await db.ObservationSubmissions.SingleAsync(s => s.Team == team, Ct);
            id = row.SubmissionId;
            Assert.Equal("PEC-0041", row.Unit);
            Assert.Contains("\"INC.BALLOT_STUFFING\":\"yes\"", row.Answers, StringComparison.Ordinal);
            Assert.DoesNotContain("VOTE.TURNED_AWAY_COUNT", row.Answers, StringComparison.Ordinal);
            Assert.Equal(user, row.ReceivedFrom);
        }

        var outcome = await page.EvaluateAsync<string>(@"async ([id, team]) => {
            const token = JSON.parse(localStorage.getItem('ashyq.observe.token'));
            const body = { submissions: [{ id, form: 'voting', station: 'PEC-0041', team, submittedAt: new Date().toISOString(),
              answers: { 'VOTE.SECRECY': 'yes', 'INC.BALLOT_STUFFING': 'yes', 'INC.UNAUTHORIZED_PRESENT': 'yes', 'INC.UNAUTHORIZED_INTERFERING': 'no', 'VOTE.ASSESSMENT': 'bad' } }] };
            const response = await fetch('/api/observation/submissions', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }, body: JSON.stringify(body) });
            return (await response.json()).results[0].outcome;
        }", new[] { id, team });
        Assert.Equal("AlreadyStored", outcome);
        Assert.Equal(1, await StoredAsync(team));
    }

    [Fact]
    public async Task TheApp_IsInstallable_ItsFilesServedWithTheirOwnPolicy_AndItsTextsInThreeLanguages()
    {
        var manifest = await web.Http.GetAsync("observe/manifest.webmanifest", Ct);
        var worker = await web.Http.GetAsync("observe/sw.js", Ct);
        var index = await web.Http.GetAsync("observe/", Ct);
        var strings = JsonNode.Parse(await web.Http.GetStringAsync("observe/strings.json", Ct))!;
        var forms = JsonNode.Parse(await web.Http.GetStringAsync("api/observation/forms", Ct))!;

        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/observe/", JsonNode.Parse(await manifest.Content.ReadAsStringAsync(Ct))!["start_url"]!.GetValue<string>());
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        // The portal keeps its policy without any script.
        Assert.DoesNotContain("script-src", (await web.Http.GetAsync("", Ct)).Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("Кіру", strings["kk"]!["ObsAppSignIn"]!.GetValue<string>());
        Assert.Equal("Войти", strings["ru"]!["ObsAppSignIn"]!.GetValue<string>());
        Assert.Equal("Sign in", strings["en"]!["ObsAppSignIn"]!.GetValue<string>());
        Assert.Equal("kz-2011-observation", forms["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await web.Http.GetAsync("observe/nothing.js", Ct)).StatusCode);
    }

    [Fact]
    public async Task OnlyAnObserversAccount_SendsForms_AndABadFormIsRefusedWithItsCodes()
    {
        var user = "observer-" + Guid.NewGuid().ToString("N")[..8];
        await AccountsAdmin.CreateAsync(web.Store, user, "CEC", AccountRole.Observer, Password, Ct);
        var login = await web.Http.PostAsJsonAsync("api/login", new { userName = user, password = Password }, Ct);
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync(Ct))!["accessToken"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/observation/submissions")
        {
            Content = JsonContent.Create(new
            {
                submissions = new object[]
                {
                    new { id = "bad-" + user, form = "voting", station = "PEC-0041", team = "T", submittedAt = "2011-04-03T10:00:00+06:00", answers = new Dictionary<string, string> { ["VOTE.ASSESSMENT"] = "superb" } },
                    new { id = "x y", form = "voting", station = "PEC-0041", team = "T", submittedAt = "2011-04-03T10:00:00+06:00", answers = new Dictionary<string, string>() },
                },
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var response = await web.Http.SendAsync(request, Ct);
        var anonymous = await web.Http.PostAsJsonAsync("api/observation/submissions", new { submissions = Array.Empty<object>() }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["results"]!.AsArray();
        Assert.Equal("Refused", results[0]!["outcome"]!.GetValue<string>());
        var codes = results[0]!["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("OBS.BAD-ANSWER", codes);
        Assert.Contains("OBS.MISSING-ANSWER", codes);
        Assert.Equal("OBS.ID", results[1]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
