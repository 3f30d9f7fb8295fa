using System.Globalization;
using System.Text;
using Ashyq.Core.Register;

namespace Ashyq.Core.Generation;

/// <summary>The kinds of duplicate registration the injector makes, each a way one person ends up on two lists.</summary>
public static class DuplicateKinds
{
    public const string SameIin = "same-iin";
    public const string Spelling = "spelling";
    public const string Latin = "latin";
    public const string Typo = "typo";
    public const string SwappedNames = "swapped-names";
    public const string SwappedDayMonth = "swapped-day-month";

    public static IReadOnlyList<string> All { get; } = [SameIin, Spelling, Latin, Typo, SwappedNames, SwappedDayMonth];
}

/// <summary>A known duplicate: the original's source id, the copy's, and how the copy differs.</summary>
public sealed record DuplicateTruth(string A, string B, string Kind);

/// <summary>
/// Injects known duplicates into a stream of generated voters and says which they are. After a voter, with
/// probability <c>rate</c>, comes a second registration of the same person on another precinct's list, at the same
/// residential address (sometimes written another way: "к-сі" for "көшесі", "қаласы" for "қ."), of one kind, in
/// turn: the same IIN; a Kazakh/Russian spelling (Жақсылықов → Жаксылыков, Фёдоров → Федоров); the 2021 Kazakh
/// Latin alphabet (Jaqsylyqov); a one-letter typo in the surname or given name; surname and given name swapped;
/// day and month of birth swapped (only for a day of 12 or less, else a typo). All but the first carry another
/// valid IIN (serials 8000–8999, which the generator never gives a voter). Every voter needs a <see cref="Voter.SourceId"/>.
/// </summary>
public sealed class DuplicateInjector(double rate, long seed, IReadOnlyList<string> precinctCodes)
{
    private readonly List<DuplicateTruth> _truth = [];
    private readonly HashSet<long> _issued = [];

    public IReadOnlyList<DuplicateTruth> Truth => _truth;

    public IEnumerable<Voter> Inject(IEnumerable<Voter> voters)
    {
        ArgumentNullException.ThrowIfNull(voters);
        var random = DeterministicRandom.For(seed, 77);
        var next = 0;
        foreach (var voter in voters)
        {
            yield return voter;
            if (!random.Chance(rate))
            {
                continue;
            }

            var kind = DuplicateKinds.All[next++ % DuplicateKinds.All.Count];
            var copy = Copy(voter, ref kind, ref random);
            if (copy is null)
            {
                continue;
            }

            var precinct = precinctCodes[random.Next(precinctCodes.Count)];
            if (precinct == voter.PrecinctCode)
            {
                precinct = precinctCodes[(precinctCodes.Count + random.Next(precinctCodes.Count - 1) + 1) % precinctCodes.Count];
            }

            var address = random.Chance(0.5) ? Rewrite(voter.Address) : voter.Address;
            var duplicate = copy with { PrecinctCode = precinct, Address = address, SourceId = $"{precinct}-D{_truth.Count + 1:D6}" };
            _truth.Add(new DuplicateTruth(voter.SourceId!, duplicate.SourceId!, kind));
            yield return duplicate;
        }
    }

    private Voter? Copy(Voter voter, ref string kind, ref DeterministicRandom random)
    {
        if (kind == DuplicateKinds.SwappedDayMonth && (voter.BirthDate.Day > 12 || voter.BirthDate.Day == voter.BirthDate.Month))
        {
            kind = DuplicateKinds.Typo;
        }

        if (kind == DuplicateKinds.Spelling && Spelled(voter) is null)
        {
            kind = DuplicateKinds.Latin;
        }

        if (kind == DuplicateKinds.SameIin)
        {
            return voter;
        }

        var date = kind == DuplicateKinds.SwappedDayMonth ? new DateOnly(voter.BirthDate.Year, voter.BirthDate.Day, voter.BirthDate.Month) : voter.BirthDate;
        Iin? iin = null;
        for (var attempt = 0; attempt < 50 && iin is null; attempt++)
        {
            var candidate = Iin.Compose(date, voter.Gender, 8000 + random.Next(1000));
            if (candidate is { } c && _issued.Add(c.Value))
            {
                iin = c;
            }
        }

        if (iin is null)
        {
            return null;
        }

        var copy = voter with { Iin = iin.Value };
        return kind switch
        {
            DuplicateKinds.Spelling => Spelled(copy),
            DuplicateKinds.Latin => copy with { Surname = ToLatin(voter.Surname), GivenName = ToLatin(voter.GivenName), Patronymic = ToLatin(voter.Patronymic) },
            DuplicateKinds.Typo => random.Chance(0.6) ? copy with { Surname = Typo(voter.Surname, ref random) } : copy with { GivenName = Typo(voter.GivenName, ref random) },
            DuplicateKinds.SwappedNames => copy with { Surname = voter.GivenName, GivenName = voter.Surname },
            _ => copy,
        };
    }

