using System.Globalization;
using System.Text.Json.Nodes;
using Ashyq.Core.Elections;
using Ashyq.Core.Publication;

namespace Ashyq.Core.Candidates;

/// <summary>The threshold figures a registration decision rests on.</summary>
public sealed record SignatureFigures(long VotersOnOpeningDay, long Threshold, long Valid, IReadOnlyDictionary<string, long> ValidPerUnit);

/// <summary>
/// The public records of nomination and registration, in canonical JSON (RFC 8785) for the transparency log: a
/// territorial commission's verification protocol and the CEC's registration decision with every requirement it
/// checked and the route of an appeal. No IIN and no contact of anyone is ever part of them.
/// </summary>
public static class NominationRecords
{
    public const string VerificationKind = "signature-verification";
    public const string RegistrationKind = "candidate-registration";

    public static byte[] Verification(string election, VerificationProtocol protocol, string decision)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var notices = new JsonArray();
        foreach (var n in protocol.Notices.OrderBy(n => n.SentAt).ThenBy(n => n.Recipient, StringComparer.Ordinal))
        {
            notices.Add(new JsonObject
            {
                ["recipient"] = n.Recipient,
                ["role"] = n.Role,
                ["channel"] = n.Channel,
                ["sent_at"] = n.SentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["attended"] = n.Attended,
            });
        }

        return CanonicalJson.Serialize(new JsonObject
        {
            ["record"] = VerificationKind,
            ["election"] = election,
            ["commission"] = protocol.Commission,
            ["nominee"] = protocol.Nominee,
            ["nominee_name"] = protocol.NomineeName,
            ["decision"] = decision,
            ["session_at"] = protocol.ScheduledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["place"] = protocol.Place,
            ["valid"] = protocol.Valid,
            ["rejected"] = protocol.Rejected,
            ["rejected_by_code"] = Counts(protocol.RejectedByCode),
            ["flagged_by_pattern"] = Counts(protocol.FlaggedByPattern),
            ["notices"] = notices,
        });
    }

    public static byte[] Registration(ElectionDefinition definition, int nominee, string nomineeName, string decision, bool registered, IReadOnlyList<RequirementResult> requirements, SignatureFigures? signatures)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(requirements);
        var checks = new JsonArray();
        foreach (var r in requirements)
        {
            checks.Add(new JsonObject
            {
                ["code"] = r.Code,
                ["met"] = r.Met,
                ["evidence"] = r.Evidence,
                ["deadline"] = r.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
        }

        var route = AppealRoute.Of(definition);
        var record = new JsonObject
        {
            ["record"] = RegistrationKind,
            ["election"] = definition.Id,
            ["nominee"] = nominee,
            ["nominee_name"] = nomineeName,
            ["decision"] = decision,
            ["outcome"] = registered ? "registered" : "refused",
            ["unmet"] = RegistrationRules.Unmet(requirements)?.Code,
            ["requirements"] = checks,
            ["appeal"] = route is null ? null : new JsonObject
            {
                ["route"] = route.Code,
                ["court"] = "supreme-court",
                ["appealable"] = route.Appealable,
                ["deadline_days"] = definition.Complaints.DeadlineDays,
            },
        };
        if (signatures is not null)
        {
            record["signatures"] = new JsonObject
            {
                ["voters_on_opening_day"] = signatures.VotersOnOpeningDay,
                ["threshold"] = signatures.Threshold,
                ["valid"] = signatures.Valid,
                ["valid_per_unit"] = Counts(signatures.ValidPerUnit),
            };
        }

        return CanonicalJson.Serialize(record);
    }

    private static JsonObject Counts(IReadOnlyDictionary<string, long> counts)
    {
        var o = new JsonObject();
        foreach (var (k, v) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            o[k] = v;
        }

        return o;
    }
}

/// <summary>
/// Where a complaint against a CEC decision on a candidate's registration goes: the definition's direct route to
/// the Supreme Court (SC.CEC-CANDIDATE-REGISTRATION), whose ruling is final when the route is not appealable.
/// </summary>
public static class AppealRoute
{
    public const string RegistrationRoute = "SC.CEC-CANDIDATE-REGISTRATION";

    public static DirectToSupremeCourt? Of(ElectionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Complaints.DirectToSupremeCourt.FirstOrDefault(r => r.Code == RegistrationRoute);
    }
}
