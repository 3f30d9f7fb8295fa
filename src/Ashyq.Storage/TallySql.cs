using System.Globalization;
using System.Text;

namespace Ashyq.Storage;

/// <summary>
/// The SQL of the running totals, one row per commission with its totals as an array: a bigint[] on PostgreSQL
/// (indexed from 1), a JSON array on SQLite (indexed from 0), each changed in place by the database.
/// </summary>
internal static class TallySql
{
    /// <summary>The literal of <paramref name="lines"/> zero totals, as the column takes it.</summary>
    public static string Zeros(StoreKind kind, int lines)
    {
        var zeros = string.Join(",", Enumerable.Repeat("0", lines));
        // No braces: the SQL goes through ExecuteSqlRaw, which reads them as placeholders.
        return kind == StoreKind.Postgres ? $"ARRAY[{zeros}]::bigint[]" : $"'[{zeros}]'";
    }

    /// <summary>
    /// An UPDATE adding <paramref name="delta"/> to the totals of <paramref name="commissions"/> (only the lines that
    /// change), and one accepted precinct if the version is a precinct's first; null when it changes nothing.
    /// </summary>
    public static string? Add(StoreKind kind, IReadOnlyList<int> commissions, long[] delta, bool countsAsNewPrecinct)
    {
        var changed = delta.Select((d, i) => (Delta: d, Line: i)).Where(x => x.Delta != 0).ToList();
        if (commissions.Count == 0 || (changed.Count == 0 && !countsAsNewPrecinct))
        {
            return null;
        }

        var set = new List<string>();
        if (changed.Count > 0)
        {
            if (kind == StoreKind.Postgres)
            {
                // Several elements of one array column may be assigned in one UPDATE.
                set.AddRange(changed.Select(x => string.Create(CultureInfo.InvariantCulture, $"totals[{x.Line + 1}] = totals[{x.Line + 1}] + {x.Delta}")));
            }
            else
            {
                var paths = new StringBuilder("totals = json_set(totals");
                foreach (var (d, line) in changed)
                {
                    paths.Append(CultureInfo.InvariantCulture, $", '$[{line}]', json_extract(totals, '$[{line}]') + {d}");
                }

                set.Add(paths.Append(')').ToString());
            }
        }

        if (countsAsNewPrecinct)
        {
            set.Add("accepted = accepted + 1");
        }

        return $"UPDATE tallies SET {string.Join(", ", set)} WHERE commission_id IN ({string.Join(", ", commissions)})";
    }
}
