using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ashyq.Cli.Tests.Durability;

/// <summary>One precinct the client drives: its accounts and the values its two operators type.</summary>
internal sealed record PrecinctPlan(string Precinct, string Op1, string Op2, string Chair, IReadOnlyDictionary<string, long> Values, bool RaisesWarning)
{
    /// <summary>A draft typed before the finished entry: one line still missing (zero), so it breaks a relation.</summary>
    public IReadOnlyDictionary<string, long> Draft(string missingLine) =>
        Values.ToDictionary(kv => kv.Key, kv => kv.Key == missingLine ? 0 : kv.Value);
}

/// <summary>The request was cut (<paramref name="sent"/>), or never sent, because the test killed the server.</summary>
internal sealed class ServerGoneException(string path, bool sent, Exception? inner = null)
    : Exception($"{path}: {(sent ? "cut by the kill" : "not sent, the server is being killed")}", inner)
{
    public string Path => path;

    public bool Sent => sent;
}

/// <summary>A write the kill cut: the step, and the precinct's progress before it (state, warnings acknowledged).</summary>
internal sealed record CutWrite(string Step, string State, int Acknowledged);

/// <summary>What the client saw, over every server lifetime of one test.</summary>
internal sealed class ChainStats
{
    private int _requests;
    private int _cut;
    private int _notSent;
    private int _logins;
    private int _unauthorized;

    public int Requests => _requests;

    /// <summary>Requests sent before a kill that got no answer because of it.</summary>
    public int Cut => _cut;

    /// <summary>Requests a worker was about to send after the kill (not sent).</summary>
    public int NotSent => _notSent;

    public int Logins => _logins;

    /// <summary>Bearer tokens the server refused (401), each followed by a new login.</summary>
    public int Unauthorized => _unauthorized;

    /// <summary>Precinct → version the server acknowledged accepting (HTTP 200 on <c>/accept</c>).</summary>
    public ConcurrentDictionary<string, int> AcknowledgedAcceptances { get; } = new();

    /// <summary>Precincts the client has begun to drive.</summary>
    public ConcurrentDictionary<string, bool> Started { get; } = new();

    /// <summary>Precincts the client has seen accepted (acknowledged, or found accepted after a restart).</summary>
    public ConcurrentDictionary<string, bool> Accepted { get; } = new();

    /// <summary>Writes cut by a kill, by step: how many had been committed (seen after the restart) and how many had not.</summary>
    public ConcurrentDictionary<string, (int Committed, int Lost)> CutWrites { get; } = new();

    /// <summary>Writes cut by a kill whose outcome the next server lifetime has not read yet, by precinct.</summary>
    public ConcurrentDictionary<string, CutWrite> PendingCutWrites { get; } = new();

    /// <summary>Everything unexpected: 5xx answers, refused steps, impossible states.</summary>
    public ConcurrentQueue<string> Anomalies { get; } = new();

    internal void Request() => Interlocked.Increment(ref _requests);

    internal void CutByKill() => Interlocked.Increment(ref _cut);

    internal void NotSentAfterKill() => Interlocked.Increment(ref _notSent);

    internal void Login() => Interlocked.Increment(ref _logins);

    internal void Refused() => Interlocked.Increment(ref _unauthorized);
}

/// <summary>
/// The accounts' side of the results chain over HTTP, across restarts of the server: bearer tokens are kept
/// from one server lifetime to the next and a refused one (401) is replaced by a new login.
/// </summary>
internal sealed class ChainClient(string password, string acceptingMember, ChainStats stats)
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public ChainStats Stats => stats;

    public string AcceptingMember => acceptingMember;

    /// <summary>A session against one lifetime of the server at this address.</summary>
    /// <param name="address">The server's base address.</param>
    /// <param name="requestBudget">After this many requests sent, <see cref="ChainSession.BudgetSpent"/> completes.</param>
    /// <param name="progress">After this many steps answered 200, <see cref="ChainSession.Progressed"/> completes.</param>
    public ChainSession Connect(Uri address, int requestBudget = int.MaxValue, int progress = 1) => new(this, address, requestBudget, progress);

    internal string Password => password;

    internal bool TryToken(string user, out string token) => _tokens.TryGetValue(user, out token!);

    internal void Keep(string user, string token) => _tokens[user] = token;

    internal void Forget(string user, string token) => _tokens.TryRemove(new KeyValuePair<string, string>(user, token));
}

