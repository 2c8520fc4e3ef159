using System.Text.RegularExpressions;
using SourceCheck.Text;

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
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Compact();

    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        if (text.Contains(';', StringComparison.Ordinal))
        {
            CompactForm(text, tokens, labels, count);
        }

        ArticleNumber(text, tokens, labels, count);
        LabelledDetails(text, tokens, labels, count);
        VolumeIssueMonthYear(text, tokens, labels, count);
    }

    /// <summary>German details after the title ("In: Tellus. Band 12, Nr. 2, 1960, S. 200–203", "Bd. 4, Heft 3"):
    /// the number after "Band"/"Bd." is the volume, after "Nr."/"Heft" the issue, after "S." the page or range; the
    /// label words are no field (they had stayed in the container: "Tellus. Band").</summary>
    private static void LabelledDetails(string text, List<RefToken> tokens, int[] labels, int count)
    {
        int title = Array.IndexOf(labels, TagLabels.Title, 0, count);
        if (title < 0)
        {
            return;
        }

        for (int t = title + 1; t + 1 < count; t++)
        {
            var tok = tokens[t];
            if (tok.Kind != RefTokenKind.Word || labels[t] == TagLabels.Title)
            {
                continue;
            }

            var w = text.AsSpan(tok.Start, tok.Length);
            int k = t + 1;
            bool dot = tokens[k].IsPunct(text, '.') && !tokens[k].SpaceBefore;
            int field = w switch
            {
                "Band" => TagLabels.Volume,
                "Bd" when dot => TagLabels.Volume,
                "Heft" => TagLabels.Issue,
                "Nr" when dot => TagLabels.Issue,
                "S" when dot => TagLabels.Pages,
                _ => TagLabels.O,
            };
            if (field == TagLabels.O)
            {
                continue;
            }

            if (dot)
            {
                k++;
            }

            if (k >= count || tokens[k].Kind != RefTokenKind.Number)
            {
                continue;
            }

            int end = k;
            if (field == TagLabels.Pages && k + 2 < count && tokens[k + 1].Kind == RefTokenKind.Punct && text[tokens[k + 1].Start] is '–' or '-'
                && tokens[k + 2].Kind == RefTokenKind.Number)
            {
                end = k + 2;
            }

            for (int j = t; j < k; j++)
            {
                labels[j] = TagLabels.O;
            }

            for (int j = k; j <= end; j++)
            {
                labels[j] = field;
            }

            t = end;
        }
    }

    /// <summary>ACM's "Commun. ACM 13, 6 (June 1970), 377–387": volume, issue and the issue's month and year in
    /// brackets (the tagger read "13, 6" as one volume).</summary>
    private static void VolumeIssueMonthYear(string text, List<RefToken> tokens, int[] labels, int count)
    {
        for (int t = 1; t + 6 < count; t++)
        {
            if (tokens[t].Kind != RefTokenKind.Number || tokens[t].Length > 5
                || !(labels[t] == TagLabels.Volume || labels[t - 1] == TagLabels.Container || (t > 1 && tokens[t - 1].Kind == RefTokenKind.Punct && labels[t - 2] == TagLabels.Container))
                || !tokens[t + 1].IsPunct(text, ',') || tokens[t + 2].Kind != RefTokenKind.Number || tokens[t + 2].Length > 5
                || !tokens[t + 3].IsPunct(text, '(') || tokens[t + 4].Kind != RefTokenKind.Word || !IsYear(text, tokens[t + 5]) || !tokens[t + 6].IsPunct(text, ')')
                || !Lexicon.Months.ContainsKey(text.Substring(tokens[t + 4].Start, tokens[t + 4].Length).ToLowerInvariant()))
            {
                continue;
            }

            labels[t] = TagLabels.Volume;
            labels[t + 1] = TagLabels.O;
            labels[t + 2] = TagLabels.Issue;
            labels[t + 3] = TagLabels.O;
            labels[t + 4] = TagLabels.Date;
            labels[t + 5] = TagLabels.Date;
            labels[t + 6] = TagLabels.O;
            return;
        }
    }

    private static bool IsYear(string text, RefToken tok) =>
        tok.Kind == RefTokenKind.Number && tok.Length == 4 && text[tok.Start] is '1' or '2';

    private static void CompactForm(string text, List<RefToken> tokens, int[] labels, int count)
    {
        Match m;
        try
        {
            m = Compact().Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            RegexPolicy.Skipped();
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
