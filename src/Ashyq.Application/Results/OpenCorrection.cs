using Ashyq.Application.Pipeline;
using Ashyq.Core.Results;

namespace Ashyq.Application.Results;

/// <summary>
/// The superior commission opens version n+1 of an accepted protocol, citing the decision of its own that allows the
/// correction (by number and date) and the reason; the decision must exist, be adopted and bear that date.
/// </summary>
public sealed record OpenCorrection(string Precinct, string DecisionNumber, DateOnly DecisionDate, string Reason) : IAction<ProtocolStep>, IPrecinctAction;

internal sealed class OpenCorrectionHandler : IActionHandler<OpenCorrection, ProtocolStep>
{
    public Task<Target> TargetAsync(OpenCorrection action, ActionContext context, CancellationToken ct) => PrecinctTarget.OfAsync(action.Precinct, context, ct);

    public async Task<ProtocolStep> HandleAsync(OpenCorrection action, ActionContext context, CancellationToken ct)
    {
        var superior = context.Target.Superior!;
        var version = await context.Results.StartCorrectionAsync(action.Precinct, new DecisionReference(superior, action.DecisionNumber, action.DecisionDate, action.Reason), ct);
        return new ProtocolStep(action.Precinct, version.Number, version.State, []);
    }
}
