using System.Text.Json.Nodes;
using Ashyq.Core.Publication;

namespace Ashyq.Core.Tests.Publication;

public class CanonicalJsonTests
{
    [Fact]
    public void MembersAreSortedByUtf16CodeUnits_WithoutWhitespace()
    {
        // RFC 8785 §3.2.3's sorting example: keys compared as UTF-16 code units.
        var node = JsonNode.Parse("""{"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"}""");

        var text = CanonicalJson.ToText(node);

        Assert.Equal("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}", text);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(333333333.3333333, "333333333.3333333")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(4.5, "4.5")]
    [InlineData(-1.5e-10, "-1.5e-10")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    [InlineData(295147905179352830000.0, "295147905179352830000")]
    public void Numbers_AreWrittenAsEcmaScriptWritesThem(double value, string expected)
    {
        Assert.Equal(expected, CanonicalJson.Number(value));
    }

    [Fact]
    public void Strings_HaveOnlyTheMinimalEscapes_AndCyrillicStaysLiteral()
    {
        var node = new JsonObject { ["name"] = "Қазақстан \"№ 1\"\n\u0001", ["n"] = 42, ["list"] = new JsonArray(1, true, null) };

        Assert.Equal("{\"list\":[1,true,null],\"n\":42,\"name\":\"Қазақстан \\\"№ 1\\\"\\n\\u0001\"}", CanonicalJson.ToText(node));
    }
}
