using System.IO.Compression;
using System.Text;
using Ashyq.Core.Elections;
using Ashyq.Tests;
using Microsoft.VisualBasic.FileIO;

namespace Ashyq.Storage.Tests.Import;

/// <summary>
/// The published Russian 2012 results (shared/data/russia), read here independently of the importer (with the
/// framework's TextFieldParser), and the definition's control relations written out by hand, so that the tests
/// compare the import with a second reading of the same file.
/// </summary>
internal static class RussiaFile
{
    public const int Lines = 18;
    public const int Candidates = 5;

    public static string ZipPath => Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "data", "russia", "2012-presidential.csv.zip"));

    public static string DefinitionPath => Repo.DefinitionPath("ru-2012-presidential");

    public static string DefinitionJson => File.ReadAllText(DefinitionPath);

    private static readonly Lazy<ElectionDefinition> Parsed = new(() => ElectionDefinitionLoader.Parse(DefinitionJson, "ru-2012-presidential.json"));

    public static ElectionDefinition Definition => Parsed.Value;

    private static readonly Lazy<(string[] Header, List<string[]> Rows)> All = new(() =>
    {
        if (!File.Exists(ZipPath))
        {
            Assert.Fail($"The published results {ZipPath} are missing: shared/ is expected beside the repository.");
        }

        using var zip = ZipFile.OpenRead(ZipPath);
        using var text = new StreamReader(zip.Entries.Single(e => e.Name.EndsWith(".csv", StringComparison.Ordinal)).Open(), Encoding.UTF8);
        return ReadCsv(text.ReadToEnd());
    });

    public static string[] Header => All.Value.Header;

    /// <summary>Every data row of the file, as text.</summary>
    public static IReadOnlyList<string[]> Rows => All.Value.Rows;

    public static (string[] Header, List<string[]> Rows) ReadCsv(string text)
    {
        using var parser = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return (header, rows);
    }

    /// <summary>Lines 1–18 then the five candidates, as numbers (columns 4–26 of the file).</summary>
    public static long[] Values(string[] row) => [.. row.Skip(3).Take(Lines + Candidates).Select(long.Parse)];

    /// <summary>The column sums of the file, in the protocol's order (lines 1–18, then the candidates).</summary>
    public static long[] Sums(IEnumerable<string[]> rows)
    {
        var sums = new long[Lines + Candidates];
        foreach (var row in rows)
        {
            var v = Values(row);
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += v[i];
            }
        }

        return sums;
    }

    /// <summary>The relations each row breaks, checked by hand: (precinct code in file order, relation code).</summary>
    public static HashSet<(string Precinct, string Relation)> Violations(IReadOnlyList<string[]> rows)
    {
        var found = new HashSet<(string, string)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var v = Values(rows[r]);
            long L(int line) => v[line - 1];
            var candidates = v[Lines..];
            var precinct = $"UIK-{r + 1:D6}";
            void Check(bool holds, string code)
            {
                if (!holds)
                {
                    found.Add((precinct, code));
                }
            }

            Check(L(1) >= L(3) + L(4) + L(5), "R.L1-NOT-BELOW-ISSUED");
            Check(L(2) == L(3) + L(4) + L(5) + L(6) + L(17) - L(18), "R.L2-BALLOTS-BALANCE");
            Check(L(7) + L(8) == L(9) + L(10), "R.L7-L8-BALLOTS-IN-BOXES");
            Check(L(10) == candidates.Sum(), "R.L10-VALID-VOTES");
            Check(L(7) + L(8) <= L(3) + L(4) + L(5), "W.BALLOTS-IN-BOX-ABOVE-ISSUED");
            Check((L(7) + L(8)) * 100 < L(1) * 95 || L(7) + L(8) == 0, "W.TURNOUT-95");
            Check(candidates.Max() * 100 < (L(9) + L(10)) * 95 || L(9) + L(10) == 0, "W.CANDIDATE-95");
        }

        return found;
    }

    /// <summary>Writes rows as a CSV file (RFC 4180 quoting) and returns its path.</summary>
    public static string Write(IEnumerable<string[]> rows, string[]? header = null)
    {
        var sb = new StringBuilder();
        foreach (var row in new[] { header ?? Header }.Concat(rows))
        {
            sb.AppendJoin(',', row.Select(f => f.Contains(',', StringComparison.Ordinal) || f.Contains('"', StringComparison.Ordinal) ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f)).Append('\n');
        }

        var path = Path.Combine(Directory.CreateTempSubdirectory("ashyq-csv-").FullName, "results.csv");
        File.WriteAllText(path, sb.ToString());
        return path;
    }
}
