using Ashyq.Core.Elections;

namespace Ashyq.Core.Results;

/// <summary>The states of one version of a precinct protocol, from empty to accepted (see ProtocolVersion.md).</summary>
public enum ProtocolState
{
    Empty,
    FirstEntryInProgress,
    FirstEntryDone,
    SecondEntryInProgress,
    EntriesDifferent,
    Definitive,
    Signed,
    Submitted,
    Accepted,
}

/// <summary>Who acted, and from which commission's account: a PEC protocol typed by a DEC user is visible as such.</summary>
public sealed record Actor(string User, string Commission);

/// <summary>One operator's typing of the paper protocol, kept with the relations it broke (drafts included).</summary>
public sealed record DataEntry(Actor Operator, long[] Values, IReadOnlyList<string> BrokenErrors, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)
{
    public bool IsFinished => FinishedAt is not null;
}

/// <summary>How the chair settles two entries that differ.</summary>
public enum Resolution
{
    KeepFirst,
    KeepSecond,
    DiscardBoth,
    ReturnFirst,
    ReturnSecond,
}

/// <summary>A decision of a commission cited by a correction: which commission, its number and date, and why.</summary>
public sealed record DecisionReference(string Commission, string Number, DateOnly Date, string Reason);

/// <summary>A warning of the definition acknowledged, with the reason the commission gave.</summary>
public sealed record Acknowledgement(string RelationCode, string Reason, Actor By);

/// <summary>Something that happened to the protocol: kept in order, never rewritten; the audit trail of the version.</summary>
public sealed record ProtocolEvent(string Kind, Actor By, DateTimeOffset At, string? Detail = null);

/// <summary>
/// One version of one precinct's results protocol, through its whole life: double entry by two different
/// operators, resolution of differences by the chair, signing by the members, submission to the superior
/// commission and its acceptance. Every step is checked against the definition and recorded; a wrong step is a
/// <see cref="RuleViolation"/>. An accepted version never changes: a correction is version n+1 citing a decision.
/// </summary>
public sealed class ProtocolVersion
{
    private readonly List<ProtocolEvent> _events = [];
    private readonly List<Acknowledgement> _acknowledgements = [];
    private readonly List<string> _signatures = [];

    public ProtocolVersion(ProtocolForm form, string precinct, int number, DecisionReference? correctionDecision)
    {
        if (number > 1 && correctionDecision is null)
        {
            throw new CorrectionNeedsDecision();
        }

        if (correctionDecision is not null && string.IsNullOrWhiteSpace(correctionDecision.Reason))
        {
            throw new CorrectionNeedsDecision();
        }

        Form = form;
        Precinct = precinct;
        Number = number;
        CorrectionDecision = correctionDecision;
    }

    public ProtocolForm Form { get; }

    public string Precinct { get; }

    public int Number { get; }

    public DecisionReference? CorrectionDecision { get; }

    public ProtocolState State { get; private set; } = ProtocolState.Empty;

    public DataEntry? First { get; private set; }

    public DataEntry? Second { get; private set; }

    /// <summary>The values both entries agreed on (or the chair kept); null until definitive.</summary>
    public long[]? Values { get; private set; }

    public IReadOnlyList<Acknowledgement> Acknowledgements => _acknowledgements;

    /// <summary>The members who signed (their identifiers), in the order they signed.</summary>
    public IReadOnlyList<string> Signatures => _signatures;

    public string? DissentingOpinion { get; private set; }

