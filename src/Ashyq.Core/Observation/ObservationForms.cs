using System.Text.Json.Serialization;
using Ashyq.Core.Elections;

namespace Ashyq.Core.Observation;

/// <summary>What an observer observes: the four stages of election day and after, each with its own form.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FormKind>))]
public enum FormKind
{
    [JsonStringEnumMemberName("opening")]
    Opening,

    [JsonStringEnumMemberName("voting")]
    Voting,

    [JsonStringEnumMemberName("counting")]
    Counting,

    [JsonStringEnumMemberName("tabulation")]
    Tabulation,
}

/// <summary>How a question is answered.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerType>))]
public enum AnswerType
{
    /// <summary>One of the assessment scale's answers (<c>very_good|good|bad|very_bad</c>).</summary>
    [JsonStringEnumMemberName("assessment")]
    Assessment,

    /// <summary>Whether the incident of the question's code was seen: <c>yes</c> reports it.</summary>
    [JsonStringEnumMemberName("incident")]
    Incident,

    [JsonStringEnumMemberName("yes_no")]
    YesNo,

    /// <summary>A whole number, zero or more.</summary>
    [JsonStringEnumMemberName("number")]
    Number,

    /// <summary>One of the question's options.</summary>
    [JsonStringEnumMemberName("choice")]
    Choice,

    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary>A commission's code, e.g. the precinct whose protocol an incident concerns.</summary>
    [JsonStringEnumMemberName("station")]
    Station,
}

/// <summary>One answer a question offers, with its label in three languages.</summary>
public sealed record AnswerOption(string Code, LocalizedText Text);

/// <summary>Skip logic: the question is asked when the answer to <see cref="Question"/> is one of <see cref="In"/>.</summary>
public sealed record ShowCondition(string Question, IReadOnlyList<string> In);

/// <summary>A question of a form. Incident questions carry the incident's code as their own code.</summary>
public sealed record FormQuestion
{
    public required string Code { get; init; }

    public required AnswerType Type { get; init; }

    public required LocalizedText Text { get; init; }

    /// <summary>An answer is required whenever the question is asked.</summary>
    public bool Required { get; init; }

    public IReadOnlyList<AnswerOption>? Options { get; init; }

    /// <summary>Asked only when one of these holds; always asked if null.</summary>
    public IReadOnlyList<ShowCondition>? ShowIf { get; init; }

    /// <summary>True if the question is asked given the answers so far: no condition, or one condition met.</summary>
    public bool IsAsked(IReadOnlyDictionary<string, string> answers) =>
        ShowIf is null || ShowIf.Any(c => answers.TryGetValue(c.Question, out var a) && c.In.Contains(a));
}

/// <summary>A checklist: the questions asked at one kind of visit to one kind of unit (a polling station, a DEC).</summary>
public sealed record ObservationForm
{
    public required FormKind Kind { get; init; }

    /// <summary>The level code of the commissions this form observes: <c>PEC</c>, or <c>DEC</c> for tabulation.</summary>
    public required string Unit { get; init; }

    public required LocalizedText Title { get; init; }

    public required IReadOnlyList<FormQuestion> Questions { get; init; }

    /// <summary>The overall assessment question (<c>VOTE.ASSESSMENT</c> and so on).</summary>
    [JsonIgnore]
    public FormQuestion Assessment => Questions.First(q => q.Type == AnswerType.Assessment);

    public FormQuestion? Question(string code) => Questions.FirstOrDefault(q => q.Code == code);
}

/// <summary>A kind of incident observers report, with a stable code so missions can be compared.</summary>
public sealed record IncidentDefinition
{
    public required string Code { get; init; }

    public required LocalizedText Text { get; init; }

    /// <summary>The incident concerns a precinct's results protocol: the portal links it to the protocol's page.</summary>
    public bool ConcernsProtocol { get; init; }
}

/// <summary>The assessment scale: answers best first, and which of them count as negative.</summary>
public sealed record AssessmentScale(IReadOnlyList<AnswerOption> Answers, IReadOnlyList<string> Negative)
{
    public bool IsNegative(string answer) => Negative.Contains(answer);
}

