using System.Text;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.References.BibTex;

/// <summary>One field of a BibTeX entry: lower-case name, value after macro expansion and '#' concatenation (outer
/// delimiters removed, inner LaTeX kept), and where the field starts.</summary>
internal sealed record BibTexField(string Name, string Value, TextSpan Span);

/// <summary>One BibTeX entry (1-based <see cref="Number"/> in file order, @string/@preamble/@comment not counted).</summary>
internal sealed class BibTexEntry(string type, string key, TextSpan span, int number)
{
    public string Type { get; set; } = type;

    public string Key { get; set; } = key;

    public TextSpan Span { get; } = span;

    public int Number { get; } = number;

    private readonly List<BibTexField> _fields = [];

    // field name -> index in _fields: lookups stay constant-time however many fields an entry has (an entry with
    // 60,000 fields took 12.8 s when every new field searched the list for a duplicate)
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public IReadOnlyList<BibTexField> Fields => _fields;

    public string? this[string name] => _index.TryGetValue(name, out int i) ? _fields[i].Value : null;

    public bool Has(string name) => _index.ContainsKey(name);

    /// <summary>Adds a field whose name the entry does not have yet (callers check <see cref="Has"/> first).</summary>
    public void Add(BibTexField field)
    {
        _index.Add(field.Name, _fields.Count);
        _fields.Add(field);
    }

    public void Set(string name, string value, TextSpan span = default)
    {
        if (_index.TryGetValue(name, out int i))
        {
            _fields[i] = _fields[i] with { Value = value };
        }
        else
        {
            Add(new BibTexField(name, value, span));
        }
    }
}

