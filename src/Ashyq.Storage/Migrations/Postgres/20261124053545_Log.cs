using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Log : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "log_entries",
                columns: table => new
                {
                    index = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    record = table.Column<byte[]>(type: "bytea", nullable: false),
                    leaf_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_entries", x => x.index);
                });

            migrationBuilder.CreateIndex(
                name: "IX_log_entries_kind_subject_version",
                table: "log_entries",
                columns: new[] { "kind", "subject", "version" },
                unique: true);
        
            // The log is append-only in the store itself.
            migrationBuilder.Sql("""
                CREATE FUNCTION log_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'LOG.APPEND-ONLY: a log entry cannot change or be deleted (index %)', OLD.index
                        USING ERRCODE = 'integrity_constraint_violation';
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER log_entries_append_only BEFORE UPDATE OR DELETE ON log_entries
                FOR EACH ROW EXECUTE FUNCTION log_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_entries_append_only ON log_entries;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS log_entries_append_only();");

            migrationBuilder.DropTable(
                name: "log_entries");
        }
    }
}
