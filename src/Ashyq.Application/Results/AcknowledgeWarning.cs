using Ashyq.Application.Pipeline;
using Ashyq.Core.Results;

namespace Ashyq.Application.Results;

/// <summary>The chair acknowledges a warning the protocol's values raise, with a reason; it stays visible on the accepted version.</summary>
public sealed record AcknowledgeWarning(string Precinct, string Code, string Reason) : IAction<ProtocolStep>, IPrecinctAction;

internal sealed class AcknowledgeWarningHandler : PrecinctStepHandler<AcknowledgeWarning>
{
    protected override IReadOnlyList<ControlRelation> Step(AcknowledgeWarning action, object? prepared, ProtocolVersion version, ActionContext context, DateTimeOffset at)
    {
        version.Acknowledge(action.Code, action.Reason, context.Caller.Actor, at);
        return [];
    }
}
