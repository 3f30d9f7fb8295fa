using Ashyq.Core.Register;

namespace Ashyq.Core.Tests.Register;

public class IinTests
{
    [Fact]
    public void CheckDigit_IsTheWeightedSumOfTheFirstElevenDigitsModulo11()
    {
        // 850315 3 0012 ?: Σ dᵢ·i = 8·1+5·2+0·3+3·4+1·5+5·6+3·7+0·8+0·9+1·10+2·11 = 118; 118 mod 11 = 8.
        var iin = Iin.Parse("850315300128");

        Assert.Equal(new DateOnly(1985, 3, 15), iin.BirthDate);
        Assert.Equal(Gender.Male, iin.Gender);
        Assert.False(Iin.TryParse("850315300129", out _, out var problem));
        Assert.Equal("REG.IIN-CHECKSUM", problem.Code);
    }

    [Fact]
    public void CheckDigit_UsesTheSecondWeights_WhenTheFirstSumGives10()
    {
        // Among serials of women born on 1 January 1990, find the first whose first sum is 10.
        var found = 0;
        for (var serial = 0; serial < 200 && found == 0; serial++)
        {
            var first11 = $"9001014{serial:D4}";
            var sum1 = first11.Select((c, i) => (c - '0') * (i + 1)).Sum() % 11;
            if (sum1 != 10)
            {
                continue;
            }

            int[] w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
            var sum2 = first11.Select((c, i) => (c - '0') * w2[i]).Sum() % 11;
            var composed = Iin.Compose(new DateOnly(1990, 1, 1), Gender.Female, serial);
            if (sum2 == 10)
            {
                Assert.Null(composed);
                Assert.False(Iin.TryParse(first11 + "0", out _));
            }
            else
            {
                Assert.Equal(first11 + sum2, composed!.Value.ToString());
                Assert.True(Iin.TryParse(first11 + sum2, out _));
                found++;
            }
        }

        Assert.Equal(1, found);
    }

    [Theory]
    [InlineData(1899, Gender.Male, '1')]
    [InlineData(1899, Gender.Female, '2')]
    [InlineData(1950, Gender.Male, '3')]
    [InlineData(1950, Gender.Female, '4')]
    [InlineData(2001, Gender.Male, '5')]
    [InlineData(2001, Gender.Female, '6')]
    public void SeventhDigit_GivesCenturyAndGender(int year, Gender gender, char digit)
    {
        var iin = Enumerable.Range(0, 20).Select(s => Iin.Compose(new DateOnly(year, 6, 30), gender, s)).First(i => i is not null)!.Value;

        Assert.Equal(digit, iin.ToString()[6]);
        Assert.Equal(new DateOnly(year, 6, 30), Iin.Parse(iin.ToString()).BirthDate);
        Assert.Equal(gender, Iin.Parse(iin.ToString()).Gender);
    }

    [Theory]
    [InlineData("85031530012", "REG.IIN-FORMAT")]
    [InlineData("8503153001280", "REG.IIN-FORMAT")]
    [InlineData("85031530012a", "REG.IIN-FORMAT")]
    [InlineData("851315300120", "REG.IIN-BIRTHDATE")]
    [InlineData("850230300120", "REG.IIN-BIRTHDATE")]
    [InlineData("850315700120", "REG.IIN-BIRTHDATE")]
    public void InvalidNumbers_CannotBeConstructed(string text, string code)
    {
        Assert.False(Iin.TryParse(text, out _, out var problem));
        Assert.Equal(code, problem.Code);
        Assert.Throws<FormatException>(() => Iin.Parse(text));
    }

    [Fact]
    public void LeadingZeros_AreKept()
    {
        var iin = Enumerable.Range(0, 20).Select(s => Iin.Compose(new DateOnly(2000, 1, 5), Gender.Male, s)).First(i => i is not null)!.Value;

        Assert.StartsWith("000105", iin.ToString(), StringComparison.Ordinal);
        Assert.Equal(12, iin.ToString().Length);
        Assert.Equal(iin, Iin.Parse(iin.ToString()));
    }
}
