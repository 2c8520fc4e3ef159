using System.Globalization;
using System.Text;

namespace SourceCheck.Text;

/// <summary>Case and accent folding, in one place. Each method serves one purpose and says why it differs from the
/// others; all drop the combining marks Unicode decomposition splits off ("é" → "e" + U+0301).
/// <list type="bullet">
/// <item><see cref="WithoutDiacritics"/>: accents off, everything else kept (names compared tolerantly).</item>
/// <item><see cref="ForMatching"/>: lower-case words for claim matching and stemming ("ß" → "ss" as well).</item>
/// <item><see cref="Key"/>: a comparison key of a text (titles and names when de-duplicating references): letters
/// and digits only, single spaces; compatibility forms folded too ("ﬁ" → "fi", full-width letters).</item>
/// <item><see cref="PageTextKey"/>: a comparison key of texts read from one web page (title candidates, headings, site and
/// author names), where the same words are expected spelled the same way: case, punctuation, quotes, dashes and symbols
/// folded, accents kept ("Müller" and "Muller" stay apart, as a page's own repetitions never differ in them).</item>
/// <item><see cref="GermanAsciiSpelling"/>: umlauts and ß as written without them ("ä" → "ae", "ß" → "ss"), the way
/// domain names, slugs and ASCII-only titles spell German words; compared beside the accent-free form.</item>
/// <item><see cref="AsciiKey"/>: the ASCII letters and digits of a name for citation ids ("Müller" → "muller",
/// "Groß" → "gross", "Søren" → "soren").</item>
/// <item><see cref="ForSearchIndex"/>: the store's search index, which must fold exactly as SQLite's unicode61
/// tokenizer with remove_diacritics does (so both store backends find the same claims, and rows already stored keep
/// their keys): every kind of combining mark dropped, "ß" kept, nothing recomposed.</item>
/// </list></summary>
internal static class TextFolding
{
    private static bool IsNonSpacingMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>Removes diacritics ("Müller" → "Muller"); case and all other characters are kept.</summary>
    public static string WithoutDiacritics(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (char c in d)
        {
            if (!IsNonSpacingMark(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Folding of a lower-cased word for matching: ä → a, ö → o, ü → u, ß → ss, other diacritics removed.</summary>
    public static string ForMatching(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        return Ascii.IsValid(lower) ? lower : WithoutDiacritics(lower.Replace("ß", "ss", StringComparison.Ordinal));
    }

    /// <summary>The runs of letters and digits of <paramref name="s"/> as they are, each run of anything else one space (a
    /// leading or trailing one kept: callers that want words alone trim). Nothing is folded: callers fold first.</summary>
    public static string AlphanumericRuns(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                space = false;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Letters and digits only, lower case, diacritics removed, compatibility forms folded, single spaces.</summary>
    public static string Key(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s.Normalize(NormalizationForm.FormKD))
        {
            if (IsNonSpacingMark(c))
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Comparison key of page texts: compatibility-normalised (NFKC), lower case, punctuation, quotes, dashes and
    /// symbols read as spaces, white space (and U+200B) collapsed to single spaces, trimmed; accents kept.</summary>
    public static string PageTextKey(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string s = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            var cat = char.GetUnicodeCategory(c);
            bool separator = cat is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
                or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol
                || char.IsWhiteSpace(c) || c == '\u200B';
            if (separator)
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>German umlauts and ß spelled without them: ä → ae, ö → oe, ü → ue (Ä → Ae, …), ß → ss; all else kept.</summary>
    public static string GermanAsciiSpelling(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("äöüÄÖÜß") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 4);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'Ä' => "Ae",
                'Ö' => "Oe",
                'Ü' => "Ue",
                'ß' => "ss",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>ASCII lower-case letters and digits only, diacritics removed ("Müller" → "muller", "ß" → "ss",
    /// "ø" → "o", "æ" → "ae"); every other character is dropped.</summary>
    public static string AsciiKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (c == 'ß')
            {
                sb.Append("ss");
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is 'ø' or 'Ø')
            {
                sb.Append('o');
            }
            else if (c is 'æ' or 'Æ')
            {
                sb.Append("ae");
            }
        }

        return sb.ToString();
    }

    /// <summary>Lower case with every combining mark removed (ü → u), as SQLite's unicode61 tokenizer folds for the
    /// search index.</summary>
    public static string ForSearchIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
