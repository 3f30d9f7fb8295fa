namespace Ashyq.Application.Pipeline;

/// <summary>An action the system takes for a caller, yielding <typeparamref name="TResult"/>; one file each, run by <see cref="Actions"/>.</summary>
public interface IAction<TResult>;

/// <summary>
/// What an action does, in the three parts the pipeline runs in order: the commission it concerns (to authorize),
/// then, in the pipeline's transaction, the work itself.
/// </summary>
public interface IActionHandler<in TAction, TResult>
    where TAction : IAction<TResult>
{
    /// <summary>The commission the action is taken on, and its superior: what the authorization table is checked against.</summary>
    Task<Target> TargetAsync(TAction action, ActionContext context, CancellationToken ct);

    /// <summary>The work, inside the pipeline's transaction; a <see cref="Ashyq.Core.Results.RuleViolation"/> refuses it and undoes it.</summary>
    Task<TResult> HandleAsync(TAction action, ActionContext context, CancellationToken ct);
}

/// <summary>The commission an action is taken on and the commission directly above it (none for the top one).</summary>
public sealed record Target(string Commission, string? Superior);
