using Ashyq.Core.Candidates;
using Ashyq.Core.Elections;
using Ashyq.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Signatures;

/// <summary>What one verification found: the lines counted, each rejected line with its reason, each flag.</summary>
public sealed record SignatureVerificationReport(int Valid, IReadOnlyList<Rejection> Rejected, IReadOnlyList<Flag> Flagged)
{
    /// <summary>Fields of the file that could not be read (the lines were verified without them).</summary>
    public IReadOnlyList<SignatureRowError> FieldErrors { get; init; } = [];
}

/// <summary>A nominee's signatures in one TEC's territorial unit (<see cref="Tec"/> empty: signers not on the register).</summary>
public sealed record TecSignatureCount(string Tec, int Valid, int Rejected, IReadOnlyDictionary<string, int> RejectedByCode, IReadOnlyDictionary<string, int> FlaggedByPattern);

/// <summary>
/// A rejected signature as the nominee may download it: sheet, line, TEC, code and sentence (<see cref="Message"/>
/// in English, <see cref="Reason"/> in kk/ru/en) — never the signer's IIN or name.
/// </summary>
public sealed record StoredSignatureCheck(string SheetId, int Line, string Tec, string Code, string Message)
{
    public LocalizedText Reason { get; init; } = LocalizedText.Same(Message);
}

/// <summary>A verification the store refuses as a whole (nothing of it is stored): a code and a sentence.</summary>
public sealed class SignatureVerificationRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// Verifies a nominee's signature sheets against the register as it stood on each signing date and keeps one row
/// per line (<see cref="SignatureCheckRow"/>), all of one file in one transaction. A sheet already verified for the
/// nominee is not verified again: the file is refused (<c>SIG.SHEET-ALREADY-VERIFIED</c>) and nothing of it is
/// stored — verified results are never silently replaced. A voter counted in an earlier file is a duplicate in a
/// later one. The register is read set-wise: voters, transfers and deaths of the file's signers by IIN in batches.
/// </summary>
public sealed class SignatureStore(AshyqDbContext db, ElectionDefinition definition, TimeProvider time)
{
    public const string UnknownNominee = "SIG.UNKNOWN-NOMINEE";
    public const string SheetAlreadyVerified = "SIG.SHEET-ALREADY-VERIFIED";
    public const string FileRefused = "SIG.FILE-REFUSED";

    /// <summary>IINs per register query.</summary>
    public int LookupBatch { get; init; } = 20_000;

    /// <summary>How long each phase of the last verification took (read, register, verify, store), for the benchmark.</summary>
    public IReadOnlyDictionary<string, TimeSpan> LastTimings => _timings;

    private readonly Dictionary<string, TimeSpan> _timings = [];
    private readonly System.Diagnostics.Stopwatch _watch = new();

    private void Phase(string name)
    {
        _timings[name] = _watch.Elapsed;
        _watch.Restart();
    }

    public async Task<SignatureVerificationReport> VerifyAsync(int nomineeId, TextReader csv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(csv);
        _watch.Restart();
        var file = SignatureSheetCsv.Read(csv);
        Phase("read");
        if (file.Refused)
        {
            throw new SignatureFileException(file.Errors);
        }

        var report = await VerifyAsync(nomineeId, file.Lines, ct);
        return report with { FieldErrors = [.. file.Errors] };
    }

    /// <summary>Verifies lines already read (the generator's, a test's) exactly as a file's.</summary>
    public async Task<SignatureVerificationReport> VerifyAsync(int nomineeId, IReadOnlyList<SignatureLine> lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lines);
        _watch.Start();
        if (!await db.Nominees.AnyAsync(n => n.Number == nomineeId, ct))
        {
            throw new SignatureVerificationRefusedException(UnknownNominee, $"There is no nominee {nomineeId}: `ashyq candidates` lists them.");
        }

        var sheets = lines.Select(l => l.SheetId).Distinct(StringComparer.Ordinal).ToList();
        var already = new List<string>();
        foreach (var chunk in sheets.Chunk(LookupBatch))
        {
            var part = chunk.ToList();
            already.AddRange(await db.SignatureChecks.AsNoTracking().Where(c => c.NomineeNumber == nomineeId && EF.Parameter(part).Contains(c.SheetId)).Select(c => c.SheetId).Distinct().ToListAsync(ct));
        }

        if (already.Count > 0)
        {
            throw new SignatureVerificationRefusedException(SheetAlreadyVerified,
                $"Sheet{(already.Count > 1 ? "s" : "")} {string.Join(", ", already.Order(StringComparer.Ordinal).Take(10))}{(already.Count > 10 ? ", …" : "")} of nominee {nomineeId} {(already.Count > 1 ? "were" : "was")} already verified; verified results are not replaced. Submit only sheets not verified before.");
        }

