using Ashyq.Core.Register;

namespace Ashyq.Core.Tests.Register;

public class RegisterCsvTests
{
    private const string Header = "source_id,iin,surname,given_name,patronymic,birth_date,gender,address,precinct";

    // Born 1987-09-18, female, serial 0: a valid IIN; and a man born 1967-04-02.
    private const string Good = "A-1,870918400007,Оспанова,Айгүл,Маратқызы,1987-09-18,F,\"Көкшетау қ., Пушкин көшесі, 43, 109\",PEC-0001";
    private const string Good2 = "A-2,670402300003,Ермеков,Бауыржан,Саятұлы,1967-04-02,M,\"Көкшетау қ., Пушкин көшесі, 68, 36\",PEC-0001";

    private static readonly RegisterRules Rules = new(new HashSet<string> { "PEC-0001", "PEC-0002" }, new DateOnly(2011, 4, 3), 18, new DateOnly(2011, 2, 1));

    private static List<RegisterRow> Read(params string[] lines) =>
        [.. new RegisterCsv(new StringReader(string.Join('\n', lines)), Rules).Rows()];

    private static string Under18Row()
    {
        var iin = Iin.Compose(new DateOnly(1993, 4, 4), Gender.Male, 1)!.Value;
        return $"A-9,{iin},Ахметов,Марат,Асқарұлы,1993-04-04,M,Алматы,PEC-0001";
    }

    public static TheoryData<string, string, string> BadRows => new()
    {
        { RegisterCodes.CsvColumns, "*", "A-1,870918400007,Оспанова,Айгүл,Маратқызы,1987-09-18,F,Көкшетау,PEC-0001,extra" },
        { RegisterCodes.CsvQuote, "*", "A-1,870918400007,Оспанова,Айгүл,Маратқызы,1987-09-18,F,\"Көкшетау қ., Пушкин,PEC-0001" },
        { RegisterCodes.CsvEncoding, "*", "A-1,870918400007,Оспан\uFFFDва,Айгүл,Маратқызы,1987-09-18,F,Көкшетау,PEC-0001" },
        { RegisterCodes.Required, "surname", "A-1,870918400007,,Айгүл,Маратқызы,1987-09-18,F,Көкшетау,PEC-0001" },
        { RegisterCodes.NameCharacters, "given_name", "A-1,870918400007,Оспанова,Айгүл2,Маратқызы,1987-09-18,F,Көкшетау,PEC-0001" },
        { RegisterCodes.IinFormat, "iin", "A-1,87091840000,Оспанова,Айгүл,Маратқызы,1987-09-18,F,Көкшетау,PEC-0001" },
        { RegisterCodes.IinBirthDate, "iin", "A-1,871318400007,Оспанова,Айгүл,Маратқызы,1987-09-18,F,Көкшетау,PEC-0001" },
        { RegisterCodes.IinChecksum, "iin", "A-1,870918400008,Оспанова,Айгүл,Маратқызы,1987-09-18,F,Көкшетау,PEC-0001" },
        { RegisterCodes.BirthDateFormat, "birth_date", "A-1,870918400007,Оспанова,Айгүл,Маратқызы,18/09/1987,F,Көкшетау,PEC-0001" },
        { RegisterCodes.IinBirthDateMismatch, "birth_date", "A-1,870918400007,Оспанова,Айгүл,Маратқызы,1987-09-19,F,Көкшетау,PEC-0001" },
        { RegisterCodes.GenderValue, "gender", "A-1,870918400007,Оспанова,Айгүл,Маратқызы,1987-09-18,X,Көкшетау,PEC-0001" },
        { RegisterCodes.IinGenderMismatch, "gender", "A-1,870918400007,Оспанова,Айгүл,Маратқызы,1987-09-18,M,Көкшетау,PEC-0001" },
        { RegisterCodes.Under18, "birth_date", Under18Row() },
        { RegisterCodes.UnknownPrecinct, "precinct", "A-1,870918400007,Оспанова,Айгүл,Маратқызы,1987-09-18,F,Көкшетау,PEC-9999" },
        { RegisterCodes.DuplicateIin, "iin", "A-3,870918400007,Оспанова,Айгүл,Маратқызы,1987-09-18,F,Көкшетау,PEC-0002" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Each_code_names_its_row_and_field_and_the_valid_rows_around_it_are_kept(string code, string field, string bad)
    {
        var rows = Read(Header, Good, bad, Good2);

        var valid = rows.Where(r => r.Voter is not null).Select(r => r.Row).ToList();
        Assert.Equal([1, 3], valid);
        var error = Assert.Single(rows.Single(r => r.Row == 2).Errors!);
        Assert.Equal((2L, field, code), (error.Row, error.Field, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Every_code_has_a_row_that_triggers_it()
    {
        var covered = BadRows.Select(r => r.Data.Item1).Append(RegisterCodes.CsvHeader).ToHashSet();
        Assert.Equal(RegisterCodes.All.Order(), covered.Order());
    }

    [Fact]
    public void A_header_without_a_column_refuses_the_file_naming_the_column()
    {
        var e = Assert.Throws<RegisterFileException>(() => Read("source_id,iin,surname,given_name,birth_date,gender,address,precinct", Good));
        Assert.Equal((0L, "patronymic", RegisterCodes.CsvHeader), (e.Error.Row, e.Error.Field, e.Error.Code));
    }

    [Fact]
    public void Rows_count_blank_lines_and_columns_may_come_in_any_order()
    {
        var rows = Read("precinct,source_id,iin,surname,given_name,patronymic,birth_date,gender,address", "", "PEC-0002,A-1,870918400007,Оспанова,Айгүл,,18.09.1987,Ә,Алматы");
        var row = Assert.Single(rows);
        Assert.Equal(2, row.Row);
        Assert.Equal(("PEC-0002", "A-1", Gender.Female, ""), (row.Voter!.PrecinctCode, row.Voter.SourceId, row.Voter.Gender, row.Voter.Patronymic));
        Assert.Equal(new DateOnly(2011, 2, 1), row.Voter.RegisteredOn);
    }

    [Fact]
    public void Eighteen_on_voting_day_may_be_listed()
    {
        var iin = Iin.Compose(new DateOnly(1993, 4, 3), Gender.Male, 1)!.Value;
        var rows = Read(Header, $"A-9,{iin},Ахметов,Марат,Асқарұлы,1993-04-03,M,Алматы,PEC-0001");
        Assert.NotNull(Assert.Single(rows).Voter);
    }
}
