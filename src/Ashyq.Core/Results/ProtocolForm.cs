using Ashyq.Core.Elections;
using Ashyq.Core.Results.Expressions;

namespace Ashyq.Core.Results;

public enum RelationSeverity
{
    /// <summary>The paper form is inconsistent: signing is blocked.</summary>
    Error,

    /// <summary>Implausible but possible: must be acknowledged with a reason.</summary>
    Warning,
}

/// <summary>One line of the precinct results protocol: a fixed line of the form, or a candidate's votes.</summary>
public sealed record ProtocolLine(int Index, string Code, LocalizedText Label, bool IsCandidate);

/// <summary>A control relation compiled against the form's lines.</summary>
public sealed record ControlRelation(string Code, RelationSeverity Severity, RelationExpression Expression, LocalizedText Message);

/// <summary>
/// The precinct results protocol as the definition states it: its lines (fixed lines, then one per registered
/// candidate in ballot order) and its control relations.
/// </summary>
public sealed class ProtocolForm
{
    internal ProtocolForm(IReadOnlyList<ProtocolLine> lines, string candidateGroup, IReadOnlyList<ControlRelation> relations)
    {
        Lines = lines;
        CandidateGroup = candidateGroup;
        Relations = relations;
        IndexOf = lines.ToDictionary(l => l.Code, l => l.Index);
    }

    public IReadOnlyList<ProtocolLine> Lines { get; }

    public string CandidateGroup { get; }

    public IReadOnlyList<ControlRelation> Relations { get; }

    public IReadOnlyDictionary<string, int> IndexOf { get; }

    public IEnumerable<ProtocolLine> CandidateLines => Lines.Where(l => l.IsCandidate);

    /// <summary>The relations that do not hold for <paramref name="values"/> (one value per line, in line order).</summary>
    public IReadOnlyList<ControlRelation> Broken(ReadOnlySpan<long> values)
    {
        if (values.Length != Lines.Count)
        {
            throw new ArgumentException($"The protocol has {Lines.Count} lines; {values.Length} values were given.", nameof(values));
        }

        List<ControlRelation>? broken = null;
        foreach (var relation in Relations)
        {
            if (!relation.Expression.Holds(values))
            {
                (broken ??= []).Add(relation);
            }
        }

        return broken ?? (IReadOnlyList<ControlRelation>)[];
    }
}
