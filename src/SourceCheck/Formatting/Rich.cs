using System.Text;

namespace SourceCheck.Formatting;

internal enum FontStyle : byte { Unset, Normal, Italic, Oblique }

internal enum FontVariant : byte { Unset, Normal, SmallCaps }

internal enum FontWeight : byte { Unset, Normal, Bold, Light }

internal enum TextDecoration : byte { Unset, None, Underline }

internal enum VerticalAlign : byte { Unset, Baseline, Sup, Sub }

internal enum DisplayMode : byte { None, Block, LeftMargin, RightInline, Indent }

/// <summary>Font formatting of an element (CSL formatting attributes).</summary>
internal readonly record struct Formatting(FontStyle Style, FontVariant Variant, FontWeight Weight, TextDecoration Decoration, VerticalAlign Align)
{
    public bool IsEmpty => Style == FontStyle.Unset && Variant == FontVariant.Unset && Weight == FontWeight.Unset
        && Decoration == TextDecoration.Unset && Align == VerticalAlign.Unset;
}

/// <summary>A node of the rendering tree: a text leaf or a span with formatting, quotes, affixes and display.</summary>
internal abstract class RNode
{
}

internal sealed class RText : RNode
{
    public RText(string text) => Text = text;

    public string Text { get; set; }

    /// <summary>Text that text-case transformations leave alone (nocase spans, affixes).</summary>
    public bool NoCase { get; set; }

    /// <summary>A locale quote mark produced by quotes="true" (the punctuation-in-quote rules look at it).</summary>
    public bool IsCloseQuote { get; set; }

    /// <summary>Text that came from a locale term (a leading term of a note citation is capitalized).</summary>
    public bool IsTerm { get; set; }

    /// <summary>A group's delimiter between two of its parts.</summary>
    public bool IsDelimiter { get; set; }

    /// <summary>The prefix of an element with font formatting: citeproc-js keeps it on the formatted output, so its
    /// punctuation does not move into a closing quote before it ("“Title”, <i>Journal</i>").</summary>
    public bool StaysOutsideQuote { get; set; }

    public override string ToString() => Text;
}

internal sealed class RSpan : RNode
{
    // children are held inline: the first in a field, the rest in an array sized on demand (most spans are
    // wrappers with one child; a list object plus its array per span was half of all rendering allocations)
    private RNode? _first;
    private RNode[]? _rest;
    private int _count;
    private readonly byte _capacity;

    public RSpan()
    {
        _capacity = 4;
    }

    /// <summary>A span with room for <paramref name="capacity"/> children (wrappers hold one or two).</summary>
    public RSpan(int capacity)
    {
        _capacity = (byte)Math.Clamp(capacity, 1, 255);
    }

    /// <summary>The children of this span (the span itself is the list: Add, Insert, Clear, Count, indexer,
    /// foreach).</summary>
    public RSpan Children => this;

    public int Count => _count;

