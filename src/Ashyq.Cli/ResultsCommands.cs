using System.CommandLine;

namespace Ashyq.Cli;

/// <summary>The <c>ashyq results …</c> commands: importing published results, and more as the results chain grows.</summary>
internal static class ResultsCommands
{
    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        _ = (db, output, error);
        return new Command("results", "Precinct results protocols: import published results");
    }
}
