using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ashyq.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {


            // Received complaints, forwards, answers and decisions are never changed or deleted in the store itself.
            migrationBuilder.Sql("""
                CREATE FUNCTION complaint_rows_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'COMPLAINT.IMMUTABLE: a row of % cannot change or be deleted (id %)', TG_TABLE_NAME, OLD.id
                        USING ERRCODE = 'integrity_constraint_violation';
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_cases_immutable BEFORE UPDATE OR DELETE ON complaint_cases
                FOR EACH ROW EXECUTE FUNCTION complaint_rows_immutable();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_forwards_immutable BEFORE UPDATE OR DELETE ON complaint_forwards
                FOR EACH ROW EXECUTE FUNCTION complaint_rows_immutable();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_answers_immutable BEFORE UPDATE OR DELETE ON complaint_answers
                FOR EACH ROW EXECUTE FUNCTION complaint_rows_immutable();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_decisions_immutable BEFORE UPDATE OR DELETE ON complaint_decisions
                FOR EACH ROW EXECUTE FUNCTION complaint_rows_immutable();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER complaint_court_decisions_immutable BEFORE UPDATE OR DELETE ON complaint_court_decisions
                FOR EACH ROW EXECUTE FUNCTION complaint_rows_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_cases_immutable ON complaint_cases;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_forwards_immutable ON complaint_forwards;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_answers_immutable ON complaint_answers;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_decisions_immutable ON complaint_decisions;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_court_decisions_immutable ON complaint_court_decisions;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS complaint_rows_immutable();");


        }
    }
}
