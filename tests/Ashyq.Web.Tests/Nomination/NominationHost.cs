using System.Globalization;
using System.Text;
using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Ashyq.Storage.Nomination;
using Ashyq.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Tests.Nomination;

/// <summary>A clock the test moves by hand: the host reads time only through it.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>
/// A host of its own for nomination: a small generated election (scale 0.0002) with the demo's nomination data,
/// whose clock stands on 7 February 2011 (nomination is open) and moves only when a test moves it — a
/// verification session can only be held 48 hours after its notices. Accounts: the CEC's chair and each TEC's chair.
/// </summary>
public sealed class NominationHost : IAsyncLifetime
{
    public const string Password = "nomination-web-1";

    private string _folder = "";
    private WebApplication? _app;

    public Store Store { get; private set; } = null!;

    public ManualClock Clock { get; } = new(new DateTimeOffset(2011, 2, 7, 4, 0, 0, TimeSpan.Zero));

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("ashyq-nomination-web-").FullName;
        Store = Store.Parse(Path.Combine(_folder, "ashyq.db"));
        await using (var db = await Store.OpenAsync())
        {
            await new WorldWriter(db, TimeProvider.System).GenerateAsync(Repo.Kz, Repo.KzText, 0.0002, 3);
            await NominationSeeder.SeedDemoAsync(db, 3, TimeProvider.System);
        }

        await AccountsAdmin.CreateAsync(Store, "cec-chair", "CEC", AccountRole.Chair, Password);
        for (var t = 1; t <= 16; t++)
        {
            await AccountsAdmin.CreateAsync(Store, $"tec-{t:D2}-chair", $"TEC-{t:D2}", AccountRole.Chair, Password);
        }

        _app = AshyqWebHost.Build(new WebHostSettings(Store, "http://127.0.0.1:0") { Time = Clock }, ["--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>Sheets of <paramref name="perUnit"/> real voters of one TEC's unit, on one sheet named after it.</summary>
    public async Task<string> SheetAsync(string tec, int perUnit, CancellationToken ct)
    {
        await using var db = Store.CreateContext();
        var units = await Territory.UnitsOfPrecinctsAsync(db, Repo.Kz, ct);
        var precincts = units.Where(u => u.Value == tec).Select(u => u.Key).ToList();
        var voters = await db.Voters.AsNoTracking().Where(v => precincts.Contains(v.PrecinctId)).OrderBy(v => v.Id).Take(perUnit).ToListAsync(ct);
        var csv = new StringBuilder("sheet_id,line,signer_iin,surname,given_name,patronymic,birth_date,address,signed_on,collector\n");
        var line = 0;
        foreach (var v in voters)
        {
            line++;
            csv.Append(CultureInfo.InvariantCulture, $"S-{tec},{line},{v.Iin:D12},{v.Surname},{v.GivenName},{v.Patronymic},{v.BirthDate:yyyy-MM-dd},\"{v.Address.Replace("\"", "", StringComparison.Ordinal)} {line}\",2011-02-12,Collector {tec}\n");
        }

        return csv.ToString();
    }

    public async Task<string> PrecinctInAsync(string tec, CancellationToken ct)
    {
        await using var db = Store.CreateContext();
        var units = await Territory.UnitsOfPrecinctsAsync(db, Repo.Kz, ct);
        var id = units.Where(u => u.Value == tec).Select(u => u.Key).Min();
        return await db.Commissions.Where(c => c.Id == id).Select(c => c.Code).SingleAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
