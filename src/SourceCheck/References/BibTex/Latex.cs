using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using SourceCheck.Text;

namespace SourceCheck.References.BibTex;

/// <summary>LaTeX text ↔ Unicode for BibTeX field values. Accents (\"o, {\"o}, \"{o}, \'e, \c{c}, \v{s}, \H{o}, …),
/// special letters (\ss, \o, \ae, \l, \i, …), escaped characters (\&amp; \% \$ \# \_ \{ \}), dashes (-- –, --- —),
/// ~ (no-break space) and ``quotes''. Case-protecting braces become CSL's <c>&lt;span class="nocase"&gt;</c>,
/// \textit/\emph → &lt;i&gt;, \textbf → &lt;b&gt;, \textsc → small caps, \url{x} → x; the writer turns them back.
/// Math ($…$) becomes Unicode (Greek letters, operators, super- and subscripts as &lt;sup&gt;/&lt;sub&gt;).</summary>
internal static class Latex
{
    private const string NoCaseOpen = "<span class=\"nocase\">";
    private const string SmallCapsOpen = "<span style=\"font-variant:small-caps;\">";

    private static readonly FrozenDictionary<char, char> Combining = new Dictionary<char, char>
    {
        ['"'] = '\u0308', ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['~'] = '\u0303', ['='] = '\u0304',
        ['.'] = '\u0307', ['u'] = '\u0306', ['v'] = '\u030C', ['H'] = '\u030B', ['c'] = '\u0327', ['k'] = '\u0328',
        ['r'] = '\u030A', ['d'] = '\u0323', ['b'] = '\u0331', ['t'] = '\u0361',
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, char> CombiningBack = Combining
        .Where(kv => kv.Key != 't')
        .ToFrozenDictionary(kv => kv.Value, kv => kv.Key);

    private static readonly FrozenDictionary<string, string> Letters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["SS"] = "SS", ["o"] = "ø", ["O"] = "Ø", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ",
        ["aa"] = "å", ["AA"] = "Å", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ", ["dh"] = "ð", ["DH"] = "Ð",
        ["th"] = "þ", ["TH"] = "Þ", ["ng"] = "ŋ", ["NG"] = "Ŋ", ["dj"] = "đ", ["DJ"] = "Đ",
        ["textendash"] = "–", ["textemdash"] = "—", ["textquoteleft"] = "‘", ["textquoteright"] = "’",
        ["textquotedblleft"] = "“", ["textquotedblright"] = "”", ["textellipsis"] = "…", ["ldots"] = "…", ["dots"] = "…",
        ["textregistered"] = "®", ["texttrademark"] = "™", ["copyright"] = "©", ["textcopyright"] = "©", ["S"] = "§", ["P"] = "¶",
        ["pounds"] = "£", ["euro"] = "€", ["texteuro"] = "€", ["textdegree"] = "°", ["guillemotleft"] = "«", ["guillemotright"] = "»",
        ["textbackslash"] = "\\", ["LaTeX"] = "LaTeX", ["TeX"] = "TeX", ["textasciitilde"] = "~", ["textunderscore"] = "_",
        ["textbar"] = "|", ["textless"] = "<", ["textgreater"] = ">", ["slash"] = "/", ["quad"] = " ", ["qquad"] = " ",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> LettersBack = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ß"] = "{\\ss}", ["ø"] = "{\\o}", ["Ø"] = "{\\O}", ["æ"] = "{\\ae}", ["Æ"] = "{\\AE}", ["œ"] = "{\\oe}", ["Œ"] = "{\\OE}",
        ["å"] = "{\\aa}", ["Å"] = "{\\AA}", ["ł"] = "{\\l}", ["Ł"] = "{\\L}", ["ı"] = "{\\i}", ["ð"] = "{\\dh}", ["Ð"] = "{\\DH}",
        ["þ"] = "{\\th}", ["Þ"] = "{\\TH}", ["…"] = "{\\ldots}", ["©"] = "{\\textcopyright}", ["®"] = "{\\textregistered}",
        ["™"] = "{\\texttrademark}", ["§"] = "{\\S}", ["£"] = "{\\pounds}", ["€"] = "{\\texteuro}", ["°"] = "{\\textdegree}",
        ["«"] = "{\\guillemotleft}", ["»"] = "{\\guillemotright}",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>LaTeX field text → Unicode (with CSL rich-text markup for case protection and font styles).
    /// <paramref name="protectCase"/>: inner brace groups become nocase spans (titles); otherwise braces are dropped.</summary>
    public static string ToUnicode(string latex, bool protectCase = true) => ToUnicode(latex, protectCase, 0);

    /// <summary>Groups and command arguments nested deeper than this are read flat (braces dropped, commands
    /// kept as their names): no recursion that the input's depth controls, and time stays linear.</summary>
    public const int MaxDepth = 48;

    private static string ToUnicode(string latex, bool protectCase, int depth)
    {
        ArgumentNullException.ThrowIfNull(latex);
        if (latex.IndexOfAny(['\\', '{', '}', '~', '-', '`', '\'', '$']) < 0)
        {
            return latex;
        }

        var sb = new StringBuilder(latex.Length);
        int i = 0;
        Convert(latex, ref i, sb, depth, protectCase, stopAtClose: false);
        return TextNormalizer.SafeNormalize(sb.ToString(), NormalizationForm.FormC);
    }

    /// <summary>Past <see cref="MaxDepth"/>: the rest of the group as plain text, braces counted but not nested.</summary>
    private static void Flat(string s, ref int i, StringBuilder sb, bool stopAtClose)
    {
        int open = 0;
        while (i < s.Length)
        {
            char c = s[i++];
            switch (c)
            {
                case '{':
                    open++;
                    break;
                case '}' when open > 0:
                    open--;
                    break;
                case '}' when stopAtClose:
                    return;
                case '}' or '\\':
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
    }

    private static bool EndsWith(StringBuilder sb, string tail)
    {
        if (sb.Length < tail.Length)
        {
            return false;
        }

        for (int k = 0; k < tail.Length; k++)
        {
            if (sb[sb.Length - tail.Length + k] != tail[k])
            {
                return false;
            }
        }

        return true;
    }

    private static void Convert(string s, ref int i, StringBuilder sb, int depth, bool protectCase, bool stopAtClose)
    {
        if (depth >= MaxDepth)
        {
            Flat(s, ref i, sb, stopAtClose);
            return;
        }

        while (i < s.Length)
        {
            char c = s[i];
            switch (c)
            {
                case '}' when stopAtClose:
                    i++;
                    return;
                case '}':
                    i++;
                    break;
                case '{':
                {
                    i++;
                    if (Switch(s, i) is { } sw)
                    {
                        // {\em text}, {\bf text}, {\sc text}: a font switch for the rest of the group.
                        i += sw.Length;
                        string open = sw.Tag == "sc" ? SmallCapsOpen : $"<{sw.Tag}>";
                        string closeTag = sw.Tag == "sc" ? "</span>" : $"</{sw.Tag}>";
                        sb.Append(open);
                        Convert(s, ref i, sb, depth + 1, protectCase, stopAtClose: true);
                        sb.Append(closeTag);
                        break;
                    }

                    // {\"o} and {\ss}: a group that is only a command is not case protection.
                    bool commandGroup = i < s.Length && s[i] == '\\' && IsAccentOrLetterGroup(s, i);
                    if (commandGroup || !protectCase || EndsWith(sb, NoCaseOpen))
                    {
                        Convert(s, ref i, sb, depth + 1, protectCase, stopAtClose: true);
                    }
                    else
                    {
                        sb.Append(NoCaseOpen);
                        Convert(s, ref i, sb, depth + 1, protectCase: false, stopAtClose: true);
                        sb.Append("</span>");
                    }

                    break;
                }

                case '\\':
                    Command(s, ref i, sb, depth, protectCase);
                    break;
                case '~':
                    sb.Append('\u00A0');
                    i++;
                    break;
                case '-' when At(s, i, "---"):
                    sb.Append('—');
                    i += 3;
                    break;
                case '-' when At(s, i, "--"):
                    sb.Append('–');
                    i += 2;
                    break;
                case '`' when At(s, i, "``"):
                    sb.Append('“');
                    i += 2;
                    break;
                case '\'' when At(s, i, "''"):
                    sb.Append('”');
                    i += 2;
                    break;
                case '$':
                {
                    int close = s.IndexOf('$', i + 1);
                    if (close < 0)
                    {
                        sb.Append('$');
                        i++;
                    }
                    else
                    {
                        // TeX math → Unicode (Greek letters, operators, ^/_ as <sup>/<sub>); unknown commands keep their name.
                        TexMath(s.AsSpan(i + 1, close - i - 1), sb);
                        i = close + 1;
                    }

                    break;
                }

                default:
                    sb.Append(c);
                    i++;
                    break;
            }
        }
    }

    private static readonly FrozenDictionary<string, string> MathSymbols = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["varepsilon"] = "ε", ["zeta"] = "ζ",
        ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ", ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν",
        ["xi"] = "ξ", ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ", ["upsilon"] = "υ", ["phi"] = "ϕ", ["varphi"] = "φ",
        ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω", ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ",
        ["Pi"] = "Π", ["Sigma"] = "Σ", ["Upsilon"] = "Υ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
        ["times"] = "×", ["cdot"] = "·", ["pm"] = "±", ["mp"] = "∓", ["leq"] = "≤", ["le"] = "≤", ["geq"] = "≥", ["ge"] = "≥", ["neq"] = "≠",
        ["ne"] = "≠", ["approx"] = "≈", ["sim"] = "∼", ["simeq"] = "≃", ["equiv"] = "≡", ["propto"] = "∝", ["infty"] = "∞", ["partial"] = "∂",
        ["nabla"] = "∇", ["sum"] = "∑", ["prod"] = "∏", ["int"] = "∫", ["sqrt"] = "√", ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←",
        ["Rightarrow"] = "⇒", ["leftrightarrow"] = "↔", ["in"] = "∈", ["notin"] = "∉", ["subset"] = "⊂", ["subseteq"] = "⊆", ["cup"] = "∪",
        ["cap"] = "∩", ["emptyset"] = "∅", ["forall"] = "∀", ["exists"] = "∃", ["ell"] = "ℓ", ["hbar"] = "ℏ", ["circ"] = "∘", ["ast"] = "∗",
        ["star"] = "⋆", ["prime"] = "′", ["langle"] = "⟨", ["rangle"] = "⟩", ["ldots"] = "…", ["cdots"] = "⋯", ["odot"] = "⊙", ["oplus"] = "⊕",
        ["otimes"] = "⊗", ["lesssim"] = "≲", ["gtrsim"] = "≳", ["ll"] = "≪", ["gg"] = "≫", ["degree"] = "°", ["AA"] = "Å",
        ["log"] = "log", ["ln"] = "ln", ["exp"] = "exp", ["sin"] = "sin", ["cos"] = "cos", ["max"] = "max", ["min"] = "min", ["lim"] = "lim",
        [","] = " ", [";"] = " ", [":"] = " ", ["!"] = "", ["quad"] = " ", ["left"] = "", ["right"] = "", ["{"] = "{", ["}"] = "}",
        ["%"] = "%", ["&"] = "&", ["#"] = "#", ["_"] = "_", ["$"] = "$",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The inside of <c>$…$</c> as Unicode text: symbols from <see cref="MathSymbols"/>, <c>^x</c>/<c>^{…}</c> →
    /// &lt;sup&gt;, <c>_x</c>/<c>_{…}</c> → &lt;sub&gt;, <c>\mathrm{…}</c>, <c>\text{…}</c>, <c>\mathbf{…}</c> … → their
    /// content, braces dropped; an unknown command keeps its name without the backslash.</summary>
    private static void TexMath(ReadOnlySpan<char> m, StringBuilder sb)
    {
        int i = 0;
        while (i < m.Length)
        {
            char c = m[i];
            if (c == '\\')
            {
                int start = ++i;
                if (i < m.Length && !char.IsAsciiLetter(m[i]))
                {
                    i++;
                }
                else
                {
                    while (i < m.Length && char.IsAsciiLetter(m[i]))
                    {
                        i++;
                    }
                }

                string name = m[start..i].ToString();
                if (MathSymbols.TryGetValue(name, out var sym))
                {
                    sb.Append(sym);
                }
                else if (name is "mathrm" or "text" or "textrm" or "mathit" or "mathbf" or "mathsf" or "mathcal" or "operatorname" or "mbox" or "rm" or "mathbb")
                {
                    // the argument follows as a group or a character and is read by the loop
                }
                else if (name.Length > 0)
                {
                    sb.Append(name);
                }

                continue; // spaces as written are kept: "T \approx 10" → "T ≈ 10"
            }

            if (c is '^' or '_' && i + 1 < m.Length)
            {
                i++;
                ReadOnlySpan<char> arg;
                if (m[i] == '{')
                {
                    int depth = 0;
                    int k = i;
                    for (; k < m.Length; k++)
                    {
                        if (m[k] == '{')
                        {
                            depth++;
                        }
                        else if (m[k] == '}' && --depth == 0)
                        {
                            break;
                        }
                    }

                    arg = m[(i + 1)..Math.Min(k, m.Length)];
                    i = Math.Min(k + 1, m.Length);
                }
                else if (m[i] == '\\')
                {
                    int k = i + 1;
                    while (k < m.Length && char.IsAsciiLetter(m[k]))
                    {
                        k++;
                    }

                    arg = m[i..Math.Max(k, i + 2 > m.Length ? m.Length : i + 2)];
                    i += arg.Length;
                }
                else
                {
                    arg = m.Slice(i, 1);
                    i++;
                }

                string tag = c == '^' ? "sup" : "sub";
                sb.Append('<').Append(tag).Append('>');
                TexMath(arg, sb);
                sb.Append("</").Append(tag).Append('>');
                continue;
            }

            if (c is not ('{' or '}'))
            {
                sb.Append(c);
            }

            i++;
        }
    }

    private static (string Tag, int Length)? Switch(string s, int i)
    {
        if (i >= s.Length || s[i] != '\\')
        {
            return null;
        }

        int e = i + 1;
        while (e < s.Length && char.IsAsciiLetter(s[e]))
        {
            e++;
        }

        string? tag = s[(i + 1)..e] switch
        {
            "em" or "it" or "sl" or "itshape" or "slshape" => "i",
            "bf" or "bfseries" => "b",
            "sc" or "scshape" => "sc",
            _ => null,
        };
        if (tag is null || e >= s.Length || s[e] is not (' ' or '}'))
        {
            return null;
        }

        if (s[e] == ' ')
        {
            e++;
        }

        return (tag, e - i);
    }

    private static bool IsAccentOrLetterGroup(string s, int i)
    {
        if (i + 1 >= s.Length)
        {
            return false;
        }

        char n = s[i + 1];
        if (!char.IsLetter(n))
        {
            return Combining.ContainsKey(n) || n is '&' or '%' or '$' or '#' or '_' or '{' or '}';
        }

        int e = i + 1;
        while (e < s.Length && char.IsAsciiLetter(s[e]))
        {
            e++;
        }

        string name = s[(i + 1)..e];
        return Letters.ContainsKey(name) || (name.Length == 1 && Combining.ContainsKey(name[0]));
    }

    private static void Command(string s, ref int i, StringBuilder sb, int depth, bool protectCase)
    {
        i++; // backslash
        if (i >= s.Length)
        {
            sb.Append('\\');
            return;
        }

        char c = s[i];
        if (c is '&' or '%' or '$' or '#' or '_' or '{' or '}' or ' ' or ',' or ';' or '!' or '/' or '@')
        {
            sb.Append(c is ',' or ';' ? ' ' : c == '/' || c == '@' || c == '!' ? "" : c.ToString());
            i++;
            return;
        }

        if (c == '\\')
        {
            sb.Append(' ');
            i++;
            return;
        }

        string name;
        if (!char.IsAsciiLetter(c))
        {
            name = c.ToString();
            i++;
        }
        else
        {
            int start = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }

            name = s[start..i];
        }

        if (name.Length == 1 && Combining.TryGetValue(name[0], out char mark) && (!char.IsAsciiLetter(name[0]) || !Letters.ContainsKey(name) || NextIsArgument(s, i)))
        {
            // Argument: {x}, a single letter, or (after a letter-named accent) a space then a letter.
            while (i < s.Length && s[i] == ' ' && char.IsAsciiLetter(name[0]))
            {
                i++;
            }

            string baseText;
            if (i < s.Length && s[i] == '{')
            {
                int close = MatchBrace(s, i);
                baseText = ToUnicode(s[(i + 1)..close], protectCase: false, depth + 1);
                i = close + 1;
            }
            else if (i < s.Length && s[i] == '\\')
            {
                // \"\i
                var inner = new StringBuilder();
                if (depth >= MaxDepth)
                {
                    i++;
                }
                else
                {
                    Command(s, ref i, inner, depth + 1, protectCase);
                }

                baseText = inner.ToString();
            }
            else if (i < s.Length)
            {
                baseText = s[i].ToString();
                i++;
            }
            else
            {
                baseText = string.Empty;
            }

            if (baseText == "ı")
            {
                baseText = "i";
            }

            if (baseText.Length > 0)
            {
                sb.Append(baseText[0]).Append(mark).Append(baseText, 1, baseText.Length - 1);
            }

            return;
        }

        if (Letters.TryGetValue(name, out string? letter))
        {
            if (i < s.Length && s[i] == ' ' && char.IsAsciiLetter(name[^1]))
            {
                i++; // "\ss dorf" — the space only ends the command name
            }
            else if (At(s, i, "{}"))
            {
                i += 2;
            }

            sb.Append(letter);
            return;
        }

        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        string? arg = null;
        if (i < s.Length && s[i] == '{')
        {
            int close = MatchBrace(s, i);
            arg = s[(i + 1)..close];
            i = close + 1;
        }

        switch (name)
        {
            case "textit" or "emph" or "it" or "em" or "textsl" or "sl":
                sb.Append("<i>").Append(ToUnicode(arg ?? string.Empty, protectCase, depth + 1)).Append("</i>");
                break;
            case "textbf" or "bf":
                sb.Append("<b>").Append(ToUnicode(arg ?? string.Empty, protectCase, depth + 1)).Append("</b>");
                break;
            case "textsc" or "sc":
                sb.Append(SmallCapsOpen).Append(ToUnicode(arg ?? string.Empty, protectCase, depth + 1)).Append("</span>");
                break;
            case "textsuperscript":
                sb.Append("<sup>").Append(ToUnicode(arg ?? string.Empty, protectCase, depth + 1)).Append("</sup>");
                break;
            case "textsubscript":
                sb.Append("<sub>").Append(ToUnicode(arg ?? string.Empty, protectCase, depth + 1)).Append("</sub>");
                break;
            case "url" or "path" or "nolinkurl" or "doi":
                sb.Append(arg ?? string.Empty);
                break;
            case "hyphen" or "hyph" when arg is null:
                sb.Append('-');
                break;
            case "mkbibquote" or "enquote" or "mkbibquotes":
                // biblatex quotation marks
                sb.Append('“').Append(ToUnicode(arg ?? string.Empty, protectCase)).Append('”');
                break;
            case "mkbibemph" or "mkbibitalic":
                sb.Append("<i>").Append(ToUnicode(arg ?? string.Empty, protectCase)).Append("</i>");
                break;
            case "mkbibbold":
                sb.Append("<b>").Append(ToUnicode(arg ?? string.Empty, protectCase)).Append("</b>");
                break;
            case "href":
            {
                // \href{url}{text}: keep the text
                if (i < s.Length && s[i] == '{')
                {
                    int close = MatchBrace(s, i);
                    sb.Append(ToUnicode(s[(i + 1)..close], protectCase, depth + 1));
                    i = close + 1;
                }
                else
                {
                    sb.Append(arg ?? string.Empty);
                }

                break;
            }

            default:
                if (arg is not null)
                {
                    sb.Append(ToUnicode(arg, protectCase, depth + 1));
                }

                break;
        }
    }

    private static bool NextIsArgument(string s, int i) => i < s.Length && (s[i] == '{' || s[i] == ' ');

    /// <summary>Index of the brace closing the one at <paramref name="open"/> (or the end of the string).</summary>
    internal static int MatchBrace(string s, int open)
    {
        int depth = 0;
        for (int k = open; k < s.Length; k++)
        {
            if (s[k] == '\\')
            {
                k++;
                continue;
            }

            if (s[k] == '{')
            {
                depth++;
            }
            else if (s[k] == '}')
            {
                depth--;
                if (depth == 0)
                {
                    return k;
                }
            }
        }

        return s.Length;
    }

    private static bool At(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

    /// <summary>Unicode (with CSL rich-text markup) → LaTeX for a BibTeX field value: special characters escaped,
    /// accented letters as {\"o}, dashes as --/---, no-break space as ~, markup as \textit/\textbf/\textsc and
    /// nocase spans as {…}. <paramref name="verbatim"/> (URLs, DOIs): only braces are balanced, nothing escaped.</summary>
    public static string FromUnicode(string text, bool verbatim = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (verbatim)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        string decomposed = TextNormalizer.SafeNormalize(text, NormalizationForm.FormD);
        for (int i = 0; i < decomposed.Length; i++)
        {
            char c = decomposed[i];
            if (c == '<' && TryMarkup(decomposed, ref i, sb))
            {
                continue;
            }

            if (i + 1 < decomposed.Length && CombiningBack.TryGetValue(decomposed[i + 1], out char accent) && char.IsLetter(c))
            {
                string baseLetter = c == 'i' && accent is '"' or '\'' or '`' or '^' ? "\\i" : c.ToString();
                sb.Append(char.IsAsciiLetter(accent) ? $"{{\\{accent}{{{baseLetter}}}}}" : $"{{\\{accent}{baseLetter}}}");
                i++;
                continue;
            }

            switch (c)
            {
                case '&' or '%' or '$' or '#' or '_':
                    sb.Append('\\').Append(c);
                    break;
                case '{':
                    sb.Append("\\{");
                    break;
                case '}':
                    sb.Append("\\}");
                    break;
                case '\\':
                    sb.Append("{\\textbackslash}");
                    break;
                case '~':
                    sb.Append("{\\textasciitilde}");
                    break;
                case '\u00A0':
                    sb.Append('~');
                    break;
                case '–':
                    sb.Append("--");
                    break;
                case '—':
                    sb.Append("---");
                    break;
                case '“':
                    sb.Append("``");
                    break;
                case '”':
                    sb.Append("''");
                    break;
                default:
                    if (LettersBack.TryGetValue(c.ToString(), out string? back))
                    {
                        sb.Append(back);
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return TextNormalizer.SafeNormalize(sb.ToString(), NormalizationForm.FormC);
    }

    private static bool TryMarkup(string s, ref int i, StringBuilder sb)
    {
        (string Open, string Latex, string Close)[] tags =
        [
            (NoCaseOpen, "{", "}"), ("<i>", "\\textit{", "}"), ("<b>", "\\textbf{", "}"), (SmallCapsOpen, "\\textsc{", "}"),
            ("<sup>", "\\textsuperscript{", "}"), ("<sub>", "\\textsubscript{", "}"),
        ];
        foreach (var (open, latex, close) in tags)
        {
            if (!At(s, i, open))
            {
                continue;
            }

            string closeTag = open.StartsWith("<span", StringComparison.Ordinal) ? "</span>" : "</" + open[1..];
            int end = FindClose(s, i + open.Length, closeTag, open.StartsWith("<span", StringComparison.Ordinal));
            if (end < 0)
            {
                return false;
            }

            sb.Append(latex).Append(FromUnicode(TextNormalizer.SafeNormalize(s[(i + open.Length)..end], NormalizationForm.FormC))).Append(close);
            i = end + closeTag.Length - 1;
            return true;
        }

        return false;
    }

    private static int FindClose(string s, int from, string closeTag, bool span)
    {
        int depth = 0;
        for (int k = from; k < s.Length; k++)
        {
            if (span && At(s, k, "<span"))
            {
                depth++;
            }
            else if (At(s, k, closeTag))
            {
                if (depth == 0)
                {
                    return k;
                }

                depth--;
            }
        }

        return -1;
    }

    /// <summary>Month field → 1–12 ("nov", "November", "11", "Nov."), or null.</summary>
    public static int? Month(string value)
    {
        string v = value.Trim().TrimEnd('.').ToLowerInvariant();
        if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            return n is >= 1 and <= 12 ? n : null;
        }

        for (int k = 0; k < MonthMacros.Length; k++)
        {
            if (v.StartsWith(MonthMacros[k], StringComparison.Ordinal))
            {
                return k + 1;
            }
        }

        foreach (var (form, month) in SourceCheck.Text.MonthNames.German.Forms())
        {
            if (v.StartsWith(form, StringComparison.Ordinal))
            {
                return month;
            }
        }

        return null;
    }

    /// <summary>BibTeX's month macros: the first three letters of the English names ("jan" … "dec").</summary>
    internal static readonly string[] MonthMacros = [.. SourceCheck.Text.MonthNames.English.Names.Select(n => n[0][..3])];

    /// <summary>The English month names the macros stand for ("January" … "December").</summary>
    internal static readonly string[] MonthNames = [.. SourceCheck.Text.MonthNames.English.Names.Select(n => char.ToUpperInvariant(n[0][0]) + n[0][1..])];
}
