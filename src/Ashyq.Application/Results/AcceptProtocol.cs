using Ashyq.Application.Pipeline;
using Ashyq.Core.Results;

namespace Ashyq.Application.Results;

/// <summary>
/// The superior commission accepts a submitted protocol: from then on the version never changes, its values are added
/// to the running totals of every commission above the precinct, and it is published in the transparency log — all
/// in the one transaction.
/// </summary>
public sealed record AcceptProtocol(string Precinct) : IAction<ProtocolStep>, IPrecinctAction;

internal sealed class AcceptProtocolHandler : PrecinctStepHandler<AcceptProtocol>
{
    protected override IReadOnlyList<ControlRelation> Step(AcceptProtocol action, object? prepared, ProtocolVersion version, ActionContext context, DateTimeOffset at)
    {
        version.Accept(context.Caller.Actor, at);
        return [];
    }
}
