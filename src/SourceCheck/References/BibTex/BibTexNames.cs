using System.Text;
using SourceCheck.Csl;

namespace SourceCheck.References.BibTex;

/// <summary>BibTeX name lists ↔ CSL names. "Last, First and First von Last and von Last, Jr, First and {Corporate
/// Name}": names are split at " and " outside braces; the von part (lower-case words) becomes the CSL
/// non-dropping particle, "Jr"/"III" the suffix, a fully braced name a literal; "others" is kept as a literal.</summary>
internal static class BibTexNames
{
    public static IReadOnlyList<CslName> Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var names = new List<CslName>();
        foreach (var part in SplitAnd(value))
        {
            var name = ParseOne(part);
            if (name is not null)
            {
                names.Add(name);
            }
        }

        return names;
    }

    internal static List<string> SplitAnd(string value)
    {
        var parts = new List<string>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }
            else if (depth == 0 && char.IsWhiteSpace(c) && i + 4 < value.Length
                && (value[i + 1] is 'a' or 'A') && (value[i + 2] is 'n' or 'N') && (value[i + 3] is 'd' or 'D') && char.IsWhiteSpace(value[i + 4]))
            {
                parts.Add(value[start..i]);
                i += 4;
                start = i + 1;
            }
        }

        parts.Add(value[start..]);
        return parts.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
    }

    private static CslName? ParseOne(string raw)
    {
        if (raw == "others")
        {
            return CslName.Institution("others");
        }

        if (raw.Length > 1 && raw[0] == '{' && Latex.MatchBrace(raw, 0) == raw.Length - 1 && !raw.StartsWith("{\\", StringComparison.Ordinal))
        {
            return CslName.Institution(Latex.ToUnicode(raw[1..^1], protectCase: false));
        }

        var commaParts = SplitTopLevel(raw, ',');
        string? first;
        string? jr = null;
        List<string> vonLast;
        if (commaParts.Count == 1)
        {
            var words = Words(commaParts[0]);
            if (words.Count == 0)
            {
                return null;
            }

            // First von Last: von starts at the first lower-case word (not the last word), Last is the rest.
            int vonStart = -1;
            for (int k = 0; k < words.Count - 1; k++)
            {
                if (IsLower(words[k]))
                {
                    vonStart = k;
                    break;
                }
            }

            if (vonStart >= 0)
            {
                first = string.Join(' ', words.Take(vonStart));
                vonLast = words.Skip(vonStart).ToList();
            }
            else
            {
                first = string.Join(' ', words.Take(words.Count - 1));
                vonLast = [words[^1]];
            }
        }
        else
        {
            vonLast = Words(commaParts[0]);
            if (commaParts.Count >= 3)
            {
                jr = commaParts[1].Trim();
                first = string.Join(", ", commaParts.Skip(2)).Trim();
            }
            else
            {
                first = commaParts[1].Trim();
            }
        }

        // Split von / Last: von = the longest leading run ending in a lower-case word, Last keeps at least one word.
        int lastVon = -1;
        for (int k = 0; k < vonLast.Count - 1; k++)
        {
            if (IsLower(vonLast[k]))
            {
                lastVon = k;
            }
        }

        string von = lastVon >= 0 ? string.Join(' ', vonLast.Take(lastVon + 1)) : string.Empty;
        string last = string.Join(' ', vonLast.Skip(lastVon + 1));
        if (last.Length == 0)
        {
            return null;
        }

        return new CslName
        {
            Family = Latex.ToUnicode(last, protectCase: false),
            Given = string.IsNullOrEmpty(first) ? null : Latex.ToUnicode(first, protectCase: false),
            NonDroppingParticle = von.Length == 0 ? null : Latex.ToUnicode(von, protectCase: false),
            Suffix = string.IsNullOrEmpty(jr) ? null : Latex.ToUnicode(jr, protectCase: false),
        };
    }

    private static bool IsLower(string word)
    {
        // The case of a word is that of its first letter outside braces; {\"u}ber counts by the accented letter.
        int depth = 0;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (c == '{')
            {
                if (depth == 0 && i + 1 < word.Length && word[i + 1] == '\\')
                {
                    // {\"u}ber: the letter after the accent; {\v{C}}: the letter in the argument; {\ss}: the command
                    string converted = Latex.ToUnicode(word[i..Math.Min(word.Length, Latex.MatchBrace(word, i) + 1)], protectCase: false);
                    char letter = converted.FirstOrDefault(char.IsLetter);
                    return letter != default && char.IsLower(letter);
                }

                depth++;
                continue;
            }

            if (c == '}')
            {
                depth--;
                continue;
            }

            if (depth == 0 && char.IsLetter(c))
            {
                return char.IsLower(c);
            }
        }

        return false;
    }

    private static List<string> Words(string s)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }

            // '~' is a tie between words, except in the accent "\~n" (Pe\~na)
            if (depth == 0 && (char.IsWhiteSpace(c) || (c == '~' && !(i > 0 && s[i - 1] == '\\'))))
            {
                if (sb.Length > 0)
                {
                    words.Add(sb.ToString());
                    sb.Clear();
                }

                continue;
            }

            sb.Append(c);
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }

    private static List<string> SplitTopLevel(string s, char sep)
    {
        var parts = new List<string>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '{')
            {
                depth++;
            }
            else if (s[i] == '}')
            {
                depth--;
            }
            else if (s[i] == sep && depth == 0)
            {
                parts.Add(s[start..i]);
                start = i + 1;
            }
        }

        parts.Add(s[start..]);
        return parts;
    }

    /// <summary>CSL names → BibTeX name list ("von Last, Jr, First and {Corporate Name}").</summary>
    public static string Format(IEnumerable<CslName> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return string.Join(" and ", names.Select(FormatOne));
    }

    private static string FormatOne(CslName n)
    {
        if (n.Literal is not null)
        {
            return n.Literal == "others" ? "others" : "{" + Latex.FromUnicode(n.Literal) + "}";
        }

        string family = Latex.FromUnicode(n.Family ?? string.Empty);
        if (family.Contains(' ', StringComparison.Ordinal) || family.Contains(',', StringComparison.Ordinal)
            || (family.Length > 0 && char.IsLower(family[0])))
        {
            family = "{" + family + "}";
        }

        string particle = string.Join(' ', new[] { n.NonDroppingParticle, n.DroppingParticle }.Where(p => !string.IsNullOrEmpty(p)));
        string vonLast = particle.Length > 0 ? Latex.FromUnicode(particle) + " " + family : family;
        if (string.IsNullOrEmpty(n.Given) && string.IsNullOrEmpty(n.Suffix))
        {
            return vonLast;
        }

        string given = Latex.FromUnicode(n.Given ?? string.Empty);
        return string.IsNullOrEmpty(n.Suffix) ? $"{vonLast}, {given}" : $"{vonLast}, {Latex.FromUnicode(n.Suffix)}, {given}";
    }
}
