using System.Text.Json;
using Ashyq.Core.Elections;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Ashyq.Core.Observation;

/// <summary>
/// Reads a mission's forms file: first against its JSON Schema (<c>definitions/observation-forms.schema.json</c>,
/// embedded here), then for what a schema cannot say (codes unique, skip logic pointing back to an earlier
/// question, incident questions in the catalogue, the standard codes present). A file is refused with every error
/// listed by JSON path, as <see cref="ElectionDefinitionLoader"/> does.
/// </summary>
public static class ObservationFormsLoader
{
    public const string SchemaResource = "Ashyq.Core.observation-forms.schema.json";

    /// <summary>The forms the seed's mission used, shipped with the program.</summary>
    public const string DefaultResource = "Ashyq.Core.observation-forms-kz-2011.json";

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(ReadResource(SchemaResource)).GetAwaiter().GetResult());

    private static readonly Lazy<ObservationForms> DefaultForms = new(() => Parse(ReadResource(DefaultResource), DefaultResource));

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The seed's forms (<c>definitions/observation-forms-kz-2011.json</c>), as shipped.</summary>
    public static ObservationForms Default => DefaultForms.Value;

    /// <summary>The shipped forms file as text (for the observers' app, which renders the forms from it).</summary>
    public static string DefaultText => ReadResource(DefaultResource);

    /// <summary>Parses and checks a forms file; throws <see cref="InvalidDefinitionException"/> listing every error.</summary>
    public static ObservationForms Parse(string json, string source)
    {
        var errors = Check(json, out var forms);
        return errors.Count > 0 ? throw new InvalidDefinitionException(source, errors) : forms!;
    }

    /// <summary>Every error of <paramref name="json"/> as a forms file; none means <paramref name="forms"/> is set.</summary>
    public static IReadOnlyList<DefinitionError> Check(string json, out ObservationForms? forms)
    {
        forms = null;
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [new DefinitionError("$", "OBS.JSON", $"not valid JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message.Split(". ")[0]}")];
        }

        var schemaErrors = new List<DefinitionError>();
        foreach (var error in Schema.Value.Validate(json))
        {
            Flatten(error, schemaErrors);
        }

        if (schemaErrors.Count > 0)
        {
            return [.. schemaErrors.DistinctBy(e => (e.Path, e.Message)).OrderBy(e => e.Path, StringComparer.Ordinal)];
        }

        ObservationForms parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ObservationForms>(json, JsonOptions) ?? throw new JsonException("the document is null");
        }
        catch (JsonException e)
        {
            return [new DefinitionError(e.Path ?? "$", "OBS.TYPE", e.Message.Split(". ")[0])];
        }

        var errors = Consistency(parsed);
        if (errors.Count == 0)
        {
            forms = parsed;
        }

        return errors;
    }

    private static List<DefinitionError> Consistency(ObservationForms f)
    {
        var errors = new List<DefinitionError>();
        void Add(string path, string code, string message) => errors.Add(new DefinitionError(path, code, message));

        var answers = f.Assessment.Answers.Select(a => a.Code).ToList();
        foreach (var standard in ObservationForms.StandardAssessment.Where(s => !answers.Contains(s)))
        {
            Add("$.assessment.answers", "OBS.MISSING-STANDARD-CODE", $"the assessment scale lacks the standard answer \"{standard}\"");
        }

        for (var i = 0; i < f.Assessment.Negative.Count; i++)
        {
            if (!answers.Contains(f.Assessment.Negative[i]))
            {
                Add($"$.assessment.negative[{i}]", "OBS.UNKNOWN-ANSWER", $"\"{f.Assessment.Negative[i]}\" is not an answer of the scale");
            }
        }

        var incidents = new Dictionary<string, int>();
        for (var i = 0; i < f.Incidents.Count; i++)
        {
            if (!incidents.TryAdd(f.Incidents[i].Code, i))
            {
                Add($"$.incidents[{i}].code", "OBS.DUPLICATE-CODE", $"duplicate incident \"{f.Incidents[i].Code}\" (also $.incidents[{incidents[f.Incidents[i].Code]}])");
            }
        }

        foreach (var standard in ObservationForms.StandardIncidents.Where(s => !incidents.ContainsKey(s)))
        {
            Add("$.incidents", "OBS.MISSING-STANDARD-CODE", $"the catalogue lacks the standard incident \"{standard}\"");
        }

        var kinds = new Dictionary<FormKind, int>();
        for (var i = 0; i < f.Forms.Count; i++)
        {
            var form = f.Forms[i];
            var path = $"$.forms[{i}]";
            if (!kinds.TryAdd(form.Kind, i))
            {
                Add(path + ".kind", "OBS.DUPLICATE-FORM", $"a second \"{ObservationForms.KindName(form.Kind)}\" form (also $.forms[{kinds[form.Kind]}])");
            }

            var seen = new Dictionary<string, int>();
            for (var j = 0; j < form.Questions.Count; j++)
            {
                var q = form.Questions[j];
                var qp = $"{path}.questions[{j}]";
                if (!seen.TryAdd(q.Code, j))
                {
                    Add(qp + ".code", "OBS.DUPLICATE-CODE", $"duplicate question \"{q.Code}\" (also {path}.questions[{seen[q.Code]}])");
                }

                switch (q.Type)
                {
                    case AnswerType.Incident when !incidents.ContainsKey(q.Code):
                        Add(qp + ".code", "OBS.UNKNOWN-INCIDENT", $"\"{q.Code}\" is not in the incident catalogue");
                        break;
                    case AnswerType.Assessment when q.Code != ObservationForms.AssessmentCode(form.Kind):
                        Add(qp + ".code", "OBS.ASSESSMENT-CODE", $"the {ObservationForms.KindName(form.Kind)} form's assessment is \"{ObservationForms.AssessmentCode(form.Kind)}\", not \"{q.Code}\"");
                        break;
                    case AnswerType.Choice when q.Options is null:
                        Add(qp + ".options", "OBS.NO-OPTIONS", "a choice question lists its options");
                        break;
                    default:
                        break;
                }

                if (q.Type != AnswerType.Incident && q.Code.StartsWith("INC.", StringComparison.Ordinal))
                {
                    Add(qp + ".type", "OBS.INCIDENT-TYPE", $"\"{q.Code}\" has an incident's code and is answered as an incident (type \"incident\")");
                }

                for (var k = 0; k < (q.ShowIf?.Count ?? 0); k++)
                {
                    var condition = q.ShowIf![k];
                    if (!seen.ContainsKey(condition.Question) || condition.Question == q.Code)
                    {
                        Add($"{qp}.showIf[{k}].question", "OBS.SKIP-LOGIC", $"\"{condition.Question}\" is not an earlier question of this form");
                    }
                }
            }

            if (form.Questions.Count(q => q.Type == AnswerType.Assessment) != 1)
            {
                Add(path + ".questions", "OBS.ASSESSMENT-CODE", $"the form has exactly one assessment question, \"{ObservationForms.AssessmentCode(form.Kind)}\"");
            }
        }

        foreach (var kind in Enum.GetValues<FormKind>().Where(k => !kinds.ContainsKey(k)))
        {
            Add("$.forms", "OBS.MISSING-FORM", $"there is no \"{ObservationForms.KindName(kind)}\" form");
        }

        if (f.DemoMission is { } mission)
        {
            for (var i = 0; i < mission.Incidents.Count; i++)
            {
                var incident = mission.Incidents[i];
                var path = $"$.demoMission.incidents[{i}]";
                if (incident.Units is null == incident.ShareOfObserved is null)
                {
                    Add(path, "OBS.MISSION-INCIDENT", "give either \"units\" or \"shareOfObserved\"");
                }

                if (f.Form(incident.Form)?.Question(incident.Code) is null)
                {
                    Add(path + ".code", "OBS.UNKNOWN-INCIDENT", $"the {ObservationForms.KindName(incident.Form)} form does not ask \"{incident.Code}\"");
                }
                else if (incident.UnitsOf(mission.Observed.Of(incident.Form)) > mission.Observed.Of(incident.Form))
                {
                    Add(path + ".units", "OBS.MISSION-INCIDENT", $"more units than the {mission.Observed.Of(incident.Form)} observed");
                }
            }
        }

        return errors;
    }

    private static void Flatten(ValidationError error, List<DefinitionError> into)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            foreach (var nested in child.Errors.SelectMany(e => e.Value))
            {
                Flatten(nested, into);
            }

            return;
        }

        var path = error.Path is null or "#" ? "$" : "$." + error.Path.TrimStart('#', '/');
        if (error.Kind == ValidationErrorKind.PropertyRequired && !path.EndsWith("." + error.Property, StringComparison.Ordinal))
        {
            path = path == "$" ? "$." + error.Property : path + "." + error.Property;
        }

        var message = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required property \"{error.Property}\" is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown property \"{error.Property}\"",
            ValidationErrorKind.NotInEnumeration => "the value is not one of the allowed values",
            ValidationErrorKind.PatternMismatch => "the value does not have the required form",
            ValidationErrorKind.StringExpected => "a string is expected",
            ValidationErrorKind.IntegerExpected => "a whole number is expected",
            ValidationErrorKind.ArrayExpected => "an array is expected",
            ValidationErrorKind.TooFewItems => "too few items",
            _ => "does not match the schema: " + error.Kind,
        };
        into.Add(new DefinitionError(path, "OBS.SCHEMA", message));
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(ObservationFormsLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
