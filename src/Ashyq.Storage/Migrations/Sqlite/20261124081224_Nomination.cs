using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Nomination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "language_criteria",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    maximum_errors = table.Column<int>(type: "INTEGER", nullable: false),
                    categories = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_language_criteria", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "nomination_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    nominee_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nomination_documents", x => x.id);
                    table.ForeignKey(
                        name: "FK_nomination_documents_nominees_nominee_id",
                        column: x => x.nominee_id,
                        principalTable: "nominees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "nomination_files",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    nominee_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    organization = table.Column<string>(type: "TEXT", nullable: true),
                    nominated_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    iin = table.Column<long>(type: "INTEGER", nullable: false),
                    citizen_by_birth = table.Column<bool>(type: "INTEGER", nullable: false),
                    birth_place = table.Column<string>(type: "TEXT", nullable: false),
                    resident_since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    has_unexpunged_criminal_record = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_spouse = table.Column<bool>(type: "INTEGER", nullable: false),
                    deposit_paid = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    deposit_paid_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    nominee_declaration_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    spouse_declaration_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nomination_files", x => x.id);
                    table.ForeignKey(
                        name: "FK_nomination_files_nominees_nominee_id",
                        column: x => x.nominee_id,
                        principalTable: "nominees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "observation_submissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    submission_id = table.Column<string>(type: "TEXT", nullable: false),
                    forms_id = table.Column<string>(type: "TEXT", nullable: false),
                    forms_version = table.Column<string>(type: "TEXT", nullable: false),
                    form = table.Column<string>(type: "TEXT", nullable: false),
                    unit = table.Column<string>(type: "TEXT", nullable: false),
                    team = table.Column<string>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", nullable: false),
                    received_from = table.Column<string>(type: "TEXT", nullable: false),
                    answers = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_observation_submissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "observer_organizations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    experts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_observer_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "proxies",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    nominee_id = table.Column<int>(type: "INTEGER", nullable: false),
                    precinct_id = table.Column<int>(type: "INTEGER", nullable: false),
                    slot = table.Column<int>(type: "INTEGER", nullable: false),
                    full_name = table.Column<string>(type: "TEXT", nullable: false),
                    contact = table.Column<string>(type: "TEXT", nullable: true),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    registered_by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proxies", x => x.id);
                    table.CheckConstraint("ck_proxies_slot", "slot >= 1");
                    table.ForeignKey(
                        name: "FK_proxies_commissions_precinct_id",
                        column: x => x.precinct_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_proxies_nominees_nominee_id",
                        column: x => x.nominee_id,
                        principalTable: "nominees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "registration_decisions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    nominee_id = table.Column<int>(type: "INTEGER", nullable: false),
                    decision_id = table.Column<long>(type: "INTEGER", nullable: false),
                    decision_number = table.Column<string>(type: "TEXT", nullable: false),
                    registered = table.Column<bool>(type: "INTEGER", nullable: false),
                    unmet_code = table.Column<string>(type: "TEXT", nullable: true),
                    record = table.Column<byte[]>(type: "BLOB", nullable: false),
                    log_index = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_decisions", x => x.id);
                    table.ForeignKey(
                        name: "FK_registration_decisions_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_registration_decisions_nominees_nominee_id",
                        column: x => x.nominee_id,
                        principalTable: "nominees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "verification_sessions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    nominee_id = table.Column<int>(type: "INTEGER", nullable: false),
                    commission_id = table.Column<int>(type: "INTEGER", nullable: false),
                    scheduled_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    place = table.Column<string>(type: "TEXT", nullable: false),
                    scheduled_by = table.Column<string>(type: "TEXT", nullable: false),
                    session_id = table.Column<long>(type: "INTEGER", nullable: true),
                    decision_id = table.Column<long>(type: "INTEGER", nullable: true),
                    decision_number = table.Column<string>(type: "TEXT", nullable: true),
                    protocol = table.Column<byte[]>(type: "BLOB", nullable: true),
                    log_index = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verification_sessions", x => x.id);
                    table.ForeignKey(
                        name: "FK_verification_sessions_commissions_commission_id",
                        column: x => x.commission_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_verification_sessions_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_verification_sessions_nominees_nominee_id",
                        column: x => x.nominee_id,
                        principalTable: "nominees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "language_tests",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    nominee_id = table.Column<int>(type: "INTEGER", nullable: false),
                    criteria_id = table.Column<int>(type: "INTEGER", nullable: false),
                    taken_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_language_tests", x => x.id);
                    table.ForeignKey(
                        name: "FK_language_tests_language_criteria_criteria_id",
                        column: x => x.criteria_id,
                        principalTable: "language_criteria",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_language_tests_nominees_nominee_id",
                        column: x => x.nominee_id,
                        principalTable: "nominees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "observer_teams",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", nullable: false),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: false),
                    term = table.Column<string>(type: "TEXT", nullable: false),
                    region = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_observer_teams", x => x.id);
                    table.ForeignKey(
                        name: "FK_observer_teams_observer_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "observer_organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "observers",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    term = table.Column<string>(type: "TEXT", nullable: false),
                    nominating_letter = table.Column<string>(type: "TEXT", nullable: true),
                    iin = table.Column<long>(type: "INTEGER", nullable: true),
                    commission = table.Column<string>(type: "TEXT", nullable: true),
                    country = table.Column<string>(type: "TEXT", nullable: true),
                    accreditation_decision_id = table.Column<long>(type: "INTEGER", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_observers", x => x.id);
                    table.ForeignKey(
                        name: "FK_observers_decisions_accreditation_decision_id",
                        column: x => x.accreditation_decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_observers_observer_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "observer_organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "verification_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    verification_id = table.Column<int>(type: "INTEGER", nullable: false),
                    proxy_id = table.Column<long>(type: "INTEGER", nullable: true),
                    recipient = table.Column<string>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    sent_by = table.Column<string>(type: "TEXT", nullable: false),
                    attended = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verification_notices", x => x.id);
                    table.ForeignKey(
                        name: "FK_verification_notices_verification_sessions_verification_id",
                        column: x => x.verification_id,
                        principalTable: "verification_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "language_examinations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    test_id = table.Column<int>(type: "INTEGER", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    stage = table.Column<string>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    concluded_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    conclusion = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_language_examinations", x => x.id);
                    table.ForeignKey(
                        name: "FK_language_examinations_language_tests_test_id",
                        column: x => x.test_id,
                        principalTable: "language_tests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "observer_deployments",
                columns: table => new
                {
                    team_id = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    unit = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_observer_deployments", x => new { x.team_id, x.position });
                    table.ForeignKey(
                        name: "FK_observer_deployments_observer_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "observer_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "observer_team_members",
                columns: table => new
                {
                    team_id = table.Column<int>(type: "INTEGER", nullable: false),
                    observer_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_observer_team_members", x => new { x.team_id, x.observer_id });
                    table.ForeignKey(
                        name: "FK_observer_team_members_observer_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "observer_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_observer_team_members_observers_observer_id",
                        column: x => x.observer_id,
                        principalTable: "observers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "language_errors",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    examination_id = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    length = table.Column<int>(type: "INTEGER", nullable: false),
                    examiner = table.Column<string>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_language_errors", x => x.id);
                    table.ForeignKey(
                        name: "FK_language_errors_language_examinations_examination_id",
                        column: x => x.examination_id,
                        principalTable: "language_examinations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_language_errors_examination_id",
                table: "language_errors",
                column: "examination_id");

            migrationBuilder.CreateIndex(
                name: "IX_language_examinations_test_id_sequence",
                table: "language_examinations",
                columns: new[] { "test_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_language_tests_criteria_id",
                table: "language_tests",
                column: "criteria_id");

            migrationBuilder.CreateIndex(
                name: "IX_language_tests_nominee_id",
                table: "language_tests",
                column: "nominee_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_nomination_documents_nominee_id",
                table: "nomination_documents",
                column: "nominee_id");

            migrationBuilder.CreateIndex(
                name: "IX_nomination_files_nominee_id",
                table: "nomination_files",
                column: "nominee_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_observation_submissions_form_unit",
                table: "observation_submissions",
                columns: new[] { "form", "unit" });

            migrationBuilder.CreateIndex(
                name: "ux_observation_submissions_submission_id",
                table: "observation_submissions",
                column: "submission_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_observer_organizations_code",
                table: "observer_organizations",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_observer_team_members_observer_id",
                table: "observer_team_members",
                column: "observer_id");

            migrationBuilder.CreateIndex(
                name: "IX_observer_teams_code",
                table: "observer_teams",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_observer_teams_organization_id",
                table: "observer_teams",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_observers_accreditation_decision_id",
                table: "observers",
                column: "accreditation_decision_id");

            migrationBuilder.CreateIndex(
                name: "IX_observers_organization_id",
                table: "observers",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_proxies_precinct_id",
                table: "proxies",
                column: "precinct_id");

            migrationBuilder.CreateIndex(
                name: "ux_proxies_nominee_precinct_slot",
                table: "proxies",
                columns: new[] { "nominee_id", "precinct_id", "slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registration_decisions_decision_id",
                table: "registration_decisions",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "IX_registration_decisions_nominee_id",
                table: "registration_decisions",
                column: "nominee_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_verification_notices_verification_id",
                table: "verification_notices",
                column: "verification_id");

            migrationBuilder.CreateIndex(
                name: "IX_verification_sessions_commission_id",
                table: "verification_sessions",
                column: "commission_id");

            migrationBuilder.CreateIndex(
                name: "IX_verification_sessions_decision_id",
                table: "verification_sessions",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "IX_verification_sessions_nominee_id_commission_id",
                table: "verification_sessions",
                columns: new[] { "nominee_id", "commission_id" });
            migrationBuilder.Sql("""
                CREATE TRIGGER registration_decisions_no_update BEFORE UPDATE ON registration_decisions
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of registration_decisions cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER registration_decisions_no_delete BEFORE DELETE ON registration_decisions
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of registration_decisions cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER language_criteria_no_update BEFORE UPDATE ON language_criteria
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of language_criteria cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER language_criteria_no_delete BEFORE DELETE ON language_criteria
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of language_criteria cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER language_examinations_no_update BEFORE UPDATE ON language_examinations
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of language_examinations cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER language_examinations_no_delete BEFORE DELETE ON language_examinations
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of language_examinations cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER language_errors_no_update BEFORE UPDATE ON language_errors
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of language_errors cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER language_errors_no_delete BEFORE DELETE ON language_errors
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of language_errors cannot be deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS registration_decisions_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS registration_decisions_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS language_criteria_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS language_criteria_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS language_examinations_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS language_examinations_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS language_errors_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS language_errors_no_delete;");

            migrationBuilder.DropTable(
                name: "language_errors");

            migrationBuilder.DropTable(
                name: "nomination_documents");

            migrationBuilder.DropTable(
                name: "nomination_files");

            migrationBuilder.DropTable(
                name: "observation_submissions");

            migrationBuilder.DropTable(
                name: "observer_deployments");

            migrationBuilder.DropTable(
                name: "observer_team_members");

            migrationBuilder.DropTable(
                name: "proxies");

            migrationBuilder.DropTable(
                name: "registration_decisions");

            migrationBuilder.DropTable(
                name: "verification_notices");

            migrationBuilder.DropTable(
                name: "language_examinations");

            migrationBuilder.DropTable(
                name: "observer_teams");

            migrationBuilder.DropTable(
                name: "observers");

            migrationBuilder.DropTable(
                name: "verification_sessions");

            migrationBuilder.DropTable(
                name: "language_tests");

            migrationBuilder.DropTable(
                name: "observer_organizations");

            migrationBuilder.DropTable(
                name: "language_criteria");
        }
    }
}