/// <summary>
/// The client against one server process: workers drive precincts through the chain until the precinct is
/// accepted or the test kills the server. Every step starts from the state the server reports (<c>/work</c>):
/// a step cut by a kill may or may not have been committed.
/// </summary>
internal sealed class ChainSession : IDisposable
{
    private const int MaxStepsPerPrecinct = 40;
    private readonly ChainClient _client;
    private readonly HttpClient _http;
    private readonly TaskCompletionSource _budgetSpent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _progressed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _requestBudget;
    private readonly int _progress;
    private int _sent;
    private int _steps;
    private int _inFlight;
    private volatile bool _killed;

    internal ChainSession(ChainClient client, Uri address, int requestBudget, int progress)
    {
        _client = client;
        _requestBudget = requestBudget;
        _progress = progress;
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(20),
        };
    }

    private ChainStats Stats => _client.Stats;

    /// <summary>Completes when the server has answered 200 to the session's quota of steps (writes): the work moves on.</summary>
    public Task Progressed => _progressed.Task;

    /// <summary>Completes when the session has sent its budget of requests (the last one is on its way).</summary>
    public Task BudgetSpent => _budgetSpent.Task;

    /// <summary>Marks the session as killed (before the kill) and returns how many requests are in flight.</summary>
    public int BeginKill()
    {
        _killed = true;
        return Volatile.Read(ref _inFlight);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A worker: drives precincts from the queue until it is empty or the server is killed.</summary>
    public async Task WorkAsync(ConcurrentQueue<PrecinctPlan> queue, CancellationToken ct)
    {
        while (!_killed && queue.TryDequeue(out var plan))
        {
            try
            {
                await DriveAsync(plan, ct);
            }
            catch (ServerGoneException)
            {
                return;
            }
        }
    }

    /// <summary>Anonymous GET of a public resource (published results, tallies).</summary>
    public async Task<JsonNode> GetPublicAsync(string path, CancellationToken ct)
    {
        var (status, body) = await RawAsync(HttpMethod.Get, path, null, null, ct);
        if (status != 200 || body is null)
        {
            throw new InvalidOperationException($"GET {path}: {status} {body?.ToJsonString()}");
        }

        return body;
    }

    private async Task DriveAsync(PrecinctPlan plan, CancellationToken ct)
    {
        var p = plan.Precinct;
        Stats.Started[p] = true;
        for (var step = 0; step < MaxStepsPerPrecinct; step++)
        {
            var (status, work) = await SendAsync(plan.Chair, HttpMethod.Get, $"api/results/{p}/work", null, ct);
            if (status != 200 || work is null)
            {
                Stats.Anomalies.Enqueue($"{p}: GET work as the chair answered {status} {work?.ToJsonString()}");
                return;
            }

            var state = work["state"]!.GetValue<string>();
            var acknowledgedCount = work["acknowledged"]!.AsArray().Count;
            if (Stats.PendingCutWrites.TryRemove(p, out var cut))
            {
                var committed = cut.State != state || cut.Acknowledged != acknowledgedCount;
                Stats.CutWrites.AddOrUpdate(cut.Step, committed ? (1, 0) : (0, 1), (_, c) => committed ? (c.Committed + 1, c.Lost) : (c.Committed, c.Lost + 1));
            }

            try
            {
                await ActAsync(plan, state, work, ct);
            }
            catch (ServerGoneException e) when (e.Sent && e.Path.StartsWith($"api/results/{p}/", StringComparison.Ordinal))
            {
                Stats.PendingCutWrites[p] = new CutWrite($"{e.Path[(e.Path.LastIndexOf('/') + 1)..]} from {state}", state, acknowledgedCount);
                throw;
            }

            if (state == "Accepted" || Stats.AcknowledgedAcceptances.ContainsKey(p))
            {
                return;
            }
        }

        Stats.Anomalies.Enqueue($"{p}: not accepted after {MaxStepsPerPrecinct} steps");
    }

    /// <summary>The next step of the chain from the state the server reports.</summary>
    private async Task ActAsync(PrecinctPlan plan, string state, JsonNode work, CancellationToken ct)
    {
        var p = plan.Precinct;
        switch (state)
        {
            case "Accepted":
                Stats.Accepted[p] = true;
                break;
            case "Empty":
                await StepAsync(plan.Op1, p, "entry", new { values = plan.Draft("C4"), finish = false }, ct);
                break;
            case "FirstEntryInProgress":
                await StepAsync(plan.Op1, p, "entry", new { values = plan.Values, finish = true }, ct);
                break;
            case "FirstEntryDone":
                await StepAsync(plan.Op2, p, "entry", new { values = plan.Draft("L1"), finish = false }, ct);
                break;
            case "SecondEntryInProgress":
                await StepAsync(plan.Op2, p, "entry", new { values = plan.Values, finish = true }, ct);
                break;
            case "EntriesDifferent":
                // Both operators typed the same finished values: the entries cannot differ.
                Stats.Anomalies.Enqueue($"{p}: the entries differ though both operators typed the same values: {work.ToJsonString()}");
                await StepAsync(plan.Chair, p, "resolve", new { resolution = "KeepFirst" }, ct);
                break;
            case "Definitive":
                var acknowledged = work["acknowledged"]!.AsArray().Select(a => a!.GetValue<string>()).ToHashSet();
                var warnings = work["broken"]!.AsArray()
                    .Where(r => r!["severity"]!.GetValue<string>() == "warning")
                    .Select(r => r!["code"]!.GetValue<string>())
                    .Where(code => !acknowledged.Contains(code))
                    .ToList();
                if (warnings.Count > 0)
                {
                    await StepAsync(plan.Chair, p, "acknowledge", new { code = warnings[0], reason = "The turnout was checked against the list and the paper protocol." }, ct);
                }
                else
                {
                    var members = work["members"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
                    await StepAsync(plan.Chair, p, "sign", new { signers = members, dissentingOpinion = (string?)null }, ct);
                }

                break;
            case "Signed":
                await StepAsync(plan.Chair, p, "submit", null, ct);
                break;
            case "Submitted":
                var accepted = await StepAsync(_client.AcceptingMember, p, "accept", null, ct);
                if (accepted is not null)
                {
                    if (accepted["state"]?.GetValue<string>() != "Accepted")
                    {
                        Stats.Anomalies.Enqueue($"{p}: accept answered 200 but the state is {accepted.ToJsonString()}");
                    }

                    Stats.AcknowledgedAcceptances[p] = accepted["version"]!.GetValue<int>();
                    Stats.Accepted[p] = true;
                }

                break;
            default:
                Stats.Anomalies.Enqueue($"{p}: an unknown state {state}");
                break;
        }
    }

    /// <summary>Posts one step; returns the answer when it is 200, otherwise records the refusal and returns null.</summary>
    private async Task<JsonNode?> StepAsync(string user, string precinct, string step, object? body, CancellationToken ct)
    {
        var (status, answer) = await SendAsync(user, HttpMethod.Post, $"api/results/{precinct}/{step}", body, ct);
        if (status == 200 && answer is not null)
        {
            if (Interlocked.Increment(ref _steps) >= _progress)
            {
                _progressed.TrySetResult();
            }

            return answer;
        }

        Stats.Anomalies.Enqueue($"{precinct}: {step} by {user} answered {status} {answer?.ToJsonString()}");
        return null;
    }

    private async Task<(int Status, JsonNode? Body)> SendAsync(string user, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(user, ct);
            var answer = await RawAsync(method, path, body, token, ct);
            if (answer.Status == 401 && attempt == 0)
            {
                // The token did not survive the restart (or expired): sign in again, once.
                Stats.Refused();
                _client.Forget(user, token);
                continue;
            }

            return answer;
        }
    }

    private async Task<string> TokenAsync(string user, CancellationToken ct)
    {
        if (_client.TryToken(user, out var token))
        {
            return token;
        }

        Stats.Login();
        var (status, body) = await RawAsync(HttpMethod.Post, "api/login", new { userName = user, password = _client.Password }, null, ct);
        if (status != 200 || body?["accessToken"] is not { } access)
        {
            throw new InvalidOperationException($"The login of {user} answered {status} {body?.ToJsonString()}");
        }

        token = access.GetValue<string>();
        _client.Keep(user, token);
        return token;
    }

    private async Task<(int Status, JsonNode? Body)> RawAsync(HttpMethod method, string path, object? body, string? token, CancellationToken ct)
    {
        if (_killed)
        {
            Stats.NotSentAfterKill();
            throw new ServerGoneException(path, sent: false);
        }

        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        Stats.Request();
        Interlocked.Increment(ref _inFlight);
        if (Interlocked.Increment(ref _sent) == _requestBudget)
        {
            _budgetSpent.TrySetResult();
        }

        try
        {
            using var response = await _http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                Stats.Anomalies.Enqueue($"{status} on {method} {path}: {text}");
            }

            return (status, Parse(text));
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or IOException or TaskCanceledException)
        {
            if (_killed)
            {
                Stats.CutByKill();
                throw new ServerGoneException(path, sent: true, e);
            }

            throw new InvalidOperationException($"{method} {path} failed while the server was up: {e.Message}", e);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
