using Ashyq.Application.Pipeline;
using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Application.Results;

/// <summary>
/// A commission above the precincts puts its results protocol to the vote at one of its own sessions: refused until
/// every precinct under it is accepted and every commission under it has adopted its own as it stands. The decision's
/// text is the protocol; it is stored and published like every decision.
/// </summary>
public sealed record AdoptResultsProtocol(long Session, string Number, IReadOnlyDictionary<string, VoteChoice> Votes, IReadOnlyList<DissentingOpinion> DissentingOpinions)
    : IAction<StoredDecision>;

internal sealed class AdoptResultsProtocolHandler : IActionHandler<AdoptResultsProtocol, StoredDecision>
{
    public async Task<Target> TargetAsync(AdoptResultsProtocol action, ActionContext context, CancellationToken ct)
    {
        var db = context.Db;
        var held = await db.Sessions.AsNoTracking().Where(s => s.Id == action.Session)
            .Select(s => db.Commissions.Where(c => c.Id == s.CommissionId).Select(c => new { c.Code, Superior = c.Parent == null ? null : c.Parent.Code }).First())
            .FirstOrDefaultAsync(ct) ?? throw new Core.Results.RuleViolation("SESSION.UNKNOWN", $"No session {action.Session}.");
        return new Target(held.Code, held.Superior);
    }

    public Task<StoredDecision> HandleAsync(AdoptResultsProtocol action, ActionContext context, CancellationToken ct)
    {
        return context.Results.AdoptProtocolAsync(context.Target.Commission, action.Session, action.Number, action.Votes, action.DissentingOpinions, context.Caller.Actor, ct);
    }
}
