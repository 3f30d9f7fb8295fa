using Ashyq.Core.Commissions;
using Ashyq.Core.Results;

namespace Ashyq.Core.Complaints;

public enum ComplaintOutcome
{
    Upheld,
    PartlyUpheld,
    Rejected,
    NotConsidered,
}

/// <summary>A case sent on by a body that is not competent (or chooses another competent body): recorded, never dropped.</summary>
public sealed record Forward(ComplaintBody From, ComplaintBody To, DateOnly On, string Reason, string By);

/// <summary>
/// A letter signed by one official (the CEC's Secretary in 2011) in reply to a complaint. It is recorded and shown,
/// but it is not a decision: the case stays "not decided".
/// </summary>
public sealed record OfficialAnswer(string Official, string Position, DateOnly Date, string Text);

/// <summary>
/// A commission's decision on a complaint: the decision voted at a session (each present member's vote, the outcome
/// by the definition's majority) with what the complaint needs besides: the outcome for the complainant, the
/// reasons, the facts found and the remedy. Only <see cref="Of"/> makes one, from a <see cref="Decision"/> — which
/// only <see cref="Session.Vote"/> makes — or <see cref="FromStore"/> from a decision the store holds.
/// </summary>
public sealed record CollegialDecision
{
    private CollegialDecision()
    {
    }

    public required string Commission { get; init; }

    public required string Number { get; init; }

    public required DateOnly Date { get; init; }

    public required IReadOnlyDictionary<string, VoteChoice> Votes { get; init; }

    public required int Present { get; init; }

    public required int TotalMembership { get; init; }

    public required bool Adopted { get; init; }

    public required ComplaintOutcome Outcome { get; init; }

    public required string Reasons { get; init; }

    public required string FactsFound { get; init; }

    public required string Remedy { get; init; }

    /// <summary>For a complaint left unconsidered as late: the filing rule the commission applied.</summary>
    public string? LateRule { get; init; }

    /// <summary>The index of its public record in the transparency log; null until published.</summary>
    public long? LogIndex { get; init; }

    public int For => Votes.Values.Count(v => v == VoteChoice.For);

    public int Against => Votes.Values.Count(v => v == VoteChoice.Against);

    public int Abstained => Votes.Values.Count(v => v == VoteChoice.Abstain);

    public static CollegialDecision Of(Decision decision, ComplaintOutcome outcome, string reasons, string factsFound, string remedy, string? lateRule = null) =>
        FromStore(decision.Commission, decision.Number, decision.Date, decision.Votes, decision.Present, decision.TotalMembership, decision.Adopted, outcome, reasons, factsFound, remedy, lateRule, null);

    /// <summary>A decision as the store keeps it: there too it exists only as the outcome of a recorded vote.</summary>
    public static CollegialDecision FromStore(string commission, string number, DateOnly date, IReadOnlyDictionary<string, VoteChoice> votes, int present, int totalMembership, bool adopted, ComplaintOutcome outcome, string reasons, string factsFound, string remedy, string? lateRule, long? logIndex)
    {
        if (votes.Count == 0)
        {
            throw new RuleViolation("COMPLAINT.NO-VOTE", "A commission decides a complaint only by a vote of its members at a session; no vote is recorded.");
        }

        return new CollegialDecision
        {
            Commission = commission,
            Number = number,
            Date = date,
            Votes = votes,
            Present = present,
            TotalMembership = totalMembership,
            Adopted = adopted,
            Outcome = outcome,
            Reasons = reasons,
            FactsFound = factsFound,
            Remedy = remedy,
            LateRule = lateRule,
            LogIndex = logIndex,
        };
    }
}

/// <summary>A court's (or a prosecutor's) decision on a complaint: the court, the date, the outcome and the reasons.</summary>
public sealed record CourtDecision(
    ComplaintBody Court,
    DateOnly Date,
    ComplaintOutcome Outcome,
    string Reasons,
    string? LateRuleCited = null,
    bool CompetenceDeclined = false,
    long? LogIndex = null);

public enum CaseState
{
    /// <summary>Held by a competent body, not yet decided.</summary>
    AwaitingDecision,

    /// <summary>Held by a body that is not competent: it must forward the case.</summary>
    MustBeForwarded,

    /// <summary>Answered by an official's letter only: not decided.</summary>
    AnsweredNotDecided,

    Decided,
}

public enum DeadlineState
{
    Open,
    Approaching,
    Missed,
    DecidedInTime,
    DecidedLate,
}

/// <summary>
/// Where a case stands today: who holds it, whether it is decided (only by an adopted decision of a commission at a
/// session, or by a court or prosecutor — never by an official's letter), the decision deadline and whether it is
/// approaching or missed, and what the case's record shows to be wrong (the flags).
/// </summary>
public sealed record CaseStatus(
    CaseState State,
    ComplaintBody Holder,
    DateOnly ReachedHolderOn,
    DateOnly? DecisionDeadline,
    DeadlineState Deadline,
    ComplaintOutcome? Outcome,
    DateOnly? DecidedOn,
    bool DecidedCollegially,
    bool Published,
    IReadOnlyList<string> Flags)
{
    public bool IsDecided => State == CaseState.Decided;

    public bool MissedDeadline => Deadline is DeadlineState.Missed or DeadlineState.DecidedLate;
}

