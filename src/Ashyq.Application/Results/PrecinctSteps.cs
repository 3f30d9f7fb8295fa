using Ashyq.Application.Pipeline;
using Ashyq.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Application.Results;

/// <summary>What a step on a precinct's protocol did: the version, the state it is now in, the relations its values break.</summary>
public sealed record ProtocolStep(string Precinct, int Version, ProtocolState State, IReadOnlyList<ControlRelation> Broken);

/// <summary>An action on one precinct's protocol.</summary>
public interface IPrecinctAction
{
    string Precinct { get; }
}

/// <summary>
/// What every step on a precinct's protocol shares: the precinct it names must be a precinct commission (a commission
/// with a superior and no commissions under it), and the step is applied to its latest version through the results
/// store, inside the pipeline's transaction.
/// </summary>
public abstract class PrecinctStepHandler<TAction> : IActionHandler<TAction, ProtocolStep>
    where TAction : IPrecinctAction, IAction<ProtocolStep>
{
    public Task<Target> TargetAsync(TAction action, ActionContext context, CancellationToken ct) => PrecinctTarget.OfAsync(action.Precinct, context, ct);

    public async Task<ProtocolStep> HandleAsync(TAction action, ActionContext context, CancellationToken ct)
    {
        var prepared = await PrepareAsync(action, context, ct);
        var (broken, number, state) = await context.Results.ActAsync(
            action.Precinct, (version, at) => (Step(action, prepared, version, context, at), version.Number, version.State), ct);
        return new ProtocolStep(action.Precinct, number, state, broken);
    }

    /// <summary>What the step needs from the store before it runs (members who sign, …); nothing by default.</summary>
    protected virtual Task<object?> PrepareAsync(TAction action, ActionContext context, CancellationToken ct) => Task.FromResult<object?>(null);

    /// <summary>The step on the Core aggregate, which enforces the protocol's own rules; returns the relations broken.</summary>
    protected abstract IReadOnlyList<ControlRelation> Step(TAction action, object? prepared, ProtocolVersion version, ActionContext context, DateTimeOffset at);
}

/// <summary>The precinct an action names, with its superior, or a refusal naming the code.</summary>
public static class PrecinctTarget
{
    public static async Task<Target> OfAsync(string precinct, ActionContext context, CancellationToken ct)
    {
        var db = context.Db;
        var row = await db.Commissions.AsNoTracking().Where(c => c.Code == precinct && c.Parent != null)
            .Select(c => new { Superior = c.Parent!.Code, HasChildren = db.Commissions.Any(x => x.ParentId == c.Id) })
            .FirstOrDefaultAsync(ct);
        return row is null || row.HasChildren ? throw new UnknownCommission(precinct, "precinct") : new Target(precinct, row.Superior);
    }
}
