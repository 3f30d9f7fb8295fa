using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ashyq.Storage;

/// <summary>
/// How the store words its refusal to change or delete a row: the code its messages start with (what tests and
/// logs match on), how SQLite's messages name the row, and the PostgreSQL trigger function that raises it (one per
/// refusal, shared by every table that refuses so). <c>{table}</c> in a name or a wording is the table's name.
/// </summary>
public sealed record StoreRefusal
{
    /// <summary>The code every message starts with, e.g. <c>RECORD.IMMUTABLE</c>.</summary>
    public required string Code { get; init; }

    /// <summary>SQLite's two messages: "<c>{Code}: {Row} cannot change</c>" and "<c>{Code}: {Row} cannot be deleted</c>".</summary>
    public string Row { get; init; } = "a row of {table}";

    /// <summary>SQLite's two triggers: <c>{SqliteTriggers}_no_update</c> and <c>{SqliteTriggers}_no_delete</c>.</summary>
    public string SqliteTriggers { get; init; } = "{table}";

    /// <summary>PostgreSQL's one trigger, before an update or a delete of each row.</summary>
    public string PostgresTrigger { get; init; } = "{table}_immutable";

    /// <summary>PostgreSQL's trigger function, which raises "<c>{Code}: {Message}</c>".</summary>
    public required string Function { get; init; }

    /// <summary>PostgreSQL's message after the code, with a <c>%</c> for each of <see cref="Arguments"/>.</summary>
    public required string Message { get; init; }

    /// <summary>The values of PostgreSQL's <c>%</c>s, e.g. <c>TG_TABLE_NAME, OLD.id</c>; none by default.</summary>
    public string Arguments { get; init; } = "";

    /// <summary>A record kept as it was made: decisions, the audit trail, stored checks, samples and reports.</summary>
    public static StoreRefusal Record { get; } = new()
    {
        Code = "RECORD.IMMUTABLE",
        Function = "immutable_rows",
        Message = "a row of % cannot change or be deleted",
        Arguments = "TG_TABLE_NAME",
    };
}

/// <summary>A trigger on <see cref="Table"/>, or (without a table) a PostgreSQL function that triggers call.</summary>
public sealed record StoreObject(string Name, string? Table, string Sql);

/// <summary>
/// The triggers by which the store itself refuses what the application never does (changing an accepted protocol
/// version, a decision, a log entry…), declared beside each table's configuration:
/// <code>
/// e.ToTable("protocol_versions");
/// e.Immutable(AcceptedVersion, when: "OLD.state = 'Accepted'");
/// </code>
/// When the model is built, <see cref="Render"/> turns each declaration into the SQL of the model's provider, kept
/// in the model as annotations (so in each migration's target model); a migration installs them with
/// <see cref="InstallStoreTriggers"/>. Nothing else creates a trigger or a function (ADR 0007).
/// </summary>
public static class StoreTriggers
{
    private const string Declaration = "Ashyq:Immutable";
    private const string Trigger = "Ashyq:Trigger:";
    private const string Function = "Ashyq:Function:";

    /// <summary>
    /// The table's rows can be inserted, never updated or deleted (with <paramref name="when"/>, a condition on
    /// <c>OLD</c> in SQL that both providers read, only the rows it holds for). The refusal is
    /// <paramref name="refusal"/>, <see cref="StoreRefusal.Record"/> unless given.
    /// </summary>
    public static TBuilder Immutable<TBuilder>(this TBuilder entity, StoreRefusal? refusal = null, string? when = null)
        where TBuilder : EntityTypeBuilder
    {
        if (entity.Metadata.FindAnnotation(Declaration) is not null)
        {
            throw new InvalidOperationException($"{entity.Metadata.DisplayName()} is declared immutable twice.");
        }

        entity.Metadata.SetAnnotation(Declaration, new Immutability(refusal ?? StoreRefusal.Record, when));
        return entity;
    }

    /// <summary>
    /// Replaces every table's declaration by the SQL that makes it so on <paramref name="kind"/>: each trigger an
    /// annotation of its table, each PostgreSQL function one of the model. Called once, at the end of the model.
    /// </summary>
    internal static void Render(ModelBuilder modelBuilder, StoreKind kind)
    {
        var functions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.FindAnnotation(Declaration)?.Value is not Immutability declared)
            {
                continue;
            }

            entity.RemoveAnnotation(Declaration);
            var table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
            foreach (var trigger in declared.Triggers(table, kind))
            {
                entity.SetAnnotation(Trigger + trigger.Name, trigger.Sql);
            }

