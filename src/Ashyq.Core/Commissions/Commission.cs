using Ashyq.Core.Elections;
using Ashyq.Core.Register;

namespace Ashyq.Core.Commissions;

/// <summary>
/// The code of a commission: unique in the election, the code users and files refer to (<c>CEC</c>,
/// <c>TEC-01</c>, <c>DEC-017</c>, <c>PEC-0042</c>).
/// </summary>
public readonly record struct CommissionCode
{
    public CommissionCode(string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 40 || value.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"\"{value}\" is not a commission code: 1–40 characters without spaces.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}

/// <summary>An election commission at one level of the hierarchy, with its place in it.</summary>
public sealed record Commission
{
    public required CommissionCode Code { get; init; }

    public required string Level { get; init; }

    public CommissionCode? Parent { get; init; }

    /// <summary>The commission's number within its level (1-based), as printed on its seal.</summary>
    public required int Number { get; init; }

    public required LocalizedText Name { get; init; }

    public required string Address { get; init; }

    /// <summary>For a special polling station: hospital, military unit, abroad …; null for an ordinary one.</summary>
    public string? SpecialKind { get; init; }

    public bool IsSpecial => SpecialKind is not null;
}

public enum MemberRole
{
    Chair,
    DeputyChair,
    Secretary,
    Member,
}

/// <summary>A member of a commission: who they are, who nominated and who appointed them, their role and term.</summary>
public sealed record Member
{
    public required CommissionCode Commission { get; init; }

    public required Iin Iin { get; init; }

    public required string FullName { get; init; }

    public required Gender Gender { get; init; }

    public required string Ethnicity { get; init; }

    /// <summary>The organization that nominated the member (a party, a public association, or the appointing state body).</summary>
    public required string NominatedBy { get; init; }

    /// <summary>The body that appointed the member: the President, the Senate, the Mazhilis, a maslikhat.</summary>
    public required string AppointedBy { get; init; }

    public required MemberRole Role { get; init; }

    /// <summary>False for a consultative member (a party's representative without a vote).</summary>
    public required bool IsVoting { get; init; }

    public required DateOnly TermStart { get; init; }

    public required DateOnly TermEnd { get; init; }
}
