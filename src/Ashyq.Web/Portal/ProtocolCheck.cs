using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashyq.Core.Elections;
using Ashyq.Core.Publication;
using Ashyq.Core.Results;
using Ashyq.Storage;

namespace Ashyq.Web.Portal;

public enum CheckOutcome
{
    /// <summary>Nothing was asked yet.</summary>
    None,

    /// <summary>The copy could not be read: a line is missing or not a number, or the pasted record is not one.</summary>
    BadInput,

    /// <summary>No precinct has the code.</summary>
    UnknownPrecinct,

    /// <summary>The precinct has no accepted version yet.</summary>
    NotPublished,

    /// <summary>Every line equals a published version's.</summary>
    Identical,

    /// <summary>No published version has these numbers.</summary>
    Different,
}

/// <summary>A line whose number on the copy differs from the latest published version's.</summary>
public sealed record LineDifference(ProtocolLine Line, long Copy, long Published);

/// <summary>What the check found about an observer's copy of a protocol.</summary>
public sealed record CheckResult(
    CheckOutcome Outcome,
    string Precinct,
    IReadOnlyList<ProtocolVersion> Published,
    ProtocolVersion? Matched,
    IReadOnlyList<LineDifference> Differences,
    IReadOnlyList<string> Problems,
    LogInclusion? Inclusion,
    bool? RecordIdentical)
{
    public static CheckResult Empty { get; } = new(CheckOutcome.None, "", [], null, [], [], null, null);

    public ProtocolVersion? Latest => Published.Count > 0 ? Published[^1] : null;

    /// <summary>The accepted versions after the matching one.</summary>
    public IReadOnlyList<ProtocolVersion> Later => Matched is null ? [] : [.. Published.Where(v => v.Number > Matched.Number)];
}

/// <summary>The numbers of a copy: typed line by line, or taken from a pasted record.</summary>
public sealed record ProtocolCopy(string Precinct, long[]? Values, byte[]? Record, IReadOnlyList<string> Problems)
{
    public const string MissingLine = "CHECK.MISSING-LINE";
    public const string NotANumber = "CHECK.NOT-A-NUMBER";
    public const string BadRecord = "CHECK.BAD-RECORD";
    public const string NoPrecinct = "CHECK.NO-PRECINCT";

    /// <summary>Reads the typed lines (spaces allowed as thousands separators); a missing or wrong line is named.</summary>
    public static ProtocolCopy Typed(ProtocolForm form, string precinct, Func<string, string?> field)
    {
        var values = new long[form.Lines.Count];
        var problems = new List<string>();
        foreach (var line in form.Lines)
        {
            var raw = string.Concat((field(line.Code) ?? "").Where(c => !char.IsWhiteSpace(c) && c != '\u00a0' && c != '\u202f'));
            if (raw.Length == 0)
            {
                problems.Add(MissingLine + ":" + line.Code);
            }
            else if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                values[line.Index] = value;
            }
            else
            {
                problems.Add(NotANumber + ":" + line.Code);
            }
        }

        return new ProtocolCopy(Normalize(precinct), problems.Count == 0 ? values : null, null, problems);
    }

    /// <summary>Reads a pasted record (the JSON of <c>/public/records/protocol/…</c>): its precinct and lines.</summary>
    public static ProtocolCopy Pasted(ProtocolForm form, string precinct, string json)
    {
        JsonObject? record;
        try
        {
            record = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            record = null;
        }

        if (record?["lines"] is not JsonObject lines)
        {
            return new ProtocolCopy(Normalize(precinct), null, null, [BadRecord]);
        }

        var code = record["precinct"] is JsonValue p && p.TryGetValue<string>(out var named) ? named : precinct;
        var copy = Typed(form, code, line => lines[line] is JsonValue v && v.TryGetValue<long>(out var n) ? n.ToString(CultureInfo.InvariantCulture) : lines[line]?.ToJsonString());
        return copy with { Record = CanonicalJson.Serialize(record) };
    }

    private static string Normalize(string precinct) => precinct.Trim().ToUpperInvariant();
}

/// <summary>
/// Compares an observer's copy with the precinct's published (accepted) versions, as the store keeps them, and
/// proves the matching version's record is in the published log.
/// </summary>
public static class ProtocolCheck
{
    public static async Task<CheckResult> RunAsync(ResultsService results, ElectionDefinition definition, PublishedLog log, ProtocolCopy copy, CancellationToken ct = default)
    {
        if (copy.Precinct.Length == 0)
        {
            return CheckResult.Empty with { Outcome = CheckOutcome.BadInput, Problems = [ProtocolCopy.NoPrecinct, .. copy.Problems] };
        }

        IReadOnlyList<ProtocolVersion> versions;
        try
        {
            versions = await results.VersionsAsync(copy.Precinct, ct);
        }
        catch (UnknownPrecinct)
        {
            return CheckResult.Empty with { Outcome = CheckOutcome.UnknownPrecinct, Precinct = copy.Precinct };
        }

        var published = versions.Where(v => v.State == ProtocolState.Accepted && v.Values is not null).ToList();
        var start = CheckResult.Empty with { Precinct = copy.Precinct, Published = published };
        if (copy.Values is not { } values)
        {
            return start with { Outcome = CheckOutcome.BadInput, Problems = copy.Problems };
        }

        if (published.Count == 0)
        {
            return start with { Outcome = CheckOutcome.NotPublished };
        }

        var latest = published[^1];
        var differences = definition.ProtocolForm.Lines
            .Where(l => values[l.Index] != latest.Values![l.Index])
            .Select(l => new LineDifference(l, values[l.Index], latest.Values![l.Index]))
            .ToList();
        var matched = published.LastOrDefault(v => v.Values!.AsSpan().SequenceEqual(values));
        if (matched is null)
        {
            return start with { Outcome = CheckOutcome.Different, Differences = differences };
        }

        var record = ProtocolRecord.Bytes(definition, matched);
        var inclusion = log.Enabled ? log.Verify(record) : null;
        bool? identicalRecord = copy.Record is { } pasted ? pasted.AsSpan().SequenceEqual(record) : null;
        return start with { Outcome = CheckOutcome.Identical, Matched = matched, Differences = differences, Inclusion = inclusion, RecordIdentical = identicalRecord };
    }
}
