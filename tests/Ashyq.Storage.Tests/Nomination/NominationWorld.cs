using System.Globalization;
using System.Text;
using Ashyq.Core.Commissions;
using Ashyq.Core.Register;
using Ashyq.Core.Results;
using Ashyq.Storage.Nomination;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests.Nomination;

/// <summary>A clock the test moves by hand (the store reads time only through it).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>
/// A small generated election (real register, real commissions) with the clock on the day a nominee is
/// nominated, and the services of nomination over it.
/// </summary>
public sealed class NominationWorld : IAsyncDisposable
{
    public static readonly Actor Clerk = new("cec-clerk", "CEC");

    private NominationWorld(Store store, AshyqDbContext db, ManualClock clock)
    {
        Store = store;
        Db = db;
        Clock = clock;
    }

    public Store Store { get; }

    public AshyqDbContext Db { get; }

    public ManualClock Clock { get; }

    public NominationStore Files => new(Db, Repo.Kz, Clock);

    public ProxyStore Proxies => new(Db, Repo.Kz, Clock);

    public VerificationService Verification => new(Db, Repo.Kz, Clock, new StoredSignatureTally(Db, Repo.Kz, Clock));

    public RegistrationService Registration => new(Db, Repo.Kz, Clock, new StoredSignatureTally(Db, Repo.Kz, Clock));

    public static async Task<NominationWorld> CreateAsync(string kind, double scale, CancellationToken ct)
    {
        var store = await TestStores.WithWorldAsync(kind, scale, 5, ct);
        var db = await store.OpenAsync(ct);
        return new NominationWorld(store, db, new ManualClock(new DateTimeOffset(2011, 2, 7, 4, 0, 0, TimeSpan.Zero)));
    }

    /// <summary>A nominee whose file meets every requirement, with a language test of <paramref name="errors"/> errors.</summary>
    public async Task<int> EligibleNomineeAsync(string name, int errors, CancellationToken ct, bool declarations = true)
    {
        var files = Files;
        var iin = Enumerable.Range(0, 50).Select(s => Iin.Compose(new DateOnly(1955, 3, 14), Gender.Male, 7000 + s + name.Length)).First(i => i is not null)!.Value;
        var nominee = await files.NominateAsync(new NominationRequest(name, name, name, "self", null, new DateOnly(2011, 2, 7), iin.ToString(), true, "Алматы облысы", new DateOnly(1955, 3, 14), false, true), Clerk, ct);
        if (!await Db.Set<LanguageCriteriaRow>().AnyAsync(ct))
        {
            await files.PublishCriteriaAsync(10, ["spelling", "grammar", "vocabulary"], new DateOnly(2011, 2, 4), Clerk, ct);
        }

        var text = string.Concat(Enumerable.Repeat("Сайлау жалпыға бірдей, тең және төте сайлау құқығы негізінде өткізіледі. ", 20));
        await files.RecordLanguageTestAsync(nominee.Id, new DateOnly(2011, 2, 8), text, Clerk, ct);
        await files.RecordExaminationAsync(nominee.Id, new ExaminationRequest("commission", "Linguistic Commission", new DateOnly(2011, 2, 9), errors <= 10 ? "pass" : "fail",
            [.. Enumerable.Range(0, errors).Select(i => new LanguageErrorRequest(i % 2 == 0 ? "spelling" : "grammar", i * 40, 3, $"Examiner {1 + (i % 3)}", null))]), Clerk, ct);
        await files.RecordDocumentAsync(nominee.Id, "deposit-receipt", "Receipt", new DateOnly(2011, 2, 21), 799_950m, null, Clerk, ct);
        if (declarations)
        {
            await files.RecordDocumentAsync(nominee.Id, "declaration", "Declaration", new DateOnly(2011, 2, 21), null, null, Clerk, ct);
            await files.RecordDocumentAsync(nominee.Id, "spouse-declaration", "Spouse's declaration", new DateOnly(2011, 2, 21), null, null, Clerk, ct);
        }

        return nominee.Number;
    }

    /// <summary>
    /// Sheets signed by <paramref name="perUnit"/> real voters in each of the first <paramref name="units"/> TECs,
    /// plus one line with a wrong birth date and one with an IIN not on the register.
    /// </summary>
    public async Task<string> SheetsAsync(int perUnit, int units, CancellationToken ct)
    {
        var unitOf = await Territory.UnitsOfPrecinctsAsync(Db, Repo.Kz, ct);
        var voters = await Db.Voters.AsNoTracking().OrderBy(v => v.Id).ToListAsync(ct);
        var chosen = voters.Where(v => unitOf.ContainsKey(v.PrecinctId)).GroupBy(v => unitOf[v.PrecinctId]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Take(units).SelectMany(g => g.Take(perUnit)).ToList();
        var csv = new StringBuilder("sheet_id,line,signer_iin,surname,given_name,patronymic,birth_date,address,signed_on,collector\n");
        var line = 0;
        foreach (var v in chosen)
        {
            line++;
            csv.Append(CultureInfo.InvariantCulture, $"S-{1 + (line / 20)},{line},{v.Iin:D12},{v.Surname},{v.GivenName},{v.Patronymic},{v.BirthDate:yyyy-MM-dd},\"{v.Address} {line}\",2011-02-12,Collector {line % 5}\n");
        }

        var first = chosen[0];
        csv.Append(CultureInfo.InvariantCulture, $"S-99,1,{first.Iin:D12},{first.Surname},{first.GivenName},{first.Patronymic},1901-01-01,\"x\",2011-02-13,Collector 9\n");
        var stranger = Enumerable.Range(0, 50).Select(s => Iin.Compose(new DateOnly(1977, 7, 7), Gender.Female, 9000 + s)).First(i => i is not null && !voters.Any(v => v.Iin == i.Value.Value))!.Value;
        csv.Append(CultureInfo.InvariantCulture, $"S-99,2,{stranger},Белгісіз,Адам,,1977-07-07,\"y\",2011-02-13,Collector 9\n");
        return csv.ToString();
    }

    /// <summary>Every voting member of a commission, each voting <paramref name="vote"/>.</summary>
    public async Task<(List<string> Present, Dictionary<string, VoteChoice> Votes)> VotesAsync(string commission, VoteChoice vote, CancellationToken ct)
    {
        var id = await Db.Commissions.Where(c => c.Code == commission).Select(c => c.Id).SingleAsync(ct);
        var members = await Db.Members.AsNoTracking().Where(m => m.CommissionId == id && m.IsVoting).OrderBy(m => m.Id).Select(m => m.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync(ct);
        return (members, members.ToDictionary(m => m, _ => vote));
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();
}
