using System.Security.Claims;
using Ashyq.Application.Pipeline;
using Ashyq.Application.Results;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Ashyq.Storage.Model;
using Ashyq.Web.Accounts;
using Ashyq.Web.Election;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Api;

public sealed record LoginRequest(string UserName, string Password);

/// <summary>Values typed by an operator, by line code; <c>Finish</c> ends the entry, otherwise it is a draft.</summary>
public sealed record EntryRequest(IReadOnlyDictionary<string, long> Values, bool Finish);

public sealed record ResolveRequest(Resolution Resolution);

public sealed record AcknowledgeRequest(string Code, string Reason);

/// <summary>The members who sign (their ids, as listed by <c>GET /api/commissions/{code}</c>… here by <c>work</c>) and a dissenting opinion.</summary>
public sealed record SignRequest(IReadOnlyList<string> Signers, string? DissentingOpinion);

public sealed record ReturnRequest(string Reason);

public sealed record CorrectionRequest(string DecisionNumber, DateOnly DecisionDate, string Reason);

/// <summary>A control relation a protocol breaks: its code, severity and the sentence in the language asked for.</summary>
public sealed record RelationDto(string Code, string Severity, string Message);

/// <summary>What a step did: the state the protocol is now in and the relations its values break.</summary>
public sealed record StepDto(string Precinct, int Version, string State, IReadOnlyList<RelationDto> Broken);

/// <summary>A published (accepted) version: every line, who accepted it and when, the decision behind a correction.</summary>
public sealed record PublishedVersionDto(
    int Version,
    IReadOnlyDictionary<string, long> Lines,
    bool EnteredElsewhere,
    string? AcceptedBy,
    string? AcceptedByCommission,
    DateTimeOffset? AcceptedAt,
    DecisionReference? CorrectionDecision,
    IReadOnlyList<string> Signatures,
    string? DissentingOpinion,
    IReadOnlyList<Acknowledgement> Acknowledgements);

/// <summary>A precinct's protocol for the public: its published versions and the state of the one being worked on.</summary>
public sealed record ProtocolDto(string Precinct, string CurrentState, int CurrentVersion, IReadOnlyList<PublishedVersionDto> Published);

/// <summary>What an account working on a protocol may see: never another operator's values.</summary>
public sealed record WorkDto(
    string Precinct,
    int Version,
    string State,
    IReadOnlyDictionary<string, long>? MyEntry,
    IReadOnlyList<string> DifferingLines,
    IReadOnlyDictionary<string, long>? FirstEntry,
    IReadOnlyDictionary<string, long>? SecondEntry,
    IReadOnlyDictionary<string, long>? Values,
    IReadOnlyList<RelationDto> Broken,
    IReadOnlyList<string> Acknowledged,
    IReadOnlyList<SignerDto> Members);

public sealed record SignerDto(string Id, string FullName, string Role);

public sealed record TallyDto(string Commission, string Level, int Precincts, int Accepted, IReadOnlyDictionary<string, long> Totals);

/// <summary>
/// The results chain over HTTP: login for a bearer token, then each step of a precinct protocol, every one
/// checked against the account's commission and role (the one table of <see cref="Authorization"/>, through the application's pipeline) and against the
/// protocol's own rules. Reading published results needs no account.
/// </summary>
public static class ResultsApi
{
    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/login", LoginAsync).WithTags("Accounts")
            .WithSummary("Exchange a user name and password for a bearer token (lockout after 5 failures)");

        var open = endpoints.MapGroup("/api/results").WithTags("Results");
        open.MapGet("/{precinct}", GetProtocolAsync).WithSummary("A precinct's published protocol versions");
        open.MapGet("/tally/{commission}", GetTallyAsync).WithSummary("A commission's running totals and completeness");

