using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Register : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "registered_on",
                table: "voters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source_id",
                table: "voters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "register_duplicate_pairs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    a_key = table.Column<string>(type: "TEXT", nullable: false),
                    b_key = table.Column<string>(type: "TEXT", nullable: false),
                    a_iin = table.Column<long>(type: "INTEGER", nullable: false),
                    b_iin = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    evidence = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    found_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_register_duplicate_pairs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "register_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    file_name = table.Column<string>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    rows = table.Column<long>(type: "INTEGER", nullable: false),
                    accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<long>(type: "INTEGER", nullable: false),
                    rejected_rows = table.Column<long>(type: "INTEGER", nullable: false),
                    rejected_by_code = table.Column<string>(type: "TEXT", nullable: false),
                    register_count = table.Column<long>(type: "INTEGER", nullable: false),
                    complete = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_register_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "register_transfers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    iin = table.Column<long>(type: "INTEGER", nullable: false),
                    from_precinct_id = table.Column<int>(type: "INTEGER", nullable: false),
                    to_precinct_id = table.Column<int>(type: "INTEGER", nullable: false),
                    on_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "register_duplicate_pairs");

            migrationBuilder.DropTable(
                name: "register_imports");

            migrationBuilder.DropTable(
                name: "register_transfers");

            migrationBuilder.DropColumn(
                name: "registered_on",
                table: "voters");

            migrationBuilder.DropColumn(
                name: "source_id",
                table: "voters");
        }
    }
}
