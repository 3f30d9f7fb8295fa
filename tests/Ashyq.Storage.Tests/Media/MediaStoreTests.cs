using Ashyq.Core.Media;
using Ashyq.Storage.Media;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests.Media;

public class MediaStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "outlet,aired_at,programme,kind,subject,seconds,tone,monitor";

    private static async Task<Store> ElectionAsync(string kind)
    {
        var store = await TestStores.WithWorldAsync(kind, 0, 2011, Ct);
        await using var db = await store.OpenAsync(Ct);
        return store;
    }

    private static string Write(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ashyq-media-").FullName, "monitoring.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static string Name(string surname) => Repo.Kz.Candidates.Registered.Single(c => c.Name.En.EndsWith(surname, StringComparison.Ordinal)).Name.Kk;

    private static string Code(string surname) => Repo.Kz.Candidates.Registered.Single(c => c.Name.En.EndsWith(surname, StringComparison.Ordinal)).Code;

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task A_good_file_is_imported_and_a_bad_file_after_it_loses_nothing(string kind)
    {
        var store = await ElectionAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        var service = new MediaService(db, TimeProvider.System);

        // Khabar news: Nazarbayev 30 s, Kassymov 90 s → 0.25 / 0.75; his 600 s as President are institutional.
        var good = Write(Header + "\n" +
            $"Khabar,2011-03-14T20:00,Жаңалықтар,news,{Name("Nazarbayev")},30,positive,m1\n" +
            $"Khabar,2011-03-14T20:02,Жаңалықтар,news,{Name("Kassymov")},90,neutral,m1\n" +
            $"Khabar,2011-03-14T20:05,Жаңалықтар,institutional,{Name("Nazarbayev")},600,positive,m1\n");
        var report = await service.ImportCsvAsync(good, "test", Ct);
        Assert.False(report.Refused);
        Assert.Equal(3, report.Accepted);

        var bad = Write(Header + "\n" +
            $"Khabar,2011-03-15T20:00,Жаңалықтар,news,{Name("Eleusizov")},45,neutral,m1\n" +
            "Khabar,2011-03-15T20:00,Жаңалықтар,news,Somebody,-1,neutral,m1\n");
        var refused = await service.ImportCsvAsync(bad, "test", Ct);
        Assert.True(refused.Refused);
        Assert.Equal((2L, "seconds", MediaCodes.Amount), (refused.Errors[0].Row, refused.Errors[0].Field, refused.Errors[0].Code));
        Assert.Equal(0, refused.Accepted);

        Assert.Equal(3, await db.MediaItems.CountAsync(Ct));
        Assert.Equal(1, await db.MediaImports.CountAsync(Ct));
        var stats = (await service.ReportAsync(Ct))!.Report.Campaign;
        Assert.Equal(0.25m, stats.NewsShare["Khabar"][Code("Nazarbayev")]);
        Assert.Equal(0.75m, stats.NewsShare["Khabar"][Code("Kassymov")]);
        Assert.Equal(600, stats.InstitutionalSeconds[Code("Nazarbayev")]);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task The_same_file_is_not_imported_twice(string kind)
    {
        var store = await ElectionAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        var service = new MediaService(db, TimeProvider.System);
        var file = Write(Header + "\nKhabar,2011-03-14T20:00,N,news,C1,30,neutral,m1\n");
        Assert.Equal(1, (await service.ImportCsvAsync(file, "test", Ct)).Accepted);
        var again = await service.ImportCsvAsync(file, "test", Ct);
        Assert.True(again.AlreadyImported);
        Assert.Equal(1, await db.MediaItems.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task Items_keep_their_local_day_through_the_store(string kind)
    {
        // 23:30 in Almaty (UTC+6) is 17:30 UTC: PostgreSQL keeps UTC, the day is still the 14th.
        var store = await ElectionAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        var service = new MediaService(db, TimeProvider.System);
        await service.ImportCsvAsync(Write(Header + "\nKhabar,2011-03-14T23:30,N,news,C1,30,neutral,m1\n"), "test", Ct);
        var report = (await service.ReportAsync(Ct))!.Report;
        Assert.Equal(new DateOnly(2011, 3, 14), Assert.Single(report.Days).Day);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task A_form_entry_is_checked_like_a_row(string kind)
    {
        var store = await ElectionAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        var service = new MediaService(db, TimeProvider.System);
        var errors = await service.EnterAsync(new MediaEntry("Khabar", "tv", "2011-03-14T20:00", "N", "news", "C2", "abc", "neutral", "m1"), "monitor@example", Ct);
        Assert.Equal(MediaCodes.Amount, Assert.Single(errors).Code);
        Assert.Equal(0, await db.MediaItems.CountAsync(Ct));
        Assert.Empty(await service.EnterAsync(new MediaEntry("Khabar", "tv", "2011-03-14T20:00", "N", "news", "C2", "60", "neutral", "m1"), "monitor@example", Ct));
        Assert.Equal("form", (await db.MediaImports.SingleAsync(Ct)).Source);
        var row = await db.MediaItems.SingleAsync(Ct);
        Assert.Equal(("C2", Repo.Kz.Candidates.Registered.Single(c => c.Code == "C2").Name.Kk, 60), (row.CandidateCode, row.Subject, row.Amount));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task The_demo_sample_is_seeded_once_and_gives_the_seeds_figures(string kind)
    {
        var store = await ElectionAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        var service = new MediaService(db, TimeProvider.System);
        var written = await service.SeedDemoAsync(2011, Ct);
        Assert.True(written > 1000);
        Assert.Equal(0, await service.SeedDemoAsync(2011, Ct));
        var campaign = (await service.ReportAsync(Ct))!.Report.Campaign;
        int Percent(string outlet, string surname) => (int)Math.Round(campaign.NewsShare[outlet][Code(surname)] * 100, MidpointRounding.AwayFromZero);
        Assert.Equal([19, 29, 25, 28], new[] { "Nazarbayev", "Akhmetbekov", "Kassymov", "Eleusizov" }.Select(s => Percent("Kazakhstan TV", s)));
        Assert.Equal([13, 26, 28, 33], new[] { "Nazarbayev", "Akhmetbekov", "Kassymov", "Eleusizov" }.Select(s => Percent("Khabar", s)));
        Assert.Equal([16, 14, 3, 39], new[] { "Channel 7", "Channel 31", "KTK", "Astana TV" }.Select(o => Percent(o, "Nazarbayev")));
    }
}
