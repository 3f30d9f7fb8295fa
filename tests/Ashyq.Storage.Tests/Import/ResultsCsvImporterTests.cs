using System.Collections.Concurrent;
using Ashyq.Core.Results;
using Ashyq.Storage.Import;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests.Import;

public class ResultsCsvImporterTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The whole file is imported once per kind of store and shared by the tests that read it.
    private static readonly ConcurrentDictionary<string, Lazy<Task<(Store Store, ResultsImportReport Report)>>> FullImports = new();

    private static Task<(Store Store, ResultsImportReport Report)> FullImportAsync(string kind) =>
        FullImports.GetOrAdd(kind, k => new Lazy<Task<(Store, ResultsImportReport)>>(async () =>
        {
            var store = await TestStores.CreateAsync(k);
            await using var db = await store.OpenAsync(CancellationToken.None);
            var report = await new ResultsCsvImporter(db, TimeProvider.System)
                .ImportAsync(RussiaFile.Definition, RussiaFile.DefinitionJson, RussiaFile.ZipPath, ct: CancellationToken.None);
            return (store, report);
        })).Value;

    private static async Task<ResultsImportReport> ImportAsync(Store store, string csv)
    {
        await using var db = await store.OpenAsync(Ct);
        return await new ResultsCsvImporter(db, TimeProvider.System).ImportAsync(RussiaFile.Definition, RussiaFile.DefinitionJson, csv, ct: Ct);
    }

    private static async Task<HashSet<(string Precinct, string Relation)>> StoredViolationsAsync(AshyqDbContext db) =>
        [.. (await (from v in db.ProtocolViolations
                    join pv in db.ProtocolVersions on v.VersionId equals pv.Id
                    join c in db.Commissions on pv.PrecinctId equals c.Id
                    select new { c.Code, v.RelationCode }).ToListAsync(Ct)).Select(x => (x.Code, x.RelationCode))];

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task The_whole_Russian_2012_file_is_imported_with_the_files_own_column_sums(string kind)
    {
        var (store, report) = await FullImportAsync(kind);
        var sums = RussiaFile.Sums(RussiaFile.Rows);

        Assert.Equal(95_415, RussiaFile.Rows.Count);
        Assert.Equal(95_415, report.Precincts);
        Assert.Equal(sums, report.Totals);
        Assert.Equal(109_860_331, report.Totals[0]);

        await using var db = await store.OpenAsync(Ct);
        var perLevel = await db.Commissions.GroupBy(c => c.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, Ct);
        Assert.Equal(new Dictionary<string, int> { ["CEC"] = 1, ["REGION"] = 85, ["TIK"] = 2746, ["UIK"] = 95_415 }, perLevel);
        Assert.Equal(perLevel, report.Commissions);
        Assert.Equal(95_415, await db.ProtocolVersions.CountAsync(v => v.State == nameof(ProtocolState.Accepted) && v.Number == 1 && v.AcceptedBy == "import", Ct));
        Assert.Equal(0, await db.Commissions.CountAsync(c => c.Level != "CEC" && c.ParentId == null, Ct));

        // The stored running totals are the file's sums at the top, and every commission above the precincts has them.
        var results = new ResultsService(db, RussiaFile.Definition, TimeProvider.System);
        var cec = await results.TallyAsync("CEC", Ct);
        Assert.Equal(sums, RussiaFile.Definition.ProtocolForm.Lines.Select(l => cec.Totals[l.Code]));
        Assert.Equal(95_415, cec.Precincts);
        Assert.True(cec.IsComplete);
        Assert.Equal(1 + 85 + 2746, await db.Tallies.CountAsync(p => p.Accepted == p.Precincts, Ct));
        Assert.Equal(1 + 85 + 2746, await db.Tallies.CountAsync(Ct));
        var regions = await db.Tallies.Where(t => db.Commissions.Any(c => c.Id == t.CommissionId && c.Level == "REGION")).Select(t => t.Totals).ToListAsync(Ct);
        Assert.Equal(85, regions.Count);
        Assert.All(regions, totals => Assert.Equal(RussiaFile.Definition.ProtocolForm.Lines.Count, totals.Length));
        Assert.Equal(sums, Enumerable.Range(0, sums.Length).Select(line => regions.Sum(totals => totals[line])));

        // A TIK's name repeats across regions: each is its own commission.
        var first = RussiaFile.Rows[0];
        var version = (await results.VersionsAsync("UIK-000001", Ct)).Single();
        Assert.Equal(ProtocolState.Accepted, version.State);
        Assert.Equal(RussiaFile.Values(first), version.Values);
        var precinct = await db.Commissions.Include(c => c.Parent).ThenInclude(p => p!.Parent).SingleAsync(c => c.Code == "UIK-000001", Ct);
        Assert.Equal(int.Parse(first[2], System.Globalization.CultureInfo.InvariantCulture), precinct.Number);
        Assert.Contains(first[1], precinct.Parent!.NameRu, StringComparison.Ordinal);
        Assert.Contains(first[0], precinct.Parent.Parent!.NameRu, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task Every_relation_the_file_breaks_is_recorded_on_the_precinct_it_concerns(string kind)
    {
        var (store, report) = await FullImportAsync(kind);
        var expected = RussiaFile.Violations(RussiaFile.Rows);

        await using var db = await store.OpenAsync(Ct);
        var stored = await StoredViolationsAsync(db);

        Assert.Equal(expected.Count, stored.Count);
        Assert.True(expected.SetEquals(stored));
        var perRelation = expected.GroupBy(v => v.Relation).ToDictionary(g => g.Key, g => g.Count());
        foreach (var relation in RussiaFile.Definition.ProtocolForm.Relations)
        {
            Assert.Equal(perRelation.GetValueOrDefault(relation.Code), report.Violations[relation.Code]);
        }

        // The published protocols pass the statutory checks; real precincts do break the plausibility warnings.
        Assert.All(report.Violations.Where(v => v.Key.StartsWith("R.", StringComparison.Ordinal)), v => Assert.Equal(0, v.Value));
        Assert.Equal(13, report.Violations["W.BALLOTS-IN-BOX-ABOVE-ISSUED"]);
        Assert.Equal(8_607, report.Violations["W.TURNOUT-95"]);
        Assert.Equal(4_097, report.Violations["W.CANDIDATE-95"]);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task Importing_again_into_the_same_store_is_refused_and_nothing_is_duplicated(string kind)
    {
        var (store, _) = await FullImportAsync(kind);

        var refused = await Assert.ThrowsAsync<ResultsImportException>(() => ImportAsync(store, RussiaFile.ZipPath));

        Assert.Equal("IMPORT.STORE-NOT-EMPTY", refused.Code);
        Assert.Contains("ru-2012-presidential", refused.Message, StringComparison.Ordinal);
        await using var db = await store.OpenAsync(Ct);
        Assert.Equal(1, await db.Elections.CountAsync(Ct));
        Assert.Equal(98_247, await db.Commissions.CountAsync(Ct));
        Assert.Equal(95_415, await db.ProtocolVersions.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task A_corrupted_copy_records_exactly_the_broken_relations_on_exactly_those_precincts(string kind)
    {
        var rows = RussiaFile.Rows.Take(200).Select(r => (string[])r.Clone()).ToList();
        Assert.DoesNotContain(RussiaFile.Violations(rows), v => v.Relation.StartsWith("R.", StringComparison.Ordinal));
        static void Change(string[] row, int line, long by) =>
            row[2 + line] = (long.Parse(row[2 + line], System.Globalization.CultureInfo.InvariantCulture) + by).ToString(System.Globalization.CultureInfo.InvariantCulture);
        static long Get(string[] row, int line) => long.Parse(row[2 + line], System.Globalization.CultureInfo.InvariantCulture);

        Change(rows[9], 1, -(Get(rows[9], 1) - Get(rows[9], 4) + 1)); // row 10: fewer voters on the list than ballots issued
        Change(rows[49], 2, 5);                                         // row 50: 5 ballots received too many
        Change(rows[99], 8, 3);                                         // row 100: 3 more ballots in the boxes
        Change(rows[149], 19, -7);                                      // row 150: 7 votes lost for a candidate
        Change(rows[199], 10, -2);                                      // row 200: valid ballots 2 short (breaks 7+8=9+10 and 10=sum)
        var expected = RussiaFile.Violations(rows);
        Assert.Contains(("UIK-000010", "R.L1-NOT-BELOW-ISSUED"), expected);
        Assert.Contains(("UIK-000050", "R.L2-BALLOTS-BALANCE"), expected);
        Assert.Contains(("UIK-000100", "R.L7-L8-BALLOTS-IN-BOXES"), expected);
        Assert.Contains(("UIK-000150", "R.L10-VALID-VOTES"), expected);
        Assert.Contains(("UIK-000200", "R.L7-L8-BALLOTS-IN-BOXES"), expected);
        Assert.Contains(("UIK-000200", "R.L10-VALID-VOTES"), expected);
        Assert.Equal(6, expected.Count(v => v.Relation.StartsWith("R.", StringComparison.Ordinal)));

        var store = await TestStores.CreateAsync(kind);
        var report = await ImportAsync(store, RussiaFile.Write(rows));

        await using var db = await store.OpenAsync(Ct);
        var stored = await StoredViolationsAsync(db);
        Assert.True(expected.SetEquals(stored), $"stored {string.Join(", ", stored.Except(expected))}; missing {string.Join(", ", expected.Except(stored))}");
        Assert.Equal(200, report.Precincts);
        Assert.Equal(RussiaFile.Sums(rows), report.Totals);
        var results = new ResultsService(db, RussiaFile.Definition, TimeProvider.System);
        Assert.Equal(RussiaFile.Sums(rows), await results.RecountAsync("CEC", Ct));
        Assert.Equal(2, report.Violations["R.L7-L8-BALLOTS-IN-BOXES"]);
        Assert.Equal(2, report.Violations["R.L10-VALID-VOTES"]);
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task A_row_with_a_word_where_a_number_belongs_refuses_the_import_naming_row_column_and_code(string kind)
    {
        var rows = RussiaFile.Rows.Take(100).Select(r => (string[])r.Clone()).ToList();
        rows[56][7] = "12a";
        var store = await TestStores.CreateAsync(kind);

        var refused = await Assert.ThrowsAsync<ResultsImportException>(() => ImportAsync(store, RussiaFile.Write(rows)));

        Assert.Equal("IMPORT.NOT-A-NUMBER", refused.Code);
        Assert.Contains("row 57 (line 58)", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{RussiaFile.Header[7]}\" (protocol line L5)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"12a\"", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", refused.Message, StringComparison.Ordinal);
        await using var db = await store.OpenAsync(Ct);
        Assert.False(await db.Elections.AnyAsync(Ct));
        Assert.False(await db.Commissions.AnyAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task A_bad_row_after_thousands_already_written_leaves_the_store_as_it_was_and_ready_for_the_good_file(string kind)
    {
        // The rows are written in chunks while the rest of the file is read: by row 20,000 two chunks are in the store.
        var rows = RussiaFile.Rows.Take(20_500).Select(r => (string[])r.Clone()).ToList();
        rows[19_999][9] = "-3";
        var store = await TestStores.CreateAsync(kind);

        var refused = await Assert.ThrowsAsync<ResultsImportException>(() => ImportAsync(store, RussiaFile.Write(rows)));

        Assert.Equal("IMPORT.NEGATIVE", refused.Code);
        Assert.Contains("row 20000 (line 20001)", refused.Message, StringComparison.Ordinal);
        await using (var db = await store.OpenAsync(Ct))
        {
            Assert.False(await db.Elections.AnyAsync(Ct));
            Assert.False(await db.Commissions.AnyAsync(Ct));
            Assert.False(await db.ProtocolVersions.AnyAsync(Ct));
            Assert.False(await db.ProtocolViolations.AnyAsync(Ct));
        }

        // The indexes and keys dropped for the load came back with the rollback: the good file imports, and the
        // unique index on (precinct, number) is there to refuse a second version 1 of a precinct.
        var report = await ImportAsync(store, RussiaFile.Write(rows.Take(300)));
        Assert.Equal(300, report.Precincts);
        await using (var db = await store.OpenAsync(Ct))
        {
            var first = await db.ProtocolVersions.OrderBy(v => v.Id).FirstAsync(Ct);
            db.ProtocolVersions.Add(new Model.ProtocolVersionRow { PrecinctId = first.PrecinctId, Number = first.Number, State = "Accepted", Snapshot = "" });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }
    }

    [Fact]
    public async Task A_row_missing_a_column_is_a_clear_error()
    {
        var rows = RussiaFile.Rows.Take(20).Select(r => (string[])r.Clone()).ToList();
        rows[11] = [.. rows[11].Where((_, i) => i != 20)];
        var store = await TestStores.CreateAsync(TestStores.Sqlite);

        var refused = await Assert.ThrowsAsync<ResultsImportException>(() => ImportAsync(store, RussiaFile.Write(rows)));

        Assert.Equal("IMPORT.FIELD-COUNT", refused.Code);
        Assert.Contains("row 12 (line 13): 26 fields where the header has 27", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_a_column_of_the_profile_is_refused_naming_the_column()
    {
        var header = (string[])RussiaFile.Header.Clone();
        header[5] = "something else";
        var store = await TestStores.CreateAsync(TestStores.Sqlite);

        var refused = await Assert.ThrowsAsync<ResultsImportException>(() => ImportAsync(store, RussiaFile.Write(RussiaFile.Rows.Take(3), header)));

        Assert.Equal("IMPORT.MISSING-COLUMN", refused.Code);
        Assert.Contains($"no column \"{RussiaFile.Header[5]}\" (protocol line L3", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_version_is_read_back_by_the_results_service_as_the_published_version_it_was()
    {
        var store = await TestStores.CreateAsync(TestStores.Sqlite);
        var rows = RussiaFile.Rows.Take(5).ToList();
        await ImportAsync(store, RussiaFile.Write(rows));

        await using var db = await store.OpenAsync(Ct);
        var row = await db.ProtocolVersions.AsNoTracking().SingleAsync(v => v.Id == 1, Ct);
        var form = RussiaFile.Definition.ProtocolForm;
        var expected = ProtocolVersion.Published(form, "UIK-000001", RussiaFile.Values(rows[0]), new Actor("import", "CEC"), row.AcceptedAt!.Value);
        Assert.Null(row.Snapshot); // nothing beyond the columns: rebuilt from them
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected.Values, Web), row.Values);
        Assert.Equal("CEC", row.AcceptedByCommission);
        Assert.Equal(1, row.Revision);

        var results = new ResultsService(db, RussiaFile.Definition, TimeProvider.System);
        var read = Assert.Single(await results.VersionsAsync("UIK-000001", Ct));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected.Snapshot(), Web), System.Text.Json.JsonSerializer.Serialize(read.Snapshot(), Web));
    }
}