        var work = endpoints.MapGroup("/api/results").WithTags("Results").RequireAuthorization(AccountsSetup.ApiPolicy);
        work.MapGet("/{precinct}/work", GetWorkAsync).WithSummary("The protocol as the account may see it while it is worked on");
        work.MapPost("/{precinct}/entry", (string precinct, EntryRequest body, HttpContext http, CancellationToken ct) =>
            RunAsync(http, new EnterProtocol(precinct, body.Values, body.Finish), ct))
            .WithSummary("Type the first or second entry (a draft, or finished)");
        work.MapPost("/{precinct}/resolve", (string precinct, ResolveRequest body, HttpContext http, CancellationToken ct) =>
            RunAsync(http, new ResolveEntries(precinct, body.Resolution), ct))
            .WithSummary("The chair settles differing entries");
        work.MapPost("/{precinct}/acknowledge", (string precinct, AcknowledgeRequest body, HttpContext http, CancellationToken ct) =>
            RunAsync(http, new AcknowledgeWarning(precinct, body.Code, body.Reason), ct))
            .WithSummary("Acknowledge a warning with a reason");
        work.MapPost("/{precinct}/sign", (string precinct, SignRequest body, HttpContext http, CancellationToken ct) =>
            RunAsync(http, new SignProtocol(precinct, body.Signers, body.DissentingOpinion), ct))
            .WithSummary("Record the members' signatures (and a dissenting opinion)");
        work.MapPost("/{precinct}/submit", (string precinct, HttpContext http, CancellationToken ct) =>
            RunAsync(http, new SubmitProtocol(precinct), ct))
            .WithSummary("Submit the signed protocol to the superior commission");
        work.MapPost("/{precinct}/accept", (string precinct, HttpContext http, CancellationToken ct) =>
            RunAsync(http, new AcceptProtocol(precinct), ct))
            .WithSummary("The superior commission accepts the protocol: from now on it never changes");
        work.MapPost("/{precinct}/return", (string precinct, ReturnRequest body, HttpContext http, CancellationToken ct) =>
            RunAsync(http, new ReturnProtocol(precinct, body.Reason), ct))
            .WithSummary("The superior commission returns the protocol with a reason");
        work.MapPost("/{precinct}/corrections", (string precinct, CorrectionRequest body, HttpContext http, CancellationToken ct) =>
            RunAsync(http, new OpenCorrection(precinct, body.DecisionNumber, body.DecisionDate, body.Reason), ct))
            .WithSummary("Open a correction (version n+1) citing a decision");
        return endpoints;
    }

    private static async Task<Results<Ok<AccessTokenResponseShape>, EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest body, SignInManager<AshyqUser> signIn, AuditTrail trail)
    {
        signIn.AuthenticationScheme = Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAuditedAsync(trail, body.UserName, body.Password, "/api/login");
        if (result.Succeeded)
        {
            // The bearer handler has written the token response.
            return TypedResults.Empty;
        }

        return TypedResults.Problem(
            result.IsLockedOut ? "The account is locked after too many failed attempts; try again later." : "The user name or the password is wrong.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: result.IsLockedOut ? "AUTH.LOCKED-OUT" : "AUTH.BAD-CREDENTIALS");
    }

    /// <summary>Only for the OpenAPI document: the shape of the bearer token response.</summary>
    public sealed record AccessTokenResponseShape(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    private static async Task<Results<Ok<ProtocolDto>, ProblemHttpResult>> GetProtocolAsync(string precinct, HttpContext http, CancellationToken ct)
    {
        var (results, _) = await ServicesAsync(http, ct);
        if (results is null)
        {
            return NoElection();
        }

        try
        {
            var versions = await results.VersionsAsync(precinct, ct);
            var form = results.Form;
            var current = versions.Count > 0 ? versions[^1] : null;
            var published = versions.Where(v => v.State == ProtocolState.Accepted).Select(v => new PublishedVersionDto(
                v.Number, Lines(form, v.Values!)!, v.EnteredElsewhere, v.AcceptedBy?.User, v.AcceptedBy?.Commission, v.AcceptedAt,
                v.CorrectionDecision, v.Signatures, v.DissentingOpinion, v.Acknowledgements)).ToList();
            return TypedResults.Ok(new ProtocolDto(precinct, (current?.State ?? ProtocolState.Empty).ToString(), current?.Number ?? 1, published));
        }
        catch (UnknownPrecinct e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: e.Code);
        }
    }

    private static async Task<Results<Ok<TallyDto>, ProblemHttpResult>> GetTallyAsync(string commission, HttpContext http, CancellationToken ct)
    {
        var (results, _) = await ServicesAsync(http, ct);
        if (results is null)
        {
            return NoElection();
        }

        try
        {
            var tally = await results.TallyAsync(commission, ct);
            return TypedResults.Ok(new TallyDto(tally.Commission, tally.Level, tally.Precincts, tally.Accepted, tally.Totals));
        }
        catch (KeyNotFoundException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "RESULTS.UNKNOWN-COMMISSION");
        }
    }

    private static async Task<Results<Ok<WorkDto>, ProblemHttpResult>> GetWorkAsync(string precinct, HttpContext http, CancellationToken ct)
    {
        var (results, definition) = await ServicesAsync(http, ct);
        if (results is null)
        {
            return NoElection();
        }

        var db = http.RequestServices.GetRequiredService<AshyqDbContext>();
        var place = await PlaceAsync(db, precinct, ct);
        if (place is null)
        {
            return UnknownPrecinct(precinct);
        }

        var user = http.User;
        var target = new Target(precinct, place.Value.Superior);
        var caller = Callers.Of(user);
        var certifier = caller is not null && Authorization.Allows<SignProtocol>(caller, target);
        if (caller is null || (!Authorization.Allows<EnterProtocol>(caller, target) && !certifier && !Authorization.Allows<AcceptProtocol>(caller, target)))
        {
            return Forbidden(precinct);
        }

        var version = await results.CurrentAsync(precinct, ct);
        var form = results.Form;
        var chairSeesEntries = certifier && version.State == ProtocolState.EntriesDifferent;
        var members = certifier
            ? await db.Members.AsNoTracking().Where(m => m.CommissionId == place.Value.Id).OrderBy(m => m.Id)
                .Select(m => new SignerDto(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.FullName, m.Role)).ToListAsync(ct)
            : [];
        var language = Localization.Languages.Current;
        return TypedResults.Ok(new WorkDto(
            precinct,
            version.Number,
            version.State.ToString(),
            Lines(form, version.ValuesVisibleTo(user.Identity!.Name!)),
            chairSeesEntries ? version.DifferingLines() : [],
            chairSeesEntries ? Lines(form, version.First!.Values) : null,
            chairSeesEntries ? Lines(form, version.Second!.Values) : null,
            Lines(form, version.Values),
            [.. version.Errors().Concat(version.Warnings()).Select(r => Relation(r, language))],
            [.. version.Acknowledgements.Select(a => a.RelationCode)],
            members));
    }

    /// <summary>
    /// Runs one step of the results chain through the application's pipeline, which authorizes it by the one table,
    /// audits it and takes it in one transaction; its refusal becomes a problem with the refusal's code.
    /// </summary>
    private static async Task<Results<Ok<StepDto>, ProblemHttpResult>> RunAsync(HttpContext http, IAction<ProtocolStep> action, CancellationToken ct)
    {
        var precinct = ((IPrecinctAction)action).Precinct;
        if (Callers.Of(http.User) is not { } caller)
        {
            return Forbidden(precinct);
        }

        var language = Localization.Languages.Current;
        try
        {
            var step = await http.RequestServices.GetRequiredService<Actions>().RunAsync(action, caller, ct);
            return TypedResults.Ok(new StepDto(step.Precinct, step.Version, step.State.ToString(), [.. step.Broken.Select(r => Relation(r, language))]));
        }
        catch (NoElection)
        {
            return NoElection();
        }
        catch (UnknownCommission)
        {
            return UnknownPrecinct(precinct);
        }
        catch (AccessDenied)
        {
            return Forbidden(precinct);
        }
        catch (RuleViolation e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: e.Code);
        }
    }

    private static Dictionary<string, long>? Lines(ProtocolForm form, long[]? values) =>
        values is null ? null : form.Lines.ToDictionary(l => l.Code, l => values[l.Index]);

    private static RelationDto Relation(ControlRelation r, string language) =>
        new(r.Code, r.Severity.ToString().ToLowerInvariant(), r.Message.In(language));

    private static async Task<(int Id, string Superior)?> PlaceAsync(AshyqDbContext db, string precinct, CancellationToken ct)
    {
        var row = await db.Commissions.AsNoTracking().Where(c => c.Code == precinct && c.Parent != null)
            .Select(c => new { c.Id, Superior = c.Parent!.Code, HasChildren = db.Commissions.Any(x => x.ParentId == c.Id) })
            .FirstOrDefaultAsync(ct);
        return row is null || row.HasChildren ? null : (row.Id, row.Superior);
    }

    private static async Task<(ResultsService? Results, ElectionDefinition? Definition)> ServicesAsync(HttpContext http, CancellationToken ct)
    {
        var catalog = http.RequestServices.GetRequiredService<ElectionCatalog>();
        if (await catalog.ElectionAsync(ct) is not { } election)
        {
            return (null, null);
        }

        var definition = election.Definition;

        var db = http.RequestServices.GetRequiredService<AshyqDbContext>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        return (new ResultsService(db, definition, time), definition);
    }

    private static ProblemHttpResult NoElection() =>
        TypedResults.Problem("No election is loaded.", statusCode: StatusCodes.Status404NotFound, title: "RESULTS.NO-ELECTION");

    private static ProblemHttpResult UnknownPrecinct(string precinct) =>
        TypedResults.Problem($"No precinct commission has the code \"{precinct}\".", statusCode: StatusCodes.Status404NotFound, title: "RESULTS.UNKNOWN-PRECINCT");

    private static ProblemHttpResult Forbidden(string precinct) =>
        TypedResults.Problem($"This account may not take this step on the protocol of {precinct}.", statusCode: StatusCodes.Status403Forbidden, title: "AUTH.FORBIDDEN");
}