/// <summary>
/// A case with everything that happened to it: forwards, officials' answers, commission decisions voted at sessions
/// (adopted or not), court decisions. The rules of what may happen next live here: forward only to a competent
/// body; a commission decides only by a vote, only when it holds the case and is competent; a court's decision is
/// recorded as it was given, with what contradicts the routing table flagged for everyone to see.
/// </summary>
public sealed class ComplaintFile(ComplaintCase complaint)
{
    private readonly List<Forward> _forwards = [];
    private readonly List<OfficialAnswer> _answers = [];
    private readonly List<CollegialDecision> _collegial = [];
    private readonly List<CourtDecision> _courts = [];

    public ComplaintCase Case { get; } = complaint;

    public IReadOnlyList<Forward> Forwards => _forwards;

    public IReadOnlyList<OfficialAnswer> Answers => _answers;

    public IReadOnlyList<CollegialDecision> CollegialDecisions => _collegial;

    public IReadOnlyList<CourtDecision> CourtDecisions => _courts;

    public ComplaintBody Holder => _forwards.Count > 0 ? _forwards[^1].To : Case.ReceivedBy;

    public DateOnly ReachedHolderOn => _forwards.Count > 0 ? _forwards[^1].On : Case.ReceivedOn;

    /// <summary>The decision that decided the case: an adopted commission decision, or a court's; null while undecided.</summary>
    public (DateOnly Date, ComplaintOutcome Outcome, bool Collegial, bool Published)? Deciding =>
        _collegial.FirstOrDefault(d => d.Adopted) is { } c ? (c.Date, c.Outcome, true, c.LogIndex is not null)
        : _courts.Count > 0 ? (_courts[0].Date, _courts[0].Outcome, false, _courts[0].LogIndex is not null)
        : null;

    public Forward Forward(ComplaintRouting routing, ComplaintBody to, DateOnly on, string reason, string by)
    {
        EnsureOpen();
        if (to.IsSameBodyAs(Holder))
        {
            throw new RuleViolation("COMPLAINT.FORWARD-TO-ITSELF", $"{Holder} already holds the case.");
        }

        if (routing.Competence(Case, to) is null)
        {
            throw new RuleViolation("COMPLAINT.FORWARD-NOT-COMPETENT", $"{to} is not competent for \"{Case.Subject.Kind}\": the competent bodies are {string.Join(", ", routing.CompetentBodies(Case).Select(b => b.Body))}.");
        }

        if (on < ReachedHolderOn)
        {
            throw new RuleViolation("COMPLAINT.DATE-ORDER", $"A forward on {on:yyyy-MM-dd} cannot precede the day the case reached {Holder} ({ReachedHolderOn:yyyy-MM-dd}).");
        }

        var forward = new Forward(Holder, to, on, string.IsNullOrWhiteSpace(reason) ? "not competent" : reason.Trim(), by);
        _forwards.Add(forward);
        return forward;
    }

    /// <summary>Records an official's letter. It does not decide the case.</summary>
    public void Answer(OfficialAnswer answer)
    {
        if (string.IsNullOrWhiteSpace(answer.Official))
        {
            throw new RuleViolation("COMPLAINT.ANSWER-UNSIGNED", "An answer names the official who signed it.");
        }

        _answers.Add(answer);
    }

    /// <summary>
    /// Checks, before the vote, that the holder may decide the case at a session: a commission that holds the case and
    /// is competent for it, with reasons and facts found (and a remedy when the complaint is upheld); a complaint left
    /// unconsidered as late only under the filing rule that applies and only if it was late.
    /// </summary>
    public void CheckCollegial(ComplaintRouting routing, string commission, ComplaintOutcome outcome, string reasons, string factsFound, string remedy, string? lateRule)
    {
        EnsureOpen();
        if (Holder.Kind != BodyKind.Commission || Holder.Commission != commission)
        {
            throw new RuleViolation("COMPLAINT.NOT-THE-HOLDER", $"{commission} does not hold the case; {Holder} does.");
        }

        if (routing.Competence(Case, Holder) is null)
        {
            throw new RuleViolation("COMPLAINT.NOT-COMPETENT", $"{commission} is not competent for \"{Case.Subject.Kind}\" and must forward the case to {routing.Propose(Case).Competent[0].Body}.");
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new RuleViolation("COMPLAINT.REASONS-MISSING", "A decision on a complaint gives its reasons.");
        }

        if (string.IsNullOrWhiteSpace(factsFound))
        {
            throw new RuleViolation("COMPLAINT.FACTS-FOUND-MISSING", "A decision on a complaint states the facts the commission found.");
        }

        if (outcome is ComplaintOutcome.Upheld or ComplaintOutcome.PartlyUpheld && string.IsNullOrWhiteSpace(remedy))
        {
            throw new RuleViolation("COMPLAINT.REMEDY-MISSING", "A complaint upheld names the remedy.");
        }

        if (lateRule is not null)
        {
            if (outcome != ComplaintOutcome.NotConsidered)
            {
                throw new RuleViolation("COMPLAINT.LATE-NOT-CONSIDERED", "A complaint found late is left unconsidered, not decided on its merits.");
            }

            routing.ConfirmLate(Case, lateRule);
        }
    }

