namespace Ashyq.Core.Candidates;

/// <summary>The published criteria of the state-language test: the error categories and the most errors allowed.</summary>
public sealed record LanguageTestCriteria(IReadOnlyList<string> ErrorCategories, int MaximumErrors);

/// <summary>One error an examiner found: its category, where in the test text, and who found it.</summary>
public sealed record LanguageError(string Category, int Position, string Examiner);

/// <summary>An examination of the test: by the Linguistic Commission, or on appeal.</summary>
public sealed record LanguageExamination(string Stage, string Body, IReadOnlyList<LanguageError> Errors, string Conclusion);

/// <summary>What an examination comes to against the criteria.</summary>
public sealed record LanguageTestResult(string Stage, int Errors, int MaximumErrors, bool Passed, bool ConclusionFollowsCriteria);

/// <summary>
/// The state-language test as a record: the criteria published before it, the test text, each error found
/// (category, position, examiner) at each stage, and each conclusion judged against the criteria — so that
/// "28 errors, then 17 on appeal, still a fail" is visible and checkable.
/// </summary>
public sealed class LanguageTest(LanguageTestCriteria criteria, string text)
{
    private readonly List<LanguageExamination> _examinations = [];

    public LanguageTestCriteria Criteria { get; } = criteria;

    public string Text { get; } = text;

    public IReadOnlyList<LanguageExamination> Examinations => _examinations;

    public LanguageTestResult Record(LanguageExamination examination)
    {
        foreach (var error in examination.Errors)
        {
            if (!Criteria.ErrorCategories.Contains(error.Category))
            {
                throw new Results.RuleViolation("LANG.UNKNOWN-CATEGORY", $"\"{error.Category}\" is not an error category of the published criteria.");
            }

            if (error.Position < 0 || error.Position >= Text.Length)
            {
                throw new Results.RuleViolation("LANG.POSITION", $"An error at position {error.Position} is outside the test text.");
            }
        }

        _examinations.Add(examination);
        return Judge(examination);
    }

    /// <summary>The latest examination's result: an appeal's, if there was one.</summary>
    public LanguageTestResult? Final => _examinations.Count == 0 ? null : Judge(_examinations[^1]);

    private LanguageTestResult Judge(LanguageExamination e)
    {
        var passed = e.Errors.Count <= Criteria.MaximumErrors;
        var concludedPass = e.Conclusion == "pass";
        return new LanguageTestResult(e.Stage, e.Errors.Count, Criteria.MaximumErrors, passed, concludedPass == passed);
    }
}
