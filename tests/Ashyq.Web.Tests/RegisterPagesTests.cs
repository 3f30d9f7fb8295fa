using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ashyq.Web.Tests;

/// <summary>The voter's self-check page, and the printable list that only the precinct's staff may open.</summary>
public class RegisterPagesTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "register-pages-test-1";

    [Fact]
    public async Task AVoter_FindsTheirPrecinct_AndAWrongPairRevealsNothing()
    {
        (long Iin, string Surname, string Precinct) voter;
        await using (var db = web.Store.CreateContext())
        {
            voter = await db.Voters.OrderBy(v => v.Id).Select(v => new ValueTuple<long, string, string>(v.Iin, v.Surname, db.Commissions.Single(c => c.Id == v.PrecinctId).Code)).FirstAsync(Ct);
        }

        var page = await web.NewPageAsync(390, 844);
        await page.GotoAsync("/register/check?lang=en");
        await page.FillAsync("#iin", voter.Iin.ToString("D12", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#surname", voter.Surname);
        await page.ClickAsync("#self-check-button");
        var found = await page.Locator("#self-check-found").InnerTextAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "register-self-check-phone.png"), FullPage = true });

        await page.FillAsync("#iin", voter.Iin.ToString("D12", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#surname", "Nobody");
        await page.ClickAsync("#self-check-button");
        var notFound = await page.Locator("#self-check-not-found").InnerTextAsync();

        Assert.Contains(voter.Precinct, found, StringComparison.Ordinal);
        Assert.Contains("You are on the voter list", found, StringComparison.Ordinal);
        Assert.Contains("No voter was found", notFound, StringComparison.Ordinal);
        Assert.DoesNotContain(voter.Precinct, notFound, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePrintableList_IsForThePrecinctsStaff_NotForOthers()
    {
        string precinct;
        await using (var db = web.Store.CreateContext())
        {
            precinct = await db.Commissions.Where(c => c.Level == "PEC" && db.Voters.Any(v => v.PrecinctId == c.Id)).OrderBy(c => c.Id).Select(c => c.Code).Skip(3).FirstAsync(Ct);
        }

        await AccountsAdmin.CreateAsync(web.Store, "list-own", precinct, AccountRole.Operator, Password, Ct);
        await AccountsAdmin.CreateAsync(web.Store, "list-stranger", "PEC-0100", AccountRole.Chair, Password, Ct);

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

        var own = await SignedIn("list-own");
        await own.GotoAsync($"/commissions/{precinct}/list?lang=en");
        var rows = await own.Locator("#voter-list tbody tr").CountAsync();
        await own.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "register-voter-list-desktop.png"), FullPage = true });
        var stranger = await SignedIn("list-stranger");
        var refused = await stranger.GotoAsync($"/commissions/{precinct}/list?lang=en");
        var anonymous = await web.NewPageAsync();
        await anonymous.GotoAsync($"/commissions/{precinct}/list");

        Assert.True(rows > 0);
        Assert.Equal(403, refused!.Status);
        Assert.Contains("personal data", await stranger.Locator("#list-denied").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("/account/login", anonymous.Url, StringComparison.Ordinal);
    }
}
