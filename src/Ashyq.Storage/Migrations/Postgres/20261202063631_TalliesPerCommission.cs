using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TalliesPerCommission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            // The running totals kept: a commission's line totals gathered into one array in the form's order.
            migrationBuilder.Sql("""
                INSERT INTO tallies (commission_id, precincts, accepted, totals)
                SELECT p.commission_id, p.precincts, p.accepted,
                       COALESCE((SELECT array_agg(t.total ORDER BY t.line) FROM tally_totals t WHERE t.commission_id = p.commission_id), '{}')
                FROM tally_progress p
                """);

            migrationBuilder.DropTable(
                name: "tally_progress");

            migrationBuilder.DropTable(
                name: "tally_totals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tally_progress",
                columns: table => new
                {
                    commission_id = table.Column<int>(type: "integer", nullable: false),
                    accepted = table.Column<int>(type: "integer", nullable: false),
                    precincts = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.Sql("""
                INSERT INTO tally_progress (commission_id, precincts, accepted) SELECT commission_id, precincts, accepted FROM tallies;
                INSERT INTO tally_totals (commission_id, line, total)
                SELECT t.commission_id, (u.ordinality - 1)::integer, u.total FROM tallies t, unnest(t.totals) WITH ORDINALITY AS u(total, ordinality);
                """);

            migrationBuilder.DropTable(
                name: "tallies");
        }
    }
}
