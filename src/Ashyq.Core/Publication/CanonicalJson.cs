using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ashyq.Core.Publication;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): object members sorted by their names' UTF-16 code units, no
/// insignificant whitespace, strings with the minimal escapes, numbers as ECMAScript writes them. Every
/// implementation hashes the same bytes for the same record. Written here because no package on the registry
/// this project uses implements it for System.Text.Json.
/// </summary>
public static class CanonicalJson
{
    public static byte[] Serialize(JsonNode? node) => Encoding.UTF8.GetBytes(ToText(node));

    public static byte[] Serialize<T>(T value, JsonSerializerOptions options) =>
        Serialize(JsonSerializer.SerializeToNode(value, options));

    public static string ToText(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(name, sb);
                    sb.Append(':');
                    Write(value, sb);
                }

                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(array[i], sb);
                }

                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(value, sb);
                break;
        }
    }

    private static void WriteValue(JsonValue value, StringBuilder sb)
    {
        var element = value.TryGetValue<JsonElement>(out var backing) ? backing : JsonSerializer.SerializeToElement(value);
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                WriteString(element.GetString()!, sb);
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null:
                sb.Append("null");
                break;
            case JsonValueKind.Number:
                sb.Append(element.TryGetInt64(out var whole) && Math.Abs(whole) <= (1L << 53) ? whole.ToString(CultureInfo.InvariantCulture) : Number(element.GetDouble()));
                break;
            default:
                throw new InvalidOperationException($"Cannot canonicalize a {element.ValueKind}.");
        }
    }

    /// <summary>A double as ECMAScript's Number.prototype.toString writes it (RFC 8785 §3.2.2.3).</summary>
    internal static string Number(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            throw new InvalidOperationException("NaN and infinities have no JSON form.");
        }

        if (d == 0)
        {
            return "0";
        }

        var shortest = d.ToString("R", CultureInfo.InvariantCulture);

        // Decompose the shortest round-trip form into its digits and decimal exponent.
        var negative = shortest.StartsWith('-');
        var text = negative ? shortest[1..] : shortest;
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var exponent = exponentAt >= 0 ? int.Parse(text[(exponentAt + 1)..], CultureInfo.InvariantCulture) : 0;
        var mantissa = exponentAt >= 0 ? text[..exponentAt] : text;
        var point = mantissa.IndexOf('.');
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var n = (point >= 0 ? point : mantissa.Length) + exponent; // position of the decimal point
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        n -= leading;
        var k = digits.Length;

        string result;
        if (k <= n && n <= 21)
        {
            result = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            result = "0." + new string('0', -n) + digits;
        }
        else
        {
            var e = n - 1;
            var sign = e < 0 ? "-" : "+";
            result = (k == 1 ? digits : digits[0] + "." + digits[1..]) + "e" + sign + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        }

        return negative ? "-" + result : result;
    }

    private static void WriteString(string s, StringBuilder sb)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
