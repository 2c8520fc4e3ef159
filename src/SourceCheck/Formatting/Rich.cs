using System.Text;

namespace SourceCheck.Formatting;

public enum FontStyle : byte { Unset, Normal, Italic, Oblique }

public enum FontVariant : byte { Unset, Normal, SmallCaps }

public enum FontWeight : byte { Unset, Normal, Bold, Light }

public enum TextDecoration : byte { Unset, None, Underline }

public enum VerticalAlign : byte { Unset, Baseline, Sup, Sub }

public enum DisplayMode : byte { None, Block, LeftMargin, RightInline, Indent }

/// <summary>Font formatting of an element (CSL formatting attributes).</summary>
public readonly record struct Formatting(FontStyle Style, FontVariant Variant, FontWeight Weight, TextDecoration Decoration, VerticalAlign Align)
{
    public bool IsEmpty => Style == FontStyle.Unset && Variant == FontVariant.Unset && Weight == FontWeight.Unset
        && Decoration == TextDecoration.Unset && Align == VerticalAlign.Unset;
}

/// <summary>A node of the rendering tree: a text leaf or a span with formatting, quotes, affixes and display.</summary>
public abstract class RNode
{
}

public sealed class RText : RNode
{
    public RText(string text) => Text = text;

    public string Text { get; set; }

    /// <summary>Text that text-case transformations leave alone (nocase spans, affixes).</summary>
    public bool NoCase { get; set; }

    /// <summary>A locale quote mark produced by quotes="true" (the punctuation-in-quote rules look at it).</summary>
    public bool IsCloseQuote { get; set; }

    /// <summary>Text that came from a locale term (a leading term of a note citation is capitalized).</summary>
    public bool IsTerm { get; set; }

    public override string ToString() => Text;
}

public sealed class RSpan : RNode
{
    public List<RNode> Children { get; } = [];

    public Formatting Format { get; set; }

    public bool Quotes { get; set; }

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
            Children.Add(node);
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

public enum OutputFormat
{
    Text,
    Html,
    Markdown,
    Rtf,
}

/// <summary>Helpers over rendering trees, and the serializers for the output formats.</summary>
public static class Rich
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

