using System.Net;
using System.Text.Json;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Web.Tests;

/// <summary>The JSON API, the OpenAPI document, health and the headers, over plain HTTP to the real host.</summary>
public sealed class ApiAndHostTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await web.Http.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Health_IsHealthyWhenTheStoreAnswers()
    {
        var health = await GetJsonAsync("health");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var store = Assert.Single(health.GetProperty("checks").EnumerateArray());
        Assert.Equal("store", store.GetProperty("name").GetString());
        Assert.Equal("Healthy", store.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheApiPaths()
    {
        var document = await GetJsonAsync("openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/election", paths);
        Assert.Contains("/api/commissions/{code}", paths);
        Assert.Contains("/api/stats", paths);
    }

    [Fact]
    public async Task ApiElection_ReturnsTheFourCandidatesAndTheCommissionsPerLevel()
    {
        var election = await GetJsonAsync("api/election");

        Assert.Equal(Repo.Kz.Id, election.GetProperty("id").GetString());
        Assert.Equal(Repo.Kz.Name.Ru, election.GetProperty("name").GetProperty("ru").GetString());
        Assert.Equal("2011-04-03", election.GetProperty("calendar").GetProperty("votingDay").GetString());
        var candidates = election.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(4, candidates.Count);
        Assert.Equal(["C1", "C2", "C3", "C4"], candidates.Select(c => c.GetProperty("code").GetString()));
        Assert.Equal("NUR-OTAN", candidates[3].GetProperty("nominatedBy").GetProperty("code").GetString());
        Assert.Equal("Nur Otan People's Democratic Party", candidates[3].GetProperty("nominatedBy").GetProperty("name").GetProperty("en").GetString());
        var counts = election.GetProperty("commissions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["CEC"] = 1, ["TEC"] = 16, ["DEC"] = 207, ["PEC"] = 9725 }, counts);
    }

    [Fact]
    public async Task ApiCommission_ReturnsTheMembersWithWhoNominatedThemAndTheChildrenCodes()
    {
        await using var db = web.Store.CreateContext();
        var top = await db.Commissions.SingleAsync(c => c.ParentId == null, Ct);
        var precinct = await db.Commissions.Where(c => c.Level == "PEC").OrderBy(c => c.Id).FirstAsync(Ct);
        var listed = await db.Voters.LongCountAsync(v => v.PrecinctId == precinct.Id, Ct);

        var cec = await GetJsonAsync("api/commissions/" + top.Code);
        Assert.Equal("CEC", cec.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, cec.GetProperty("parent").ValueKind);
        Assert.Equal(16, cec.GetProperty("children").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, cec.GetProperty("votersOnList").ValueKind);

        var pec = await GetJsonAsync("api/commissions/" + precinct.Code);
        Assert.Equal("PEC", pec.GetProperty("level").GetString());
        Assert.Equal(0, pec.GetProperty("children").GetArrayLength());
        Assert.Equal(listed, pec.GetProperty("votersOnList").GetInt64());
        var members = pec.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(7, members.Count(m => m.GetProperty("isVoting").GetBoolean()));
        Assert.Equal("Chair", members[0].GetProperty("role").GetString());
        var organizations = Repo.Kz.Organizations.ToDictionary(o => o.Code, o => o.Name.Kk);
        Assert.All(members, m =>
        {
            var nominatedBy = m.GetProperty("nominatedBy");
            Assert.Equal(organizations[nominatedBy.GetProperty("code").GetString()!], nominatedBy.GetProperty("name").GetProperty("kk").GetString());
            Assert.Contains(m.GetProperty("gender").GetString(), new[] { "male", "female" });
        });
    }

    [Fact]
    public async Task ApiStats_CountsTheStoredElection()
    {
        var stats = await GetJsonAsync("api/stats");

        Assert.Equal(Repo.Kz.Id, stats.GetProperty("election").GetString());
        Assert.True(stats.GetProperty("complete").GetBoolean());
        Assert.Equal(9725, stats.GetProperty("commissions").GetProperty("PEC").GetInt32());
        Assert.Equal(4, stats.GetProperty("candidates").GetInt32());
        Assert.True(stats.GetProperty("voters").GetInt64() > 0);
    }

    [Fact]
    public async Task UnknownCommission_IsNotFound_OnThePageAndInTheApi()
    {
        using var page = await web.Http.GetAsync("commissions/NO-SUCH", Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"kk\">", html);
        Assert.Contains("Бет табылмады", html);

        using var api = await web.Http.GetAsync("api/commissions/NO-SUCH", Ct);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("NO-SUCH", await api.Content.ReadAsStringAsync(Ct));

        using var unknownApi = await web.Http.GetAsync("api/no/such/thing", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
        Assert.Equal("application/problem+json", unknownApi.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownPath_IsNotFound_InTheLanguageAsked()
    {
        using var response = await web.Http.GetAsync("no/such/page?lang=en", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Page not found", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("api/election")]
    [InlineData("commissions/NO-SUCH")]
    public async Task Responses_CarryTheSecurityHeaders(string path)
    {
        using var response = await web.Http.GetAsync(path, Ct);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("style-src 'sha256-", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    [Fact]
    public async Task SpecialPollingStation_ShowsItsKind()
    {
        await using var db = web.Store.CreateContext();
        var special = await db.Commissions.Where(c => c.SpecialKind == "hospital").OrderBy(c => c.Id).FirstAsync(Ct);

        var kazakh = await web.Http.GetStringAsync("commissions/" + special.Code, Ct);
        var english = await web.Http.GetStringAsync("commissions/" + special.Code + "?lang=en", Ct);

        Assert.Contains("Арнайы сайлау учаскесі: аурухана", kazakh);
        Assert.Contains("Special polling station: hospital", english);
    }

    [Fact]
    public async Task ChoosingALanguage_IsRememberedInACookie()
    {
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = web.Http.BaseAddress };

        var russian = await client.GetStringAsync("?lang=ru", Ct);
        var next = await client.GetStringAsync("", Ct);

        Assert.Contains("<html lang=\"ru\">", russian);
        Assert.Contains("<html lang=\"ru\">", next);
        Assert.Contains(Repo.Kz.Name.Ru, next);
    }
}
