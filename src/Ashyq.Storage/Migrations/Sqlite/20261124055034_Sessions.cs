using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    user = table.Column<string>(type: "TEXT", nullable: false),
                    commission = table.Column<string>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    commission_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    agenda = table.Column<string>(type: "TEXT", nullable: false),
                    present = table.Column<string>(type: "TEXT", nullable: false),
                    observers = table.Column<string>(type: "TEXT", nullable: false),
                    media = table.Column<string>(type: "TEXT", nullable: false),
                    opened_by = table.Column<string>(type: "TEXT", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.id);
                    table.ForeignKey(
                        name: "FK_sessions_commissions_commission_id",
                        column: x => x.commission_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    session_id = table.Column<long>(type: "INTEGER", nullable: false),
                    commission_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    adopted = table.Column<bool>(type: "INTEGER", nullable: false),
                    votes = table.Column<string>(type: "TEXT", nullable: false),
                    consultative_present = table.Column<string>(type: "TEXT", nullable: false),
                    dissenting_opinions = table.Column<string>(type: "TEXT", nullable: false),
                    total_membership = table.Column<int>(type: "INTEGER", nullable: false),
                    present = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisions", x => x.id);
                    table.ForeignKey(
                        name: "FK_decisions_commissions_commission_id",
                        column: x => x.commission_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_decisions_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_at",
                table: "audit_events",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_subject",
                table: "audit_events",
                column: "subject");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_commission_id_number",
                table: "decisions",
                columns: new[] { "commission_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_session_id",
                table: "decisions",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_commission_id",
                table: "sessions",
                column: "commission_id");
        
            // Decisions and the audit trail are never rewritten.
            migrationBuilder.Sql("""
                CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of decisions cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of decisions cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of audit_events cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of audit_events cannot be deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS decisions_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS decisions_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_delete;");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "sessions");
        }
    }
}
