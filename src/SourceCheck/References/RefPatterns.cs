using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.References;

/// <summary>Cheap shape tests used to find and split bibliography blocks (not to parse fields: that is
/// <see cref="ReferenceParser"/>'s job). All patterns are linear and carry a timeout.</summary>
internal static partial class RefPatterns
{
    /// <summary>Whether a piece of text reads as a (whole) reference: it carries a year, a German date ("15.12.1983"), "n.d."/"o. J.", a URL or a
    /// DOI, and some reference punctuation.</summary>
    public static bool LooksLikeReference(ReadOnlySpan<char> text)
    {
        if (text.Length < 12)
        {
            return false;
        }

        if (text.Length > 4000)
        {
            text = text[..4000];
        }

        bool marker = Year().IsMatch(text) || NoDate().IsMatch(text) || Url().IsMatch(text) || Doi().IsMatch(text) || NumericDate().IsMatch(text);
        if (!marker)
        {
            return false;
        }

        return text.IndexOfAny('.', ',', ':') >= 0;
    }

    /// <summary>Whether text starts like a reference: a date in brackets, an author name pattern ("Wile, R.",
    /// "Peters OA", "Maria Fernández and"), a quoted title, or a capitalised start with a bracketed year soon after.</summary>
    public static bool LooksLikeReferenceStart(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (text.Length > 300)
        {
            text = text[..300];
        }

        if (DateStart().IsMatch(text) || NameStart().IsMatch(text) || BibliographyDetector.NumberMarker().IsMatch(text))
        {
            return true;
        }

        var head = text[..Math.Min(text.Length, 160)];
        if ((char.IsUpper(text[0]) || LowerAgency().IsMatch(text) || text[0] is '„' or '"' or '“' or '‘' or '«' or '\'') && BracketYear().IsMatch(head))
        {
            return true;
        }

        // Chicago/MLA "First Last, “Title,” …" or an unsigned quoted title with a year later on.
        if ((text[0] is '„' or '"' or '“' or '«') && Year().IsMatch(text))
        {
            return true;
        }

        return char.IsUpper(text[0]) && PersonThenQuote().IsMatch(head) && Year().IsMatch(text);
    }

    /// <summary>Whether text carries what ends a reference's body: a DOI, volume(issue) "84(2)", a page range "191–215" or
    /// "S71–S102", "pp. 4"/"S. 3", or a Vancouver "2005;2(8):e124".</summary>
    public static bool HasLocator(ReadOnlySpan<char> text) => Doi().IsMatch(text) || Locator().IsMatch(text);

    [GeneratedRegex(@"\d\s?\(\d[^)]{0,10}\)|\b\p{Lu}?\d+\s?[–-]\s?\p{Lu}?\d+\b|\b(?:pp?|S)\.\s?\d|;\s?\d+\s?[(:]", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Locator();

    /// <summary>A line that only continues the previous entry: a URL, DOI or "Retrieved from …".</summary>
    public static bool IsUrlLine(ReadOnlySpan<char> line) => ContinuationStart().IsMatch(line);

    /// <summary>A line that begins like the middle of a reference: "In:", "S. 3", "pp. 4", "Vol. 2", "(Hrsg.)".</summary>
    public static bool IsContinuationWord(ReadOnlySpan<char> line) => ContinuationWord().IsMatch(line);

    /// <summary>Running prose: many words, no date, URL or DOI.</summary>
    public static bool LooksLikeProse(ReadOnlySpan<char> text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words >= 10 && !Year().IsMatch(text) && !Url().IsMatch(text);
    }

    [GeneratedRegex(@"^(?:In:|In\s+\p{Lu}|S\.\s*\d|pp?\.\s*\d|Vol\.|vol\.|Bd\.|Jg\.|Nr\.|No\.|Hrsg\.|\(Hrsg\.\)|Ed\.|eds?\.|edited\b|\d+\s*[(–-])", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex ContinuationWord();

    [GeneratedRegex(@"(?<![\d/.-])(1[5-9]\d\d|20\d\d)[a-z]?(?![\d])", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    public static partial Regex Year();

    // "15.12.1983", "3. 4. 2016" (a German date: Year() leaves a year after a full stop alone)
    [GeneratedRegex(@"(?<![\d.])\d{1,2}\.\s?\d{1,2}\.\s?(?:1[5-9]|20)\d\d(?!\d)", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?:n\.\s?d\.|o\.\s?J\.|s\.\s?d\.|undated|ohne Jahr)", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex NoDate();

    [GeneratedRegex(@"(?:https?://|www\.)\S", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    public static partial Regex Url();

    [GeneratedRegex(@"\b10\.\d{4,9}/\S", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Doi();

    // "dpa (2025)", "o. V. (2025)", "afp (n.d.)"
    [GeneratedRegex(@"^(?:o\.\s?V\.|\p{Ll}{2,5})\s*[(\[]", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex LowerAgency();

    [GeneratedRegex(@"^\(\s*(?:\d{4}|n\.\s?d\.|o\.\s?J\.|s\.\s?d\.)", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex DateStart();

    [GeneratedRegex(@"[(\[]\s*(?:1[5-9]\d\d|20\d\d|n\.\s?d\.|o\.\s?J\.|s\.\s?d\.)|\b(?:1[5-9]\d\d|20\d\d)[a-z]?\)", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex BracketYear();

    // "Wile, R." / "Wile, Ryan" / "van der Berg, K." / "Pérez-Higueras JJ," / "SMITH, J"
    [GeneratedRegex(@"^(?:(?:van|von|de|der|den|da|di|du|le|la|del|della|ten|ter|dos|das|zu|af)\s+){0,3}(?:\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)?,\s+\p{Lu}(?:[\p{Ll}'’\-]+\b|\.)|\p{Lu}[\p{L}'’\-]+\s\p{Lu}{1,3}[,.]\s)", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex NameStart();

    // "Maria Fernández and Tom Reilly, “…" / "Karen Olsen, “…"
    [GeneratedRegex(@"^\p{Lu}[\p{L}'’.\-]+(?:\s+(?:(?:van|von|de|der|den|da|di|du|le|la|del|della|ten|ter|dos|das|zu|af)\s+){0,3}\p{Lu}[\p{L}'’.\-]+){0,3}(?:(?:,|\s+and|\s+und|\s+&)\s+\p{Lu}[\p{L}'’.\-]+(?:\s+(?:(?:van|von|de|der|den|da|di|du|le|la|del|della|ten|ter|dos|das|zu|af)\s+){0,3}\p{Lu}[\p{L}'’.\-]+){0,3}){0,4},?\s+[“""„«‘]", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex PersonThenQuote();

    [GeneratedRegex(@"^(?:https?://|www\.|doi:|DOI\b|10\.\d{4,9}/|<https?://|Retrieved\b|Abgerufen\b|Available\b|Accessed\b|URL\b|Zugriff\b|Zugegriffen\b|Online\b|\[Online\]|Verfügbar\b|Consulté\b|Disponible\b)", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex ContinuationStart();
}
