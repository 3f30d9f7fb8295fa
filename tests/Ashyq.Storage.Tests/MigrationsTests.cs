using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ashyq.Storage.Tests;

public partial class MigrationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task The_migrations_of_each_provider_build_exactly_the_model(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var db = await store.OpenAsync(Ct);

        Assert.False(db.Database.HasPendingModelChanges(), $"the {kind} migration lags behind the model: make Initial again for each provider (ADR 0007)");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    /// <summary>
    /// The triggers (and PostgreSQL's trigger functions) in a freshly migrated store are exactly those that the
    /// tables' configurations declare (<see cref="StoreTriggers"/>), with the same SQL: none missing, none that no
    /// declaration makes. A declaration changed without making Initial again fails here.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task A_migrated_store_has_exactly_the_declared_triggers(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        var declared = Declared(db);
        Assert.Contains(declared, t => t.StartsWith("trigger protocol_versions.", StringComparison.Ordinal));
        Assert.Contains(declared, t => t.StartsWith("trigger log_entries.", StringComparison.Ordinal));

        var present = await PresentAsync(db);
        Assert.True(present.Count > 0, "no trigger in the store: Initial's Up must end with migrationBuilder.InstallStoreTriggers(TargetModel) (ADR 0007)");
        Assert.Equal(declared, present);

        // What the comparison sees: a trigger that nobody declared, and a declared one that is missing.
        var (extra, missing) = kind == TestStores.Sqlite
            ? ("CREATE TRIGGER members_no_delete BEFORE DELETE ON members BEGIN SELECT RAISE(ABORT, 'no'); END", "DROP TRIGGER decisions_no_update")
            : ("CREATE TRIGGER members_no_delete BEFORE DELETE ON members FOR EACH ROW EXECUTE FUNCTION immutable_rows()", "DROP TRIGGER decisions_immutable ON decisions");
        await db.Database.ExecuteSqlRawAsync(extra, Ct);
        await db.Database.ExecuteSqlRawAsync(missing, Ct);
        present = await PresentAsync(db);
        Assert.Equal([Assert.Single(present, t => t.StartsWith("trigger members.members_no_delete", StringComparison.Ordinal))], present.Except(declared));
        Assert.Equal([Assert.Single(declared, t => t.StartsWith("trigger decisions.decisions_" + (kind == TestStores.Sqlite ? "no_update" : "immutable"), StringComparison.Ordinal))], declared.Except(present));
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task Initial_reverted_leaves_no_table_trigger_or_function_and_applies_again(string kind)
    {
        var store = await TestStores.CreateAsync(kind);
        await using var db = await store.OpenAsync(Ct);
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync(Migration.InitialDatabase, Ct);
        Assert.Empty(await PresentAsync(db));
        var tables = await QueryAsync(db, kind == TestStores.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'");
        Assert.Contains("__EFMigrationsHistory", tables);
        Assert.DoesNotContain(tables, t => !t.StartsWith("__EFMigrations", StringComparison.Ordinal));

        await migrator.MigrateAsync(cancellationToken: Ct);
        Assert.Equal(Declared(db), await PresentAsync(db));
    }

    /// <summary>What the model declares, one line per object, as <see cref="PresentAsync"/> reads it from the store.</summary>
    private static List<string> Declared(AshyqDbContext db)
    {
        var triggers = StoreTriggers.Triggers(db.Model);
        var functions = StoreTriggers.Functions(db.Model);
        IEnumerable<string> lines = db.Kind == StoreKind.Sqlite
            ? triggers.Select(t => $"trigger {t.Table}.{t.Name}: {t.Sql.TrimEnd(';')}")
            :
            [
                .. triggers.Select(t => $"trigger {t.Table}.{t.Name} calls {CalledFunction().Match(t.Sql).Groups[1].Value}"),
                .. functions.Select(f => $"function {f.Name}: {FunctionBody().Match(f.Sql).Groups[1].Value}"),
            ];
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every trigger in the store (SQLite: with its SQL; PostgreSQL: with the function it calls) and PostgreSQL's trigger functions.</summary>
    private static async Task<List<string>> PresentAsync(AshyqDbContext db) => db.Kind == StoreKind.Sqlite
        ? await QueryAsync(db, "SELECT 'trigger ' || tbl_name || '.' || name || ': ' || sql FROM sqlite_master WHERE type = 'trigger'")
        : await QueryAsync(db, """
                SELECT 'trigger ' || c.relname || '.' || t.tgname || ' calls ' || p.proname
                FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
                WHERE NOT t.tgisinternal
                UNION ALL
                SELECT 'function ' || p.proname || ': ' || p.prosrc
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND p.prorettype = 'trigger'::regtype
                """);

    private static async Task<List<string>> QueryAsync(AshyqDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                lines.Add(reader.GetString(0));
            }

            return [.. lines.Order(StringComparer.Ordinal)];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [GeneratedRegex(@"EXECUTE FUNCTION (\w+)\(")]
    private static partial Regex CalledFunction();

    [GeneratedRegex(@"\$\$(.*)\$\$", RegexOptions.Singleline)]
    private static partial Regex FunctionBody();
}
