using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ashyq.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Nomination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaint_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    serial = table.Column<int>(type: "integer", nullable: false),
                    complainant_kind = table.Column<string>(type: "text", nullable: false),
                    complainant_name = table.Column<string>(type: "text", nullable: false),
                    complainant_contact = table.Column<string>(type: "text", nullable: true),
                    subject_kind = table.Column<string>(type: "text", nullable: false),
                    respondent_commission = table.Column<string>(type: "text", nullable: true),
                    respondent_official = table.Column<string>(type: "text", nullable: true),
                    act_date = table.Column<DateOnly>(type: "date", nullable: true),
                    facts = table.Column<string>(type: "text", nullable: false),
                    attachments = table.Column<string>(type: "text", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    received_by_kind = table.Column<string>(type: "text", nullable: false),
                    received_by_commission = table.Column<string>(type: "text", nullable: true),
                    received_by_name = table.Column<string>(type: "text", nullable: true),
                    channel = table.Column<string>(type: "text", nullable: false),
                    appeal_of = table.Column<string>(type: "text", nullable: true),
                    registered_by = table.Column<string>(type: "text", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "observation_submissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    submission_id = table.Column<string>(type: "text", nullable: false),
                    forms_id = table.Column<string>(type: "text", nullable: false),
                    forms_version = table.Column<string>(type: "text", nullable: false),
                    form = table.Column<string>(type: "text", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    team = table.Column<string>(type: "text", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    received_from = table.Column<string>(type: "text", nullable: false),
                    answers = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_observation_submissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "observer_organizations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    experts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_observer_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_answers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    official = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    court_kind = table.Column<string>(type: "text", nullable: false),
                    court_name = table.Column<string>(type: "text", nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    reasons = table.Column<string>(type: "text", nullable: false),
                    late_rule_cited = table.Column<string>(type: "text", nullable: true),
                    competence_declined = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    log_index = table.Column<long>(type: "bigint", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    from_kind = table.Column<string>(type: "text", nullable: false),
                    from_commission = table.Column<string>(type: "text", nullable: true),
                    to_kind = table.Column<string>(type: "text", nullable: false),
                    to_commission = table.Column<string>(type: "text", nullable: true),
                    to_name = table.Column<string>(type: "text", nullable: true),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    by = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    session_id = table.Column<long>(type: "bigint", nullable: false),
                    commission = table.Column<string>(type: "text", nullable: false),
                    decision_number = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    reasons = table.Column<string>(type: "text", nullable: false),
                    facts_found = table.Column<string>(type: "text", nullable: false),
                    remedy = table.Column<string>(type: "text", nullable: false),
                    late_rule = table.Column<string>(type: "text", nullable: true),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "observer_teams",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    region = table.Column<string>(type: "text", nullable: false)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    nominating_letter = table.Column<string>(type: "text", nullable: true),
                    iin = table.Column<long>(type: "bigint", nullable: true),
                    commission = table.Column<string>(type: "text", nullable: true),
                    country = table.Column<string>(type: "text", nullable: true),
                    accreditation_decision_id = table.Column<long>(type: "bigint", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "complaint_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    hearing_id = table.Column<long>(type: "bigint", nullable: false),
                    decision_id = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    log_index = table.Column<long>(type: "bigint", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "observer_deployments",
                columns: table => new
                {
                    team_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false)
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
                    team_id = table.Column<int>(type: "integer", nullable: false),
                    observer_id = table.Column<int>(type: "integer", nullable: false)
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
            migrationBuilder.Sql("CREATE TRIGGER registration_decisions_immutable BEFORE UPDATE OR DELETE ON registration_decisions FOR EACH ROW EXECUTE FUNCTION immutable_rows();");
            migrationBuilder.Sql("CREATE TRIGGER language_criteria_immutable BEFORE UPDATE OR DELETE ON language_criteria FOR EACH ROW EXECUTE FUNCTION immutable_rows();");
            migrationBuilder.Sql("CREATE TRIGGER language_examinations_immutable BEFORE UPDATE OR DELETE ON language_examinations FOR EACH ROW EXECUTE FUNCTION immutable_rows();");
            migrationBuilder.Sql("CREATE TRIGGER language_errors_immutable BEFORE UPDATE OR DELETE ON language_errors FOR EACH ROW EXECUTE FUNCTION immutable_rows();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS registration_decisions_immutable ON registration_decisions;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS language_criteria_immutable ON language_criteria;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS language_examinations_immutable ON language_examinations;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS language_errors_immutable ON language_errors;");

            migrationBuilder.DropTable(
                name: "complaint_answers");

            migrationBuilder.DropTable(
                name: "complaint_court_decisions");

            migrationBuilder.DropTable(
                name: "complaint_decisions");

            migrationBuilder.DropTable(
                name: "complaint_forwards");

            migrationBuilder.DropTable(
                name: "observation_submissions");

            migrationBuilder.DropTable(
                name: "observer_deployments");

            migrationBuilder.DropTable(
                name: "observer_team_members");

            migrationBuilder.DropTable(
                name: "complaint_hearings");

            migrationBuilder.DropTable(
                name: "observer_teams");

            migrationBuilder.DropTable(
                name: "observers");

            migrationBuilder.DropTable(
                name: "complaint_cases");

            migrationBuilder.DropTable(
                name: "observer_organizations");
        }
    }
}
