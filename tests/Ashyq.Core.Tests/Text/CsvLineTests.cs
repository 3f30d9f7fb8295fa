using Ashyq.Core.Text;

namespace Ashyq.Core.Tests.Text;

public class CsvLineTests
{
    [Fact]
    public void AQuotedFieldHoldsCommasAndDoubledQuotes_AQuoteInsideAFieldIsText()
    {
        var fields = new List<string>();
        Assert.True(CsvLine.Split("a,\"b, c\",\"say \"\"yes\"\"\",5\"2,", fields));
        Assert.Equal(["a", "b, c", "say \"yes\"", "5\"2", ""], fields);
    }

    [Fact]
    public void AnUnclosedQuote_IsReported()
    {
        var fields = new List<string>();
        Assert.False(CsvLine.Split("a,\"b, c", fields));
    }
}
