using System.Globalization;
using System.Net;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Forensics;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Ashyq.Tests;
using Ashyq.Web.Forensics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashyq.Web.Tests;

/// <summary>
/// The public forensics page in headless Chromium without JavaScript and without an account: its figures, its plots,
/// its CSV of per-precinct flags and its links from a peak to a precinct. It accepts protocols of PEC-0051…PEC-0070,
/// eight of them in the fingerprint's corner (four at exactly 90% turnout, four at 95%).
/// </summary>
public sealed class ForensicsPortalTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _accepted;

    /// <summary>L1 list, L2 received, L3 issued, L4 cancelled, L5 in boxes, L6 invalid, C1..C4 (C4 the leader).</summary>
    private static long[] ValuesOf(int i) => i switch
    {
        < 4 => [1000 + (10 * i), 1000 + (10 * i), 900 + (9 * i), 100 + i, 900 + (9 * i), 10, 10, 20, 20, 840 + (9 * i)],
        < 8 => [1000, 1000, 950, 50, 950, 10, 10, 20, 20, 890],
        _ => Normal(i),
    };

    private static long[] Normal(int i)
    {
        long list = 1100 + (13 * i), issued = 600 + (11 * i), invalid = 5 + i, c1 = 50 + i, c2 = 40, c3 = 30 + i;
        return [list, issued + 50, issued, 50, issued, invalid, c1, c2, c3, issued - invalid - c1 - c2 - c3];
    }

    private static string Code(int i) => "PEC-" + (51 + i).ToString("0000", CultureInfo.InvariantCulture);

    private async Task AcceptAllAsync()
    {
        await Gate.WaitAsync(Ct);
        try
        {
            if (_accepted)
            {
                return;
            }

            for (var i = 0; i < 20; i++)
            {
                await AcceptAsync(Code(i), ValuesOf(i));
            }

            _accepted = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task AcceptAsync(string precinct, long[] values)
    {
        await using var db = web.Store.CreateContext();
        var results = new ResultsService(db, Repo.Kz, TimeProvider.System);
        var place = await db.Commissions.AsNoTracking().Include(c => c.Members).Include(c => c.Parent).SingleAsync(c => c.Code == precinct, Ct);
        var signers = place.Members.Select(m => new SigningMember(m.Id.ToString(CultureInfo.InvariantCulture), Enum.Parse<MemberRole>(m.Role), m.IsVoting)).ToList();
        var a = new Actor("forensics-op-a", precinct);
        var b = new Actor("forensics-op-b", precinct);
        await results.ActAsync(precinct, (v, t) => v.Type(a, values, true, t), Ct);
        await results.ActAsync(precinct, (v, t) => v.Type(b, values, true, t), Ct);
        foreach (var warning in (await results.CurrentAsync(precinct, Ct)).Warnings())
        {
            await results.ActAsync(precinct, (v, t) => { v.Acknowledge(warning.Code, "counted twice", a, t); return 0; }, Ct);
        }

        await results.ActAsync(precinct, (v, t) => { v.Sign(SigningRule.For(Repo.Kz), signers, null, a, t); v.Submit(a, t); return 0; }, Ct);
        await results.ActAsync(precinct, (v, t) => { v.Accept(new Actor("forensics-dec", place.Parent!.Code), t); return 0; }, Ct);
    }

    [Fact]
    public async Task TheForensicsPage_ShowsTheFiguresAndPlots_AndLinksAPeakToItsPrecincts()
    {
        await AcceptAllAsync();

        var page = await web.NewPageAsync();
        await page.GotoAsync("/?lang=en");
        await page.ClickAsync("#forensics-link");
        Assert.EndsWith("/forensics", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(page.Locator("#forensics-title")).ToHaveTextAsync("Election forensics");
        Assert.True(int.Parse(await page.Locator("#basis").GetAttributeAsync("data-precincts") ?? "0", CultureInfo.InvariantCulture) >= 20);
        Assert.True(int.Parse(await page.Locator("#fingerprint-value").GetAttributeAsync("data-count") ?? "0", CultureInfo.InvariantCulture) >= 8);
        await Expect(page.Locator("#integer-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#digits-table tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#mode-bin")).ToBeVisibleAsync();
        await Expect(page.Locator("#violations-table tr[data-relation='W.ROUND-NUMBERS']")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("#regions-table tbody tr").CountAsync() >= 1);
        await Expect(page.Locator("#fingerprint .note")).ToContainTextAsync("turnout and the leader's share exceed 80%");

        // Every plot is a real PNG that the browser decoded, with a text alternative.
        foreach (var name in ForensicsPlots.Names)
        {
            var image = page.Locator($"#plot-{name}");
            Assert.False(string.IsNullOrWhiteSpace(await image.GetAttributeAsync("alt")));
            await image.ScrollIntoViewIfNeededAsync();
            await Expect(image).ToBeVisibleAsync();
            var response = await web.Http.GetAsync((await image.GetAttributeAsync("src"))!.TrimStart('/'), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            Assert.True(bytes.Length > 10_000, $"{name}.png has {bytes.Length} bytes");
            Assert.Equal(ForensicsPlots.Width, await image.EvaluateAsync<int>("i => i.naturalWidth"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await web.Http.GetAsync("forensics/plots/nothing.png", Ct)).StatusCode);

        // The peaks: the corner and the integer turnouts of 90% and 95% list the precincts accepted above.
        var corner = page.Locator("#peak-corner");
        await Expect(corner.Locator("li[data-code='PEC-0051']")).ToHaveCountAsync(1);
        await Expect(corner.Locator("li[data-code='PEC-0058']")).ToHaveCountAsync(1);
        await Expect(corner.Locator("li[data-code='PEC-0060']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#peak-turnout-90 li[data-code='PEC-0051']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#peak-turnout-95 li[data-code='PEC-0055']")).ToHaveCountAsync(1);
        await corner.Locator("li[data-code='PEC-0052'] a").ClickAsync();
        Assert.EndsWith("/results/PEC-0052", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(page.Locator("body")).ToContainTextAsync("PEC-0052");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheFlagsCsv_Downloads_WithOneRowPerPrecinct_AndTheFlagsRaised()
    {
        await AcceptAllAsync();

        var page = await web.NewPageAsync();
        await page.GotoAsync("/forensics?lang=ru");
        await Expect(page.Locator("#forensics-title")).ToHaveTextAsync("Электоральная статистика");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#flags-csv"));
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"forensics-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(file);
        var lines = await File.ReadAllLinesAsync(file, Ct);
        File.Delete(file);
        await page.Context.CloseAsync();

        Assert.Equal(ForensicsEndpoints.CsvHeader, lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0]);
        Assert.True(rows.Count >= 20);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(rows.ContainsKey(Code(i)), Code(i) + " is missing from the CSV");
        }

        // PEC-0051: 900 of 1000 in the boxes, 840 of 900 for the leader, a turnout of exactly 90%.
        var first = rows["PEC-0051"];
        Assert.NotEmpty(first[1]);
        Assert.Equal("1000", first[2]);
        Assert.Equal("0.9", first[3]);
        Assert.Equal("true", first[6]);
        Assert.Equal("true", first[7]);
        Assert.Equal(10, first.Length);
        Assert.Equal("0.95", rows["PEC-0055"][3]);
        Assert.Equal("false", rows["PEC-0060"][6]);
        Assert.Equal(8, Enumerable.Range(0, 20).Count(i => rows[Code(i)][6] == "true"));
    }

    [Fact]
    public async Task ACorrection_IsInTheNextView()
    {
        await AcceptAllAsync();
        var portal = new ForensicsPortal();
        await using var db = web.Store.CreateContext();
        var before = (await portal.GetAsync(db, Ct))!;
        // Nothing changed: the view is kept. (Other test classes accept protocols in the same store meanwhile: only a
        // second view of as many accepted versions must be the same object.)
        var again = (await portal.GetAsync(db, Ct))!;
        if (again.AcceptedVersions == before.AcceptedVersions)
        {
            Assert.Same(before, again);
        }

        before = again;

        // PEC-0070 recounted by a decision of its district commission: one more voter on the list. Version 1 stays
        // accepted and unchanged (accepted versions are immutable); version 2 is what the analysis reads.
        const string precinct = "PEC-0070";
        var district = await db.Commissions.AsNoTracking().Where(c => c.Code == precinct).Select(c => c.Parent!.Code).SingleAsync(Ct);
        var members = await db.Members.AsNoTracking().Where(m => m.IsVoting && db.Commissions.Any(c => c.Id == m.CommissionId && c.Code == district)).Select(m => m.Id).ToListAsync(Ct);
        var present = members.Select(m => m.ToString(CultureInfo.InvariantCulture)).ToList();
        var date = new DateOnly(2011, 4, 9);
        var sessions = new SessionsService(db, Repo.Kz, TimeProvider.System);
        var secretary = new Actor("forensics-secretary", district);
        var session = await sessions.OpenAsync(district, date, ["Recount of PEC-0070"], present, [], [], secretary, Ct);
        await sessions.VoteAsync(session, "F-70", "Correction", "The protocol of PEC-0070 is corrected after a recount.", present.ToDictionary(m => m, _ => VoteChoice.For), [], secretary, Ct);
        await new ResultsService(db, Repo.Kz, TimeProvider.System).StartCorrectionAsync(precinct, new DecisionReference(district, "F-70", date, "recount"), Ct);
        var corrected = ValuesOf(19);
        corrected[0]++;
        await AcceptAsync(precinct, corrected);

        var after = (await portal.GetAsync(db, Ct))!;
        Assert.NotSame(before, after);
        Assert.True(after.AcceptedVersions > before.AcceptedVersions);
        Assert.Equal(corrected[0], after.Flags.Single(f => f.Code == precinct).Voters);
    }

    [Fact]
    public void WithNoAcceptedProtocol_TheViewHasNoReport()
    {
        var set = new PrecinctSet("kz", [new ForensicsCandidate("C1", LocalizedText.Same("One"))], [], []);
        var view = ForensicsPortal.Build("kz", 0, set);
        Assert.Null(view.Report);
        Assert.Empty(view.Flags);
        Assert.Equal(ForensicsEndpoints.CsvHeader + "\n", ForensicsEndpoints.Csv(view.Flags));
    }

    [Fact]
    public async Task TheForensicsPage_IsShotOnADesktopAndAPhone_WithoutScrollingSideways()
    {
        await AcceptAllAsync();
        foreach (var (device, width, height) in new[] { ("desktop", 1280, 900), ("phone", 390, 844) })
        {
            var page = await web.NewPageAsync(width, height);
            var response = await page.GotoAsync("/forensics?lang=en");
            Assert.Equal(200, response!.Status);
            foreach (var name in ForensicsPlots.Names)
            {
                await page.Locator($"#plot-{name}").ScrollIntoViewIfNeededAsync();
                await Expect(page.Locator($"#plot-{name}")).ToBeVisibleAsync();
            }

            await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
            var file = Path.Combine(WebFixture.ScreenshotFolder, $"forensics-{device}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 10_000);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"/forensics scrolls sideways on a {device}.");
            Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.card')].every(c => c.scrollWidth <= c.clientWidth)"), $"/forensics has a card wider than its box on a {device}.");
            await page.Context.CloseAsync();
        }

        foreach (var name in ForensicsPlots.Names)
        {
            var bytes = await web.Http.GetByteArrayAsync($"forensics/plots/{name}.png", Ct);
            await File.WriteAllBytesAsync(Path.Combine(WebFixture.ScreenshotFolder, $"forensics-plot-{name}.png"), bytes, Ct);
        }
    }
}
