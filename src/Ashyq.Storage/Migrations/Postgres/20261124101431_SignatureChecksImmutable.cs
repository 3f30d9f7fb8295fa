using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignatureChecksImmutable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A TEC's verification of a signature, and the batch it belongs to, never change once stored: the
            // verification protocol's counts per reason are read from them.
            migrationBuilder.Sql("CREATE TRIGGER signature_checks_immutable BEFORE UPDATE OR DELETE ON signature_checks FOR EACH ROW EXECUTE FUNCTION immutable_rows();");
            migrationBuilder.Sql("CREATE TRIGGER signature_batches_immutable BEFORE UPDATE OR DELETE ON signature_batches FOR EACH ROW EXECUTE FUNCTION immutable_rows();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS signature_checks_immutable ON signature_checks;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS signature_batches_immutable ON signature_batches;");
        }
    }
}