    public Actor? AcceptedBy { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public IReadOnlyList<ProtocolEvent> Events => _events;

    /// <summary>True when an entry of this version was typed from another commission's account than the precinct's own.</summary>
    public bool EnteredElsewhere => new[] { First, Second }.Any(e => e is not null && e.Operator.Commission != Precinct);

    public void StartFirstEntry(Actor op, DateTimeOffset at)
    {
        Require(ProtocolState.Empty, "start the first entry");
        First = new DataEntry(op, new long[Form.Lines.Count], [], at, null);
        State = ProtocolState.FirstEntryInProgress;
        Record("first-entry-started", op, at);
    }

    /// <summary>Saves the first entry as typed so far (a draft, kept with its errors) or finishes it.</summary>
    public IReadOnlyList<ControlRelation> EnterFirst(Actor op, long[] values, bool finish, DateTimeOffset at)
    {
        Require(ProtocolState.FirstEntryInProgress, "type the first entry");
        if (First!.Operator.User != op.User)
        {
            throw new NotTheEntrysOperator(op.User);
        }

        var broken = Check(values);
        First = First with { Values = [.. values], BrokenErrors = ErrorCodes(broken), FinishedAt = finish ? at : null };
        if (finish)
        {
            State = ProtocolState.FirstEntryDone;
            Record("first-entry-finished", op, at, Summary(broken));
        }

        return broken;
    }

    public void StartSecondEntry(Actor op, DateTimeOffset at)
    {
        Require(ProtocolState.FirstEntryDone, "start the second entry");
        if (op.User == First!.Operator.User)
        {
            throw new SecondEntryNeedsDifferentUser(op.User);
        }

        Second = new DataEntry(op, new long[Form.Lines.Count], [], at, null);
        State = ProtocolState.SecondEntryInProgress;
        Record("second-entry-started", op, at);
    }

    /// <summary>Saves or finishes the second entry; finished, it either confirms the first or the two differ.</summary>
    public IReadOnlyList<ControlRelation> EnterSecond(Actor op, long[] values, bool finish, DateTimeOffset at)
    {
        Require(ProtocolState.SecondEntryInProgress, "type the second entry");
        if (Second!.Operator.User != op.User)
        {
            throw new NotTheEntrysOperator(op.User);
        }

        var broken = Check(values);
        Second = Second with { Values = [.. values], BrokenErrors = ErrorCodes(broken), FinishedAt = finish ? at : null };
        if (finish)
        {
            if (First!.Values.AsSpan().SequenceEqual(values))
            {
                Values = [.. values];
                State = ProtocolState.Definitive;
                Record("entries-equal", op, at, Summary(broken));
            }
            else
            {
                State = ProtocolState.EntriesDifferent;
                Record("entries-different", op, at, string.Join(",", DifferingLines()));
            }
        }

        return broken;
    }

    /// <summary>
    /// An operator types the protocol: the first entry if none is finished, else the second. Starts the entry
    /// if it is not started; a draft is saved with its errors, a finished entry moves the protocol on.
    /// </summary>
    public IReadOnlyList<ControlRelation> Type(Actor op, long[] values, bool finish, DateTimeOffset at)
    {
        switch (State)
        {
            case ProtocolState.Empty:
                StartFirstEntry(op, at);
                return EnterFirst(op, values, finish, at);
            case ProtocolState.FirstEntryInProgress:
                return EnterFirst(op, values, finish, at);
            case ProtocolState.FirstEntryDone:
                StartSecondEntry(op, at);
                return EnterSecond(op, values, finish, at);
            case ProtocolState.SecondEntryInProgress:
                return EnterSecond(op, values, finish, at);
            default:
                throw new WrongEntryState("type an entry", State);
        }
    }

    /// <summary>The line codes where the two finished entries differ (shown to the chair, never to an operator).</summary>
    public IReadOnlyList<string> DifferingLines() =>
        First is null || Second is null
            ? []
            : [.. Form.Lines.Where(l => First.Values[l.Index] != Second.Values[l.Index]).Select(l => l.Code)];

    /// <summary>What an operator may see of the entries: only their own values, never the other operator's.</summary>
    public long[]? ValuesVisibleTo(string user) =>
        First?.Operator.User == user && State is ProtocolState.FirstEntryInProgress ? First.Values
        : Second?.Operator.User == user && State is ProtocolState.SecondEntryInProgress ? Second.Values
        : null;

    /// <summary>The chair settles differing entries: keeps one, discards both, or returns one for correction.</summary>
    public void Resolve(Actor chair, Resolution resolution, DateTimeOffset at)
    {
        Require(ProtocolState.EntriesDifferent, "resolve the differences");
        switch (resolution)
        {
            case Resolution.KeepFirst:
                Values = [.. First!.Values];
                State = ProtocolState.Definitive;
                break;
            case Resolution.KeepSecond:
                Values = [.. Second!.Values];
                State = ProtocolState.Definitive;
                break;
            case Resolution.DiscardBoth:
                First = null;
                Second = null;
                State = ProtocolState.Empty;
                break;
            case Resolution.ReturnFirst:
                // The first operator corrects their entry; the second's stays as it was, for comparison.
                (First, Second) = (Second, First! with { FinishedAt = null });
                State = ProtocolState.SecondEntryInProgress;
                break;
            case Resolution.ReturnSecond:
                Second = Second! with { FinishedAt = null };
                State = ProtocolState.SecondEntryInProgress;
                break;
        }

        Record("differences-resolved", chair, at, resolution.ToString());
    }

    /// <summary>Acknowledges a warning the definitive values raise, with the commission's reason.</summary>
    public void Acknowledge(string relationCode, string reason, Actor by, DateTimeOffset at)
    {
        Require(ProtocolState.Definitive, "acknowledge a warning");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolation("SIGN.ACK-NEEDS-REASON", $"A warning ({relationCode}) is acknowledged with a reason.");
        }

        if (!Warnings().Any(w => w.Code == relationCode))
        {
            throw new RuleViolation("SIGN.NO-SUCH-WARNING", $"The protocol raises no warning {relationCode}.");
        }

        _acknowledgements.RemoveAll(a => a.RelationCode == relationCode);
        _acknowledgements.Add(new Acknowledgement(relationCode, reason.Trim(), by));
        Record("warning-acknowledged", by, at, relationCode);
    }

