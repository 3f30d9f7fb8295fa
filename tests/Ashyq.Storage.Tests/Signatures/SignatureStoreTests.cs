using Ashyq.Core.Candidates;
using Ashyq.Storage.Register;
using Ashyq.Storage.Signatures;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests.SignatureSheets;

public class SignatureStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Clock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
    }

    private const string Header = "sheet_id,line,signer_iin,surname,given_name,patronymic,birth_date,address,signed_on,collector";

    private static async Task<Store> WorldAsync(string kind, double scale)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        await new WorldWriter(db, TimeProvider.System).GenerateAsync(Repo.Kz, Repo.KzText, scale, 2011, cancellationToken: Ct);
        return store;
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task The_demo_sheets_verified_reproduce_the_generators_known_bad_signatures_exactly(string kind)
    {
        var store = await WorldAsync(kind, 0.01);
        await using var db = await store.OpenAsync(Ct);

        var accuracy = await SignatureSeeder.SeedAsync(db, TimeProvider.System, Ct);

        Assert.Equal(SignatureVerification.Codes.Order(), accuracy.Codes.Select(c => c.Code).Order());
        Assert.Equal(SignatureVerification.Patterns.Order(), accuracy.Patterns.Select(c => c.Code).Order());
        foreach (var c in accuracy.Codes.Concat(accuracy.Patterns))
        {
            Assert.True(c.Expected > 0, $"{c.Code}: nothing planted");
            Assert.Equal((1.0, 1.0), (c.Precision, c.Recall));
        }

        Assert.True(accuracy.Exact);
        Assert.Equal(22, accuracy.Nominees.Count);
        var registered = accuracy.Nominees.Where(n => n.Status == "registered").ToList();
        Assert.Equal(4, registered.Count);
        var store2 = new SignatureStore(db, Repo.Kz, TimeProvider.System);
        foreach (var n in accuracy.Nominees)
        {
            var valid = await store2.ValidCountAsync(n.Nominee, Ct);
            Assert.Equal(n.ExpectedValid, valid);
            Assert.Equal(n.Status is "registered" or "" || valid >= accuracy.Threshold && n.Status == "refused", valid >= accuracy.Threshold);
        }

        // The same store generates the same sheets again: comparing again changes nothing.
        var (_, again, threshold) = await SignatureSeeder.GenerateAsync(db, Ct);
        Assert.True((await SignatureSeeder.CompareAsync(db, again, threshold, Ct)).Exact);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task A_file_is_verified_against_the_register_on_each_signing_date_stored_per_TEC_and_never_verified_twice(string kind)
    {
        var store = await WorldAsync(kind, 0.0005);
        await using var db = await store.OpenAsync(Ct);
        var voters = await db.Voters.AsNoTracking().Where(v => v.RegisteredOn == null || v.RegisteredOn <= new DateOnly(2011, 2, 5))
            .Join(db.Commissions.Where(c => c.SpecialKind == null), v => v.PrecinctId, c => c.Id, (v, c) => v)
            .OrderBy(v => v.Id).Take(4).ToListAsync(Ct);
        var late = await db.Voters.AsNoTracking().Where(v => v.RegisteredOn > new DateOnly(2011, 2, 20)).OrderBy(v => v.Id).FirstAsync(Ct);
        var special = await db.Commissions.AsNoTracking().Where(c => c.SpecialKind != null).OrderBy(c => c.Id).FirstAsync(Ct);

        // voters[1] is moved to a special list on 16 February; voters[2] died on 12 February.
        await new TransferService(db, new Clock(new DateOnly(2011, 2, 16))).TransferAsync(voters[1].Iin.ToString("D12", System.Globalization.CultureInfo.InvariantCulture), special.Code, ct: Ct);
        db.DeathRecords.Add(new DeathRecordRow { Iin = voters[2].Iin, DiedOn = new DateOnly(2011, 2, 12) });
        await db.SaveChangesAsync(Ct);

        string Row(string sheet, int line, Model.VoterRow v, string on, string? surname = null) =>
            $"{sheet},{line},{v.Iin:D12},{surname ?? v.Surname},{v.GivenName},{v.Patronymic},{v.BirthDate:yyyy-MM-dd},\"{v.Address}\",{on},Collector 1";
        var csv = string.Join('\n', Header,
            Row("S1", 1, voters[0], "2011-02-15"),
            Row("S1", 2, voters[1], "2011-02-15"),
            Row("S1", 3, voters[1], "2011-02-17"),
            Row("S1", 4, voters[2], "2011-02-15"),
            Row("S1", 5, late, "2011-02-15"),
            Row("S1", 6, voters[3], "2011-02-15", surname: "Иванов-Петров"));

        var signatures = new SignatureStore(db, Repo.Kz, TimeProvider.System);
        var report = await signatures.VerifyAsync(1, new StringReader(csv), Ct);

        Assert.Equal(3, report.Valid);
        Assert.Equal([(3, SignatureVerification.Duplicate), (5, SignatureVerification.NotAVoter), (6, SignatureVerification.NameMismatch)], report.Rejected.Select(r => (r.Line, r.Code)));
        Assert.Equal([(4, SignatureVerification.SignerDeceased)], report.Flagged.Select(f => (f.Line, f.Pattern)));

        var tecs = await TecsAsync(db);
        var rows = await db.SignatureChecks.AsNoTracking().OrderBy(c => c.Line).ToListAsync(Ct);
        Assert.Equal(6, rows.Count);
        Assert.Equal(tecs[voters[0].PrecinctId], rows[0].Tec);
        Assert.Equal(tecs[voters[1].PrecinctId], rows[1].Tec); // its home list's unit: the transfer came later
        Assert.Null(rows[4].Tec);
        Assert.Equal(voters[0].Iin, rows[0].SignerIin);

        // The signer on the special list by the signing date is flagged (a new sheet, the voter's first signature).
        var second = await signatures.VerifyAsync(2, new StringReader(string.Join('\n', Header, Row("T1", 1, voters[1], "2011-02-17"))), Ct);
        Assert.Equal([SignatureVerification.SignerOnSpecialList], second.Flagged.Select(f => f.Pattern));
        Assert.Equal(tecs[special.Id], (await db.SignatureChecks.AsNoTracking().SingleAsync(c => c.NomineeNumber == 2, Ct)).Tec);

        // Counts per TEC and the nominee's download: reasons, no signer.
        var counts = await signatures.CountsAsync(1, Ct);
        Assert.Equal(3, counts.Sum(c => c.Valid));
        Assert.Equal(3, counts.Sum(c => c.Rejected));
        Assert.Equal(1, counts.Single(c => c.Tec == "").RejectedByCode[SignatureVerification.NotAVoter]);
        Assert.Equal(1, counts.Sum(c => c.FlaggedByPattern.GetValueOrDefault(SignatureVerification.SignerDeceased)));
        Assert.Equal(3, await signatures.ValidCountAsync(1, Ct));
        var rejections = await signatures.RejectionsAsync(1, null, Ct);
        Assert.Equal([3, 5, 6], rejections.Select(r => r.Line));
        Assert.All(rejections, r => Assert.DoesNotContain(voters[1].Surname, r.Reason.Kk + r.Reason.Ru + r.Reason.En, StringComparison.Ordinal));
        Assert.Equal([5], (await signatures.RejectionsAsync(1, "", Ct)).Select(r => r.Line));

        // The same sheet again is refused, and nothing of the second try is stored.
        var refused = await Assert.ThrowsAsync<SignatureVerificationRefusedException>(() =>
            signatures.VerifyAsync(1, new StringReader(string.Join('\n', Header, Row("S2", 1, voters[3], "2011-02-15"), Row("S1", 9, voters[3], "2011-02-15"))), Ct));
        Assert.Equal(SignatureStore.SheetAlreadyVerified, refused.Code);
        Assert.Equal(7, await db.SignatureChecks.CountAsync(Ct));

        // A voter counted in an earlier file is a duplicate in a later one.
        var later = await signatures.VerifyAsync(1, new StringReader(string.Join('\n', Header, Row("S3", 1, voters[0], "2011-02-18"), Row("S3", 2, voters[3], "2011-02-18"))), Ct);
        Assert.Equal(1, later.Valid);
        Assert.Equal(SignatureVerification.Duplicate, Assert.Single(later.Rejected).Code);

        // A file with a row that cannot be placed on a sheet is refused whole.
        await Assert.ThrowsAsync<SignatureFileException>(() => signatures.VerifyAsync(1, new StringReader(string.Join('\n', Header, Row("S4", 1, voters[3], "2011-02-18"), ",2,1,a,b,c,,x,,y")), Ct));
        Assert.Equal(9, await db.SignatureChecks.CountAsync(Ct));
        await Assert.ThrowsAsync<SignatureVerificationRefusedException>(() => signatures.VerifyAsync(99, new StringReader(Header), Ct));

        // A stored check, and its batch, never change: the store itself refuses, whatever the code above does.
        foreach (var sql in new[]
        {
            "UPDATE signature_checks SET outcome = 'valid'", "DELETE FROM signature_checks",
            "UPDATE signature_batches SET valid = 0", "DELETE FROM signature_batches",
        })
        {
            var refusal = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql, Ct));
            Assert.Contains("RECORD.IMMUTABLE", refusal.Message, StringComparison.Ordinal);
        }

        Assert.Equal(4, await signatures.ValidCountAsync(1, Ct)); // 3 of the first file, 1 of the later one: unchanged
    }

    private static async Task<Dictionary<int, string>> TecsAsync(AshyqDbContext db)
    {
        var all = await db.Commissions.AsNoTracking().ToDictionaryAsync(c => c.Id, Ct);
        return all.Values.Where(c => c.Level == "PEC").ToDictionary(c => c.Id, c =>
        {
            var at = c;
            while (at.Level != "TEC")
            {
                at = all[at.ParentId!.Value];
            }

            return at.Code;
        });
    }
}
