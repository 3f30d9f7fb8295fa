namespace Ashyq.Tests;

/// <summary>
/// What a test needs from the machine (a PostgreSQL server, Go). Run through <c>./test.sh</c>, which sets
/// <c>ASHYQ_TEST_STRICT=1</c>, a missing one fails the test: a skipped test there would be a guarantee left untested
/// while the run still printed a pass. Run from an IDE without the server, the test is skipped with the reason.
/// </summary>
internal static class Prerequisite
{
    public static bool Strict => Environment.GetEnvironmentVariable("ASHYQ_TEST_STRICT") == "1";

    public static void Missing(string why)
    {
        if (Strict)
        {
            Assert.Fail(why + " (ASHYQ_TEST_STRICT=1: under ./test.sh a missing prerequisite fails the run)");
        }

        Assert.Skip(why);
    }

    /// <summary>The PostgreSQL server's connection string, or the test fails (strict) or is skipped.</summary>
    public static string Postgres()
    {
        var server = Environment.GetEnvironmentVariable("ASHYQ_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            Missing("ASHYQ_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a PostgreSQL server.");
        }

        return server!;
    }
}
