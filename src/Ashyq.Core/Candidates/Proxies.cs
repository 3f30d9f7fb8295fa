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

        var limit = definition.Candidates.Proxies.MaxPerCandidatePerPrecinct;
        if (_proxies.Count(p => p.Candidate == proxy.Candidate && p.Precinct == proxy.Precinct) >= limit)
        {
            throw new RuleViolation("PROXY.LIMIT", $"{proxy.Candidate} already has {limit} proxies at {proxy.Precinct}; the law allows {limit}.");
        }

        _proxies.Add(proxy);
    }

    public IReadOnlyDictionary<string, int> CountPerCandidate() =>
        _proxies.GroupBy(p => p.Candidate).ToDictionary(g => g.Key, g => g.Count());
}
