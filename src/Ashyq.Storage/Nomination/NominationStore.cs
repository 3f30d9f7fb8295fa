using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Audit;
using Ashyq.Core.Candidates;
using Ashyq.Core.Elections;
using Ashyq.Core.Register;
using Ashyq.Core.Results;
using Ashyq.Storage.Model;
using Ashyq.Storage.Publication;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Nomination;

/// <summary>A new nomination as the CEC's office receives it.</summary>
public sealed record NominationRequest(
    string NameKk,
    string NameRu,
    string NameEn,
    string Kind,
    string? Organization,
    DateOnly NominatedOn,
    string Iin,
    bool CitizenByBirth,
    string BirthPlace,
    DateOnly ResidentSince,
    bool HasUnexpungedCriminalRecord,
    bool HasSpouse);

/// <summary>An examination of a language test as submitted: the stage, the body, its conclusion and each error.</summary>
public sealed record ExaminationRequest(string Stage, string Body, DateOnly ConcludedOn, string Conclusion, IReadOnlyList<LanguageErrorRequest> Errors);

public sealed record LanguageErrorRequest(string Category, int Position, int Length, string Examiner, string? Note);

/// <summary>An examination as recorded, with what it comes to against the criteria.</summary>
public sealed record ExaminationView(int Sequence, string Stage, string Body, DateOnly ConcludedOn, string Conclusion, IReadOnlyList<LanguageErrorRow> Errors, LanguageTestResult Result, IReadOnlyDictionary<string, int> ErrorsByCategory);

/// <summary>A language test as published: the criteria in force, the text, and every examination.</summary>
public sealed record LanguageTestView(DateOnly CriteriaPublishedOn, int MaximumErrors, IReadOnlyList<string> Categories, DateOnly TakenOn, string Text, IReadOnlyList<ExaminationView> Examinations)
{
    public LanguageTestResult? Final => Examinations.Count == 0 ? null : Examinations[^1].Result;
}

/// <summary>Everything the CEC holds on one nominee, each requirement judged with its evidence and deadline.</summary>
public sealed record NomineeDossier(
    NomineeRow Nominee,
    NominationFileRow? File,
    IReadOnlyList<NominationDocumentRow> Documents,
    NominationDeadlines Deadlines,
    IReadOnlyList<RequirementResult> Eligibility,
    LanguageTestView? LanguageTest,
    int AgeOnVotingDay)
{
    public LocalizedText Name => new(Nominee.NameKk, Nominee.NameRu, Nominee.NameEn);
}

/// <summary>
/// Nomination files at the CEC: nominations by self, association or party, their documents (deposit receipt,
/// declarations of the nominee and the spouse), the published language-test criteria and each test with every
/// examination and error. Every change is one transaction with its audit event; published records (criteria)
/// go to the transparency log in the same transaction.
/// </summary>
public sealed class NominationStore(AshyqDbContext db, ElectionDefinition definition, TimeProvider time)
{
    public const string CriteriaKind = "language-test-criteria";

    /// <summary>The kinds of document a file holds; a deposit receipt carries the amount.</summary>
    public static IReadOnlyList<string> DocumentKinds { get; } = ["application", "consent", "minutes", "residence-certificate", "deposit-receipt", "declaration", "spouse-declaration"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<NomineeRow> NominateAsync(NominationRequest request, Actor by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        var kind = NominationKind.Parse(definition, request.Kind, request.Organization);
        if (!Iin.TryParse(request.Iin?.Trim(), out var iin, out var problem))
        {
            throw new RuleViolation("NOM.IIN", $"The nominee's IIN is not valid: {problem}.");
        }

        if (string.IsNullOrWhiteSpace(request.NameKk) || string.IsNullOrWhiteSpace(request.BirthPlace))
        {
            throw new RuleViolation("NOM.INCOMPLETE", "A nomination names the nominee (in Kazakh at least) and their place of birth.");
        }

        var election = await db.Elections.AsNoTracking().OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct)
            ?? throw new RuleViolation("NOM.NO-ELECTION", "No election is loaded.");
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Set<NominationFileRow>().AnyAsync(f => f.Iin == iin.Value, ct))
            {
                throw new RuleViolation("NOM.DUPLICATE", "This person is already nominated.");
            }

