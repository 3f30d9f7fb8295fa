using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ashyq.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Signatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "death_records",
                columns: table => new
                {
                    iin = table.Column<long>(type: "bigint", nullable: false),
                    died_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_death_records", x => x.iin);
                });

            migrationBuilder.CreateTable(
                name: "language_criteria",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    maximum_errors = table.Column<int>(type: "integer", nullable: false),
                    categories = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_language_criteria", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "nomination_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nominee_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nominee_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    organization = table.Column<string>(type: "text", nullable: true),
                    nominated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    iin = table.Column<long>(type: "bigint", nullable: false),
                    citizen_by_birth = table.Column<bool>(type: "boolean", nullable: false),
                    birth_place = table.Column<string>(type: "text", nullable: false),
                    resident_since = table.Column<DateOnly>(type: "date", nullable: false),
                    has_unexpunged_criminal_record = table.Column<bool>(type: "boolean", nullable: false),
                    has_spouse = table.Column<bool>(type: "boolean", nullable: false),
                    deposit_paid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    deposit_paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    nominee_declaration_on = table.Column<DateOnly>(type: "date", nullable: true),
                    spouse_declaration_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "proxies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nominee_id = table.Column<int>(type: "integer", nullable: false),
                    precinct_id = table.Column<int>(type: "integer", nullable: false),
                    slot = table.Column<int>(type: "integer", nullable: false),
                    full_name = table.Column<string>(type: "text", nullable: false),
                    contact = table.Column<string>(type: "text", nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    registered_by = table.Column<string>(type: "text", nullable: false)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nominee_id = table.Column<int>(type: "integer", nullable: false),
                    decision_id = table.Column<long>(type: "bigint", nullable: false),
                    decision_number = table.Column<string>(type: "text", nullable: false),
                    registered = table.Column<bool>(type: "boolean", nullable: false),
                    unmet_code = table.Column<string>(type: "text", nullable: true),
                    record = table.Column<byte[]>(type: "bytea", nullable: false),
                    log_index = table.Column<long>(type: "bigint", nullable: false)
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
                name: "signature_batches",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nominee_number = table.Column<int>(type: "integer", nullable: false),
                    lines = table.Column<int>(type: "integer", nullable: false),
                    valid = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signature_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "verification_sessions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nominee_id = table.Column<int>(type: "integer", nullable: false),
                    commission_id = table.Column<int>(type: "integer", nullable: false),
                    scheduled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "text", nullable: false),
                    scheduled_by = table.Column<string>(type: "text", nullable: false),
                    session_id = table.Column<long>(type: "bigint", nullable: true),
                    decision_id = table.Column<long>(type: "bigint", nullable: true),
                    decision_number = table.Column<string>(type: "text", nullable: true),
                    protocol = table.Column<byte[]>(type: "bytea", nullable: true),
                    log_index = table.Column<long>(type: "bigint", nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nominee_id = table.Column<int>(type: "integer", nullable: false),
                    criteria_id = table.Column<int>(type: "integer", nullable: false),
                    taken_on = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false)
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
                name: "signature_checks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    batch_id = table.Column<int>(type: "integer", nullable: false),
                    nominee_number = table.Column<int>(type: "integer", nullable: false),
                    sheet_id = table.Column<string>(type: "text", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    signer_iin = table.Column<long>(type: "bigint", nullable: true),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    tec = table.Column<string>(type: "text", nullable: true),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: true),
                    message_kk = table.Column<string>(type: "text", nullable: true),
                    message_ru = table.Column<string>(type: "text", nullable: true),
                    message_en = table.Column<string>(type: "text", nullable: true),
                    flags = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signature_checks", x => x.id);
                    table.ForeignKey(
                        name: "FK_signature_checks_signature_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "signature_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "verification_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    verification_id = table.Column<int>(type: "integer", nullable: false),
                    proxy_id = table.Column<long>(type: "bigint", nullable: true),
                    recipient = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    channel = table.Column<string>(type: "text", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_by = table.Column<string>(type: "text", nullable: false),
                    attended = table.Column<bool>(type: "boolean", nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    test_id = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    conclusion = table.Column<string>(type: "text", nullable: false)
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
                name: "language_errors",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    examination_id = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    length = table.Column<int>(type: "integer", nullable: false),
                    examiner = table.Column<string>(type: "text", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true)
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
                name: "IX_signature_batches_nominee_number",
                table: "signature_batches",
                column: "nominee_number");

            migrationBuilder.CreateIndex(
                name: "IX_signature_checks_batch_id",
                table: "signature_checks",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_signature_checks_nominee_signer",
                table: "signature_checks",
                columns: new[] { "nominee_number", "signer_iin" });

            migrationBuilder.CreateIndex(
                name: "ix_signature_checks_nominee_tec",
                table: "signature_checks",
                columns: new[] { "nominee_number", "tec" });

            migrationBuilder.CreateIndex(
                name: "ux_signature_checks_nominee_sheet_line",
                table: "signature_checks",
                columns: new[] { "nominee_number", "sheet_id", "line" },
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "death_records");

            migrationBuilder.DropTable(
                name: "language_errors");

            migrationBuilder.DropTable(
                name: "nomination_documents");

            migrationBuilder.DropTable(
                name: "nomination_files");

            migrationBuilder.DropTable(
                name: "proxies");

            migrationBuilder.DropTable(
                name: "registration_decisions");

            migrationBuilder.DropTable(
                name: "signature_checks");

            migrationBuilder.DropTable(
                name: "verification_notices");

            migrationBuilder.DropTable(
                name: "language_examinations");

            migrationBuilder.DropTable(
                name: "signature_batches");

            migrationBuilder.DropTable(
                name: "verification_sessions");

            migrationBuilder.DropTable(
                name: "language_tests");

            migrationBuilder.DropTable(
                name: "language_criteria");
        }
    }
}
