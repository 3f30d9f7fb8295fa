using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "elections",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    definition_id = table.Column<string>(type: "TEXT", nullable: false),
                    name_kk = table.Column<string>(type: "TEXT", nullable: false),
                    name_ru = table.Column<string>(type: "TEXT", nullable: false),
                    name_en = table.Column<string>(type: "TEXT", nullable: false),
                    definition_json = table.Column<string>(type: "TEXT", nullable: false),
                    seed = table.Column<long>(type: "INTEGER", nullable: false),
                    scale = table.Column<double>(type: "REAL", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    complete = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_elections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commissions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    election_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", nullable: false),
                    level = table.Column<string>(type: "TEXT", nullable: false),
                    parent_id = table.Column<int>(type: "INTEGER", nullable: true),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    name_kk = table.Column<string>(type: "TEXT", nullable: false),
                    name_ru = table.Column<string>(type: "TEXT", nullable: false),
                    name_en = table.Column<string>(type: "TEXT", nullable: false),
                    address = table.Column<string>(type: "TEXT", nullable: false),
                    special_kind = table.Column<string>(type: "TEXT", nullable: true)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    election_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    name_kk = table.Column<string>(type: "TEXT", nullable: false),
                    name_ru = table.Column<string>(type: "TEXT", nullable: false),
                    name_en = table.Column<string>(type: "TEXT", nullable: false),
                    nominated_by = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    candidate_code = table.Column<string>(type: "TEXT", nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", nullable: true)
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
                name: "members",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    commission_id = table.Column<int>(type: "INTEGER", nullable: false),
                    iin = table.Column<long>(type: "INTEGER", nullable: false),
                    full_name = table.Column<string>(type: "TEXT", nullable: false),
                    gender = table.Column<int>(type: "INTEGER", nullable: false),
                    ethnicity = table.Column<string>(type: "TEXT", nullable: false),
                    nominated_by = table.Column<string>(type: "TEXT", nullable: false),
                    appointed_by = table.Column<string>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", nullable: false),
                    is_voting = table.Column<bool>(type: "INTEGER", nullable: false),
                    term_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    term_end = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                name: "voters",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    iin = table.Column<long>(type: "INTEGER", nullable: false),
                    surname = table.Column<string>(type: "TEXT", nullable: false),
                    given_name = table.Column<string>(type: "TEXT", nullable: false),
                    patronymic = table.Column<string>(type: "TEXT", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    gender = table.Column<int>(type: "INTEGER", nullable: false),
                    precinct_id = table.Column<int>(type: "INTEGER", nullable: false),
                    address = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "IX_elections_definition_id",
                table: "elections",
                column: "definition_id");

            migrationBuilder.CreateIndex(
                name: "IX_members_commission_id",
                table: "members",
                column: "commission_id");

            migrationBuilder.CreateIndex(
                name: "IX_nominees_election_id",
                table: "nominees",
                column: "election_id");

            migrationBuilder.CreateIndex(
                name: "ix_voters_precinct_id",
                table: "voters",
                column: "precinct_id");

            migrationBuilder.CreateIndex(
                name: "ux_voters_iin",
                table: "voters",
                column: "iin",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "nominees");

            migrationBuilder.DropTable(
                name: "voters");

            migrationBuilder.DropTable(
                name: "commissions");

            migrationBuilder.DropTable(
                name: "elections");
        }
    }
}