    public RNode this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return index == 0 ? _first! : _rest![index - 1];
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            if (index == 0)
            {
                _first = value;
            }
            else
            {
                _rest![index - 1] = value;
            }
        }
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates the children (the span must not change while it is enumerated).</summary>
    public struct Enumerator
    {
        private readonly RSpan _span;
        private int _index;

        internal Enumerator(RSpan span)
        {
            _span = span;
            _index = -1;
        }

        public readonly RNode Current => _index == 0 ? _span._first! : _span._rest![_index - 1];

        public bool MoveNext() => ++_index < _span._count;
    }

    public void Clear()
    {
        if (_rest is not null)
        {
            Array.Clear(_rest, 0, Math.Max(0, _count - 1));
        }

        _first = null;
        _count = 0;
    }

    public void Insert(int index, RNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if ((uint)index > (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        if (index == _count)
        {
            Append(node);
            return;
        }

        // shift: append the last child again, then move the others up by one
        Append(this[_count - 1]);
        for (int i = _count - 2; i > index; i--)
        {
            this[i] = this[i - 1];
        }

        this[index] = node;
    }

    public void RemoveAt(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        for (int i = index; i < _count - 1; i++)
        {
            this[i] = this[i + 1];
        }

        if (_count == 1)
        {
            _first = null;
        }
        else
        {
            _rest![_count - 2] = null!;
        }

        _count--;
    }

    private void Append(RNode node)
    {
        if (_count == 0)
        {
            _first = node;
        }
        else
        {
            int slot = _count - 1;
            if (_rest is null)
            {
                _rest = new RNode[Math.Max(_capacity - 1, 1)];
            }
            else if (slot == _rest.Length)
            {
                Array.Resize(ref _rest, _rest.Length * 2);
            }

            _rest[slot] = node;
        }

        _count++;
    }

    public Formatting Format { get; set; }

    public bool Quotes { get; set; }

    /// <summary>A quotation parsed from curly single quotes in a field: rendered with single quotes unless nested in single quotes.</summary>
    public bool SingleQuotes { get; set; }

    public DisplayMode Display { get; set; }

    public bool NoCase { get; set; }

    /// <summary>Marks a span from field markup <c>&lt;span class="nocase"&gt;</c> etc. (kept for flip-flopping).</summary>
    public bool FromMarkup { get; set; }

    /// <summary>The span holding a list of rendered names (for subsequent-author-substitute).</summary>
    public bool IsNameList { get; set; }

    public RSpan Add(RNode? node)
    {
        if (node is not null)
        {
            Append(node);
        }

        return this;
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        Rich.AppendPlain(sb, this);
        return sb.ToString();
    }
}

/// <summary>The markup formatted references are written in.</summary>
public enum OutputFormat
{
    /// <summary>Plain text (italics and other formatting dropped).</summary>
    Text,

    /// <summary>HTML fragments, as citeproc-js writes them (<c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>, <c>csl-entry</c> divs).</summary>
    Html,

    /// <summary>Markdown (<c>*italic*</c>, <c>**bold**</c>).</summary>
    Markdown,

    /// <summary>RTF, for word processors.</summary>
    Rtf,
}

/// <summary>Helpers over rendering trees, and the serializers for the output formats.</summary>
internal static class Rich
{
    public static void AppendPlain(StringBuilder sb, RNode node)
    {
        switch (node)
        {
            case RText t:
                sb.Append(t.Text);
                break;
            case RSpan s:
                foreach (var c in s.Children)
                {
                    AppendPlain(sb, c);
                }

                break;
        }
    }

    [ThreadStatic]
    private static StringBuilder? _plainBuilder;

    public static string Plain(RNode? node)
    {
        if (node is null)
        {
            return string.Empty;
        }

        if (node is RText t)
        {
            return t.Text;
        }

        var sb = _plainBuilder ?? new StringBuilder();
        _plainBuilder = null;
        AppendPlain(sb, node);
        string s = sb.ToString();
        if (sb.Capacity <= 1024)
        {
            sb.Clear();
            _plainBuilder = sb;
        }

        return s;
    }

    /// <summary>Characters of plain text under <paramref name="node"/>, without building the text.</summary>
    public static long Length(RNode? node)
    {
        switch (node)
        {
            case RText t:
                return t.Text.Length;
            case RSpan s:
                long total = 0;
                for (int i = 0; i < s.Count; i++)
                {
                    total += Length(s[i]);
                }

                return total;
            default:
                return 0;
        }
    }

    public static bool IsEmpty(RNode? node) => node switch
    {
        null => true,
        RText t => t.Text.Length == 0,
        RSpan s => AllEmpty(s),
        _ => true,
    };

    private static bool AllEmpty(RSpan span)
    {
        for (int i = 0; i < span.Count; i++)
        {
            if (!IsEmpty(span[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Leaves in document order.</summary>
    public static void Leaves(RNode node, List<RText> into)
    {
        if (node is RText t)
        {
            into.Add(t);
        }
        else if (node is RSpan s)
        {
            foreach (var c in s.Children)
            {
                Leaves(c, into);
            }
        }
    }

    /// <summary>Parses inline markup in a field value (<c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;sc&gt;</c>,
    /// <c>&lt;sup&gt;</c>, <c>&lt;sub&gt;</c>, nocase/small-caps spans, and straight quotes) into a tree.</summary>
    public static RSpan ParseMarkup(string text, bool quotes = true)
    {
        text = Guillemets(quotes ? text : TermApostrophes(text));
        if (IsPlain(text, quotes))
        {
            var plain = new RSpan(1);
            plain.Children.Add(new RText(text));
            return plain;
        }

        return ParseRich(text, quotes);
    }

    /// <summary>As <see cref="ParseMarkup"/>, but text without markup is a bare leaf (no wrapping span), for
    /// callers that only decorate or append the result.</summary>
    internal static RNode ParseMarkupNode(string text, bool quotes = true)
    {
        text = Guillemets(quotes ? text : TermApostrophes(text));
        return IsPlain(text, quotes) ? new RText(text) : ParseRich(text, quotes);
    }

    /// <summary>Terms (parsed without quotes) pass citeproc-js's flip-flopper like every appended string: a straight
    /// apostrophe after a non-space character is written as ’ ("à l'adresse" → "à l’adresse", "dell'" → "dell’");
    /// one at the start or after a space is left alone (it would open a quotation there).</summary>
    private static string TermApostrophes(string text)
    {
        int at = text.IndexOf('\'');
        if (at < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (int k = at; k < chars.Length; k++)
        {
            if (chars[k] == '\'' && k > 0 && !char.IsWhiteSpace(chars[k - 1]))
            {
                chars[k] = '\u2019';
            }
        }

        return new string(chars);
    }

    private static readonly System.Buffers.SearchValues<char> NarrowSpaceMarks = System.Buffers.SearchValues.Create(":;?!\u00AB\u00BB");

    /// <summary>citeproc-js (Output.Queue.append) writes every space before <c>: ; ? ! »</c> and after <c>«</c> in
    /// a value, term or variable as a narrow no-break space, in every locale ("[En ligne]\u202F:"); affixes and
    /// delimiters keep theirs.</summary>
    private static string Guillemets(string text)
    {
        int at = text.AsSpan().IndexOfAny(NarrowSpaceMarks);
        if (at < 0 || (text.AsSpan().IndexOf(' ') < 0))
        {
            return text;
        }

        StringBuilder? sb = null;
        for (int k = 0; k < text.Length; k++)
        {
            char ch = text[k];
            bool narrow = ch == ' ' && ((k + 1 < text.Length && text[k + 1] is ':' or ';' or '?' or '!' or '\u00BB') || (k > 0 && text[k - 1] == '\u00AB'));
            if (narrow)
            {
                sb ??= new StringBuilder(text.Length).Append(text, 0, k);
                sb.Append('\u202F');
            }
            else
            {
                sb?.Append(ch);
            }
        }

        return sb?.ToString() ?? text;
    }

    private static bool IsPlain(string text, bool quotes) =>
        text.IndexOf('<') < 0 && (!quotes || text.AsSpan().IndexOfAny("\"'\u201C\u2018") < 0);

    private static RSpan ParseRich(string text, bool quotes)
    {
        var root = new RSpan();

        // Flat: opened beyond MaxMarkupDepth, so no span of its own (its text goes to the enclosing span): a tag's
        // formatting is not applied, a quotation mark stays the character it is
        var stack = new Stack<(RSpan Span, string Close, bool Flat)>();
        stack.Push((root, string.Empty, false));
        var sb = new StringBuilder();
        void Flush()
        {
            if (sb.Length > 0)
            {
                stack.Peek().Span.Children.Add(new RText(sb.ToString()));
                sb.Clear();
            }
        }

        // Opens a span, or (too deep) a flat level; false: flat.
        bool Open(RSpan span, string close)
        {
            if (stack.Count > MaxMarkupDepth)
            {
                stack.Push((stack.Peek().Span, close, true));
                return false;
            }

            stack.Peek().Span.Children.Add(span);
            stack.Push((span, close, false));
            return true;
        }

        // Closes a quotation: a flat one keeps its closing character as text.
        void CloseQuote(char mark)
        {
            if (stack.Pop().Flat)
            {
                sb.Append(mark);
            }
        }

        // Whether a closing form exists from a position on, from the last one in the text (each was a scan to the end
        // for every opening mark: quadratic in the marks of one title)
        var lastClose = new Dictionary<string, int>(StringComparer.Ordinal);
        int LastOf(string close)
        {
            if (!lastClose.TryGetValue(close, out int at))
            {
                lastClose[close] = at = text.LastIndexOf(close, StringComparison.Ordinal);
            }

            return at;
        }

        int lastDouble = LastClosingDouble(text), lastSingle = LastClosingSingle(text);
        int lastRightDouble = text.LastIndexOf('\u201D'), lastRightSingle = text.LastIndexOf('\u2019');

        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '<')
            {
                string? matched = null;
                RSpan? open = null;
                string close = string.Empty;
                foreach (var (tag, f, cl) in OpenTags)
                {
                    if (string.CompareOrdinal(text, i, tag, 0, tag.Length) == 0)
                    {
                        matched = tag;
                        open = new RSpan { FromMarkup = true };
                        f(open);
                        close = cl;
                        break;
                    }
                }

                if (matched is not null && open is not null && LastOf(close) >= i + matched.Length)
                {
                    Flush();
                    Open(open, close);
                    i += matched.Length;
                    continue;
                }

                if (stack.Count > 1 && string.CompareOrdinal(text, i, stack.Peek().Close, 0, stack.Peek().Close.Length) == 0)
                {
                    Flush();
                    i += stack.Peek().Close.Length;
                    stack.Pop();
                    continue;
                }
            }
            else if (quotes && c == '"')
            {
                bool inQuote = stack.Peek().Close == "\"";
                if (inQuote && (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1])) && !char.IsWhiteSpace(text[i - 1]))
                {
                    Flush();
                    CloseQuote(c);
                    i++;
                    continue;
                }

                // an opening quote needs a closing one (not after a space); an orphan stays a straight quote
                if (!inQuote && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && lastDouble >= i + 2)
                {
                    Flush();
                    if (!Open(new RSpan { Quotes = true, FromMarkup = true }, "\""))
                    {
                        sb.Append(c);
                    }

                    i++;
                    continue;
                }
            }
            else if (quotes && c == '\u201C' && lastRightDouble > i)
            {
                Flush();
                if (!Open(new RSpan { Quotes = true, FromMarkup = true }, "\u201D"))
                {
                    sb.Append(c);
                }

                i++;
                continue;
            }
            else if (quotes && c == '\u201D' && stack.Peek().Close == "\u201D")
            {
                Flush();
                CloseQuote(c);
                i++;
                continue;
            }
            else if (quotes && c == '\u2018' && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && lastRightSingle > i)
            {
                Flush();
                if (!Open(new RSpan { Quotes = true, SingleQuotes = true, FromMarkup = true }, "\u2019"))
                {
                    sb.Append(c);
                }

                i++;
                continue;
            }
            else if (quotes && c == '\u2019' && stack.Peek().Close == "\u2019" && (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1])))
            {
                Flush();
                CloseQuote(c);
                i++;
                continue;
            }
            else if (quotes && c == '\'')
            {
                bool inQuote = stack.Peek().Close == "'";
                bool prevWord = i > 0 && char.IsLetterOrDigit(text[i - 1]);
                bool nextWord = i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
                if (inQuote && !nextWord)
                {
                    Flush();
                    CloseQuote(c);
                    i++;
                    continue;
                }

                if (!prevWord && (nextWord || (i + 1 < text.Length && text[i + 1] == '"')) && lastSingle >= i + 1)
                {
                    Flush();
                    if (!Open(new RSpan { Quotes = true, FromMarkup = true }, "'"))
                    {
                        sb.Append(c);
                    }

                    i++;
                    continue;
                }

                sb.Append('\u2019');
                i++;
                continue;
            }

            sb.Append(c);
            i++;
        }

        Flush();
        return root;
    }

    private static readonly Dictionary<char, char> SuperscriptMap = new()
    {
        ['\u00AA'] = 'a', ['\u00B2'] = '2', ['\u00B3'] = '3', ['\u00B9'] = '1', ['\u00BA'] = 'o', ['\u02B0'] = 'h', ['\u02B1'] = '\u0266',
        ['\u02B2'] = 'j', ['\u02B3'] = 'r', ['\u02B4'] = '\u0279', ['\u02B5'] = '\u027B', ['\u02B6'] = '\u0281', ['\u02B7'] = 'w',
        ['\u02B8'] = 'y', ['\u02E0'] = '\u0263', ['\u02E1'] = 'l', ['\u02E2'] = 's', ['\u02E3'] = 'x', ['\u02E4'] = '\u0295',
        ['\u1D2C'] = 'A', ['\u1D2D'] = '\u00C6', ['\u1D2E'] = 'B', ['\u1D30'] = 'D', ['\u1D31'] = 'E', ['\u1D32'] = '\u018E',
        ['\u1D33'] = 'G', ['\u1D34'] = 'H', ['\u1D35'] = 'I', ['\u1D36'] = 'J', ['\u1D37'] = 'K', ['\u1D38'] = 'L', ['\u1D39'] = 'M',
        ['\u1D3A'] = 'N', ['\u1D3C'] = 'O', ['\u1D3D'] = '\u0222', ['\u1D3E'] = 'P', ['\u1D3F'] = 'R', ['\u1D40'] = 'T',
        ['\u1D41'] = 'U', ['\u1D42'] = 'W', ['\u1D43'] = 'a', ['\u1D44'] = '\u0250', ['\u1D45'] = '\u0251', ['\u1D46'] = '\u1D02',
        ['\u1D47'] = 'b', ['\u1D48'] = 'd', ['\u1D49'] = 'e', ['\u1D4A'] = '\u0259', ['\u1D4B'] = '\u025B', ['\u1D4C'] = '\u025C',
        ['\u1D4D'] = 'g', ['\u1D4F'] = 'k', ['\u1D50'] = 'm', ['\u1D51'] = '\u014B', ['\u1D52'] = 'o', ['\u1D53'] = '\u0254',
        ['\u1D54'] = '\u1D16', ['\u1D55'] = '\u1D17', ['\u1D56'] = 'p', ['\u1D57'] = 't', ['\u1D58'] = 'u', ['\u1D59'] = '\u1D1D',
        ['\u1D5A'] = '\u026F', ['\u1D5B'] = 'v', ['\u1D5C'] = '\u1D25', ['\u1D5D'] = '\u03B2', ['\u1D5E'] = '\u03B3', ['\u1D5F'] = '\u03B4',
        ['\u1D60'] = '\u03C6', ['\u1D61'] = '\u03C7', ['\u2070'] = '0', ['\u2071'] = 'i', ['\u2074'] = '4', ['\u2075'] = '5',
        ['\u2076'] = '6', ['\u2077'] = '7', ['\u2078'] = '8', ['\u2079'] = '9', ['\u207A'] = '+', ['\u207B'] = '\u2212', ['\u207C'] = '=',
        ['\u207D'] = '(', ['\u207E'] = ')', ['\u207F'] = 'n', ['\u2120'] = 'S', ['\u2122'] = 'T', ['\u3192'] = '\u4E00',
        ['\u3193'] = '\u4E8C', ['\u3194'] = '\u4E09', ['\u3195'] = '\u56DB', ['\u3196'] = '\u4E0A', ['\u3197'] = '\u4E2D',
        ['\u3198'] = '\u4E0B', ['\u3199'] = '\u7532', ['\u319A'] = '\u4E59', ['\u319B'] = '\u4E19', ['\u319C'] = '\u4E01',
        ['\u319D'] = '\u5929', ['\u319E'] = '\u5730', ['\u319F'] = '\u4EBA', ['\u02C0'] = '\u0294', ['\u02C1'] = '\u0295',
        ['\u06E5'] = '\u0648', ['\u06E6'] = '\u064A',
    };

    /// <summary>Deepest nesting of markup spans and quotations in one field value; deeper marks are read flat (a tag's
    /// formatting not applied, a quotation mark kept as the character): the tree is walked recursively when rendered,
    /// and a title nested 20,000 deep overflowed the stack (hostile input, session 13).</summary>
    internal const int MaxMarkupDepth = 100;

    /// <summary>Position of the last straight double quote that can close a quotation (not after a space, not before a
    /// letter or digit), or -1: an opening quote at <c>i</c> has a closing one when this is at least <c>i + 2</c>.</summary>
    private static int LastClosingDouble(string text)
    {
        for (int j = text.Length - 1; j >= 1; j--)
        {
            if (text[j] == '"' && !char.IsWhiteSpace(text[j - 1]) && (j + 1 >= text.Length || !char.IsLetterOrDigit(text[j + 1])))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Position of the last straight single quote that can close a quotation (not after a space, not before a
    /// letter or digit), or -1.</summary>
    private static int LastClosingSingle(string text)
    {
        for (int j = text.Length - 1; j >= 1; j--)
        {
            if (text[j] == '\'' && (j + 1 >= text.Length || !char.IsLetterOrDigit(text[j + 1])) && text[j - 1] != ' ')
            {
                return j;
            }
        }

        return -1;
    }

    private static readonly (string Tag, Action<RSpan> Apply, string Close)[] OpenTags =
    [
        ("<i>", s => s.Format = s.Format with { Style = FontStyle.Italic }, "</i>"),
        ("<b>", s => s.Format = s.Format with { Weight = FontWeight.Bold }, "</b>"),
        ("<sc>", s => s.Format = s.Format with { Variant = FontVariant.SmallCaps }, "</sc>"),
        ("<sup>", s => s.Format = s.Format with { Align = VerticalAlign.Sup }, "</sup>"),
        ("<sub>", s => s.Format = s.Format with { Align = VerticalAlign.Sub }, "</sub>"),
        ("<span class=\"nocase\">", s => s.NoCase = true, "</span>"),
        ("<span class=\"nodecor\">", s =>
        {
            s.Format = new Formatting(FontStyle.Normal, FontVariant.Normal, FontWeight.Normal, TextDecoration.None, VerticalAlign.Unset);
            s.NoCase = true;
        }, "</span>"),
        ("<span style=\"font-variant:small-caps;\">", s => s.Format = s.Format with { Variant = FontVariant.SmallCaps }, "</span>"),
        ("<span style=\"font-variant: small-caps;\">", s => s.Format = s.Format with { Variant = FontVariant.SmallCaps }, "</span>"),
    ];

    // ------------------------------------------------------------------ serializers

    public static string Render(RNode? node, OutputFormat format, Locale locale)
    {
        if (node is null)
        {
            return string.Empty;
        }

        // one writer per thread, reused (Write does not call Render)
        var w = _writer ?? new Writer();
        _writer = null;
        w.Reset(format, locale);
        w.Write(node, default, 0);
        string s = w.ToString();
        if (w.Reusable)
        {
            _writer = w;
        }

        return s;
    }

    [ThreadStatic]
    private static Writer? _writer;

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new(256);
        private readonly List<string> _closers = [];
        private OutputFormat _format;
        private Locale _locale = null!;

        public bool Reusable => _sb.Capacity <= 16 * 1024;

        public void Reset(OutputFormat outputFormat, Locale outputLocale)
        {
            _format = outputFormat;
            _locale = outputLocale;
            _sb.Clear();
            _closers.Clear();
        }

        public override string ToString() => _sb.ToString();

        public void Write(RNode node, Formatting state, int quoteDepth)
        {
            if (node is RText t)
            {
                Escape(t.Text);
                return;
            }

            var s = (RSpan)node;
            string? divClass = s.Display switch
            {
                DisplayMode.Block => "csl-block",
                DisplayMode.LeftMargin => "csl-left-margin",
                DisplayMode.RightInline => "csl-right-inline",
                DisplayMode.Indent => "csl-indent",
                _ => null,
            };
            if (divClass is not null && Rich.IsEmpty(s))
            {
                // a display block emptied after rendering (subsequent-author-substitute="") leaves no trace
                return;
            }

            int divStart = -1, contentStart = -1;
            if (divClass is not null && _format == OutputFormat.Html)
            {
                divStart = _sb.Length;
                _sb.Append(s.Display switch
                {
                    DisplayMode.Block => "\n\n    ",
                    DisplayMode.LeftMargin => "\n    ",
                    _ => string.Empty,
                });
                _sb.Append("<div class=\"").Append(divClass).Append("\">");
                contentStart = _sb.Length;
            }
            else if (divClass is not null && _format == OutputFormat.Text && _sb.Length > 0 && s.Display is DisplayMode.Block or DisplayMode.Indent)
            {
                // as citeproc-js's text output: a block or indented part starts a new line
                _sb.Append(s.Display == DisplayMode.Block ? "\n" : "\n    ");
            }

            // closing tags of this span sit on one stack shared by the whole tree, above closerMark
            var closers = _closers;
            int closerMark = closers.Count;
            var f = s.Format;
            var inner = state;
            if (f.Weight != FontWeight.Unset)
            {
                var want = f.Weight;
                bool again = false;
                if (want == FontWeight.Bold && state.Weight == FontWeight.Bold)
                {
                    // markup flips inside the same formatting; a style's own attribute nests it again, as citeproc-js
                    // writes "<b><b>…</b></b>" for bold names in a bold group
                    again = !s.FromMarkup;
                    want = again ? want : FontWeight.Normal;
                }

                if (again || want != (state.Weight == FontWeight.Unset ? FontWeight.Normal : state.Weight))
                {
                    Open(want == FontWeight.Bold ? Tag.Bold : want == FontWeight.Light ? Tag.Light : Tag.NormalWeight, closers);
                }

                inner = inner with { Weight = want };
            }

            if (f.Style != FontStyle.Unset)
            {
                var want = f.Style;
                bool again = false;
                if (want is FontStyle.Italic or FontStyle.Oblique && state.Style is FontStyle.Italic or FontStyle.Oblique)
                {
                    again = !s.FromMarkup;
                    want = again ? want : FontStyle.Normal;
                }

                if (again || want != (state.Style == FontStyle.Unset ? FontStyle.Normal : state.Style))
                {
                    Open(want == FontStyle.Italic ? Tag.Italic : want == FontStyle.Oblique ? Tag.Oblique : Tag.NormalStyle, closers);
                }

                inner = inner with { Style = want };
            }

            if (f.Variant != FontVariant.Unset)
            {
                var want = f.Variant;
                bool again = false;
                if (want == FontVariant.SmallCaps && state.Variant == FontVariant.SmallCaps)
                {
                    again = !s.FromMarkup;
                    want = again ? want : FontVariant.Normal;
                }

                if (again || want != (state.Variant == FontVariant.Unset ? FontVariant.Normal : state.Variant))
                {
                    Open(want == FontVariant.SmallCaps ? Tag.SmallCaps : Tag.NormalVariant, closers);
                }

                inner = inner with { Variant = want };
            }

            if (f.Decoration != TextDecoration.Unset)
            {
                if (f.Decoration != (state.Decoration == TextDecoration.Unset ? TextDecoration.None : state.Decoration))
                {
                    Open(f.Decoration == TextDecoration.Underline ? Tag.Underline : Tag.NoDecoration, closers);
                }

                inner = inner with { Decoration = f.Decoration };
            }

            if (f.Align != VerticalAlign.Unset)
            {
                // a style's vertical-align is written wherever it is set, even "baseline" on the baseline
                // (citeproc-js: <span style="baseline">, <sup><sup>); markup only where it changes the alignment
                if (!s.FromMarkup || f.Align != (state.Align == VerticalAlign.Unset ? VerticalAlign.Baseline : state.Align))
                {
                    Open(f.Align == VerticalAlign.Sup ? Tag.Sup : f.Align == VerticalAlign.Sub ? Tag.Sub : Tag.Baseline, closers);
                }

                inner = inner with { Align = f.Align };
            }

            int qd = quoteDepth;
            bool single = false;
            if (s.Quotes)
            {
                // quoteDepth carries the kind of the enclosing quotation: 0 none, 1 double, 2 single
                single = s.SingleQuotes ? quoteDepth != 2 : quoteDepth == 1;
                Escape(single ? _locale.OpenInnerQuote : _locale.OpenQuote);
                qd = single ? 2 : 1;
            }

            foreach (var c in s.Children)
            {
                Write(c, inner, qd);
            }

            if (s.Quotes)
            {
                Escape(single ? _locale.CloseInnerQuote : _locale.CloseQuote);
            }

            for (int i = closers.Count - 1; i >= closerMark; i--)
            {
                _sb.Append(closers[i]);
            }

            closers.RemoveRange(closerMark, closers.Count - closerMark);

            if (divClass is not null && _format == OutputFormat.Html)
            {
                // trailing spaces of a right-inline block are written after it, before the entry's end
                int trailing = 0;
                while (s.Display == DisplayMode.RightInline && trailing < _sb.Length && _sb[_sb.Length - 1 - trailing] == ' ')
                {
                    trailing++;
                }

                _sb.Length -= trailing;
                if (divStart == 0)
                {
                    // leading spaces of the first block of an entry are written before it
                    int leading = 0;
                    while (contentStart + leading < _sb.Length && _sb[contentStart + leading] == ' ')
                    {
                        leading++;
                    }

                    if (leading > 0)
                    {
                        _sb.Remove(contentStart, leading);
                        _sb.Insert(0, " ", leading);
                    }
                }

                _sb.Append("</div>");
                _sb.Append(s.Display switch
                {
                    DisplayMode.Block => "\n",
                    DisplayMode.RightInline or DisplayMode.Indent => "\n  ",
                    _ => string.Empty,
                });
                _sb.Append(' ', trailing);
            }
            else if (divClass is not null && s.Display == DisplayMode.LeftMargin && _format is OutputFormat.Text or OutputFormat.Markdown
                && _sb.Length > 0 && !char.IsWhiteSpace(_sb[^1]))
            {
                // second-field-align: a space between the citation number and the entry ("[1] T. …"), as citeproc-js and pandoc
                _sb.Append(' ');
            }
            else if (divClass is not null && s.Display == DisplayMode.Block && _format is OutputFormat.Markdown or OutputFormat.Rtf)
            {
                _sb.Append('\n');
            }
        }

        private enum Tag { Italic, Oblique, NormalStyle, SmallCaps, NormalVariant, Bold, Light, NormalWeight, Underline, NoDecoration, Sup, Sub, Baseline }

        private void Open(Tag tag, List<string> closers)
        {
            (string open, string close) = _format switch
            {
                OutputFormat.Html => tag switch
                {
                    Tag.Italic => ("<i>", "</i>"),
                    Tag.Oblique => ("<em>", "</em>"),
                    Tag.NormalStyle => ("<span style=\"font-style:normal;\">", "</span>"),
                    Tag.SmallCaps => ("<span style=\"font-variant:small-caps;\">", "</span>"),
                    Tag.NormalVariant => ("<span style=\"font-variant:normal;\">", "</span>"),
                    Tag.Bold => ("<b>", "</b>"),
                    Tag.Light => ("<span style=\"font-weight:light;\">", "</span>"),
                    Tag.NormalWeight => ("<span style=\"font-weight:normal;\">", "</span>"),
                    Tag.Underline => ("<span style=\"text-decoration:underline;\">", "</span>"),
                    Tag.NoDecoration => ("<span style=\"text-decoration:none;\">", "</span>"),
                    Tag.Sup => ("<sup>", "</sup>"),
                    Tag.Sub => ("<sub>", "</sub>"),
                    _ => ("<span style=\"baseline\">", "</span>"),
                },
                OutputFormat.Markdown => tag switch
                {
                    Tag.Italic or Tag.Oblique => ("*", "*"),
                    Tag.Bold => ("**", "**"),
                    Tag.Sup => ("^", "^"),
                    Tag.Sub => ("~", "~"),
                    _ => (string.Empty, string.Empty),
                },
                OutputFormat.Rtf => tag switch
                {
                    Tag.Italic or Tag.Oblique => ("{\\i ", "}"),
                    Tag.NormalStyle => ("{\\i0 ", "}"),
                    Tag.Bold => ("{\\b ", "}"),
                    Tag.NormalWeight => ("{\\b0 ", "}"),
                    Tag.SmallCaps => ("{\\scaps ", "}"),
                    Tag.NormalVariant => ("{\\scaps0 ", "}"),
                    Tag.Underline => ("{\\ul ", "}"),
                    Tag.NoDecoration => ("{\\ul0 ", "}"),
                    Tag.Sup => ("{\\super ", "}"),
                    Tag.Sub => ("{\\sub ", "}"),
                    _ => ("{\\nosupersub ", "}"),
                },
                _ => (string.Empty, string.Empty),
            };
            _sb.Append(open);
            closers.Add(close);
        }

        private void Escape(string text)
        {
            switch (_format)
            {
                case OutputFormat.Html:
                {
                    // runs of ordinary characters are appended whole
                    int start = 0;
                    for (int i = 0; i < text.Length; i++)
                    {
                        char c = text[i];
                        if (c is not ('&' or '<' or '>') && c < '\u00AA')
                        {
                            continue;
                        }

                        string? entity = c switch { '&' => "&#38;", '<' => "&#60;", '>' => "&#62;", _ => null };
                        char plain = default;
                        if (entity is null && !SuperscriptMap.TryGetValue(c, out plain))
                        {
                            continue;
                        }

                        _sb.Append(text, start, i - start);
                        start = i + 1;
                        if (entity is not null)
                        {
                            _sb.Append(entity);
                        }
                        else
                        {
                            // the service mark and trade mark signs are two letters
                            _sb.Append("<sup>").Append(plain).Append(c switch { '\u2120' => "M", '\u2122' => "M", _ => string.Empty }).Append("</sup>");
                        }
                    }

                    _sb.Append(text, start, text.Length - start);
                    break;
                }

                case OutputFormat.Markdown:
                    foreach (char c in text)
                    {
                        if (c is '*' or '_' or '\\' or '`' or '[' or ']')
                        {
                            _sb.Append('\\');
                        }

                        _sb.Append(c);
                    }

                    break;
                case OutputFormat.Rtf:
                    foreach (char c in text)
                    {
                        if (c is '\\' or '{' or '}')
                        {
                            _sb.Append('\\').Append(c);
                        }
                        else if (c > 127)
                        {
                            _sb.Append("\\uc0\\u").Append((int)c).Append(' ');
                        }
                        else
                        {
                            _sb.Append(c);
                        }
                    }

                    break;
                default:
                    _sb.Append(text);
                    break;
            }
        }
    }
}