    public IReadOnlyList<ControlRelation> Errors() =>
        Values is null ? [] : [.. Form.Broken(Values).Where(r => r.Severity == RelationSeverity.Error)];

    public IReadOnlyList<ControlRelation> Warnings() =>
        Values is null ? [] : [.. Form.Broken(Values).Where(r => r.Severity == RelationSeverity.Warning)];

    /// <summary>
    /// The members sign the definitive protocol. Signing is blocked while a control relation is broken or a
    /// warning is unacknowledged, and needs the signatures the definition requires, the chair's or a stand-in's among them.
    /// </summary>
    public void Sign(SigningRule rule, IReadOnlyList<SigningMember> signers, string? dissentingOpinion, Actor by, DateTimeOffset at)
    {
        Require(ProtocolState.Definitive, "sign");
        var errors = Errors();
        if (errors.Count > 0)
        {
            throw new SigningBlocked($"The protocol breaks {string.Join(", ", errors.Select(e => e.Code))}: it cannot be signed; the commission recounts or corrects the paper form.");
        }

        var unacknowledged = Warnings().Where(w => !_acknowledgements.Any(a => a.RelationCode == w.Code)).Select(w => w.Code).ToList();
        if (unacknowledged.Count > 0)
        {
            throw new SigningBlocked($"Acknowledge {string.Join(", ", unacknowledged)} with a reason before signing.");
        }

        rule.Check(signers);
        _signatures.AddRange(signers.Select(s => s.Id));
        DissentingOpinion = string.IsNullOrWhiteSpace(dissentingOpinion) ? null : dissentingOpinion.Trim();
        State = ProtocolState.Signed;
        Record("signed", by, at, string.Join(",", _signatures));
    }

    public void Submit(Actor by, DateTimeOffset at)
    {
        Require(ProtocolState.Signed, "submit");
        State = ProtocolState.Submitted;
        Record("submitted", by, at);
    }

    /// <summary>The superior commission's member on duty accepts the version: from now on it never changes.</summary>
    public void Accept(Actor by, DateTimeOffset at)
    {
        Require(ProtocolState.Submitted, "accept");
        if (by.Commission == Precinct)
        {
            throw new RuleViolation("ACCEPT.OWN-PROTOCOL", "A commission does not accept its own protocol: the superior commission does.");
        }

        AcceptedBy = by;
        AcceptedAt = at;
        State = ProtocolState.Accepted;
        Record("accepted", by, at);
    }

    /// <summary>The superior commission returns the version with a reason: it goes back to entry, both entries discarded.</summary>
    public void Return(Actor by, string reason, DateTimeOffset at)
    {
        Require(ProtocolState.Submitted, "return");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolation("ACCEPT.RETURN-NEEDS-REASON", "A protocol is returned with a reason.");
        }

