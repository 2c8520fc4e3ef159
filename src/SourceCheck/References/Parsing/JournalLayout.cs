using System.Text.RegularExpressions;

namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14): journal details written in the compact NLM/Vancouver form
/// "PLoS Med. 2005;2(8):e124.", "BMJ. 2021;372:n71.", "Nat Rev Neurosci. 2013 May;14(5):365–76." — year (with an
/// optional month and day), ";", volume, "(issue)", ":" pages or article number — are read by their layout: the
/// tagger sees the form too rarely and took "2005;2" for a volume. The journal abbreviation just before the year
/// is the container. An article number after "volume(issue), " ("Science, 349(6251), aac4716.") is the page.</summary>
internal static partial class JournalLayout
{
    // year [month [day]] ; volume [(issue)] [: pages] — issue or pages required, so "2005; 2 studies" is no match
    [GeneratedRegex(@"(?<![\w;/.-])((?:1[5-9]|20)\d\d[a-z]?(?:\s(?:[A-Z][a-z]{2,8}\.?)(?:[-–/][A-Z][a-z]{2,8}\.?)?(?:\s\d{1,2})?)?)\s?;\s?(\d{1,5}[A-Za-z]?)(?:\s?(\([^()]{1,15}\)))?(?:\s?:\s?([A-Za-z]{0,4}\d{1,8}[A-Za-z]?(?:\s?[-–]\s?[A-Za-z]{0,4}\d{1,8}[A-Za-z]?)?))?(?![\w(])",
        RegexOptions.CultureInvariant, 200)]
    private static partial Regex Compact();

    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        if (text.Contains(';', StringComparison.Ordinal))
        {
            CompactForm(text, tokens, labels, count);
        }

        ArticleNumber(text, tokens, labels, count);
    }

    private static void CompactForm(string text, List<RefToken> tokens, int[] labels, int count)
    {
        Match m;
        try
        {
            m = Compact().Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return;
        }

        for (; m.Success; m = m.NextMatch())
        {
            if (!m.Groups[3].Success && !m.Groups[4].Success)
            {
                continue;
            }

            int yearToken = -1;
            for (int t = 0; t < count; t++)
            {
                var tok = tokens[t];
                if (tok.Start < m.Index || tok.Start >= m.Index + m.Length)
                {
                    continue;
                }

                yearToken = yearToken < 0 ? t : yearToken;
                labels[t] = tok.Kind == RefTokenKind.Punct && tok.Length == 1 && text[tok.Start] is ';' or ':' or '(' or ')' ? TagLabels.O
                    : In(m.Groups[1], tok) ? TagLabels.Date
                    : In(m.Groups[2], tok) ? TagLabels.Volume
                    : In(m.Groups[3], tok) ? TagLabels.Issue
                    : In(m.Groups[4], tok) ? TagLabels.Pages
                    : TagLabels.O;
            }

            if (yearToken > 0)
            {
                JournalBefore(text, tokens, labels, count, yearToken);
            }

            return; // one journal block per reference
        }
    }

    /// <summary>"BMJ. 2021;372:n71": the words just before the year, up to the previous sentence end, are the
    /// journal when the tagger called them a publisher, place or note and no container was found.</summary>
    private static void JournalBefore(string text, List<RefToken> tokens, int[] labels, int count, int yearToken)
    {
        for (int t = 0; t < count; t++)
        {
            if (labels[t] == TagLabels.Container)
            {
                return;
            }
        }

        int end = yearToken - 1;
        while (end >= 0 && tokens[end].Kind == RefTokenKind.Punct && text[tokens[end].Start] == '.')
        {
            end--;
        }

        if (end < 0 || labels[end] is not (TagLabels.Publisher or TagLabels.Location or TagLabels.Note))
        {
            return;
        }

        int label = labels[end];
        int start = end;
        while (start > 0 && labels[start - 1] == label)
        {
            start--;
        }

        for (int t = start; t <= end; t++)
        {
            labels[t] = TagLabels.Container;
        }
    }

    private static bool In(Group g, RefToken tok) => g.Success && tok.Start >= g.Index && tok.End <= g.Index + g.Length;

    /// <summary>"349(6251), aac4716." / "14, e0212345.": a letter-prefixed number glued together right after the
    /// issue's ")" or the volume, and no page found, is the article number (the page in CSL).</summary>
    private static void ArticleNumber(string text, List<RefToken> tokens, int[] labels, int count)
    {
        int close = -1;
        for (int t = 0; t < count; t++)
        {
            if (labels[t] == TagLabels.Pages)
            {
                return;
            }

            if (close < 0 && t + 3 < count && (labels[t] == TagLabels.Issue || labels[t] == TagLabels.Volume))
            {
                int k = t + 1;
                if (labels[t] == TagLabels.Issue && tokens[k].Kind == RefTokenKind.Punct && text[tokens[k].Start] == ')')
                {
                    k++;
                }

                if (k + 2 < count && tokens[k].Kind == RefTokenKind.Punct && text[tokens[k].Start] == ','
                    && tokens[k + 1].Kind == RefTokenKind.Word && tokens[k + 1].Length <= 4 && IsLower(text, tokens[k + 1])
                    && tokens[k + 2].Kind == RefTokenKind.Number && !tokens[k + 2].SpaceBefore && tokens[k + 2].Length >= 3
                    && (k + 3 >= count || tokens[k + 3].SpaceBefore || text[tokens[k + 3].Start] is '.' or ','))
                {
                    close = k + 1;
                }
            }
        }

        if (close > 0)
        {
            labels[close] = TagLabels.Pages;
            labels[close + 1] = TagLabels.Pages;
        }
    }

    private static bool IsLower(string text, RefToken tok)
    {
        for (int i = tok.Start; i < tok.End; i++)
        {
            if (!char.IsLower(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
