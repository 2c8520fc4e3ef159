using System.Text.RegularExpressions;
using SourceCheck.Text;

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
        // natural order first: "Roger Revelle, Hans E. Suess:" would read as one DIN name "Family, Given"
        if (NaturalOrder(text, tokens, labels, count))
        {
            return;
        }

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

        if (!names.Value.Contains(';', StringComparison.Ordinal) && !names.Value.Contains('/', StringComparison.Ordinal)
            && TaggerTitleAfterAuthor(tokens, labels, count, names.Index, colon) >= 0)
        {
            // one "Family, Given" name (no DIN ";" or "/" list), read by the tagger as an author and then a title that
            // begins before the colon: "Tintner, Gerhard. Econometrics. New York:" is a Chicago book, not a DIN author
            return;
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

        TitleAfterColon(text, tokens, labels, count, t);
    }

    /// <summary>German Wikipedia and news boxes write the names in natural order before the colon — "Svante Arrhenius:
    /// On the Influence …", "Michael E. Mann, Raymond S. Bradley, Malcolm K. Hughes: Northern hemisphere …" — or an
    /// organisation: "NASA Goddard Institute for Space Studies: GISS Surface Temperature Analysis …". Each
    /// comma-separated part must be two to five capitalised words, initials or name particles (so "Family, Given"
    /// lists stay with the DIN pattern). An organisation (<see cref="NameText.IsOrganisationName(string)"/>) is one
    /// literal author; persons only when there are several, one has an initial, or the tagger itself began a name
    /// there — "Deep Learning: A Review" stays a title.</summary>
    private static bool NaturalOrder(string text, List<RefToken> tokens, int[] labels, int count)
    {
        int s = 0;
        while (s < count && (labels[s] == TagLabels.CitationNumber || tokens[s].Kind == RefTokenKind.Punct) && s < 4)
        {
            s++;
        }

        int colon = -1;
        int parts = 1;
        int words = 0;
        int capitals = 0; // capitalised words of the current part: "von der Heide" alone is no name in natural order
        bool initial = false;
        bool ok = true;
        for (int t = s; t < count && t - s < 40; t++)
        {
            var tok = tokens[t];
            char c = text[tok.Start];
            if (tok.Kind == RefTokenKind.Punct)
            {
                if (c == ':' && tok.End < text.Length && text[tok.End] == ' ')
                {
                    colon = t;
                    break;
                }

                if (c == ',')
                {
                    ok &= words is >= 2 and <= 5 && capitals >= 2;
                    parts++;
                    words = 0;
                    capitals = 0;
                    continue;
                }

                if (c == '.' && t > s && tokens[t - 1].Kind == RefTokenKind.Word && tokens[t - 1].Length == 1 && char.IsUpper(text[tokens[t - 1].Start]))
                {
                    continue; // the full stop of an initial
                }

                ok = false;
                break;
            }

            if (tok.Kind != RefTokenKind.Word)
            {
                ok = false;
                break;
            }

            var w = text.AsSpan(tok.Start, tok.Length);
            words++;
            capitals += char.IsUpper(c) ? 1 : 0;
            initial |= w.Length == 1 && char.IsUpper(c);
            ok &= char.IsUpper(c) || Particle(w);
            if (!ok)
            {
                break;
            }
        }

        if (colon > s && TaggerTitleAfterAuthor(tokens, labels, count, tokens[s].Start, tokens[colon].Start) is int tt and >= 0
            && (!PartHasNameMark(text, tokens, s, colon, tt) || VancouverEnd(text, tokens, s, colon, tt)))
        {
            // the tagger read a name and then a title before the colon ("James Gleick, Chaos: Making a New Science",
            // "Stephen Jay Gould, Wonderful Life: …"), and the part where its title begins has no initial or name
            // particle ("Malcolm K. Hughes", "Hans von Storch" are names): its reading stands
            return false;
        }

        if (!ok || colon <= s || words is < 2 or > 5 || capitals < 2 || parts > 8)
        {
            // an organisation with lower-case linking words ("… Institute for Space Studies") is checked on its own
            if (colon < 0)
            {
                colon = OrganisationColon(text, tokens, s, count);
            }

            if (colon <= s || !NameText.IsOrganisationName(text[tokens[s].Start..tokens[colon - 1].End]))
            {
                return false;
            }

            Organisation(text, tokens, labels, count, s, colon);
            return true;
        }

        string run = text[tokens[s].Start..tokens[colon - 1].End];
        if (NameText.IsOrganisationName(run))
        {
            Organisation(text, tokens, labels, count, s, colon);
            return true;
        }

        // one name without initials: only where the tagger began a name, or in the German "Name: Title. In: …" form
        if (parts < 2 && !initial && labels[s] != TagLabels.AuthorB && !text.Contains(". In: ", StringComparison.Ordinal))
        {
            return false;
        }

        bool first = true;
        for (int t = s; t < colon; t++)
        {
            if (tokens[t].Kind == RefTokenKind.Punct && text[tokens[t].Start] == ',')
            {
                labels[t] = TagLabels.O;
                first = true;
                continue;
            }

            labels[t] = first ? TagLabels.AuthorB : TagLabels.Author;
            first = false;
        }

        labels[colon] = TagLabels.O;
        TitleAfterColon(text, tokens, labels, count, colon + 1);
        return true;
    }

    private static void Organisation(string text, List<RefToken> tokens, int[] labels, int count, int s, int colon)
    {
        for (int t = s; t < colon; t++)
        {
            labels[t] = t == s ? TagLabels.AuthorB : TagLabels.Author;
        }

        labels[colon] = TagLabels.O;
        TitleAfterColon(text, tokens, labels, count, colon + 1);
    }

    /// <summary>The first ": " within the opening words when everything before it is words (an organisation name).</summary>
    private static int OrganisationColon(string text, List<RefToken> tokens, int s, int count)
    {
        for (int t = s; t < count && t - s < 16; t++)
        {
            if (tokens[t].Kind == RefTokenKind.Word)
            {
                continue;
            }

            return tokens[t].Kind == RefTokenKind.Punct && text[tokens[t].Start] == ':' && tokens[t].End < text.Length && text[tokens[t].End] == ' ' ? t : -1;
        }

        return -1;
    }

    /// <summary>Gate (evidence from the tagger): it read [from, to) as a name (author label on the first word) and
    /// then labelled a token there title, container, publisher or place — a sentence end inside the would-be name
    /// run. The index of that token, or -1.</summary>
    private static int TaggerTitleAfterAuthor(List<RefToken> tokens, int[] labels, int count, int from, int to)
    {
        bool author = false;
        for (int t = 0; t < count && tokens[t].Start < to; t++)
        {
            if (tokens[t].Start < from)
            {
                continue;
            }

            if (!author)
            {
                if (labels[t] != TagLabels.AuthorB)
                {
                    return -1;
                }

                author = true;
            }

            if (labels[t] is TagLabels.Title or TagLabels.Container or TagLabels.Publisher or TagLabels.Location)
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>Whether the comma-separated part of [s, colon) that holds token <paramref name="at"/> has an initial
    /// ("K.") or a name particle ("von").</summary>
    private static bool PartHasNameMark(string text, List<RefToken> tokens, int s, int colon, int at)
    {
        int a = at;
        while (a > s && !tokens[a - 1].IsPunct(text, ','))
        {
            a--;
        }

        for (int t = a; t < colon && !tokens[t].IsPunct(text, ','); t++)
        {
            var w = text.AsSpan(tokens[t].Start, tokens[t].Length);
            if (tokens[t].Kind == RefTokenKind.Word && ((w.Length == 1 && char.IsUpper(w[0])) || Particle(w)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gate: the tagger's title (token <paramref name="at"/>) begins right after a Vancouver name "Family
    /// INITIALS." that ends the author list with its full stop — "Zanetti M, Gennaro R, Romeo D. Cathelicidins: a novel
    /// …", "Benguigui Y. Infecções Respiratórias Agudas: …". It is read so when several words follow before the colon
    /// (a natural-order name "Malcolm K. Hughes" has one) or every other part of the run is a Vancouver "Family
    /// INITIALS" name without full stops.</summary>
    private static bool VancouverEnd(string text, List<RefToken> tokens, int s, int colon, int at)
    {
        if (at - 3 < s || !tokens[at - 1].IsPunct(text, '.') || !IsInitialsWord(text, tokens[at - 2])
            || tokens[at - 3].Kind != RefTokenKind.Word || tokens[at - 3].Length < 2 || !char.IsUpper(text[tokens[at - 3].Start])
            || (at - 4 >= s && !tokens[at - 4].IsPunct(text, ',')))
        {
            return false;
        }

        int after = 0;
        for (int t = at; t < colon; t++)
        {
            after += tokens[t].Kind == RefTokenKind.Word ? 1 : 0;
        }

        if (after >= 2)
        {
            return true;
        }

        // the other parts: "Family INITIALS" each (two words, the second capitals only), at least one of them
        int parts = 0;
        int words = 0;
        bool vancouver = true;
        for (int t = s; t < at - 3 && vancouver; t++)
        {
            if (tokens[t].IsPunct(text, ','))
            {
                vancouver = words == 2;
                parts++;
                words = 0;
                continue;
            }

            vancouver = tokens[t].Kind == RefTokenKind.Word && (words == 0 ? tokens[t].Length >= 2 && char.IsUpper(text[tokens[t].Start]) : words == 1 && IsInitialsWord(text, tokens[t]));
            words++;
        }

        return vancouver && parts > 0 && words == 0;
    }

    private static bool IsInitialsWord(string text, RefToken tok)
    {
        if (tok.Kind != RefTokenKind.Word || tok.Length > 3)
        {
            return false;
        }

        foreach (char c in text.AsSpan(tok.Start, tok.Length))
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Particle(ReadOnlySpan<char> w) =>
        w is "von" or "van" or "de" or "der" or "den" or "zu" or "da" or "di" or "du" or "le" or "la" or "ten" or "ter";

    /// <summary>The title: up to the first sentence end (". "), ", in:" or a URL — only when the tagger found no title
    /// there at all (it took the title for a container or for more names); otherwise its reading stands.</summary>
    internal static void TitleAfterColon(string text, List<RefToken> tokens, int[] labels, int count, int t)
    {
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

    [GeneratedRegex(@"^\s*(?:\[[^\]\s]{1,20}\]:?\s+|\d{1,4}[.)]\s+)?(?<names>(?>[\p{Lu}][\p{L}'’\-]+(?:\s[\p{L}'’\-]+){0,2},[ ]?[\p{Lu}][\p{L}.\-]*(?:\s[\p{Lu}][\p{L}.\-]*){0,3})(?>\s?[;/]\s?(?>[\p{Lu}][\p{L}'’\-]+(?:\s[\p{L}'’\-]+){0,2},[ ]?[\p{Lu}][\p{L}.\-]*(?:\s[\p{Lu}][\p{L}.\-]*){0,3})){0,20}(?:\s(?:u\.\s?a\.|et\sal\.))?)\s?(?<ed>\((?:Hrsg|Hg|Ed|Eds|ed|eds)\.?\))?\s?:\s", RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Pattern();
}
