using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditEventCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "disposition",
                table: "audit_events",
                type: "text",
                nullable: false,
                defaultValue: "success");

            migrationBuilder.AddColumn<long>(
                name: "start_event_id",
                table: "audit_events",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "disposition",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "start_event_id",
                table: "audit_events");
        }
    }
}
