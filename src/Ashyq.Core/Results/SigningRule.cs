using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;

namespace Ashyq.Core.Results;

/// <summary>A member of the precinct commission who signs the protocol.</summary>
public sealed record SigningMember(string Id, MemberRole Role, bool IsVoting);

/// <summary>
/// Who must sign a results protocol: at least a share of the commission's total membership (a parameter of the
/// definition; the law's number is unverified), the chair among them or, in the chair's absence, one of the
/// stand-ins the definition names (the law, art. 44.3: the deputy or the secretary).
/// </summary>
public sealed record SigningRule(Fraction MinimumShare, int CommissionSize, IReadOnlyList<MemberRole> ChairOrStandIn)
{
    public static SigningRule For(ElectionDefinition definition) =>
        new(
            definition.Protocol.Signing.MinimumShare,
            definition.PrecinctLevel.CommissionSize,
            [.. definition.Protocol.Signing.ChairOrStandIn.Select(r => Enum.Parse<MemberRole>(r, ignoreCase: true))]);

    public int MinimumSignatures => (int)MinimumShare.SmallestReaching(CommissionSize);

    public void Check(IReadOnlyList<SigningMember> signers)
    {
        var distinct = signers.DistinctBy(s => s.Id).Where(s => s.IsVoting).ToList();
        if (distinct.Count < MinimumSignatures)
        {
            throw new SigningBlocked($"The protocol needs the signatures of at least {MinimumSignatures} of the {CommissionSize} members; {distinct.Count} signed.");
        }

        if (!distinct.Any(s => ChairOrStandIn.Contains(s.Role)))
        {
            throw new SigningBlocked($"The protocol is signed by the chair or, in the chair's absence, by the {string.Join(" or ", ChairOrStandIn.Skip(1).Select(r => r.ToString().ToLowerInvariant()))}.");
        }
    }
}
