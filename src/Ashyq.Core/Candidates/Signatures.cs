using Ashyq.Core.Register;

namespace Ashyq.Core.Candidates;

/// <summary>A line of a signature sheet as submitted.</summary>
public sealed record SignatureLine(string SheetId, int Line, string SignerIin, string Surname, string GivenName, string Patronymic, DateOnly? BirthDate, string Address, DateOnly? SignedOn, string Collector);

/// <summary>A voter as the register held them on the signing date.</summary>
public sealed record RegisteredSigner(Iin Iin, string Surname, string GivenName, string Patronymic, DateOnly BirthDate, string TerritorialUnit, bool OnSpecialList, bool Deceased);

/// <summary>A rejected signature's reason: a code and the sentence the verification protocol prints.</summary>
public sealed record Rejection(string SheetId, int Line, string Code, string Message);

/// <summary>A pattern worth a look at the verification session; flagged, never rejected by itself.</summary>
public sealed record Flag(string SheetId, int Line, string Pattern);

public sealed record VerificationResult(IReadOnlyList<(SignatureLine Line, string Unit)> Valid, IReadOnlyList<Rejection> Rejected, IReadOnlyList<Flag> Flagged);

/// <summary>
/// Verifies support signatures against the register as it stood on each signing date. Every rejected signature
/// gets a reason code and a sentence; suspicious patterns are flagged for the commission, not rejected:
/// long runs by one collector, identical dates and addresses, signers on special lists or deceased.
/// </summary>
public static class SignatureVerification
{
    public const string InvalidIin = "SIG.IIN-INVALID";
    public const string NotAVoter = "SIG.NOT-A-VOTER";
    public const string NameMismatch = "SIG.NAME-MISMATCH";
    public const string BirthDateMismatch = "SIG.BIRTHDATE-MISMATCH";
    public const string OutsidePeriod = "SIG.OUTSIDE-PERIOD";
    public const string Duplicate = "SIG.DUPLICATE";
    public const string Incomplete = "SIG.INCOMPLETE";

    public static VerificationResult Verify(
        IEnumerable<SignatureLine> lines,
        Func<Iin, DateOnly, RegisteredSigner?> registerOn,
        DateOnly collectionFrom,
        DateOnly collectionTo,
        int collectorRunFlag = 30)
    {
        var valid = new List<(SignatureLine, string)>();
        var rejected = new List<Rejection>();
        var flagged = new List<Flag>();
        var seen = new Dictionary<Iin, (string Sheet, int Line, DateOnly On)>();
        var ordered = lines.OrderBy(l => l.SignedOn ?? DateOnly.MaxValue).ThenBy(l => l.SheetId, StringComparer.Ordinal).ThenBy(l => l.Line).ToList();

        foreach (var line in ordered)
        {
            void Reject(string code, string message) => rejected.Add(new Rejection(line.SheetId, line.Line, code, message));

            if (string.IsNullOrWhiteSpace(line.Surname) || string.IsNullOrWhiteSpace(line.GivenName) || line.BirthDate is null
                || string.IsNullOrWhiteSpace(line.Address) || line.SignedOn is null)
            {
                Reject(Incomplete, "A field of the line is empty (name, birth date, address or date of signing).");
                continue;
            }

            if (!Iin.TryParse(line.SignerIin, out var iin, out var problem))
            {
                Reject(InvalidIin, $"The IIN is not valid: {problem}.");
                continue;
            }

            var signedOn = line.SignedOn.Value;
            if (signedOn < collectionFrom || signedOn > collectionTo)
            {
                Reject(OutsidePeriod, $"Signed on {signedOn:yyyy-MM-dd}, outside the collection period {collectionFrom:yyyy-MM-dd}–{collectionTo:yyyy-MM-dd}.");
                continue;
            }

            var voter = registerOn(iin, signedOn);
            if (voter is null)
            {
                Reject(NotAVoter, $"No voter with this IIN was on the register on {signedOn:yyyy-MM-dd}.");
                continue;
            }

            if (!SameName(voter, line))
            {
                Reject(NameMismatch, "The name on the sheet is not the name on the register.");
                continue;
            }

            if (voter.BirthDate != line.BirthDate)
            {
                Reject(BirthDateMismatch, $"The birth date on the sheet ({line.BirthDate:yyyy-MM-dd}) is not the register's.");
                continue;
            }

            if (seen.TryGetValue(iin, out var first))
            {
                Reject(Duplicate, $"The voter already signed for this nominee (sheet {first.Sheet}, line {first.Line}); the later signature is not counted.");
                continue;
            }

            seen[iin] = (line.SheetId, line.Line, signedOn);
            valid.Add((line, voter.TerritorialUnit));
            if (voter.Deceased)
            {
                flagged.Add(new Flag(line.SheetId, line.Line, "signer-deceased"));
            }

            if (voter.OnSpecialList)
            {
                flagged.Add(new Flag(line.SheetId, line.Line, "signer-on-special-list"));
            }
        }

        // Identical date and address on several lines of one sheet.
        foreach (var group in ordered.Where(l => l.SignedOn is not null).GroupBy(l => (l.SheetId, l.SignedOn, Address: Normalize(l.Address))).Where(g => g.Count() > 1))
        {
            flagged.AddRange(group.Select(l => new Flag(l.SheetId, l.Line, "identical-date-and-address")));
        }

        // Long unbroken runs of one collector on one day.
        foreach (var group in ordered.Where(l => l.SignedOn is not null).GroupBy(l => (l.Collector, l.SignedOn)).Where(g => g.Count() >= collectorRunFlag))
        {
            flagged.AddRange(group.Select(l => new Flag(l.SheetId, l.Line, "collector-run")));
        }

        return new VerificationResult(valid, rejected, flagged);
    }

    private static bool SameName(RegisteredSigner voter, SignatureLine line) =>
        Normalize(voter.Surname) == Normalize(line.Surname) && Normalize(voter.GivenName) == Normalize(line.GivenName)
        && (string.IsNullOrWhiteSpace(line.Patronymic) || Normalize(voter.Patronymic) == Normalize(line.Patronymic));

    private static string Normalize(string text) => string.Join(' ', text.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace('Ё', 'Е');
}
