using Ashyq.Core.Elections;
using Ashyq.Core.Results;

namespace Ashyq.Core.Candidates;

/// <summary>A candidate's proxy at a polling station.</summary>
public sealed record Proxy(string Candidate, string Precinct, string FullName);

/// <summary>The proxies of every candidate, at most the definition's number per candidate per polling station.</summary>
public sealed class ProxyRegistry(ElectionDefinition definition)
{
    private readonly List<Proxy> _proxies = [];

    public IReadOnlyList<Proxy> Proxies => _proxies;

    public void Register(Proxy proxy)
    {
        if (!definition.Candidates.Registered.Any(c => c.Code == proxy.Candidate))
        {
            throw new RuleViolation("PROXY.UNKNOWN-CANDIDATE", $"No registered candidate {proxy.Candidate}.");
        }

        ProxyLimit.FreeSlot(definition, proxy.Candidate, proxy.Precinct, _proxies.Count(p => p.Candidate == proxy.Candidate && p.Precinct == proxy.Precinct));
        _proxies.Add(proxy);
    }

    public IReadOnlyDictionary<string, int> CountPerCandidate() =>
        _proxies.GroupBy(p => p.Candidate).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>
/// The law's limit on proxies: at most the definition's number per candidate per polling station. Each proxy
/// holds one numbered place (1..limit) at its station; the store keeps the places unique, so two registrations
/// racing for the last place cannot both win.
/// </summary>
public static class ProxyLimit
{
    public const string Code = "PROXY.LIMIT";

    /// <summary>The lowest free place at the station, or PROXY.LIMIT when every place is taken.</summary>
    public static int FreeSlot(ElectionDefinition definition, string candidate, string precinct, IReadOnlyCollection<int> taken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(taken);
        var limit = definition.Candidates.Proxies.MaxPerCandidatePerPrecinct;
        for (var slot = 1; slot <= limit; slot++)
        {
            if (!taken.Contains(slot))
            {
                return slot;
            }
        }

        throw Refusal(candidate, precinct, limit);
    }

    /// <summary>The first free place when <paramref name="count"/> places are taken in order.</summary>
    public static int FreeSlot(ElectionDefinition definition, string candidate, string precinct, int count) =>
        FreeSlot(definition, candidate, precinct, [.. Enumerable.Range(1, count)]);

    public static RuleViolation Refusal(string candidate, string precinct, int limit) =>
        new(Code, $"{candidate} already has {limit} proxies at polling station {precinct}; the law allows at most {limit} per candidate per polling station.");
}
