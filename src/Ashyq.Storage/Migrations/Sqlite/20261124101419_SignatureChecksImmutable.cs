using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignatureChecksImmutable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A TEC's verification of a signature, and the batch it belongs to, never change once stored: the
            // verification protocol's counts per reason are read from them.
            migrationBuilder.Sql("""
                CREATE TRIGGER signature_checks_no_update BEFORE UPDATE ON signature_checks
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of signature_checks cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER signature_checks_no_delete BEFORE DELETE ON signature_checks
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of signature_checks cannot be deleted'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER signature_batches_no_update BEFORE UPDATE ON signature_batches
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of signature_batches cannot change'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER signature_batches_no_delete BEFORE DELETE ON signature_batches
                BEGIN SELECT RAISE(ABORT, 'RECORD.IMMUTABLE: a row of signature_batches cannot be deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS signature_checks_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS signature_checks_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS signature_batches_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS signature_batches_no_delete;");
        }
    }
}
