using System.Globalization;
using System.Text;
using Ashyq.Core.Elections;
using Ashyq.Core.Generation;
using Ashyq.Core.Register;

namespace Ashyq.Storage.Register;

/// <summary>What a sample file holds.</summary>
public sealed record RegisterSampleReport(long Rows, int Duplicates, IReadOnlyDictionary<string, int> DuplicatesByKind);

/// <summary>
/// Writes a generated register as akimats would submit it (the <see cref="RegisterCsv"/> format): the voters of
/// <see cref="WorldGenerator"/> with source ids <c>PRECINCT-NNNNNN</c>, optionally with known duplicates injected
/// (<see cref="DuplicateInjector"/>) and their truth written beside, and optionally one bad row in every
/// <c>badEvery</c> (a wrong check digit) for import tests.
/// </summary>
public static class RegisterSample
{
    public static async Task<RegisterSampleReport> WriteAsync(
        ElectionDefinition definition,
        double scale,
        long seed,
        string csvPath,
        double duplicates = 0,
        string? truthPath = null,
        long badEvery = 0,
        CancellationToken cancellationToken = default)
    {
        var generator = new WorldGenerator(definition, scale, seed);
        var hierarchy = generator.Hierarchy();
        var precinctLevel = definition.PrecinctLevel.Code;
        var codes = hierarchy.Commissions.Where(c => c.Level == precinctLevel).Select(c => c.Code.Value).ToList();
        var injector = new DuplicateInjector(duplicates, seed, codes);
        var voters = injector.Inject(WithSourceIds(generator.Voters(hierarchy)));

        long rows = 0;
        await using (var writer = new StreamWriter(csvPath, false, new UTF8Encoding(false), 1 << 20))
        {
            await writer.WriteLineAsync(string.Join(',', RegisterCsv.Columns));
            var line = new StringBuilder(256);
            foreach (var v in voters)
            {
                rows++;
                var iin = v.Iin.ToString();
                if (badEvery > 0 && rows % badEvery == 0)
                {
                    iin = iin[..11] + (char)('0' + (iin[11] - '0' + 1) % 10);
                }

                line.Clear()
                    .Append(v.SourceId).Append(',')
                    .Append(iin).Append(',')
                    .Append(Field(v.Surname)).Append(',')
                    .Append(Field(v.GivenName)).Append(',')
                    .Append(Field(v.Patronymic)).Append(',')
                    .Append(v.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(v.Gender == Gender.Male ? 'M' : 'F').Append(',')
                    .Append(Field(v.Address)).Append(',')
                    .Append(v.PrecinctCode);
                await writer.WriteLineAsync(line, cancellationToken);
            }
        }

        if (truthPath is not null)
        {
            await using var truth = new StreamWriter(truthPath, false, new UTF8Encoding(false));
            DuplicateInjector.WriteTruth(truth, injector.Truth);
        }

        return new RegisterSampleReport(rows, injector.Truth.Count, injector.Truth.GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>Source ids <c>PRECINCT-NNNNNN</c>, numbered within each precinct.</summary>
    public static IEnumerable<Voter> WithSourceIds(IEnumerable<Voter> voters)
    {
        string? precinct = null;
        var n = 0;
        foreach (var v in voters)
        {
            if (v.PrecinctCode != precinct)
            {
                precinct = v.PrecinctCode;
                n = 0;
            }

            yield return v with { SourceId = string.Create(CultureInfo.InvariantCulture, $"{precinct}-{++n:D6}") };
        }
    }

    /// <summary>A CSV field, quoted when it holds a comma or a quote.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(',', '"') < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
