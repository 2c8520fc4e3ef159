using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.Documents;

/// <summary>The page layout around the headline: which leading paragraphs are page furniture (menus, pricing
/// and marketing blocks, cookie banners, navigation, bylines and date lines) and which paragraph is the
/// headline, if any.</summary>
internal static partial class ArticleReader
{
    /// <summary>Longest paragraph taken into a marketing block between checkmark lines (a short blurb).</summary>
    private const int BlurbMaxLength = 220;

    /// <summary>Longest line that can be a headline once page furniture was skipped to reach it.</summary>
    private const int HeadlineMaxLength = 200;

    /// <summary>Sets the kinds that depend on neighbouring paragraphs: menu items and marketing blocks become
    /// <see cref="ParagraphKind.Boilerplate"/>, and one paragraph becomes the <see cref="ParagraphKind.Title"/>.
    /// <list type="bullet">
    /// <item>The first line of the text is the headline when it is not furniture and not over-long (the
    /// long-standing first-line rule).</item>
    /// <item>When furniture comes first, the headline is the first other line only if it looks like one: short,
    /// no sentence-final full stop or colon, at least two words, and body text follows. Otherwise the article has
    /// no headline (a wrong headline is worse than none).</item>
    /// <item>A section label glued in front of the headline ("Tech &amp; Trends Headline") is dropped when the
    /// text repeats the headline without it; a short kicker line above a longer headline line gives way to it.</item>
    /// </list></summary>
    internal static void AssignLayout(string text, List<ArticleParagraph> paragraphs)
    {
        int n = paragraphs.Count;
        if (n == 0)
        {
            return;
        }

        var kinds = paragraphs.Select(p => p.Kind).ToArray();
        ReadOnlySpan<char> Line(int i) => text.AsSpan(paragraphs[i].Span.Start, paragraphs[i].Span.Length);

        MarkMenus(kinds, Line);
        MarkMarketingBlocks(kinds, Line);

        // date and reading-time lines above the body are furniture; bylines stay headings (not claims either)
        for (int i = 0; i < n && kinds[i] != ParagraphKind.Body; i++)
        {
            if (kinds[i] != ParagraphKind.Bibliography && IsMetaLine(Line(i)))
            {
                kinds[i] = ParagraphKind.Boilerplate;
            }
        }

        int candidate = -1;
        bool skipped = false;
        for (int i = 0; i < n; i++)
        {
            if (kinds[i] == ParagraphKind.Bibliography)
            {
                continue;
            }

            if (kinds[i] is ParagraphKind.Boilerplate or ParagraphKind.ListItem || IsByline(Line(i)))
            {
                skipped = true;
                continue;
            }

            candidate = i;
            break;
        }

        if (candidate >= 0)
        {
            var line = Line(candidate);
            bool headline = skipped
                ? line.Length <= HeadlineMaxLength && !EndsLikeSentence(line) && Words(line) >= 2 && BodyFollows(kinds, Line, candidate)
                : (line.Length <= 300 && !IsTerminal(line)) || line.Length <= 200;
            if (headline)
            {
                kinds[candidate] = ParagraphKind.Title;
                ApplyKicker(kinds, Line, candidate);
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (paragraphs[i].Kind != kinds[i])
            {
                paragraphs[i] = paragraphs[i] with { Kind = kinds[i] };
            }
        }
    }

    private delegate ReadOnlySpan<char> LineOf(int index);

    /// <summary>Runs of two or more short lower-case items without final punctuation ("für Einzelnutzer",
    /// "für Teams und Unternehmen") are menu or pricing options; a short line ending in a colon right above
    /// them is their prompt ("Wähle deine bevorzugte Option:").</summary>
    private static void MarkMenus(ParagraphKind[] kinds, LineOf line)
    {
        for (int i = 0; i < kinds.Length;)
        {
            int j = i;
            while (j < kinds.Length && IsMenuItem(kinds[j], line(j)))
            {
                j++;
            }

            if (j - i >= 2)
            {
                for (int k = i; k < j; k++)
                {
                    kinds[k] = ParagraphKind.Boilerplate;
                }

                if (i > 0 && kinds[i - 1] != ParagraphKind.Bibliography && line(i - 1) is { Length: <= 80 } prompt && prompt[^1] == ':')
                {
                    kinds[i - 1] = ParagraphKind.Boilerplate;
                }
            }

            i = Math.Max(j, i + 1);
        }
    }

    private static bool IsMenuItem(ParagraphKind kind, ReadOnlySpan<char> line) =>
        kind == ParagraphKind.Heading && line.Length <= 50 && char.IsLower(line[0]) && Words(line) <= 6;

    /// <summary>Marketing blocks: short blurbs between boilerplate lines, where a checkmark or emoji line
    /// ("✓ 100% DSGVO-konform") borders the gap — a feature list of a product page, not article text. Gaps
    /// of one or two paragraphs of at most <see cref="BlurbMaxLength"/> characters are taken in.</summary>
    private static void MarkMarketingBlocks(ParagraphKind[] kinds, LineOf line)
    {
        var furniture = Enumerable.Range(0, kinds.Length).Where(i => kinds[i] == ParagraphKind.Boilerplate).ToList();
        for (int f = 1; f < furniture.Count; f++)
        {
            int a = furniture[f - 1], b = furniture[f];
            int gap = b - a - 1;
            if (gap is < 1 or > 2 || !(IsSymbolLed(line(a)) || IsSymbolLed(line(b))))
            {
                continue;
            }

            bool shortGap = true;
            for (int k = a + 1; k < b; k++)
            {
                shortGap &= kinds[k] != ParagraphKind.Bibliography && line(k).Length <= BlurbMaxLength;
            }

            if (shortGap)
            {
                for (int k = a + 1; k < b; k++)
                {
                    kinds[k] = ParagraphKind.Boilerplate;
                }
            }
        }
    }

    /// <summary>The headline repeated without a section label ("Tech &amp; Trends Headline" … "Headline"): the
    /// repeat is the headline and the labelled line furniture. A kicker line of at most three words above a
    /// longer headline line that body text follows gives way to that line.</summary>
    private static void ApplyKicker(ParagraphKind[] kinds, LineOf line, int title)
    {
        var head = line(title);
        for (int j = title + 1, seen = 0; j < kinds.Length && seen < 2; j++)
        {
            if (kinds[j] == ParagraphKind.Boilerplate)
            {
                continue;
            }

            seen++;
            var repeat = line(j);
            if (repeat.Length >= 12 && head.Length > repeat.Length && !EndsLikeSentence(repeat) && head.EndsWith(repeat, StringComparison.Ordinal))
            {
                var label = head[..^repeat.Length].TrimEnd(" \t:|–—-·/");
                if (!label.IsEmpty && label.Length <= 50 && Words(label) <= 6)
                {
                    kinds[title] = ParagraphKind.Boilerplate;
                    kinds[j] = ParagraphKind.Title;
                    return;
                }
            }
        }

        int next = title + 1;
        if (next < kinds.Length && kinds[next] == ParagraphKind.Heading && IsKickerLabel(head)
            && line(next) is var longer && Words(longer) >= 4 && longer.Length > head.Length && !IsByline(longer) && NextContentIsBody(kinds, line, next))
        {
            kinds[title] = ParagraphKind.Heading;
            kinds[next] = ParagraphKind.Title;
        }
    }

    /// <summary>A kicker or section label: at most three words, 30 characters, no final punctuation, every word
    /// capitalised or a connector ("EXCLUSIVE", "Tech &amp; Trends", "Künstliche Intelligenz"). A short German
    /// headline has a lower-case verb ("Fähren fahren weiter") and is not taken for one.</summary>
    private static bool IsKickerLabel(ReadOnlySpan<char> line)
    {
        if (line.Length > 30 || Words(line) > 3 || IsTerminal(line))
        {
            return false;
        }

        foreach (var range in line.Split(' '))
        {
            var word = line[range];
            if (!word.IsEmpty && !char.IsUpper(word[0]) && word is not ("&" or "und" or "and" or "+" or "|" or "–" or "-"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Body text follows within the next few paragraphs (furniture and bylines skipped).</summary>
    private static bool BodyFollows(ParagraphKind[] kinds, LineOf line, int index)
    {
        for (int j = index + 1, seen = 0; j < kinds.Length && seen < 4; j++)
        {
            if (kinds[j] == ParagraphKind.Boilerplate || IsByline(line(j)))
            {
                continue;
            }

            if (kinds[j] == ParagraphKind.Body)
            {
                return true;
            }

            seen++;
        }

        return false;
    }

    private static bool NextContentIsBody(ParagraphKind[] kinds, LineOf line, int index)
    {
        for (int j = index + 1; j < kinds.Length; j++)
        {
            if (kinds[j] != ParagraphKind.Boilerplate && !IsByline(line(j)))
            {
                return kinds[j] == ParagraphKind.Body;
            }
        }

        return false;
    }

    /// <summary>Ends like a sentence or a lead-in: a full stop, colon, semicolon or ellipsis (also before a
    /// closing quotation mark). Headlines may end in "?" or "!".</summary>
    private static bool EndsLikeSentence(ReadOnlySpan<char> line)
    {
        var end = line.TrimEnd("\"'“”„«»‚‘’");
        return end.IsEmpty || end[^1] is '.' or ':' or ';' or '…';
    }

    private static bool IsSymbolLed(ReadOnlySpan<char> line) =>
        !line.IsEmpty && (char.IsSurrogate(line[0]) || char.GetUnicodeCategory(line[0]) is System.Globalization.UnicodeCategory.OtherSymbol
            or System.Globalization.UnicodeCategory.MathSymbol);

    private static int Words(ReadOnlySpan<char> line)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in line)
        {
            bool letter = !char.IsWhiteSpace(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return words;
    }

    private static bool IsByline(ReadOnlySpan<char> line) => line.Length <= 120 && BylineRegex().IsMatch(line);

    /// <summary>A date or reading-time line: "Stand: 12.11.2025, 14:03 Uhr", "Lesezeit: 4 Min.", "Updated
    /// March 3, 2026", "12.11.2025 | 14:03", "Foto: dpa".</summary>
    internal static bool IsMetaLine(ReadOnlySpan<char> line)
    {
        if (line.Length > 80)
        {
            return false;
        }

        if (MetaPrefixRegex().IsMatch(line))
        {
            return true;
        }

        // a date with a place or a time next to it, and no sentence ("Berlin, 5. November 2025",
        // "12.11.2025 | 14:03 Uhr"); "Apple-Event am 9. September 2025" is a headline (first date of the line)
        var dates = DateRegex().EnumerateMatches(line);
        if (!dates.MoveNext())
        {
            return false;
        }

        var m = dates.Current;
        string rest = string.Concat(line[..m.Index], " ", line[(m.Index + m.Length)..]);
        int words = Words(rest.AsSpan().Trim(" ,|·–—-:"));
        bool timeOrBar = rest.Contains('|', StringComparison.Ordinal) || TimeRegex().IsMatch(rest);
        return !rest.TrimEnd().EndsWith('.') && (words <= 1 || (words <= 3 && timeOrBar));
    }

    /// <summary>Navigation, login and consent lines that are nothing but a link label ("Startseite",
    /// "Alle akzeptieren", "Skip to content").</summary>
    [GeneratedRegex(@"^(?:Startseite|Home|Men[üu]|Navigation|Suche|Search|Anmelden|Abmelden|Einloggen|Log ?in|Log ?out|Sign ?in|Sign ?up|Registrieren|Register|Mein Konto|My account|E-Paper|Abo|Abos|Shop|Kontakt|Contact(?: us)?|Impressum|Imprint|Datenschutz(?:erklärung|einstellungen|hinweise)?|Privacy(?: policy| settings)?|Cookie-?(?:Einstellungen|Richtlinie|Hinweis|settings|policy|preferences)|AGB|Terms(?: of (?:use|service))?|Nutzungsbedingungen|Akzeptieren|Alle akzeptieren|Alle ablehnen|Ablehnen|Accept(?: all)?(?: cookies)?|Reject(?: all)?|Einstellungen|Settings|Manage (?:cookies|preferences|settings)|Zustimmen(?: und weiter)?|Zurück|Back|Drucken|Print|Kommentare|Comments|Skip to (?:main )?content|Zum Inhalt springen|Zur Navigation|Mehr erfahren|Learn more|Jetzt (?:kostenlos )?(?:testen|registrieren|anmelden|buchen|kaufen|bestellen|starten)|Kostenlos testen|Try (?:it )?(?:for )?free|Get started|Demo (?:anfragen|buchen|vereinbaren)|Book a demo|Request a demo|Top-Themen|Meistgelesen|Most read|Trending)\s*[.!:>»›]?$", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex NavigationRegex();

    /// <summary>Cookie banners ("Wir verwenden Cookies, um …", "This website uses cookies …") and choice prompts
    /// ("Wählen Sie Ihren Tarif:", "Choose your plan:").</summary>
    [GeneratedRegex(@"^(?:(?:Wir|We|Diese (?:Website|Webseite|Seite)|This (?:website|site)|Our (?:website|site))\s+(?:verwenden|nutzen|setzen|verwendet|nutzt|setzt|use|uses)\s+(?:\S+\s+){0,3}?Cookies\b|(?:Wähle|Wählen Sie|Bitte wählen Sie|Choose|Select|Pick)\b[^\n.]{0,60}:$)", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex ConsentRegex();

    [GeneratedRegex(@"^(?:\d+\s*(?:Min\.?|Minuten|min) (?:Lesezeit|Lesedauer|read)\b|(?:Lesezeit|Lesedauer|Reading time|Stand|Aktualisiert|Zuletzt aktualisiert|Updated|Last updated|Veröffentlicht|Published|Erschienen|Foto|Fotos|Bild|Bilder|Photo|Photos|Image|Credit)(?:\s*:|\s+(?:am\s+|on\s+|at\s+)?\d))", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex MetaPrefixRegex();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex TimeRegex();

    /// <summary>A breadcrumb or menu bar: three or more short items separated by " | ", " › ", " » ", " > ",
    /// " / " or " · ".</summary>
    private static bool IsBreadcrumb(ReadOnlySpan<char> line)
    {
        if (line.Length > 160 || IsTerminal(line))
        {
            return false;
        }

        int items = 1, words = 0, longest = 0;
        for (int i = 0; i < line.Length; i++)
        {
            if (i > 0 && i + 1 < line.Length && line[i - 1] == ' ' && line[i + 1] == ' ' && line[i] is '|' or '›' or '»' or '>' or '/' or '·')
            {
                items++;
                longest = Math.Max(longest, words);
                words = 0;
            }
            else if (line[i] != ' ' && (i == 0 || line[i - 1] == ' '))
            {
                words++;
            }
        }

        longest = Math.Max(longest, words);
        return items >= 3 && longest <= 4;
    }
}
