using Ashyq.Core.Candidates;
using Ashyq.Core.Elections;
using Ashyq.Core.Register;

namespace Ashyq.Core.Tests.Signatures;

/// <summary>Each rejection reason and each flagged pattern of the verification, with its boundary.</summary>
public class SignatureVerificationTests
{
    private static readonly DateOnly From = new(2011, 2, 11);
    private static readonly DateOnly To = new(2011, 2, 20);
    private static readonly DateOnly Day = new(2011, 2, 15);

    private static Iin BornOn(DateOnly date, int serial = 0) => Enumerable.Range(serial, 40).Select(s => Iin.Compose(date, Gender.Male, s)).First(i => i is not null)!.Value;

    private static readonly Iin Voter = BornOn(new DateOnly(1970, 3, 4));

    /// <summary>A register of one voter (registered before nomination) plus any others given with their registration day.</summary>
    private sealed class Register
    {
        private readonly Dictionary<Iin, (RegisteredSigner Signer, DateOnly? On)> _voters = [];

        public Register() => Add(new RegisteredSigner(Voter, "Жақсылықов", "Марат", "Серікұлы", Voter.BirthDate, "TEC-01", false, false), null);

        public Register Add(RegisteredSigner signer, DateOnly? registeredOn)
        {
            _voters[signer.Iin] = (signer, registeredOn);
            return this;
        }

        public RegisteredSigner? On(Iin iin, DateOnly day) => _voters.TryGetValue(iin, out var v) && (v.On is null || v.On <= day) ? v.Signer : null;
    }

    private static SignatureLine Good(string sheet = "S1", int line = 1, DateOnly? on = null) =>
        new(sheet, line, Voter.ToString(), "Жақсылықов", "Марат", "Серікұлы", Voter.BirthDate, "Алматы қ., Абай көшесі, 1, 2", on ?? Day, "Collector 1");

    private static SignatureOutcome One(SignatureLine line, Register? register = null) =>
        SignatureVerification.Verify([line], (register ?? new Register()).On, From, To).Outcomes.Single();

    private static string? Code(SignatureLine line, Register? register = null) => One(line, register).Rejection?.Code;

    [Fact]
    public void AGoodLine_IsCounted_InTheSignersUnit()
    {
        var outcome = One(Good());
        Assert.True(outcome.Valid);
        Assert.Equal("TEC-01", outcome.Unit);
        Assert.Empty(outcome.Flags);
    }

