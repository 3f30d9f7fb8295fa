using Ashyq.Core.Results;

namespace Ashyq.Core.Complaints;

/// <summary>
/// An appeal is a complaint of its own against the decision on an earlier case, linked to it. A commission's
/// decision is appealed as a commission decision (to the higher commission or a court, within the filing rule that
/// applies to commission decisions); the kinds the law sends to the Supreme Court, and the bodies the definition
/// marks without appeal, cannot be appealed.
/// </summary>
public static class Appeals
{
    /// <summary>What the appeal is about: the decision that decided <paramref name="appealed"/>, on the day it was taken.</summary>
    public static ComplaintSubject SubjectFor(ComplaintFile appealed, ComplaintRouting routing)
    {
        if (appealed.Deciding is not { } deciding)
        {
            throw new RuleViolation("COMPLAINT.NOTHING-TO-APPEAL", $"Case {appealed.Case.Number} is not decided: there is no decision to appeal.");
        }

        var decidedBy = appealed.CollegialDecisions.FirstOrDefault(d => d.Adopted) is { } collegial
            ? appealed.Holder with { Commission = collegial.Commission }
            : appealed.CourtDecisions[0].Court;
        if (!routing.Appealable(appealed.Case, decidedBy))
        {
            throw new RuleViolation("COMPLAINT.NOT-APPEALABLE", $"The decision on case {appealed.Case.Number} by {decidedBy} is final: the law gives no appeal.");
        }

        return decidedBy.Kind == BodyKind.Commission
            ? new ComplaintSubject("commission-decision", decidedBy.Commission, null, deciding.Date)
            : new ComplaintSubject("official-decision", null, decidedBy.ToString(), deciding.Date);
    }

    /// <summary>Checks that <paramref name="appeal"/> appeals what it links to, as <see cref="SubjectFor"/> describes it.</summary>
    public static void Check(ComplaintFile appealed, ComplaintCase appeal, ComplaintRouting routing)
    {
        var expected = SubjectFor(appealed, routing);
        if (appeal.AppealOf != appealed.Case.Number || appeal.Subject.Kind != expected.Kind || appeal.Subject.Commission != expected.Commission)
        {
            throw new RuleViolation("COMPLAINT.APPEAL-SUBJECT", $"An appeal of case {appealed.Case.Number} is a complaint \"{expected.Kind}\" against {expected.Commission ?? expected.Official}.");
        }
    }
}
