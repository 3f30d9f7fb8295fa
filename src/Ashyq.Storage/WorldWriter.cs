using Ashyq.Core.Elections;
using Ashyq.Core.Generation;
using Ashyq.Storage.Bulk;
using Ashyq.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage;

/// <summary>What a generation wrote.</summary>
public sealed record GenerationReport(int ElectionId, int Commissions, int Members, long Voters, TimeSpan Elapsed);

/// <summary>A phase of a long write and how far it is, for a progress bar.</summary>
public readonly record struct WriteProgress(string Phase, long Done, long Total);

/// <summary>
/// Writes a generated election into a store in one transaction: the hierarchy and members through EF, the voters
/// through the bulk path. A crash part-way leaves the store as it was.
/// </summary>
public sealed class WorldWriter(AshyqDbContext db, TimeProvider time)
{
    public async Task<GenerationReport> GenerateAsync(
        ElectionDefinition definition,
        string definitionJson,
        double scale,
        long seed,
        Action<WriteProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (await db.Elections.AnyAsync(cancellationToken))
        {
            var existing = await db.Elections.Select(e => e.DefinitionId).FirstAsync(cancellationToken);
            throw new StoreNotEmptyException($"The store already holds the election \"{existing}\"; generate into a new store (another --db).");
        }

        var started = time.GetTimestamp();
        var generator = new WorldGenerator(definition, scale, seed);
        var world = generator.Hierarchy();
        progress?.Invoke(new WriteProgress("hierarchy", 0, world.Commissions.Count));

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var election = new ElectionRow
            {
                DefinitionId = definition.Id,
                NameKk = definition.Name.Kk,
                NameRu = definition.Name.Ru,
                NameEn = definition.Name.En,
                DefinitionJson = definitionJson,
                Seed = seed,
                Scale = scale,
                CreatedAt = time.GetUtcNow(),
            };
            db.Elections.Add(election);
            await db.SaveChangesAsync(cancellationToken);

            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var rows = new Dictionary<string, CommissionRow>(world.Commissions.Count);
            foreach (var level in definition.Levels)
            {
                foreach (var c in world.Commissions.Where(c => c.Level == level.Code))
                {
                    var row = new CommissionRow
                    {
                        ElectionId = election.Id,
                        Code = c.Code.Value,
                        Level = c.Level,
                        ParentId = c.Parent is { } parent ? rows[parent.Value].Id : null,
                        Number = c.Number,
                        NameKk = c.Name.Kk,
                        NameRu = c.Name.Ru,
                        NameEn = c.Name.En,
                        Address = c.Address,
                        SpecialKind = c.SpecialKind,
                    };
                    rows.Add(row.Code, row);
                    db.Commissions.Add(row);
                }

                // Each level is saved before the next, so children know their parents' ids.
                await db.SaveChangesAsync(cancellationToken);
                progress?.Invoke(new WriteProgress("hierarchy", rows.Count, world.Commissions.Count));
            }

            foreach (var m in world.Members)
            {
                db.Members.Add(new MemberRow
                {
                    CommissionId = rows[m.Commission.Value].Id,
                    Iin = m.Iin.Value,
                    FullName = m.FullName,
                    Gender = (int)m.Gender,
                    Ethnicity = m.Ethnicity,
                    NominatedBy = m.NominatedBy,
                    AppointedBy = m.AppointedBy,
                    Role = m.Role.ToString(),
                    IsVoting = m.IsVoting,
                    TermStart = m.TermStart,
                    TermEnd = m.TermEnd,
                });
            }

            foreach (var n in world.Nominees)
            {
                db.Nominees.Add(new NomineeRow
                {
                    ElectionId = election.Id,
                    Number = n.Number,
                    NameKk = n.Name.Kk,
                    NameRu = n.Name.Ru,
                    NameEn = n.Name.En,
                    NominatedBy = n.NominatedBy,
                    Status = n.Status.ToString(),
                    CandidateCode = n.CandidateCode,
                    RefusalReason = n.RefusalReason,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            progress?.Invoke(new WriteProgress("members", world.Members.Count, world.Members.Count));

            var precinctIds = rows.Values.Where(r => r.Level == definition.PrecinctLevel.Code).ToDictionary(r => r.Code, r => r.Id);
            var total = world.VoterCount;
            var voters = await VoterBulkWriter.WriteAsync(
                db,
                Ashyq.Core.Register.RegisterHistory.Dated(generator.Voters(world), definition, total),
                precinctIds,
                done => progress?.Invoke(new WriteProgress("voters", done, total)),
                cancellationToken);

            await ResultsService.CreateTalliesAsync(db, definition, election.Id, cancellationToken);
            await db.Elections.Where(e => e.Id == election.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Complete, true), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new GenerationReport(election.Id, rows.Count, world.Members.Count, voters, time.GetElapsedTime(started));
        });
    }
}

/// <summary>The store already holds an election where an empty one is needed.</summary>
public sealed class StoreNotEmptyException(string message) : Exception(message);
