using System.Globalization;
using System.Text.RegularExpressions;
using SourceCheck.Csl;
using SourceCheck.Formatting;

namespace SourceCheck.References.Parsing.Training;

/// <summary>Training references rendered through official CSL styles (issue 14): each labelled record's gold
/// fields become a CSL item (names parsed by <see cref="NameText"/>, the year of the date, a type guessed from
/// which fields are present), the item is rendered as a bibliography entry by the project's own
/// <see cref="CslProcessor"/> in a style drawn by a fixed seed, and the gold fields of the rendered text are
/// what the item holds, written as the style wrote them (each name's span found around its family name,
/// the page range and a doi.org link as printed). The rendered text and these fields then go through
/// <see cref="Aligner"/> like any record. A field the style does not print is taken out of the item and the
/// entry rendered again, so that no printed token is left without its field; an entry whose title,
/// container or first name cannot be placed is dropped.</summary>
internal static class RenderedReferences
{
    private static readonly Regex Year = new(@"(?<![0-9])(1[5-9][0-9]{2}|20[0-9]{2})(?![0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex DoiLink = new(@"https?://(dx\.)?doi\.org/\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>Independent styles with a bibliography from <paramref name="stylesDir"/>: every
    /// <paramref name="every"/>th file in name order, parsed.</summary>
    public static List<(string Name, Style Style)> LoadStyles(string stylesDir, int every)
    {
        var list = new List<(string, Style)>();
        foreach (var (path, i) in Directory.EnumerateFiles(stylesDir, "*.csl").Order(StringComparer.Ordinal).Select((p, i) => (p, i)))
        {
            if (i % every != 0)
            {
                continue;
            }

            var style = Style.Parse(File.ReadAllText(path), path).Value;
            if (style?.Bibliography is not null)
            {
                list.Add((Path.GetFileNameWithoutExtension(path), style));
            }
        }

        return list;
    }

    /// <summary>Renders each record once per copy in a style (and en-US or, one time in five, de-DE) drawn
    /// with <paramref name="seed"/>; yields the rendered text and its gold fields.</summary>
    public static List<(string Text, Dictionary<string, IReadOnlyList<string>> Fields)> Render(
        IReadOnlyList<LabelledReference> records, IReadOnlyList<(string Name, Style Style)> styles, string localesDir, int copies, int seed, double noise = 0, Action<string>? log = null)
    {
        var rng = new Random(seed);
        var locales = new Dictionary<(int, string), Locale>();
        var jobs = new Dictionary<(int Style, string Lang), List<CslItem>>();
        int n = 0;
        foreach (var r in records)
        {
            if (r.IsNews)
            {
                continue;
            }

            for (int c = 0; c < copies; c++)
            {
                if (ToItem(r, "r" + n.ToString(CultureInfo.InvariantCulture)) is not { } item)
                {
                    break;
                }

                n++;
                int s = rng.Next(styles.Count);
                string lang = rng.Next(5) == 0 ? "de-DE" : "en-US";
                if (!jobs.TryGetValue((s, lang), out var list))
                {
                    jobs[(s, lang)] = list = [];
                }

                list.Add(item);
            }
        }

        var result = new List<(string, Dictionary<string, IReadOnlyList<string>>)>();
        int dropped = 0;
        var provider = StyleCatalog.FolderLocales(localesDir);
        foreach (var ((s, lang), items) in jobs.OrderBy(j => j.Key.Style).ThenBy(j => j.Key.Lang, StringComparer.Ordinal))
        {
            var style = styles[s].Style;
            if (!locales.TryGetValue((s, lang), out var locale))
            {
                locales[(s, lang)] = locale = style.ResolveLocale(lang, provider);
            }

            foreach (var item in items)
            {
                if (RenderOne(style, locale, item) is { } done)
                {
                    result.Add(noise > 0 ? Noisy(done, rng, noise) : done);
                }
                else
                {
                    dropped++;
                }
            }
        }

        log?.Invoke($"rendered: {result.Count} references through {jobs.Keys.Select(k => k.Style).Distinct().Count()} styles ({dropped} dropped: a title, container or first name not placed)");
        return result;
    }

    /// <summary>Pasted-text noise as the real corpora have it: each separator mark (. , ; :) dropped with
    /// probability <paramref name="p"/>, quotation marks with 2p, en dashes written as hyphens with 2p. The gold
    /// fields stay valid: the aligner matches words and skips punctuation. Falls back to the clean text when the
    /// noisy one no longer aligns.</summary>
    private static (string, Dictionary<string, IReadOnlyList<string>>) Noisy((string Text, Dictionary<string, IReadOnlyList<string>> Fields) r, Random rng, double p)
    {
        var sb = new System.Text.StringBuilder(r.Text.Length);
        foreach (char c in r.Text)
        {
            double x = rng.NextDouble();
            if ((c is '.' or ',' or ';' or ':' && x < p) || (c is '"' or '“' or '”' or '‘' or '’' or '«' or '»' && x < 2 * p))
            {
                continue;
            }

            sb.Append(c == '–' && x < 2 * p ? '-' : c);
        }

        string noisy = sb.ToString();
        return Aligner.TryAlign(noisy, r.Fields, out _, out _) ? (noisy, r.Fields) : r;
    }

    private static (string, Dictionary<string, IReadOnlyList<string>>)? RenderOne(Style style, Locale locale, CslItem item)
    {
        for (int attempt = 0; attempt < 6; attempt++)
        {
            string text;
            try
            {
                var res = new CslProcessor(style, locale, [item]).Process([], OutputFormat.Text);
                text = res.Bibliography.Count > 0 ? res.Bibliography[0].Trim() : string.Empty;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return null;
            }

            if (text.Length == 0 || text.Length > 1000)
            {
                return null;
            }

            var fields = GoldOf(text, item);
            if (fields is null)
            {
                return null;
            }

            if (Aligner.TryAlign(text, fields, out _, out string? failed))
            {
                return (text, fields);
            }

            string? key = failed switch
            {
                "title" or "container-title" or "author" or "editor" or null => null,
                "date" => "issued",
                "location" => "publisher-place",
                "doi" => "DOI",
                "url" => "URL",
                "citation-number" => null,
                _ => failed,
            };
            if (key is null || !item.Remove(key))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The gold fields of a rendered entry: the item's strings as they are, names and page ranges as
    /// printed, a doi.org link as URL (the shared gold's convention), the citation number when the entry
    /// starts with "1", "[1]" or "(1)".</summary>
    private static Dictionary<string, IReadOnlyList<string>>? GoldOf(string text, CslItem item)
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var tokens = RefTokenizer.Tokenize(text);
        string lower = text.ToLowerInvariant();
        int from = 0;
        if (tokens.Count > 0 && tokens[0].Kind == RefTokenKind.Punct && "[(".Contains(text[tokens[0].Start], StringComparison.Ordinal) && tokens.Count > 1 && Tok(1) == "1")
        {
            fields["citation-number"] = ["1"];
            from = 2;
        }
        else if (tokens.Count > 0 && Tok(0) == "1" && tokens.Count > 1 && tokens[1].Kind == RefTokenKind.Punct)
        {
            fields["citation-number"] = ["1"];
            from = 1;
        }

        foreach (string role in (string[])["author", "editor"])
        {
            var names = item.GetNames(role);
            if (names.Count == 0)
            {
                continue;
            }

            var found = new List<string>();
            foreach (var name in names)
            {
                var span = FindName(name, from);
                if (span is not { } sp)
                {
                    break;
                }

                found.Add(text[tokens[sp.S].Start..tokens[sp.E].End]);
                from = sp.E + 1;
            }

            if (found.Count == 0)
            {
                if (role == "author")
                {
                    return null;
                }

                item.Remove(role);
                continue;
            }

            fields[role] = found;
        }

        foreach (var (key, field) in (ReadOnlySpan<(string, string)>)[("title", "title"), ("container-title", "container-title"), ("volume", "volume"),
            ("issue", "issue"), ("publisher", "publisher"), ("publisher-place", "location"), ("edition", "edition"), ("URL", "url")])
        {
            if (item.GetString(key) is { Length: > 0 } v)
            {
                fields[field] = [v];
            }
        }

        if (item.GetString("DOI") is { Length: > 0 } doi)
        {
            var link = DoiLink.Match(text);
            if (link.Success && link.Value.Contains(doi, StringComparison.OrdinalIgnoreCase))
            {
                fields["url"] = [link.Value.TrimEnd('.', ',', ';')];
            }
            else
            {
                fields["doi"] = [doi];
            }
        }

        if (item.Issued is { Parts.Length: > 0 } date)
        {
            fields["date"] = [date.Parts[0].Year.ToString(CultureInfo.InvariantCulture)];
        }

        if (item.GetString("page") is { Length: > 0 } page)
        {
            string first = Regex.Match(page, "^[0-9A-Za-z]+", RegexOptions.None, TimeSpan.FromSeconds(1)).Value;
            var m = first.Length == 0 ? Match.Empty
                : Regex.Match(text, @"(?<![0-9A-Za-z])" + Regex.Escape(first) + @"(\s*[-–—]+\s*[0-9A-Za-z]+)?(?![0-9A-Za-z])", RegexOptions.None, TimeSpan.FromSeconds(1));
            if (m.Success)
            {
                fields["pages"] = [m.Value];
            }
            else
            {
                item.Remove("page");
            }
        }

        return fields;

        string Tok(int k) => lower.Substring(tokens[k].Start, tokens[k].Length);

        (int S, int E)? FindName(CslName name, int start)
        {
            string core = name.Literal ?? name.Family ?? string.Empty;
            var words = Words(core);
            if (words.Count == 0)
            {
                return null;
            }

            var given = name.Literal is null && name.Given is { } g ? Words(g) : [];
            for (int s = start; s < tokens.Count; s++)
            {
                int k = s;
                int m = 0;
                while (k < tokens.Count && m < words.Count && Tok(k) == words[m])
                {
                    k++;
                    m++;
                    while (m < words.Count && k < tokens.Count && tokens[k].Kind == RefTokenKind.Punct && Tok(k) is "-" or "'" or "’")
                    {
                        k++;
                    }
                }

                if (m < words.Count)
                {
                    continue;
                }

                int b = s;
                int e = k - 1;
                if (given.Count > 0)
                {
                    // given name or initials before ("J. Smith", "John A. Smith") ...
                    while (b - 1 >= start && IsGivenPart(b - 1, given))
                    {
                        b--;
                    }

                    while (b < s && tokens[b].Kind == RefTokenKind.Punct)
                    {
                        b++;
                    }

                    // ... or after ("Smith, J.", "Smith J", "SMITH, John")
                    if (b == s)
                    {
                        int a = e + 1;
                        if (a < tokens.Count && Tok(a) == ",")
                        {
                            a++;
                        }

                        int last = -1;
                        while (a < tokens.Count && IsGivenPart(a, given))
                        {
                            if (tokens[a].Kind != RefTokenKind.Punct || (Tok(a) == "." && a > 0 && tokens[a - 1].Length <= 2))
                            {
                                last = a;
                            }

                            a++;
                        }

                        if (last >= 0)
                        {
                            e = last;
                        }
                    }
                }

                return (b, e);
            }

            return null;
        }

        bool IsGivenPart(int k, List<string> given)
        {
            string t = Tok(k);
            if (tokens[k].Kind == RefTokenKind.Punct)
            {
                return t is "." or "-";
            }

            foreach (string w in given)
            {
                if (t == w || (t.Length <= 2 && w.StartsWith(t, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static List<string> Words(string s)
    {
        var list = new List<string>();
        string lower = s.ToLowerInvariant();
        foreach (var t in RefTokenizer.Tokenize(lower))
        {
            if (t.Kind != RefTokenKind.Punct)
            {
                list.Add(lower.Substring(t.Start, t.Length));
            }
        }

        return list;
    }

    /// <summary>A CSL item from a labelled record, or null when it has no title or no author.</summary>
    private static CslItem? ToItem(LabelledReference r, string id)
    {
        string? F(string k) => r.Fields.TryGetValue(k, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[0]) ? v[0].Trim() : null;
        if (F("title") is not { } title || !r.Fields.TryGetValue("author", out var authors) || authors.Count == 0)
        {
            return null;
        }

        string? container = F("container-title");
        bool hasEditor = r.Fields.TryGetValue("editor", out var editors) && editors.Count > 0;
        string type = container is null ? (F("publisher") is null && F("genre") is not null ? "report" : "book")
            : Regex.IsMatch(container, @"\b(Proc\.?|Proceedings|Conference|Symposium|Workshop|Tagung|Konferenz)\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)) ? "paper-conference"
            : hasEditor || (F("publisher") is not null && F("volume") is null) ? "chapter"
            : "article-journal";
        var item = new CslItem(id, type);
        item.SetString("title", title);
        var names = authors.Select(NameText.Parse).OfType<CslName>().ToList();
        if (names.Count == 0)
        {
            return null;
        }

        item.SetNames("author", names);
        if (hasEditor && editors!.Select(NameText.Parse).OfType<CslName>().ToList() is { Count: > 0 } eds)
        {
            item.SetNames("editor", eds);
        }

        foreach (var (field, key) in (ReadOnlySpan<(string, string)>)[("container-title", "container-title"), ("volume", "volume"), ("issue", "issue"),
            ("pages", "page"), ("publisher", "publisher"), ("location", "publisher-place"), ("edition", "edition"), ("doi", "DOI"), ("url", "URL")])
        {
            if (F(field) is { } v)
            {
                item.SetString(key, v, numeric: key is "volume" or "issue" or "page" or "edition");
            }
        }

        if (F("date") is { } d && Year.Match(d) is { Success: true } y)
        {
            item.SetDate("issued", new CslDate { Parts = [new DateParts(int.Parse(y.Value, CultureInfo.InvariantCulture))] });
        }

        return item;
    }
}
