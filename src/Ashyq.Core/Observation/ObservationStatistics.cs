namespace Ashyq.Core.Observation;

/// <summary>A share with its two counts, so anyone can check the arithmetic: <see cref="Part"/> of <see cref="Whole"/>.</summary>
public readonly record struct Share(int Part, int Whole)
{
    /// <summary>The share to four decimals (0 of nothing is 0).</summary>
    public decimal Value => Whole == 0 ? 0m : Math.Round((decimal)Part / Whole, 4, MidpointRounding.AwayFromZero);

    public override string ToString() => $"{Part}/{Whole}";
}

/// <summary>What one kind of form shows: units observed (each once however many visits), visits, negative assessments.</summary>
public sealed record FormFigures(FormKind Kind, int Observed, int Visits, Share NegativeUnits, Share NegativeVisits, IReadOnlyDictionary<string, int> Incidents);

/// <summary>The figures of one region (a territorial commission's area).</summary>
public sealed record RegionFigures(string Region, IReadOnlyDictionary<FormKind, FormFigures> Forms, IReadOnlyDictionary<string, int> Incidents);

/// <summary>One team's answer in a conflict.</summary>
public sealed record ConflictingAnswer(SubmissionId Submission, string Team, string Answer);

/// <summary>Two or more teams reported the same unit on the same form and answered a question differently; every submission is kept.</summary>
public sealed record Conflict(FormKind Form, string Unit, string Question, IReadOnlyList<ConflictingAnswer> Answers);

/// <summary>An incident that concerns a precinct's results protocol, with the precinct (linked to its protocol's page).</summary>
public sealed record ProtocolIncident(string Incident, FormKind Form, string Unit, string? Precinct, SubmissionId Submission);

/// <summary>The mission's statistics, computed from its submissions alone.</summary>
public sealed record ObservationStatistics(
    IReadOnlyDictionary<FormKind, FormFigures> Forms,
    IReadOnlyDictionary<string, int> Incidents,
    IReadOnlyList<RegionFigures> Regions,
    IReadOnlyList<Conflict> Conflicts,
    IReadOnlyList<ProtocolIncident> ProtocolIncidents,
    int Submissions)
{
    /// <summary>
    /// Computes the figures. A unit counts once per kind of form however many visits it had; a unit is assessed
    /// negatively when at least one visit's assessment is negative (the per-visit share stands beside it); an
    /// incident counts the units where at least one visit reported it (across forms in <see cref="Incidents"/>,
    /// per form in <see cref="FormFigures.Incidents"/>). <paramref name="regionOf"/> gives a unit's region (null:
    /// none). Submissions that repeat an id count once.
    /// </summary>
    public static ObservationStatistics Compute(ObservationForms forms, IEnumerable<Submission> submissions, Func<string, string?> regionOf)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(regionOf);
        var all = submissions.DistinctBy(s => s.Id).ToList();
        var byForm = Enum.GetValues<FormKind>().ToDictionary(k => k, k => Figures(forms, k, all.Where(s => s.Form == k).ToList()));
        var regions = all.GroupBy(s => regionOf(s.Unit))
            .Where(g => g.Key is not null)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegionFigures(
                g.Key!,
                Enum.GetValues<FormKind>().ToDictionary(k => k, k => Figures(forms, k, g.Where(s => s.Form == k).ToList())),
                IncidentUnits(g)))
            .ToList();
        return new ObservationStatistics(byForm, IncidentUnits(all), regions, FindConflicts(forms, all), FindProtocolIncidents(forms, all), all.Count);
    }

    /// <summary>Whether the answer reports the incident or assessment as it counts: <c>yes</c> for an incident.</summary>
    public static bool Reports(string answer) => answer == "yes";

    private static FormFigures Figures(ObservationForms forms, FormKind kind, IReadOnlyList<Submission> visits)
    {
        var assessment = ObservationForms.AssessmentCode(kind);
        bool Negative(Submission s) => s.Answers.TryGetValue(assessment, out var a) && forms.Assessment.IsNegative(a);
        var units = visits.GroupBy(s => s.Unit).ToList();
        var assessedVisits = visits.Count(s => s.Answers.ContainsKey(assessment));
        var assessedUnits = units.Count(u => u.Any(s => s.Answers.ContainsKey(assessment)));
        return new FormFigures(
            kind,
            units.Count,
            visits.Count,
            new Share(units.Count(u => u.Any(Negative)), assessedUnits),
            new Share(visits.Count(Negative), assessedVisits),
            IncidentUnits(visits));
    }

    private static Dictionary<string, int> IncidentUnits(IEnumerable<Submission> visits) =>
        visits.SelectMany(s => s.Answers.Where(a => a.Key.StartsWith("INC.", StringComparison.Ordinal) && Reports(a.Value)).Select(a => (Incident: a.Key, s.Form, s.Unit)))
            .Distinct()
            .GroupBy(x => x.Incident)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => (x.Form == FormKind.Tabulation, x.Unit)).Distinct().Count());

    private static List<Conflict> FindConflicts(ObservationForms forms, IReadOnlyList<Submission> all)
    {
        var conflicts = new List<Conflict>();
        foreach (var unit in all.GroupBy(s => (s.Form, s.Unit)).Where(g => g.Select(s => s.Team).Distinct().Count() > 1).OrderBy(g => g.Key.Form).ThenBy(g => g.Key.Unit, StringComparer.Ordinal))
        {
            var form = forms.Form(unit.Key.Form);
            var questions = unit.SelectMany(s => s.Answers.Keys).Distinct().OrderBy(q => q, StringComparer.Ordinal);
            foreach (var question in questions)
            {
                if (form?.Question(question) is not { Type: not (AnswerType.Text or AnswerType.Number) })
                {
                    continue;
                }

                var answers = unit.Where(s => s.Answers.ContainsKey(question)).OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id.Value, StringComparer.Ordinal)
                    .Select(s => new ConflictingAnswer(s.Id, s.Team, s.Answers[question])).ToList();
                if (answers.Select(a => a.Answer).Distinct().Count() > 1 && answers.Select(a => a.Team).Distinct().Count() > 1)
                {
                    conflicts.Add(new Conflict(unit.Key.Form, unit.Key.Unit, question, answers));
                }
            }
        }

        return conflicts;
    }

    private static List<ProtocolIncident> FindProtocolIncidents(ObservationForms forms, IReadOnlyList<Submission> all)
    {
        var protocolCodes = forms.Incidents.Where(i => i.ConcernsProtocol).Select(i => i.Code).ToHashSet();
        return [.. all.SelectMany(s => s.Answers
                .Where(a => protocolCodes.Contains(a.Key) && Reports(a.Value))
                .Select(a => new ProtocolIncident(a.Key, s.Form, s.Unit, PrecinctOf(forms, s), s.Id)))
            .OrderBy(p => p.Incident, StringComparer.Ordinal).ThenBy(p => p.Unit, StringComparer.Ordinal).ThenBy(p => p.Submission.Value, StringComparer.Ordinal)];
    }

    /// <summary>The precinct a submission's protocol incident concerns: the station itself, or the one a tabulation form names.</summary>
    private static string? PrecinctOf(ObservationForms forms, Submission s)
    {
        var form = forms.Form(s.Form);
        if (form is null)
        {
            return null;
        }

        var named = form.Questions.FirstOrDefault(q => q.Type == AnswerType.Station);
        if (named is not null && s.Answers.TryGetValue(named.Code, out var precinct))
        {
            return precinct;
        }

        return s.Form == FormKind.Tabulation ? null : s.Unit;
    }
}