        Phase("sheets-checked");
        var (from, to) = SignaturePeriod.Of(definition);
        var register = await RegisterAsync(lines, ct);
        Phase("register");
        var countedBefore = await CountedBeforeAsync(nomineeId, register.Iins, ct);
        Phase("counted-before");
        var result = SignatureVerification.Verify(lines, register.On, from, to, SignatureVerification.DefaultCollectorRun, countedBefore);
        Phase("verify");

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = new SignatureBatchRow
            {
                NomineeNumber = nomineeId,
                Lines = result.Outcomes.Count,
                Valid = result.Outcomes.Count(o => o.Valid),
                Rejected = result.Outcomes.Count(o => !o.Valid),
                VerifiedAt = time.GetUtcNow(),
            };
            db.SignatureBatches.Add(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            try
            {
                await SignatureCheckWriter.WriteAsync(db, batch.Id, nomineeId, result.Outcomes, ct);
                await transaction.CommitAsync(ct);
            }
            catch (Exception e) when (SignatureCheckWriter.IsUniqueViolation(e))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw new SignatureVerificationRefusedException(SheetAlreadyVerified, $"Another verification of these sheets of nominee {nomineeId} was stored first; nothing of this one was stored.");
            }
        });

        Phase("store");
        return new SignatureVerificationReport(
            result.Outcomes.Count(o => o.Valid),
            result.Rejected.OrderBy(r => r.SheetId, StringComparer.Ordinal).ThenBy(r => r.Line).ToList(),
            result.Flagged.OrderBy(f => f.SheetId, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Pattern, StringComparer.Ordinal).ToList());
    }

    /// <summary>Per TEC: counted, rejected in all and per code, flagged per pattern.</summary>
    public async Task<IReadOnlyList<TecSignatureCount>> CountsAsync(int nomineeId, CancellationToken ct)
    {
        var outcomes = await db.SignatureChecks.AsNoTracking().Where(c => c.NomineeNumber == nomineeId)
            .GroupBy(c => new { c.Tec, c.Outcome, c.Code })
            .Select(g => new { g.Key.Tec, g.Key.Outcome, g.Key.Code, Count = g.Count() }).ToListAsync(ct);
        var flags = await db.SignatureChecks.AsNoTracking().Where(c => c.NomineeNumber == nomineeId && c.Flags != null)
            .GroupBy(c => new { c.Tec, c.Flags })
            .Select(g => new { g.Key.Tec, g.Key.Flags, Count = g.Count() }).ToListAsync(ct);
        var tecs = outcomes.Select(o => o.Tec ?? "").Concat(flags.Select(f => f.Tec ?? "")).Distinct().Order(StringComparer.Ordinal);
        return [.. tecs.Select(tec =>
        {
            var mine = outcomes.Where(o => (o.Tec ?? "") == tec).ToList();
            var byPattern = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var f in flags.Where(f => (f.Tec ?? "") == tec))
            {
                foreach (var pattern in f.Flags!.Split(','))
                {
                    byPattern[pattern] = byPattern.GetValueOrDefault(pattern) + f.Count;
                }
            }

            return new TecSignatureCount(
                tec,
                mine.Where(o => o.Outcome == Valid).Sum(o => o.Count),
                mine.Where(o => o.Outcome == Rejected).Sum(o => o.Count),
                new SortedDictionary<string, int>(mine.Where(o => o.Outcome == Rejected).GroupBy(o => o.Code!).ToDictionary(g => g.Key, g => g.Sum(o => o.Count)), StringComparer.Ordinal),
                byPattern);
        })];
    }

    public async Task<int> ValidCountAsync(int nomineeId, CancellationToken ct) =>
        await db.SignatureChecks.CountAsync(c => c.NomineeNumber == nomineeId && c.Outcome == Valid, ct);

    /// <summary>The nominee's rejected signatures (in one TEC's unit, or all), by sheet and line, without the signers.</summary>
    public async Task<IReadOnlyList<StoredSignatureCheck>> RejectionsAsync(int nomineeId, string? tecCode, CancellationToken ct)
    {
        var query = db.SignatureChecks.AsNoTracking().Where(c => c.NomineeNumber == nomineeId && c.Outcome == Rejected);
        if (tecCode is not null)
        {
            query = tecCode.Length == 0 ? query.Where(c => c.Tec == null) : query.Where(c => c.Tec == tecCode);
        }

        var rows = await query.Select(c => new { c.SheetId, c.Line, c.Tec, c.Code, c.MessageKk, c.MessageRu, c.MessageEn }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.SheetId, StringComparer.Ordinal).ThenBy(r => r.Line)
            .Select(r => new StoredSignatureCheck(r.SheetId, r.Line, r.Tec ?? "", r.Code!, r.MessageEn!) { Reason = new LocalizedText(r.MessageKk!, r.MessageRu!, r.MessageEn!) })];
    }

    public const string Valid = "valid";
    public const string Rejected = "rejected";

    private sealed record SignerRecord(Iin Iin, string Surname, string GivenName, string Patronymic, DateOnly BirthDate, int PrecinctId, DateOnly? RegisteredOn);

    private sealed record RegisterView(List<long> Iins, Func<Iin, DateOnly, RegisteredSigner?> On);

    /// <summary>The file's signers as the register knows them: voters, transfers to special lists and deaths, in batches by IIN.</summary>
    private async Task<RegisterView> RegisterAsync(IReadOnlyList<SignatureLine> lines, CancellationToken ct)
    {
        var iins = new HashSet<long>();
        foreach (var line in lines)
        {
            if (Iin.TryParse(line.SignerIin.Trim(), out var iin))
            {
                iins.Add(iin.Value);
            }
        }

        // In IIN order, each batch one parameter (EF.Parameter: json_each on SQLite, = ANY on PostgreSQL), so the
        // index is walked in order and the query is compiled once.
        var list = iins.Order().ToList();
        var voters = new Dictionary<long, SignerRecord>(list.Count);
        var transfers = new Dictionary<long, (int From, DateOnly On)>();
        var deaths = new Dictionary<long, DateOnly>();
        foreach (var chunk in list.Chunk(LookupBatch))
        {
            var part = chunk.ToList();
            foreach (var v in await db.Voters.AsNoTracking().Where(v => EF.Parameter(part).Contains(v.Iin))
                .Select(v => new { v.Iin, v.Surname, v.GivenName, v.Patronymic, v.BirthDate, v.PrecinctId, v.RegisteredOn }).ToListAsync(ct))
            {
                if (Iin.TryCreate(v.Iin, out var iin, out _))
                {
                    voters[v.Iin] = new SignerRecord(iin, v.Surname, v.GivenName, v.Patronymic, v.BirthDate, v.PrecinctId, v.RegisteredOn);
                }
            }

            foreach (var t in await db.VoterTransfers.AsNoTracking().Where(t => EF.Parameter(part).Contains(t.Iin)).Select(t => new { t.Iin, t.FromPrecinctId, t.OnDate }).ToListAsync(ct))
            {
                transfers[t.Iin] = (t.FromPrecinctId, t.OnDate);
            }

            foreach (var d in await db.DeathRecords.AsNoTracking().Where(d => EF.Parameter(part).Contains(d.Iin)).ToListAsync(ct))
            {
                deaths[d.Iin] = d.DiedOn;
            }
        }

        var units = await PrecinctUnitsAsync(ct);
        RegisteredSigner? On(Iin iin, DateOnly day)
        {
            if (!voters.TryGetValue(iin.Value, out var v) || v.RegisteredOn > day)
            {
                return null;
            }

            // Before a transfer the voter was on the home list.
            var precinct = transfers.TryGetValue(iin.Value, out var t) && t.On > day ? t.From : v.PrecinctId;
            var (unit, special) = units.TryGetValue(precinct, out var u) ? u : ("", false);
            var deceased = deaths.TryGetValue(iin.Value, out var died) && died <= day;
            return new RegisteredSigner(v.Iin, v.Surname, v.GivenName, v.Patronymic, v.BirthDate, unit, special, deceased);
        }

        return new RegisterView(list, On);
    }

    /// <summary>Each precinct's territorial unit (the code of its ancestor at the definition's coverage level) and whether it is special.</summary>
    private async Task<Dictionary<int, (string Unit, bool Special)>> PrecinctUnitsAsync(CancellationToken ct)
    {
        var level = definition.Candidates.Signatures?.TerritorialCoverage.Level ?? definition.Levels[Math.Min(1, definition.Levels.Count - 1)].Code;
        var commissions = await db.Commissions.AsNoTracking().Select(c => new { c.Id, c.Code, c.Level, c.ParentId, c.SpecialKind }).ToDictionaryAsync(c => c.Id, ct);
        var precinctLevel = definition.PrecinctLevel.Code;
        var units = new Dictionary<int, (string, bool)>();
        foreach (var c in commissions.Values.Where(c => c.Level == precinctLevel))
        {
            var at = c;
            while (at is not null && at.Level != level)
            {
                at = at.ParentId is { } p && commissions.TryGetValue(p, out var parent) ? parent : null;
            }

            units[c.Id] = (at?.Code ?? "", c.SpecialKind is not null);
        }

        return units;
    }

    /// <summary>The file's signers already counted for the nominee in files verified before.</summary>
    private async Task<Dictionary<Iin, CountedSignature>> CountedBeforeAsync(int nomineeId, List<long> iins, CancellationToken ct)
    {
        var counted = new Dictionary<Iin, CountedSignature>();
        if (!await db.SignatureChecks.AnyAsync(c => c.NomineeNumber == nomineeId, ct))
        {
            return counted;
        }

        foreach (var chunk in iins.Chunk(LookupBatch))
        {
            var part = chunk.ToList();
            foreach (var c in await db.SignatureChecks.AsNoTracking()
                .Where(c => c.NomineeNumber == nomineeId && c.Outcome == Valid && c.SignerIin != null && EF.Parameter(part).Contains(c.SignerIin.Value))
                .Select(c => new { c.SignerIin, c.SheetId, c.Line }).ToListAsync(ct))
            {
                if (Iin.TryCreate(c.SignerIin!.Value, out var iin, out _))
                {
                    counted[iin] = new CountedSignature(c.SheetId, c.Line);
                }
            }
        }

        return counted;
    }
}
