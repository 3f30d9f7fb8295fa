using Ashyq.Core.Generation;
using Ashyq.Core.Register;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Register;

public class DuplicateDetectionTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9611)]
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.8133)]
    [InlineData("abc", "xyz", 0)]
    public void Jaro_winkler_matches_the_published_values(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 4);

    [Theory]
    [InlineData("Жақсылықов", "Жаксылыков")]
    [InlineData("Жақсылықов", "Jaqsylyqov")]
    [InlineData("Жақсылықов", "Zhaksylykov")]
    [InlineData("Әбдірахманов", "Äbdırahmanov")]
    [InlineData("Нұрсұлтан", "Nursultan")]
    [InlineData("Шәкенов", "Şäkenov")]
    [InlineData("Фёдоров", "Федоров")]
    public void Spelling_variants_fold_to_one_form(string a, string b) =>
        Assert.Equal(NameFolding.ComparisonForm(a), NameFolding.ComparisonForm(b));

    [Fact]
    public void Kazakh_letters_fold_to_russian_ones()
    {
        Assert.Equal("жаксылыков", NameFolding.FoldKazakh("Жақсылықов"));
        Assert.Equal("аиннгуукох", NameFolding.FoldKazakh("ӘІҢНҒҮҰҚӨҺ"));
    }

    [Fact]
    public void An_address_written_two_ways_is_one()
    {
        Assert.Equal(NameFolding.AddressForm("Көкшетау қ., Пушкин көшесі, 43, 109"), NameFolding.AddressForm("Көкшетау қаласы, Пушкин к-сі, 43, 109"));
        Assert.NotEqual(NameFolding.AddressForm("Көкшетау қ., Пушкин көшесі, 43, 109"), NameFolding.AddressForm("Көкшетау қ., Пушкин көшесі, 43, 110"));
    }

    [Fact]
    public void Each_kind_of_duplicate_is_found_and_namesakes_elsewhere_are_not()
    {
        var d = new DuplicateDetector();
        Iin Make(int y, int m, int day, int serial) => Iin.Compose(new DateOnly(y, m, day), Gender.Male, serial)!.Value;
        const string home = "Алматы қ., Абай көшесі, 5, 12";
        d.Add(Make(1970, 3, 7, 1), "Жақсылықов", "Асқар", "Маратұлы", home);              // 0
        d.Add(Make(1970, 3, 7, 8001), "Jaqsylyqov", "Asqar", "Maratūly", home);             // 1 latin of 0
        d.Add(Make(1970, 7, 3, 8002), "Жақсылықов", "Асқар", "Маратұлы", home);             // 2 day and month swapped
        d.Add(Make(1970, 3, 7, 8003), "Асқар", "Жақсылықов", "Маратұлы", "Алматы қаласы, Абай к-сі, 5, 12"); // 3 swapped names
        d.Add(Make(1970, 3, 7, 8004), "Жақсылқов", "Асқар", "Маратұлы", home);              // 4 typo
        d.Add(Make(1970, 3, 7, 2), "Жақсылықов", "Асқар", "Маратұлы", "Астана қ., Достық көшесі, 1, 1"); // a namesake elsewhere
        d.Add(Make(1970, 3, 7, 3), "Жақсылықов", "Ерлан", "Маратұлы", home);                // a brother (twin) at home

        var pairs = d.Find();
        var found = pairs.Select(p => (p.A, p.B)).ToHashSet();

        // Every pair among the five registrations of one person, and nothing with the namesake or the twin.
        var expected = new HashSet<(int, int)>();
        for (var a = 0; a < 5; a++)
        {
            for (var b = a + 1; b < 5; b++)
            {
                expected.Add((a, b));
            }
        }

        Assert.Equal(expected.Order(), found.Order());
        Assert.All(pairs, p => Assert.InRange(p.Score, DuplicateDetector.DefaultThreshold, 1));
        Assert.Contains(pairs, p => p.Evidence.Contains("swapped", StringComparison.Ordinal));
    }

    [Fact]
    public void On_a_generated_register_with_injected_duplicates_F1_is_at_least_0_98()
    {
        var generator = new WorldGenerator(Repo.Kz, 0.003, 7);
        var hierarchy = generator.Hierarchy();
        var codes = hierarchy.Commissions.Where(c => c.Level == "PEC").Select(c => c.Code.Value).ToList();
        var injector = new DuplicateInjector(0.02, 7, codes);
        var voters = injector.Inject(Number(generator.Voters(hierarchy))).ToList();

        // Same-IIN duplicates are refused at import; the detector sees the registrations that reach the register.
        var detector = new DuplicateDetector();
        var ids = new List<string>();
        var seen = new HashSet<long>();
        foreach (var v in voters.Where(v => seen.Add(v.Iin.Value)))
        {
            detector.Add(v.Iin, v.Surname, v.GivenName, v.Patronymic, v.Address);
            ids.Add(v.SourceId!);
        }

        var found = detector.Find().Select(p => Key(ids[p.A], ids[p.B])).ToHashSet();
        var truth = injector.Truth.Where(t => t.Kind != DuplicateKinds.SameIin).Select(t => Key(t.A, t.B)).ToHashSet();
        var tp = found.Count(truth.Contains);
        var precision = (double)tp / found.Count;
        var recall = (double)tp / truth.Count;
        var f1 = 2 * precision * recall / (precision + recall);

        Assert.True(truth.Count > 300, $"{truth.Count} injected");
        Assert.True(f1 >= 0.98, $"precision {precision:F4}, recall {recall:F4}, F1 {f1:F4}");
    }

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private static IEnumerable<Voter> Number(IEnumerable<Voter> voters)
    {
        var n = 0;
        foreach (var v in voters)
        {
            yield return v with { SourceId = $"{v.PrecinctCode}-{++n}" };
        }
    }
}
