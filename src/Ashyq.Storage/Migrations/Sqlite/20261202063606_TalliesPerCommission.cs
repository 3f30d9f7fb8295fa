using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
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
                    commission_id = table.Column<int>(type: "INTEGER", nullable: false),
                    precincts = table.Column<int>(type: "INTEGER", nullable: false),
                    accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    totals = table.Column<string>(type: "TEXT", nullable: false)
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

            // The running totals kept: a commission's line totals gathered into one JSON array in the form's order.
            migrationBuilder.Sql("""
                INSERT INTO tallies (commission_id, precincts, accepted, totals)
                SELECT p.commission_id, p.precincts, p.accepted,
                       COALESCE((SELECT json_group_array(o.total) FROM (SELECT t.total FROM tally_totals t WHERE t.commission_id = p.commission_id ORDER BY t.line) o), '[]')
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
                    commission_id = table.Column<int>(type: "INTEGER", nullable: false),
                    accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    precincts = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.Sql("""
                INSERT INTO tally_progress (commission_id, precincts, accepted) SELECT commission_id, precincts, accepted FROM tallies;
                INSERT INTO tally_totals (commission_id, line, total)
                SELECT t.commission_id, CAST(j.key AS INTEGER), j.value FROM tallies t, json_each(t.totals) j;
                """);

            migrationBuilder.DropTable(
                name: "tallies");
        }
    }
}