            var number = (await db.Nominees.MaxAsync(n => (int?)n.Number, ct) ?? 0) + 1;
            var nominee = new NomineeRow
            {
                ElectionId = election.Id,
                Number = number,
                NameKk = request.NameKk.Trim(),
                NameRu = string.IsNullOrWhiteSpace(request.NameRu) ? request.NameKk.Trim() : request.NameRu.Trim(),
                NameEn = string.IsNullOrWhiteSpace(request.NameEn) ? request.NameKk.Trim() : request.NameEn.Trim(),
                NominatedBy = kind == NominationKind.Self ? "self" : request.Organization!.Trim(),
                Status = NomineeStatus.Nominated.ToString(),
            };
            db.Nominees.Add(nominee);
            await db.SaveChangesAsync(ct);
            var at = time.GetUtcNow();
            db.Set<NominationFileRow>().Add(new NominationFileRow
            {
                NomineeId = nominee.Id,
                Kind = kind,
                Organization = kind == NominationKind.Self ? null : request.Organization!.Trim(),
                NominatedOn = request.NominatedOn,
                Iin = iin.Value,
                CitizenByBirth = request.CitizenByBirth,
                BirthPlace = request.BirthPlace.Trim(),
                ResidentSince = request.ResidentSince,
                HasUnexpungedCriminalRecord = request.HasUnexpungedCriminalRecord,
                HasSpouse = request.HasSpouse,
                RecordedBy = by.User,
                RecordedAt = at,
            });
            Audit.Record(db, AuditEvents.NominationReceived, by.User, by.Commission, $"nominee/{number}", $"{kind}; nominated {request.NominatedOn:yyyy-MM-dd}", at);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return nominee;
        });
    }

    /// <summary>Records a document of the file; a deposit receipt and the declarations also set the file's facts.</summary>
    public async Task RecordDocumentAsync(int nomineeId, string kind, string title, DateOnly receivedOn, decimal? amount, string? sha256, Actor by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var k = (kind ?? "").Trim().ToLowerInvariant();
        if (!DocumentKinds.Contains(k))
        {
            throw new RuleViolation("NOM.DOCUMENT-KIND", $"\"{kind}\" is not a kind of document of a nomination file ({string.Join(", ", DocumentKinds)}).");
        }

        if (k == "deposit-receipt" && amount is not > 0)
        {
            throw new RuleViolation("NOM.DEPOSIT-AMOUNT", "A deposit receipt states the amount paid.");
        }

        var file = await db.Set<NominationFileRow>().FirstOrDefaultAsync(f => f.NomineeId == nomineeId, ct)
            ?? throw new RuleViolation("NOM.UNKNOWN", $"No nomination file for nominee {nomineeId}.");
        switch (k)
        {
            case "deposit-receipt":
                file.DepositPaid += amount!.Value;
                file.DepositPaidOn = receivedOn;
                break;
            case "declaration":
                file.NomineeDeclarationOn = receivedOn;
                break;
            case "spouse-declaration":
                file.SpouseDeclarationOn = receivedOn;
                break;
        }

        db.Set<NominationDocumentRow>().Add(new NominationDocumentRow { NomineeId = nomineeId, Kind = k, Title = string.IsNullOrWhiteSpace(title) ? k : title.Trim(), ReceivedOn = receivedOn, Sha256 = sha256 });
        Audit.Record(db, AuditEvents.NominationDocument, by.User, by.Commission, $"nominee/{nomineeId}", $"{k} received {receivedOn:yyyy-MM-dd}{(amount is { } a ? string.Create(CultureInfo.InvariantCulture, $"; {a}") : "")}", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Publishes the language test's criteria (pass mark and error categories): a record in the log.</summary>
    public async Task<int> PublishCriteriaAsync(int maximumErrors, IReadOnlyList<string> categories, DateOnly publishedOn, Actor by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(by);
        if (maximumErrors < 0 || categories.Count == 0 || categories.Any(string.IsNullOrWhiteSpace))
        {
            throw new RuleViolation("LANG.CRITERIA", "The criteria name at least one error category and a maximum number of errors of 0 or more.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = new LanguageCriteriaRow { PublishedOn = publishedOn, MaximumErrors = maximumErrors, Categories = JsonSerializer.Serialize(categories, Json) };
            db.Set<LanguageCriteriaRow>().Add(row);
            var at = time.GetUtcNow();
            Audit.Record(db, AuditEvents.LanguageCriteriaPublished, by.User, by.Commission, "language-criteria", $"at most {maximumErrors} errors; {string.Join(", ", categories)}", at);
            await db.SaveChangesAsync(ct);
            var record = Core.Publication.CanonicalJson.Serialize(new System.Text.Json.Nodes.JsonObject
            {
                ["record"] = CriteriaKind,
                ["election"] = definition.Id,
                ["published_on"] = publishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["maximum_errors"] = maximumErrors,
                ["error_categories"] = new System.Text.Json.Nodes.JsonArray([.. categories.Select(c => (System.Text.Json.Nodes.JsonNode)c)]),
            });
            await TransparencyLog.AppendAsync(db, CriteriaKind, $"criteria/{row.Id}", 1, record, at, ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return row.Id;
        });
    }

    /// <summary>Records the text a nominee wrote; criteria must have been published on or before the test day.</summary>
    public async Task RecordLanguageTestAsync(int nomineeId, DateOnly takenOn, string text, Actor by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RuleViolation("LANG.TEXT", "The test's text is empty.");
        }

        _ = await db.Set<NominationFileRow>().AsNoTracking().FirstOrDefaultAsync(f => f.NomineeId == nomineeId, ct)
            ?? throw new RuleViolation("NOM.UNKNOWN", $"No nomination file for nominee {nomineeId}.");
        var criteria = await db.Set<LanguageCriteriaRow>().AsNoTracking().Where(c => c.PublishedOn <= takenOn).OrderByDescending(c => c.PublishedOn).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct)
            ?? throw new RuleViolation("LANG.NO-CRITERIA", $"No criteria were published by {takenOn:yyyy-MM-dd}: a test is judged only by criteria published before it.");
        if (await db.Set<LanguageTestRow>().AnyAsync(t => t.NomineeId == nomineeId, ct))
        {
            throw new RuleViolation("LANG.DUPLICATE", "The nominee's test is already recorded.");
        }

        db.Set<LanguageTestRow>().Add(new LanguageTestRow { NomineeId = nomineeId, CriteriaId = criteria.Id, TakenOn = takenOn, Text = text });
        Audit.Record(db, AuditEvents.LanguageTestRecorded, by.User, by.Commission, $"nominee/{nomineeId}", $"taken {takenOn:yyyy-MM-dd}; {text.Length} characters", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Records an examination with each error; an error outside the categories or the text is refused (LANG.*).</summary>
    public async Task<LanguageTestResult> RecordExaminationAsync(int nomineeId, ExaminationRequest request, Actor by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        var conclusion = (request.Conclusion ?? "").Trim().ToLowerInvariant();
        if (conclusion is not ("pass" or "fail"))
        {
            throw new RuleViolation("LANG.CONCLUSION", "The conclusion is \"pass\" or \"fail\".");
        }

        var test = await db.Set<LanguageTestRow>().AsNoTracking().FirstOrDefaultAsync(t => t.NomineeId == nomineeId, ct)
            ?? throw new RuleViolation("LANG.NO-TEST", $"No language test is recorded for nominee {nomineeId}.");
        var criteria = await db.Set<LanguageCriteriaRow>().AsNoTracking().FirstAsync(c => c.Id == test.CriteriaId, ct);
        var judged = new LanguageTest(new LanguageTestCriteria(JsonSerializer.Deserialize<string[]>(criteria.Categories, Json)!, criteria.MaximumErrors), test.Text);
        var result = judged.Record(new LanguageExamination(request.Stage, request.Body, [.. request.Errors.Select(e => new LanguageError(e.Category, e.Position, e.Examiner))], conclusion));
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var sequence = (await db.Set<LanguageExaminationRow>().Where(e => e.TestId == test.Id).MaxAsync(e => (int?)e.Sequence, ct) ?? 0) + 1;
            var row = new LanguageExaminationRow { TestId = test.Id, Sequence = sequence, Stage = request.Stage.Trim(), Body = request.Body.Trim(), ConcludedOn = request.ConcludedOn, Conclusion = conclusion };
            db.Set<LanguageExaminationRow>().Add(row);
            await db.SaveChangesAsync(ct);
            db.Set<LanguageErrorRow>().AddRange(request.Errors.Select(e => new LanguageErrorRow
            {
                ExaminationId = row.Id,
                Category = e.Category,
                Position = e.Position,
                Length = Math.Max(e.Length, 1),
                Examiner = e.Examiner,
                Note = e.Note,
            }));
            Audit.Record(db, AuditEvents.LanguageExamined, by.User, by.Commission, $"nominee/{nomineeId}", $"{row.Stage} by {row.Body}: {request.Errors.Count} errors, concluded {conclusion}", time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return result;
    }

    public async Task<IReadOnlyList<NomineeRow>> NomineesAsync(CancellationToken ct = default) =>
        await db.Nominees.AsNoTracking().OrderBy(n => n.Number).ToListAsync(ct);

    public async Task<NomineeRow?> NomineeAsync(int number, CancellationToken ct = default) =>
        await db.Nominees.AsNoTracking().FirstOrDefaultAsync(n => n.Number == number, ct);

    /// <summary>The language test of a nominee with every examination judged against the criteria; null if none.</summary>
    public async Task<LanguageTestView?> LanguageTestAsync(int nomineeId, CancellationToken ct = default)
    {
        var test = await db.Set<LanguageTestRow>().AsNoTracking().FirstOrDefaultAsync(t => t.NomineeId == nomineeId, ct);
        if (test is null)
        {
            return null;
        }

        var criteria = await db.Set<LanguageCriteriaRow>().AsNoTracking().FirstAsync(c => c.Id == test.CriteriaId, ct);
        var categories = JsonSerializer.Deserialize<string[]>(criteria.Categories, Json)!;
        var examinations = await db.Set<LanguageExaminationRow>().AsNoTracking().Where(e => e.TestId == test.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var ids = examinations.Select(e => e.Id).ToList();
        var errors = (await db.Set<LanguageErrorRow>().AsNoTracking().Where(e => ids.Contains(e.ExaminationId)).ToListAsync(ct))
            .OrderBy(e => e.Position).ThenBy(e => e.Id).ToLookup(e => e.ExaminationId);
        var judged = new LanguageTest(new LanguageTestCriteria(categories, criteria.MaximumErrors), test.Text);
        var views = examinations.Select(e =>
        {
            var list = errors[e.Id].ToList();
            var result = judged.Record(new LanguageExamination(e.Stage, e.Body, [.. list.Select(x => new LanguageError(x.Category, x.Position, x.Examiner))], e.Conclusion));
            return new ExaminationView(e.Sequence, e.Stage, e.Body, e.ConcludedOn, e.Conclusion, list, result,
                categories.ToDictionary(c => c, c => list.Count(x => x.Category == c)));
        }).ToList();
        return new LanguageTestView(criteria.PublishedOn, criteria.MaximumErrors, categories, test.TakenOn, test.Text, views);
    }

    /// <summary>The nominee's file, documents, deadlines and every eligibility requirement judged; null if no such nominee.</summary>
    public async Task<NomineeDossier?> DossierAsync(int number, CancellationToken ct = default)
    {
        var nominee = await NomineeAsync(number, ct);
        if (nominee is null)
        {
            return null;
        }

        var file = await db.Set<NominationFileRow>().AsNoTracking().FirstOrDefaultAsync(f => f.NomineeId == nominee.Id, ct);
        var documents = await db.Set<NominationDocumentRow>().AsNoTracking().Where(d => d.NomineeId == nominee.Id).OrderBy(d => d.ReceivedOn).ThenBy(d => d.Id).ToListAsync(ct);
        var test = await LanguageTestAsync(nominee.Id, ct);
        var deadlines = NominationDeadlines.Of(definition, file?.NominatedOn ?? definition.Calendar.NominationOpens);
        if (file is null)
        {
            return new NomineeDossier(nominee, null, documents, deadlines, [], test, 0);
        }

        var nomineeFile = ToFile(file, test);
        var birth = nomineeFile.Iin.BirthDate;
        var votingDay = definition.Calendar.VotingDay;
        var age = votingDay.Year - birth.Year - (votingDay < birth.AddYears(votingDay.Year - birth.Year) ? 1 : 0);
        return new NomineeDossier(nominee, file, documents, deadlines, EligibilityRules.Evaluate(definition, nomineeFile), test, age);
    }

    /// <summary>The file as the eligibility rules read it.</summary>
    public static NomineeFile ToFile(NominationFileRow file, LanguageTestView? test)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new NomineeFile
        {
            Iin = Iin.Parse(file.Iin.ToString("D12", CultureInfo.InvariantCulture)),
            CitizenByBirth = file.CitizenByBirth,
            BirthPlace = file.BirthPlace,
            ResidentSince = file.ResidentSince,
            LanguageTest = test?.Final,
            HasUnexpungedCriminalRecord = file.HasUnexpungedCriminalRecord,
            DepositPaidOn = file.DepositPaidOn,
            DepositPaid = file.DepositPaid,
            NomineeDeclarationOn = file.NomineeDeclarationOn,
            SpouseDeclarationOn = file.SpouseDeclarationOn,
            HasSpouse = file.HasSpouse,
            NominatedOn = file.NominatedOn,
        };
    }
}
