using System.Text;

namespace SourceCheck.Text;

/// <summary>Neutralises control characters and escape sequences that came from input (articles, pages,
/// bibliographies) before they reach a terminal or a Markdown report: ESC, the other C0 controls except tab and
/// line breaks, DEL and the C1 controls become visible Unicode control pictures (ESC → ␛), so
/// <c>ESC]0;title BEL</c>, <c>ESC[2J</c> or an OSC 8 hyperlink print as text instead of acting.</summary>
public static class TerminalText
{
    /// <summary>True for a character that a terminal may act on (other than tab, CR and LF).</summary>
    public static bool IsControl(char c) => (c < ' ' && c is not ('\n' or '\r' or '\t')) || c is >= '\u007F' and <= '\u009F';

    /// <summary>The visible stand-in of a control character: U+2400+c for C0 (␛ for ESC), ␡ for DEL, U+FFFD for C1.</summary>
    public static char Picture(char c) => c < ' ' ? (char)(0x2400 + c) : c == '\u007F' ? '\u2421' : '\uFFFD';

    /// <summary>The text with every control character (see <see cref="IsControl"/>) replaced by its picture.</summary>
    public static string Neutralize(string text)
    {
        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            sb.Append(IsControl(c) ? Picture(c) : c);
        }

        return sb.ToString();
    }

    /// <summary>Text safe inside a Markdown paragraph or table cell: controls neutralised, HTML markup shown as text
    /// (<c>&lt;script&gt;</c>, <c>onerror=</c> in a tag cannot act), table pipes escaped, line breaks joined.</summary>
    public static string Markdown(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '|':
                    sb.Append("\\|");
                    break;
                case '\n' or '\r':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(IsControl(c) ? Picture(c) : c);
                    break;
            }
        }

        return sb.ToString();
    }
}
