using System.Security.Claims;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Storage;
using Ashyq.Storage.Nomination;
using Ashyq.Web.Accounts;
using Ashyq.Web.Election;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Nomination;

/// <summary>The nomination services of the loaded election, for one request.</summary>
public sealed class NominationContext(AshyqDbContext db, ElectionDefinition definition, TimeProvider time)
{
    public ElectionDefinition Definition { get; } = definition;

    public NominationStore Files => new(db, Definition, time);

    public ProxyStore Proxies => new(db, Definition, time);

    public VerificationService Verification => new(db, Definition, time, new StoredSignatureTally(db, Definition, time));

    public RegistrationService Registration => new(db, Definition, time, new StoredSignatureTally(db, Definition, time));

    public Storage.Signatures.SignatureStore Signatures => new(db, Definition, time);

    public string UnitLevel => Territory.UnitLevel(Definition);

    public static async Task<NominationContext?> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var election = await services.GetRequiredService<ElectionCatalog>().ElectionAsync(ct);
        return election is null ? null : new NominationContext(services.GetRequiredService<AshyqDbContext>(), election.Definition, services.GetRequiredService<TimeProvider>());
    }

    /// <summary>
    /// Which rejected signatures an account may download: every one for the CEC's staff ("" = all, or the TEC
    /// asked for), its own territory's for a territorial commission's staff; null when none (observers, others).
    /// </summary>
    public static string? RejectionsScope(ClaimsPrincipal user, string? tec, string unitLevel)
    {
        if (AshyqClaims.RoleOf(user) is not (AccountRole.Chair or AccountRole.Secretary or AccountRole.Member or AccountRole.Operator) || AshyqClaims.CommissionOf(user) is not { } commission)
        {
            return null;
        }

        if (commission == RegistrationService.Commission)
        {
            return tec ?? "";
        }

        return commission.StartsWith(unitLevel + "-", StringComparison.Ordinal) && (tec is null || tec == commission) ? commission : null;
    }

    /// <summary>The nominee's file as published: nothing personal beyond what the law publishes (no IIN, no contact).</summary>
    public async Task<NomineeFileDto?> PublicFileAsync(int number, CancellationToken ct)
    {
        var dossier = await Files.DossierAsync(number, ct);
        if (dossier is null)
        {
            return null;
        }

        var verifications = await Verification.ForNomineeAsync(number, ct);
        var test = dossier.LanguageTest;
        return new NomineeFileDto(
            NominationApi.Dto(dossier.Nominee),
            dossier.File?.Kind,
            dossier.File?.Organization,
            dossier.File?.NominatedOn,
            dossier.File?.BirthPlace,
            dossier.File is null ? null : dossier.AgeOnVotingDay,
            dossier.Deadlines,
            [.. dossier.Eligibility.Select(r => new RequirementDto(r.Code, r.Met, r.Evidence, r.Deadline))],
            [.. dossier.Documents.Select(d => new DocumentDto(d.Kind, d.Title, d.ReceivedOn))],
            test is null ? null : new LanguageTestDto(test.CriteriaPublishedOn, test.MaximumErrors, test.Categories, test.TakenOn, test.Text,
                [.. test.Examinations.Select(e => new ExaminationDto(e.Sequence, e.Stage, e.Body, e.ConcludedOn, e.Conclusion, e.Result.Errors, e.Result.MaximumErrors, e.Result.Passed, e.Result.ConclusionFollowsCriteria, e.ErrorsByCategory,
                    [.. e.Errors.Select(x => new LanguageErrorDto(x.Category, x.Position, x.Length, x.Examiner))]))]),
            [.. verifications.Select(v => new VerificationDto(v.Commission, v.ScheduledAt, v.Place,
                [.. v.Notices.Select(x => new NoticeDto(x.Recipient, x.Role, x.Channel, x.SentAt, x.Attended))],
                [.. v.NoticeChecks.Select(r => new RequirementDto(r.Code, r.Met, r.Evidence, r.Deadline))], v.DecisionNumber is null ? null : $"{v.Commission}/{v.DecisionNumber}", v.LogIndex, v.ProtocolJson))],
            await Registration.OutcomeAsync(number, ct));
    }
}
