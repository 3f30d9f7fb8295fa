using System.Globalization;

namespace Ashyq.Core.Observation;

/// <summary>
/// A submission's id, made by the observer's phone (or the importing file) when the form is filled: the same id
/// sent again is the same submission, so a form queued offline and sent twice is stored once.
/// </summary>
public readonly record struct SubmissionId
{
    public const int MaxLength = 64;

    private SubmissionId(string value) => Value = value;

    public string Value { get; }

    /// <summary>1 to 64 characters of letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.</summary>
    public static bool TryParse(string? text, out SubmissionId id)
    {
        id = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return false;
        }

        id = new SubmissionId(text);
        return true;
    }

    public static SubmissionId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"\"{text}\" is not a submission id (1–{MaxLength} letters, digits, '-', '_', '.').");

    public override string ToString() => Value;
}

/// <summary>One filled form: a team's visit to one unit (a polling station or a DEC) with its answers by question code.</summary>
public sealed record Submission(SubmissionId Id, FormKind Form, string Unit, string Team, DateTimeOffset SubmittedAt, IReadOnlyDictionary<string, string> Answers);

/// <summary>One thing wrong with a submission: the question (or field) concerned, a stable code, and what.</summary>
public sealed record SubmissionError(string Field, string Code, string Message)
{
    public override string ToString() => $"{Field}: {Message} [{Code}]";
}

/// <summary>
/// Checks a submission against its form: every answer to a question the form has, of the question's type, asked
/// under the skip logic, and every required question that is asked answered. Returns every error, not just the first.
/// </summary>
public static class SubmissionCheck
{
    public static IReadOnlyList<SubmissionError> Check(ObservationForms forms, Submission submission)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(submission);
        var form = forms.Form(submission.Form);
        if (form is null)
        {
            return [new SubmissionError("form", "OBS.UNKNOWN-FORM", $"the forms {forms.Id} {forms.Version} have no {ObservationForms.KindName(submission.Form)} form")];
        }

        var errors = new List<SubmissionError>();
        foreach (var (code, answer) in submission.Answers)
        {
            var question = form.Question(code);
            if (question is null)
            {
                errors.Add(new SubmissionError(code, "OBS.UNKNOWN-QUESTION", $"the {ObservationForms.KindName(form.Kind)} form has no question {code}"));
                continue;
            }

            if (!IsValid(forms, question, answer))
            {
                errors.Add(new SubmissionError(code, "OBS.BAD-ANSWER", $"\"{answer}\" is not an answer to {code} ({Expected(forms, question)})"));
            }
            else if (!question.IsAsked(submission.Answers))
            {
                errors.Add(new SubmissionError(code, "OBS.NOT-ASKED", $"{code} is asked only when {string.Join(" or ", question.ShowIf!.Select(c => $"{c.Question} is {string.Join("/", c.In)}"))}"));
            }
        }

        foreach (var question in form.Questions.Where(q => q.Required && !submission.Answers.ContainsKey(q.Code) && q.IsAsked(submission.Answers)))
        {
            errors.Add(new SubmissionError(question.Code, "OBS.MISSING-ANSWER", $"{question.Code} is required"));
        }

        return errors;
    }

    public static bool IsValid(ObservationForms forms, FormQuestion question, string answer) => question.Type switch
    {
        AnswerType.Assessment => forms.Assessment.Answers.Any(a => a.Code == answer),
        AnswerType.Incident or AnswerType.YesNo => answer is "yes" or "no",
        AnswerType.Number => long.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        AnswerType.Choice => question.Options!.Any(o => o.Code == answer),
        AnswerType.Station => answer.Length is > 0 and <= 32 && answer.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'),
        _ => answer.Length <= 4000,
    };

    private static string Expected(ObservationForms forms, FormQuestion question) => question.Type switch
    {
        AnswerType.Assessment => string.Join("|", forms.Assessment.Answers.Select(a => a.Code)),
        AnswerType.Incident or AnswerType.YesNo => "yes|no",
        AnswerType.Number => "a whole number, 0 or more",
        AnswerType.Choice => string.Join("|", question.Options!.Select(o => o.Code)),
        AnswerType.Station => "a commission's code",
        _ => "at most 4,000 characters",
    };
}
