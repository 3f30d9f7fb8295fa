using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
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
                    iin = table.Column<long>(type: "INTEGER", nullable: false),
                    died_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_death_records", x => x.iin);
                });

            migrationBuilder.CreateTable(
                name: "signature_batches",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    nominee_number = table.Column<int>(type: "INTEGER", nullable: false),
                    lines = table.Column<int>(type: "INTEGER", nullable: false),
                    valid = table.Column<int>(type: "INTEGER", nullable: false),
                    rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signature_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "signature_checks",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    batch_id = table.Column<int>(type: "INTEGER", nullable: false),
                    nominee_number = table.Column<int>(type: "INTEGER", nullable: false),
                    sheet_id = table.Column<string>(type: "TEXT", nullable: false),
                    line = table.Column<int>(type: "INTEGER", nullable: false),
                    signer_iin = table.Column<long>(type: "INTEGER", nullable: true),
                    signed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    tec = table.Column<string>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", nullable: true),
                    message_kk = table.Column<string>(type: "TEXT", nullable: true),
                    message_ru = table.Column<string>(type: "TEXT", nullable: true),
                    message_en = table.Column<string>(type: "TEXT", nullable: true),
                    flags = table.Column<string>(type: "TEXT", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "death_records");

            migrationBuilder.DropTable(
                name: "signature_checks");

            migrationBuilder.DropTable(
                name: "signature_batches");
        }
    }
}
