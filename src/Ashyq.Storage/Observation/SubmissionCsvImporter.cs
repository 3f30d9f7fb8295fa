using System.Globalization;
using System.Text.RegularExpressions;
using Ashyq.Core.Observation;
using Ashyq.Storage.Import;

namespace Ashyq.Storage.Observation;

/// <summary>A row of an import refused: its line in the file, the column, a stable code and what.</summary>
public sealed record ImportRowError(long Row, string Field, string Code, string Message)
{
    public override string ToString() => $"row {Row}, {Field}: {Message} [{Code}]";
}

/// <summary>What an import did: rows read, submissions found, stored, already stored, refused, and every error by row.</summary>
public sealed record ObservationImportReport(long Rows, int Submissions, int Stored, int AlreadyStored, int Refused, IReadOnlyList<ImportRowError> Errors);

/// <summary>A file that cannot be read as a submissions file at all (its header, its quoting).</summary>
public sealed class ObservationImportException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// Reads submissions in long form, one answer a row — <c>submission_id,form,station,team,submitted_at,question,answer</c>
/// — groups the rows by submission, and stores them through <see cref="ObservationService"/> in one transaction.
/// A submission with any bad row is refused whole, each bad row reported by its line, column and code; every other
/// submission is stored (or recognised as already stored), so nothing accepted is lost and a re-import changes nothing.
/// </summary>
public static partial class SubmissionCsvImporter
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex TimeWithOffset();

    public static readonly IReadOnlyList<string> Header = ["submission_id", "form", "station", "team", "submitted_at", "question", "answer"];

    private sealed class Pending(SubmissionId id, long firstRow, FormKind form, string station, string team, DateTimeOffset at)
    {
        public SubmissionId Id { get; } = id;

        public long FirstRow { get; } = firstRow;

        public FormKind Form { get; } = form;

        public string Station { get; } = station;

        public string Team { get; } = team;

        public DateTimeOffset At { get; } = at;

        public Dictionary<string, string> Answers { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> RowOf { get; } = new(StringComparer.Ordinal);

        public List<ImportRowError> Errors { get; } = [];
    }

    public static async Task<ObservationImportReport> ImportAsync(ObservationService service, TextReader reader, string source, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var errors = new List<ImportRowError>();
        var pending = new Dictionary<string, Pending>(StringComparer.Ordinal);
        var order = new List<Pending>();
        var badIds = new HashSet<string>(StringComparer.Ordinal);
        long rows = 0;
        try
        {
            var csv = new CsvRecordReader(reader, ',', source);
            if (!csv.Read() || csv.FieldCount != Header.Count || Enumerable.Range(0, Header.Count).Any(i => !csv.FieldString(i).Trim().Trim('\uFEFF').Equals(Header[i], StringComparison.OrdinalIgnoreCase)))
            {
                throw new ObservationImportException("OBS.CSV-HEADER", $"{source}: the first line is the header {string.Join(",", Header)}.");
            }

            while (csv.Read())
            {
                ct.ThrowIfCancellationRequested();
                rows++;
                var line = csv.Line;
                if (csv.FieldCount != Header.Count)
                {
                    errors.Add(new ImportRowError(line, "*", "OBS.CSV-FIELD-COUNT", $"{csv.FieldCount} fields; a row has {Header.Count}"));
                    var id = csv.FieldCount > 0 ? csv.FieldString(0).Trim() : "";
                    if (id.Length > 0)
                    {
                        badIds.Add(id);
                    }

                    continue;
                }

                var f = Enumerable.Range(0, Header.Count).Select(i => csv.FieldString(i).Trim()).ToArray();
                if (!SubmissionId.TryParse(f[0], out var submissionId))
                {
                    errors.Add(new ImportRowError(line, "submission_id", "OBS.ID", $"\"{f[0]}\" is not a submission id (1–{SubmissionId.MaxLength} letters, digits, '-', '_', '.')"));
                    continue;
                }

                var rowErrors = new List<ImportRowError>();
                if (!ObservationForms.TryParseKind(f[1], out var kind))
                {
                    rowErrors.Add(new ImportRowError(line, "form", "OBS.UNKNOWN-FORM", $"\"{f[1]}\" is not opening, voting, counting or tabulation"));
                }

                var at = default(DateTimeOffset);
                if (!TimeWithOffset().IsMatch(f[4]) || !DateTimeOffset.TryParse(f[4], CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
                {
                    rowErrors.Add(new ImportRowError(line, "submitted_at", "OBS.TIME", $"\"{f[4]}\" is not a time with its offset (ISO 8601, e.g. 2011-04-03T10:15:00+06:00)"));
                }

                if (f[5].Length == 0)
                {
                    rowErrors.Add(new ImportRowError(line, "question", "OBS.UNKNOWN-QUESTION", "the question is empty"));
                }

                if (rowErrors.Count > 0)
                {
                    errors.AddRange(rowErrors);
                    badIds.Add(submissionId.Value);
                    continue;
                }

                if (!pending.TryGetValue(submissionId.Value, out var p))
                {
                    p = new Pending(submissionId, line, kind, f[2], f[3], at);
                    pending[submissionId.Value] = p;
                    order.Add(p);
                }
                else if (p.Form != kind || p.Station != f[2] || p.Team != f[3] || p.At != at)
                {
                    p.Errors.Add(new ImportRowError(line, p.Form != kind ? "form" : p.Station != f[2] ? "station" : p.Team != f[3] ? "team" : "submitted_at", "OBS.INCONSISTENT",
                        $"submission {submissionId} has another {(p.Form != kind ? "form" : p.Station != f[2] ? "station" : p.Team != f[3] ? "team" : "time")} on row {p.FirstRow}"));
                    continue;
                }

                if (!p.Answers.TryAdd(f[5], f[6]))
                {
                    p.Errors.Add(new ImportRowError(line, "question", "OBS.DUPLICATE-QUESTION", $"{f[5]} is answered twice in submission {submissionId} (also row {p.RowOf[f[5]]})"));
                    continue;
                }

                p.RowOf[f[5]] = line;
            }
        }
        catch (ResultsImportException e)
        {
            throw new ObservationImportException("OBS.CSV-QUOTE", e.Message);
        }

        var refused = 0;
        var valid = new List<Pending>();
        foreach (var p in order)
        {
            if (badIds.Contains(p.Id.Value) || p.Errors.Count > 0)
            {
                errors.AddRange(p.Errors);
                refused++;
                continue;
            }

            valid.Add(p);
        }

        refused += badIds.Count(id => !pending.ContainsKey(id));
        var results = await service.SubmitManyAsync([.. valid.Select(p => new Submission(p.Id, p.Form, p.Station, p.Team, p.At, p.Answers))], "import", source, ct);
        var byId = valid.ToDictionary(p => p.Id.Value);
        foreach (var r in results.Where(r => r.Outcome == SubmitOutcome.Refused))
        {
            var p = byId[r.Id];
            foreach (var e in r.Errors)
            {
                var (row, field) = e.Field switch
                {
                    "station" => (p.FirstRow, "station"),
                    "team" => (p.FirstRow, "team"),
                    "form" => (p.FirstRow, "form"),
                    "submission_id" => (p.FirstRow, "submission_id"),
                    _ when e.Code == "OBS.MISSING-ANSWER" => (p.FirstRow, "question"),
                    _ when e.Code == "OBS.UNKNOWN-QUESTION" => (p.RowOf.GetValueOrDefault(e.Field, p.FirstRow), "question"),
                    _ => (p.RowOf.GetValueOrDefault(e.Field, p.FirstRow), "answer"),
                };
                errors.Add(new ImportRowError(row, field, e.Code, $"submission {p.Id}: {e.Message}"));
            }
        }

        return new ObservationImportReport(
            rows,
            order.Count + badIds.Count(id => !pending.ContainsKey(id)),
            results.Count(r => r.Outcome == SubmitOutcome.Stored),
            results.Count(r => r.Outcome == SubmitOutcome.AlreadyStored),
            refused + results.Count(r => r.Outcome == SubmitOutcome.Refused),
            [.. errors.OrderBy(e => e.Row).ThenBy(e => e.Field, StringComparer.Ordinal)]);
    }

    /// <summary>Writes submissions in the long form this importer reads (one answer a row).</summary>
    public static async Task WriteAsync(IEnumerable<Submission> submissions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(string.Join(",", Header));
        foreach (var s in submissions)
        {
            foreach (var (question, answer) in s.Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                await writer.WriteLineAsync(string.Join(",", s.Id.Value, ObservationForms.KindName(s.Form), s.Unit, Quote(s.Team), s.SubmittedAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture), question, Quote(answer)));
            }
        }
    }

    private static string Quote(string field) =>
        field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) || field.Contains('\n', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
