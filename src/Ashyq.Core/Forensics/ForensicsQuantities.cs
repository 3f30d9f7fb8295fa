using Ashyq.Core.Elections;

namespace Ashyq.Core.Forensics;

/// <summary>
/// The definition's <c>forensics</c> section compiled against its protocol form: which line indexes add up to N, G,
/// B, valid and invalid ballots, and where each candidate's votes are.
/// </summary>
public sealed class ForensicsQuantities
{
    private ForensicsQuantities(int lines, int[] voters, int[] issued, int[] inBoxes, int[] valid, int[] invalid, int[] candidates)
    {
        Lines = lines;
        VotersLines = voters;
        IssuedLines = issued;
        InBoxesLines = inBoxes;
        ValidLines = valid;
        InvalidLines = invalid;
        CandidateLines = candidates;
    }

    /// <summary>The number of values of a protocol of this form.</summary>
    public int Lines { get; }

    public IReadOnlyList<int> VotersLines { get; }

    public IReadOnlyList<int> IssuedLines { get; }

    public IReadOnlyList<int> InBoxesLines { get; }

    public IReadOnlyList<int> ValidLines { get; }

    public IReadOnlyList<int> InvalidLines { get; }

    /// <summary>The line index of each candidate, in ballot order.</summary>
    public IReadOnlyList<int> CandidateLines { get; }

    /// <summary>Compiles the definition's forensics section; a definition without one is refused with a clear message.</summary>
    public static ForensicsQuantities Of(ElectionDefinition definition)
    {
        var lines = definition.Forensics
            ?? throw new ForensicsException(
                "FORENSICS.NO-LINES",
                $"The definition {definition.Id} has no \"forensics\" section: it does not say which protocol lines are the voters on the list, the ballots issued, the ballots in the boxes, the valid and the invalid ballots.");
        var form = definition.ProtocolForm;
        var candidates = form.CandidateLines.Select(l => l.Index).ToArray();
        int[] Resolve(string name, IReadOnlyList<string> codes) =>
        [
            .. codes.SelectMany(code => code == form.CandidateGroup
                ? candidates
                : form.IndexOf.TryGetValue(code, out var i)
                    ? [i]
                    : throw new ForensicsException("FORENSICS.UNKNOWN-LINE", $"forensics.{name} names \"{code}\", which is neither a protocol line of {definition.Id} nor its candidate group.")),
        ];
        return new ForensicsQuantities(
            form.Lines.Count,
            Resolve("voters", lines.Voters),
            Resolve("issued", lines.Issued),
            Resolve("inBoxes", lines.InBoxes),
            Resolve("valid", lines.Valid),
            Resolve("invalid", lines.Invalid),
            candidates);
    }

    /// <summary>The candidates of the definition, in ballot order.</summary>
    public static IReadOnlyList<ForensicsCandidate> CandidatesOf(ElectionDefinition definition) =>
        [.. definition.ProtocolForm.CandidateLines.Select(l => new ForensicsCandidate(l.Code, l.Label))];

    /// <summary>Adds one precinct's protocol (its values in the form's line order) to <paramref name="set"/>.</summary>
    public int AddTo(PrecinctSet set, string code, int region, ReadOnlySpan<long> values, Span<long> votesBuffer)
    {
        if (values.Length != Lines)
        {
            throw new ArgumentException($"The protocol has {Lines} lines; {values.Length} values were given for {code}.", nameof(values));
        }

        for (var c = 0; c < CandidateLines.Count; c++)
        {
            votesBuffer[c] = values[CandidateLines[c]];
        }

        return set.Add(code, region, Sum(values, VotersLines), Sum(values, IssuedLines), Sum(values, InBoxesLines), Sum(values, ValidLines), Sum(values, InvalidLines), votesBuffer[..CandidateLines.Count]);
    }

    private static long Sum(ReadOnlySpan<long> values, IReadOnlyList<int> lines)
    {
        long sum = 0;
        foreach (var i in lines)
        {
            sum += values[i];
        }

        return sum;
    }
}

/// <summary>The forensics cannot be computed as asked; the message is for the user.</summary>
public sealed class ForensicsException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
