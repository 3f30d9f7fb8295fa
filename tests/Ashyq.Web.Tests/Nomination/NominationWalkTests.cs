using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Ashyq.Web.Tests.Nomination;

/// <summary>
/// One nominee walked through the screens: nominated at the CEC with documents and the language test, signatures
/// imported and verified at each of 11 TECs, the proxy told of the session 50 hours ahead, the protocol adopted
/// by each TEC's vote, and the CEC's collegial registration decision published on the portal with its appeal route.
/// </summary>
public class NominationWalkTests(WebFixture web, NominationHost host) : IClassFixture<NominationHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Iin = Enumerable.Range(100, 50).Select(s => Core.Register.Iin.Compose(new DateOnly(1956, 3, 14), Core.Register.Gender.Male, s)).First(i => i is not null)!.Value.ToString();

    private static readonly string[] Tecs = [.. Enumerable.Range(1, 11).Select(t => $"TEC-{t:D2}")];

    private async Task<IPage> SignedInAsync(string user, string lang = "en")
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/account/login?lang={lang}");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", NominationHost.Password);
        await page.ClickAsync("#sign-in-button");
        return page;
    }

    private static async Task SubmitAsync(IPage page, string button)
    {
        await page.ClickAsync(button);
        var refusals = page.Locator("#refusal");
        Assert.True(await refusals.CountAsync() == 0, await refusals.CountAsync() == 0 ? "" : await refusals.InnerTextAsync());
    }

    [Fact]
    public async Task ANominee_IsWalkedFromNomination_ToAPublishedRegistrationDecision()
    {
        // 1. The CEC receives the nomination, the documents and the language test.
        var cec = await SignedInAsync("cec-chair");
        await cec.GotoAsync("/nomination/cec?lang=en");
        await cec.FillAsync("#n-kk", "Сынақ Асқар Болатұлы");
        await cec.FillAsync("#n-en", "Askar Synak");
        await cec.SelectOptionAsync("#n-kind", "public-association");
        await cec.FillAsync("#n-org", "AZAT");
        await cec.FillAsync("#n-on", "2011-02-07");
        await cec.FillAsync("#n-iin", Iin);
        await cec.FillAsync("#n-place", "Қарағанды облысы");
        await cec.FillAsync("#n-resident", "1956-03-14");
        await cec.CheckAsync("input[name=spouse]");
        await SubmitAsync(cec, "#nominate-button");
        var number = int.Parse((await cec.Locator("#notice").InnerTextAsync()).Split("No. ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        await cec.GotoAsync($"/nomination/cec?nominee={number}&lang=en");
        Assert.Equal("false", await cec.Locator("#selected tr[data-code='DOC.DEPOSIT']").GetAttributeAsync("data-met"));

        foreach (var (kind, amount) in new[] { ("deposit-receipt", "799950"), ("declaration", ""), ("spouse-declaration", "") })
        {
            await cec.SelectOptionAsync("#doc-kind", kind);
            await cec.FillAsync("#doc-on", "2011-02-21");
            await cec.FillAsync("#doc-amount", amount);
            await SubmitAsync(cec, "#document-button");
        }

        await cec.FillAsync("#test-on", "2011-02-08");
        await cec.FillAsync("#test-text", string.Concat(Enumerable.Repeat("Сайлау жалпыға бірдей, тең және төте сайлау құқығы негізінде өткізіледі. ", 12)));
        await SubmitAsync(cec, "#test-button");
        await cec.FillAsync("#exam-body", "Linguistic Commission of the CEC");
        await cec.FillAsync("#exam-on", "2011-02-09");
        await cec.FillAsync("#exam-errors", "spelling;14;Examiner 1\ngrammar;120;Examiner 2\npunctuation;300;Examiner 1");
        await SubmitAsync(cec, "#exam-button");
        Assert.Equal(0, await cec.Locator("#selected tr[data-met='false']").CountAsync());
        await cec.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "nomination-cec-desk-en.png"), FullPage = true });

        // 2. Each TEC imports its sheets; TEC-01 registers a proxy; each schedules its session and notifies 50 hours ahead.
        var proxyPrecinct = await host.PrecinctInAsync("TEC-01", Ct);
        var at = host.Clock.Now.AddHours(50).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        foreach (var tec in Tecs)
        {
            var page = await SignedInAsync($"{tec.ToLowerInvariant()}-chair");
            await page.GotoAsync($"/nomination/tec/{tec}?nominee={number}&lang=en");
            await page.FillAsync("#sheets-csv", await host.SheetAsync(tec, 3, Ct));
            await SubmitAsync(page, "#sheets-button");
            Assert.Equal("3", await page.Locator("#tec-counts .valid").InnerTextAsync());
            if (tec == "TEC-01")
            {
                await page.FillAsync("#proxy-precinct", proxyPrecinct);
                await page.FillAsync("#proxy-name", "Өкілов Ерлан");
                await page.FillAsync("#proxy-contact", "+7 701 555 01 01");
                await SubmitAsync(page, "#proxy-button");
            }

            await page.FillAsync("#schedule-at", at);
            await page.FillAsync("#schedule-place", $"{tec}, hall 1");
            await SubmitAsync(page, "#schedule-button");
            await page.ClickAsync("button[data-notify]");
            Assert.Equal(tec == "TEC-01" ? 2 : 1, await page.Locator("article.verification tr[data-role]").CountAsync());
            await page.Context.CloseAsync();
        }

        // 3. Fifty-one hours later the sessions are held: the proxy attends, the members vote, the protocols are published.
        host.Clock.Advance(TimeSpan.FromHours(51));
        foreach (var tec in Tecs)
        {
            var page = await SignedInAsync($"{tec.ToLowerInvariant()}-chair");
            await page.GotoAsync($"/nomination/tec/{tec}?nominee={number}&lang=en");
            if (tec == "TEC-01")
            {
                await page.CheckAsync("tr[data-role='proxy'] input[name=attended]");
                await page.ClickAsync("tr[data-role='proxy'] button[data-attend]");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "nomination-tec-desk-en.png"), FullPage = true });
            }

            await page.FillAsync("input[name=number]", $"V-{number}");
            await SubmitAsync(page, "button[data-hold]");
            Assert.Contains("published", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
            await page.Context.CloseAsync();
        }

        // 4. The CEC votes on the motion the check gives: register.
        cec = await SignedInAsync("cec-chair");
        await cec.GotoAsync($"/nomination/cec?nominee={number}&lang=en");
        Assert.Equal("true", await cec.Locator("#motion").GetAttributeAsync("data-register"));
        await cec.FillAsync("#decision-number", $"R-{number}");
        await cec.SelectOptionAsync("select[data-member] >> nth=-1", "Against");
        await SubmitAsync(cec, "#register-button");
        Assert.Contains($"CEC/R-{number}", await cec.Locator("#decided").InnerTextAsync(), StringComparison.Ordinal);

        // 5. The portal shows the decision, the protocols with the proxy's notice, and the appeal route; no IIN anywhere.
        var visitor = await web.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.BaseUrl, JavaScriptEnabled = false });
        foreach (var lang in new[] { "kk", "en" })
        {
            await visitor.GotoAsync($"/candidates/{number}?lang={lang}");
            Assert.Equal("true", await visitor.Locator("#registration-outcome").GetAttributeAsync("data-registered"));
            Assert.Equal("SC.CEC-CANDIDATE-REGISTRATION", await visitor.Locator("#appeal-route").GetAttributeAsync("data-route"));
            Assert.Equal("false", await visitor.Locator("#appeal-route").GetAttributeAsync("data-appealable"));
            Assert.Equal(11, await visitor.Locator("article.verification").CountAsync());
            Assert.Equal("✓", (await visitor.Locator("article.verification[data-commission='TEC-01'] tr[data-role='proxy'] td >> nth=3").InnerTextAsync()).Trim()[..1]);
            var html = await visitor.ContentAsync();
            Assert.DoesNotContain(Iin, html, StringComparison.Ordinal);
            Assert.DoesNotContain("+7 701", html, StringComparison.Ordinal);
            await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, $"nomination-nominee-{lang}.png"), FullPage = true });
            await visitor.Locator("#registration").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, $"nomination-registration-{lang}.png") });
            await visitor.Locator("article.verification[data-commission='TEC-01']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, $"nomination-protocol-{lang}.png") });
        }

        await visitor.GotoAsync("/candidates?lang=en");
        Assert.Equal("registered", await visitor.Locator($"tr[data-nominee='{number}'] .tag").GetAttributeAsync("data-status"));
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "nomination-candidates-en.png"), FullPage = true });

        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/") };
        var file = JsonNode.Parse(await http.GetStringAsync($"api/nominees/{number}", Ct))!;
        var logIndex = file["registration"]!["logIndex"]!.GetValue<long>();
        var entry = await http.GetStringAsync($"api/log/entries/{logIndex}", Ct);
        Assert.Contains("candidate-registration", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSeedsLanguageTest_ShowsTwentyEightErrors_ThenSeventeenOnAppeal_StillAFail()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/") };
        var nominees = JsonNode.Parse(await http.GetStringAsync("api/nominees", Ct))!.AsArray();
        var number = 0;
        foreach (var n in nominees)
        {
            var f = JsonNode.Parse(await http.GetStringAsync($"api/nominees/{n!["id"]}", Ct))!;
            if (f["languageTest"]?["examinations"]?.AsArray().Count == 2)
            {
                number = n["id"]!.GetValue<int>();
            }
        }

        Assert.NotEqual(0, number);
        var page = await web.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.BaseUrl, JavaScriptEnabled = false });
        foreach (var lang in new[] { "kk", "en" })
        {
            await page.GotoAsync($"/candidates/{number}?lang={lang}");
            Assert.Equal("28", await page.Locator("#examination-1").GetAttributeAsync("data-errors"));
            Assert.Equal("17", await page.Locator("#examination-2").GetAttributeAsync("data-errors"));
            Assert.Equal("false", await page.Locator("#examination-2 [data-passed]").GetAttributeAsync("data-passed"));
            Assert.Equal("true", await page.Locator("#examination-2 [data-consistent]").GetAttributeAsync("data-consistent"));
            Assert.Equal(17, await page.Locator("#examination-2 tbody tr").CountAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, $"nomination-language-test-{lang}.png"), FullPage = true });
        }

        var counts = JsonNode.Parse(await http.GetStringAsync("api/proxies/counts", Ct))!.AsArray();
        Assert.Equal(31_916, counts.Where(c => c!["candidateCode"] is not null).Sum(c => c!["proxies"]!.GetValue<long>()));
        Assert.Equal(28_902, counts.Single(c => c!["candidateCode"]?.GetValue<string>() == "C4")!["proxies"]!.GetValue<long>());
    }

    [Fact]
    public async Task TheRejectedSignaturesAndProxies_AreForTheCecAndTheTecsOwnStaff_AndTheDesksForTheirCommission()
    {
        int number;
        await using (var db = host.Store.CreateContext())
        {
            var iin = Enumerable.Range(200, 50).Select(s => Core.Register.Iin.Compose(new DateOnly(1960, 1, 1), Core.Register.Gender.Female, s)).First(i => i is not null)!.Value.ToString();
            number = (await new Storage.Nomination.NominationStore(db, Ashyq.Tests.Repo.Kz, host.Clock).NominateAsync(
                new Storage.Nomination.NominationRequest("Рұқсат Тексеру", "", "", "self", null, new DateOnly(2011, 2, 7), iin, true, "Астана", new DateOnly(1960, 1, 1), false, false),
                new Core.Results.Actor("cec-chair", "CEC"), Ct)).Number;
        }

        using var anonymous = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/") };
        async Task<HttpClient> ClientAsync(string user)
        {
            var login = await anonymous.PostAsJsonAsync("api/login", new { userName = user, password = NominationHost.Password }, Ct);
            var token = JsonNode.Parse(await login.Content.ReadAsStringAsync(Ct))!["accessToken"]!.GetValue<string>();
            var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/") };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        using var cec = await ClientAsync("cec-chair");
        using var tec1 = await ClientAsync("tec-01-chair");
        using var tec2 = await ClientAsync("tec-02-chair");
        var csv = $"api/nominees/{number}/rejections.csv";

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(csv, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cec.GetAsync(csv, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tec1.GetAsync(csv + "?tec=TEC-01", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tec1.GetAsync(csv + "?tec=TEC-02", Ct)).StatusCode);
        Assert.StartsWith("sheet_id,line,tec,code,message", await (await tec1.GetAsync(csv, Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var precinct = await host.PrecinctInAsync("TEC-01", Ct);
        var proxies = $"api/nominees/{number}/proxies";
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(proxies, new { precinct, fullName = "A" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cec.PostAsJsonAsync(proxies, new { precinct, fullName = "A" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tec2.PostAsJsonAsync(proxies, new { precinct, fullName = "A" }, Ct)).StatusCode);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await tec1.PostAsJsonAsync(proxies, new { precinct, fullName = $"Өкіл {i}" }, Ct)).StatusCode);
        }

        var fourth = await tec1.PostAsJsonAsync(proxies, new { precinct, fullName = "Өкіл 4" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
        Assert.Equal("PROXY.LIMIT", JsonNode.Parse(await fourth.Content.ReadAsStringAsync(Ct))!["title"]!.GetValue<string>());

        var page = await SignedInAsync("tec-02-chair");
        await page.GotoAsync("/nomination/tec/TEC-01?lang=en");
        Assert.Equal(1, await page.Locator("#forbidden").CountAsync());
        await page.GotoAsync("/nomination/cec?lang=en");
        Assert.Equal(1, await page.Locator("#forbidden").CountAsync());
        await page.GotoAsync("/nomination/tec/TEC-02?lang=en");
        Assert.Equal(0, await page.Locator("#forbidden").CountAsync());
    }
}
