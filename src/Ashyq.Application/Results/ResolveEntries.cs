using Ashyq.Application.Pipeline;
using Ashyq.Core.Results;

namespace Ashyq.Application.Results;

/// <summary>The precinct commission's chair settles two differing entries against the paper protocol.</summary>
public sealed record ResolveEntries(string Precinct, Resolution Resolution) : IAction<ProtocolStep>, IPrecinctAction;

internal sealed class ResolveEntriesHandler : PrecinctStepHandler<ResolveEntries>
{
    protected override IReadOnlyList<ControlRelation> Step(ResolveEntries action, object? prepared, ProtocolVersion version, ActionContext context, DateTimeOffset at)
    {
        version.Resolve(context.Caller.Actor, action.Resolution, at);
        return [];
    }
}
