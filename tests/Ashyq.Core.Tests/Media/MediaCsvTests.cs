using Ashyq.Core.Media;
using static Ashyq.Core.Tests.Media.MediaSampleData;

namespace Ashyq.Core.Tests.Media;

public class MediaCsvTests
{
    private const string Header = "outlet,aired_at,programme,kind,subject,seconds,tone,monitor";

    private static MediaCsvResult Read(string text) => MediaCsv.Read(new StringReader(text), Registered, Zone);

    private static MediaRowError SingleError(string row)
    {
        var result = Read(Header + "\n" + row + "\n");
        Assert.Empty(result.Items);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void GoodRows_BecomeItems_WithTheCandidateResolvedByAnyOfItsNames()
    {
        var result = Read(Header + "\n" +
            "Khabar,2011-03-14T20:05,Жаңалықтар,news,Бірінші Үміткер,95,positive,m1\n" +
            "\n" +
            "Khabar,2011-03-14 20:07,Жаңалықтар,news,  второй   кандидат ,30,neutral,m1\n" +
            "Khabar,2011-03-14T20:09:30+06:00,Жаңалықтар,institutional,C3,40,negative,m2\n" +
            "\"Khabar, evening\",2011-03-14T14:00Z,\"Programme \"\"Q\"\"\",current_affairs,Ak Zhol,10,neutral,m2\n");
        Assert.Empty(result.Errors);
        Assert.Equal(5, result.Rows); // the blank line is counted, not read
        Assert.Equal(["C1", "C2", "C3", null], result.Items.Select(i => i.CandidateCode));
        Assert.Equal("Екінші Үміткер", result.Items[1].Subject); // a candidate is stored by the name the CLI lists
        Assert.Equal(new DateTimeOffset(2011, 3, 14, 20, 5, 0, TimeSpan.FromHours(6)), result.Items[0].AiredAt);
        Assert.Equal(new DateTimeOffset(2011, 3, 14, 14, 0, 0, TimeSpan.Zero), result.Items[3].AiredAt);
        Assert.Equal("Khabar, evening", result.Items[3].Outlet);
        Assert.Equal("Programme \"Q\"", result.Items[3].Programme);
        Assert.Equal(OutletKind.Television, result.Items[0].OutletKind);
    }

    [Fact]
    public void OutletKindColumn_IsOptional_AndRead()
    {
        var result = Read("outlet_kind," + Header + "\nprint,Egemen,2011-03-14T06:00,Front,news,C1,300,neutral,m1\nradio,KR,2011-03-14T06:00,News,news,C1,30,neutral,m1\n");
        Assert.Empty(result.Errors);
        Assert.Equal([OutletKind.Print, OutletKind.Radio], result.Items.Select(i => i.OutletKind));
    }

    [Fact]
    public void MissingColumn_IsAHeaderError_NamingIt()
    {
        var result = Read("outlet,aired_at,programme,kind,subject,tone,monitor\nx\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal((0L, "seconds", MediaCodes.CsvHeader), (error.Row, error.Field, error.Code));
    }

    [Fact]
    public void EmptyFile_IsAHeaderError() => Assert.Equal(MediaCodes.CsvHeader, Assert.Single(Read("").Errors).Code);

    [Fact]
    public void HeaderWithoutRows_IsEmpty() => Assert.Equal(MediaCodes.Empty, Assert.Single(Read(Header + "\n").Errors).Code);

    [Fact]
    public void WrongNumberOfFields_IsNamed() =>
        Assert.Equal((1L, "*", MediaCodes.CsvColumns), Fields(SingleError("Khabar,2011-03-14T20:00,N,news,C1,30,neutral")));

    [Fact]
    public void UnclosedQuote_IsNamed() =>
        Assert.Equal((1L, "*", MediaCodes.CsvQuote), Fields(SingleError("\"Khabar,2011-03-14T20:00,N,news,C1,30,neutral,m1")));

    [Theory]
    [InlineData(",2011-03-14T20:00,N,news,C1,30,neutral,m1", "outlet")]
    [InlineData("Khabar,2011-03-14T20:00,,news,C1,30,neutral,m1", "programme")]
    [InlineData("Khabar,2011-03-14T20:00,N,news, ,30,neutral,m1", "subject")]
    [InlineData("Khabar,2011-03-14T20:00,N,news,C1,30,neutral,", "monitor")]
    public void EmptyRequiredField_IsNamed(string row, string field) =>
        Assert.Equal((1L, field, MediaCodes.Required), Fields(SingleError(row)));

    [Theory]
    [InlineData("14.03.2011 20:00")]
    [InlineData("2011-03-32T20:00")]
    [InlineData("")]
    public void BadAiredAt_IsNamed(string at) =>
        Assert.Equal((1L, "aired_at", MediaCodes.AiredAt), Fields(SingleError($"Khabar,{at},N,news,C1,30,neutral,m1")));

    [Fact]
    public void UnknownKind_IsNamed() =>
        Assert.Equal((1L, "kind", MediaCodes.Kind), Fields(SingleError("Khabar,2011-03-14T20:00,N,campaign,C1,30,neutral,m1")));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("abc")]
    public void BadSeconds_IsNamed(string seconds) =>
        Assert.Equal((1L, "seconds", MediaCodes.Amount), Fields(SingleError($"Khabar,2011-03-14T20:00,N,news,C1,{seconds},neutral,m1")));

    [Fact]
    public void UnknownTone_IsNamed() =>
        Assert.Equal((1L, "tone", MediaCodes.Tone), Fields(SingleError("Khabar,2011-03-14T20:00,N,news,C1,30,glowing,m1")));

    [Fact]
    public void UnknownOutletKind_IsNamed()
    {
        var result = Read("outlet_kind," + Header + "\ncable,Khabar,2011-03-14T20:00,N,news,C1,30,neutral,m1\n");
        Assert.Equal((1L, "outlet_kind", MediaCodes.OutletKind), Fields(Assert.Single(result.Errors)));
    }

    [Fact]
    public void FreeAirtime_ForSomeoneNotRegistered_IsRefused() =>
        Assert.Equal((1L, "subject", MediaCodes.NotACandidate), Fields(SingleError("Khabar,2011-03-14T20:00,N,free_airtime,Ak Zhol,900,neutral,m1")));

    [Fact]
    public void EveryBadRow_IsNamed_AndGoodRowsStillRead()
    {
        var result = Read(Header + "\n" +
            "Khabar,2011-03-14T20:00,N,news,C1,30,neutral,m1\n" +
            "Khabar,yesterday,N,gossip,C1,30,neutral,m1\n" +
            "Khabar,2011-03-14T20:00,N,news,C2,30,neutral,m1\n" +
            "Khabar,2011-03-14T20:00,N,news,C2,x,bright,m1\n");
        Assert.Equal(2, result.Items.Count);
        Assert.Equal([(2L, "aired_at"), (2L, "kind"), (4L, "seconds"), (4L, "tone")], result.Errors.Select(e => (e.Row, e.Field)));
    }

    [Fact]
    public void EveryCode_IsTriggeredByATestOfThisClass()
    {
        // Each constant of MediaCodes is named by a test of this file; a new code must come with its test.
        var source = File.ReadAllText(Path.Combine(Ashyq.Tests.Repo.Root, "tests", "Ashyq.Core.Tests", "Media", "MediaCsvTests.cs"));
        var constants = typeof(MediaCodes).GetFields().Where(f => f.IsLiteral).ToList();
        Assert.Equal(MediaCodes.All.Count, constants.Count);
        Assert.All(constants, f => Assert.Matches($@"MediaCodes\.{f.Name}\b", source));
    }

    [Fact]
    public void TheShippedExampleFile_ReadsWithoutErrors_AgainstTheKz2011Candidates()
    {
        // definitions/media-monitoring-kz-2011.csv: the format by example, candidates named as `ashyq candidates` lists them.
        using var reader = new StreamReader(Path.Combine(Ashyq.Tests.Repo.Root, "definitions", "media-monitoring-kz-2011.csv"));
        var result = MediaCsv.Read(reader, new CandidateDirectory(Ashyq.Tests.Repo.Kz.Candidates.Registered), Zone);
        Assert.Empty(result.Errors);
        Assert.Equal(12, result.Items.Count);
        // Khabar news on 14 March: Nazarbayev 45 s of 45 + 95 + 110 + 90 = 340 s; his 240 s as President are not counted.
        var khabar = MediaStatistics.Compute(result.Items, new CandidateDirectory(Ashyq.Tests.Repo.Kz.Candidates.Registered)).NewsShare["Khabar"];
        Assert.Equal(45m / 340m, khabar["C4"]);
    }

    private static (long, string, string) Fields(MediaRowError e) => (e.Row, e.Field, e.Code);
}
