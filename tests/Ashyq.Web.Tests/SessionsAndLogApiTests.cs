using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ashyq.Core.Commissions;
using Ashyq.Core.Transparency;
using Ashyq.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Web.Tests;

/// <summary>Decisions recorded over HTTP land in the log, and the log's proofs check out against the stored leaves.</summary>
public class SessionsAndLogApiTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "sessions-api-test-1";

    private async Task<HttpClient> SignedInAsync(string user, string commission, AccountRole role)
    {
        await AccountsAdmin.CreateAsync(web.Store, user, commission, role, Password, Ct);
        var login = await web.Http.PostAsJsonAsync("api/login", new { userName = user, password = Password }, Ct);
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync(Ct))!["accessToken"]!.GetValue<string>();
        var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(web.BaseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task ATecSecretary_RecordsADecision_ItIsPublicWithItsLogIndex_AndItsInclusionProofVerifies()
    {
        List<string> members;
        await using (var db = web.Store.CreateContext())
        {
            members = await db.Members.Where(m => m.CommissionId == db.Commissions.Single(c => c.Code == "TEC-05").Id).OrderBy(m => m.Id).Select(m => m.Id.ToString()).ToListAsync(Ct);
        }

        var secretary = await SignedInAsync("secretary-tec05", "TEC-05", AccountRole.Secretary);
        var stranger = await SignedInAsync("chair-tec06", "TEC-06", AccountRole.Chair);
        var opened = await secretary.PostAsJsonAsync("api/sessions", new { commission = "TEC-05", date = "2011-03-25", agenda = new[] { "Verification of signatures" }, present = members, observers = new[] { "OSCE/ODIHR" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var session = JsonNode.Parse(await opened.Content.ReadAsStringAsync(Ct))!["session"]!.GetValue<long>();
        var votes = members.ToDictionary(m => m, _ => "For");

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"api/sessions/{session}/decisions", new { number = "7", subject = "x", text = "x", votes }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync("api/sessions", new { commission = "TEC-05", date = "2011-03-25", agenda = new[] { "x" }, present = members }, Ct)).StatusCode);
        var voted = await secretary.PostAsJsonAsync($"api/sessions/{session}/decisions", new { number = "7", subject = "Signature verification protocol", text = "The protocol is adopted.", votes }, Ct);
        Assert.Equal(HttpStatusCode.OK, voted.StatusCode);

        var listed = JsonNode.Parse(await web.Http.GetStringAsync("api/commissions/TEC-05/decisions", Ct))!.AsArray().Single()!;
        Assert.True(listed["adopted"]!.GetValue<bool>());
        Assert.Equal(7, listed["for"]!.GetValue<int>());
        var index = listed["logIndex"]!.GetValue<long>();

        var entry = JsonNode.Parse(await web.Http.GetStringAsync($"api/log/entries/{index}", Ct))!;
        Assert.Equal("TEC-05/7", entry["subject"]!.GetValue<string>());
        var size = index + 1;
        var proof = JsonNode.Parse(await web.Http.GetStringAsync($"api/log/proof/inclusion?index={index}&size={size}", Ct))!;
        var hashes = proof["hashes"]!.AsArray().Select(h => Convert.FromBase64String(h!.GetValue<string>())).ToList();
        Assert.True(MerkleTree.VerifyInclusion(Convert.FromBase64String(entry["leafHash"]!.GetValue<string>()), index, size, hashes, Convert.FromBase64String(proof["root"]!.GetValue<string>())));
        Assert.Equal(HttpStatusCode.BadRequest, (await web.Http.GetAsync($"api/log/proof/inclusion?index={size}&size={size}", Ct)).StatusCode);
    }
}
