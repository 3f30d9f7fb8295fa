using Ashyq.Application.Results;
using Ashyq.Core.Commissions;

namespace Ashyq.Application.Pipeline;

/// <summary>Where the caller's commission must stand to the commission an action is taken on.</summary>
public enum Reach
{
    /// <summary>The caller's own commission.</summary>
    Own,

    /// <summary>The commission directly above it.</summary>
    Superior,

    /// <summary>Either (operators of a district may type a precinct's protocol, marked as entered there).</summary>
    OwnOrSuperior,
}

/// <summary>Which roles may take an action, and where.</summary>
public sealed record Permission(IReadOnlySet<AccountRole> Roles, Reach Reach);

/// <summary>
/// Who may do what, in one table for every action of the system: the pipeline checks it before an action runs, the
/// screens ask it to decide which buttons to show. An action without a row is refused to everyone.
/// </summary>
public static class Authorization
{
    private static readonly HashSet<AccountRole> Operators = [AccountRole.Operator];
    private static readonly HashSet<AccountRole> Certifiers = [AccountRole.Chair, AccountRole.Secretary];
    private static readonly HashSet<AccountRole> Members = [AccountRole.Member, AccountRole.Secretary, AccountRole.Chair];

    public static IReadOnlyDictionary<Type, Permission> Table { get; } = new Dictionary<Type, Permission>
    {
        [typeof(EnterProtocol)] = new(Operators, Reach.OwnOrSuperior),
        [typeof(ResolveEntries)] = new(Certifiers, Reach.Own),
        [typeof(AcknowledgeWarning)] = new(Certifiers, Reach.Own),
        [typeof(SignProtocol)] = new(Certifiers, Reach.Own),
        [typeof(SubmitProtocol)] = new(Certifiers, Reach.Own),
        [typeof(AcceptProtocol)] = new(Members, Reach.Superior),
        [typeof(ReturnProtocol)] = new(Members, Reach.Superior),
        [typeof(OpenCorrection)] = new(Certifiers, Reach.Superior),
        [typeof(AdoptResultsProtocol)] = new(Certifiers, Reach.Own),
    };

    public static bool Allows(Type action, Caller caller, Target target) =>
        Table.TryGetValue(action, out var permission)
        && permission.Roles.Contains(caller.Role)
        && permission.Reach switch
        {
            Reach.Own => caller.Commission == target.Commission,
            Reach.Superior => target.Superior is not null && caller.Commission == target.Superior,
            Reach.OwnOrSuperior => caller.Commission == target.Commission || (target.Superior is not null && caller.Commission == target.Superior),
            _ => false,
        };

    /// <inheritdoc cref="Allows(Type, Caller, Target)"/>
    public static bool Allows<TAction>(Caller caller, Target target) => Allows(typeof(TAction), caller, target);
}
