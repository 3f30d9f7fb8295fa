using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ashyq.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QuickCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "media_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by = table.Column<string>(type: "text", nullable: false),
                    items = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_media_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "media_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    import_id = table.Column<int>(type: "integer", nullable: false),
                    outlet = table.Column<string>(type: "text", nullable: false),
                    outlet_kind = table.Column<string>(type: "text", nullable: false),
                    aired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    programme = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    candidate_code = table.Column<string>(type: "text", nullable: true),
                    amount = table.Column<int>(type: "integer", nullable: false),
                    tone = table.Column<string>(type: "text", nullable: false),
                    monitor = table.Column<string>(type: "text", nullable: false)
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

            // The quick count's sample and its reports are never rewritten: a correction is a later report.
            migrationBuilder.Sql("CREATE TRIGGER quick_count_samples_immutable BEFORE UPDATE OR DELETE ON quick_count_samples FOR EACH ROW EXECUTE FUNCTION immutable_rows();");
            migrationBuilder.Sql("CREATE TRIGGER quick_count_strata_immutable BEFORE UPDATE OR DELETE ON quick_count_strata FOR EACH ROW EXECUTE FUNCTION immutable_rows();");
            migrationBuilder.Sql("CREATE TRIGGER quick_count_stations_immutable BEFORE UPDATE OR DELETE ON quick_count_stations FOR EACH ROW EXECUTE FUNCTION immutable_rows();");
            migrationBuilder.Sql("CREATE TRIGGER quick_count_reports_immutable BEFORE UPDATE OR DELETE ON quick_count_reports FOR EACH ROW EXECUTE FUNCTION immutable_rows();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_samples_immutable ON quick_count_samples;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_strata_immutable ON quick_count_strata;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_stations_immutable ON quick_count_stations;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_reports_immutable ON quick_count_reports;");

            migrationBuilder.DropTable(
                name: "media_items");

            migrationBuilder.DropTable(
                name: "media_imports");
        }
    }
}
