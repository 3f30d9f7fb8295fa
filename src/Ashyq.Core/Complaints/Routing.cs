using Ashyq.Core.Elections;
using Ashyq.Core.Results;

namespace Ashyq.Core.Complaints;

public enum BodyKind
{
    Commission,
    DistrictCourt,
    SupremeCourt,
    Prosecutor,
}

/// <summary>
/// A body that receives or decides complaints: an election commission (by code and level), a district court, the
/// Supreme Court or a prosecutor's office (by name where known).
/// </summary>
public sealed record ComplaintBody(BodyKind Kind, string? Commission = null, string? Level = null, string? Name = null)
{
    public static ComplaintBody Of(CommissionRef commission) => new(BodyKind.Commission, commission.Code, commission.Level);

    public static ComplaintBody DistrictCourt(string? name = null) => new(BodyKind.DistrictCourt, Name: name);

    public static ComplaintBody SupremeCourt { get; } = new(BodyKind.SupremeCourt);

    public static ComplaintBody Prosecutor(string? name = null) => new(BodyKind.Prosecutor, Name: name);

    /// <summary>The key the statistics count it under: the commission's level (CEC, TEC, DEC, PEC), or <c>district_court</c>, <c>supreme_court</c>, <c>prosecutor</c>.</summary>
    public string StatisticsKey => Kind switch
    {
        BodyKind.Commission => Level ?? "commission",
        BodyKind.DistrictCourt => "district_court",
        BodyKind.SupremeCourt => "supreme_court",
        _ => "prosecutor",
    };

    /// <summary>The same body for routing: the same commission, or a body of the same kind (a court is named only by kind).</summary>
    public bool IsSameBodyAs(ComplaintBody other) => Kind == other.Kind && (Kind != BodyKind.Commission || Commission == other.Commission);

    public override string ToString() => Kind == BodyKind.Commission ? Commission! : Name is { Length: > 0 } n ? $"{StatisticsKey} ({n})" : StatisticsKey;
}

/// <summary>A body competent for a case, with the definition's rule for it (its kind in the route, time to decide, appeal).</summary>
public sealed record CompetentBody(ComplaintBody Body, ComplaintBodyRule Rule);

/// <summary>The time to file as applied to a case: the rule, the last day, and whether the complaint came in time.</summary>
public sealed record FilingAssessment(FilingDeadlineRule? Rule, DateOnly? LastDay, bool InTime)
{
    public static FilingAssessment NoDeadline { get; } = new(null, null, true);
}

/// <summary>
/// What the system proposes to the complainant and the staff: the competent bodies (the first one proposed), whether
/// the body that received the complaint is one of them (if not, it forwards the case), the filing deadline with the
/// rule applied, and the proposed body's time to decide.
/// </summary>
public sealed record RoutingProposal(
    ComplaintRoute Route,
    IReadOnlyList<CompetentBody> Competent,
    CompetentBody Proposed,
    bool ReceivedByCompetentBody,
    FilingAssessment Filing,
    DateOnly DecisionDeadline);

/// <summary>
/// The routing table of the definition applied to a case. Complaints against a commission's decision, action or
/// inaction go to the higher commission and/or a district court within 10 days; against a state body or official
/// (a maslikhat appointing a precinct commission) to a court or a prosecutor within the Civil Procedure Code's
/// 3 months; other violations to a commission, a court or a prosecutor; the two kinds the law names go to the
/// Supreme Court alone, without appeal. No number of the law is written here: each comes from the definition.
/// </summary>
public sealed class ComplaintRouting(ComplaintRules rules, ICommissionDirectory commissions)
{
    public ComplaintRules Rules => rules;

    public ICommissionDirectory Commissions => commissions;

    public ComplaintRoute RouteOf(string subject) =>
        rules.Routes.FirstOrDefault(r => r.Subject == subject)
            ?? throw new RuleViolation("COMPLAINT.UNKNOWN-SUBJECT", $"\"{subject}\" is not a kind of complaint of this election.");

    public ComplaintBodyRule BodyRule(string kind) =>
        rules.Bodies.FirstOrDefault(b => b.Kind == kind) ?? throw new RuleViolation("COMPLAINT.UNKNOWN-BODY", $"The definition has no body \"{kind}\".");

