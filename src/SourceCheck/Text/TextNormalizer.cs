using System.Text;

namespace SourceCheck.Text;

/// <summary>Normalisation used for comparing and displaying text (never for offsets): typographic
/// quotes and dashes to ASCII, runs of whitespace to one space, soft hyphens and zero-width characters
/// dropped, optional case folding.</summary>
internal static class TextNormalizer
{
    public static string Normalize(string text, bool foldCase = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char raw in text)
        {
            char c = raw switch
            {
                '„' or '“' or '”' or '«' or '»' or '‟' or '″' => '"',
                '‚' or '‘' or '’' or '‹' or '›' or '′' => '\'',
                '–' or '—' or '‒' or '−' => '-',
                '\u00A0' or '\u2009' or '\u202F' or '\u2007' => ' ',
                _ => raw,
            };
            if (c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(foldCase ? char.ToLowerInvariant(c) : c);
        }

        return sb.ToString();
    }

    /// <summary>Words of a text (letters and digits), lower-cased.</summary>
    public static IReadOnlyList<string> Words(string text) => Words(text, lowerCase: true);

    /// <summary>Words of a text: runs of letters and digits, with an apostrophe or hyphen inside a word kept
    /// ("didn't", "KI-Infrastruktur"); lower-cased when <paramref name="lowerCase"/>, else as written.</summary>
    public static IReadOnlyList<string> Words(string text, bool lowerCase)
    {
        var words = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int s = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || ((text[i] is '\'' or '’' or '-') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
            {
                i++;
            }

            words.Add(lowerCase ? text[s..i].ToLowerInvariant() : text[s..i]);
        }

        return words;
    }

    /// <summary>The text with every lone (unpaired) surrogate replaced by U+FFFD: escapes such as <c>\ud800</c> in
    /// JSON, YAML or LaTeX can produce them, and Unicode normalisation throws on them.</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        // vectorised: text without any surrogate (most text) is returned as it is after one scan
        int first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return text;
        }

        char[]? copy = null;
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                copy ??= text.ToCharArray();
                copy[i] = '\uFFFD';
            }
        }

        return copy is null ? text : new string(copy);
    }

    /// <summary><see cref="string.Normalize(System.Text.NormalizationForm)"/> that never throws (lone surrogates become U+FFFD first).</summary>
    public static string SafeNormalize(string text, System.Text.NormalizationForm form) => ReplaceLoneSurrogates(text).Normalize(form);
}
