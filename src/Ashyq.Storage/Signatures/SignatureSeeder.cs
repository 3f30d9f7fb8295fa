using System.Globalization;
using Ashyq.Core.Candidates;
using Ashyq.Core.Elections;
using Ashyq.Core.Generation;
using Ashyq.Core.Register;
using Ashyq.Storage.Register;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Signatures;

/// <summary>How well a verification found one code or pattern the generator planted.</summary>
public sealed record CodeAccuracy(string Code, int Expected, int Found, int Correct)
{
    /// <summary>Of the lines found with the code, the share the answer key has with it (1 when none were found).</summary>
    public double Precision => Found == 0 ? (Expected == 0 ? 1 : 0) : (double)Correct / Found;

    /// <summary>Of the lines the answer key has with the code, the share found (1 when none were planted).</summary>
    public double Recall => Expected == 0 ? 1 : (double)Correct / Expected;
}

/// <summary>One nominee's verified sheets against the generator's expectation and the threshold.</summary>
public sealed record NomineeSignatureCheck(int Nominee, string Status, int Lines, int ExpectedValid, int Valid, long Threshold);

/// <summary>The verification of the generated sheets compared with the answer key, per code and per pattern.</summary>
public sealed record GeneratedSheetsAccuracy(long Threshold, IReadOnlyList<CodeAccuracy> Codes, IReadOnlyList<CodeAccuracy> Patterns, IReadOnlyList<NomineeSignatureCheck> Nominees)
{
    public bool Exact => Codes.Concat(Patterns).All(c => c.Correct == c.Expected && c.Found == c.Expected)
        && Nominees.All(n => n.Valid == n.ExpectedValid);
}

