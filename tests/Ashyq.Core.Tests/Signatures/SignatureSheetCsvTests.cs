using Ashyq.Core.Candidates;

namespace Ashyq.Core.Tests.Signatures;

public class SignatureSheetCsvTests
{
    private const string Header = "sheet_id,line,signer_iin,surname,given_name,patronymic,birth_date,address,signed_on,collector";

    private static SignatureSheetFile Read(params string[] rows) => SignatureSheetCsv.Read(new StringReader(string.Join('\n', rows)));

    [Fact]
    public void ALine_IsReadWithQuotedCommas_AndBothDateForms()
    {
        var file = Read(Header, "S-1,1,700304300014,Ахметов,Марат,,04.03.1970,\"Алматы, Абай 1\",2011-02-15,\"Оспанов Е. \"\"№1\"\"\"");
        Assert.False(file.Refused);
        Assert.Empty(file.Errors);
        var line = Assert.Single(file.Lines);
        Assert.Equal(new SignatureLine("S-1", 1, "700304300014", "Ахметов", "Марат", "", new DateOnly(1970, 3, 4), "Алматы, Абай 1", new DateOnly(2011, 2, 15), "Оспанов Е. \"№1\""), line);
    }

    [Fact]
    public void ColumnsMayComeInAnyOrder()
    {
        var file = Read("collector,signed_on,address,birth_date,patronymic,given_name,surname,signer_iin,line,sheet_id", "C,2011-02-15,A,1970-03-04,,Марат,Ахметов,700304300014,2,S");
        Assert.Equal(("S", 2, "C"), (file.Lines[0].SheetId, file.Lines[0].Line, file.Lines[0].Collector));
    }

    [Fact]
    public void AHeaderWithoutAColumn_RefusesTheFile_NamingIt()
    {
        var file = Read("sheet_id,line,signer_iin,surname,given_name,patronymic,birth_date,address,signed_on", "S,1,1,a,b,c,1970-01-01,x,2011-02-15");
        Assert.True(file.Refused);
        var error = Assert.Single(file.Errors);
        Assert.Equal((0L, "collector", SignatureSheetCsv.HeaderCode), (error.Row, error.Field, error.Code));
        Assert.True(Read().Refused);
    }

    [Fact]
    public void RowsThatCannotBePlacedOnASheet_RefuseTheFile_EachByRowFieldAndCode()
    {
        var file = Read(
            Header,
            "S,1,700304300014,A,B,,1970-03-04,X,2011-02-15,C",
            "",
            ",2,700304300014,A,B,,1970-03-04,X,2011-02-15,C",
            "S,0,700304300014,A,B,,1970-03-04,X,2011-02-15,C",
            "S,1,700304300014,A,B,,1970-03-04,X,2011-02-15,C",
            "S,3,700304300014,A,B",
            "S,4,\"unclosed,A,B,,1970-03-04,X,2011-02-15,C");
        Assert.True(file.Refused);
        Assert.Equal(
            [(3L, "sheet_id", SignatureSheetCsv.SheetLineCode), (4L, "line", SignatureSheetCsv.SheetLineCode), (5L, "line", SignatureSheetCsv.LineTwiceCode), (6L, "*", SignatureSheetCsv.ColumnsCode), (7L, "*", SignatureSheetCsv.QuoteCode)],
            file.Errors.Select(e => (e.Row, e.Field, e.Code)));
        Assert.All(file.Errors, e => Assert.True(e.Blocking));
    }

    [Fact]
    public void AnUnreadableDate_IsReported_AndTheLineIsVerifiedWithoutIt()
    {
        var file = Read(Header, "S,1,700304300014,A,B,,1970-13-04,X,15/02/2011,C");
        Assert.False(file.Refused);
        Assert.Equal([("birth_date", SignatureSheetCsv.DateCode), ("signed_on", SignatureSheetCsv.DateCode)], file.Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal((null, null), (file.Lines[0].BirthDate, file.Lines[0].SignedOn));
        Assert.Equal([SignatureSheetCsv.BirthDate, SignatureSheetCsv.SignedOn], SignatureVerification.Missing(file.Lines[0]));
    }

    [Fact]
    public void WrittenLines_ReadBackTheSame()
    {
        SignatureLine[] lines =
        [
            new("S,1", 1, "700304300014", "Ахметов", "Марат", "Серікұлы", new DateOnly(1970, 3, 4), "Алматы, \"Абай\" 1", new DateOnly(2011, 2, 15), "C"),
            new("S2", 2, "", "", "", "", null, "", null, ""),
        ];
        var text = new StringWriter();
        SignatureSheetCsv.Write(text, lines);
        Assert.Equal(lines, SignatureSheetCsv.Read(new StringReader(text.ToString())).Lines);
    }
}
