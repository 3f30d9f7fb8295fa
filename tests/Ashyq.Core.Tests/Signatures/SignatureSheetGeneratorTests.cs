using Ashyq.Core.Candidates;
using Ashyq.Core.Generation;
using Ashyq.Core.Register;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Signatures;

/// <summary>The generated sheets against the core verification: the answer key is reproduced line by line.</summary>
public class SignatureSheetGeneratorTests
{
    private const long Seed = 2011;

    private sealed record World(GeneratedHierarchy Hierarchy, IReadOnlyList<SignerCandidate> Pool, long Threshold);

    private static readonly Lazy<World> Small = new(() =>
    {
        var definition = Repo.Kz;
        var generator = new WorldGenerator(definition, 0.01, Seed);
        var hierarchy = generator.Hierarchy();
        var byCode = hierarchy.Commissions.ToDictionary(c => c.Code.Value);
        string Tec(string precinct)
        {
            var at = byCode[precinct];
            while (at.Level != "TEC")
            {
                at = byCode[at.Parent!.Value.Value];
            }

            return at.Code.Value;
        }

        var voters = RegisterHistory.Dated(generator.Voters(hierarchy), definition, generator.VoterCount).ToList();
        var pool = voters.Select(v => new SignerCandidate(v.Iin, v.Surname, v.GivenName, v.Patronymic, v.Address, v.RegisteredOn, Tec(v.PrecinctCode), byCode[v.PrecinctCode].SpecialKind is not null)).ToList();
        var early = voters.Count(v => v.RegisteredOn <= definition.Calendar.NominationOpens);
        return new World(hierarchy, pool, (long)Math.Ceiling(0.01m * early));
    });

    private static GeneratedSignatures Generate() =>
        new SignatureSheetGenerator(Repo.Kz, Seed).Generate(Small.Value.Hierarchy.Nominees, Small.Value.Threshold, Small.Value.Pool);

    private static VerificationResult Verify(NomineeSheets sheets, GeneratedSignatures generated)
    {
        var pool = Small.Value.Pool.ToDictionary(p => p.Iin);
        var deaths = generated.Deaths.ToDictionary(d => d.Iin, d => d.DiedOn);
        var (from, to) = SignaturePeriod.Of(Repo.Kz);
        return SignatureVerification.Verify(
            sheets.Lines,
            (iin, day) => pool.TryGetValue(iin, out var p) && !(p.RegisteredOn > day)
                ? new RegisteredSigner(iin, p.Surname, p.GivenName, p.Patronymic, iin.BirthDate, p.Unit, p.Special, deaths.TryGetValue(iin, out var died) && died <= day)
                : null,
            from,
            to);
    }

    [Fact]
    public void TheVerification_ReproducesTheAnswerKey_LineByLine_ForEveryNominee()
    {
        var generated = Generate();
        Assert.Equal(22, generated.Nominees.Count);
        foreach (var nominee in generated.Nominees)
        {
            var result = Verify(nominee, generated);
            var found = result.Outcomes.ToDictionary(o => (o.Line.SheetId, o.Line.Line), o => (o.Rejection?.Code, string.Join(' ', o.Flags.Order(StringComparer.Ordinal))));
            var expected = nominee.AnswerKey.ToDictionary(k => (k.SheetId, k.Line), k => (k.Code, string.Join(' ', k.Patterns)));
            Assert.Equal(expected, found);

            // Bad signatures of every kind on every nominee's sheets.
            Assert.Equal(SignatureVerification.Codes.Order(), nominee.AnswerKey.Where(k => k.Code is not null).Select(k => k.Code!).Distinct().Order());
            Assert.Equal(SignatureVerification.Patterns.Order(), nominee.AnswerKey.SelectMany(k => k.Patterns).Distinct().Order());
            Assert.Equal(nominee.ExpectedValid, result.Valid.Count);
        }
    }

    [Fact]
    public void RegisteredCandidates_HaveEnoughValidSignatures_SpreadOverTheUnits_AndOthersFollowTheirReason()
    {
        var generated = Generate();
        var threshold = Small.Value.Threshold;
        var units = Small.Value.Pool.Select(p => p.Unit).Distinct().Count();
        foreach (var nominee in Small.Value.Hierarchy.Nominees)
        {
            var sheets = generated.Nominees.Single(n => n.Nominee == nominee.Number);
            var result = Verify(sheets, generated);
            var valid = result.Valid.Count;
            if (nominee.Status == NomineeStatus.Registered)
            {
                Assert.InRange(valid, (int)(threshold * 1.08), (int)(threshold * 1.26));
                var perUnit = result.Valid.GroupBy(v => v.Unit).ToDictionary(g => g.Key, g => (long)g.Count());
                Assert.Null(RegistrationRules.Unmet(RegistrationRules.Evaluate(Repo.Kz, threshold * 100, perUnit, units, [])));
            }
            else if (nominee.RefusalReason == "documents-incomplete")
            {
                Assert.True(valid >= threshold);
            }
            else
            {
                Assert.True(valid < threshold, $"nominee {nominee.Number} ({nominee.RefusalReason}) has {valid} ≥ {threshold}");
            }
        }
    }

    [Fact]
    public void TheSameSeedAndPool_GiveTheSameSheets()
    {
        var a = Generate();
        var b = Generate();
        Assert.Equal(a.Nominees.SelectMany(n => n.Lines), b.Nominees.SelectMany(n => n.Lines));
        Assert.Equal(a.Deaths, b.Deaths);
        var other = new SignatureSheetGenerator(Repo.Kz, Seed + 1).Generate(Small.Value.Hierarchy.Nominees, Small.Value.Threshold, Small.Value.Pool);
        Assert.NotEqual(a.Nominees[0].Lines.Select(l => l.SignerIin), other.Nominees[0].Lines.Select(l => l.SignerIin));
    }

    [Fact]
    public void TheSheetsScaleWithTheThreshold()
    {
        var registered = new Nominee(1, Ashyq.Core.Elections.LocalizedText.Same("x"), "self", NomineeStatus.Registered, "C1", null);
        Assert.InRange(SignatureSheetGenerator.ValidTarget(registered, 91_010, 0.0), 91_010, 91_010 * 1.09);
        Assert.InRange(SignatureSheetGenerator.ValidTarget(registered, 910, 0.99), 910, 910 * 1.26);
        var refused = registered with { Status = NomineeStatus.Refused, RefusalReason = "signatures-insufficient" };
        Assert.True(SignatureSheetGenerator.ValidTarget(refused, 91_010, 0.99) < 91_010);
    }
}