/// <summary>A parsed .bib file: entries, @preamble texts, @string macros, diagnostics.</summary>
internal sealed record BibTexDatabase(
    IReadOnlyList<BibTexEntry> Entries,
    IReadOnlyList<string> Preambles,
    IReadOnlyDictionary<string, string> Strings,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>BibTeX syntax reader: entries with {…} or (…) delimiters, braced/quoted/number/macro values, nested
/// braces, '#' concatenation, @string (month macros jan…dec predefined), @preamble and @comment. Errors (unbalanced
/// braces, missing '=' or ',') are diagnostics with line/column and entry number; reading resumes at the next
/// '@' that starts a line, so one broken entry does not hide the rest.</summary>
internal static class BibTexParser
{
    /// <summary>Values longer than this are cut (with a diagnostic): a guard against runaway unbalanced input.</summary>
    public const int MaxValueLength = 1_000_000;

    public static BibTexDatabase Parse(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = new State(new SourceText(text), source);
        state.Run();
        return new BibTexDatabase(state.Entries, state.Preambles, state.Macros, state.Diagnostics);
    }

    private sealed class State(SourceText src, string? source)
    {
        private readonly string _s = src.Text;
        private int _pos;
        private int _entryNumber;

        public List<BibTexEntry> Entries { get; } = [];

        public List<string> Preambles { get; } = [];

        public Dictionary<string, string> Macros { get; } = CreateMacros();

        public List<Diagnostic> Diagnostics { get; } = [];

        private static Dictionary<string, string> CreateMacros()
        {
            var m = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < 12; i++)
            {
                m[Latex.MonthMacros[i]] = Latex.MonthNames[i];
            }

            return m;
        }

        public void Run()
        {
            while (true)
            {
                int at = _s.IndexOf('@', _pos);
                if (at < 0)
                {
                    return;
                }

                _pos = at + 1;
                if (InLineComment(at))
                {
                    continue; // "% @article{old, …": a commented-out entry is not read (its key must not take over the next entry)
                }

                SkipWs();
                int typeStart = _pos;
                while (_pos < _s.Length && (char.IsAsciiLetterOrDigit(_s[_pos]) || _s[_pos] is '_' or '-'))
                {
                    _pos++;
                }

                string type = _s[typeStart.._pos].ToLowerInvariant();
                if (type.Length == 0)
                {
                    continue; // a stray '@' in comment text
                }

                SkipWs();
                if (_pos >= _s.Length || _s[_pos] is not ('{' or '('))
                {
                    if (type is not "comment")
                    {
                        Error(DiagnosticCodes.BibTexSyntax, at, $"'@{type}' is not followed by '{{' or '('");
                    }

                    continue;
                }

                char close = _s[_pos] == '{' ? '}' : ')';
                int open = _pos;
                _pos++;
                switch (type)
                {
                    case "comment":
                        SkipComment(open, close);
                        break;
                    case "preamble":
                        ReadPreamble(at, close);
                        break;
                    case "string":
                        ReadString(at, close);
                        break;
                    default:
                        ReadEntry(at, type, close);
                        break;
                }
            }
        }

        private void SkipComment(int open, char close)
        {
            if (close == ')')
            {
                int end = _s.IndexOf(')', _pos);
                _pos = end < 0 ? _s.Length : end + 1;
                return;
            }

            int match = Latex.MatchBrace(_s, open);
            _pos = match >= _s.Length ? LineEnd(open) : match + 1;
        }

        private int LineEnd(int from)
        {
            int nl = _s.IndexOf('\n', from);
            return nl < 0 ? _s.Length : nl + 1;
        }

        private void ReadPreamble(int at, char close)
        {
            var value = ReadValue(at, "preamble", null);
            if (value is not null)
            {
                Preambles.Add(value);
            }

            SkipWs();
            if (_pos < _s.Length && _s[_pos] == close)
            {
                _pos++;
            }
            else
            {
                Error(DiagnosticCodes.BibTexSyntax, _pos, $"@preamble not closed with '{close}'");
                Recover();
            }
        }

        private void ReadString(int at, char close)
        {
            SkipWs();
            string name = ReadIdentifier();
            SkipWs();
            if (name.Length == 0 || _pos >= _s.Length || _s[_pos] != '=')
            {
                Error(DiagnosticCodes.BibTexSyntax, _pos, "@string: expected 'name = value'");
                Recover();
                return;
            }

            _pos++;
            var value = ReadValue(at, name, null);
            if (value is null)
            {
                return;
            }

            Macros[name] = value;
            SkipWs();
            if (_pos < _s.Length && _s[_pos] == close)
            {
                _pos++;
            }
            else
            {
                Error(DiagnosticCodes.BibTexSyntax, _pos, $"@string {name}: expected '{close}'");
                Recover();
            }
        }

        private void ReadEntry(int at, string type, char close)
        {
            _entryNumber++;
            SkipWs();
            int keyStart = _pos;
            while (_pos < _s.Length && _s[_pos] is not (',' or '}' or ')' or '\n' or '\r' or ' ' or '\t' or '{' or '=' or '"' or '@'))
            {
                _pos++;
            }

            string key = _s[keyStart.._pos];
            SkipWs();
            if (_pos < _s.Length && _s[_pos] == '=')
            {
                // No key: the "key" was a field name.
                _pos = keyStart;
                key = string.Empty;
            }

            var entry = new BibTexEntry(type, key, src.Span(at, at), _entryNumber);
            Entries.Add(entry);
            if (key.Length == 0)
            {
                Diagnostics.Add(new Diagnostic(DiagnosticCodes.BibTexSyntax, Severity.Warning, src.Span(at, at),
                    $"entry {_entryNumber} (@{type}) has no citation key", source));
            }

            if (_pos < _s.Length && _s[_pos] == ',')
            {
                _pos++;
            }

            while (true)
            {
                SkipWs();
                if (_pos >= _s.Length)
                {
                    Error(DiagnosticCodes.BibTexUnbalanced, at, $"entry {_entryNumber} ({Label(entry)}): not closed with '{close}' before the end of the input");
                    return;
                }

                char c = _s[_pos];
                if (c == close)
                {
                    _pos++;
                    return;
                }

                if (c == '@' && AtLineStart(_pos))
                {
                    Error(DiagnosticCodes.BibTexUnbalanced, at, $"entry {_entryNumber} ({Label(entry)}): not closed with '{close}' before the next entry");
                    return;
                }

                int fieldStart = _pos;
                string name = ReadIdentifier().ToLowerInvariant();
                if (name.Length == 0)
                {
                    Error(DiagnosticCodes.BibTexSyntax, _pos, $"entry {_entryNumber} ({Label(entry)}): expected a field name, found '{Printable(c)}'");
                    Recover();
                    return;
                }

                SkipWs();
                if (_pos >= _s.Length || _s[_pos] != '=')
                {
                    Error(DiagnosticCodes.BibTexSyntax, _pos, $"entry {_entryNumber} ({Label(entry)}): expected '=' after field '{name}'");
                    Recover();
                    return;
                }

                _pos++;
                string? value = ReadValue(fieldStart, name, entry);
                if (value is null)
                {
                    return; // diagnostic given, recovered
                }

                if (entry.Has(name))
                {
                    Diagnostics.Add(new Diagnostic(DiagnosticCodes.BibTexSyntax, Severity.Warning, src.Span(fieldStart, fieldStart),
                        $"entry {_entryNumber} ({Label(entry)}): field '{name}' given twice; the first value is kept", source));
                }
                else
                {
                    entry.Add(new BibTexField(name, value, src.Span(fieldStart, _pos)));
                }

                SkipWs();
                if (_pos < _s.Length && _s[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_pos >= _s.Length || (_s[_pos] == '@' && AtLineStart(_pos)))
                {
                    var (line, _) = src.GetLineColumn(_pos);
                    Error(DiagnosticCodes.BibTexUnbalanced, fieldStart,
                        $"entry {_entryNumber} ({Label(entry)}): field '{name}': unbalanced braces — the value runs on to line {line} and the entry is not closed");
                    return;
                }

                if (_pos < _s.Length && _s[_pos] == close)
                {
                    _pos++;
                    return;
                }

                Error(DiagnosticCodes.BibTexSyntax, _pos, $"entry {_entryNumber} ({Label(entry)}): expected ',' or '{close}' after field '{name}'");
                Recover();
                return;
            }
        }

        private static string Label(BibTexEntry e) => e.Key.Length > 0 ? e.Key : "@" + e.Type;

        private static string Printable(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();

        /// <summary>value := piece ('#' piece)*; returns null after an error (position recovered).</summary>
        private string? ReadValue(int fieldStart, string name, BibTexEntry? entry)
        {
            var sb = new StringBuilder();
            while (true)
            {
                SkipWs();
                if (_pos >= _s.Length)
                {
                    Error(DiagnosticCodes.BibTexSyntax, fieldStart, $"{Where(entry)}field '{name}': value missing at end of input");
                    return null;
                }

                char c = _s[_pos];
                if (c is '{' or '"')
                {
                    int open = _pos;
                    var piece = ReadDelimited(c == '{' ? '}' : '"');
                    if (piece is null)
                    {
                        Error(DiagnosticCodes.BibTexUnbalanced, open, $"{Where(entry)}field '{name}': unbalanced braces (value opened here is not closed)");
                        Recover();
                        return null;
                    }

                    sb.Append(piece);
                }
                else if (char.IsAsciiDigit(c))
                {
                    int start = _pos;
                    while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
                    {
                        _pos++;
                    }

                    sb.Append(_s, start, _pos - start);
                }
                else
                {
                    int start = _pos;
                    string macro = ReadIdentifier();
                    if (macro.Length == 0)
                    {
                        Error(DiagnosticCodes.BibTexSyntax, _pos, $"{Where(entry)}field '{name}': expected a value, found '{Printable(c)}'");
                        Recover();
                        return null;
                    }

                    if (Macros.TryGetValue(macro, out string? expansion))
                    {
                        sb.Append(expansion);
                    }
                    else
                    {
                        Diagnostics.Add(new Diagnostic(DiagnosticCodes.BibTexUnknownMacro, Severity.Warning, src.Span(start, _pos),
                            $"{Where(entry)}field '{name}': unknown @string macro '{macro}' (kept as written)", source));
                        sb.Append(macro);
                    }
                }

                if (sb.Length > MaxValueLength)
                {
                    Error(DiagnosticCodes.BibTexSyntax, fieldStart, $"{Where(entry)}field '{name}': value longer than {MaxValueLength} characters");
                    Recover();
                    return null;
                }

                SkipWs();
                if (_pos < _s.Length && _s[_pos] == '#')
                {
                    _pos++;
                    continue;
                }

                return sb.ToString().Trim();
            }
        }

        private string Where(BibTexEntry? e) => e is null ? string.Empty : $"entry {e.Number} ({Label(e)}): ";

        /// <summary>Reads {…} (nested) or "…" (braces inside counted); returns the inner text, or null when the value
        /// runs into the next entry ('@' at a line start at depth &gt; 0) or the end of input.</summary>
        private string? ReadDelimited(char close)
        {
            int start = _pos + 1;
            int depth = close == '}' ? 1 : 0;
            for (int k = start; k < _s.Length; k++)
            {
                char c = _s[k];
                if (c == '\\' && k + 1 < _s.Length)
                {
                    k++;
                    continue;
                }

                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}')
                {
                    depth--;
                    if (close == '}' && depth == 0)
                    {
                        _pos = k + 1;
                        return Normalise(_s[start..k]);
                    }

                    if (depth < 0)
                    {
                        return null;
                    }
                }
                else if (c == '"' && close == '"' && depth == 0)
                {
                    _pos = k + 1;
                    return Normalise(_s[start..k]);
                }
                else if (c == '@' && AtLineStart(k) && LooksLikeEntryStart(k))
                {
                    return null;
                }

                if (k - start > MaxValueLength)
                {
                    return null;
                }
            }

            return null;
        }

        private static string Normalise(string value)
        {
            // Line breaks and runs of whitespace inside a value are one space (as BibTeX does).
            if (value.IndexOfAny(['\n', '\r', '\t']) < 0 && !value.Contains("  ", StringComparison.Ordinal))
            {
                return value;
            }

            var sb = new StringBuilder(value.Length);
            bool space = false;
            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space)
                {
                    sb.Append(' ');
                }

                space = false;
                sb.Append(c);
            }

            if (space)
            {
                sb.Append(' ');
            }

            return sb.ToString();
        }

        private bool AtLineStart(int k)
        {
            int j = k - 1;
            while (j >= 0 && _s[j] is ' ' or '\t')
            {
                j--;
            }

            return j < 0 || _s[j] == '\n';
        }

        private bool LooksLikeEntryStart(int k)
        {
            int j = k + 1;
            while (j < _s.Length && char.IsAsciiLetter(_s[j]))
            {
                j++;
            }

            while (j < _s.Length && _s[j] is ' ' or '\t')
            {
                j++;
            }

            return j > k + 1 && j < _s.Length && _s[j] is '{' or '(';
        }

        private string ReadIdentifier()
        {
            int start = _pos;
            while (_pos < _s.Length && (char.IsLetterOrDigit(_s[_pos]) || _s[_pos] is '_' or '-' or ':' or '.' or '+' or '/' or '\'' or '!' or '*' or '?' or '&' or '<' or '>' or ';'))
            {
                _pos++;
            }

            return _s[start.._pos];
        }

        private void SkipWs()
        {
            while (_pos < _s.Length)
            {
                char c = _s[_pos];
                if (char.IsWhiteSpace(c))
                {
                    _pos++;
                }
                else if (c == '%')
                {
                    // line comment (biber/most tools accept it between fields)
                    _pos = LineEnd(_pos);
                }
                else
                {
                    break;
                }
            }
        }

        /// <summary>True when an unescaped '%' precedes <paramref name="at"/> on its line (outside entries that is a comment).</summary>
        private bool InLineComment(int at)
        {
            int stop = Math.Max(0, at - 256); // bounded: no quadratic scan on one huge line
            for (int k = at - 1; k >= stop && _s[k] is not ('\n' or '\r'); k--)
            {
                if (_s[k] == '%' && (k == 0 || _s[k - 1] != '\\'))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Skips to the next '@' that starts a line (the next entry), or the end.</summary>
        private void Recover()
        {
            int k = _pos;
            while (k < _s.Length)
            {
                int at = _s.IndexOf('@', k);
                if (at < 0)
                {
                    _pos = _s.Length;
                    return;
                }

                if (AtLineStart(at) && at > _pos - 1)
                {
                    _pos = at;
                    return;
                }

                k = at + 1;
            }

            _pos = _s.Length;
        }

        private void Error(string code, int offset, string message) =>
            Diagnostics.Add(new Diagnostic(code, Severity.Error, src.Span(offset, offset), message, source));
    }
}