            if (kind == StoreKind.Postgres)
            {
                var function = declared.Function();
                if (functions.TryGetValue(function.Name, out var other) && other != function.Sql)
                {
                    throw new InvalidOperationException($"Two refusals name the function {function.Name} with different bodies.");
                }

                functions[function.Name] = function.Sql;
            }
        }

        foreach (var (name, sql) in functions)
        {
            modelBuilder.HasAnnotation(Function + name, sql);
        }
    }

    /// <summary>Every trigger the model declares, by name.</summary>
    public static IReadOnlyList<StoreObject> Triggers(IReadOnlyModel model) =>
    [
        .. from entity in model.GetEntityTypes()
           from annotation in entity.GetAnnotations()
           where annotation.Name.StartsWith(Trigger, StringComparison.Ordinal)
           orderby annotation.Name
           select new StoreObject(annotation.Name[Trigger.Length..], entity.GetTableName(), (string)annotation.Value!),
    ];

    /// <summary>Every PostgreSQL function the model's triggers call, by name (none on SQLite).</summary>
    public static IReadOnlyList<StoreObject> Functions(IReadOnlyModel model) =>
    [
        .. from annotation in model.GetAnnotations()
           where annotation.Name.StartsWith(Function, StringComparison.Ordinal)
           orderby annotation.Name
           select new StoreObject(annotation.Name[Function.Length..], null, (string)annotation.Value!),
    ];

    /// <summary>
    /// Creates the functions and triggers that <paramref name="model"/> (a migration's target model) declares, each
    /// trigger in place of one of the same name: a later migration that changes declarations calls it again.
    /// </summary>
    public static void InstallStoreTriggers(this MigrationBuilder migrationBuilder, IModel? model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var function in Functions(model))
        {
            migrationBuilder.Sql(function.Sql);
        }

        foreach (var trigger in Triggers(model))
        {
            migrationBuilder.Sql(Drop(migrationBuilder, trigger));
            migrationBuilder.Sql(trigger.Sql);
        }
    }

    /// <summary>Drops the triggers and functions that <paramref name="model"/> declares (a migration's <c>Down</c>).</summary>
    public static void RemoveStoreTriggers(this MigrationBuilder migrationBuilder, IModel? model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var trigger in Triggers(model))
        {
            migrationBuilder.Sql(Drop(migrationBuilder, trigger));
        }

        foreach (var function in Functions(model))
        {
            migrationBuilder.Sql($"DROP FUNCTION IF EXISTS {function.Name}();");
        }
    }

    private static string Drop(MigrationBuilder migrationBuilder, StoreObject trigger) => migrationBuilder.IsNpgsql()
        ? $"DROP TRIGGER IF EXISTS {trigger.Name} ON {trigger.Table};"
        : $"DROP TRIGGER IF EXISTS {trigger.Name};";

    private sealed record Immutability(StoreRefusal Refusal, string? When)
    {
        public IEnumerable<StoreObject> Triggers(string table, StoreKind kind)
        {
            string Named(string template) => template.Replace("{table}", table, StringComparison.Ordinal);

            if (kind == StoreKind.Postgres)
            {
                var name = Named(Refusal.PostgresTrigger);
                var condition = When is null ? "" : $" WHEN ({When})";
                yield return new(name, table, $"""
                    CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON {table}
                    FOR EACH ROW{condition} EXECUTE FUNCTION {Refusal.Function}();
                    """);
                yield break;
            }

            var row = Named(Refusal.Row);
            foreach (var (statement, suffix, refused) in new[] { ("UPDATE", "no_update", "cannot change"), ("DELETE", "no_delete", "cannot be deleted") })
            {
                var name = $"{Named(Refusal.SqliteTriggers)}_{suffix}";
                var condition = When is null ? "" : $"\nWHEN {When}";
                yield return new(name, table, $"""
                    CREATE TRIGGER {name} BEFORE {statement} ON {table}{condition}
                    BEGIN SELECT RAISE(ABORT, '{Quoted($"{Refusal.Code}: {row} {refused}")}'); END;
                    """);
            }
        }

        public StoreObject Function()
        {
            var arguments = Refusal.Arguments.Length == 0 ? "" : ", " + Refusal.Arguments;
            return new(Refusal.Function, null, $"""
                CREATE OR REPLACE FUNCTION {Refusal.Function}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '{Quoted($"{Refusal.Code}: {Refusal.Message}")}'{arguments}
                        USING ERRCODE = 'integrity_constraint_violation';
                END $$;
                """);
        }

        private static string Quoted(string text) => text.Replace("'", "''", StringComparison.Ordinal);
    }
}