/// <summary>
/// The demo's signature sheets: generated from the store's own register (<see cref="SignatureSheetGenerator"/>,
/// seeded by the election's seed), the deaths of generated signers recorded, every nominee's sheets verified and
/// stored — and the stored verification compared with the generator's answer key.
/// </summary>
public static class SignatureSeeder
{
    /// <summary>Generates, records and verifies the sheets of every nominee, unless some are already verified.</summary>
    public static async Task<GeneratedSheetsAccuracy?> SeedDemoAsync(Store store, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        await using var db = store.CreateContext();
        if (await db.SignatureChecks.AnyAsync(ct))
        {
            return null;
        }

        var accuracy = await SeedAsync(db, TimeProvider.System, ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Signature sheets: {accuracy.Nominees.Sum(n => n.Lines):N0} lines of {accuracy.Nominees.Count} nominees verified; threshold {accuracy.Threshold:N0}; {accuracy.Nominees.Count(n => n.Valid >= accuracy.Threshold)} nominees reach it; the answer key is {(accuracy.Exact ? "reproduced exactly" : "NOT reproduced")}."));
        return accuracy;
    }

    /// <summary>Generates the sheets, records the deaths, verifies and stores every nominee's sheets, and compares.</summary>
    public static async Task<GeneratedSheetsAccuracy> SeedAsync(AshyqDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (definition, generated, threshold) = await GenerateAsync(db, ct);
        await RecordDeathsAsync(db, generated, ct);

        var store = new SignatureStore(db, definition, time);
        foreach (var nominee in generated.Nominees)
        {
            await store.VerifyAsync(nominee.Nominee, nominee.Lines, ct);
        }

        return await CompareAsync(db, generated, threshold, ct);
    }

    /// <summary>Records the generated signers' deaths (as the civil registry would notify them) not yet recorded; returns how many.</summary>
    public static async Task<int> RecordDeathsAsync(AshyqDbContext db, GeneratedSignatures generated, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(generated);
        var iins = generated.Deaths.Select(d => d.Iin.Value).ToList();
        var known = (await db.DeathRecords.Where(d => iins.Contains(d.Iin)).Select(d => d.Iin).ToListAsync(ct)).ToHashSet();
        var added = generated.Deaths.Where(d => !known.Contains(d.Iin.Value)).Select(d => new DeathRecordRow { Iin = d.Iin.Value, DiedOn = d.DiedOn }).ToList();
        db.DeathRecords.AddRange(added);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return added.Count;
    }

    /// <summary>The sheets the generator makes for this store (the same every time for the same store).</summary>
    public static async Task<(ElectionDefinition Definition, GeneratedSignatures Sheets, long Threshold)> GenerateAsync(AshyqDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var queries = new ElectionQueries(db);
        var election = await queries.ElectionAsync(ct) ?? throw new InvalidOperationException("The store holds no election.");
        var definition = await queries.DefinitionAsync(ct) ?? throw new InvalidOperationException("The store holds no election.");
        var threshold = await ThresholdAsync(db, definition, ct);
        var nominees = (await queries.NomineesAsync(ct)).Select(ToNominee).ToList();

        // The pool: every voter up to a million; beyond, every k-th, about 25 thresholds — enough for all sheets.
        var voters = await db.Voters.LongCountAsync(ct);
        var every = voters <= 1_000_000 ? 1 : Math.Max(1, voters / (Math.Max(1, threshold) * 25));
        var pool = await PoolAsync(db, definition, every, ct);
        return (definition, new SignatureSheetGenerator(definition, election.Seed).Generate(nominees, threshold, pool), threshold);
    }

    /// <summary>The signatures a nominee needs: the definition's share of the voters on the register on the day it names.</summary>
    public static async Task<long> ThresholdAsync(AshyqDbContext db, ElectionDefinition definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var share = definition.Candidates.Signatures?.ShareOfVoters ?? 0;
        return (long)Math.Ceiling(share * await new RegisterQueries(db).SignatureBaseAsync(definition, ct));
    }

    /// <summary>
    /// Voters the generator may put on sheets (every <paramref name="every"/>-th by id), each with the TEC code of
    /// its unit and whether its list is a special station's; voters ever transferred are left out. Recorded deaths
    /// do not change the pool (the generator's own are of signers it drew), so the sheets stay the same after them.
    /// </summary>
    public static async Task<IReadOnlyList<SignerCandidate>> PoolAsync(AshyqDbContext db, ElectionDefinition definition, long every, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var level = definition.Candidates.Signatures?.TerritorialCoverage.Level ?? definition.Levels[Math.Min(1, definition.Levels.Count - 1)].Code;
        var commissions = await db.Commissions.AsNoTracking().Select(c => new { c.Id, c.Code, c.Level, c.ParentId, c.SpecialKind }).ToDictionaryAsync(c => c.Id, ct);
        var units = new Dictionary<int, (string Unit, bool Special)>();
        foreach (var c in commissions.Values.Where(c => c.Level == definition.PrecinctLevel.Code))
        {
            var at = c;
            while (at is not null && at.Level != level)
            {
                at = at.ParentId is { } p && commissions.TryGetValue(p, out var parent) ? parent : null;
            }

            units[c.Id] = (at?.Code ?? "", c.SpecialKind is not null);
        }

        var transferred = (await db.VoterTransfers.AsNoTracking().Select(t => t.Iin).ToListAsync(ct)).ToHashSet();
        var query = db.Voters.AsNoTracking();
        if (every > 1)
        {
            query = query.Where(v => v.Id % every == 0);
        }

        var pool = new List<SignerCandidate>();
        await foreach (var v in query.OrderBy(v => v.Id).Select(v => new { v.Iin, v.Surname, v.GivenName, v.Patronymic, v.Address, v.RegisteredOn, v.PrecinctId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!transferred.Contains(v.Iin) && Iin.TryCreate(v.Iin, out var iin, out _) && units.TryGetValue(v.PrecinctId, out var unit))
            {
                pool.Add(new SignerCandidate(iin, v.Surname, v.GivenName, v.Patronymic, v.Address, v.RegisteredOn, unit.Unit, unit.Special));
            }
        }

        return pool;
    }

    /// <summary>The stored verification of the generated sheets against their answer key.</summary>
    public static async Task<GeneratedSheetsAccuracy> CompareAsync(AshyqDbContext db, GeneratedSignatures generated, long threshold, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(generated);
        var codes = SignatureVerification.Codes.ToDictionary(c => c, c => new int[3]);
        var patterns = SignatureVerification.Patterns.ToDictionary(c => c, c => new int[3]);
        var statuses = await db.Nominees.AsNoTracking().ToDictionaryAsync(n => n.Number, n => n.Status, ct);
        var nominees = new List<NomineeSignatureCheck>();
        foreach (var nominee in generated.Nominees)
        {
            var stored = await db.SignatureChecks.AsNoTracking().Where(c => c.NomineeNumber == nominee.Nominee)
                .Select(c => new { c.SheetId, c.Line, c.Code, c.Flags }).ToDictionaryAsync(c => (c.SheetId, c.Line), ct);
            foreach (var expected in nominee.AnswerKey)
            {
                var found = stored.GetValueOrDefault((expected.SheetId, expected.Line));
                var foundPatterns = found?.Flags?.Split(',') ?? [];
                Tally(codes, expected.Code is null ? [] : [expected.Code], found?.Code is null ? [] : [found.Code]);
                Tally(patterns, expected.Patterns, foundPatterns);
            }

            // Lines stored that the key does not know count as found, never correct.
            var keyed = nominee.AnswerKey.Select(k => (k.SheetId, k.Line)).ToHashSet();
            foreach (var extra in stored.Values.Where(s => !keyed.Contains((s.SheetId, s.Line))))
            {
                Tally(codes, [], extra.Code is null ? [] : [extra.Code]);
            }

            nominees.Add(new NomineeSignatureCheck(nominee.Nominee, statuses.GetValueOrDefault(nominee.Nominee, "").ToLowerInvariant(), nominee.Lines.Count, nominee.ExpectedValid,
                stored.Values.Count(s => s.Code is null), threshold));
        }

        return new GeneratedSheetsAccuracy(
            threshold,
            [.. codes.Select(c => new CodeAccuracy(c.Key, c.Value[0], c.Value[1], c.Value[2]))],
            [.. patterns.Select(c => new CodeAccuracy(c.Key, c.Value[0], c.Value[1], c.Value[2]))],
            nominees);
    }

    private static void Tally(Dictionary<string, int[]> counts, IReadOnlyList<string> expected, IReadOnlyList<string> found)
    {
        foreach (var e in expected)
        {
            counts[e][0]++;
            if (found.Contains(e))
            {
                counts[e][2]++;
            }
        }

        foreach (var f in found)
        {
            if (counts.TryGetValue(f, out var c))
            {
                c[1]++;
            }
        }
    }

    private static Nominee ToNominee(Model.NomineeRow n) => new(
        n.Number,
        new LocalizedText(n.NameKk, n.NameRu, n.NameEn),
        n.NominatedBy,
        Enum.TryParse<NomineeStatus>(n.Status, ignoreCase: true, out var status) ? status : NomineeStatus.Nominated,
        n.CandidateCode,
        n.RefusalReason);
}