    /// <summary>The Russian spelling of Kazakh letters, or for a Russian name ё → е, ья → ия; null if nothing changes.</summary>
    private static Voter? Spelled(Voter v)
    {
        static string Russian(string s) =>
            string.Concat(s.Select(c => char.IsUpper(c) ? char.ToUpperInvariant(NameFolding.FoldKazakh(char.ToLowerInvariant(c))) : NameFolding.FoldKazakh(c)));

        var changed = v with { Surname = Russian(v.Surname), GivenName = Russian(v.GivenName), Patronymic = Russian(v.Patronymic) };
        if (changed.Surname != v.Surname || changed.GivenName != v.GivenName || changed.Patronymic != v.Patronymic)
        {
            return changed;
        }

        changed = v with { GivenName = v.GivenName.Replace("ья", "ия", StringComparison.Ordinal), Patronymic = v.Patronymic.Replace("ьев", "ев", StringComparison.Ordinal) };
        return changed.GivenName != v.GivenName || changed.Patronymic != v.Patronymic ? changed : null;
    }

    private static readonly Dictionary<char, string> KazakhLatin = new()
    {
        ['а'] = "a",
        ['ә'] = "ä",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['ғ'] = "ğ",
        ['д'] = "d",
        ['е'] = "e",
        ['ё'] = "io",
        ['ж'] = "j",
        ['з'] = "z",
        ['и'] = "i",
        ['й'] = "i",
        ['к'] = "k",
        ['қ'] = "q",
        ['л'] = "l",
        ['м'] = "m",
        ['н'] = "n",
        ['ң'] = "ñ",
        ['о'] = "o",
        ['ө'] = "ö",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['у'] = "u",
        ['ұ'] = "ū",
        ['ү'] = "ü",
        ['ф'] = "f",
        ['х'] = "h",
        ['һ'] = "h",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['ш'] = "ş",
        ['щ'] = "ş",
        ['ъ'] = "",
        ['ы'] = "y",
        ['і'] = "ı",
        ['ь'] = "",
        ['э'] = "e",
        ['ю'] = "iu",
        ['я'] = "ia",
    };

    /// <summary>The 2021 Kazakh Latin alphabet, as a passport office might have written the name.</summary>
    public static string ToLatin(string cyrillic)
    {
        var sb = new StringBuilder(cyrillic.Length + 4);
        foreach (var c in cyrillic)
        {
            var lower = char.ToLowerInvariant(c);
            var latin = KazakhLatin.TryGetValue(lower, out var l) ? l : lower.ToString();
            if (char.IsUpper(c) && latin.Length > 0)
            {
                sb.Append(char.ToUpperInvariant(latin[0])).Append(latin.AsSpan(1));
            }
            else
            {
                sb.Append(latin);
            }
        }

        return sb.ToString();
    }

    private const string Letters = "абвгдежзиклмнопрстуыя";

    private static string Typo(string name, ref DeterministicRandom random)
    {
        if (name.Length < 4)
        {
            return name + "а";
        }

        var at = 1 + random.Next(name.Length - 2);
        var chars = name.ToCharArray();
        switch (random.Next(3))
        {
            case 0:
                var replacement = Letters[random.Next(Letters.Length)];
                chars[at] = replacement == char.ToLowerInvariant(chars[at]) ? 'о' : replacement;
                return new string(chars);
            case 1:
                return name.Remove(at, 1);
            default:
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                var swapped = new string(chars);
                return swapped == name ? name.Remove(at, 1) : swapped;
        }
    }

    /// <summary>The same address written another way.</summary>
    private static string Rewrite(string address) =>
        address.Replace(" көшесі", " к-сі", StringComparison.Ordinal).Replace(" қ.,", " қаласы,", StringComparison.Ordinal);

    /// <summary>Writes the truth beside the file: <c>a,b,kind</c>, one known pair a line.</summary>
    public static void WriteTruth(TextWriter writer, IEnumerable<DuplicateTruth> truth)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("a,b,kind");
        foreach (var t in truth)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.A},{t.B},{t.Kind}"));
        }
    }
}
