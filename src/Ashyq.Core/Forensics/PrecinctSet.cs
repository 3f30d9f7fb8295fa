using Ashyq.Core.Elections;

namespace Ashyq.Core.Forensics;

/// <summary>A candidate as the forensics name it: its protocol line code and its name.</summary>
public sealed record ForensicsCandidate(string Code, LocalizedText Name);

/// <summary>A region (a commission of the level just below the top): its code and name.</summary>
public sealed record ForensicsRegion(string Code, LocalizedText Name);

/// <summary>
/// The precinct results the forensics read, one entry per precinct, held column by column: N (voters on the list),
/// G (ballots issued to voters), B (ballots found in the boxes), valid and invalid ballots, each candidate's votes,
/// the precinct's region, and the control relations its protocol breaks. Every figure is an integer as counted.
/// </summary>
public sealed class PrecinctSet
{
    private readonly List<string> codes = [];
    private readonly List<int> regions = [];
    private readonly List<long> voters = [];
    private readonly List<long> issued = [];
    private readonly List<long> inBoxes = [];
    private readonly List<long> valid = [];
    private readonly List<long> invalid = [];
    private readonly List<long> votes = [];
    private readonly List<(int Precinct, string Relation)> violations = [];

    /// <param name="election">The definition's id.</param>
    /// <param name="candidates">The candidates, in the order their votes are given.</param>
    /// <param name="regions">The regions precincts refer to by index; an empty list when there are none.</param>
    /// <param name="relations">The codes of the definition's control relations, so that relations nobody broke are counted as 0.</param>
    public PrecinctSet(string election, IReadOnlyList<ForensicsCandidate> candidates, IReadOnlyList<ForensicsRegion> regions, IReadOnlyList<string> relations)
    {
        if (candidates.Count == 0)
        {
            throw new ArgumentException("An election has at least one candidate.", nameof(candidates));
        }

        Election = election;
        Candidates = candidates;
        Regions = regions;
        Relations = relations;
    }

    public string Election { get; }

    public IReadOnlyList<ForensicsCandidate> Candidates { get; }

    public IReadOnlyList<ForensicsRegion> Regions { get; }

    public IReadOnlyList<string> Relations { get; }

    public int Count => codes.Count;

    public IReadOnlyList<string> Codes => codes;

    /// <summary>The region of each precinct, an index into <see cref="Regions"/> (-1 for none).</summary>
    public IReadOnlyList<int> Region => regions;

    /// <summary>N: voters on the list.</summary>
    public IReadOnlyList<long> Voters => voters;

    /// <summary>G: ballots issued to voters.</summary>
    public IReadOnlyList<long> Issued => issued;

    /// <summary>B: ballots found in the boxes.</summary>
    public IReadOnlyList<long> InBoxes => inBoxes;

    public IReadOnlyList<long> Valid => valid;

    public IReadOnlyList<long> Invalid => invalid;

    /// <summary>The precincts' control-relation violations: (precinct index, relation code).</summary>
    public IReadOnlyList<(int Precinct, string Relation)> Violations => violations;

    /// <summary>Votes of candidate <paramref name="candidate"/> in precinct <paramref name="precinct"/>.</summary>
    public long Votes(int precinct, int candidate) => votes[(precinct * Candidates.Count) + candidate];

    /// <summary>D: valid plus invalid ballots.</summary>
    public long Cast(int precinct) => valid[precinct] + invalid[precinct];

    /// <summary>Adds a precinct; returns its index.</summary>
    public int Add(string code, int region, long voters, long issued, long inBoxes, long valid, long invalid, ReadOnlySpan<long> votes)
    {
        if (votes.Length != Candidates.Count)
        {
            throw new ArgumentException($"{Candidates.Count} candidates; {votes.Length} vote counts were given.", nameof(votes));
        }

        if (region < -1 || region >= Regions.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, $"There are {Regions.Count} regions.");
        }

        if (voters < 0 || issued < 0 || inBoxes < 0 || valid < 0 || invalid < 0)
        {
            throw new ArgumentException($"Precinct {code}: a count is negative.");
        }

        foreach (var v in votes)
        {
            if (v < 0)
            {
                throw new ArgumentException($"Precinct {code}: a candidate's votes are negative.", nameof(votes));
            }
        }

        codes.Add(code);
        regions.Add(region);
        this.voters.Add(voters);
        this.issued.Add(issued);
        this.inBoxes.Add(inBoxes);
        this.valid.Add(valid);
        this.invalid.Add(invalid);
        foreach (var v in votes)
        {
            this.votes.Add(v);
        }

        return codes.Count - 1;
    }

    /// <summary>Records that precinct <paramref name="precinct"/>'s protocol breaks the relation <paramref name="relation"/>.</summary>
    public void AddViolation(int precinct, string relation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(precinct);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(precinct, Count);
        violations.Add((precinct, relation));
    }

    /// <summary>Each candidate's votes summed over all precincts.</summary>
    public long[] CandidateTotals()
    {
        var k = Candidates.Count;
        var totals = new long[k];
        for (var i = 0; i < votes.Count; i++)
        {
            totals[i % k] += votes[i];
        }

        return totals;
    }

    /// <summary>The leader: the candidate with the most votes in this set (ties: the first in ballot order).</summary>
    public int LeaderIndex()
    {
        var totals = CandidateTotals();
        var leader = 0;
        for (var c = 1; c < totals.Length; c++)
        {
            if (totals[c] > totals[leader])
            {
                leader = c;
            }
        }

        return leader;
    }

    /// <summary>The precincts of one region, as a set of their own (same candidates, regions and relations).</summary>
    public PrecinctSet OfRegion(int region)
    {
        var subset = new PrecinctSet(Election, Candidates, Regions, Relations);
        var map = new Dictionary<int, int>();
        var k = Candidates.Count;
        var buffer = new long[k];
        for (var p = 0; p < Count; p++)
        {
            if (regions[p] != region)
            {
                continue;
            }

            for (var c = 0; c < k; c++)
            {
                buffer[c] = votes[(p * k) + c];
            }

            map[p] = subset.Add(codes[p], region, voters[p], issued[p], inBoxes[p], valid[p], invalid[p], buffer);
        }

        foreach (var (p, relation) in violations)
        {
            if (map.TryGetValue(p, out var q))
            {
                subset.violations.Add((q, relation));
            }
        }

        return subset;
    }
}