        var sb = new StringBuilder();
        AppendPlain(sb, node);
        return sb.ToString();
    }

    public static bool IsEmpty(RNode? node) => node switch
    {
        null => true,
        RText t => t.Text.Length == 0,
        RSpan s => s.Children.TrueForAll(IsEmpty),
        _ => true,
    };

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
        var root = new RSpan();
        if (text.IndexOf('<') < 0 && (!quotes || (text.IndexOf('"') < 0 && text.IndexOf('\'') < 0)))
        {
            root.Children.Add(new RText(text));
            return root;
        }

        var stack = new Stack<(RSpan Span, string Close)>();
        stack.Push((root, string.Empty));
        var sb = new StringBuilder();
        void Flush()
        {
            if (sb.Length > 0)
            {
                stack.Peek().Span.Children.Add(new RText(sb.ToString()));
                sb.Clear();
            }
        }

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

                if (matched is not null && open is not null && text.IndexOf(close, i + matched.Length, StringComparison.Ordinal) >= 0)
                {
                    Flush();
                    stack.Peek().Span.Children.Add(open);
                    stack.Push((open, close));
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
                if (inQuote && (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1])))
                {
                    Flush();
                    stack.Pop();
                    i++;
                    continue;
                }

                if (!inQuote && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && text.IndexOf('"', i + 1) > i + 1)
                {
                    Flush();
                    var q = new RSpan { Quotes = true, FromMarkup = true };
                    stack.Peek().Span.Children.Add(q);
                    stack.Push((q, "\""));
                    i++;
                    continue;
                }
            }
            else if (quotes && c == '\'')
            {
                bool inQuote = stack.Peek().Close == "'";
                bool prevWord = i > 0 && char.IsLetterOrDigit(text[i - 1]);
                bool nextWord = i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
                if (inQuote && !nextWord)
                {
                    Flush();
                    stack.Pop();
                    i++;
                    continue;
                }

                if (!prevWord && nextWord && HasClosingSingle(text, i + 1))
                {
                    Flush();
                    var q = new RSpan { Quotes = true, FromMarkup = true };
                    stack.Peek().Span.Children.Add(q);
                    stack.Push((q, "'"));
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

    private static bool HasClosingSingle(string text, int from)
    {
        for (int j = from; j < text.Length; j++)
        {
            if (text[j] == '\'' && (j + 1 >= text.Length || !char.IsLetterOrDigit(text[j + 1])) && j > 0 && text[j - 1] != ' ')
            {
                return true;
            }
        }

        return false;
    }

    private static readonly (string Tag, Action<RSpan> Apply, string Close)[] OpenTags =
    [
        ("<i>", s => s.Format = s.Format with { Style = FontStyle.Italic }, "</i>"),
        ("<b>", s => s.Format = s.Format with { Weight = FontWeight.Bold }, "</b>"),
        ("<sc>", s => s.Format = s.Format with { Variant = FontVariant.SmallCaps }, "</sc>"),
        ("<sup>", s => s.Format = s.Format with { Align = VerticalAlign.Sup }, "</sup>"),
        ("<sub>", s => s.Format = s.Format with { Align = VerticalAlign.Sub }, "</sub>"),
        ("<span class=\"nocase\">", s => s.NoCase = true, "</span>"),
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

        var w = new Writer(format, locale);
        w.Write(node, default, 0);
        return w.ToString();
    }

    private sealed class Writer(OutputFormat format, Locale locale)
    {
        private readonly StringBuilder _sb = new();

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
            if (divClass is not null && format == OutputFormat.Html)
            {
                _sb.Append(s.Display switch
                {
                    DisplayMode.Block => "\n\n    ",
                    DisplayMode.LeftMargin => "\n    ",
                    _ => string.Empty,
                });
                _sb.Append("<div class=\"").Append(divClass).Append("\">");
            }

            var closers = new List<string>(4);
            var f = s.Format;
            var inner = state;
            if (f.Weight != FontWeight.Unset)
            {
                var want = f.Weight;
                if (want == FontWeight.Bold && state.Weight == FontWeight.Bold)
                {
                    want = FontWeight.Normal;
                }

                if (want != (state.Weight == FontWeight.Unset ? FontWeight.Normal : state.Weight))
                {
                    Open(want == FontWeight.Bold ? Tag.Bold : want == FontWeight.Light ? Tag.Light : Tag.NormalWeight, closers);
                }

                inner = inner with { Weight = want };
            }

            if (f.Style != FontStyle.Unset)
            {
                var want = f.Style;
                if (s.FromMarkup || true)
                {
                    if (want is FontStyle.Italic or FontStyle.Oblique && state.Style is FontStyle.Italic or FontStyle.Oblique)
                    {
                        want = FontStyle.Normal;
                    }
                }

                if (want != (state.Style == FontStyle.Unset ? FontStyle.Normal : state.Style))
                {
                    Open(want == FontStyle.Italic ? Tag.Italic : want == FontStyle.Oblique ? Tag.Oblique : Tag.NormalStyle, closers);
                }

                inner = inner with { Style = want };
            }

            if (f.Variant != FontVariant.Unset)
            {
                var want = f.Variant;
                if (want == FontVariant.SmallCaps && state.Variant == FontVariant.SmallCaps)
                {
                    want = FontVariant.Normal;
                }

                if (want != (state.Variant == FontVariant.Unset ? FontVariant.Normal : state.Variant))
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
                if (f.Align != (state.Align == VerticalAlign.Unset ? VerticalAlign.Baseline : state.Align))
                {
                    Open(f.Align == VerticalAlign.Sup ? Tag.Sup : f.Align == VerticalAlign.Sub ? Tag.Sub : Tag.Baseline, closers);
                }

                inner = inner with { Align = f.Align };
            }

            int qd = quoteDepth;
            if (s.Quotes)
            {
                _sb.Append(EscapeStr(quoteDepth % 2 == 0 ? locale.OpenQuote : locale.OpenInnerQuote));
                qd++;
            }

            foreach (var c in s.Children)
            {
                Write(c, inner, qd);
            }

            if (s.Quotes)
            {
                _sb.Append(EscapeStr(quoteDepth % 2 == 0 ? locale.CloseQuote : locale.CloseInnerQuote));
            }

            for (int i = closers.Count - 1; i >= 0; i--)
            {
                _sb.Append(closers[i]);
            }

            if (divClass is not null && format == OutputFormat.Html)
            {
                _sb.Append("</div>");
                _sb.Append(s.Display switch
                {
                    DisplayMode.Block => "\n",
                    DisplayMode.RightInline or DisplayMode.Indent => "\n  ",
                    _ => string.Empty,
                });
            }
            else if (divClass is not null && s.Display == DisplayMode.Block && format != OutputFormat.Html)
            {
                _sb.Append('\n');
            }
        }

        private enum Tag { Italic, Oblique, NormalStyle, SmallCaps, NormalVariant, Bold, Light, NormalWeight, Underline, NoDecoration, Sup, Sub, Baseline }

        private void Open(Tag tag, List<string> closers)
        {
            (string open, string close) = format switch
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

        private string EscapeStr(string s)
        {
            int len = _sb.Length;
            Escape(s);
            string r = _sb.ToString(len, _sb.Length - len);
            _sb.Length = len;
            return r;
        }

        private void Escape(string text)
        {
            switch (format)
            {
                case OutputFormat.Html:
                    foreach (char c in text)
                    {
                        switch (c)
                        {
                            case '&': _sb.Append("&#38;"); break;
                            case '<': _sb.Append("&#60;"); break;
                            case '>': _sb.Append("&#62;"); break;
                            default: _sb.Append(c); break;
                        }
                    }

                    break;
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
