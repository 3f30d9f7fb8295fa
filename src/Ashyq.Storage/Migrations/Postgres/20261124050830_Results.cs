using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ashyq.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Results : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    snapshot = table.Column<string>(type: "text", nullable: false),
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
                name: "tally_progress",
                columns: table => new
                {
                    commission_id = table.Column<int>(type: "integer", nullable: false),
                    precincts = table.Column<int>(type: "integer", nullable: false),
                    accepted = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tally_progress", x => x.commission_id);
                    table.ForeignKey(
                        name: "FK_tally_progress_commissions_commission_id",
                        column: x => x.commission_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tally_totals",
                columns: table => new
                {
                    commission_id = table.Column<int>(type: "integer", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tally_totals", x => new { x.commission_id, x.line });
                    table.ForeignKey(
                        name: "FK_tally_totals_commissions_commission_id",
                        column: x => x.commission_id,
                        principalTable: "commissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateIndex(
                name: "IX_protocol_versions_state",
                table: "protocol_versions",
                column: "state");

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
        
            // An accepted protocol version never changes, whatever the code above the store does.
            migrationBuilder.Sql("""
                CREATE FUNCTION protocol_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD.state = 'Accepted' THEN
                        RAISE EXCEPTION 'VERSION.IMMUTABLE: an accepted protocol version cannot change (precinct %, version %)', OLD.precinct_id, OLD.number
                            USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    IF TG_OP = 'DELETE' THEN
                        RETURN OLD;
                    END IF;
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER protocol_versions_immutable BEFORE UPDATE OR DELETE ON protocol_versions
                FOR EACH ROW EXECUTE FUNCTION protocol_versions_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS protocol_versions_immutable ON protocol_versions;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS protocol_versions_immutable();");

            migrationBuilder.DropTable(
                name: "protocol_violations");

            migrationBuilder.DropTable(
                name: "tally_progress");

            migrationBuilder.DropTable(
                name: "tally_totals");

            migrationBuilder.DropTable(
                name: "protocol_versions");
        }
    }
}
