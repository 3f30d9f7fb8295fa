using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Ashyq.Storage.Nomination;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;
using static Microsoft.Playwright.Assertions;

namespace Ashyq.Web.Tests;

/// <summary>
/// Sign-ins and refusals made for real through the web host leave their audit events, and the audit log exported
/// from the same store is NIST SP 1500-101 JSON that validates against the official schema. Each test has its own
/// accounts (audit-…) and filters the shared store's log by them.
/// </summary>
public sealed class AuditTrailTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "audit-trail-test-1";
    private const string Precinct = "PEC-0077";

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var login = await web.Http.PostAsJsonAsync("api/login", new { userName = user, password = Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync(Ct))!["accessToken"]!.GetValue<string>();
        var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(web.BaseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The store's whole audit log as the export writes it, checked against the official schema.</summary>
    private async Task<JsonArray> ExportedEventsAsync()
    {
        using var stream = new MemoryStream();
        await using (var db = web.Store.CreateContext())
        {
            await AuditLogExport.WriteAsync(db, stream, TimeProvider.System.GetUtcNow(), "en", Ct);
        }

        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Repo.Root, "..", "shared", "standards", "nist-1500-101", "NIST_V1-8_election_event_logging.json"), Ct);
        var errors = schema.Validate(text);
        Assert.True(errors.Count == 0, "the export does not validate: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
        return JsonNode.Parse(text)!["Device"]![0]!["Event"]!.AsArray();
    }

    private static string S(JsonNode? e, string name) => e?[name]?.GetValue<string>() ?? "";

    private static JsonNode Details(JsonNode? e) => JsonNode.Parse(S(e, "Details"))!;

    [Fact]
    public async Task FailedSignIns_AndARefusedStep_MadeThroughTheHost_AreInTheExport_WhichValidatesAgainstTheOfficialSchema()
    {
        const string user = "audit-operator";
        await AccountsAdmin.CreateAsync(web.Store, user, Precinct, AccountRole.Operator, Password, Ct);

        // The sign-in page: a wrong password, then the right one, then signing out.
        var page = await web.NewPageAsync();
        await page.GotoAsync("/account/login?lang=en");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("#sign-in-button");
        await Expect(page.Locator("#login-failed")).ToBeVisibleAsync();
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-button");
        await Expect(page.Locator("#account-user")).ToHaveTextAsync(user);
        await page.ClickAsync("#sign-out");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        // The API: a wrong password, then a token, then a step this account may not take.
        var refused = await web.Http.PostAsJsonAsync("api/login", new { userName = user, password = "still not the password" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var client = await SignedInAsync(user);
        var accept = await client.PostAsync($"api/results/{Precinct}/accept", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);

        var mine = (await ExportedEventsAsync()).Where(e => S(e, "UserId") == user).ToList();

        var failedLogins = mine.Where(e => S(e, "Id") == "auth.login" && S(e, "Disposition") == "failure").ToList();
        Assert.Equal(["/account/login", "/api/login"], failedLogins.Select(e => Details(e)["subject"]!.GetValue<string>()));
        Assert.All(failedLogins, e => Assert.Equal("AUTH.BAD-CREDENTIALS", Details(e)["detail"]!.GetValue<string>()));
        Assert.All(failedLogins, e => Assert.Equal(Precinct, Details(e)["commission"]!.GetValue<string>()));
        Assert.Equal(2, mine.Count(e => S(e, "Id") == "auth.login" && S(e, "Disposition") == "success"));
        Assert.Single(mine, e => S(e, "Id") == "auth.logout" && S(e, "Disposition") == "success");
        var denied = Assert.Single(mine, e => S(e, "Id") == "access.denied");
        Assert.Equal("failure", S(denied, "Disposition"));
        Assert.Equal("user-action", S(denied, "Type"));
        // Refused by the application's pipeline, which names the action and the commission it was taken on (the
        // web's catch-all for 403s records nothing more for it: one event per attempt).
        Assert.Equal($"accept-protocol {Precinct}", Details(denied)["subject"]!.GetValue<string>());
        Assert.Equal(Precinct, Details(denied)["commission"]!.GetValue<string>());
        Assert.Equal($"AUTH.FORBIDDEN: Operator of {Precinct}", Details(denied)["detail"]!.GetValue<string>());
        Assert.DoesNotContain(mine, e => S(e, "Details").Contains("not the password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStepRefusedInsideItsService_LeavesItsAccessDeniedEvent_AndNothingElseOfIt()
    {
        const string user = "audit-tec-chair";
        await AccountsAdmin.CreateAsync(web.Store, user, "TEC-01", AccountRole.Chair, Password, Ct);
        int nominee;
        string elsewhere;
        await using (var db = web.Store.CreateContext())
        {
            nominee = await db.Nominees.Where(n => n.Status == "Nominated" || n.Status == "Registered").OrderBy(n => n.Number).Select(n => n.Number).FirstAsync(Ct);
            var units = await Territory.UnitsOfPrecinctsAsync(db, Repo.Kz, Ct);
            var id = units.Where(u => u.Value == "TEC-02").Select(u => u.Key).Min();
            elsewhere = await db.Commissions.Where(c => c.Id == id).Select(c => c.Code).SingleAsync(Ct);
        }

        using var client = await SignedInAsync(user);
        var response = await client.PostAsJsonAsync($"api/nominees/{nominee}/proxies", new { precinct = elsewhere, fullName = "Өкіл Аудит" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using (var db = web.Store.CreateContext())
        {
            Assert.False(await db.Proxies.AnyAsync(p => p.FullName == "Өкіл Аудит", Ct));
            var events = await db.AuditEvents.AsNoTracking().Where(e => e.User == user).ToListAsync(Ct);
            var denied = Assert.Single(events, e => e.Action == "access.denied");
            Assert.Equal(("failure", "TEC-01", $"POST /api/nominees/{nominee}/proxies"), (denied.Disposition, denied.Commission, denied.Subject));
            Assert.Equal(["auth.login", "access.denied"], events.OrderBy(e => e.Id).Select(e => e.Action));
        }
    }

    [Fact]
    public async Task TheFailureThatLocksAnAccount_IsALockOutEvent_AndLaterAttemptsAreFailedSignIns()
    {
        const string user = "audit-lockout";
        await AccountsAdmin.CreateAsync(web.Store, user, Precinct, AccountRole.Chair, Password, Ct);

        for (var attempt = 0; attempt < 6; attempt++)
        {
            var response = await web.Http.PostAsJsonAsync("api/login", new { userName = user, password = "wrong-password-" + attempt }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        await using var db = web.Store.CreateContext();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.User == user).OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(6, events.Count(e => e.Action == "auth.login" && e.Disposition == "failure"));
        Assert.Equal(["AUTH.BAD-CREDENTIALS", "AUTH.BAD-CREDENTIALS", "AUTH.BAD-CREDENTIALS", "AUTH.BAD-CREDENTIALS", "AUTH.LOCKED-OUT", "AUTH.LOCKED-OUT"],
            events.Where(e => e.Action == "auth.login").Select(e => e.Detail));
        var lockout = Assert.Single(events, e => e.Action == "auth.locked-out");
        Assert.Equal("failure", lockout.Disposition);
        Assert.StartsWith("locked until ", lockout.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignInAsNoAccount_KeepsNotWhatWasTyped()
    {
        var typed = "audit-nobody-" + Guid.NewGuid().ToString("N")[..8];

        var response = await web.Http.PostAsJsonAsync("api/login", new { userName = typed, password = "whatever-password" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = web.Store.CreateContext();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.User.Contains(typed) || (e.Detail != null && e.Detail.Contains(typed)), Ct));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "auth.login" && e.User == "(unknown account)" && e.Subject == "/api/login" && e.Disposition == "failure", Ct));
    }
}
