using System.Text.Json.Nodes;

namespace Ashyq.Core.Observation;

/// <summary>
/// The statistics as one JSON document, the same for <c>ashyq observation stats --json</c> and the API:
/// <c>observed</c> (units per form kind), <c>negative_share</c> (of units) with <c>negative_share_per_visit</c>
/// beside it, <c>incidents</c> (units where reported), the counts behind every share, by form and by region,
/// and the conflicts between teams.
/// </summary>
public static class StatisticsDocument
{
    public static JsonObject Build(ObservationForms forms, ObservationStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(stats);
        var root = new JsonObject
        {
            ["forms"] = new JsonObject { ["id"] = forms.Id, ["version"] = forms.Version },
            ["submissions"] = stats.Submissions,
        };
        Figures(root, stats.Forms);
        root["incidents"] = Counts(stats.Incidents);
        root["incidents_by_form"] = PerKind(stats.Forms, f => Counts(f.Incidents));
        var regions = new JsonArray();
        foreach (var region in stats.Regions)
        {
            var r = new JsonObject { ["region"] = region.Region };
            Figures(r, region.Forms);
            r["incidents"] = Counts(region.Incidents);
            regions.Add(r);
        }

        root["regions"] = regions;
        root["conflicts"] = new JsonArray([.. stats.Conflicts.Select(c => (JsonNode)new JsonObject
        {
            ["form"] = ObservationForms.KindName(c.Form),
            ["station"] = c.Unit,
            ["question"] = c.Question,
            ["answers"] = new JsonArray([.. c.Answers.Select(a => (JsonNode)new JsonObject { ["submission_id"] = a.Submission.Value, ["team"] = a.Team, ["answer"] = a.Answer })]),
        })]);
        root["protocol_incidents"] = new JsonArray([.. stats.ProtocolIncidents.Select(p => (JsonNode)new JsonObject
        {
            ["incident"] = p.Incident,
            ["form"] = ObservationForms.KindName(p.Form),
            ["unit"] = p.Unit,
            ["precinct"] = p.Precinct,
            ["submission_id"] = p.Submission.Value,
        })]);
        return root;
    }

    private static void Figures(JsonObject into, IReadOnlyDictionary<FormKind, FormFigures> forms)
    {
        into["observed"] = PerKind(forms, f => f.Observed);
        into["visits"] = PerKind(forms, f => f.Visits);
        into["negative_share"] = PerKind(forms, f => f.NegativeUnits.Value);
        into["negative_share_per_visit"] = PerKind(forms, f => f.NegativeVisits.Value);
        into["negative"] = PerKind(forms, f => new JsonObject
        {
            ["units"] = f.NegativeUnits.Part,
            ["of_units"] = f.NegativeUnits.Whole,
            ["visits"] = f.NegativeVisits.Part,
            ["of_visits"] = f.NegativeVisits.Whole,
        });
    }

    private static JsonObject PerKind(IReadOnlyDictionary<FormKind, FormFigures> forms, Func<FormFigures, JsonNode?> value)
    {
        var o = new JsonObject();
        foreach (var kind in Enum.GetValues<FormKind>())
        {
            o[ObservationForms.KindName(kind)] = value(forms[kind]);
        }

        return o;
    }

    private static JsonObject Counts(IReadOnlyDictionary<string, int> counts)
    {
        var o = new JsonObject();
        foreach (var (code, n) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            o[code] = n;
        }

        return o;
    }
}
