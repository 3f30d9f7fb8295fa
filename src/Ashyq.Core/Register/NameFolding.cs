using System.Text;

namespace Ashyq.Core.Register;

/// <summary>
/// Name normalization for comparing registrations. <see cref="FoldKazakh"/> maps the Kazakh letters to their nearest
/// Russian ones (ә→а, і→и, ң→н, ғ→г, ү/ұ→у, қ→к, ө→о, һ→х, and ё→е) in lower case, so Жақсылықов and Жаксылыков
/// are one name. <see cref="ComparisonForm"/> goes further, to one Latin spelling: it transliterates Cyrillic,
/// strips Latin diacritics (the 2021 Kazakh Latin alphabet's ä, ğ, ı, ñ, ö, ş, ū, ü …) and folds the usual
/// romanization variants into one symbol each (zh/j/dzh → J, kh/h/x → H, sh/shch/ş → S, ch/ts/c/ç → C, q → k,
/// y → i, w → v), keeping letters only and collapsing doubled letters. Hand-written: it must agree letter by letter
/// with the Kazakh alphabet, allocate nothing per letter, and run on every name of a 9-million register.
/// </summary>
public static class NameFolding
{
    private static readonly string?[] Cyrillic = BuildCyrillic();

    /// <summary>Lower case with the Kazakh letters folded to Russian ones; other characters are kept.</summary>
    public static string FoldKazakh(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = FoldKazakh(char.ToLowerInvariant(source[i]));
            }
        });
    }

    public static char FoldKazakh(char c) => c switch
    {
        'ә' => 'а',
        'і' => 'и',
        'ң' => 'н',
        'ғ' => 'г',
        'ү' or 'ұ' => 'у',
        'қ' => 'к',
        'ө' => 'о',
        'һ' => 'х',
        'ё' => 'е',
        _ => c,
    };

    /// <summary>The name as one folded Latin spelling (ASCII letters; J, H, S, C stand for the folded sounds).</summary>
    public static string ComparisonForm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> buffer = text.Length <= 120 ? stackalloc char[text.Length * 4 + 4] : new char[text.Length * 4 + 4];
        var n = Fold(text, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>Writes the comparison form of <paramref name="text"/> into <paramref name="output"/> (4 chars per input char suffice).</summary>
    public static int Fold(ReadOnlySpan<char> text, Span<char> output)
    {
        // 1. Lower case, Kazakh letters folded, Cyrillic transliterated, Latin diacritics stripped, letters only.
        Span<char> latin = text.Length <= 120 ? stackalloc char[text.Length * 4 + 4] : new char[text.Length * 4 + 4];
        var m = 0;
        foreach (var raw in text)
        {
            var c = FoldKazakh(char.ToLowerInvariant(raw));
            if (c is >= 'a' and <= 'z')
            {
                latin[m++] = c;
            }
            else if (c is >= 'а' and <= 'я')
            {
                var t = Cyrillic[c - 'а'];
                if (t is not null)
                {
                    t.AsSpan().CopyTo(latin[m..]);
                    m += t.Length;
                }
            }
            else if (c > 127)
            {
                var t = LatinDiacritic(c);
                if (t is not null)
                {
                    t.AsSpan().CopyTo(latin[m..]);
                    m += t.Length;
                }
            }
        }

        // 2. Romanization variants folded to one symbol each, doubled letters collapsed.
        var n = 0;
        for (var i = 0; i < m;)
        {
            char o;
            var rest = latin[i..m];
            if (rest.StartsWith("shch")) { o = 'S'; i += 4; }
            else if (rest.StartsWith("sch")) { o = 'S'; i += 3; }
            else if (rest.StartsWith("dzh")) { o = 'J'; i += 3; }
            else if (rest.StartsWith("sh")) { o = 'S'; i += 2; }
            else if (rest.StartsWith("zh") || rest.StartsWith("dj")) { o = 'J'; i += 2; }
            else if (rest.StartsWith("kh")) { o = 'H'; i += 2; }
            else if (rest.StartsWith("ts") || rest.StartsWith("tz") || rest.StartsWith("ch")) { o = 'C'; i += 2; }
            else if (rest.StartsWith("ck")) { o = 'k'; i += 2; }
            else
            {
                o = rest[0] switch
                {
                    'j' => 'J',
                    'h' or 'x' => 'H',
                    'c' => 'C',
                    'q' => 'k',
                    'y' => 'i',
                    'w' => 'v',
                    var other => other,
                };
                i++;
            }

            if (n == 0 || output[n - 1] != o)
            {
                output[n++] = o;
            }
        }

        return n;
    }

    private static string? LatinDiacritic(char c) => c switch
    {
        'ä' or 'á' or 'à' or 'â' or 'ã' or 'å' => "a",
        'ö' or 'ó' or 'ò' or 'ô' or 'õ' => "o",
        'ü' or 'ú' or 'ù' or 'û' or 'ū' => "u",
        'ı' or 'í' or 'ì' or 'î' or 'ï' => "i",
        'é' or 'è' or 'ê' or 'ë' => "e",
        'ğ' => "g",
        'ñ' => "n",
        'ş' => "sh",
        'ç' => "ch",
        'ý' or 'ÿ' => "y",
        _ => null,
    };

    private static string?[] BuildCyrillic()
    {
        const string letters = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
        string?[] latin = ["a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", null, "y", null, "e", "iu", "ia"];
        var table = new string?[32];
        for (var i = 0; i < letters.Length; i++)
        {
            table[letters[i] - 'а'] = latin[i];
        }

        return table;
    }

    /// <summary>
    /// The comparison form of an address: its words and numbers with the words for "street" and "city" (көшесі,
    /// к-сі, көш., ул., қ., қаласы, г.) left out, so the same address written two ways is one.
    /// </summary>
    public static string AddressForm(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var sb = new StringBuilder(address.Length);
        var start = -1;
        for (var i = 0; i <= address.Length; i++)
        {
            var c = i < address.Length ? address[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                var raw = address.AsSpan(start, i - start);
                var token = raw.ContainsAnyInRange('0', '9') ? raw.ToString().ToLowerInvariant() : ComparisonForm(raw.ToString());
                if (token.Length > 0 && !AddressStopWords.Contains(token))
                {
                    if (sb.Length > 0)
                    {
                        sb.Append(' ');
                    }

                    sb.Append(token);
                }

                start = -1;
            }
        }

        return sb.ToString();
    }

    private static readonly HashSet<string> AddressStopWords = new(
        new[] { "көшесі", "көш", "к", "сі", "ул", "улица", "г", "гор", "город", "қаласы", "қала", "street", "st", "city", "д", "дом", "кв", "пр", "проспект" }
            .Select(ComparisonForm),
        StringComparer.Ordinal);
}
