using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Ashyq.Core.Results;
using Ashyq.Core.Results.Expressions;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Ashyq.Core.Elections;

/// <summary>
/// Reads an election definition: first against its JSON Schema (<c>definitions/election-definition.schema.json</c>,
/// embedded here), then for consistency (codes unique, levels chained, relations parse over known lines, dates in
/// order). It refuses a file with every error listed by JSON path, never just the first.
/// </summary>
public static class ElectionDefinitionLoader
{
    public const string SchemaResource = "Ashyq.Core.election-definition.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(ElectionDefinitionLoader).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"The embedded resource {SchemaResource} is missing.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    });

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>The JSON Schema of definitions, as text.</summary>
    public static string SchemaText
    {
        get
        {
            using var stream = typeof(ElectionDefinitionLoader).Assembly.GetManifestResourceStream(SchemaResource)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Parses and checks a definition; throws <see cref="InvalidDefinitionException"/> listing every error.</summary>
    public static ElectionDefinition Parse(string json, string source)
    {
        var errors = Check(json, out var definition);
        return errors.Count > 0 ? throw new InvalidDefinitionException(source, errors) : definition!;
    }

    /// <summary>Every error of <paramref name="json"/> as a definition; none means <paramref name="definition"/> is set.</summary>
    public static IReadOnlyList<DefinitionError> Check(string json, out ElectionDefinition? definition)
    {
        definition = null;
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [new DefinitionError(
                "$",
                "DEF.JSON",
                $"not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}")];
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

        ElectionDefinition parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ElectionDefinition>(json, JsonOptions)
                ?? throw new JsonException("the document is null");
        }
        catch (JsonException e)
        {
            return [new DefinitionError(e.Path ?? "$", "DEF.TYPE", FirstSentence(e.Message))];
        }

        var consistency = new ConsistencyCheck(parsed);
        var form = consistency.Run();
        if (consistency.Errors.Count > 0)
        {
            return consistency.Errors;
        }

        parsed.ProtocolForm = form!;
        definition = parsed;
        return [];
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
        var message = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required property \"{error.Property}\" is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown property \"{error.Property}\"",
            ValidationErrorKind.StringExpected => "a string is expected",
            ValidationErrorKind.IntegerExpected => "a whole number is expected",
            ValidationErrorKind.NumberExpected => "a number is expected",
            ValidationErrorKind.BooleanExpected => "true or false is expected",
            ValidationErrorKind.ArrayExpected => "an array is expected",
            ValidationErrorKind.ObjectExpected => "an object is expected",
            ValidationErrorKind.NotInEnumeration => "the value is not one of the allowed values",
            ValidationErrorKind.PatternMismatch => "the value does not have the required form",
            ValidationErrorKind.NumberTooSmall => "the number is too small",
            ValidationErrorKind.NumberTooBig => "the number is too large",
            ValidationErrorKind.TooFewItems => "too few items",
            ValidationErrorKind.StringTooShort => "the text is too short",
            ValidationErrorKind.DateExpected => "a date (YYYY-MM-DD) is expected",
            _ => "does not match the schema: " + error.Kind,
        };
        if (error.Kind == ValidationErrorKind.PropertyRequired && !path.EndsWith("." + error.Property, StringComparison.Ordinal))
        {
            path = path == "$" ? "$." + error.Property : path + "." + error.Property;
        }

        into.Add(new DefinitionError(path, "DEF.SCHEMA", message));
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }

    /// <summary>What the schema cannot say: uniqueness, references between parts, order of dates, relations.</summary>
    private sealed class ConsistencyCheck(ElectionDefinition d)
    {
        public List<DefinitionError> Errors { get; } = [];

        public ProtocolForm? Run()
        {
            CheckLevels();
            CheckComposition();
            CheckCalendar();
            CheckCandidatesAndOrganizations();
            CheckComplaints();
            var form = CheckProtocol();
            CheckWorld();
            return form;
        }

        private void Add(string path, string code, string message) => Errors.Add(new DefinitionError(path, code, message));

        private void CheckLevels()
        {
            var seen = new Dictionary<string, int>();
            for (var i = 0; i < d.Levels.Count; i++)
            {
                var level = d.Levels[i];
                var path = $"$.levels[{i}]";
                if (!seen.TryAdd(level.Code, i))
                {
                    Add(path + ".code", "DEF.DUPLICATE-CODE", $"duplicate level code \"{level.Code}\" (also $.levels[{seen[level.Code]}])");
                }

                if (i == 0)
                {
                    if (level.Parent is not null)
                    {
                        Add(path + ".parent", "DEF.LEVEL-CHAIN", $"the first level is the top of the hierarchy and has no parent, not \"{level.Parent}\"");
                    }

                    if (level.Count != 1)
                    {
                        Add(path + ".count", "DEF.LEVEL-COUNT", $"the top level has exactly one commission, not {level.Count}");
                    }
                }
                else if (level.Parent is null || !d.Levels.Any(l => l.Code == level.Parent))
                {
                    Add(path + ".parent", "DEF.UNKNOWN-LEVEL", $"unknown parent level \"{level.Parent ?? "(none)"}\"");
                }
                else if (level.Parent != d.Levels[i - 1].Code)
                {
                    Add(path + ".parent", "DEF.LEVEL-CHAIN", $"the parent of \"{level.Code}\" must be the level just above it, \"{d.Levels[i - 1].Code}\", not \"{level.Parent}\"");
                }
                else if (level.Count < d.Levels[i - 1].Count)
                {
                    Add(path + ".count", "DEF.LEVEL-COUNT", $"{level.Count} commissions are fewer than the {d.Levels[i - 1].Count} of the level above: a level has at least as many commissions as the one above it");
                }

                var seats = level.Appointment.Bodies.Sum(b => b.Seats);
                if (seats != level.CommissionSize)
                {
                    Add(path + ".appointment.bodies", "DEF.SEATS", $"the appointing bodies fill {seats} seats but the commission has {level.CommissionSize}");
                }

                if (level.Appointment.Bodies.Count(b => b.AppointsChair) > 1)
                {
                    Add(path + ".appointment.bodies", "DEF.SEATS", "more than one body appoints the chair");
                }

                if (level.Special is { } special && special.Count > level.Count)
                {
                    Add(path + ".special.count", "DEF.LEVEL-COUNT", $"{special.Count} special commissions of {level.Count} in all");
                }

                if (d.Levels.Take(i).Any(l => l.CodePrefix == level.CodePrefix))
                {
                    Add(path + ".codePrefix", "DEF.DUPLICATE-CODE", $"duplicate code prefix \"{level.CodePrefix}\": commission codes must be unique in the election");
                }

                if (level.CodeDigits > 0 && level.Count >= Math.Pow(10, level.CodeDigits))
                {
                    Add(path + ".codeDigits", "DEF.LEVEL-COUNT", $"{level.CodeDigits} digits cannot number {level.Count} commissions");
                }
            }
        }

        private void CheckComposition()
        {
            var codes = new HashSet<string>();
            for (var i = 0; i < d.Composition.Rules.Count; i++)
            {
                if (!codes.Add(d.Composition.Rules[i].Code))
                {
                    Add($"$.composition.rules[{i}].code", "DEF.DUPLICATE-CODE", $"duplicate code \"{d.Composition.Rules[i].Code}\"");
                }
            }

            if (!codes.Contains(d.Composition.Applied))
            {
                Add("$.composition.applied", "DEF.UNKNOWN-CODE", $"no composition rule has the code \"{d.Composition.Applied}\"");
            }

            if (d.Sessions.Quorum.Denominator <= 0 || d.Sessions.Quorum.Numerator > d.Sessions.Quorum.Denominator)
            {
                Add("$.sessions.quorum", "DEF.FRACTION", $"a quorum of {d.Sessions.Quorum} is not a share between 0 and 1");
            }

            if (d.Sessions.Majority.Denominator <= 0 || d.Sessions.Majority.Numerator >= d.Sessions.Majority.Denominator)
            {
                Add("$.sessions.majority", "DEF.FRACTION", $"a majority of more than {d.Sessions.Majority} is not a share below 1");
            }
        }

        private void CheckCalendar()
        {
            var c = d.Calendar;
            (string Name, DateOnly Date)[] order =
            [
                ("called", c.Called), ("nominationOpens", c.NominationOpens), ("nominationCloses", c.NominationCloses),
                ("registrationCloses", c.RegistrationCloses), ("votingDay", c.VotingDay), ("finalResultsBy", c.FinalResultsBy),
            ];
            for (var i = 1; i < order.Length; i++)
            {
                if (order[i].Date < order[i - 1].Date)
                {
                    Add($"$.calendar.{order[i].Name}", "DEF.CALENDAR-ORDER", $"{order[i].Name} ({order[i].Date:yyyy-MM-dd}) is before {order[i - 1].Name} ({order[i - 1].Date:yyyy-MM-dd})");
                }
            }

            if (c.PollsClose <= c.PollsOpen)
            {
                Add("$.calendar.pollsClose", "DEF.CALENDAR-ORDER", $"polls close ({c.PollsClose}) before they open ({c.PollsOpen})");
            }

            try
            {
                TimeZoneInfo.FindSystemTimeZoneById(d.TimeZone);
            }
            catch (TimeZoneNotFoundException)
            {
                Add("$.timeZone", "DEF.TIME-ZONE", $"unknown time zone \"{d.TimeZone}\"");
            }

            if (d.Candidates.Signatures?.TerritorialCoverage.Level is { } coverage && !d.Levels.Any(l => l.Code == coverage))
            {
                Add("$.candidates.signatures.territorialCoverage.level", "DEF.UNKNOWN-LEVEL", $"unknown level \"{coverage}\"");
            }
        }

        private void CheckCandidatesAndOrganizations()
        {
            var organizations = new HashSet<string>();
            for (var i = 0; i < d.Organizations.Count; i++)
            {
                if (!organizations.Add(d.Organizations[i].Code))
                {
                    Add($"$.organizations[{i}].code", "DEF.DUPLICATE-CODE", $"duplicate organization code \"{d.Organizations[i].Code}\"");
                }
            }

            for (var i = 0; i < d.Candidates.Registered.Count; i++)
            {
                var candidate = d.Candidates.Registered[i];
                if (candidate.NominatedBy != "self" && !organizations.Contains(candidate.NominatedBy))
                {
                    Add($"$.candidates.registered[{i}].nominatedBy", "DEF.UNKNOWN-CODE", $"unknown organization \"{candidate.NominatedBy}\" (or \"self\")");
                }
            }

            foreach (var (level, weights) in d.World?.Nominations ?? new Dictionary<string, IReadOnlyDictionary<string, double>>())
            {
                foreach (var organization in weights.Keys.Where(o => !organizations.Contains(o)))
                {
                    Add($"$.world.nominations.{level}.{organization}", "DEF.UNKNOWN-CODE", $"unknown organization \"{organization}\"");
                }
            }
        }

        /// <summary>The routing table names known bodies and filing rules, once per subject, and routes each direct-to-Supreme-Court kind there alone.</summary>
        private void CheckComplaints()
        {
            var c = d.Complaints;
            var rules = new HashSet<string>();
            for (var i = 0; i < c.FilingDeadlines.Count; i++)
            {
                var rule = c.FilingDeadlines[i];
                if (!rules.Add(rule.Code))
                {
                    Add($"$.complaints.filingDeadlines[{i}].code", "DEF.DUPLICATE-CODE", $"duplicate filing rule \"{rule.Code}\"");
                }

                if (rule.Days is null == rule.Months is null)
                {
                    Add($"$.complaints.filingDeadlines[{i}]", "DEF.COMPLAINTS", $"filing rule \"{rule.Code}\" gives either days or months, not {(rule.Days is null ? "neither" : "both")}");
                }
            }

            var bodies = new HashSet<string>();
            for (var i = 0; i < c.Bodies.Count; i++)
            {
                if (!bodies.Add(c.Bodies[i].Kind))
                {
                    Add($"$.complaints.bodies[{i}].kind", "DEF.DUPLICATE-CODE", $"duplicate body \"{c.Bodies[i].Kind}\"");
                }
            }

            var subjects = new HashSet<string>();
            for (var i = 0; i < c.Routes.Count; i++)
            {
                var route = c.Routes[i];
                var path = $"$.complaints.routes[{i}]";
                if (!subjects.Add(route.Subject))
                {
                    Add(path + ".subject", "DEF.DUPLICATE-CODE", $"duplicate route for subject \"{route.Subject}\"");
                }

                foreach (var body in route.Bodies.Where(b => !bodies.Contains(b)))
                {
                    Add(path + ".bodies", "DEF.UNKNOWN-CODE", $"body \"{body}\" is not in $.complaints.bodies");
                }

                if (route.Filing is { } filing && !rules.Contains(filing))
                {
                    Add(path + ".filing", "DEF.UNKNOWN-CODE", $"no filing rule has the code \"{filing}\"");
                }

                if (route.Bodies.Contains("higher_commission") && route.Respondent != "commission")
                {
                    Add(path + ".bodies", "DEF.COMPLAINTS", "only a complaint against a commission goes to the higher commission");
                }
            }

            if (c.Routes.Count == 0)
            {
                return;
            }

            for (var i = 0; i < c.DirectToSupremeCourt.Count; i++)
            {
                var direct = c.DirectToSupremeCourt[i];
                var route = c.Routes.FirstOrDefault(r => r.Subject == direct.Code);
                if (route is null || !route.Bodies.SequenceEqual(["supreme_court"]))
                {
                    Add($"$.complaints.directToSupremeCourt[{i}].code", "DEF.COMPLAINTS", $"\"{direct.Code}\" goes straight to the Supreme Court: the routing table needs a route for it to supreme_court alone");
                }
            }
        }

        private ProtocolForm? CheckProtocol()
        {
            var lines = new List<ProtocolLine>();
            var firstPath = new Dictionary<string, string>();
            for (var i = 0; i < d.Protocol.Lines.Count; i++)
            {
                var line = d.Protocol.Lines[i];
                var path = $"$.protocol.lines[{i}].code";
                if (!firstPath.TryAdd(line.Code, path))
                {
                    Add(path, "DEF.DUPLICATE-CODE", $"duplicate code \"{line.Code}\" (also {firstPath[line.Code]})");
                    continue;
                }

                lines.Add(new ProtocolLine(lines.Count, line.Code, line.Label, IsCandidate: false));
            }

            var candidateIndexes = new List<int>();
            for (var i = 0; i < d.Candidates.Registered.Count; i++)
            {
                var candidate = d.Candidates.Registered[i];
                var path = $"$.candidates.registered[{i}].code";
                if (!firstPath.TryAdd(candidate.Code, path))
                {
                    Add(path, "DEF.DUPLICATE-CODE", $"duplicate code \"{candidate.Code}\" (also {firstPath[candidate.Code]}): a candidate's code is its protocol line");
                    continue;
                }

                candidateIndexes.Add(lines.Count);
                lines.Add(new ProtocolLine(lines.Count, candidate.Code, candidate.Name, IsCandidate: true));
            }

            if (firstPath.ContainsKey(d.Protocol.CandidateGroup))
            {
                Add("$.protocol.candidateGroup", "DEF.DUPLICATE-CODE", $"the group name \"{d.Protocol.CandidateGroup}\" is also a line code");
            }

            var index = lines.ToDictionary(l => l.Code, l => l.Index);
            var groups = new Dictionary<string, int[]> { [d.Protocol.CandidateGroup] = [.. candidateIndexes] };
            var relations = new List<ControlRelation>();
            var relationCodes = new Dictionary<string, int>();
            for (var i = 0; i < d.Protocol.Relations.Count; i++)
            {
                var relation = d.Protocol.Relations[i];
                var path = $"$.protocol.relations[{i}]";
                if (!relationCodes.TryAdd(relation.Code, i))
                {
                    Add(path + ".code", "DEF.DUPLICATE-CODE", $"duplicate relation code \"{relation.Code}\" (also $.protocol.relations[{relationCodes[relation.Code]}])");
                }

                var expression = RelationExpression.TryParse(relation.Expression, index, groups, out var problems);
                foreach (var problem in problems)
                {
                    Add(path + ".expression", "DEF.EXPRESSION", $"\"{relation.Expression}\" {problem}");
                }

                if (expression is not null)
                {
                    var severity = relation.Severity == "warning" ? RelationSeverity.Warning : RelationSeverity.Error;
                    relations.Add(new ControlRelation(relation.Code, severity, expression, relation.Message));
                }
            }

            foreach (var (name, line) in new[] { ("participantsLine", d.Result.ParticipantsLine), ("eligibleVotersLine", d.Result.EligibleVotersLine) })
            {
                if (!index.ContainsKey(line))
                {
                    Add($"$.result.{name}", "DEF.UNKNOWN-LINE", $"unknown protocol line \"{line}\"");
                }
            }

            if (d.Forensics is { } forensics)
            {
                foreach (var (name, codes) in new[] { ("voters", forensics.Voters), ("issued", forensics.Issued), ("inBoxes", forensics.InBoxes), ("valid", forensics.Valid), ("invalid", forensics.Invalid) })
                {
                    foreach (var code in codes.Where(c => !index.ContainsKey(c) && c != d.Protocol.CandidateGroup))
                    {
                        Add($"$.forensics.{name}", "DEF.UNKNOWN-LINE", $"unknown protocol line \"{code}\" (a line code or the candidate group \"{d.Protocol.CandidateGroup}\")");
                    }
                }
            }

            if (d.Result.RunoffCandidates < 2)
            {
                Add("$.result.runoffCandidates", "DEF.RESULT", "a runoff is between at least 2 candidates");
            }

            if (d.Import?.Csv is { } csv)
            {
                var below = d.Levels.Skip(1).Select(l => l.Code).ToList();
                if (!csv.Hierarchy.Select(h => h.Level).SequenceEqual(below))
                {
                    Add("$.import.csv.hierarchy", "DEF.IMPORT", $"the hierarchy columns must name the levels below the top in order ({string.Join(", ", below)}), not {string.Join(", ", csv.Hierarchy.Select(h => h.Level))}");
                }

                foreach (var code in csv.Lines.Keys.Where(code => !index.ContainsKey(code)))
                {
                    Add($"$.import.csv.lines.{code}", "DEF.UNKNOWN-LINE", $"unknown protocol line \"{code}\"");
                }

                foreach (var line in lines.Where(l => !csv.Lines.ContainsKey(l.Code)))
                {
                    Add("$.import.csv.lines", "DEF.IMPORT", $"no column for protocol line \"{line.Code}\"");
                }
            }

            return new ProtocolForm(lines, d.Protocol.CandidateGroup, relations);
        }

        private void CheckWorld()
        {
            if (d.World is not { } w)
            {
                return;
            }

            foreach (var level in d.Levels)
            {
                foreach (var (name, map) in new[] { ("womenShare", w.WomenShare), ("womenChairShare", w.WomenChairShare) })
                {
                    if (!map.ContainsKey(level.Code))
                    {
                        Add($"$.world.{name}", "DEF.MISSING-LEVEL", $"no figure for level \"{level.Code}\"");
                    }
                }

                if (!w.Nominations.ContainsKey(level.Code))
                {
                    Add("$.world.nominations", "DEF.MISSING-LEVEL", $"no nominations for level \"{level.Code}\"");
                }
            }

            foreach (var key in w.WomenShare.Keys.Concat(w.WomenChairShare.Keys).Concat(w.Nominations.Keys).Distinct())
            {
                if (!d.Levels.Any(l => l.Code == key))
                {
                    Add($"$.world.{key}", "DEF.UNKNOWN-LEVEL", $"figures given for unknown level \"{key}\"");
                }
            }

            if (d.Levels.Count > 1 && w.TerritorialUnits.Count != d.Levels[1].Count)
            {
                Add("$.world.territorialUnits", "DEF.LEVEL-COUNT", string.Create(CultureInfo.InvariantCulture, $"{w.TerritorialUnits.Count} territorial units for {d.Levels[1].Count} commissions of level \"{d.Levels[1].Code}\""));
            }

            if (w.Nominees < d.Candidates.Registered.Count)
            {
                Add("$.world.nominees", "DEF.WORLD", $"{w.Nominees} nominees cannot give {d.Candidates.Registered.Count} registered candidates");
            }
        }
    }
}
