using Ashyq.Application.Pipeline;
using Ashyq.Core.Results;

namespace Ashyq.Application.Results;

/// <summary>The superior commission returns a submitted protocol to the precinct, with its reason.</summary>
public sealed record ReturnProtocol(string Precinct, string Reason) : IAction<ProtocolStep>, IPrecinctAction;

internal sealed class ReturnProtocolHandler : PrecinctStepHandler<ReturnProtocol>
{
    protected override IReadOnlyList<ControlRelation> Step(ReturnProtocol action, object? prepared, ProtocolVersion version, ActionContext context, DateTimeOffset at)
    {
        version.Return(context.Caller.Actor, action.Reason, at);
        return [];
    }
}
