using Ashyq.Core.Results;

namespace Ashyq.Application.Pipeline;

/// <summary>The caller's account may not take this action on this commission (the authorization table says no).</summary>
public sealed class AccessDenied(string action, string commission)
    : RuleViolation("AUTH.FORBIDDEN", $"This account may not {action} for {commission}.")
{
    public string Action { get; } = action;

    public string Commission { get; } = commission;
}

/// <summary>The store holds no election yet: nothing can be acted on.</summary>
public sealed class NoElection() : RuleViolation("ELECTION.NONE", "No election is loaded.");

/// <summary>The action names a commission the store does not have (or one of the wrong kind).</summary>
public sealed class UnknownCommission(string code, string kind)
    : RuleViolation(kind == "precinct" ? "RESULTS.UNKNOWN-PRECINCT" : "RESULTS.UNKNOWN-COMMISSION", $"No {kind} commission has the code \"{code}\".")
{
    public string CommissionCode { get; } = code;
}

/// <summary>Two callers changed the same record at the same moment: the later one is refused and may try again.</summary>
public sealed class ConcurrentChange() : RuleViolation("RESULTS.CONCURRENT-CHANGE", "Someone else changed this protocol at the same moment; reload and try again.");
