using Ashyq.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Register;

/// <summary>A transfer that was made: the voter, the home list they left and the special list they are on.</summary>
public sealed record TransferResult(string Iin, string From, string To, DateOnly On);

/// <summary>A transfer refused, with the register's code.</summary>
public sealed class TransferRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// Moves a voter to a special polling station's list (hospital, military unit, abroad …). The voter has one row
/// in <c>voters</c> (unique IIN, <c>ux_voters_iin</c>) whose precinct is their list, so the move takes them off the
/// home list in the same statement that puts them on the special one; the transfer row (unique per IIN,
/// <c>ux_register_transfers_iin</c>) records the home list, in the same transaction. Of two concurrent transfers
/// of one voter, the second finds the voter no longer on the home list it read (or the transfer row taken) and is
/// refused: a voter is on at most one list at any time. Special lists close at the end of the day before voting
/// day (the definition's <c>listsFinalizedDaysBeforeVoting</c>).
/// </summary>
public sealed class TransferService(AshyqDbContext db, TimeProvider time)
{
    public const string NotOnRegister = "REG.TRANSFER-NOT-ON-REGISTER";
    public const string NotSpecial = "REG.TRANSFER-NOT-SPECIAL";
    public const string AlreadyTransferred = "REG.TRANSFER-ALREADY";
    public const string ListsFinal = "REG.TRANSFER-LISTS-FINAL";

    public async Task<TransferResult> TransferAsync(string iinText, string toCode, string? reason = null, CancellationToken ct = default)
    {
        var definition = await new ElectionQueries(db).DefinitionAsync(ct)
            ?? throw new TransferRefusedException(NotOnRegister, "The store holds no election.");
        if (!Iin.TryParse(iinText?.Trim(), out var iin, out var problem))
        {
            throw new TransferRefusedException(problem.Code, $"\"{iinText}\": {problem.Description}.");
        }

        var to = await db.Commissions.AsNoTracking().FirstOrDefaultAsync(c => c.Code == toCode, ct);
        var special = definition.PrecinctLevel.Special;
        if (to is null || to.Level != definition.PrecinctLevel.Code || to.SpecialKind is null || special is null)
        {
            throw new TransferRefusedException(NotSpecial, $"{toCode} is not a special polling station: voters are moved only to the lists of hospitals, military units, stations abroad and the like.");
        }

        var today = RegisterQueries.Today(definition, time);
        var lastDay = SpecialLists.LastTransferDay(definition, special);
        if (today > lastDay)
        {
            throw new TransferRefusedException(ListsFinal, $"Special stations' lists were final at the end of {lastDay:yyyy-MM-dd}, the day before voting day.");
        }

        var voter = await db.Voters.AsNoTracking().Where(v => v.Iin == iin.Value).Select(v => new { v.PrecinctId }).FirstOrDefaultAsync(ct)
            ?? throw new TransferRefusedException(NotOnRegister, $"{iin} is not on the register.");
        var from = await db.Commissions.AsNoTracking().FirstAsync(c => c.Id == voter.PrecinctId, ct);
        if (from.SpecialKind is not null || from.Id == to.Id)
        {
            throw new TransferRefusedException(AlreadyTransferred, $"{iin} is already on the list of special station {from.Code}.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                // Off the home list and onto the special one in one statement, only if still on the home list.
                var moved = await db.Voters.Where(v => v.Iin == iin.Value && v.PrecinctId == from.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.PrecinctId, to.Id), ct);
                if (moved != 1)
                {
                    throw new TransferRefusedException(AlreadyTransferred, $"{iin} is no longer on the list of {from.Code}: another transfer moved them first.");
                }

                db.VoterTransfers.Add(new VoterTransferRow { Iin = iin.Value, FromPrecinctId = from.Id, ToPrecinctId = to.Id, OnDate = today, At = time.GetUtcNow(), Reason = reason });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException e)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw new TransferRefusedException(AlreadyTransferred, $"{iin} was already moved to a special list ({e.InnerException?.Message ?? e.Message}).");
            }
            catch (Exception e) when (e is not TransferRefusedException && IsConcurrencyFailure(e))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw new TransferRefusedException(AlreadyTransferred, $"{iin}: another transfer of this voter was under way; try again.");
            }

            return new TransferResult(iin.ToString(), from.Code, to.Code, today);
        });
    }

    private static bool IsConcurrencyFailure(Exception e) =>
        e is Npgsql.PostgresException { SqlState: "40001" or "40P01" } || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 };
}
