using System.Globalization;
using System.Text.Json.Nodes;
using Ashyq.Core.Elections;

namespace Ashyq.Core.Publication;

/// <summary>A commission as a reporting unit of the export.</summary>
public sealed record ReportingUnit(string Code, string Level, string? Parent, LocalizedText Name);

/// <summary>A precinct's latest accepted values, in the form's line order.</summary>
public sealed record PrecinctResult(string Precinct, long[] Values);

/// <summary>
/// The whole election as NIST SP 1500-100 v2 JSON (the election results common data format): every commission a
/// reporting unit composed of the ones below it, the registered candidates with the organizations that nominated
/// them, and one candidate contest whose counts are given per precinct, with each precinct's voters registered
/// and voters who took part. Validates against the official schema (tested).
/// </summary>
public static class NistExport
{
    public static JsonObject Build(ElectionDefinition definition, IReadOnlyList<ReportingUnit> units, IReadOnlyList<PrecinctResult> results, DateTimeOffset generated, bool complete)
    {
        var form = definition.ProtocolForm;
        var participants = form.IndexOf[definition.Result.ParticipantsLine];
        var eligible = form.IndexOf[definition.Result.EligibleVotersLine];
        var byPrecinct = results.ToDictionary(r => r.Precinct, r => r.Values);
        var children = units.Where(u => u.Parent is not null).ToLookup(u => u.Parent!, u => u.Code);
        var top = definition.TopLevel.Code;
        var precinctLevel = definition.PrecinctLevel.Code;

        var gpUnits = new JsonArray();
        foreach (var unit in units)
        {
            var node = new JsonObject
            {
                ["@id"] = Id("gp", unit.Code),
                ["@type"] = "ElectionResults.ReportingUnit",
                ["Name"] = Text(unit.Name),
                ["ComposingGpUnitIds"] = new JsonArray([.. children[unit.Code].Select(c => (JsonNode)Id("gp", c))]),
            };
            if (unit.Level == top)
            {
                node["Type"] = "country";
            }
            else if (unit.Level == precinctLevel)
            {
                node["Type"] = "precinct";
            }
            else
            {
                node["Type"] = "other";
                node["OtherType"] = unit.Level;
            }

            if (byPrecinct.TryGetValue(unit.Code, out var values))
            {
                node["VotersRegistered"] = values[eligible];
                node["VotersParticipated"] = values[participants];
            }

            gpUnits.Add(node);
        }

        var parties = new JsonArray();
        foreach (var organization in definition.Organizations.Where(o => definition.Candidates.Registered.Any(c => c.NominatedBy == o.Code)))
        {
            parties.Add(new JsonObject { ["@id"] = Id("party", organization.Code), ["@type"] = "ElectionResults.Party", ["Name"] = Text(organization.Name) });
        }

        var candidates = new JsonArray();
        var selections = new JsonArray();
        var order = 0;
        foreach (var line in form.CandidateLines)
        {
            var registered = definition.Candidates.Registered.Single(c => c.Code == line.Code);
            var candidate = new JsonObject
            {
                ["@id"] = Id("candidate", line.Code),
                ["@type"] = "ElectionResults.Candidate",
                ["BallotName"] = Text(registered.Name),
            };
            if (registered.NominatedBy != "self")
            {
                candidate["PartyId"] = Id("party", registered.NominatedBy);
            }

            candidates.Add(candidate);
            var counts = new JsonArray();
            foreach (var result in results)
            {
                counts.Add(new JsonObject
                {
                    ["@type"] = "ElectionResults.VoteCounts",
                    ["GpUnitId"] = Id("gp", result.Precinct),
                    ["Type"] = "total",
                    ["Count"] = result.Values[line.Index],
                });
            }

            selections.Add(new JsonObject
            {
                ["@id"] = Id("selection", line.Code),
                ["@type"] = "ElectionResults.CandidateSelection",
                ["CandidateIds"] = new JsonArray(Id("candidate", line.Code)),
                ["SequenceOrder"] = ++order,
                ["VoteCounts"] = counts,
            });
        }

        var ballots = new JsonArray();
        foreach (var result in results)
        {
            ballots.Add(new JsonObject
            {
                ["@type"] = "ElectionResults.BallotCounts",
                ["GpUnitId"] = Id("gp", result.Precinct),
                ["Type"] = "total",
                ["BallotsCast"] = result.Values[participants],
            });
        }

        var day = definition.Calendar.VotingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var topUnit = units.Single(u => u.Level == top).Code;
        return new JsonObject
        {
            ["@type"] = "ElectionResults.ElectionReport",
            ["Format"] = "precinct-level",
            ["GeneratedDate"] = generated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Issuer"] = definition.TopLevel.CommissionName.En,
            ["IssuerAbbreviation"] = top,
            ["SequenceStart"] = 1,
            ["SequenceEnd"] = 1,
            ["Status"] = complete ? "unofficial-complete" : "unofficial-partial",
            ["VendorApplicationId"] = "Ashyq",
            ["GpUnit"] = gpUnits,
            ["Party"] = parties,
            ["Election"] = new JsonArray(new JsonObject
            {
                ["@type"] = "ElectionResults.Election",
                ["ElectionScopeId"] = Id("gp", topUnit),
                ["Name"] = Text(definition.Name),
                ["StartDate"] = day,
                ["EndDate"] = day,
                ["Type"] = "special",
                ["Candidate"] = candidates,
                ["BallotCounts"] = ballots,
                ["Contest"] = new JsonArray(new JsonObject
                {
                    ["@id"] = Id("contest", definition.Office),
                    ["@type"] = "ElectionResults.CandidateContest",
                    ["ElectionDistrictId"] = Id("gp", topUnit),
                    ["Name"] = definition.Name.En,
                    ["VotesAllowed"] = 1,
                    ["NumberElected"] = 1,
                    ["ContestSelection"] = selections,
                }),
            }),
        };
    }

    private static string Id(string kind, string code) => $"{kind}-{code}";

    private static JsonObject Text(LocalizedText text) => new()
    {
        ["@type"] = "ElectionResults.InternationalizedText",
        ["Text"] = new JsonArray(
            Language("kk", text.Kk),
            Language("ru", text.Ru),
            Language("en", text.En)),
    };

    private static JsonObject Language(string language, string content) =>
        new() { ["@type"] = "ElectionResults.LanguageString", ["Language"] = language, ["Content"] = content };
}
