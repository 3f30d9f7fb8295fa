using Ashyq.Core.Elections;
using Ashyq.Core.Register;

namespace Ashyq.Core.Candidates;

/// <summary>A line of a signature sheet as submitted.</summary>
public sealed record SignatureLine(string SheetId, int Line, string SignerIin, string Surname, string GivenName, string Patronymic, DateOnly? BirthDate, string Address, DateOnly? SignedOn, string Collector);

/// <summary>
/// A voter as the register held them on the signing date: the territorial unit (its TEC's code) of the list they
/// were on, whether that list was a special station's, and whether a death had been recorded by then.
/// </summary>
public sealed record RegisteredSigner(Iin Iin, string Surname, string GivenName, string Patronymic, DateOnly BirthDate, string TerritorialUnit, bool OnSpecialList, bool Deceased);

/// <summary>
/// A rejected signature's reason: a code and the sentence the verification protocol prints (<see cref="Message"/>
/// in English; <see cref="Reason"/> in kk, ru and en).
/// </summary>
public sealed record Rejection(string SheetId, int Line, string Code, string Message)
{
    public LocalizedText Reason { get; init; } = LocalizedText.Same(Message);
}

/// <summary>A pattern worth a look at the verification session; flagged, never rejected by itself.</summary>
public sealed record Flag(string SheetId, int Line, string Pattern);

/// <summary>
/// What became of one line: counted (<see cref="Rejection"/> null) or rejected, the territorial unit of the signer
/// where the register knows them, and the patterns flagged on it.
/// </summary>
public sealed record SignatureOutcome(SignatureLine Line, Iin? Signer, string? Unit, Rejection? Rejection, IReadOnlyList<string> Flags)
{
    public bool Valid => Rejection is null;
}

public sealed record VerificationResult(IReadOnlyList<SignatureOutcome> Outcomes)
{
    public IReadOnlyList<(SignatureLine Line, string Unit)> Valid => [.. Outcomes.Where(o => o.Valid).Select(o => (o.Line, o.Unit!))];

    public IReadOnlyList<Rejection> Rejected => [.. Outcomes.Where(o => !o.Valid).Select(o => o.Rejection!)];

    public IReadOnlyList<Flag> Flagged => [.. Outcomes.SelectMany(o => o.Flags.Select(p => new Flag(o.Line.SheetId, o.Line.Line, p)))];
}

/// <summary>An earlier counted signature of the same voter for the same nominee (from a batch verified before).</summary>
public sealed record CountedSignature(string SheetId, int Line);

