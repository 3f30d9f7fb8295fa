namespace Ashyq.Core.Elections;

/// <summary>A text in the election's three languages: Kazakh (the state language, the default), Russian and English.</summary>
public sealed record LocalizedText(string Kk, string Ru, string En)
{
    public static readonly IReadOnlyList<string> Languages = ["kk", "ru", "en"];

    /// <summary>The text in <paramref name="language"/> ("kk", "ru" or "en"); Kazakh for any other.</summary>
    public string In(string? language) => language switch
    {
        "ru" => Ru,
        "en" => En,
        _ => Kk,
    };

    public static LocalizedText Same(string text) => new(text, text, text);

    public override string ToString() => Kk;
}