    [Theory]
    [InlineData(SignatureSheetCsv.SignerIin)]
    [InlineData(SignatureSheetCsv.Surname)]
    [InlineData(SignatureSheetCsv.GivenName)]
    [InlineData(SignatureSheetCsv.BirthDate)]
    [InlineData(SignatureSheetCsv.Address)]
    [InlineData(SignatureSheetCsv.SignedOn)]
    [InlineData(SignatureSheetCsv.Collector)]
    public void AnEmptyField_MakesTheLineIncomplete_AndTheReasonNamesIt(string field)
    {
        var line = field switch
        {
            SignatureSheetCsv.SignerIin => Good() with { SignerIin = " " },
            SignatureSheetCsv.Surname => Good() with { Surname = "" },
            SignatureSheetCsv.GivenName => Good() with { GivenName = "" },
            SignatureSheetCsv.BirthDate => Good() with { BirthDate = null },
            SignatureSheetCsv.Address => Good() with { Address = "" },
            SignatureSheetCsv.SignedOn => Good() with { SignedOn = null },
            _ => Good() with { Collector = "" },
        };
        var rejection = One(line).Rejection!;
        Assert.Equal(SignatureVerification.Incomplete, rejection.Code);
        Assert.Contains(SignatureMessages.Field(field).En, rejection.Reason.En, StringComparison.Ordinal);
        Assert.Contains(SignatureMessages.Field(field).Kk, rejection.Reason.Kk, StringComparison.Ordinal);
        Assert.Contains(SignatureMessages.Field(field).Ru, rejection.Reason.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMissingPatronymic_IsNotIncomplete() => Assert.Null(Code(Good() with { Patronymic = "" }));

    [Theory]
    [InlineData("12345")]
    [InlineData("70030430000A")]
    [InlineData("701304300001")]
    public void AnIinThatIsNotValid_IsRejected(string iin) => Assert.Equal(SignatureVerification.InvalidIin, Code(Good() with { SignerIin = iin }));

    [Fact]
    public void AWrongCheckDigit_IsRejected()
    {
        var text = Voter.ToString();
        var wrong = text[..11] + (char)('0' + (text[11] - '0' + 1) % 10);
        Assert.Equal(SignatureVerification.InvalidIin, Code(Good() with { SignerIin = wrong }));
    }

    [Theory]
    [InlineData("2011-02-10", SignatureVerification.OutsidePeriod)]
    [InlineData("2011-02-11", null)]
    [InlineData("2011-02-20", null)]
    [InlineData("2011-02-21", SignatureVerification.OutsidePeriod)]
    public void SignaturesCount_OnlyWithinTheCollectionPeriod(string on, string? code) =>
        Assert.Equal(code, Code(Good(on: DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void ASignerNotOnTheRegister_IsNotAVoter() =>
        Assert.Equal(SignatureVerification.NotAVoter, Code(Good() with { SignerIin = BornOn(new DateOnly(1980, 1, 1)).ToString() }));

    [Fact]
    public void TheRegisterIsReadAsItStoodOnTheSigningDate()
    {
        var late = BornOn(new DateOnly(1985, 5, 5));
        var register = new Register().Add(new RegisteredSigner(late, "Оспанов", "Ерлан", "", late.BirthDate, "TEC-02", false, false), Day.AddDays(1));
        var line = Good() with { SignerIin = late.ToString(), Surname = "Оспанов", GivenName = "Ерлан", Patronymic = "", BirthDate = late.BirthDate };

        Assert.Equal(SignatureVerification.NotAVoter, Code(line, register));
        Assert.Null(Code(line with { SignedOn = Day.AddDays(1) }, register));
    }

    [Theory]
    [InlineData("Жаксылыков", "Марат", "Серикулы", null)]
    [InlineData("ЖАҚСЫЛЫҚОВ", "марат", "", null)]
    [InlineData("Zhaksylykov", "Marat", "", null)]
    [InlineData("Оспанов", "Марат", "", SignatureVerification.NameMismatch)]
    [InlineData("Жақсылықов", "Ерлан", "", SignatureVerification.NameMismatch)]
    [InlineData("Жақсылықов", "Марат", "Ерланұлы", SignatureVerification.NameMismatch)]
    public void TheNameMustBeTheRegisters_InAnySpellingOfIt(string surname, string given, string patronymic, string? code) =>
        Assert.Equal(code, Code(Good() with { Surname = surname, GivenName = given, Patronymic = patronymic }));

    [Fact]
    public void TheBirthDateMustBeTheRegisters() =>
        Assert.Equal(SignatureVerification.BirthDateMismatch, Code(Good() with { BirthDate = Voter.BirthDate.AddDays(1) }));

    [Fact]
    public void OfTwoSignaturesOfOneVoter_TheLaterIsRejected_WhereverItStandsInTheFile()
    {
        var result = SignatureVerification.Verify([Good("S2", 1, Day.AddDays(1)), Good("S1", 5, Day)], new Register().On, From, To);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(("S2", 1, SignatureVerification.Duplicate), (rejected.SheetId, rejected.Line, rejected.Code));
        Assert.Contains("S1", rejected.Message, StringComparison.Ordinal);

        // The same day: the sheet, then the line, decides which is later.
        var sameDay = SignatureVerification.Verify([Good("S1", 7), Good("S1", 3)], new Register().On, From, To);
        Assert.Equal(7, Assert.Single(sameDay.Rejected).Line);
    }

    [Fact]
    public void AVoterCountedInAnEarlierFile_IsADuplicateInALaterOne()
    {
        var before = new Dictionary<Iin, CountedSignature> { [Voter] = new("S0", 4) };
        var result = SignatureVerification.Verify([Good()], new Register().On, From, To, countedBefore: before);
        Assert.Equal(SignatureVerification.Duplicate, Assert.Single(result.Rejected).Code);
    }

    [Fact]
    public void ARejectedLine_DoesNotMakeTheNextOneADuplicate()
    {
        var result = SignatureVerification.Verify([Good("S1", 1) with { BirthDate = Voter.BirthDate.AddDays(2) }, Good("S1", 2)], new Register().On, From, To);
        Assert.Equal([(1, SignatureVerification.BirthDateMismatch)], result.Rejected.Select(r => (r.Line, r.Code)));
        Assert.Single(result.Valid);
    }

    [Fact]
    public void EveryReason_HasASentenceInEachLanguage()
    {
        var lines = new[]
        {
            Good("A", 1) with { Address = "" },
            Good("A", 2) with { SignerIin = "1" },
            Good("A", 3, To.AddDays(3)),
            Good("A", 4) with { SignerIin = BornOn(new DateOnly(1980, 1, 1)).ToString() },
            Good("A", 5) with { Surname = "Оспанов" },
            Good("A", 6) with { BirthDate = new DateOnly(1999, 1, 1) },
            Good("A", 7),
            Good("A", 8),
        };
        var rejected = SignatureVerification.Verify(lines, new Register().On, From, To).Rejected;
        Assert.Equal(SignatureVerification.Codes.Order(), rejected.Select(r => r.Code).Order());
        foreach (var r in rejected)
        {
            Assert.All(LocalizedText.Languages, l => Assert.False(string.IsNullOrWhiteSpace(r.Reason.In(l))));
            Assert.Equal(3, new[] { r.Reason.Kk, r.Reason.Ru, r.Reason.En }.Distinct().Count());
            Assert.Equal(r.Reason.En, r.Message);
        }
    }

    [Fact]
    public void ACollectorsDay_IsFlagged_FromThirtyLines()
    {
        var register = new Register();
        IEnumerable<SignatureLine> Lines(int n, string collector) => Enumerable.Range(1, n).Select(i =>
        {
            var iin = BornOn(new DateOnly(1960, 1, 1).AddDays(i * 3 + (collector == "B" ? 1 : 0)));
            register.Add(new RegisteredSigner(iin, "Иванов", "Иван", "", iin.BirthDate, "TEC-01", false, false), null);
            return new SignatureLine($"{collector}{i / 20}", i, iin.ToString(), "Иванов", "Иван", "", iin.BirthDate, $"Астана, Абай {i}", Day, collector);
        });
        var result = SignatureVerification.Verify([.. Lines(29, "A"), .. Lines(30, "B")], register.On, From, To);
        Assert.Equal(30, result.Flagged.Count(f => f.Pattern == SignatureVerification.CollectorRun));
        Assert.All(result.Flagged, f => Assert.StartsWith("B", f.SheetId, StringComparison.Ordinal));
        Assert.Equal(59, result.Valid.Count);
    }

    [Fact]
    public void TheSameDateAndAddress_OnOneSheet_IsFlagged_AsWrittenInAnyForm()
    {
        var other = BornOn(new DateOnly(1975, 7, 7));
        var register = new Register().Add(new RegisteredSigner(other, "Оспанов", "Ерлан", "", other.BirthDate, "TEC-01", false, false), null);
        SignatureLine Other(string sheet, DateOnly on, string address) =>
            new(sheet, 2, other.ToString(), "Оспанов", "Ерлан", "", other.BirthDate, address, on, "Collector 1");

        var same = SignatureVerification.Verify([Good(), Other("S1", Day, "Алматы г., ул. Абай, 1, 2")], register.On, From, To);
        Assert.Equal([1, 2], same.Flagged.Where(f => f.Pattern == SignatureVerification.SameDateAndAddress).Select(f => f.Line).Order());
        Assert.Equal(2, same.Valid.Count);

        Assert.Empty(SignatureVerification.Verify([Good(), Other("S2", Day, Good().Address)], register.On, From, To).Flagged);
        Assert.Empty(SignatureVerification.Verify([Good(), Other("S1", Day.AddDays(1), Good().Address)], register.On, From, To).Flagged);
        Assert.Empty(SignatureVerification.Verify([Good(), Other("S1", Day, "Алматы қ., Абай көшесі, 1, 3")], register.On, From, To).Flagged);
    }

    [Fact]
    public void SignersDeadOrOnSpecialLists_AreFlagged_NotRejected()
    {
        var dead = BornOn(new DateOnly(1940, 2, 2));
        var special = BornOn(new DateOnly(1990, 2, 2));
        var register = new Register()
            .Add(new RegisteredSigner(dead, "Иванов", "Иван", "", dead.BirthDate, "TEC-01", false, true), null)
            .Add(new RegisteredSigner(special, "Петров", "Пётр", "", special.BirthDate, "TEC-03", true, false), null);
        var result = SignatureVerification.Verify(
            [
                new SignatureLine("S1", 1, dead.ToString(), "Иванов", "Иван", "", dead.BirthDate, "A 1", Day, "C"),
                new SignatureLine("S1", 2, special.ToString(), "Петров", "Петр", "", special.BirthDate, "A 2", Day, "C"),
                new SignatureLine("S1", 3, special.ToString(), "Петров", "Пётр", "", special.BirthDate.AddDays(3), "A 3", Day, "C"),
            ],
            register.On,
            From,
            To);

        Assert.Equal(2, result.Valid.Count);
        Assert.Equal(
            [(1, SignatureVerification.SignerDeceased), (2, SignatureVerification.SignerOnSpecialList)],
            result.Flagged.Select(f => (f.Line, f.Pattern)).Order());
        Assert.Equal(SignatureVerification.BirthDateMismatch, Assert.Single(result.Rejected).Code);
    }
}
