namespace Ashyq.Core.Register;

/// <summary>
/// The order of the Kazakh Cyrillic alphabet (42 letters: А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү
/// Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я), case-insensitive; Latin letters after Cyrillic, other characters (space, hyphen)
/// before letters. Precinct lists are printed in it, by surname, then given name, then patronymic — the order a
/// commission member looks a voter up in. Hand-written rather than ICU's "kk" collation so the printed order is
/// the same on every machine, whatever ICU version it has.
/// </summary>
public sealed class KazakhCollation : IComparer<string>
{
    public const string Alphabet = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";

    public static KazakhCollation Instance { get; } = new();

    private static readonly Dictionary<char, int> Rank = Alphabet.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i + 100);

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            var c = Weight(x[i]).CompareTo(Weight(y[i]));
            if (c != 0)
            {
                return c;
            }
        }

        var byLength = x.Length.CompareTo(y.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    private static int Weight(char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (Rank.TryGetValue(lower, out var rank))
        {
            return rank;
        }

        if (lower is >= 'a' and <= 'z')
        {
            return 200 + lower;
        }

        return char.IsLetter(lower) ? 1000 + lower : lower;
    }

    /// <summary>Orders voters as a precinct list is printed: surname, given name, patronymic, then IIN.</summary>
    public static IOrderedEnumerable<T> Order<T>(IEnumerable<T> items, Func<T, string> surname, Func<T, string> given, Func<T, string> patronymic, Func<T, long> iin) =>
        items.OrderBy(surname, Instance).ThenBy(given, Instance).ThenBy(patronymic, Instance).ThenBy(iin);
}
