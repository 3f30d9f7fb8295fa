using System.Globalization;

namespace Ashyq.Core.Results.Expressions;

/// <summary>
/// A small recursive-descent parser (hand-written: the grammar is a dozen rules, and its errors must name the
/// position in the definition's own words, which a combinator library would not make simpler).
/// <code>
/// relation   := or
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not" not | comparison
/// comparison := additive (("==" | "!=" | "&lt;=" | "&gt;=" | "&lt;" | "&gt;") additive)?
/// additive   := term (("+" | "-") term)*
/// term       := unary (("*" | "/" | "%") unary)*
/// unary      := "-" unary | primary
/// primary    := number | line-code | function "(" argument ("," argument)* ")" | "(" or ")"
/// function   := "sum" | "max" | "min";  argument := line-code | group
/// </code>
/// </summary>
internal sealed class Parser(
    string text,
    IReadOnlyDictionary<string, int> lineIndex,
    IReadOnlyDictionary<string, int[]> groups)
{
    private static readonly string[] Functions = ["sum", "max", "min"];
    private int _pos;

    public List<string> Errors { get; } = [];

    public List<string> Referenced { get; } = [];

    public Node? ParseRelation()
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Errors.Add("the relation is empty");
            return null;
        }

        var node = ParseOr();
        SkipSpace();
        if (node is not null && _pos < text.Length)
        {
            Fail($"unexpected \"{text[_pos..]}\"");
            return null;
        }

        if (node is not null && node.Kind != ValueKind.Truth)
        {
            Errors.Add("the relation computes a number; it must compare (==, !=, <=, >=, <, >)");
            return null;
        }

        return node;
    }

    private Node? ParseOr()
    {
        var left = ParseAnd();
        while (left is not null && TryWord("or"))
        {
            var right = ParseAnd();
            if (right is null)
            {
                return null;
            }

            left = Truths("or", left, right);
        }

        return left;
    }

    private Node? ParseAnd()
    {
        var left = ParseNot();
        while (left is not null && TryWord("and"))
        {
            var right = ParseNot();
            if (right is null)
            {
                return null;
            }

            left = Truths("and", left, right);
        }

        return left;
    }

    private Node? ParseNot()
    {
        var start = _pos;
        if (TryWord("not"))
        {
            var operand = ParseNot();
            if (operand is null)
            {
                return null;
            }

            if (operand.Kind != ValueKind.Truth)
            {
                Fail("\"not\" needs a comparison after it", start);
                return null;
            }

            return new Negation(operand);
        }

        return ParseComparison();
    }

    private Node? ParseComparison()
    {
        var left = ParseAdditive();
        if (left is null)
        {
            return null;
        }

        SkipSpace();
        var start = _pos;
        foreach (var op in (string[])["==", "!=", "<=", ">=", "<", ">"])
        {
            if (string.CompareOrdinal(text, _pos, op, 0, op.Length) == 0)
            {
                _pos += op.Length;
                var right = ParseAdditive();
                if (right is null)
                {
                    return null;
                }

                if (left.Kind != ValueKind.Number || right.Kind != ValueKind.Number)
                {
                    Fail($"\"{op}\" compares numbers, not comparisons", start);
                    return null;
                }

                return new Comparison(op, left, right);
            }
        }

        if (_pos < text.Length && text[_pos] == '=')
        {
            Fail("\"=\" is not an operator; write \"==\" to require equality");
            return null;
        }

        return left;
    }

    private Node? ParseAdditive()
    {
        var left = ParseTerm();
        while (left is not null)
        {
            SkipSpace();
            if (_pos >= text.Length || (text[_pos] != '+' && text[_pos] != '-'))
            {
                break;
            }

            var op = text[_pos++];
            var right = ParseTerm();
            if (right is null)
            {
                return null;
            }

            left = Numbers(op, left, right);
        }

        return left;
    }

    private Node? ParseTerm()
    {
        var left = ParseUnary();
        while (left is not null)
        {
            SkipSpace();
            if (_pos >= text.Length || (text[_pos] != '*' && text[_pos] != '/' && text[_pos] != '%'))
            {
                break;
            }

            var op = text[_pos++];
            var right = ParseUnary();
            if (right is null)
            {
                return null;
            }

            left = Numbers(op, left, right);
        }

        return left;
    }

    private Node? ParseUnary()
    {
        SkipSpace();
        if (_pos < text.Length && text[_pos] == '-')
        {
            _pos++;
            var operand = ParseUnary();
            if (operand is null)
            {
                return null;
            }

            if (operand.Kind != ValueKind.Number)
            {
                Fail("\"-\" needs a number");
                return null;
            }

            return new Negation(operand);
        }

        return ParsePrimary();
    }

    private Node? ParsePrimary()
    {
        SkipSpace();
        if (_pos >= text.Length)
        {
            Fail("the relation ends where a number, a line code or \"(\" was expected");
            return null;
        }

        var start = _pos;
        var c = text[_pos];
        if (char.IsAsciiDigit(c))
        {
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                _pos++;
            }

            if (!long.TryParse(text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                Fail("the number is too large", start);
                return null;
            }

            return new Constant(value);
        }

        if (c == '(')
        {
            _pos++;
            var inner = ParseOr();
            if (inner is null)
            {
                return null;
            }

            SkipSpace();
            if (_pos >= text.Length || text[_pos] != ')')
            {
                Fail("\")\" expected");
                return null;
            }

            _pos++;
            return inner;
        }

        if (IsNameStart(c))
        {
            var name = ReadName();
            SkipSpace();
            if (_pos < text.Length && text[_pos] == '(')
            {
                return ParseFunction(name, start);
            }

            if (lineIndex.TryGetValue(name, out var index))
            {
                Reference(name);
                return new LineValue(index);
            }

            if (groups.ContainsKey(name))
            {
                Fail($"\"{name}\" is a group of lines; use it inside sum(), max() or min()", start);
                return null;
            }

            Fail($"unknown line code \"{name}\"", start);
            return null;
        }

        Fail($"unexpected \"{c}\"");
        return null;
    }

    private Node? ParseFunction(string name, int start)
    {
        if (!Functions.Contains(name))
        {
            Fail($"unknown function \"{name}\" (known: sum, max, min)", start);
            return null;
        }

        _pos++; // (
        var indexes = new List<int>();
        while (true)
        {
            SkipSpace();
            var argStart = _pos;
            if (_pos >= text.Length || !IsNameStart(text[_pos]))
            {
                Fail($"{name}() takes line codes or groups of lines");
                return null;
            }

            var arg = ReadName();
            if (lineIndex.TryGetValue(arg, out var index))
            {
                Reference(arg);
                indexes.Add(index);
            }
            else if (groups.TryGetValue(arg, out var members))
            {
                indexes.AddRange(members);
            }
            else
            {
                Fail($"unknown line code or group \"{arg}\"", argStart);
                return null;
            }

            SkipSpace();
            if (_pos < text.Length && text[_pos] == ',')
            {
                _pos++;
                continue;
            }

            if (_pos < text.Length && text[_pos] == ')')
            {
                _pos++;
                break;
            }

            Fail("\",\" or \")\" expected");
            return null;
        }

        if (indexes.Count == 0)
        {
            Fail($"{name}() of an empty group", start);
            return null;
        }

        return new Aggregate(name, [.. indexes]);
    }

    private Node? Numbers(char op, Node left, Node right)
    {
        if (left.Kind != ValueKind.Number || right.Kind != ValueKind.Number)
        {
            Fail($"\"{op}\" needs numbers on both sides", _pos - 1);
            return null;
        }

        return new Arithmetic(op, left, right);
    }

    private Node? Truths(string op, Node left, Node right)
    {
        if (left.Kind != ValueKind.Truth || right.Kind != ValueKind.Truth)
        {
            Fail($"\"{op}\" joins comparisons, not numbers");
            return null;
        }

        return new Logical(op, left, right);
    }

    private bool TryWord(string word)
    {
        SkipSpace();
        var end = _pos + word.Length;
        if (end <= text.Length && string.CompareOrdinal(text, _pos, word, 0, word.Length) == 0
            && (end == text.Length || !IsNamePart(text[end])))
        {
            _pos = end;
            return true;
        }

        return false;
    }

    private string ReadName()
    {
        var start = _pos;
        while (_pos < text.Length && IsNamePart(text[_pos]))
        {
            _pos++;
        }

        return text[start.._pos];
    }

    private void Reference(string line)
    {
        if (!Referenced.Contains(line))
        {
            Referenced.Add(line);
        }
    }

    private void SkipSpace()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
        {
            _pos++;
        }
    }

    private void Fail(string message, int? at = null) =>
        Errors.Add($"at position {(at ?? _pos) + 1}: {message}");

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '.';
}
