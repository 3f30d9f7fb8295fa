using System.Globalization;
using Ashyq.Core.Elections;

namespace Ashyq.Core.Media;

/// <summary>
/// The registered candidates a monitor may name as a subject: by their name in Kazakh, Russian or English, as
/// <c>ashyq candidates</c> lists them (letter case and repeated spaces ignored), or by their code (C1 …).
/// </summary>
public sealed class CandidateDirectory
{
    private readonly Dictionary<string, RegisteredCandidate> _byName = new(StringComparer.Ordinal);

    public CandidateDirectory(IReadOnlyList<RegisteredCandidate> registered)
    {
        Registered = registered;
        foreach (var candidate in registered)
        {
            _byName[Fold(candidate.Code)] = candidate;
            foreach (var language in LocalizedText.Languages)
            {
                _byName[Fold(candidate.Name.In(language))] = candidate;
            }
        }
    }

    /// <summary>The registered candidates, in ballot order.</summary>
    public IReadOnlyList<RegisteredCandidate> Registered { get; }

    /// <summary>The code of the candidate <paramref name="subject"/> names, or null for another subject.</summary>
    public string? CodeOf(string subject) => _byName.TryGetValue(Fold(subject), out var c) ? c.Code : null;

    /// <summary>The name of the subject a figure is keyed by: the candidate's name in <paramref name="language"/>, else the key itself.</summary>
    public string NameOf(string subjectKey, string language) =>
        Registered.FirstOrDefault(c => c.Code == subjectKey)?.Name.In(language) ?? subjectKey;

    private static string Fold(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLower(CultureInfo.InvariantCulture);
}
