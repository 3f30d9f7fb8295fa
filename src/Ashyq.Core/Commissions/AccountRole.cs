namespace Ashyq.Core.Commissions;

/// <summary>
/// What an account may do, always within one commission: an operator types protocols; members, the secretary
/// and the chair act for their commission; an observer only reads; the administrator manages accounts.
/// </summary>
public enum AccountRole
{
    Operator,
    Member,
    Secretary,
    Chair,
    Observer,
    Administrator,
}
