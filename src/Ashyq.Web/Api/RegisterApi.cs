using System.Threading.RateLimiting;
using Ashyq.Core.Elections;
using Ashyq.Core.Register;
using Ashyq.Storage.Register;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Api;

/// <summary>The voter's self-check question: their IIN and surname.</summary>
public sealed record SelfCheckRequest(string? Iin, string? Surname);

/// <summary>The precinct a voter is listed at.</summary>
public sealed record SelfCheckPrecinctDto(string Code, LocalizedText Name, string Address);

/// <summary>
/// The self-check's answer, of one shape whatever was asked: <c>found</c>, the precinct (null when not found), a
/// message and how to request a correction (or to be listed).
/// </summary>
public sealed record SelfCheckResponse(bool Found, SelfCheckPrecinctDto? Precinct, LocalizedText Message, LocalizedText HowToCorrect);

/// <summary>An import's published record: counts, never names.</summary>
public sealed record RegisterImportDto(int Id, string File, string Sha256, DateOnly AsOf, bool Complete, long Rows, long Accepted, long Unchanged, long RejectedRows, string RejectedByCode, long RegisterCount);

/// <summary>
/// The register's API: <c>POST /api/register/check</c> (the voter's self-check, rate-limited per client address;
/// any wrong pair of IIN and surname gets the same "not found" — it reveals neither whether the IIN is listed nor
/// which half was wrong) and <c>GET /api/register/imports</c> (each import's published counts).
/// </summary>
public static class RegisterApi
{
    public const string CheckPolicy = "register-check";

    /// <summary>Self-checks allowed per client address per minute.</summary>
    public const int CheckPermitsPerMinute = 10;

    private static readonly LocalizedText FoundMessage = new(
        "Сіз сайлаушылар тізімінде барсыз.",
        "Вы включены в список избирателей.",
        "You are on the voter list.");

    private static readonly LocalizedText NotFoundMessage = new(
        "Бұл ЖСН мен тегі бойынша сайлаушы табылмады. Деректерді тексеріңіз немесе төмендегі тәртіппен жүгініңіз.",
        "Избиратель с таким ИИН и фамилией не найден. Проверьте данные или обратитесь в порядке, указанном ниже.",
        "No voter was found with this IIN and surname. Check what you entered, or apply as described below.");

    /// <summary>The register's services and the self-check's rate limiter.</summary>
    public static IServiceCollection AddRegisterApi(this IServiceCollection services)
    {
        services.AddScoped<RegisterQueries>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(CheckPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = CheckPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapRegisterApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/register").WithTags("Register");

        api.MapPost("/check", CheckAsync)
            .WithName("RegisterSelfCheck")
            .RequireRateLimiting(CheckPolicy)
            .Produces(StatusCodes.Status429TooManyRequests)
            .WithSummary("The voter's self-check: IIN and surname → precinct, its address and how to request a correction; the same \"not found\" for any wrong pair.");

        api.MapGet("/imports", ImportsAsync)
            .WithName("RegisterImports")
            .WithSummary("Each import of an akimat's list: its counts (rows, accepted, unchanged, rejected per code), never names.");

        return endpoints;
    }

    private static async Task<Ok<SelfCheckResponse>> CheckAsync(SelfCheckRequest request, RegisterQueries queries, CancellationToken ct)
    {
        var answer = await queries.SelfCheckAsync(request.Iin, request.Surname, ct);
        return TypedResults.Ok(answer is null
            ? new SelfCheckResponse(false, null, NotFoundMessage, SelfCheck.HowToCorrect)
            : new SelfCheckResponse(true, new SelfCheckPrecinctDto(answer.PrecinctCode, answer.PrecinctName, answer.PrecinctAddress), FoundMessage, answer.HowToCorrect));
    }

    private static async Task<Ok<List<RegisterImportDto>>> ImportsAsync(RegisterQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ImportsAsync(ct))
            .Select(i => new RegisterImportDto(i.Id, i.FileName, i.Sha256, i.AsOf, i.Complete, i.Rows, i.Accepted, i.Unchanged, i.RejectedRows, i.RejectedByCode, i.RegisterCount))
            .ToList());
}
