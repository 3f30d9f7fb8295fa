using System.Globalization;
using System.Text.Json.Nodes;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;

namespace Ashyq.Core.Publication;

/// <summary>
/// The public record of an accepted protocol version, as it is logged and published: the precinct, every line,
/// the version and the decision behind a correction, who typed, signed and accepted it and when. No voter's
/// personal data. Its canonical JSON (RFC 8785) is the log entry, so anyone holding a copy can hash it.
/// </summary>
public static class ProtocolRecord
{
    public const string Kind = "protocol";

    public static JsonObject Build(ElectionDefinition definition, ProtocolVersion version)
    {
        if (version.State != ProtocolState.Accepted || version.Values is null)
        {
            throw new InvalidOperationException("Only an accepted version is published.");
        }

        var lines = new JsonObject();
        foreach (var line in definition.ProtocolForm.Lines)
        {
            lines[line.Code] = version.Values[line.Index];
        }

        var entries = new JsonArray();
        foreach (var entry in new[] { version.First, version.Second }.Where(e => e is not null))
        {
            entries.Add(new JsonObject
            {
                ["operator"] = entry!.Operator.User,
                ["commission"] = entry.Operator.Commission,
                ["finished_at"] = Time(entry.FinishedAt),
            });
        }

        var acknowledgements = new JsonArray();
        foreach (var a in version.Acknowledgements)
        {
            acknowledgements.Add(new JsonObject { ["code"] = a.RelationCode, ["reason"] = a.Reason, ["by"] = a.By.User });
        }

        return new JsonObject
        {
            ["record"] = Kind,
            ["election"] = definition.Id,
            ["precinct"] = version.Precinct,
            ["version"] = version.Number,
            ["lines"] = lines,
            ["correction"] = version.CorrectionDecision is { } d
                ? new JsonObject { ["commission"] = d.Commission, ["number"] = d.Number, ["date"] = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["reason"] = d.Reason }
                : null,
            ["entries"] = entries,
            ["entered_elsewhere"] = version.EnteredElsewhere,
            ["signatures"] = new JsonArray([.. version.Signatures.Select(s => (JsonNode)s)]),
            ["dissenting_opinion"] = version.DissentingOpinion,
            ["acknowledgements"] = acknowledgements,
            ["accepted_by"] = version.AcceptedBy is { } by ? new JsonObject { ["user"] = by.User, ["commission"] = by.Commission } : null,
            ["accepted_at"] = Time(version.AcceptedAt),
        };
    }

    /// <summary>The record's canonical bytes: the log entry and the published file are these bytes.</summary>
    public static byte[] Bytes(ElectionDefinition definition, ProtocolVersion version) => CanonicalJson.Serialize(Build(definition, version));

    private static string? Time(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
