using System.Globalization;
using System.Net;
using Ashyq.Core.Commissions;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Ashyq.Tests;
using Ashyq.Web.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashyq.Web.Tests;

/// <summary>
/// The public results portal in headless Chromium without JavaScript and without an account: the drill-down from
/// the nation to a precinct, the precinct's published versions, "Check a protocol" against the published log, the
/// commission statistics, and the rate limit of public lookups. Each test accepts protocols of its own precincts
/// (PEC-0031…) straight through the results service.
/// </summary>
public sealed class ResultsPortalTests(WebFixture web)
{
    // L1 list, L2 received, L3 issued, L4 cancelled, L5 in boxes, L6 invalid, C1..C4: every relation holds.
    private static readonly long[] Good = [1003, 900, 702, 198, 702, 21, 10, 15, 21, 635];

    private static readonly string[] Codes = [.. Repo.Kz.ProtocolForm.Lines.Select(l => l.Code)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two operators type the same values, the chair signs and submits, the district accepts: the version is published.</summary>
    private async Task<long> AcceptAsync(string precinct, long[] values)
    {
        await using var db = web.Store.CreateContext();
        var results = new ResultsService(db, Repo.Kz, TimeProvider.System);
        var place = await db.Commissions.AsNoTracking().Include(c => c.Members).Include(c => c.Parent).SingleAsync(c => c.Code == precinct, Ct);
        var signers = place.Members.Select(m => new SigningMember(m.Id.ToString(CultureInfo.InvariantCulture), Enum.Parse<MemberRole>(m.Role), m.IsVoting)).ToList();
        var a = new Actor("portal-op-a", precinct);
        var b = new Actor("portal-op-b", precinct);
        await results.ActAsync(precinct, (v, t) => v.Type(a, values, true, t), Ct);
        await results.ActAsync(precinct, (v, t) => v.Type(b, values, true, t), Ct);
        foreach (var warning in (await results.CurrentAsync(precinct, Ct)).Warnings())
        {
            await results.ActAsync(precinct, (v, t) => { v.Acknowledge(warning.Code, "counted twice", a, t); return 0; }, Ct);
        }

        await results.ActAsync(precinct, (v, t) => { v.Sign(SigningRule.For(Repo.Kz), signers, null, a, t); v.Submit(a, t); return 0; }, Ct);
        await results.ActAsync(precinct, (v, t) => { v.Accept(new Actor("portal-dec", place.Parent!.Code), t); return 0; }, Ct);
        var version = (await results.CurrentAsync(precinct, Ct)).Number;
        var index = await db.LogEntries.AsNoTracking().Where(e => e.Kind == "protocol" && e.Subject == precinct && e.Version == version).Select(e => e.Index).SingleAsync(Ct);
        await web.WaitForCheckpointAsync(index + 1, Ct);
        return index;
    }

    private async Task<(string Tec, string Dec)> AncestorsAsync(string precinct)
    {
        await using var db = web.Store.CreateContext();
        var dec = await db.Commissions.AsNoTracking().Include(c => c.Parent).SingleAsync(c => c.Code == precinct, Ct);
        var tec = await db.Commissions.AsNoTracking().Include(c => c.Parent).SingleAsync(c => c.Id == dec.Parent!.ParentId, Ct);
        return (tec.Code, dec.Parent!.Code);
    }

    private static async Task TypeCopyAsync(IPage page, string precinct, long[] values)
    {
        await page.FillAsync("#precinct", precinct);
        for (var i = 0; i < values.Length; i++)
        {
            await page.FillAsync("#line-" + Codes[i], values[i].ToString(CultureInfo.InvariantCulture));
        }

        await page.ClickAsync("#check");
    }

    /// <summary>Saves a public page on a desktop and on a 390 px phone; nothing scrolls sideways and no chart's texts overlap or leave it.</summary>
    private async Task ShootAsync(string name, string path)
    {
        foreach (var (device, width, height) in new[] { ("desktop", 1280, 900), ("phone", 390, 844) })
        {
            var page = await web.NewPageAsync(width, height);
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            var file = Path.Combine(WebFixture.ScreenshotFolder, $"{name}-{device}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 10_000, file + " is too small to be a rendered page.");
            if (device == "phone")
            {
                // What the phone shows first, at its own size: a long full page is hard to read once scaled down.
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, $"{name}-phone-top.png") });
            }

            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways on a {device}.");
            Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.card')].every(c => c.scrollWidth <= c.clientWidth)"), $"{name} has a card wider than its box on a {device}.");
            Assert.True(await page.EvaluateAsync<bool>("""
                () => [...document.querySelectorAll('svg.chart')].every(svg => {
                  const box = svg.getBoundingClientRect();
                  const texts = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect()).filter(r => r.width > 0);
                  const inside = texts.every(r => r.left >= box.left - 1 && r.right <= box.right + 1);
                  const apart = texts.every((a, i) => texts.every((b, j) => j <= i || a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top));
                  return inside && apart;
                })
                """), $"{name} has a chart label that overlaps another or leaves the chart on a {device}.");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheResultsPortal_DrillsDownFromTheNationToAPrecinct_AndShowsItsPublishedValuesAndLogEntry()
    {
        const string precinct = "PEC-0031";
        var index = await AcceptAsync(precinct, Good);
        var (tec, dec) = await AncestorsAsync(precinct);

        var page = await web.NewPageAsync();
        await page.GotoAsync("/?lang=en");
        await page.ClickAsync("#results-link");
        Assert.EndsWith("/results", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(page.Locator("#outcome")).ToHaveAttributeAsync("data-outcome", "Incomplete");
        await Expect(page.Locator("#outcome-title")).ToHaveTextAsync("Not final yet");
        Assert.True(int.Parse(await page.Locator("#completeness").GetAttributeAsync("data-accepted") ?? "0", CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("9725", await page.Locator("#completeness").GetAttributeAsync("data-precincts"));
        Assert.Equal(4, await page.Locator("#shares-chart g[data-item]").CountAsync());
        Assert.Equal(4, await page.Locator("#candidate-results tbody tr").CountAsync());
        await Expect(page.Locator("#turnout-histogram")).ToBeVisibleAsync();
        Assert.Equal(16, await page.Locator("#sub-units li").CountAsync());

        // Down the tree by clicking: the region, the district, the precinct.
        await page.ClickAsync($"#sub-units li[data-code='{tec}'] a");
        await Expect(page.Locator("#area-title")).ToHaveAttributeAsync("data-code", tec);
        await page.ClickAsync($"#sub-units li[data-code='{dec}'] a");
        await Expect(page.Locator("#area-title")).ToHaveAttributeAsync("data-code", dec);
        var row = page.Locator($"#sub-units li[data-code='{precinct}']");
        await Expect(row).ToHaveAttributeAsync("data-accepted", "1");
        await Expect(row.Locator("[data-turnout]")).ToHaveAttributeAsync("data-turnout", "0.6999");
        await Expect(page.Locator("#turnout-histogram rect[data-bucket='65']")).ToHaveCountAsync(1);
        Assert.True(long.Parse(await page.Locator("#turnout").GetAttributeAsync("data-participants") ?? "0", CultureInfo.InvariantCulture) >= 702);
        Assert.Equal(3, await page.Locator("#crumbs li").CountAsync() - 1);

        await row.Locator("a").ClickAsync();
        Assert.EndsWith("/results/" + precinct, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(page.Locator("#public-protocol")).ToHaveAttributeAsync("data-precinct", precinct);
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#published-count")).ToHaveAttributeAsync("data-count", "1");
        for (var i = 0; i < Codes.Length; i++)
        {
            await Expect(page.Locator($"#values-v1 tr[data-line='{Codes[i]}'] td[data-value]")).ToHaveAttributeAsync("data-value", Good[i].ToString(CultureInfo.InvariantCulture));
        }

        await Expect(page.Locator("#entered-1")).ToContainTextAsync("portal-op-a");
        await Expect(page.Locator("#accepted-1")).ToContainTextAsync("portal-dec (" + dec + ")");
        await Expect(page.Locator("#signed-1")).ToContainTextAsync("Signatures recorded by portal-op-a");
        await Expect(page.Locator("#leaf-1")).ToHaveAttributeAsync("data-index", index.ToString(CultureInfo.InvariantCulture));
        var recordUrl = await page.Locator("#record-1").GetAttributeAsync("href");
        Assert.Equal($"/public/records/protocol/{precinct}/v1.json", recordUrl);
        var record = await web.Http.GetStringAsync(recordUrl!.TrimStart('/'), Ct);
        Assert.Contains("\"C4\":635", record, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("form#entry-form").CountAsync());

        await ShootAsync("portal-results-national", "/results?lang=en");
        await ShootAsync("portal-results-district", $"/results/area/{dec}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CheckingACopy_ThatMatches_IsIdenticalAndInTheLog_AndOneThatDoesNot_ShowsTheDifferingLine()
    {
        const string precinct = "PEC-0032";
        var index = await AcceptAsync(precinct, Good);

        var page = await web.NewPageAsync();
        await page.GotoAsync("/check?lang=en");
        await TypeCopyAsync(page, precinct.ToLowerInvariant(), Good);
        await Expect(page.Locator("#check-result")).ToHaveAttributeAsync("data-outcome", "Identical");
        await Expect(page.Locator("#result-title")).ToHaveTextAsync("✓ Identical to published version 1");
        await Expect(page.Locator("#matched-version")).ToHaveAttributeAsync("data-version", "1");
        var inclusion = page.Locator("#log-inclusion");
        await Expect(inclusion).ToHaveAttributeAsync("data-included", "true");
        await Expect(inclusion).ToHaveAttributeAsync("data-index", index.ToString(CultureInfo.InvariantCulture));
        await Expect(inclusion).ToContainTextAsync($"Included in the log at index {index} (checkpoint size ");
        Assert.True(long.Parse(await inclusion.GetAttributeAsync("data-size") ?? "0", CultureInfo.InvariantCulture) > index);
        await Expect(page.Locator("#never-changed")).ToHaveTextAsync("Never changed: version 1 is the only version.");
        await ShootAsync("portal-check", new Uri(page.Url).PathAndQuery);

        // One number misread on the copy: the differing line, with both numbers.
        var misread = (long[])Good.Clone();
        misread[9] = 653;
        await TypeCopyAsync(page, precinct, misread);
        await Expect(page.Locator("#check-result")).ToHaveAttributeAsync("data-outcome", "Different");
        await Expect(page.Locator("#result-title")).ToHaveTextAsync("✗ Differs from published version 1");
        var rows = page.Locator("#differences tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-line", "C4");
        await Expect(rows.First.Locator("td[data-copy]")).ToHaveAttributeAsync("data-copy", "653");
        await Expect(rows.First.Locator("td[data-published]")).ToHaveAttributeAsync("data-published", "635");
        await Expect(page.Locator("#matches-none")).ToBeVisibleAsync();

        // The record itself, pasted as downloaded: byte for byte the published one.
        var record = await web.Http.GetStringAsync($"public/records/protocol/{precinct}/v1.json", Ct);
        await page.GotoAsync("/check?lang=en");
        await page.ClickAsync("details.paste summary");
        await page.FillAsync("#record", record);
        await page.ClickAsync("#check");
        await Expect(page.Locator("#check-result")).ToHaveAttributeAsync("data-outcome", "Identical");
        await Expect(page.Locator("#record-identical")).ToHaveAttributeAsync("data-identical", "true");
        await Expect(page.Locator("#log-inclusion")).ToHaveAttributeAsync("data-index", index.ToString(CultureInfo.InvariantCulture));

        // A line left empty, and a precinct that does not exist.
        await page.GotoAsync($"/check?lang=en&precinct={precinct}&L1=1003");
        await Expect(page.Locator("#check-result")).ToHaveAttributeAsync("data-outcome", "BadInput");
        await Expect(page.Locator("#problems li[data-code='CHECK.MISSING-LINE']").First).ToContainTextAsync("Line L2 is empty.");
        await TypeCopyAsync(page, "PEC-99999", Good);
        await Expect(page.Locator("#check-result")).ToHaveAttributeAsync("data-outcome", "UnknownPrecinct");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ADistrictsPage_ShowsWhetherItsResultsProtocolIsAdoptedByDecision()
    {
        const string dec = "DEC-112"; // the district with the fewest precincts; no other test touches them
        await using (var db = web.Store.CreateContext())
        {
            var precincts = await db.Commissions.AsNoTracking().Where(c => c.Parent!.Code == dec).Include(c => c.Members).ToListAsync(Ct);
            var results = new ResultsService(db, Repo.Kz, TimeProvider.System);
            foreach (var place in precincts)
            {
                var signers = place.Members.Select(m => new SigningMember(m.Id.ToString(CultureInfo.InvariantCulture), Enum.Parse<MemberRole>(m.Role), m.IsVoting)).ToList();
                var (a, b) = (new Actor("adopt-op-a", place.Code), new Actor("adopt-op-b", place.Code));
                await results.ActAsync(place.Code, (v, t) => v.Type(a, Good, true, t), Ct);
                await results.ActAsync(place.Code, (v, t) => v.Type(b, Good, true, t), Ct);
                await results.ActAsync(place.Code, (v, t) =>
                {
                    foreach (var warning in v.Warnings())
                    {
                        v.Acknowledge(warning.Code, "counted twice", a, t);
                    }

                    v.Sign(SigningRule.For(Repo.Kz), signers, null, a, t);
                    v.Submit(a, t);
                    return 0;
                }, Ct);
                await results.ActAsync(place.Code, (v, t) => { v.Accept(new Actor("adopt-duty", dec), t); return 0; }, Ct);
            }
        }

        var page = await web.NewPageAsync();
        await page.GotoAsync($"/results/area/{dec}?lang=en");
        await Expect(page.Locator("#adoption")).ToHaveAttributeAsync("data-state", "none");
        await Expect(page.Locator("#adoption-none")).ToContainTextAsync("has not yet adopted its results protocol");

        await using (var db = web.Store.CreateContext())
        {
            var members = await db.Members.Where(m => m.IsVoting && db.Commissions.Any(c => c.Id == m.CommissionId && c.Code == dec)).Select(m => m.Id.ToString()).ToListAsync(Ct);
            var secretary = new Actor("secretary", dec);
            var session = await new SessionsService(db, Repo.Kz, TimeProvider.System).OpenAsync(dec, new DateOnly(2011, 4, 4), ["The results protocol"], members, [], [], secretary, Ct);
            var votes = members.Select((m, i) => (m, i == 0 ? VoteChoice.Against : VoteChoice.For)).ToDictionary(x => x.m, x => x.Item2);
            await new ResultsService(db, Repo.Kz, TimeProvider.System).AdoptProtocolAsync(dec, session, "4/1", votes, [], secretary, Ct);
        }

        await page.GotoAsync($"/results/area/{dec}?lang=en");
        await Expect(page.Locator("#adoption")).ToHaveAttributeAsync("data-state", "adopted");
        await Expect(page.Locator("#adoption-decision")).ToContainTextAsync("decision No. 4/1 of 2011-04-04");
        await Expect(page.Locator("#adoption-decision")).ToContainTextAsync("1 against");
        await page.ScreenshotAsync(new() { Path = "/tmp/adoption-en.png", FullPage = false });
        await page.GotoAsync($"/results/area/{dec}?lang=ru");
        await Expect(page.Locator("#adoption-decision")).ToContainTextAsync("решением № 4/1 от 2011-04-04");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ACorrectedProtocol_ShowsBothVersions_TheChangedLines_AndTheDecision()
    {
        const string precinct = "PEC-0033";
        await AcceptAsync(precinct, Good);
        var (_, dec) = await AncestorsAsync(precinct);
        await using (var db = web.Store.CreateContext())
        {
            // The district decides the recount at a session, all its voting members present and for.
            var members = await db.Members.Where(m => m.IsVoting && db.Commissions.Any(c => c.Id == m.CommissionId && c.Code == dec))
                .Select(m => m.Id.ToString()).ToListAsync(Ct);
            var sessions = new SessionsService(db, Repo.Kz, TimeProvider.System);
            var secretary = new Actor("secretary", dec);
            var session = await sessions.OpenAsync(dec, new DateOnly(2011, 4, 4), ["Recount at " + precinct], members, [], [], secretary, Ct);
            await sessions.VoteAsync(session, "17/3", "Recount at " + precinct, "The invalid ballots are counted again.", members.ToDictionary(m => m, _ => VoteChoice.For), [], secretary, Ct);
            var results = new ResultsService(db, Repo.Kz, TimeProvider.System);
            await results.StartCorrectionAsync(precinct, new DecisionReference(dec, "17/3", new DateOnly(2011, 4, 4), "Recount of the invalid ballots"), Ct);
        }

        // Four more ballots found invalid, four fewer votes for C4: every relation still holds.
        long[] corrected = [1003, 900, 702, 198, 702, 25, 10, 15, 21, 631];
        var index = await AcceptAsync(precinct, corrected);

        var page = await web.NewPageAsync();
        await page.GotoAsync($"/results/{precinct}?lang=en");
        await Expect(page.Locator("#published-count")).ToHaveAttributeAsync("data-count", "2");
        await Expect(page.Locator("#version-1")).ToBeVisibleAsync();
        var decision = page.Locator("#decision-2");
        await Expect(decision).ToContainTextAsync($"Decision of {dec} No. 17/3 of");
        await Expect(decision).ToContainTextAsync("Recount of the invalid ballots");
        await Expect(decision).ToContainTextAsync("2 line(s) changed from version 1");
        Assert.Equal(0, await page.Locator("#decision-1").CountAsync());
        var changed = await page.Locator("#values-v2 tbody tr.diff").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.line)");
        Assert.Equal(["L6", "C4"], changed);
        await Expect(page.Locator("#values-v2 tr[data-line='C4'] td[data-value]")).ToHaveAttributeAsync("data-value", "631");
        await Expect(page.Locator("#values-v2 tr[data-line='C4'] td[data-previous]")).ToHaveAttributeAsync("data-previous", "635");
        await Expect(page.Locator("#leaf-2")).ToHaveAttributeAsync("data-index", index.ToString(CultureInfo.InvariantCulture));
        Assert.True(await page.Locator("#version-2").EvaluateAsync<bool>("(v2) => v2.compareDocumentPosition(document.querySelector('#version-1')) === Node.DOCUMENT_POSITION_FOLLOWING"));
        await ShootAsync("portal-protocol-corrected", $"/results/{precinct}?lang=en");

        // The observer's copy of version 1: identical to version 1, with the later version and what changed.
        await page.GotoAsync("/check?lang=en");
        await TypeCopyAsync(page, precinct, Good);
        await Expect(page.Locator("#check-result")).ToHaveAttributeAsync("data-outcome", "Identical");
        await Expect(page.Locator("#matched-version")).ToHaveAttributeAsync("data-version", "1");
        await Expect(page.Locator("#later-versions li[data-version='2']")).ToContainTextAsync("17/3");
        var differing = await page.Locator("#differences tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.line)");
        Assert.Equal(["L6", "C4"], differing);
        await ShootAsync("portal-check-superseded", new Uri(page.Url).PathAndQuery);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CommissionStatistics_AndEachCommissionsComposition_ArePublic()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/?lang=en");
        await page.ClickAsync("#stats-link");
        await Expect(page.Locator("#stats-title")).ToHaveTextAsync("Commission statistics");
        Assert.Equal(Repo.Kz.Levels.Count, await page.Locator("#women tbody tr").CountAsync());
        var women = double.Parse(await page.Locator("#women tr[data-level='PEC'] td[data-share]").First.GetAttributeAsync("data-share") ?? "0", CultureInfo.InvariantCulture);
        Assert.InRange(women, 0.3, 0.95);
        await Expect(page.Locator("#ethnicity g[data-item='kazakh']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#ethnicity g[data-item='kazakh'] text.label")).ToHaveTextAsync("Kazakh");
        await Expect(page.Locator("#presence g[data-item='NUR-OTAN'] text.label")).ToHaveTextAsync("Nur Otan People's Democratic Party");
        Assert.True(int.Parse(await page.Locator("#majority").GetAttributeAsync("data-count") ?? "-1", CultureInfo.InvariantCulture) >= 0);
        await ShootAsync("portal-commission-stats", "/commissions/stats?lang=en");

        await page.GotoAsync("/commissions/PEC-0034?lang=en");
        var readings = page.Locator("#readings li");
        await Expect(readings).ToHaveCountAsync(Repo.Kz.Composition.Rules.Count);
        await Expect(page.Locator($"#readings li[data-rule='{Repo.Kz.Composition.Applied}']")).ToContainTextAsync("(the reading applied)");
        var lawMet = await page.Locator($"#readings li[data-rule='{Repo.Kz.Composition.Applied}']").GetAttributeAsync("data-met");
        if (lawMet == "false")
        {
            await Expect(page.Locator($"#composition-violations li[data-code='{Repo.Kz.Composition.Applied}']")).ToBeVisibleAsync();
        }
        else
        {
            Assert.Equal(0, await page.Locator($"#composition-violations li[data-code='{Repo.Kz.Composition.Applied}']").CountAsync());
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PublicLookups_AreRateLimitedPerClient_ButPagesOfStaffAndOtherPagesAreNot()
    {
        await using var app = AshyqWebHost.Build(new WebHostSettings(web.Store, "http://127.0.0.1:0"), ["--Logging:LogLevel:Default=Warning", $"--{PortalSetup.LookupsPerMinuteKey}=3"]);
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(i == 2 ? "results/PEC-0031" : "check?precinct=PEC-0031", Ct)).StatusCode);
        }

        var refused = await http.GetAsync("check", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync("results/area/CEC", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("commissions/PEC-0031", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("", Ct)).StatusCode);
        await app.StopAsync(Ct);
    }
}