/// <summary>
/// Verifies support signatures against the register as it stood on each signing date. Lines are taken in the
/// order they were signed (date, then sheet, then line), so of two signatures by one voter the later is the one
/// rejected. Each line is checked in this order and rejected on the first failure, with a reason code and a
/// sentence in kk, ru and en:
/// <list type="number">
/// <item><see cref="Incomplete"/>: a field the sheet must carry is empty or unreadable (surname, given name, birth
/// date, address, date of signing, collector);</item>
/// <item><see cref="InvalidIin"/>: the IIN is not 12 digits with a real birth date and check digit;</item>
/// <item><see cref="OutsidePeriod"/>: signed before or after the nominee's collection period;</item>
/// <item><see cref="NotAVoter"/>: no voter with that IIN was on the register on the signing date (never, or only
/// later);</item>
/// <item><see cref="NameMismatch"/>: surname, given name or (where written) patronymic differ from the register's,
/// compared in <see cref="NameFolding.ComparisonForm"/> so Kazakh and Russian spellings of one name agree;</item>
/// <item><see cref="BirthDateMismatch"/>: the birth date differs from the register's;</item>
/// <item><see cref="Duplicate"/>: the voter already signed for this nominee (here or in a batch verified before).</item>
/// </list>
/// Patterns are flagged for the verification session, not rejected: <see cref="CollectorRun"/> (one collector
/// with at least <c>collectorRunFlag</c> lines on one day — more than one hand fills in a day),
/// <see cref="SameDateAndAddress"/> (several lines of one sheet with the same date and address, compared in
/// <see cref="NameFolding.AddressForm"/>), and on counted lines <see cref="SignerDeceased"/> and
/// <see cref="SignerOnSpecialList"/> (the signer's death recorded, or the signer on a special station's list, by
/// the signing date).
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

    public const string CollectorRun = "collector-run";
    public const string SameDateAndAddress = "identical-date-and-address";
    public const string SignerDeceased = "signer-deceased";
    public const string SignerOnSpecialList = "signer-on-special-list";

    /// <summary>Every rejection code, in the order the checks run.</summary>
    public static IReadOnlyList<string> Codes { get; } = [Incomplete, InvalidIin, OutsidePeriod, NotAVoter, NameMismatch, BirthDateMismatch, Duplicate];

    /// <summary>Every flagged pattern.</summary>
    public static IReadOnlyList<string> Patterns { get; } = [CollectorRun, SameDateAndAddress, SignerDeceased, SignerOnSpecialList];

    public const int DefaultCollectorRun = 30;

    public static VerificationResult Verify(
        IEnumerable<SignatureLine> lines,
        Func<Iin, DateOnly, RegisteredSigner?> registerOn,
        DateOnly collectionFrom,
        DateOnly collectionTo,
        int collectorRunFlag = DefaultCollectorRun,
        IReadOnlyDictionary<Iin, CountedSignature>? countedBefore = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(registerOn);
        var ordered = lines.OrderBy(l => l.SignedOn ?? DateOnly.MaxValue).ThenBy(l => l.SheetId, StringComparer.Ordinal).ThenBy(l => l.Line).ToList();
        var seen = new Dictionary<Iin, CountedSignature>();
        var outcomes = new SignatureOutcome[ordered.Count];
        var flags = new List<string>?[ordered.Count];

        for (var i = 0; i < ordered.Count; i++)
        {
            var line = ordered[i];
            Iin? signer = null;
            string? unit = null;
            Rejection? Reject(string code, LocalizedText reason) => new(line.SheetId, line.Line, code, reason.En) { Reason = reason };

            var rejection = Check();
            outcomes[i] = new SignatureOutcome(line, signer, unit, rejection, []);
            if (rejection is null && signer is { } counted)
            {
                seen[counted] = new CountedSignature(line.SheetId, line.Line);
            }

            Rejection? Check()
            {
                var missing = Missing(line);
                if (missing.Count > 0)
                {
                    return Reject(Incomplete, SignatureMessages.Incomplete(missing));
                }

                if (!Iin.TryParse(line.SignerIin.Trim(), out var iin, out var problem))
                {
                    return Reject(InvalidIin, SignatureMessages.InvalidIin(problem));
                }

                signer = iin;
                var signedOn = line.SignedOn!.Value;
                if (signedOn < collectionFrom || signedOn > collectionTo)
                {
                    return Reject(OutsidePeriod, SignatureMessages.OutsidePeriod(signedOn, collectionFrom, collectionTo));
                }

                var voter = registerOn(iin, signedOn);
                if (voter is null)
                {
                    return Reject(NotAVoter, SignatureMessages.NotAVoter(signedOn));
                }

                unit = voter.TerritorialUnit;
                if (!SameName(voter, line))
                {
                    return Reject(NameMismatch, SignatureMessages.NameMismatch);
                }

                if (voter.BirthDate != line.BirthDate)
                {
                    return Reject(BirthDateMismatch, SignatureMessages.BirthDateMismatch(line.BirthDate!.Value));
                }

                if (seen.TryGetValue(iin, out var first) || countedBefore?.TryGetValue(iin, out first) == true)
                {
                    return Reject(Duplicate, SignatureMessages.Duplicate(first!.SheetId, first.Line));
                }

                if (voter.Deceased)
                {
                    (flags[i] ??= []).Add(SignerDeceased);
                }

                if (voter.OnSpecialList)
                {
                    (flags[i] ??= []).Add(SignerOnSpecialList);
                }

                return null;
            }
        }

        var dated = Enumerable.Range(0, ordered.Count).Where(i => ordered[i].SignedOn is not null).ToList();

        // Identical date and address on several lines of one sheet.
        foreach (var group in dated.GroupBy(i => (ordered[i].SheetId, ordered[i].SignedOn, Address: NameFolding.AddressForm(ordered[i].Address))).Where(g => g.Key.Address.Length > 0 && g.Count() > 1))
        {
            foreach (var i in group)
            {
                (flags[i] ??= []).Add(SameDateAndAddress);
            }
        }

        // More lines by one collector on one day than one hand fills in.
        foreach (var group in dated.GroupBy(i => (Collector: ordered[i].Collector.Trim(), ordered[i].SignedOn)).Where(g => g.Key.Collector.Length > 0 && g.Count() >= collectorRunFlag))
        {
            foreach (var i in group)
            {
                (flags[i] ??= []).Add(CollectorRun);
            }
        }

        for (var i = 0; i < outcomes.Length; i++)
        {
            if (flags[i] is { } f)
            {
                outcomes[i] = outcomes[i] with { Flags = f };
            }
        }

        return new VerificationResult(outcomes);
    }

    /// <summary>The fields a sheet's line must carry that this one leaves empty (or that could not be read).</summary>
    public static IReadOnlyList<string> Missing(SignatureLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var missing = new List<string>(0);
        if (string.IsNullOrWhiteSpace(line.SignerIin))
        {
            missing.Add(SignatureSheetCsv.SignerIin);
        }

        if (string.IsNullOrWhiteSpace(line.Surname))
        {
            missing.Add(SignatureSheetCsv.Surname);
        }

        if (string.IsNullOrWhiteSpace(line.GivenName))
        {
            missing.Add(SignatureSheetCsv.GivenName);
        }

        if (line.BirthDate is null)
        {
            missing.Add(SignatureSheetCsv.BirthDate);
        }

        if (string.IsNullOrWhiteSpace(line.Address))
        {
            missing.Add(SignatureSheetCsv.Address);
        }

        if (line.SignedOn is null)
        {
            missing.Add(SignatureSheetCsv.SignedOn);
        }

        if (string.IsNullOrWhiteSpace(line.Collector))
        {
            missing.Add(SignatureSheetCsv.Collector);
        }

        return missing;
    }

    /// <summary>Surname and given name, and the patronymic where the sheet gives one, are the register's (folded).</summary>
    public static bool SameName(RegisteredSigner voter, SignatureLine line)
    {
        ArgumentNullException.ThrowIfNull(voter);
        ArgumentNullException.ThrowIfNull(line);
        return Same(voter.Surname, line.Surname) && Same(voter.GivenName, line.GivenName)
            && (string.IsNullOrWhiteSpace(line.Patronymic) || Same(voter.Patronymic, line.Patronymic));
    }

    private static bool Same(string a, string b) => string.Equals(NameFolding.ComparisonForm(a), NameFolding.ComparisonForm(b), StringComparison.Ordinal);
}
