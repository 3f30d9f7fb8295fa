namespace Ashyq.Core.Results.Expressions;

/// <summary>
/// A control relation of a results protocol, written over line codes: <c>L2 == L3 + L4</c>,
/// <c>L5 == L6 + sum(candidates)</c>, <c>L5 * 100 &lt; L1 * 95</c>. Arithmetic is exact, in whole numbers.
/// </summary>
public sealed class RelationExpression
{
    private readonly Node _root;

    private RelationExpression(string text, Node root, IReadOnlyList<string> lines)
    {
        Text = text;
        _root = root;
        LinesReferenced = lines;
    }

    public string Text { get; }

    /// <summary>The line codes the relation reads, in order of first appearance.</summary>
    public IReadOnlyList<string> LinesReferenced { get; }

    /// <summary>
    /// Parses <paramref name="text"/> against the protocol's line codes (each mapped to its index in the values
    /// array) and its named groups (such as <c>candidates</c>). Returns the errors instead when it is not a valid
    /// boolean relation; each error names the position in the text (1-based).
    /// </summary>
    public static RelationExpression? TryParse(
        string text,
        IReadOnlyDictionary<string, int> lineIndex,
        IReadOnlyDictionary<string, int[]> groups,
        out IReadOnlyList<string> errors)
    {
        var parser = new Parser(text, lineIndex, groups);
        var root = parser.ParseRelation();
        errors = parser.Errors;
        if (root is null || parser.Errors.Count > 0)
        {
            return null;
        }

        return new RelationExpression(text, root, parser.Referenced);
    }

    /// <summary>True when the relation holds for the protocol's values (indexed as the line index given at parse time).</summary>
    public bool Holds(ReadOnlySpan<long> values) => _root.Evaluate(values) != 0;

    /// <summary>The value of one side of a comparison, for messages: the left and right totals of the top comparison, if any.</summary>
    public (long Left, long Right)? Sides(ReadOnlySpan<long> values) =>
        _root is Comparison c ? (c.Left.Evaluate(values), c.Right.Evaluate(values)) : null;

    public override string ToString() => Text;
}
