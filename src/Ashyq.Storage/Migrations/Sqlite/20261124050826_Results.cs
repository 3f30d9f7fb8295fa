using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    precinct_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    values = table.Column<string>(type: "TEXT", nullable: true),
                    snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    entered_elsewhere = table.Column<bool>(type: "INTEGER", nullable: false),
                    correction_decision = table.Column<string>(type: "TEXT", nullable: true),
                    accepted_by = table.Column<string>(type: "TEXT", nullable: true),
                    accepted_by_commission = table.Column<string>(type: "TEXT", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
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
                    commission_id = table.Column<int>(type: "INTEGER", nullable: false),
                    precincts = table.Column<int>(type: "INTEGER", nullable: false),
                    accepted = table.Column<int>(type: "INTEGER", nullable: false)
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
                    commission_id = table.Column<int>(type: "INTEGER", nullable: false),
                    line = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    version_id = table.Column<long>(type: "INTEGER", nullable: false),
                    relation_code = table.Column<string>(type: "TEXT", nullable: false)
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
                CREATE TRIGGER protocol_versions_accepted_no_update BEFORE UPDATE ON protocol_versions
                WHEN OLD.state = 'Accepted'
                BEGIN SELECT RAISE(ABORT, 'VERSION.IMMUTABLE: an accepted protocol version cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER protocol_versions_accepted_no_delete BEFORE DELETE ON protocol_versions
                WHEN OLD.state = 'Accepted'
                BEGIN SELECT RAISE(ABORT, 'VERSION.IMMUTABLE: an accepted protocol version cannot be deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS protocol_versions_accepted_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS protocol_versions_accepted_no_delete;");

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
