namespace Ashyq.Storage.Import;

/// <summary>
/// A small RFC 4180 reader: fields separated by one character, a field in double quotes may hold the separator,
/// line breaks and doubled quotes; records end with LF or CRLF; empty lines are skipped. Fields are read into
/// one reused buffer and handed out as spans, so a row of numbers is parsed without a string per field.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, char separator, string source)
{
    private readonly char[] _buffer = new char[1 << 16];
    private int _position;
    private int _length;
    private char[] _record = new char[1024];
    private int _recordLength;
    private int[] _starts = new int[64];
    private int[] _ends = new int[64];
    private long _line = 1;

    /// <summary>The physical line (1-based) on which the current record starts.</summary>
    public long Line { get; private set; }

    public int FieldCount { get; private set; }

    public ReadOnlySpan<char> Field(int index) => _record.AsSpan(_starts[index], _ends[index] - _starts[index]);

    public string FieldString(int index) => new(Field(index));

    /// <summary>Reads the next record; false at the end of the file.</summary>
    public bool Read()
    {
        while (true)
        {
            if (Peek() < 0)
            {
                return false;
            }

            Line = _line;
            _recordLength = 0;
            FieldCount = 0;
            var ended = ReadFields();
            if (FieldCount == 1 && _ends[0] == _starts[0] && !ended.Quoted)
            {
                continue; // an empty line
            }

            return true;
        }
    }

    private (bool AtEnd, bool Quoted) ReadFields()
    {
        var anyQuoted = false;
        while (true)
        {
            var start = _recordLength;
            var quoted = Peek() == '"';
            anyQuoted |= quoted;
            int c;
            if (quoted)
            {
                Next();
                var openedOn = _line;
                while (true)
                {
                    if (_position == _length && !Fill())
                    {
                        throw new ResultsImportException("IMPORT.CSV-QUOTE", $"{source}: the quoted field opened on line {openedOn} is never closed.");
                    }

                    var chunk = _buffer.AsSpan(_position, _length - _position);
                    var quote = chunk.IndexOf('"');
                    var text = quote < 0 ? chunk : chunk[..quote];
                    _line += text.Count('\n');
                    Append(text);
                    _position += text.Length;
                    if (quote < 0)
                    {
                        continue;
                    }

                    _position++;
                    if (Peek() == '"')
                    {
                        Next();
                        Append("\"");
                        continue;
                    }

                    break;
                }

                c = Next();
                if (c >= 0 && c != separator && c != '\n' && c != '\r')
                {
                    throw new ResultsImportException("IMPORT.CSV-QUOTE", $"{source}, line {_line}: a quoted field is followed by \"{(char)c}\" instead of a separator or the end of the line.");
                }
            }
            else
            {
                while (true)
                {
                    if (_position == _length && !Fill())
                    {
                        c = -1;
                        break;
                    }

                    var chunk = _buffer.AsSpan(_position, _length - _position);
                    var end = chunk.IndexOfAny(separator, '\n', '\r');
                    if (end < 0)
                    {
                        Append(chunk);
                        _position = _length;
                        continue;
                    }

                    Append(chunk[..end]);
                    _position += end + 1;
                    c = chunk[end];
                    break;
                }
            }

            AddField(start, _recordLength);
            if (c == separator)
            {
                continue;
            }

            if (c == '\r' && Peek() == '\n')
            {
                Next();
            }

            if (c >= 0)
            {
                _line++;
            }

            return (c < 0, anyQuoted);
        }
    }

    private void AddField(int start, int end)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        _starts[FieldCount] = start;
        _ends[FieldCount] = end;
        FieldCount++;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_recordLength + text.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + text.Length));
        }

        text.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += text.Length;
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private int Next()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    private bool Fill()
    {
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
