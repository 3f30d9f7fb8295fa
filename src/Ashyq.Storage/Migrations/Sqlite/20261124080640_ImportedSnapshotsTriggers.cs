using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportedSnapshotsTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rebuild of protocol_versions in ImportedSnapshots dropped its triggers: an accepted version is
            // immutable again, exactly as the Results migration made it.
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS protocol_versions_accepted_no_update BEFORE UPDATE ON protocol_versions
                WHEN OLD.state = 'Accepted'
                BEGIN SELECT RAISE(ABORT, 'VERSION.IMMUTABLE: an accepted protocol version cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS protocol_versions_accepted_no_delete BEFORE DELETE ON protocol_versions
                WHEN OLD.state = 'Accepted'
                BEGIN SELECT RAISE(ABORT, 'VERSION.IMMUTABLE: an accepted protocol version cannot be deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