        First = Second = null;
        Values = null;
        _signatures.Clear();
        _acknowledgements.Clear();
        DissentingOpinion = null;
        State = ProtocolState.Empty;
        Record("returned", by, at, reason.Trim());
    }

    /// <summary>An accepted version can only be read; a correction is <see cref="Correct"/>.</summary>
    public ProtocolVersion Correct(DecisionReference decision)
    {
        if (State != ProtocolState.Accepted)
        {
            throw new WrongEntryState("correct (only an accepted version is corrected)", State);
        }

        return new ProtocolVersion(Form, Precinct, Number + 1, decision);
    }

    /// <summary>Builds an accepted version from a published official record (an import of another election's results).</summary>
    public static ProtocolVersion Published(ProtocolForm form, string precinct, long[] values, Actor by, DateTimeOffset at)
    {
        var version = new ProtocolVersion(form, precinct, 1, null) { Values = [.. values], State = ProtocolState.Accepted, AcceptedBy = by, AcceptedAt = at };
        version.Record("imported-as-published", by, at);
        return version;
    }

    /// <summary>Restores a version from the store: its state and data exactly as they were saved.</summary>
    public static ProtocolVersion Restore(ProtocolForm form, ProtocolVersionSnapshot s)
    {
        var version = new ProtocolVersion(form, s.Precinct, 1, null)
        {
            State = s.State,
            First = s.First,
            Second = s.Second,
            Values = s.Values,
            DissentingOpinion = s.DissentingOpinion,
            AcceptedBy = s.AcceptedBy,
            AcceptedAt = s.AcceptedAt,
        };
        version._signatures.AddRange(s.Signatures);
        version._acknowledgements.AddRange(s.Acknowledgements);
        version._events.AddRange(s.Events);
        return version.WithNumber(s.Number, s.CorrectionDecision);
    }

    public ProtocolVersionSnapshot Snapshot() =>
        new(Precinct, Number, CorrectionDecision, State, First, Second, Values, [.. _signatures], DissentingOpinion, [.. _acknowledgements], AcceptedBy, AcceptedAt, [.. _events]);

    private ProtocolVersion WithNumber(int number, DecisionReference? decision)
    {
        if (number == Number && decision == CorrectionDecision)
        {
            return this;
        }

        var copy = new ProtocolVersion(Form, Precinct, number, decision)
        {
            State = State,
            First = First,
            Second = Second,
            Values = Values,
            DissentingOpinion = DissentingOpinion,
            AcceptedBy = AcceptedBy,
            AcceptedAt = AcceptedAt,
        };
        copy._signatures.AddRange(_signatures);
        copy._acknowledgements.AddRange(_acknowledgements);
        copy._events.AddRange(_events);
        return copy;
    }

    private IReadOnlyList<ControlRelation> Check(long[] values)
    {
        if (values.Length != Form.Lines.Count)
        {
            throw new WrongNumberOfValues(Form.Lines.Count, values.Length);
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < 0)
            {
                throw new NegativeValue(Form.Lines[i].Code);
            }
        }

        return Form.Broken(values);
    }

    private static string[] ErrorCodes(IReadOnlyList<ControlRelation> broken) =>
        [.. broken.Where(r => r.Severity == RelationSeverity.Error).Select(r => r.Code)];

    private static string? Summary(IReadOnlyList<ControlRelation> broken) =>
        broken.Count == 0 ? null : string.Join(",", broken.Select(r => r.Code));

    private void Require(ProtocolState state, string action)
    {
        if (State != state)
        {
            throw new WrongEntryState(action, State);
        }
    }

    private void Record(string kind, Actor by, DateTimeOffset at, string? detail = null) =>
        _events.Add(new ProtocolEvent(kind, by, at, detail));
}

/// <summary>Everything a protocol version holds, as the store saves it.</summary>
public sealed record ProtocolVersionSnapshot(
    string Precinct,
    int Number,
    DecisionReference? CorrectionDecision,
    ProtocolState State,
    DataEntry? First,
    DataEntry? Second,
    long[]? Values,
    IReadOnlyList<string> Signatures,
    string? DissentingOpinion,
    IReadOnlyList<Acknowledgement> Acknowledgements,
    Actor? AcceptedBy,
    DateTimeOffset? AcceptedAt,
    IReadOnlyList<ProtocolEvent> Events);
