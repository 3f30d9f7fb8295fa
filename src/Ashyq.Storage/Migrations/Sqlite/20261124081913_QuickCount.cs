using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuickCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The quick count's sample and its reports are never rewritten: a correction is a later report.
            migrationBuilder.Sql("""
                CREATE TRIGGER quick_count_samples_no_update BEFORE UPDATE ON quick_count_samples
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of quick_count_samples cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER quick_count_samples_no_delete BEFORE DELETE ON quick_count_samples
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of quick_count_samples cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER quick_count_strata_no_update BEFORE UPDATE ON quick_count_strata
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of quick_count_strata cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER quick_count_strata_no_delete BEFORE DELETE ON quick_count_strata
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of quick_count_strata cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER quick_count_stations_no_update BEFORE UPDATE ON quick_count_stations
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of quick_count_stations cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER quick_count_stations_no_delete BEFORE DELETE ON quick_count_stations
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of quick_count_stations cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER quick_count_reports_no_update BEFORE UPDATE ON quick_count_reports
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of quick_count_reports cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER quick_count_reports_no_delete BEFORE DELETE ON quick_count_reports
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of quick_count_reports cannot be deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_samples_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_samples_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_strata_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_strata_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_stations_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_stations_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_reports_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS quick_count_reports_no_delete;");
        }
    }
}
