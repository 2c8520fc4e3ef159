using System.Text.RegularExpressions;

namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding for German DIN 1505 / Citavi references, whose author list ends with a colon:
/// "Baumann, Ulrike ; Franz, Elke ; Pfitzmann, Andreas: Kryptographische Systeme. Berlin : Springer, 2014",
/// "Schneider, Lena: Bahn kündigt … an, in: …", "Müller, K. / Meier, P. (Hrsg.): …". When the reference opens
/// with such a list ("Family, Given" names joined by ";" or "/", no digits), its tokens are the authors (editors
/// with "(Hrsg.)") and the sentence after the colon is the title — the tagger, trained mostly on English styles,
/// often takes the names for a title.</summary>
internal static partial class DinAuthors
{
    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        // Author lists are short: only the opening is looked at (also bounds the regex work on long inputs).
        var m = Pattern().Match(text, 0, Math.Min(text.Length, 400));
        if (!m.Success)
        {
            return;
        }

        var names = m.Groups["names"];
        int namesEnd = names.Index + names.Length;
        int colon = m.Index + m.Length - 1;
        while (colon > 0 && text[colon] != ':')
        {
            colon--;
        }

        bool editors = m.Groups["ed"].Success;
        int nameLabel = editors ? TagLabels.Editor : TagLabels.Author;
        int nameStart = editors ? TagLabels.EditorB : TagLabels.AuthorB;
        bool first = true;
        int t = 0;
        for (; t < count && tokens[t].Start < names.Index; t++)
        {
        }

        for (; t < count && tokens[t].Start < colon; t++)
        {
            var tok = tokens[t];
            if (tok.Start >= namesEnd)
            {
                labels[t] = TagLabels.O; // "(Hrsg.)"
                continue;
            }

            char c = text[tok.Start];
            if (tok.Kind == RefTokenKind.Punct && c is ';' or '/')
            {
                labels[t] = TagLabels.O;
                first = true;
                continue;
            }

            labels[t] = first ? nameStart : nameLabel;
            first = false;
        }

        if (t < count && text[tokens[t].Start] == ':')
        {
            labels[t] = TagLabels.O;
            t++;
        }

        // The title: up to the first sentence end (". "), ", in:" or a URL — only when the tagger found no title
        // there at all (it took the title for a container or for more names); otherwise its reading stands.
        int titleFrom = t;
        int titleTo = TitleEnd(text, tokens, labels, t, count);
        for (int k = titleFrom; k < titleTo; k++)
        {
            if (labels[k] == TagLabels.Title)
            {
                return;
            }
        }

        for (; t < titleTo; t++)
        {
            labels[t] = TagLabels.Title;
        }
    }

    private static int TitleEnd(string text, List<RefToken> tokens, int[] labels, int t, int count)
    {
        for (; t < count; t++)
        {
            var tok = tokens[t];
            if (tok.Kind is RefTokenKind.Url or RefTokenKind.Doi)
            {
                break;
            }

            if (tok.Kind == RefTokenKind.Punct && text[tok.Start] is '.' or ',' && tok.End < text.Length - 1 && text[tok.End] == ' '
                && (text[tok.Start] == '.' || At(text, tok.End + 1, "in:") || At(text, tok.End + 1, "In:")))
            {
                break;
            }

            if (labels[t] is TagLabels.Accessed or TagLabels.Date)
            {
                break;
            }
        }

        return t;
    }

    private static bool At(string s, int i, string what) => i + what.Length <= s.Length && string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

    [GeneratedRegex(@"^\s*(?:\[[^\]\s]{1,20}\]:?\s+|\d{1,4}[.)]\s+)?(?<names>(?>[\p{Lu}][\p{L}'’\-]+(?:\s[\p{L}'’\-]+){0,2},[ ]?[\p{Lu}][\p{L}.\-]*(?:\s[\p{Lu}][\p{L}.\-]*){0,3})(?>\s?[;/]\s?(?>[\p{Lu}][\p{L}'’\-]+(?:\s[\p{L}'’\-]+){0,2},[ ]?[\p{Lu}][\p{L}.\-]*(?:\s[\p{Lu}][\p{L}.\-]*){0,3})){0,20}(?:\s(?:u\.\s?a\.|et\sal\.))?)\s?(?<ed>\((?:Hrsg|Hg|Ed|Eds|ed|eds)\.?\))?\s?:\s", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Pattern();
}
