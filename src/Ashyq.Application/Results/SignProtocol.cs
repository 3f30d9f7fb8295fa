using System.Globalization;
using Ashyq.Application.Pipeline;
using Ashyq.Core.Commissions;
using Ashyq.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Application.Results;

/// <summary>
/// The members of the precinct commission sign its protocol (by their ids), with a dissenting opinion if any; only
/// members of that commission sign, and the definition's signing rule decides whether enough have.
/// </summary>
public sealed record SignProtocol(string Precinct, IReadOnlyList<string> Signers, string? DissentingOpinion) : IAction<ProtocolStep>, IPrecinctAction;

internal sealed class SignProtocolHandler : PrecinctStepHandler<SignProtocol>
{
    protected override async Task<object?> PrepareAsync(SignProtocol action, ActionContext context, CancellationToken ct)
    {
        var db = context.Db;
        var members = await db.Members.AsNoTracking()
            .Where(m => db.Commissions.Any(c => c.Id == m.CommissionId && c.Code == action.Precinct))
            .Select(m => new { m.Id, m.Role, m.IsVoting }).ToListAsync(ct);
        var byId = members.ToDictionary(m => m.Id.ToString(CultureInfo.InvariantCulture));
        var unknown = action.Signers.Where(s => !byId.ContainsKey(s)).Distinct().Count();
        if (unknown > 0)
        {
            throw new RuleViolation("SIGN.NOT-A-MEMBER", $"Only members of {action.Precinct} sign its protocol; {unknown} signer(s) are not.");
        }

        return (IReadOnlyList<SigningMember>)[.. action.Signers.Distinct().Select(s => byId[s])
            .Select(m => new SigningMember(m.Id.ToString(CultureInfo.InvariantCulture), Enum.Parse<MemberRole>(m.Role), m.IsVoting))];
    }

    protected override IReadOnlyList<ControlRelation> Step(SignProtocol action, object? prepared, ProtocolVersion version, ActionContext context, DateTimeOffset at)
    {
        version.Sign(SigningRule.For(context.Definition), (IReadOnlyList<SigningMember>)prepared!, action.DissentingOpinion, context.Caller.Actor, at);
        return [];
    }
}
