using Ashyq.Application.Pipeline;
using Ashyq.Core.Results;

namespace Ashyq.Application.Results;

/// <summary>The chair submits the signed protocol to the superior commission.</summary>
public sealed record SubmitProtocol(string Precinct) : IAction<ProtocolStep>, IPrecinctAction;

internal sealed class SubmitProtocolHandler : PrecinctStepHandler<SubmitProtocol>
{
    protected override IReadOnlyList<ControlRelation> Step(SubmitProtocol action, object? prepared, ProtocolVersion version, ActionContext context, DateTimeOffset at)
    {
        version.Submit(context.Caller.Actor, at);
        return [];
    }
}
