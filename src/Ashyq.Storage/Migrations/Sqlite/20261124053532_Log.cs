using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
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
                    index = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    record = table.Column<byte[]>(type: "BLOB", nullable: false),
                    leaf_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                CREATE TRIGGER log_entries_no_update BEFORE UPDATE ON log_entries
                BEGIN SELECT RAISE(ABORT, 'LOG.APPEND-ONLY: a log entry cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_entries
                BEGIN SELECT RAISE(ABORT, 'LOG.APPEND-ONLY: a log entry cannot be deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_entries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_entries_no_delete;");

            migrationBuilder.DropTable(
                name: "log_entries");
        }
    }
}
