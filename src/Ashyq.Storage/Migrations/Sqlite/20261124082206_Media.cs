using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Media : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "media_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    source = table.Column<string>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", nullable: false),
                    items = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_media_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "media_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    import_id = table.Column<int>(type: "INTEGER", nullable: false),
                    outlet = table.Column<string>(type: "TEXT", nullable: false),
                    outlet_kind = table.Column<string>(type: "TEXT", nullable: false),
                    aired_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    programme = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", nullable: false),
                    candidate_code = table.Column<string>(type: "TEXT", nullable: true),
                    amount = table.Column<int>(type: "INTEGER", nullable: false),
                    tone = table.Column<string>(type: "TEXT", nullable: false),
                    monitor = table.Column<string>(type: "TEXT", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "media_items");

            migrationBuilder.DropTable(
                name: "media_imports");
        }
    }
}