    /// <summary>The competent bodies in the route's order; a kind with no body here (the top commission has no higher one) is left out.</summary>
    public IReadOnlyList<CompetentBody> CompetentBodies(ComplaintCase c)
    {
        var route = RouteOf(c.Subject.Kind);
        var bodies = new List<CompetentBody>();
        foreach (var kind in route.Bodies)
        {
            var rule = BodyRule(kind);
            ComplaintBody? body = kind switch
            {
                "higher_commission" => c.Subject.Commission is { } code && commissions.Find(code)?.Parent is { } parent && commissions.Find(parent) is { } superior
                    ? ComplaintBody.Of(superior)
                    : null,
                "commission" => ComplaintBody.Of(c.Subject.Commission is { } named && commissions.Find(named) is { } where ? where : commissions.Top),
                "district_court" => ComplaintBody.DistrictCourt(),
                "supreme_court" => ComplaintBody.SupremeCourt,
                "prosecutor" => ComplaintBody.Prosecutor(),
                _ => throw new RuleViolation("COMPLAINT.UNKNOWN-BODY", $"The definition's body \"{kind}\" is not one the system knows."),
            };
            if (body is not null)
            {
                bodies.Add(new CompetentBody(body, rule));
            }
        }

        return bodies.Count > 0
            ? bodies
            : throw new RuleViolation("COMPLAINT.NO-COMPETENT-BODY", $"No body is competent for \"{route.Subject}\" against {c.Subject.Commission ?? c.Subject.Official}.");
    }

    /// <summary>The competent body that <paramref name="body"/> is, or null if it is not competent for the case.</summary>
    public CompetentBody? Competence(ComplaintCase c, ComplaintBody body) => CompetentBodies(c).FirstOrDefault(b => b.Body.IsSameBodyAs(body));

    public RoutingProposal Propose(ComplaintCase c)
    {
        var route = RouteOf(c.Subject.Kind);
        var competent = CompetentBodies(c);
        var received = competent.FirstOrDefault(b => b.Body.IsSameBodyAs(c.ReceivedBy));
        var proposed = received is null ? competent[0] : received with { Body = c.ReceivedBy };
        return new RoutingProposal(route, competent, proposed, received is not null, Filing(c), DecisionDeadline(proposed, c.ReceivedOn));
    }

    /// <summary>The route's time to file applied to the case; a forward keeps the day of first receipt.</summary>
    public FilingAssessment Filing(ComplaintCase c)
    {
        var route = RouteOf(c.Subject.Kind);
        if (route.Filing is null || c.Subject.ActDate is not { } act)
        {
            return FilingAssessment.NoDeadline;
        }

        var rule = FilingRule(route.Filing);
        var last = LastDayToFile(rule, act);
        return new FilingAssessment(rule, last, c.ReceivedOn <= last);
    }

    public FilingDeadlineRule FilingRule(string code) =>
        rules.FilingDeadlines.FirstOrDefault(f => f.Code == code) ?? throw new RuleViolation("COMPLAINT.UNKNOWN-FILING-RULE", $"The definition has no filing rule \"{code}\".");

    /// <summary>The last day to file under a rule: so many days, or so many calendar months, after the act.</summary>
    public static DateOnly LastDayToFile(FilingDeadlineRule rule, DateOnly act) =>
        rule.Days is { } days ? act.AddDays(days) : act.AddMonths(rule.Months ?? throw new InvalidOperationException($"Filing rule {rule.Code} gives neither days nor months."));

    /// <summary>The last day a body may decide: its time to decide, counted from the day the case reached it.</summary>
    public static DateOnly DecisionDeadline(CompetentBody body, DateOnly reached) => reached.AddDays(body.Rule.DecisionDays);

    /// <summary>
    /// A body that wants to leave a complaint unconsidered as late must name the rule it applies. The system refuses
    /// a rule that is not the one the route applies (the 10-day rule of the election law for a maslikhat's decision,
    /// where the Civil Procedure Code's 3 months apply), and refuses to call late a complaint that came in time.
    /// </summary>
    public FilingAssessment ConfirmLate(ComplaintCase c, string ruleCited)
    {
        var route = RouteOf(c.Subject.Kind);
        if (route.Filing is null)
        {
            throw new RuleViolation("COMPLAINT.NO-FILING-DEADLINE", $"No time to file applies to \"{route.Subject}\": the complaint cannot be late.");
        }

        if (route.Filing != ruleCited)
        {
            var applies = FilingRule(route.Filing);
            throw new RuleViolation("COMPLAINT.WRONG-DEADLINE-RULE", $"{ruleCited} does not apply to \"{route.Subject}\": the rule is {applies.Code} ({applies.Description.En}).");
        }

        var filing = Filing(c);
        return filing.InTime
            ? throw new RuleViolation("COMPLAINT.NOT-LATE", $"The complaint was received on {c.ReceivedOn:yyyy-MM-dd}, within {filing.Rule!.Code} (until {filing.LastDay:yyyy-MM-dd}).")
            : filing;
    }

    /// <summary>Whether a decision on the case may be appealed: never for the kinds the law sends to the Supreme Court without appeal, else as the deciding body's rule says.</summary>
    public bool Appealable(ComplaintCase c, ComplaintBody decidedBy)
    {
        if (rules.DirectToSupremeCourt.FirstOrDefault(d => d.Code == c.Subject.Kind) is { } direct)
        {
            return direct.Appealable;
        }

        // A body that was not competent decided without the law's authority: its decision can always be challenged.
        return Competence(c, decidedBy)?.Rule.Appealable ?? true;
    }
}