    /// <summary>Adds a commission's decision voted at a session; an adopted one decides the case, one not adopted leaves it open.</summary>
    public void Decide(ComplaintRouting routing, CollegialDecision decision)
    {
        CheckCollegial(routing, decision.Commission, decision.Outcome, decision.Reasons, decision.FactsFound, decision.Remedy, decision.LateRule);
        _collegial.Add(decision);
    }

    /// <summary>
    /// Records a court's or prosecutor's decision as it was given. A commission cannot be recorded here: it decides only
    /// by a vote at a session. What the routing table contradicts (a wrong filing rule, a complaint in time called
    /// late, competence declined by a competent court) is not refused — courts decide — but flagged.
    /// </summary>
    public void Decide(CourtDecision decision)
    {
        EnsureOpen();
        if (decision.Court.Kind == BodyKind.Commission)
        {
            throw new RuleViolation("COMPLAINT.NO-VOTE", "A commission decides a complaint only by a vote of its members at a session, not by a recorded letter.");
        }

        if (!decision.Court.IsSameBodyAs(Holder))
        {
            throw new RuleViolation("COMPLAINT.NOT-THE-HOLDER", $"{decision.Court} does not hold the case; {Holder} does (forward it first).");
        }

        if (string.IsNullOrWhiteSpace(decision.Reasons))
        {
            throw new RuleViolation("COMPLAINT.REASONS-MISSING", "A court's decision is recorded with its reasons.");
        }

        _courts.Add(decision);
    }

    /// <summary>What the case's record contradicts in the routing table, as stable codes.</summary>
    public IReadOnlyList<string> Flags(ComplaintRouting routing)
    {
        var flags = new List<string>();
        var route = routing.RouteOf(Case.Subject.Kind);
        foreach (var court in _courts)
        {
            if (court.LateRuleCited is { } cited)
            {
                if (route.Filing != cited)
                {
                    flags.Add("FLAG.WRONG-DEADLINE-RULE");
                }
                else if (routing.Filing(Case).InTime)
                {
                    flags.Add("FLAG.CALLED-LATE-IN-TIME");
                }
            }

            if (court.CompetenceDeclined && routing.Competence(Case, court.Court) is not null)
            {
                flags.Add("FLAG.COMPETENCE-DECLINED");
            }
        }

        if (_answers.Count > 0 && Deciding is null)
        {
            flags.Add("FLAG.ANSWERED-NOT-DECIDED");
        }

        if (_collegial.Any(d => d.Adopted && d.LogIndex is null) || _courts.Any(d => d.LogIndex is null))
        {
            flags.Add("FLAG.NOT-PUBLISHED");
        }

        return flags;
    }

    /// <summary>The case's state on <paramref name="today"/>; a deadline within <paramref name="approachingDays"/> days is approaching.</summary>
    public CaseStatus Status(ComplaintRouting routing, DateOnly today, int approachingDays = 2)
    {
        var competence = routing.Competence(Case, Holder);
        DateOnly? deadline = competence is null ? null : ComplaintRouting.DecisionDeadline(competence, ReachedHolderOn);
        var deciding = Deciding;
        var state = deciding is not null ? CaseState.Decided
            : competence is null ? CaseState.MustBeForwarded
            : _answers.Count > 0 ? CaseState.AnsweredNotDecided
            : CaseState.AwaitingDecision;
        var deadlineState = (deciding, deadline) switch
        {
            ({ } d, { } last) => d.Date <= last ? DeadlineState.DecidedInTime : DeadlineState.DecidedLate,
            ({ }, null) => DeadlineState.DecidedInTime,
            (null, { } last) when today > last => DeadlineState.Missed,
            (null, { } last) when today >= last.AddDays(-approachingDays) => DeadlineState.Approaching,
            _ => DeadlineState.Open,
        };
        return new CaseStatus(state, Holder, ReachedHolderOn, deadline, deadlineState, deciding?.Outcome, deciding?.Date, deciding?.Collegial ?? false, deciding?.Published ?? false, Flags(routing));
    }

    private void EnsureOpen()
    {
        if (Deciding is not null)
        {
            throw new RuleViolation("COMPLAINT.ALREADY-DECIDED", $"Case {Case.Number} is decided; a new complaint against the decision is an appeal, a case of its own.");
        }
    }
}
