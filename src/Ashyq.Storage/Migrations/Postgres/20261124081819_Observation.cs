using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ashyq.Storage.Migrations.Postgres
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
            migrationBuilder.Sql("CREATE TRIGGER observation_submissions_immutable BEFORE UPDATE OR DELETE ON observation_submissions FOR EACH ROW EXECUTE FUNCTION immutable_rows();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS observation_submissions_immutable ON observation_submissions;");

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
