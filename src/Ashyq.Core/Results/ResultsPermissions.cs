using Ashyq.Core.Commissions;

namespace Ashyq.Core.Results;

/// <summary>The steps of the results chain that an account may be allowed to take.</summary>
public enum ResultsAction
{
    /// <summary>Type a first or second entry of a precinct's protocol.</summary>
    Enter,

    /// <summary>Settle differing entries, acknowledge warnings, sign and submit: the precinct commission's chair (or stand-in).</summary>
    Certify,

    /// <summary>Accept or return a submitted protocol: the superior commission.</summary>
    Accept,

    /// <summary>Open a correction citing a decision: the superior commission's chair or secretary.</summary>
    Correct,
}

/// <summary>
/// Who may do what to a precinct's protocol, by the account's commission and role. Typing is allowed to the
/// precinct's own operators and, as the law's practice has it, to the superior commission's — but such an entry
/// is marked "entered at the superior commission" for everyone to see.
/// </summary>
public static class ResultsPermissions
{
    public static bool Allows(ResultsAction action, AccountRole role, string accountCommission, string precinct, string superior) => action switch
    {
        ResultsAction.Enter => role is AccountRole.Operator && (accountCommission == precinct || accountCommission == superior),
        ResultsAction.Certify => role is AccountRole.Chair or AccountRole.Secretary && accountCommission == precinct,
        ResultsAction.Accept => role is AccountRole.Member or AccountRole.Secretary or AccountRole.Chair && accountCommission == superior,
        ResultsAction.Correct => role is AccountRole.Chair or AccountRole.Secretary && accountCommission == superior,
        _ => false,
    };
}
