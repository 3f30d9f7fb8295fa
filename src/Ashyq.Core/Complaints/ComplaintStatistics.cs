namespace Ashyq.Core.Complaints;

/// <summary>The figures of a group of cases (a kind of body, a kind of subject), computed from the cases, never typed.</summary>
public sealed record ComplaintFigures
{
    public int Received { get; init; }

    /// <summary>Decided by any competent body: an adopted commission decision or a court's or prosecutor's.</summary>
    public int Decided { get; init; }

    /// <summary>Decided by a commission's vote at a session.</summary>
    public int DecidedCollegially { get; init; }

    public int DecidedWithinDeadline { get; init; }

    /// <summary>Decided, with the decision in the transparency log.</summary>
    public int Published { get; init; }

    public int NotDecided { get; init; }

    /// <summary>Not decided but answered by an official's letter (the CEC Secretary's answers of 2011).</summary>
    public int AnsweredByOfficial { get; init; }

    /// <summary>Deadline passed without a decision, or decided after it.</summary>
    public int MissedDeadline { get; init; }

    /// <summary>Held by a body that is not competent and has not forwarded them.</summary>
    public int AwaitingForward { get; init; }

    public int Forwarded { get; init; }

    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    public required IReadOnlyDictionary<string, int> Flags { get; init; }
}

/// <summary>
/// Complaint statistics per kind of body (the level of the commission holding the case, or district court, Supreme
/// Court, prosecutor — where it was last sent) and per kind of subject.
/// </summary>
public sealed record ComplaintStatistics(IReadOnlyDictionary<string, ComplaintFigures> ByBodyKind, IReadOnlyDictionary<string, ComplaintFigures> BySubject, ComplaintFigures Total)
{
    /// <summary>The body kinds always reported, even at zero: the definition's levels, then the courts and the prosecutor.</summary>
    public static IReadOnlyList<string> BodyKinds(IEnumerable<string> levels) => [.. levels, "district_court", "supreme_court", "prosecutor"];

    public static ComplaintStatistics Compute(IEnumerable<(ComplaintFile File, CaseStatus Status)> cases, IEnumerable<string> bodyKinds, IEnumerable<string> subjects)
    {
        var all = cases.ToList();
        var byBody = new Dictionary<string, ComplaintFigures>(StringComparer.Ordinal);
        foreach (var kind in bodyKinds)
        {
            byBody[kind] = Figures(all.Where(c => c.Status.Holder.StatisticsKey == kind));
        }

        foreach (var extra in all.Select(c => c.Status.Holder.StatisticsKey).Distinct().Where(k => !byBody.ContainsKey(k)))
        {
            byBody[extra] = Figures(all.Where(c => c.Status.Holder.StatisticsKey == extra));
        }

        var bySubject = new Dictionary<string, ComplaintFigures>(StringComparer.Ordinal);
        foreach (var subject in subjects.Concat(all.Select(c => c.File.Case.Subject.Kind)).Distinct())
        {
            bySubject[subject] = Figures(all.Where(c => c.File.Case.Subject.Kind == subject));
        }

        return new ComplaintStatistics(byBody, bySubject, Figures(all));
    }

    private static ComplaintFigures Figures(IEnumerable<(ComplaintFile File, CaseStatus Status)> cases)
    {
        var list = cases.ToList();
        var outcomes = Enum.GetValues<ComplaintOutcome>().ToDictionary(o => Key(o), o => list.Count(c => c.Status.Outcome == o));
        var flags = list.SelectMany(c => c.Status.Flags).GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        return new ComplaintFigures
        {
            Received = list.Count,
            Decided = list.Count(c => c.Status.IsDecided),
            DecidedCollegially = list.Count(c => c.Status.DecidedCollegially),
            DecidedWithinDeadline = list.Count(c => c.Status.Deadline == DeadlineState.DecidedInTime),
            Published = list.Count(c => c.Status.IsDecided && c.Status.Published),
            NotDecided = list.Count(c => !c.Status.IsDecided),
            AnsweredByOfficial = list.Count(c => c.Status.State == CaseState.AnsweredNotDecided),
            MissedDeadline = list.Count(c => c.Status.MissedDeadline),
            AwaitingForward = list.Count(c => c.Status.State == CaseState.MustBeForwarded),
            Forwarded = list.Count(c => c.File.Forwards.Count > 0),
            Outcomes = outcomes,
            Flags = flags,
        };
    }

    /// <summary>An outcome as the statistics and records write it: <c>upheld</c>, <c>partly_upheld</c>, <c>rejected</c>, <c>not_considered</c>.</summary>
    public static string Key(ComplaintOutcome outcome) => outcome switch
    {
        ComplaintOutcome.Upheld => "upheld",
        ComplaintOutcome.PartlyUpheld => "partly_upheld",
        ComplaintOutcome.Rejected => "rejected",
        _ => "not_considered",
    };
}
