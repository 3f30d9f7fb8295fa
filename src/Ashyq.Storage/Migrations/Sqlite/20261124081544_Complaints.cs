using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaint_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<string>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    serial = table.Column<int>(type: "INTEGER", nullable: false),
                    complainant_kind = table.Column<string>(type: "TEXT", nullable: false),
                    complainant_name = table.Column<string>(type: "TEXT", nullable: false),
                    complainant_contact = table.Column<string>(type: "TEXT", nullable: true),
                    subject_kind = table.Column<string>(type: "TEXT", nullable: false),
                    respondent_commission = table.Column<string>(type: "TEXT", nullable: true),
                    respondent_official = table.Column<string>(type: "TEXT", nullable: true),
                    act_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    facts = table.Column<string>(type: "TEXT", nullable: false),
                    attachments = table.Column<string>(type: "TEXT", nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    received_by_kind = table.Column<string>(type: "TEXT", nullable: false),
                    received_by_commission = table.Column<string>(type: "TEXT", nullable: true),
                    received_by_name = table.Column<string>(type: "TEXT", nullable: true),
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    appeal_of = table.Column<string>(type: "TEXT", nullable: true),
                    registered_by = table.Column<string>(type: "TEXT", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_answers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    official = table.Column<string>(type: "TEXT", nullable: false),
                    position = table.Column<string>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_answers", x => x.id);
                    table.ForeignKey(
                        name: "FK_complaint_answers_complaint_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "complaint_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_court_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    court_kind = table.Column<string>(type: "TEXT", nullable: false),
                    court_name = table.Column<string>(type: "TEXT", nullable: true),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: false),
                    reasons = table.Column<string>(type: "TEXT", nullable: false),
                    late_rule_cited = table.Column<string>(type: "TEXT", nullable: true),
                    competence_declined = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    log_index = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_court_decisions", x => x.id);
                    table.ForeignKey(
                        name: "FK_complaint_court_decisions_complaint_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "complaint_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_forwards",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    from_kind = table.Column<string>(type: "TEXT", nullable: false),
                    from_commission = table.Column<string>(type: "TEXT", nullable: true),
                    to_kind = table.Column<string>(type: "TEXT", nullable: false),
                    to_commission = table.Column<string>(type: "TEXT", nullable: true),
                    to_name = table.Column<string>(type: "TEXT", nullable: true),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    by = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_forwards", x => x.id);
                    table.ForeignKey(
                        name: "FK_complaint_forwards_complaint_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "complaint_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_hearings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    session_id = table.Column<long>(type: "INTEGER", nullable: false),
                    commission = table.Column<string>(type: "TEXT", nullable: false),
                    decision_number = table.Column<string>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: false),
                    reasons = table.Column<string>(type: "TEXT", nullable: false),
                    facts_found = table.Column<string>(type: "TEXT", nullable: false),
                    remedy = table.Column<string>(type: "TEXT", nullable: false),
                    late_rule = table.Column<string>(type: "TEXT", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_hearings", x => x.id);
                    table.ForeignKey(
                        name: "FK_complaint_hearings_complaint_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "complaint_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_complaint_hearings_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    hearing_id = table.Column<long>(type: "INTEGER", nullable: false),
                    decision_id = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    log_index = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_decisions", x => x.id);
                    table.ForeignKey(
                        name: "FK_complaint_decisions_complaint_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "complaint_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_complaint_decisions_complaint_hearings_hearing_id",
                        column: x => x.hearing_id,
                        principalTable: "complaint_hearings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_complaint_decisions_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaint_answers_case_id",
                table: "complaint_answers",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ux_complaint_cases_number",
                table: "complaint_cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_complaint_cases_year_serial",
                table: "complaint_cases",
                columns: new[] { "year", "serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaint_court_decisions_case_id",
                table: "complaint_court_decisions",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_decisions_case_id_version",
                table: "complaint_decisions",
                columns: new[] { "case_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaint_decisions_decision_id",
                table: "complaint_decisions",
                column: "decision_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaint_decisions_hearing_id",
                table: "complaint_decisions",
                column: "hearing_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaint_forwards_case_id",
                table: "complaint_forwards",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_hearings_case_id",
                table: "complaint_hearings",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_hearings_session_id",
                table: "complaint_hearings",
                column: "session_id");

            // Received complaints, forwards, answers and decisions are never changed or deleted in the store itself.
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_cases_no_update BEFORE UPDATE ON complaint_cases
                BEGIN SELECT RAISE(ABORT, 'COMPLAINT.IMMUTABLE: a row of complaint_cases cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_cases_no_delete BEFORE DELETE ON complaint_cases
                BEGIN SELECT RAISE(ABORT, 'COMPLAINT.IMMUTABLE: a row of complaint_cases cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_forwards_no_update BEFORE UPDATE ON complaint_forwards
                BEGIN SELECT RAISE(ABORT, 'COMPLAINT.IMMUTABLE: a row of complaint_forwards cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_forwards_no_delete BEFORE DELETE ON complaint_forwards
                BEGIN SELECT RAISE(ABORT, 'COMPLAINT.IMMUTABLE: a row of complaint_forwards cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_answers_no_update BEFORE UPDATE ON complaint_answers
                BEGIN SELECT RAISE(ABORT, 'COMPLAINT.IMMUTABLE: a row of complaint_answers cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_answers_no_delete BEFORE DELETE ON complaint_answers
                BEGIN SELECT RAISE(ABORT, 'COMPLAINT.IMMUTABLE: a row of complaint_answers cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_decisions_no_update BEFORE UPDATE ON complaint_decisions
                BEGIN SELECT RAISE(ABORT, 'COMPLAINT.IMMUTABLE: a row of complaint_decisions cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_decisions_no_delete BEFORE DELETE ON complaint_decisions
                BEGIN SELECT RAISE(ABORT, 'COMPLAINT.IMMUTABLE: a row of complaint_decisions cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_court_decisions_no_update BEFORE UPDATE ON complaint_court_decisions
                BEGIN SELECT RAISE(ABORT, 'COMPLAINT.IMMUTABLE: a row of complaint_court_decisions cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_court_decisions_no_delete BEFORE DELETE ON complaint_court_decisions
                BEGIN SELECT RAISE(ABORT, 'COMPLAINT.IMMUTABLE: a row of complaint_court_decisions cannot be deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_cases_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_cases_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_forwards_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_forwards_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_answers_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_answers_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_decisions_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_decisions_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_court_decisions_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_court_decisions_no_delete;");

            migrationBuilder.DropTable(
                name: "complaint_answers");

            migrationBuilder.DropTable(
                name: "complaint_court_decisions");

            migrationBuilder.DropTable(
                name: "complaint_decisions");

            migrationBuilder.DropTable(
                name: "complaint_forwards");

            migrationBuilder.DropTable(
                name: "complaint_hearings");

            migrationBuilder.DropTable(
                name: "complaint_cases");
        }
    }
}
