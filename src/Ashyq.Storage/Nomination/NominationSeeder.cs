using System.Globalization;
using System.Text.Json;
using Ashyq.Core.Audit;
using Ashyq.Core.Candidates;
using Ashyq.Core.Elections;
using Ashyq.Core.Publication;
using Ashyq.Storage.Publication;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Nomination;

/// <summary>What the demo seeding wrote.</summary>
public sealed record NominationSeedReport(int Files, int Documents, int LanguageTests, int Proxies);

/// <summary>
/// Seeds the demo world's nomination module (<see cref="NominationDemo"/>): the published language-test
/// criteria, a file for every generated nominee with its documents and language test, and the registered
/// candidates' proxies at the statement's figures. Runs once: a store that already has files is left alone.
/// </summary>
public static class NominationSeeder
{
    public static async Task<NominationSeedReport?> SeedDemoAsync(Store store, long seed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var db = store.CreateContext();
        return await SeedDemoAsync(db, seed, TimeProvider.System, ct);
    }

    public static async Task<NominationSeedReport?> SeedDemoAsync(AshyqDbContext db, long seed, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var election = await new ElectionQueries(db).ElectionAsync(ct);
        if (election is null || await db.Set<NominationFileRow>().AnyAsync(ct))
        {
            return null;
        }

        var definition = ElectionDefinitionLoader.Parse(election.DefinitionJson, election.DefinitionId);
        var nominees = await db.Nominees.AsNoTracking().OrderBy(n => n.Number).ToListAsync(ct);
        var core = nominees.Select(n => new Nominee(n.Number, new LocalizedText(n.NameKk, n.NameRu, n.NameEn), n.NominatedBy,
            Enum.TryParse<NomineeStatus>(n.Status, true, out var s) ? s : NomineeStatus.Nominated, n.CandidateCode, n.RefusalReason)).ToList();
        var files = NominationDemo.Files(definition, core, seed);
        var ids = nominees.ToDictionary(n => n.Number, n => n.Id);
        var at = time.GetUtcNow();
        var precincts = await db.Commissions.AsNoTracking().Where(c => c.Level == definition.PrecinctLevel.Code)
            .OrderBy(c => c.Code).Select(c => c.Id).ToListAsync(ct);
        var candidates = nominees.Where(n => n.CandidateCode != null).ToDictionary(n => n.CandidateCode!, n => n.Id);
        var documents = 0;
        var tests = 0;
        var proxies = 0;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var criteria = new LanguageCriteriaRow
            {
                PublishedOn = NominationDemo.CriteriaPublishedOn(definition),
                MaximumErrors = NominationDemo.DemoMaximumErrors,
                Categories = JsonSerializer.Serialize(NominationDemo.ErrorCategories),
            };
            db.Set<LanguageCriteriaRow>().Add(criteria);
            await db.SaveChangesAsync(ct);
            await TransparencyLog.AppendAsync(db, NominationStore.CriteriaKind, $"criteria/{criteria.Id}", 1, CanonicalJson.Serialize(new System.Text.Json.Nodes.JsonObject
            {
                ["record"] = NominationStore.CriteriaKind,
                ["election"] = definition.Id,
                ["published_on"] = criteria.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["maximum_errors"] = criteria.MaximumErrors,
                ["error_categories"] = new System.Text.Json.Nodes.JsonArray([.. NominationDemo.ErrorCategories.Select(c => (System.Text.Json.Nodes.JsonNode)c)]),
            }), at, ct);

            foreach (var f in files)
            {
                var id = ids[f.Number];
                var decl = f.Documents.FirstOrDefault(d => d.Kind == "declaration");
                var spouse = f.Documents.FirstOrDefault(d => d.Kind == "spouse-declaration");
                var deposit = f.Documents.FirstOrDefault(d => d.Kind == "deposit-receipt");
                db.Set<NominationFileRow>().Add(new NominationFileRow
                {
                    NomineeId = id,
                    Kind = f.Kind,
                    Organization = f.Organization,
                    NominatedOn = f.NominatedOn,
                    Iin = f.Iin.Value,
                    CitizenByBirth = f.CitizenByBirth,
                    BirthPlace = f.BirthPlace,
                    ResidentSince = f.ResidentSince,
                    HasSpouse = f.HasSpouse,
                    DepositPaid = f.Deposit,
                    DepositPaidOn = deposit?.ReceivedOn,
                    NomineeDeclarationOn = decl?.ReceivedOn,
                    SpouseDeclarationOn = spouse?.ReceivedOn,
                    RecordedBy = "demo",
                    RecordedAt = at,
                });
                db.Set<NominationDocumentRow>().AddRange(f.Documents.Select(d => new NominationDocumentRow { NomineeId = id, Kind = d.Kind, Title = d.Title, ReceivedOn = d.ReceivedOn, Sha256 = d.Sha256 }));
                documents += f.Documents.Count;
                if (f.LanguageTest is { } t)
                {
                    var test = new LanguageTestRow { NomineeId = id, CriteriaId = criteria.Id, TakenOn = t.TakenOn, Text = t.Text };
                    db.Set<LanguageTestRow>().Add(test);
                    await db.SaveChangesAsync(ct);
                    var sequence = 0;
                    foreach (var e in t.Examinations)
                    {
                        var exam = new LanguageExaminationRow { TestId = test.Id, Sequence = ++sequence, Stage = e.Examination.Stage, Body = e.Examination.Body, ConcludedOn = e.ConcludedOn, Conclusion = e.Examination.Conclusion };
                        db.Set<LanguageExaminationRow>().Add(exam);
                        await db.SaveChangesAsync(ct);
                        db.Set<LanguageErrorRow>().AddRange(e.Examination.Errors.Select(x => new LanguageErrorRow { ExaminationId = exam.Id, Category = x.Category, Position = x.Position, Length = 1, Examiner = x.Examiner }));
                    }

                    tests++;
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (precincts.Count > 0)
            {
                var today = DateOnly.FromDateTime(at.UtcDateTime);
                foreach (var batch in NominationDemo.Proxies(definition, precincts.Count, seed).Where(p => candidates.ContainsKey(p.Candidate)).Chunk(5_000))
                {
                    db.Set<ProxyRow>().AddRange(batch.Select(p => new ProxyRow
                    {
                        NomineeId = candidates[p.Candidate],
                        PrecinctId = precincts[p.Precinct],
                        Slot = p.Slot,
                        FullName = p.FullName,
                        RegisteredOn = definition.Calendar.RegistrationCloses.AddDays(1),
                        RegisteredBy = "demo",
                    }));
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    proxies += batch.Length;
                }
            }

            Audit.Record(db, AuditEvents.NominationDemoSeeded, "demo", "CEC", "nomination", $"{files.Count} files, {proxies} proxies", at);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return new NominationSeedReport(files.Count, documents, tests, proxies);
    }
}
