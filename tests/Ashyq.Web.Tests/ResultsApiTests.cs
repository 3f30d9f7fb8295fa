using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Web.Tests;

/// <summary>The results chain over HTTP, with real accounts, bearer tokens and the real store.</summary>
public class ResultsApiTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "results-api-test-1";

    // L1 list, L2 received, L3 issued, L4 cancelled, L5 in boxes, L6 invalid, C1..C4.
    private static readonly long[] Good = [1003, 900, 702, 198, 702, 21, 10, 15, 21, 635];
    private static readonly string[] Codes = ["L1", "L2", "L3", "L4", "L5", "L6", "C1", "C2", "C3", "C4"];

    private static object Entry(long[] values, bool finish) =>
        new { values = Codes.Zip(values).ToDictionary(x => x.First, x => x.Second), finish };

    private async Task<(string Precinct, string Superior, Dictionary<string, HttpClient> As)> PrecinctWithAccountsAsync(string precinct)
    {
        string superior;
        await using (var db = web.Store.CreateContext())
        {
            superior = await db.Commissions.Where(c => c.Code == precinct).Select(c => c.Parent!.Code).SingleAsync(Ct);
        }

        var tag = precinct.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var accounts = new (string Name, string Commission, AccountRole Role)[]
        {
            ($"op1-{tag}", precinct, AccountRole.Operator),
            ($"op2-{tag}", precinct, AccountRole.Operator),
            ($"chair-{tag}", precinct, AccountRole.Chair),
            ($"dec-{tag}", superior, AccountRole.Member),
            ($"decop-{tag}", superior, AccountRole.Operator),
            ($"stranger-{tag}", "PEC-0100", AccountRole.Operator),
        };
        var clients = new Dictionary<string, HttpClient>();
        foreach (var (name, commission, role) in accounts)
        {
            await AccountsAdmin.CreateAsync(web.Store, name, commission, role, Password, Ct);
            clients[name.Split('-')[0]] = await SignedInAsync(name);
        }

        return (precinct, superior, clients);
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var login = await web.Http.PostAsJsonAsync("api/login", new { userName = user, password = Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync(Ct))!["accessToken"]!.GetValue<string>();
        var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(web.BaseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["title"]!.GetValue<string>();
    }

    [Fact]
    public async Task AProtocol_GoesFromTwoEntriesThroughTheChairToAcceptance_AndIsPublished()
    {
        var (precinct, superior, @as) = await PrecinctWithAccountsAsync("PEC-0011");
        var slip = (long[])Good.Clone();
        slip[9] = 653;
        slip[4] = 720;

        await OkAsync(await @as["op1"].PostAsJsonAsync($"api/results/{precinct}/entry", Entry(Good, finish: true), Ct));
        Assert.Equal("ENTRY.SECOND-NEEDS-DIFFERENT-USER", await RefusedAsync(await @as["op1"].PostAsJsonAsync($"api/results/{precinct}/entry", Entry(Good, true), Ct), HttpStatusCode.Conflict));
        var secondView = await OkAsync(await @as["op2"].GetAsync($"api/results/{precinct}/work", Ct));
        Assert.Null(secondView["myEntry"]);
        Assert.Null(secondView["firstEntry"]);
        var second = await OkAsync(await @as["op2"].PostAsJsonAsync($"api/results/{precinct}/entry", Entry(slip, finish: true), Ct));
        Assert.Equal("EntriesDifferent", second["state"]!.GetValue<string>());

        var chairView = await OkAsync(await @as["chair"].GetAsync($"api/results/{precinct}/work", Ct));
        Assert.Equal(["L5", "C4"], chairView["differingLines"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(635, chairView["firstEntry"]!["C4"]!.GetValue<long>());
        Assert.Equal(653, chairView["secondEntry"]!["C4"]!.GetValue<long>());
        await OkAsync(await @as["chair"].PostAsJsonAsync($"api/results/{precinct}/resolve", new { resolution = "KeepFirst" }, Ct));

        var members = (await OkAsync(await @as["chair"].GetAsync($"api/results/{precinct}/work", Ct)))["members"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(7, members.Count);
        Assert.Equal("AUTH.FORBIDDEN", await RefusedAsync(await @as["op1"].PostAsJsonAsync($"api/results/{precinct}/sign", new { signers = members }, Ct), HttpStatusCode.Forbidden));
        await OkAsync(await @as["chair"].PostAsJsonAsync($"api/results/{precinct}/sign", new { signers = members, dissentingOpinion = (string?)null }, Ct));
        await OkAsync(await @as["chair"].PostAsync($"api/results/{precinct}/submit", null, Ct));
        Assert.Equal("AUTH.FORBIDDEN", await RefusedAsync(await @as["chair"].PostAsync($"api/results/{precinct}/accept", null, Ct), HttpStatusCode.Forbidden));
        var accepted = await OkAsync(await @as["dec"].PostAsync($"api/results/{precinct}/accept", null, Ct));
        Assert.Equal("Accepted", accepted["state"]!.GetValue<string>());

        var published = await OkAsync(await web.Http.GetAsync($"api/results/{precinct}", Ct));
        var version = published["published"]!.AsArray().Single()!;
        Assert.Equal(635, version["lines"]!["C4"]!.GetValue<long>());
        Assert.Equal(superior, version["acceptedByCommission"]!.GetValue<string>());
        Assert.False(version["enteredElsewhere"]!.GetValue<bool>());
        var tally = await OkAsync(await web.Http.GetAsync($"api/results/tally/{superior}", Ct));
        Assert.True(tally["accepted"]!.GetValue<int>() >= 1);
        Assert.Equal("VERSION.IMMUTABLE", await RefusedAsync(await @as["op1"].PostAsJsonAsync($"api/results/{precinct}/entry", Entry(Good, true), Ct), HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task ABrokenControlRelation_IsNamedInTheLanguageAsked_AndBlocksSigning()
    {
        var (precinct, _, @as) = await PrecinctWithAccountsAsync("PEC-0012");
        var broken = (long[])Good.Clone();
        broken[1] = 905;

        var first = await OkAsync(await @as["op1"].PostAsJsonAsync($"api/results/{precinct}/entry?lang=ru", Entry(broken, finish: true), Ct));
        await OkAsync(await @as["op2"].PostAsJsonAsync($"api/results/{precinct}/entry", Entry(broken, finish: true), Ct));
        var members = (await OkAsync(await @as["chair"].GetAsync($"api/results/{precinct}/work", Ct)))["members"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();

        var relation = first["broken"]!.AsArray().Single()!;
        Assert.Equal("R.L2-BALLOTS-BALANCE", relation["code"]!.GetValue<string>());
        Assert.Equal("error", relation["severity"]!.GetValue<string>());
        Assert.StartsWith("Число полученных бюллетеней", relation["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("SIGN.BLOCKED", await RefusedAsync(await @as["chair"].PostAsJsonAsync($"api/results/{precinct}/sign", new { signers = members }, Ct), HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task OnlyThePrecinctsOwnAccounts_AndItsSuperiors_MayTypeIt_AndTheSuperiorsEntryIsMarked()
    {
        var (precinct, _, @as) = await PrecinctWithAccountsAsync("PEC-0013");

        Assert.Equal("AUTH.FORBIDDEN", await RefusedAsync(await @as["stranger"].PostAsJsonAsync($"api/results/{precinct}/entry", Entry(Good, true), Ct), HttpStatusCode.Forbidden));
        var anonymous = await web.Http.PostAsJsonAsync($"api/results/{precinct}/entry", Entry(Good, true), Ct);
        Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{anonymous.StatusCode}: {await anonymous.Content.ReadAsStringAsync(Ct)} {anonymous.Headers}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await web.Http.PostAsJsonAsync("api/login", new { userName = "op1-pec0013", password = "wrong password" }, Ct)).StatusCode);

        await OkAsync(await @as["decop"].PostAsJsonAsync($"api/results/{precinct}/entry", Entry(Good, true), Ct));
        await using var db = web.Store.CreateContext();
        var row = await db.ProtocolVersions.AsNoTracking().SingleAsync(v => v.PrecinctId == db.Commissions.Single(c => c.Code == precinct).Id, Ct);
        Assert.True(row.EnteredElsewhere);
    }
}
