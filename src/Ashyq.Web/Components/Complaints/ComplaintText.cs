using System.Globalization;
using Ashyq.Core.Complaints;
using Ashyq.Core.Elections;
using Ashyq.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Ashyq.Web.Components.Complaints;

/// <summary>The complaint pages' words: bodies, subjects, rules, states and flags in the current language.</summary>
public static class ComplaintText
{
    public static string Day(DateOnly? date) => date is { } d ? d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture) : "—";

    /// <summary>A body as a person reads it: a commission by its code, a court by its name or its kind.</summary>
    public static string Body(IStringLocalizer l, ComplaintBody body) => body.Kind switch
    {
        Core.Complaints.BodyKind.Commission => body.Commission ?? "",
        _ => body.Name is { Length: > 0 } name ? name : l["CmpBody_" + body.StatisticsKey],
    };

    /// <summary>The statistics key of a body kind, as a heading: a level's name from the definition, or a court's.</summary>
    public static string BodyKind(IStringLocalizer l, ElectionDefinition definition, string key) =>
        definition.Levels.FirstOrDefault(x => x.Code == key) is { } level ? $"{level.Name.Local()} ({key})" : l["CmpBody_" + key];

    public static string Subject(ElectionDefinition definition, string kind) =>
        definition.Complaints.Routes.FirstOrDefault(r => r.Subject == kind)?.Description.Local() ?? kind;

    public static string Rule(ElectionDefinition definition, string kind) =>
        definition.Complaints.Bodies.FirstOrDefault(b => b.Kind == kind)?.Name.Local() ?? kind;

    public static string Outcome(IStringLocalizer l, ComplaintOutcome? outcome) => outcome is { } o ? l["CmpOutcome_" + ComplaintStatistics.Key(o)] : "—";

    public static string State(IStringLocalizer l, CaseState state) => l["CmpState_" + state];

    public static string Deadline(IStringLocalizer l, DeadlineState state) => l["CmpDeadline_" + state];

    public static string Flag(IStringLocalizer l, string flag) => l["CmpFlag_" + flag];

    public static string Kind(IStringLocalizer l, ComplainantKind kind) => l["CmpKind_" + kind];

    /// <summary>The filing rule as the receipt states it, with "parameter, not verified" where the definition says so.</summary>
    public static string Filing(IStringLocalizer l, FilingAssessment filing) =>
        filing.Rule is { } rule
            ? $"{rule.Description.Local()} — {l["CmpLastDay"]} {Day(filing.LastDay)}{(rule.Verified ? "" : " (" + l["CmpParameter"] + ")")}"
            : l["CmpNoFilingDeadline"];
}