/// <summary>
/// A mission's checklists as data (<c>definitions/observation-forms-*.json</c>), versioned: forms, the assessment
/// scale and the incident catalogue. Load it with <see cref="ObservationFormsLoader"/>.
/// </summary>
public sealed record ObservationForms
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required LocalizedText Name { get; init; }

    public required AssessmentScale Assessment { get; init; }

    public required IReadOnlyList<IncidentDefinition> Incidents { get; init; }

    public required IReadOnlyList<ObservationForm> Forms { get; init; }

    /// <summary>The figures of the mission the demo simulates; null if the file gives none.</summary>
    public MissionProfile? DemoMission { get; init; }

    public ObservationForm? Form(FormKind kind) => Forms.FirstOrDefault(f => f.Kind == kind);

    public IncidentDefinition? Incident(string code) => Incidents.FirstOrDefault(i => i.Code == code);

    /// <summary>The codes every mission's forms carry, so figures compare across missions.</summary>
    public static IReadOnlyList<string> StandardIncidents { get; } =
    [
        "INC.IDENTICAL_SIGNATURES", "INC.BALLOT_STUFFING", "INC.BOX_NOT_SEALED", "INC.GROUP_VOTING", "INC.MULTIPLE_VOTING",
        "INC.PROXY_VOTING", "INC.NO_ID", "INC.TURNED_AWAY", "INC.UNAUTHORIZED_PRESENT", "INC.UNAUTHORIZED_INTERFERING",
        "INC.OBSERVERS_RESTRICTED", "INC.STACKED_BALLOTS", "INC.CHOICES_NOT_ANNOUNCED", "INC.PROTOCOL_NOT_POSTED",
        "INC.PROTOCOL_PRESIGNED", "INC.PROTOCOL_FILLED_AT_DEC", "INC.PROTOCOL_CORRECTED_NO_DECISION",
    ];

    /// <summary>The standard assessment answers (<c>very_good|good|bad|very_bad</c>).</summary>
    public static IReadOnlyList<string> StandardAssessment { get; } = ["very_good", "good", "bad", "very_bad"];

    /// <summary>The code of the overall assessment question of each kind of form.</summary>
    public static string AssessmentCode(FormKind kind) => kind switch
    {
        FormKind.Opening => "OPEN.ASSESSMENT",
        FormKind.Voting => "VOTE.ASSESSMENT",
        FormKind.Counting => "COUNT.ASSESSMENT",
        _ => "TAB.ASSESSMENT",
    };

    /// <summary>A form kind's name as the files and the JSON use it (<c>voting</c>).</summary>
    public static string KindName(FormKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParseKind(string? text, out FormKind kind)
    {
        kind = default;
        return text is not null && text.Length > 0 && char.IsLower(text[0]) && Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }
}

/// <summary>How many units of each kind the demo's simulated mission observes (null: none).</summary>
public sealed record PerKindCount(int? Opening, int? Voting, int? Counting, int? Tabulation)
{
    public int Of(FormKind kind) => kind switch
    {
        FormKind.Opening => Opening ?? 0,
        FormKind.Voting => Voting ?? 0,
        FormKind.Counting => Counting ?? 0,
        _ => Tabulation ?? 0,
    };
}

/// <summary>The share of observed units assessed negatively, per kind of form.</summary>
public sealed record PerKindShare(Fraction? Opening, Fraction? Voting, Fraction? Counting, Fraction? Tabulation)
{
    public Fraction? Of(FormKind kind) => kind switch
    {
        FormKind.Opening => Opening,
        FormKind.Voting => Voting,
        FormKind.Counting => Counting,
        _ => Tabulation,
    };
}

/// <summary>An incident the simulated mission reports: in so many units, or in a share of the observed ones.</summary>
public sealed record MissionIncident(string Code, FormKind Form, int? Units, Fraction? ShareOfObserved)
{
    /// <summary>The number of units of <paramref name="observed"/> where it is reported (a share rounds half away from zero).</summary>
    public int UnitsOf(int observed) => Units ?? (int)Math.Round((decimal)observed * ShareOfObserved!.Value.Numerator / ShareOfObserved.Value.Denominator, MidpointRounding.AwayFromZero);
}

/// <summary>The figures of a mission as its statement gives them; the demo generates forms that reproduce them.</summary>
public sealed record MissionProfile
{
    public required long Seed { get; init; }

    public required LocalizedText Name { get; init; }

    public required int Experts { get; init; }

    public required int LongTermObservers { get; init; }

    public required int ShortTermObservers { get; init; }

    public required int TeamSize { get; init; }

    /// <summary>The observers' countries (ISO 3166 codes).</summary>
    public required IReadOnlyList<string> Countries { get; init; }

    public required PerKindCount Observed { get; init; }

    /// <summary>The share of extra visits to stations another team already saw (the same station reported twice).</summary>
    public required Fraction Revisits { get; init; }

    public required PerKindShare Negative { get; init; }

    public required IReadOnlyList<MissionIncident> Incidents { get; init; }
}
