using Ashyq.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Web.Tests;

public class HostSmokeTests
{
    [Fact]
    public async Task TheHost_ServesTheHomePageOnLoopback()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = Store.Parse(Path.Combine(Directory.CreateTempSubdirectory("ashyq-web-").FullName, "ashyq.db"));
        await using (var db = await store.OpenAsync(ct))
        {
            await new WorldWriter(db, TimeProvider.System).GenerateAsync(Ashyq.Tests.Repo.Kz, Ashyq.Tests.Repo.KzText, 0, 1, cancellationToken: ct);
        }

        await using var app = AshyqWebHost.Build(new WebHostSettings(store, "http://127.0.0.1:0"));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient();

        var home = System.Net.WebUtility.HtmlDecode(await http.GetStringAsync(new Uri(address + "/"), ct));

        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        Assert.Contains("Қазақстан Республикасы Президентінің", home, StringComparison.Ordinal);
        await app.StopAsync(ct);
    }
}
