using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Observation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "quick_count_samples",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    election_id = table.Column<int>(type: "INTEGER", nullable: false),
                    seed = table.Column<long>(type: "INTEGER", nullable: false),
                    size = table.Column<int>(type: "INTEGER", nullable: false),
                    drawn_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    drawn_by = table.Column<string>(type: "TEXT", nullable: false),
                    commitment = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "quick_count_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sample_id = table.Column<int>(type: "INTEGER", nullable: false),
                    precinct_id = table.Column<int>(type: "INTEGER", nullable: false),
                    line = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<long>(type: "INTEGER", nullable: false),
                    reporter = table.Column<string>(type: "TEXT", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sample_id = table.Column<int>(type: "INTEGER", nullable: false),
                    precinct_id = table.Column<int>(type: "INTEGER", nullable: false),
                    region = table.Column<string>(type: "TEXT", nullable: false),
                    settlement = table.Column<string>(type: "TEXT", nullable: false),
                    list_size = table.Column<long>(type: "INTEGER", nullable: false)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sample_id = table.Column<int>(type: "INTEGER", nullable: false),
                    region = table.Column<string>(type: "TEXT", nullable: false),
                    settlement = table.Column<string>(type: "TEXT", nullable: false),
                    stations = table.Column<int>(type: "INTEGER", nullable: false),
                    sampled = table.Column<int>(type: "INTEGER", nullable: false)
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

            // Observers' submissions are kept as received: never rewritten, never deleted.
            migrationBuilder.Sql("""
                CREATE TRIGGER observation_submissions_no_update BEFORE UPDATE ON observation_submissions
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of observation_submissions cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER observation_submissions_no_delete BEFORE DELETE ON observation_submissions
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of observation_submissions cannot be deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS observation_submissions_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS observation_submissions_no_delete;");

            migrationBuilder.DropTable(
                name: "quick_count_reports");

            migrationBuilder.DropTable(
                name: "quick_count_stations");

            migrationBuilder.DropTable(
                name: "quick_count_strata");

            migrationBuilder.DropTable(
                name: "quick_count_samples");
        }
    }
}
