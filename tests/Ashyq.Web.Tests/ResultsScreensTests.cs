using System.Globalization;
using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashyq.Web.Tests;

/// <summary>
/// The operator screens of the results chain in headless Chromium without JavaScript: cookie sign-in, double
/// entry, the chair's resolution and signing, the district's acceptance queue, and the public page afterwards.
/// Every test works on its own precinct (PEC-0021…) with its own accounts and browser contexts.
/// </summary>
public sealed class ResultsScreensTests(WebFixture web)
{
    private const string Password = "results-screens-test-1";

    // L1 list, L2 received, L3 issued, L4 cancelled, L5 in boxes, L6 invalid, C1..C4: every relation holds.
    private static readonly long[] Good = [1003, 900, 702, 198, 702, 21, 10, 15, 21, 635];

    private static readonly string[] Codes = [.. Repo.Kz.ProtocolForm.Lines.Select(l => l.Code)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Accounts(string Precinct, string Superior, string Op1, string Op2, string Chair, string District, string DistrictOperator);

    private async Task<Accounts> AccountsAsync(string precinct)
    {
        string superior;
        await using (var db = web.Store.CreateContext())
        {
            superior = await db.Commissions.Where(c => c.Code == precinct).Select(c => c.Parent!.Code).SingleAsync(Ct);
        }

        var tag = precinct.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var accounts = new Accounts(precinct, superior, $"ui-op1-{tag}", $"ui-op2-{tag}", $"ui-chair-{tag}", $"ui-dec-{tag}", $"ui-decop-{tag}");
        await AccountsAdmin.CreateAsync(web.Store, accounts.Op1, precinct, AccountRole.Operator, Password, Ct);
        await AccountsAdmin.CreateAsync(web.Store, accounts.Op2, precinct, AccountRole.Operator, Password, Ct);
        await AccountsAdmin.CreateAsync(web.Store, accounts.Chair, precinct, AccountRole.Chair, Password, Ct);
        await AccountsAdmin.CreateAsync(web.Store, accounts.District, superior, AccountRole.Member, Password, Ct);
        await AccountsAdmin.CreateAsync(web.Store, accounts.DistrictOperator, superior, AccountRole.Operator, Password, Ct);
        return accounts;
    }

    /// <summary>A new browser context signed in through the login form; it lands on the account's workplace.</summary>
    private async Task<IPage> SignedInAsync(string user, int width = 1280, int height = 900)
    {
        var page = await web.NewPageAsync(width, height);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-button");
        await Expect(page.Locator("#account-user")).ToHaveTextAsync(user);
        return page;
    }

    private static async Task TypeEntryAsync(IPage page, long[] values, bool finish = true)
    {
        for (var i = 0; i < values.Length; i++)
        {
            await page.FillAsync("#line-" + Codes[i], values[i].ToString(CultureInfo.InvariantCulture));
        }

        await page.ClickAsync(finish ? "#finish" : "#draft");
    }

    private static Task ExpectStateAsync(IPage page, string state) => Expect(page.Locator("#state")).ToHaveAttributeAsync("data-state", state);

    /// <summary>Saves a page as a signed-in account sees it on a desktop and on a 390 px phone; nothing scrolls sideways.</summary>
    private async Task ShootAsync(string name, string user, string path)
    {
        foreach (var (device, width, height) in new[] { ("desktop", 1280, 900), ("phone", 390, 844) })
        {
            var page = await SignedInAsync(user, width, height);
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            var file = Path.Combine(WebFixture.ScreenshotFolder, $"{name}-{device}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 10_000, file + " is too small to be a rendered page.");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways on a {device}.");
            Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.card')].every(c => c.scrollWidth <= c.clientWidth)"), $"{name} has a card wider than its box on a {device}.");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TwoEntriesThatDiffer_AreShownToTheChairHighlighted_AndKeepingTheFirstMakesTheProtocolDefinitive()
    {
        var a = await AccountsAsync("PEC-0021");
        var path = "/results/" + a.Precinct;

        // The first operator types the whole protocol with the keyboard only: type, Tab, …, Enter.
        var op1 = await SignedInAsync(a.Op1);
        Assert.EndsWith(path, op1.Url, StringComparison.Ordinal);
        await ExpectStateAsync(op1, "Empty");
        Assert.Equal("line-L1", await op1.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("numeric", await op1.Locator("#line-L1").GetAttributeAsync("inputmode"));
        for (var i = 0; i < Good.Length; i++)
        {
            await op1.Keyboard.TypeAsync(Good[i].ToString(CultureInfo.InvariantCulture));
            if (i < Good.Length - 1)
            {
                await op1.Keyboard.PressAsync("Tab");
            }
        }

        Assert.Equal("line-" + Codes[^1], await op1.EvaluateAsync<string>("() => document.activeElement.id"));
        await op1.Keyboard.PressAsync("Enter");
        await ExpectStateAsync(op1, "FirstEntryDone");
        await Expect(op1.Locator("#notice")).ToHaveTextAsync("Енгізу аяқталды.");
        await Expect(op1.Locator("#no-broken")).ToBeVisibleAsync();

        // The same operator may not type the second entry: the refusal is shown in the page's language.
        await Expect(op1.Locator("#first-entry-yours")).ToBeVisibleAsync();
        await TypeEntryAsync(op1, Good);
        await Expect(op1.Locator("#refusal")).ToHaveAttributeAsync("data-code", "ENTRY.SECOND-NEEDS-DIFFERENT-USER");
        await Expect(op1.Locator("#refusal .msg")).ToHaveTextAsync("Екінші енгізуді біріншісін енгізген оператор емес, басқа оператор жасауы керек.");
        await ExpectStateAsync(op1, "FirstEntryDone");

        // The second operator starts from an empty form: the first entry's values are never shown to them.
        await ShootAsync("results-entry", a.Op2, path);
        var op2 = await SignedInAsync(a.Op2);
        await ExpectStateAsync(op2, "FirstEntryDone");
        foreach (var code in Codes)
        {
            Assert.Equal("", await op2.Locator("#line-" + code).InputValueAsync());
        }

        Assert.DoesNotContain("635", await op2.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var slip = (long[])Good.Clone();
        slip[4] = 720;
        slip[9] = 653;
        await TypeEntryAsync(op2, slip);
        await ExpectStateAsync(op2, "EntriesDifferent");
        await Expect(op2.Locator("#broken li[data-code='W.BALLOTS-IN-BOX-ABOVE-ISSUED']")).ToHaveAttributeAsync("data-severity", "warning");
        Assert.Equal(0, await op2.Locator("#differences").CountAsync());

        // The chair sees both entries side by side, the differing lines highlighted, and keeps the first.
        await ShootAsync("results-differences", a.Chair, path);
        var chair = await SignedInAsync(a.Chair);
        await ExpectStateAsync(chair, "EntriesDifferent");
        var highlighted = await chair.Locator("#differences tbody tr.diff").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.line)");
        Assert.Equal(["L5", "C4"], highlighted);
        Assert.Equal("635", await chair.Locator("#differences tr[data-line='C4'] td[data-entry='first']").InnerTextAsync());
        Assert.Equal("653", await chair.Locator("#differences tr[data-line='C4'] td[data-entry='second']").InnerTextAsync());
        Assert.Equal(0, await chair.Locator("#entry-form").CountAsync());
        await chair.ClickAsync("#resolve-KeepFirst");
        await ExpectStateAsync(chair, "Definitive");
        await Expect(chair.Locator("#definitive-values tr[data-line='C4'] td.num")).ToHaveAttributeAsync("data-value", "635");
        await Expect(chair.Locator("#definitive-values tr[data-line='L5'] td.num")).ToHaveAttributeAsync("data-value", "702");

        foreach (var page in new[] { op1, op2, chair })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ABrokenControlRelation_IsShownInRussian_AndSigningIsRefused()
    {
        var a = await AccountsAsync("PEC-0022");
        var broken = (long[])Good.Clone();
        broken[1] = 905;
        var relation = Repo.Kz.ProtocolForm.Relations.Single(r => r.Code == "R.L2-BALLOTS-BALANCE");

        var op1 = await SignedInAsync(a.Op1);
        await op1.GetByRole(AriaRole.Link, new() { Name = "Русский", Exact = true }).ClickAsync();
        await Expect(op1.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(op1.Locator("#entry-title")).ToHaveTextAsync("Первый ввод");
        await TypeEntryAsync(op1, broken);
        await ExpectStateAsync(op1, "FirstEntryDone");
        var shown = op1.Locator("#broken li[data-code='R.L2-BALLOTS-BALANCE']");
        await Expect(shown).ToHaveAttributeAsync("data-severity", "error");
        await Expect(shown.Locator(".msg")).ToHaveTextAsync(relation.Message.Ru);
        await Expect(shown.Locator(".sev")).ToHaveTextAsync("ошибка");
        await op1.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.ScreenshotFolder, "results-broken-ru-desktop.png"), FullPage = true });

        var op2 = await SignedInAsync(a.Op2);
        await op2.GotoAsync($"/results/{a.Precinct}?lang=ru");
        await TypeEntryAsync(op2, broken);
        await ExpectStateAsync(op2, "Definitive");

        var chair = await SignedInAsync(a.Chair);
        await chair.GotoAsync($"/results/{a.Precinct}?lang=ru");
        await ExpectStateAsync(chair, "Definitive");
        await Expect(chair.Locator("#errors li[data-code='R.L2-BALLOTS-BALANCE'] .msg")).ToHaveTextAsync(relation.Message.Ru);
        await Expect(chair.Locator("#sign-blocked")).ToContainTextAsync("Подписание заблокировано.");
        var boxes = chair.Locator("#signers input[type=checkbox]");
        Assert.Equal(0, await chair.Locator("#signers input:checked").CountAsync());
        for (var i = 0; i < 5; i++)
        {
            await boxes.Nth(i).CheckAsync();
        }

        await chair.ClickAsync("#sign");
        await Expect(chair.Locator("#refusal")).ToHaveAttributeAsync("data-code", "SIGN.BLOCKED");
        await Expect(chair.Locator("#refusal .msg")).ToHaveTextAsync(
            "Подписание заблокировано. Протокол нарушает R.L2-BALLOTS-BALANCE: его нельзя подписать; комиссия пересчитывает или исправляет бумажный протокол.");
        await ExpectStateAsync(chair, "Definitive");

        foreach (var page in new[] { op1, op2, chair })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheDistrictQueue_AcceptsASubmittedProtocol_AndThePublicPrecinctPageShowsItsValues()
    {
        var a = await AccountsAsync("PEC-0023");
        var path = "/results/" + a.Precinct;
        // Every number a multiple of 10: the protocol raises the warning W.ROUND-NUMBERS and no error.
        long[] round = [1000, 900, 700, 200, 700, 20, 10, 20, 20, 630];

        var op1 = await SignedInAsync(a.Op1);
        await TypeEntryAsync(op1, round, finish: false);
        await Expect(op1.Locator("#notice")).ToHaveTextAsync("Жоба сақталды.");
        await ExpectStateAsync(op1, "FirstEntryInProgress");
        Assert.Equal("630", await op1.Locator("#line-C4").InputValueAsync());
        await op1.ClickAsync("#finish");
        await ExpectStateAsync(op1, "FirstEntryDone");

        // The second entry is typed at the district commission, and the page says how it will be marked.
        var decop = await SignedInAsync(a.DistrictOperator);
        await decop.GotoAsync(path);
        await Expect(decop.Locator("#entered-elsewhere-note")).ToContainTextAsync("«округтік комиссияда енгізілді»");
        await TypeEntryAsync(decop, round);
        await ExpectStateAsync(decop, "Definitive");
        await Expect(decop.Locator("#entered-elsewhere")).ToBeVisibleAsync();

        // The chair acknowledges the warning with a reason (an empty one is refused), ticks who signed, signs and submits.
        var chair = await SignedInAsync(a.Chair);
        await chair.GotoAsync(path + "?lang=en");
        var warning = chair.Locator("#warnings li[data-code='W.ROUND-NUMBERS']");
        await warning.Locator("button").ClickAsync();
        await Expect(chair.Locator("#refusal")).ToHaveAttributeAsync("data-code", "SIGN.ACK-NEEDS-REASON");
        await Expect(chair.Locator("#refusal .msg")).ToHaveTextAsync("A warning is acknowledged with a reason: write it.");
        await chair.FillAsync("#reason-W\\.ROUND-NUMBERS", "Counted twice; the numbers are as on the paper form.");
        await chair.Locator("#warnings li[data-code='W.ROUND-NUMBERS'] button").ClickAsync();
        await Expect(chair.Locator("#notice")).ToHaveTextAsync("The warning is acknowledged.");
        await Expect(chair.Locator("#warnings li[data-code='W.ROUND-NUMBERS']")).ToHaveAttributeAsync("data-acknowledged", "true");
        await ShootAsync("results-signing", a.Chair, path);
        await chair.Locator("#signers input[data-role='Chair']").CheckAsync();
        var members = chair.Locator("#signers input[data-role='Member']");
        for (var i = 0; i < 4; i++)
        {
            await members.Nth(i).CheckAsync();
        }

        await chair.FillAsync("#dissent", "One member asked for a recount of the invalid ballots.");
        await chair.ClickAsync("#sign");
        await ExpectStateAsync(chair, "Signed");
        await chair.ClickAsync("#submit");
        await ExpectStateAsync(chair, "Submitted");

        // The district commission's member finds it in the queue, with its values and the acknowledged warning.
        var district = await SignedInAsync(a.District);
        Assert.EndsWith("/results/queue/" + a.Superior, district.Url, StringComparison.Ordinal);
        var item = district.Locator($"#queue article[data-precinct='{a.Precinct}']");
        await Expect(item).ToBeVisibleAsync();
        await Expect(item.Locator($"#values-{a.Precinct} tr[data-line='C4'] td.num")).ToHaveAttributeAsync("data-value", "630");
        await Expect(item.Locator("li[data-code='W.ROUND-NUMBERS'] .ack-text")).ToContainTextAsync("Counted twice");
        await ShootAsync("results-queue", a.District, "/results/queue/" + a.Superior);
        await item.Locator("button[data-action='return']").ClickAsync();
        await Expect(district.Locator("#refusal")).ToHaveAttributeAsync("data-code", "ACCEPT.RETURN-NEEDS-REASON");
        await district.Locator($"#queue article[data-precinct='{a.Precinct}'] button[data-action='accept']").ClickAsync();
        await Expect(district.Locator("#notice")).ToContainTextAsync(a.Precinct);
        await Expect(district.Locator($"#queue article[data-precinct='{a.Precinct}']")).ToHaveCountAsync(0);

        // Anyone, without an account, reads the published values on the precinct's page.
        var reader = await web.NewPageAsync();
        await reader.GotoAsync("/commissions/" + a.Precinct);
        await Expect(reader.Locator("#sign-in")).ToBeVisibleAsync();
        await Expect(reader.Locator("#published-values tr[data-line='C4'] td.num")).ToHaveAttributeAsync("data-value", "630");
        await Expect(reader.Locator("#published-values tr[data-line='L1'] td.num")).ToHaveAttributeAsync("data-value", "1000");
        await Expect(reader.Locator("#published-entered-elsewhere")).ToBeVisibleAsync();
        Assert.EndsWith(path, await reader.Locator("#results-link").GetAttributeAsync("href"), StringComparison.Ordinal);

        // The protocol page itself shows a reader the published protocol, with no work form.
        await reader.ClickAsync("#results-link");
        Assert.EndsWith(path, reader.Url, StringComparison.Ordinal);
        await Expect(reader.Locator("#public-protocol")).ToHaveAttributeAsync("data-precinct", a.Precinct);
        await Expect(reader.Locator("#values-v1 tr[data-line='C4'] td[data-value]")).ToHaveAttributeAsync("data-value", "630");
        Assert.Equal(0, await reader.Locator("form#entry-form").CountAsync());

        // Accepted, the protocol no longer takes entries.
        await op1.GotoAsync(path);
        await ExpectStateAsync(op1, "Accepted");
        await Expect(op1.Locator("#entry-closed")).ToBeVisibleAsync();
        await Expect(op1.Locator("#published-values tr[data-line='C4'] td.num")).ToHaveAttributeAsync("data-value", "630");

        foreach (var page in new[] { op1, decop, chair, district, reader })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheHeaderShowsWhoIsSignedIn_AWrongPasswordIsRefused_AndAnotherPrecinctsAccountSeesAForbiddenMessage()
    {
        var a = await AccountsAsync("PEC-0024");

        var page = await web.NewPageAsync();
        await page.GotoAsync("/account/login?lang=en");
        await page.FillAsync("#user", a.Op1);
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("#sign-in-button");
        await Expect(page.Locator("#login-failed")).ToHaveTextAsync("The user name or the password is wrong.");
        await Expect(page.Locator("#sign-in")).ToHaveTextAsync("Sign in");

        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-button");
        await Expect(page.Locator("#account-user")).ToHaveTextAsync(a.Op1);
        await Expect(page.Locator("#account-role")).ToHaveTextAsync("Operator");
        await Expect(page.Locator("#account-commission")).ToHaveTextAsync(a.Precinct);

        // PEC-0025 is another precinct: its protocol is not this account's to open.
        var response = await page.GotoAsync("/results/PEC-0025");
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("#forbidden")).ToContainTextAsync("PEC-0025");
        Assert.Equal(0, await page.Locator("form#entry-form").CountAsync());

        await page.ClickAsync("#sign-out");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await page.GotoAsync("/results/" + a.Precinct);
        await Expect(page.Locator("#public-protocol")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("form#entry-form").CountAsync());
        await page.Context.CloseAsync();
    }
}
