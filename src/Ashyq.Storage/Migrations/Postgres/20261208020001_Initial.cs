using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ashyq.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    commission_code = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    full_name = table.Column<string>(type: "text", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user = table.Column<string>(type: "text", nullable: false),
                    commission = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true),
                    disposition = table.Column<string>(type: "text", nullable: false, defaultValue: "success"),
                    start_event_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.id);
                });

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
                name: "elections",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    definition_id = table.Column<string>(type: "text", nullable: false),
                    name_kk = table.Column<string>(type: "text", nullable: false),
                    name_ru = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: false),
                    definition_json = table.Column<string>(type: "text", nullable: false),
                    seed = table.Column<long>(type: "bigint", nullable: false),
                    scale = table.Column<double>(type: "double precision", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    complete = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_elections", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "media_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by = table.Column<string>(type: "text", nullable: false),
                    items = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_media_imports", x => x.id);
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
                name: "register_duplicate_pairs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    a_key = table.Column<string>(type: "text", nullable: false),
                    b_key = table.Column<string>(type: "text", nullable: false),
                    a_iin = table.Column<long>(type: "bigint", nullable: false),
                    b_iin = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    evidence = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "text", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_register_duplicate_pairs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "register_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    unchanged = table.Column<long>(type: "bigint", nullable: false),
                    rejected_rows = table.Column<long>(type: "bigint", nullable: false),
                    rejected_by_code = table.Column<string>(type: "text", nullable: false),
                    register_count = table.Column<long>(type: "bigint", nullable: false),
                    complete = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_register_imports", x => x.id);
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
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "commissions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    election_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<string>(type: "text", nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name_kk = table.Column<string>(type: "text", nullable: false),
                    name_ru = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: false),
                    address = table.Column<string>(type: "text", nullable: false),
                    special_kind = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commissions", x => x.id);
                    table.ForeignKey(
                        name: "FK_commissions_commissions_parent_id",
                        column: x => x.parent_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_commissions_elections_election_id",
                        column: x => x.election_id,
                        principalTable: "elections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "nominees",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    election_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name_kk = table.Column<string>(type: "text", nullable: false),
                    name_ru = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: false),
                    nominated_by = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    candidate_code = table.Column<string>(type: "text", nullable: true),
                    refusal_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nominees", x => x.id);
                    table.ForeignKey(
                        name: "FK_nominees_elections_election_id",
                        column: x => x.election_id,
                        principalTable: "elections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quick_count_samples",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    election_id = table.Column<int>(type: "integer", nullable: false),
                    seed = table.Column<long>(type: "bigint", nullable: false),
                    size = table.Column<int>(type: "integer", nullable: false),
                    drawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    drawn_by = table.Column<string>(type: "text", nullable: false),
                    commitment = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quick_count_samples", x => x.id);
                    table.ForeignKey(
                        name: "FK_quick_count_samples_elections_election_id",
                        column: x => x.election_id,
                        principalTable: "elections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "media_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    import_id = table.Column<int>(type: "integer", nullable: false),
                    outlet = table.Column<string>(type: "text", nullable: false),
                    outlet_kind = table.Column<string>(type: "text", nullable: false),
                    aired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    programme = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    candidate_code = table.Column<string>(type: "text", nullable: true),
                    amount = table.Column<int>(type: "integer", nullable: false),
                    tone = table.Column<string>(type: "text", nullable: false),
                    monitor = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_media_items", x => x.id);
                    table.ForeignKey(
                        name: "FK_media_items_media_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "media_imports",
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
                name: "members",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    commission_id = table.Column<int>(type: "integer", nullable: false),
                    iin = table.Column<long>(type: "bigint", nullable: false),
                    full_name = table.Column<string>(type: "text", nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    ethnicity = table.Column<string>(type: "text", nullable: false),
                    nominated_by = table.Column<string>(type: "text", nullable: false),
                    appointed_by = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    is_voting = table.Column<bool>(type: "boolean", nullable: false),
                    term_start = table.Column<DateOnly>(type: "date", nullable: false),
                    term_end = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members", x => x.id);
                    table.ForeignKey(
                        name: "FK_members_commissions_commission_id",
                        column: x => x.commission_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "protocol_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    precinct_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    values = table.Column<string>(type: "text", nullable: true),
                    snapshot = table.Column<string>(type: "text", nullable: true),
                    entered_elsewhere = table.Column<bool>(type: "boolean", nullable: false),
                    correction_decision = table.Column<string>(type: "text", nullable: true),
                    accepted_by = table.Column<string>(type: "text", nullable: true),
                    accepted_by_commission = table.Column<string>(type: "text", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocol_versions", x => x.id);
                    table.ForeignKey(
                        name: "FK_protocol_versions_commissions_precinct_id",
                        column: x => x.precinct_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "register_transfers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    iin = table.Column<long>(type: "bigint", nullable: false),
                    from_precinct_id = table.Column<int>(type: "integer", nullable: false),
                    to_precinct_id = table.Column<int>(type: "integer", nullable: false),
                    on_date = table.Column<DateOnly>(type: "date", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_register_transfers", x => x.id);
                    table.ForeignKey(
                        name: "FK_register_transfers_commissions_from_precinct_id",
                        column: x => x.from_precinct_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_register_transfers_commissions_to_precinct_id",
                        column: x => x.to_precinct_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    commission_id = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    agenda = table.Column<string>(type: "text", nullable: false),
                    present = table.Column<string>(type: "text", nullable: false),
                    observers = table.Column<string>(type: "text", nullable: false),
                    media = table.Column<string>(type: "text", nullable: false),
                    opened_by = table.Column<string>(type: "text", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "tallies",
                columns: table => new
                {
                    commission_id = table.Column<int>(type: "integer", nullable: false),
                    precincts = table.Column<int>(type: "integer", nullable: false),
                    accepted = table.Column<int>(type: "integer", nullable: false),
                    totals = table.Column<long[]>(type: "bigint[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tallies", x => x.commission_id);
                    table.ForeignKey(
                        name: "FK_tallies_commissions_commission_id",
                        column: x => x.commission_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voters",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    iin = table.Column<long>(type: "bigint", nullable: false),
                    surname = table.Column<string>(type: "text", nullable: false),
                    given_name = table.Column<string>(type: "text", nullable: false),
                    patronymic = table.Column<string>(type: "text", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    precinct_id = table.Column<int>(type: "integer", nullable: false),
                    address = table.Column<string>(type: "text", nullable: false),
                    source_id = table.Column<string>(type: "text", nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voters", x => x.id);
                    table.ForeignKey(
                        name: "FK_voters_commissions_precinct_id",
                        column: x => x.precinct_id,
                        principalTable: "commissions",
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
                name: "quick_count_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sample_id = table.Column<int>(type: "integer", nullable: false),
                    precinct_id = table.Column<int>(type: "integer", nullable: false),
                    line = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false),
                    reporter = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quick_count_reports", x => x.id);
                    table.ForeignKey(
                        name: "FK_quick_count_reports_commissions_precinct_id",
                        column: x => x.precinct_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_quick_count_reports_quick_count_samples_sample_id",
                        column: x => x.sample_id,
                        principalTable: "quick_count_samples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quick_count_stations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sample_id = table.Column<int>(type: "integer", nullable: false),
                    precinct_id = table.Column<int>(type: "integer", nullable: false),
                    region = table.Column<string>(type: "text", nullable: false),
                    settlement = table.Column<string>(type: "text", nullable: false),
                    list_size = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quick_count_stations", x => x.id);
                    table.ForeignKey(
                        name: "FK_quick_count_stations_commissions_precinct_id",
                        column: x => x.precinct_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_quick_count_stations_quick_count_samples_sample_id",
                        column: x => x.sample_id,
                        principalTable: "quick_count_samples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quick_count_strata",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sample_id = table.Column<int>(type: "integer", nullable: false),
                    region = table.Column<string>(type: "text", nullable: false),
                    settlement = table.Column<string>(type: "text", nullable: false),
                    stations = table.Column<int>(type: "integer", nullable: false),
                    sampled = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quick_count_strata", x => x.id);
                    table.ForeignKey(
                        name: "FK_quick_count_strata_quick_count_samples_sample_id",
                        column: x => x.sample_id,
                        principalTable: "quick_count_samples",
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
                name: "protocol_violations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    version_id = table.Column<long>(type: "bigint", nullable: false),
                    relation_code = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocol_violations", x => x.id);
                    table.ForeignKey(
                        name: "FK_protocol_violations_protocol_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "protocol_versions",
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
                name: "decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    session_id = table.Column<long>(type: "bigint", nullable: false),
                    commission_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    adopted = table.Column<bool>(type: "boolean", nullable: false),
                    votes = table.Column<string>(type: "text", nullable: false),
                    consultative_present = table.Column<string>(type: "text", nullable: false),
                    dissenting_opinions = table.Column<string>(type: "text", nullable: false),
                    total_membership = table.Column<int>(type: "integer", nullable: false),
                    present = table.Column<int>(type: "integer", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_role_id",
                table: "AspNetRoleClaims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_user_id",
                table: "AspNetUserClaims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_user_id",
                table: "AspNetUserLogins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_role_id",
                table: "AspNetUserRoles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_commission_code",
                table: "AspNetUsers",
                column: "commission_code");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_at",
                table: "audit_events",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_subject",
                table: "audit_events",
                column: "subject");

            migrationBuilder.CreateIndex(
                name: "IX_commissions_election_id_code",
                table: "commissions",
                columns: new[] { "election_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_commissions_election_id_level",
                table: "commissions",
                columns: new[] { "election_id", "level" });

            migrationBuilder.CreateIndex(
                name: "IX_commissions_parent_id",
                table: "commissions",
                column: "parent_id");

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
                name: "IX_decisions_commission_id_number",
                table: "decisions",
                columns: new[] { "commission_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_session_id",
                table: "decisions",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "IX_elections_definition_id",
                table: "elections",
                column: "definition_id");

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
                name: "IX_log_entries_kind_subject_version",
                table: "log_entries",
                columns: new[] { "kind", "subject", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_media_imports_sha256",
                table: "media_imports",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "IX_media_items_import_id",
                table: "media_items",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "IX_media_items_outlet_aired_at",
                table: "media_items",
                columns: new[] { "outlet", "aired_at" });

            migrationBuilder.CreateIndex(
                name: "IX_members_commission_id",
                table: "members",
                column: "commission_id");

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
                name: "IX_nominees_election_id",
                table: "nominees",
                column: "election_id");

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
                name: "ux_protocol_versions_precinct_number",
                table: "protocol_versions",
                columns: new[] { "precinct_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_protocol_violations_relation_code",
                table: "protocol_violations",
                column: "relation_code");

            migrationBuilder.CreateIndex(
                name: "IX_protocol_violations_version_id",
                table: "protocol_violations",
                column: "version_id");

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
                name: "IX_quick_count_reports_precinct_id",
                table: "quick_count_reports",
                column: "precinct_id");

            migrationBuilder.CreateIndex(
                name: "ix_quick_count_reports_sample_precinct_line",
                table: "quick_count_reports",
                columns: new[] { "sample_id", "precinct_id", "line" });

            migrationBuilder.CreateIndex(
                name: "ux_quick_count_samples_election",
                table: "quick_count_samples",
                column: "election_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quick_count_stations_precinct_id",
                table: "quick_count_stations",
                column: "precinct_id");

            migrationBuilder.CreateIndex(
                name: "ux_quick_count_stations_sample_precinct",
                table: "quick_count_stations",
                columns: new[] { "sample_id", "precinct_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_quick_count_strata_sample_stratum",
                table: "quick_count_strata",
                columns: new[] { "sample_id", "region", "settlement" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_register_duplicate_pairs_status",
                table: "register_duplicate_pairs",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ux_register_duplicate_pairs_a_b",
                table: "register_duplicate_pairs",
                columns: new[] { "a_key", "b_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_register_imports_sha256",
                table: "register_imports",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "IX_register_transfers_from_precinct_id",
                table: "register_transfers",
                column: "from_precinct_id");

            migrationBuilder.CreateIndex(
                name: "IX_register_transfers_to_precinct_id",
                table: "register_transfers",
                column: "to_precinct_id");

            migrationBuilder.CreateIndex(
                name: "ux_register_transfers_iin",
                table: "register_transfers",
                column: "iin",
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
                name: "IX_sessions_commission_id",
                table: "sessions",
                column: "commission_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_voters_precinct_id",
                table: "voters",
                column: "precinct_id");

            migrationBuilder.CreateIndex(
                name: "ux_voters_iin",
                table: "voters",
                column: "iin",
                unique: true);

            // The triggers and functions each table's configuration declares (StoreTriggers, ADR 0007).
            migrationBuilder.InstallStoreTriggers(TargetModel);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RemoveStoreTriggers(TargetModel);

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "complaint_answers");

            migrationBuilder.DropTable(
                name: "complaint_court_decisions");

            migrationBuilder.DropTable(
                name: "complaint_decisions");

            migrationBuilder.DropTable(
                name: "complaint_forwards");

            migrationBuilder.DropTable(
                name: "death_records");

            migrationBuilder.DropTable(
                name: "language_errors");

            migrationBuilder.DropTable(
                name: "log_entries");

            migrationBuilder.DropTable(
                name: "media_items");

            migrationBuilder.DropTable(
                name: "members");

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
                name: "protocol_violations");

            migrationBuilder.DropTable(
                name: "proxies");

            migrationBuilder.DropTable(
                name: "quick_count_reports");

            migrationBuilder.DropTable(
                name: "quick_count_stations");

            migrationBuilder.DropTable(
                name: "quick_count_strata");

            migrationBuilder.DropTable(
                name: "register_duplicate_pairs");

            migrationBuilder.DropTable(
                name: "register_imports");

            migrationBuilder.DropTable(
                name: "register_transfers");

            migrationBuilder.DropTable(
                name: "registration_decisions");

            migrationBuilder.DropTable(
                name: "signature_checks");

            migrationBuilder.DropTable(
                name: "tallies");

            migrationBuilder.DropTable(
                name: "verification_notices");

            migrationBuilder.DropTable(
                name: "voters");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "complaint_hearings");

            migrationBuilder.DropTable(
                name: "language_examinations");

            migrationBuilder.DropTable(
                name: "media_imports");

            migrationBuilder.DropTable(
                name: "observer_teams");

            migrationBuilder.DropTable(
                name: "observers");

            migrationBuilder.DropTable(
                name: "protocol_versions");

            migrationBuilder.DropTable(
                name: "quick_count_samples");

            migrationBuilder.DropTable(
                name: "signature_batches");

            migrationBuilder.DropTable(
                name: "verification_sessions");

            migrationBuilder.DropTable(
                name: "complaint_cases");

            migrationBuilder.DropTable(
                name: "language_tests");

            migrationBuilder.DropTable(
                name: "observer_organizations");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "language_criteria");

            migrationBuilder.DropTable(
                name: "nominees");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "commissions");

            migrationBuilder.DropTable(
                name: "elections");
        }
    }
}
