using System.Text;

namespace Ashyq.Core.Text;

/// <summary>
/// One line of a comma-separated file split into its fields (RFC 4180 within a line): a field that starts with a
/// double quote may hold commas, and "" in it is a quote. Shared by the files officials and monitors bring
/// (media items, signature sheets), whose rows are one line each.
/// </summary>
public static class CsvLine
{
    /// <summary>Fills <paramref name="fields"/> with the line's fields; false if a quoted field is not closed.</summary>
    public static bool Split(string line, List<string> fields)
    {
        fields.Clear();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (quoted && c == '"')
            {
                quoted = false;
            }
            else if (!quoted && c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (!quoted && c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return !quoted;
    }
}
