using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Tests;

/// <summary>
/// Every endpoint of the host × every kind of account × its relation to the commission concerned, allowed or
/// denied as the table says. The table must name every endpoint the host maps: a new endpoint without an entry
/// fails <see cref="EveryEndpoint_HasAnEntryInTheMatrix"/>.
/// </summary>
public class AuthorizationMatrixTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "authorization-matrix-1";
    private const string Precinct = "PEC-0041";
    private const string Other = "PEC-0100";

    /// <summary>Who is asking: no one, or an account of a role at the precinct, its superior, or elsewhere.</summary>
    public enum Who
    {
        Anonymous,
        PrecinctOperator,
        PrecinctChair,
        PrecinctObserver,
        SuperiorOperator,
        SuperiorMember,
        SuperiorChair,
        OtherOperator,
        OtherChair,
    }

    private static readonly Who[] Everyone = Enum.GetValues<Who>();
    private static readonly Who[] Accounts = [.. Everyone.Where(w => w != Who.Anonymous)];

    /// <summary>The matrix: for each endpoint (method and route pattern), who may use it.</summary>
    private static readonly Dictionary<string, Who[]> Matrix = new()
    {
        // Public reading: no account needed.
        ["GET /"] = Everyone,
        ["POST /"] = Everyone,
        ["* /health"] = Everyone,
        ["GET /_framework/opaque-redirect"] = Everyone,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["GET /api/election"] = Everyone,
        ["GET /api/stats"] = Everyone,
        ["GET /api/commissions/{code}"] = Everyone,
        ["GET /api/commissions/{code}/decisions"] = Everyone,
        ["GET /api/results/{precinct}"] = Everyone,
        ["GET /api/results/tally/{commission}"] = Everyone,
        ["GET /api/log/entries/{index:long}"] = Everyone,
        ["GET /api/log/proof/inclusion"] = Everyone,
        ["GET /api/log/proof/consistency"] = Everyone,
        ["GET /api/register/imports"] = Everyone,
        ["POST /api/register/check"] = Everyone,
        ["* /api/{**path}"] = Everyone,
        ["POST /api/login"] = Everyone,

        // Pages: public ones, and staff ones that check the account themselves (every page also takes its forms' POSTs,
        // each checked by antiforgery).
        ["GET /commissions/{Code}"] = Everyone,
        ["POST /commissions/{Code}"] = Everyone,
        ["GET /commissions/stats"] = Everyone,
        ["POST /commissions/stats"] = Everyone,
        ["GET /results"] = Everyone,
        ["POST /results"] = Everyone,
        ["GET /results/area/{Code}"] = Everyone,
        ["POST /results/area/{Code}"] = Everyone,
        ["GET /results/{Precinct}"] = Everyone,
        ["POST /results/{Precinct}"] = Accounts,
        ["GET /check"] = Everyone,
        ["GET /register/check"] = Everyone,
        ["POST /register/check"] = Everyone,
        ["GET /commissions/{Code}/list"] = [Who.PrecinctOperator, Who.PrecinctChair, Who.SuperiorOperator, Who.SuperiorMember, Who.SuperiorChair],
        ["POST /commissions/{Code}/list"] = [Who.PrecinctOperator, Who.PrecinctChair, Who.SuperiorOperator, Who.SuperiorMember, Who.SuperiorChair],
        ["POST /check"] = Everyone,
        ["GET /forensics"] = Everyone,
        ["POST /forensics"] = Everyone,
        ["GET /forensics/plots/{name}.png"] = Everyone,
        ["GET /forensics/flags.csv"] = Everyone,
        ["GET /observation"] = Everyone,
        ["POST /observation"] = Everyone,
        ["GET /observation/plots/{name}.png"] = Everyone,
        ["GET /observe"] = Everyone,
        ["GET /observe/{file}"] = Everyone,
        ["GET /api/observation/forms"] = Everyone,
        ["GET /api/observation/stats"] = Everyone,
        ["GET /quick-count"] = Everyone,
        ["POST /quick-count"] = Everyone,
        ["GET /quick-count/plot.png"] = Everyone,
        ["GET /api/quick-count"] = Everyone,
        ["GET /account/login"] = Everyone,
        ["POST /account/login"] = Everyone,
        ["GET /account/logout"] = Everyone,
        ["POST /account/logout"] = Accounts,
        ["GET /account/denied"] = Everyone,
        ["POST /account/denied"] = Everyone,
        ["GET /not-found"] = Everyone,
        ["POST /not-found"] = Everyone,
        ["GET /results/queue/{Commission}"] = [Who.SuperiorOperator, Who.SuperiorMember, Who.SuperiorChair],
        ["POST /results/queue/{Commission}"] = [Who.SuperiorOperator, Who.SuperiorMember, Who.SuperiorChair],

        // The results chain: typed by the precinct's (or its superior's) operators; certified by its chair;
        // accepted by its superior's members; corrected by its superior's chair or secretary.
        ["GET /api/results/{precinct}/work"] = [Who.PrecinctOperator, Who.PrecinctChair, Who.SuperiorOperator, Who.SuperiorMember, Who.SuperiorChair],
        ["POST /api/results/{precinct}/entry"] = [Who.PrecinctOperator, Who.SuperiorOperator],
        ["POST /api/results/{precinct}/resolve"] = [Who.PrecinctChair],
        ["POST /api/results/{precinct}/acknowledge"] = [Who.PrecinctChair],
        ["POST /api/results/{precinct}/sign"] = [Who.PrecinctChair],
        ["POST /api/results/{precinct}/submit"] = [Who.PrecinctChair],
        ["POST /api/results/{precinct}/accept"] = [Who.SuperiorMember, Who.SuperiorChair],
        ["POST /api/results/{precinct}/return"] = [Who.SuperiorMember, Who.SuperiorChair],
        ["POST /api/results/{precinct}/corrections"] = [Who.SuperiorChair],

        // Sessions: the chair or secretary of the commission itself.
        ["POST /api/sessions/"] = [Who.PrecinctChair],
        ["POST /api/sessions/{session:long}/decisions"] = [Who.PrecinctChair],
        ["POST /api/sessions/{session:long}/results-protocol"] = [Who.PrecinctChair],

        // Observation: only an observer's account sends observers' forms.
        ["POST /api/observation/submissions"] = [Who.PrecinctObserver],

        // Nomination: the public files and counts for anyone; the rejected signatures for the CEC's and the TEC's own
        // staff, proxies registered by the station's TEC and the desks for the CEC and TECs only (none of the
        // precinct-level accounts here; NominationAuthorizationTests checks the CEC and TEC accounts).
        ["GET /api/nominees"] = Everyone,
        ["GET /api/nominees/{id:int}"] = Everyone,
        ["GET /api/proxies/counts"] = Everyone,
        ["GET /api/nominees/{id:int}/rejections.csv"] = [],
        ["POST /api/nominees/{id:int}/proxies"] = [],
        ["GET /candidates"] = Everyone,
        ["POST /candidates"] = Everyone,
        ["GET /candidates/{Id:int}"] = Everyone,
        ["POST /candidates/{Id:int}"] = Everyone,
        ["GET /nomination/cec"] = [],
        ["POST /nomination/cec"] = [],
        ["GET /nomination/tec/{Code}"] = [],
        ["POST /nomination/tec/{Code}"] = [],

        // Complaints: filing, receipts, cases, decisions and statistics are public (rate-limited); the staff pages admit
        // only the staff of the commission concerned (the desk: its own staff; the session: the chair or secretary of the
        // commission holding the case; a case's forward form: that commission's staff) and answer 403 to others.
        ["GET /api/complaints/stats"] = Everyone,
        ["GET /api/complaints/{number}"] = Everyone,
        ["GET /complaints"] = Everyone,
        ["POST /complaints"] = Everyone,
        ["GET /complaints/file"] = Everyone,
        ["POST /complaints/file"] = Everyone,
        ["GET /complaints/find"] = Everyone,
        ["POST /complaints/find"] = Everyone,
        ["GET /complaints/stats"] = Everyone,
        ["POST /complaints/stats"] = Everyone,
        ["GET /complaints/receipt/{Number}"] = Everyone,
        ["POST /complaints/receipt/{Number}"] = Everyone,
        ["GET /complaints/{Number}"] = Everyone,
        ["POST /complaints/{Number}"] = Accounts,
        ["GET /complaints/{Number}/session"] = Accounts,
        ["POST /complaints/{Number}/session"] = Accounts,
        ["GET /complaints/desk/{Commission}"] = Accounts,
        ["POST /complaints/desk/{Commission}"] = Accounts,

        // Media monitoring: the figures are public; a monitored item is recorded by an observer's (monitor's) account.
        ["GET /api/media/stats"] = Everyone,
        ["POST /api/media/items"] = [Who.PrecinctObserver],
        ["GET /media"] = Everyone,
        ["POST /media"] = Everyone,
        ["GET /media/entry"] = [Who.PrecinctObserver],
        ["POST /media/entry"] = [Who.PrecinctObserver],

    };

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Dictionary<Who, HttpClient>? _clients;
    private static string _superior = "";

    private static IEnumerable<string> MappedEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
                return methods is null || methods.Count == 0 ? ["* " + pattern] : methods.Select(m => $"{m} {pattern}");
            })
            .Distinct();

    [Fact]
    public void EveryEndpoint_HasAnEntryInTheMatrix()
    {
        var missing = MappedEndpoints(web.Services).Where(e => !Matrix.ContainsKey(e)).ToList();

        Assert.True(missing.Count == 0, "Endpoints without an authorization entry: " + string.Join(", ", missing));
    }

    public static TheoryData<string> ProtectedApiEndpoints => new(Matrix.Keys.Where(k => k.StartsWith("POST /api/", StringComparison.Ordinal) && k != "POST /api/login")
        .Concat(["GET /api/results/{precinct}/work"]));

    [Theory]
    [MemberData(nameof(ProtectedApiEndpoints))]
    public async Task EachProtectedApiEndpoint_AllowsExactlyTheAccountsTheMatrixNames(string endpoint)
    {
        var clients = await ClientsAsync();
        var (method, pattern) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var session = pattern.Contains("{session", StringComparison.Ordinal) ? await OpenSessionAsync(clients[Who.PrecinctChair]) : 0;
        var path = pattern.Replace("{precinct}", Precinct, StringComparison.Ordinal).Replace("{session:long}", session.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{id:int}", "1", StringComparison.Ordinal).TrimStart('/');

        foreach (var who in Everyone)
        {
            var client = who == Who.Anonymous ? web.Http : clients[who];
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = JsonContent.Create(Body(pattern));
            }

            var response = await client.SendAsync(request, Ct);
            var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
            var allowed = Matrix[endpoint].Contains(who);
            Assert.True(allowed != denied, $"{endpoint} for {who}: expected {(allowed ? "allowed" : "denied")}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    [Fact]
    public async Task TheStaffPages_AskForASignIn_AndThePublicPagesDoNot()
    {
        var queue = await web.Http.GetAsync($"results/queue/{await SuperiorAsync()}", Ct);
        var results = await web.Http.GetAsync("results", Ct);

        Assert.True(queue.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found || queue.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal),
            $"the queue answered {(int)queue.StatusCode} without a sign-in");
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
    }

    private object Body(string pattern) => pattern switch
    {
        _ when pattern.EndsWith("/entry", StringComparison.Ordinal) => new { values = new Dictionary<string, long> { ["L1"] = 1 }, finish = false },
        _ when pattern.EndsWith("/resolve", StringComparison.Ordinal) => new { resolution = "KeepFirst" },
        _ when pattern.EndsWith("/acknowledge", StringComparison.Ordinal) => new { code = "W.TURNOUT-95", reason = "x" },
        _ when pattern.EndsWith("/sign", StringComparison.Ordinal) => new { signers = Array.Empty<string>() },
        _ when pattern.EndsWith("/return", StringComparison.Ordinal) => new { reason = "x" },
        _ when pattern.EndsWith("/corrections", StringComparison.Ordinal) => new { decisionNumber = "1", decisionDate = "2011-04-04", reason = "x" },
        _ when pattern.EndsWith("/results-protocol", StringComparison.Ordinal) => new { number = Guid.NewGuid().ToString("N")[..8], votes = new Dictionary<string, string>() },
        _ when pattern.EndsWith("/decisions", StringComparison.Ordinal) => new { number = Guid.NewGuid().ToString("N")[..8], subject = "x", text = "x", votes = new Dictionary<string, string>() },
        "/api/sessions/" => new { commission = Precinct, date = "2011-04-03", agenda = new[] { "x" }, present = Array.Empty<string>() },
        _ => new { },
    };

    private async Task<long> OpenSessionAsync(HttpClient chair)
    {
        var response = await chair.PostAsJsonAsync("api/sessions", new { commission = Precinct, date = "2011-04-03", agenda = new[] { "x" }, present = Array.Empty<string>() }, Ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["session"]!.GetValue<long>();
    }

    private async Task<string> SuperiorAsync()
    {
        if (_superior.Length == 0)
        {
            await using var db = web.Store.CreateContext();
            _superior = await db.Commissions.Where(c => c.Code == Precinct).Select(c => c.Parent!.Code).SingleAsync(Ct);
        }

        return _superior;
    }

    private async Task<Dictionary<Who, HttpClient>> ClientsAsync()
    {
        await Gate.WaitAsync(Ct);
        try
        {
            if (_clients is not null)
            {
                return _clients;
            }

            var superior = await SuperiorAsync();
            var accounts = new Dictionary<Who, (string Commission, AccountRole Role)>
            {
                [Who.PrecinctOperator] = (Precinct, AccountRole.Operator),
                [Who.PrecinctChair] = (Precinct, AccountRole.Chair),
                [Who.PrecinctObserver] = (Precinct, AccountRole.Observer),
                [Who.SuperiorOperator] = (superior, AccountRole.Operator),
                [Who.SuperiorMember] = (superior, AccountRole.Member),
                [Who.SuperiorChair] = (superior, AccountRole.Chair),
                [Who.OtherOperator] = (Other, AccountRole.Operator),
                [Who.OtherChair] = (Other, AccountRole.Chair),
            };
            var clients = new Dictionary<Who, HttpClient>();
            foreach (var (who, (commission, role)) in accounts)
            {
                var name = $"matrix-{who}".ToLowerInvariant();
                await AccountsAdmin.CreateAsync(web.Store, name, commission, role, Password, Ct);
                var login = await web.Http.PostAsJsonAsync("api/login", new { userName = name, password = Password }, Ct);
                var token = JsonNode.Parse(await login.Content.ReadAsStringAsync(Ct))!["accessToken"]!.GetValue<string>();
                var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(web.BaseUrl + "/") };
                client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                clients[who] = client;
            }

            return _clients = clients;
        }
        finally
        {
            Gate.Release();
        }
    }
}
