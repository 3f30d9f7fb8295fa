namespace Ashyq.Core.Results;

/// <summary>
/// A step the law or the entry procedure does not allow, refused with a stable code. The message is for the
/// user; the code is for programs and for the audit trail.
/// </summary>
public class RuleViolation(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

public sealed class SecondEntryNeedsDifferentUser(string user)
    : RuleViolation("ENTRY.SECOND-NEEDS-DIFFERENT-USER", $"The second entry must be made by another operator than {user}, who made the first.");

public sealed class WrongEntryState(string action, ProtocolState state)
    : RuleViolation("ENTRY.WRONG-STATE", $"Cannot {action} while the protocol is {state}.")
{
    public ProtocolState State { get; } = state;
}

public sealed class NotTheEntrysOperator(string user)
    : RuleViolation("ENTRY.NOT-THE-OPERATOR", $"This entry belongs to another operator; {user} cannot change it.");

public sealed class WrongNumberOfValues(int expected, int given)
    : RuleViolation("ENTRY.VALUE-COUNT", $"The protocol has {expected} lines; {given} values were given.");

public sealed class NegativeValue(string line)
    : RuleViolation("ENTRY.NEGATIVE", $"Line {line} cannot be negative.");

public sealed class SigningBlocked(string reason)
    : RuleViolation("SIGN.BLOCKED", reason);

public sealed class CorrectionNeedsDecision()
    : RuleViolation("VERSION.CORRECTION-NEEDS-DECISION", "A correction of an accepted protocol needs a decision of the competent commission, with its reason.");

public sealed class AcceptedVersionIsImmutable(int version)
    : RuleViolation("VERSION.IMMUTABLE", $"Version {version} is accepted and cannot change; a correction is a new version citing a decision.");
