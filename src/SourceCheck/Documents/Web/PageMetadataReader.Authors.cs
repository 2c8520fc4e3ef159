using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SourceCheck.Text;

namespace SourceCheck.Documents.Web;

/// <summary>The page authors: metadata, JSON-LD, microdata and visible bylines; organisations only as a fallback.</summary>
internal sealed partial class PageMetadataReader
{
    // ---------------------------------------------------------------- authors

    private ImmutableArray<Sourced<string>> Authors(string? site)
    {
        var orgFallback = new List<Sourced<string>>();
        foreach (var group in AuthorSources(site))
        {
            var people = People(group, site, orgFallback);
            if (people.Count > 0)
            {
                people = CompleteOneWordNames(people, site);
                // A visible byline that names everyone the metadata names, and more, is the fuller list
                // ("meta name=author" often carries only the first author).
                if (!group.Any(g => g.Source.StartsWith("byline:", StringComparison.Ordinal)))
                {
                    var byline = BylinePeople(site);
                    // Extra byline names are whole names of their own, not a metadata name with leftovers ("IN Julius Richter").
                    bool clean = byline.All(b => people.Any(p => AuthorNames.SameName(b.Value, p.Value))
                        || (b.Value.Contains(' ', StringComparison.Ordinal) && !people.Any(p => TextFolding.PageTextKey(b.Value).Contains(TextFolding.PageTextKey(p.Value), StringComparison.Ordinal))));
                    if (clean && byline.Count > people.Count && people.All(p => byline.Any(b => AuthorNames.SameName(b.Value, p.Value))))
                    {
                        return [.. byline];
                    }
                }

                return [.. people];
            }
        }

        if (orgFallback.Count > 0)
        {
            return [orgFallback[0]];
        }

        return CopyrightHolder(site) is { } holder ? [holder] : [];
    }

    /// <summary>"© 2019 Jane Doe", "(c) Jane Doe • All rights reserved", "Copyright 2006-2008 by Jane Doe": the
    /// copyright notice of the page or its meta copyright; the name ends at punctuation, a year, "all rights …" or the
    /// next footer credit ("… Jane Doe Powered by WordPress").</summary>
    private static readonly Regex CopyrightNotice = RegexPolicy.Create(
        @"(?:©|\(c\)|\bcopyright\b|\b\d{4}\s*[-–]\s*\d{4}\s+by\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+|von\s+)?(?<name>\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+|von|van|de|der)){1,3})(?=\s*(?:$|[•|·,.;:(/-]|\d{4}|alle\b|all\b|weitere\b)|\s+\p{L}+\s+(?:by|von)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>A page that names no author anywhere else, whose copyright notice names one person (a personal site or a
    /// blog: "© 2019 Jane Doe"); image credits (figures, captions, credit and photo classes) do not count, nor does a
    /// notice naming an organisation or two different people.</summary>
    private Sourced<string>? CopyrightHolder(string? site)
    {
        var names = new List<string>();
        void Consider(string text)
        {
            if (text.Length > 200 || names.Count > 3)
            {
                return;
            }

            foreach (Match m in CopyrightNotice.Matches(text))
            {
                string? n = AuthorNames.CleanName(m.Groups["name"].Value);
                if (n is not null && n.Contains(' ', StringComparison.Ordinal) && AuthorNames.LooksLikePerson(n) && !AuthorNames.IsOrganisation(n, site)
                    && !NamesOutlet(n, site) && !n.Split(' ').Any(w => CompanyWords.Contains(w) || (w.Length > 1 && w.All(char.IsUpper)))
                    && !names.Any(x => AuthorNames.SameName(x, n)))
                {
                    names.Add(n);
                }
            }
        }

        foreach (var c in MetaAll("copyright"))
        {
            Consider(c);
        }

        int seen = 0;
        foreach (var e in QueryBody("p, small, span, div, footer, address, li, td"))
        {
            if (++seen > 6000)
            {
                break;
            }

            if (e.ChildElementCount > 6 || WebText.TextOfLongerThan(e, 200) || e.Closest("figure, figcaption, picture, a") is not null || IsCredit(e))
            {
                continue;
            }

            // Only the innermost element holding the notice.
            string text = WebText.TextOf(e);
            if (text.Length is > 3 and <= 200 && (text.Contains('©', StringComparison.Ordinal) || text.Contains("(c)", StringComparison.OrdinalIgnoreCase)
                || text.Contains("copyright", StringComparison.OrdinalIgnoreCase) || text.Contains(" by ", StringComparison.Ordinal))
                && !e.Children.Any(ch => CopyrightNotice.IsMatch(WebText.TextOf(ch))))
            {
                Consider(text);
            }
        }

        return names.Count == 1 ? new Sourced<string>(names[0], "copyright") : null;
    }

    /// <summary>Company designators and "all rights reserved" words: a copyright notice naming a company or a rights
    /// phrase ("Lee Holdings", "Riproduzione riservata") names no person; nor does an acronym ("EHM Studios").</summary>
    private static readonly HashSet<string> CompanyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "communications", "enterprises", "productions", "software", "technology", "technologies", "tecnologia", "technologie", "systems",
        "solutions", "holdings", "holding", "studios", "studio", "publishing", "publications", "entertainment", "interactive", "digital", "games",
        "corporation", "corp", "co", "se", "sa", "spa", "srl", "bv", "nv", "kg", "plc", "limited", "international", "world", "global", "partners",
        "newspapers", "newspaper", "copyright", "riservata", "riservati", "reserved", "reservados", "réservés", "vorbehalten", "rights", "rechte", "derechos", "diritti", "droits",
    };

    /// <summary>Whether a name holds the outlet's name or its domain ("Newsfeed Tromsø" on newsfeed.example, "Deutsches
    /// Verbände Forum" on verbaende.example): letters compared with umlauts also as "ae", "oe", "ue" (and ß as "ss").</summary>
    private bool NamesOutlet(string name, string? site)
    {
        string plain = Letters(name);
        string spelled = Letters(TextFolding.GermanAsciiSpelling(name));
        var keys = new List<string>();
        if (site is not null)
        {
            keys.Add(Letters(site));
        }

        if (Uri.TryCreate(_url, UriKind.Absolute, out var uri) && RegistrableLabel(uri.Host) is { } label)
        {
            keys.Add(Letters(label));
        }

        // Either way round: "Deutscher Handballbund" on a site named "DHB - Deutscher Handball Bund".
        return keys.Any(k => k.Length >= 3 && (plain.Contains(k, StringComparison.Ordinal) || spelled.Contains(k, StringComparison.Ordinal)
            || (plain.Length >= 6 && k.Contains(plain, StringComparison.Ordinal))));
    }

    /// <summary>An image credit or caption (class or id naming a caption, credit, photo or image), not a page's notice.</summary>
    private static bool IsCredit(IElement e)
    {
        int depth = 0;
        for (var p = e; p is not null && depth < 8 && p.LocalName is not ("body" or "html"); p = p.ParentElement, depth++)
        {
            string c = ((p.GetAttribute("class") ?? string.Empty) + " " + (p.GetAttribute("id") ?? string.Empty)).ToLowerInvariant();
            if (c.Contains("caption", StringComparison.Ordinal) || c.Contains("credit", StringComparison.Ordinal) && !c.Contains("credits", StringComparison.Ordinal)
                || c.Contains("photo", StringComparison.Ordinal) || c.Contains("foto", StringComparison.Ordinal) || c.Contains("image", StringComparison.Ordinal)
                || c.Contains("bild", StringComparison.Ordinal) || c.Contains("teaser", StringComparison.Ordinal) || c.Contains("media", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Regex SurnameAfter = RegexPolicy.Create(@"^\s+(\p{Lu}\p{Ll}[\p{Ll}'’]*(?:-\p{Lu}\p{Ll}+)?)(?=$|[\s,.:;–—(-])", RegexOptions.CultureInvariant);

    /// <summary>A one-word name (a CMS user name such as "janedoe" or "jane.doe", or a first name alone) completed to the
    /// full name the page gives for the same person: the author's schema.org Person whose description (the author bio)
    /// opens with the first name and a surname ("Jane Doe is a reporter …"), or the one visible byline name that is the
    /// same letters ("Jane Doe" for "janedoe") or begins with that first name.</summary>
    private List<Sourced<string>> CompleteOneWordNames(List<Sourced<string>> people, string? site)
    {
        if (people.All(p => p.Value.Contains(' ', StringComparison.Ordinal)))
        {
            return people;
        }

        var result = new List<Sourced<string>>(people.Count);
        foreach (var p in people)
        {
            string? full = p.Value.Contains(' ', StringComparison.Ordinal) ? null : FullNameFromBio(p.Value) ?? FullNameFromByline(p.Value, site);
            result.Add(full is null || result.Any(r => AuthorNames.SameName(r.Value, full)) ? p : p with { Value = full });
        }

        return result;
    }

    private string? FullNameFromBio(string first)
    {
        if (!first.All(char.IsLetter) || first.Length < 2 || !char.IsUpper(first[0]))
        {
            return null;
        }

        foreach (var node in _ld.Nodes)
        {
            if (!JsonLd.Types(node).Contains("Person") || JsonLd.Str(node, "name") is not { } name || !AuthorNames.SameName(name, first)
                || JsonLd.Str(node, "description") is not { } bio || !bio.TrimStart().StartsWith(first, StringComparison.Ordinal))
            {
                continue;
            }

            var m = SurnameAfter.Match(bio.TrimStart()[first.Length..]);
            if (m.Success && first + " " + m.Groups[1].Value is var full && AuthorNames.LooksLikePerson(full) && !AuthorNames.IsOrganisation(full, null))
            {
                return full;
            }
        }

        return null;
    }

    private string? FullNameFromByline(string word, string? site)
    {
        string letters = Letters(word);
        if (letters.Length < 3)
        {
            return null;
        }

        var matches = BylinePeople(site)
            .Select(b => b.Value)
            .Where(b => b.Contains(' ', StringComparison.Ordinal)
                && (Letters(b) == letters || (char.IsUpper(word[0]) && AuthorNames.SameName(b.Split(' ')[0], word))))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>The letters of a name, lower case and without diacritics ("Jörg.Staff" → "jorgstaff").</summary>
    private static string Letters(string name) =>
        new(TextFolding.WithoutDiacritics(name.ToLowerInvariant()).Where(char.IsLetter).ToArray());

    /// <summary>The people named by one group of author candidates; organisations go to <paramref name="orgFallback"/>.</summary>
    private static List<Sourced<string>> People(List<Sourced<string>> group, string? site, List<Sourced<string>> orgFallback)
    {
        var people = new List<Sourced<string>>();
        foreach (var cand in group)
        {
            var names = AuthorNames.Split(cand.Value).Select(AuthorNames.CleanName).ToList();
            // A one-word part of a longer list ("Landesanstalt für Wald und Forstwirtschaft - LWF", "Rachel Brazil - UK")
            // is a place, an acronym or a department rather than a person, unless every part is one word ("ssi, dan").
            bool mixed = names.Count > 1 && names.Any(n => n is not null && n.Contains(' ', StringComparison.Ordinal));
            foreach (var cleaned in names)
            {
                string? n = cleaned;
                if (n is null)
                {
                    continue;
                }

                // "Adam Keller PhillyVoice": the outlet's name run on after the person's.
                if (site is not null && TextFolding.PageTextKey(site) is { Length: > 2 } siteKey && TextFolding.PageTextKey(n).EndsWith(" " + siteKey, StringComparison.Ordinal)
                    && n.Length > site.Length + 3 && n.EndsWith(site, StringComparison.OrdinalIgnoreCase))
                {
                    string rest = n[..^site.Length].TrimEnd(' ', ',', '-', '|', '/');
                    if (rest.Contains(' ', StringComparison.Ordinal) && AuthorNames.LooksLikePerson(rest) && !AuthorNames.IsOrganisation(rest, site))
                    {
                        n = rest;
                    }
                }

                if (AuthorNames.IsOrganisation(n, site))
                {
                    string shown = AuthorNames.Unmark(n);
                    // The outlet itself counts only where the page names it as the author explicitly (JSON-LD
                    // author, meta author): annotators then take it as the author; a byline element does not.
                    bool explicitAuthor = cand.Source is "json-ld:author" or "json-ld:creator" or "meta:author" or "meta:article:author" or "meta:dc.creator";
                    if (shown.Length > 1 && (explicitAuthor || (!shown.Contains('.', StringComparison.Ordinal) && (site is null || TextFolding.PageTextKey(shown) != TextFolding.PageTextKey(site)))))
                    {
                        orgFallback.Add(cand with { Value = shown });
                    }

                    continue;
                }

                if ((mixed && !n.Contains(' ', StringComparison.Ordinal)) || !AuthorNames.LooksLikePerson(n, IsMarked(cand.Source)))
                {
                    continue;
                }

                if (!people.Any(p => AuthorNames.SameName(p.Value, n)))
                {
                    people.Add(cand with { Value = n });
                }
            }
        }

        return people;
    }

    /// <summary>Sources that mark their value as an author's name (metadata, rel=author, hCard), so that a user name
    /// ("freeman1984", "jancak") is accepted there but not in free text.</summary>
    private static bool IsMarked(string source) =>
        !source.StartsWith("byline:", StringComparison.Ordinal) || source is "byline:[rel~=author]" or "byline:.fn" or "byline:.vcard .fn" or "byline:.username" or "byline:text" or "byline:label";

    private IEnumerable<List<Sourced<string>>> AuthorSources(string? site)
    {
        if (_ld.Article is { } a && _ld.Prop(a, "author") is { } au)
        {
            yield return LdNames(au, "json-ld:author");
        }

        if (_ld.Article is { } a2 && _ld.Prop(a2, "creator") is { } cr)
        {
            yield return LdNames(cr, "json-ld:creator");
        }

        yield return MetaAll("citation_author").Select(v => new Sourced<string>(AuthorNames.Reorder(v), "meta:citation_author")).ToList();
        yield return MetaAll("parsely-author").Select(v => new Sourced<string>(v, "meta:parsely-author")).ToList();
        if (Meta("parsely-page") is { } pp)
        {
            var list = new List<Sourced<string>>();
            try
            {
                using var doc = JsonDocument.Parse(pp);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("authors", out var arr) && arr.ValueKind == JsonValueKind.Array)
                {
                    list.AddRange(arr.EnumerateArray().Select(JsonLd.ValueText).Where(s => s is not null).Select(s => new Sourced<string>(s!, "meta:parsely-page.authors")));
                }
            }
            catch (JsonException)
            {
            }

            yield return list;
        }

        yield return MetaAll("author").Where(v => !IsUrl(v)).Select(v => new Sourced<string>(v, "meta:author")).ToList();
        yield return MetaAll("byl").Select(v => new Sourced<string>(v, "meta:byl")).ToList();
        yield return MetaAll("article:author").Where(v => !IsUrl(v)).Select(v => new Sourced<string>(v, "meta:article:author")).ToList();
        yield return MetaAll("dc.creator").Concat(MetaAll("dcterms.creator")).Concat(MetaAll("dc.creator.personalname")).Select(v => new Sourced<string>(AuthorNames.Reorder(v), "meta:dc.creator")).ToList();
        yield return MetaAll("sailthru.author").Concat(MetaAll("cxenseparse:author")).Concat(MetaAll("article.author")).Select(v => new Sourced<string>(v, "meta:other-author")).ToList();
        yield return TwitterLabelled();
        yield return Microdata();
        yield return LdPersons();
        yield return Bylines(site);
    }

    /// <summary>"twitter:label1" = "Written by" / "Verfasst von" with the name in "twitter:data1".</summary>
    private List<Sourced<string>> TwitterLabelled()
    {
        var list = new List<Sourced<string>>();
        for (int i = 1; i <= 4; i++)
        {
            string? label = Meta($"twitter:label{i}");
            if (label is not null && (label.Contains("by", StringComparison.OrdinalIgnoreCase) || label.Contains("von", StringComparison.OrdinalIgnoreCase)
                || label.Contains("autor", StringComparison.OrdinalIgnoreCase) || label.Contains("author", StringComparison.OrdinalIgnoreCase))
                && Meta($"twitter:data{i}") is { Length: > 0 } data)
            {
                list.Add(new Sourced<string>(data, $"meta:twitter:data{i}"));
            }
        }

        return list;
    }

    /// <summary>A single Person node in the JSON-LD graph (WordPress/Yoast pages whose article node is missing).</summary>
    private List<Sourced<string>> LdPersons()
    {
        var persons = _ld.Nodes.Where(n => JsonLd.Types(n).Contains("Person") && JsonLd.Str(n, "name") is { Length: > 0 }).Select(n => JsonLd.Str(n, "name")!).Distinct().ToList();
        return persons.Count == 1 && _ld.Article is null ? [new Sourced<string>(persons[0], "json-ld:Person")] : [];
    }

    private static bool IsUrl(string v) => v.StartsWith("http", StringComparison.OrdinalIgnoreCase) || v.StartsWith("/", StringComparison.Ordinal) || v.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private List<Sourced<string>> LdNames(JsonElement au, string source)
    {
        var list = new List<Sourced<string>>();
        IEnumerable<JsonElement> items = au.ValueKind == JsonValueKind.Array ? au.EnumerateArray() : [au];
        foreach (var raw in items.Take(30))
        {
            var e = _ld.Resolve(raw);
            string? name = e.ValueKind switch
            {
                JsonValueKind.String => e.GetString(),
                JsonValueKind.Object => JsonLd.Str(e, "name") is { } nm ? nm
                    : string.Join(' ', new[] { JsonLd.Str(e, "givenName"), JsonLd.Str(e, "familyName") }.Where(s => !string.IsNullOrEmpty(s))),
                _ => null,
            };
            if (string.IsNullOrWhiteSpace(name) || IsUrl(name))
            {
                continue;
            }

            bool org = JsonLd.Types(e).Any(t => t is "Organization" or "NewsMediaOrganization" or "Corporation" or "GovernmentOrganization");
            list.Add(new Sourced<string>(org ? "\u0001" + name : name, source));
        }

        // Organisations are marked so that the organisation check sees them as such.
        return list.Select(s => s.Value.StartsWith('\u0001') ? s with { Value = s.Value[1..] + " \u0001org" } : s).ToList();
    }

    private List<Sourced<string>> Microdata()
    {
        var list = new List<Sourced<string>>();
        foreach (var e in Query("[itemprop~=author], [itemprop~=creator]").Take(20))
        {
            if (e.LocalName == "meta" || e.LocalName == "link")
            {
                continue;
            }

            string? name = e.QuerySelector("[itemprop~=name]") is { } n ? (n.GetAttribute("content") ?? WebText.TextOf(n)) : e.GetAttribute("content") ?? WebText.TextOf(e);
            name = WebText.Clean(name);
            if (name.Length is > 0 and < 200 && !IsInTeaser(e))
            {
                list.Add(new Sourced<string>(name, "microdata:author"));
            }
        }

        return list;
    }

    private static readonly string[] BylineSelectors =
    [
        "[rel~=author]", "[data-testid*=byline]", ".byline", ".vcard .fn", ".fn", ".username", "[class*=auteur]", "[class*=auth_name]", ".author", ".article-author", ".author-name", ".byline__name", ".byline-name", ".autor", ".author__name",
        "[class*=byline]", "[class*=author]", "[class*=autor]", "[id*=byline]", "[id*=author]",
    ];

    private List<Sourced<string>>? _bylines;

    /// <summary>Byline candidates: those of the first selector whose candidates name a person (a selector that finds
    /// only "View all posts" links or an outlet gives way to the next); else the first non-empty list (for the
    /// organisation fallback).</summary>
    private List<Sourced<string>> Bylines(string? site) => _bylines ??= FindBylines(site);

    private List<Sourced<string>>? _bylinePeople;

    /// <summary>The people the byline elements name (organisations left out), found once per page.</summary>
    private List<Sourced<string>> BylinePeople(string? site) => _bylinePeople ??= People(Bylines(site), site, []);

    private List<Sourced<string>> FindBylines(string? site)
    {
        List<Sourced<string>>? fallback = null;
        foreach (var sel in BylineSelectors)
        {
            var list = new List<Sourced<string>>();
            IEnumerable<IElement> found;
            try
            {
                found = Query(sel).Take(40).ToList();
            }
            catch (AngleSharp.Dom.DomException)
            {
                continue;
            }

            IElement? firstFound = null;
            var raw = new List<Sourced<string>>();
            foreach (var e in found)
            {
                if (IsInTeaser(e) || e.LocalName is "meta" or "link" or "body" or "html" or "script" or "img")
                {
                    continue;
                }

                // Only the first byline that names a person and bylines beside it (same parent or grandparent):
                // others on the page belong to other stories.
                if (firstFound is not null && e.ParentElement != firstFound.ParentElement && e.ParentElement?.ParentElement != firstFound.ParentElement?.ParentElement
                    && !firstFound.Contains(e) && !e.Contains(firstFound))
                {
                    continue;
                }

                string cls = (e.GetAttribute("class") ?? string.Empty) + " " + (e.GetAttribute("id") ?? string.Empty);
                if (cls.Contains("author-bio", StringComparison.OrdinalIgnoreCase) || cls.Contains("authorbox", StringComparison.OrdinalIgnoreCase)
                    || cls.Contains("comment", StringComparison.OrdinalIgnoreCase) || cls.Contains("description", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var cands = BylineCandidates(e, sel);
                if (cands.Count == 0)
                {
                    continue;
                }

                if (firstFound is null)
                {
                    if (People(cands, site, []).Count == 0)
                    {
                        if (raw.Count < 4)
                        {
                            raw.AddRange(cands);
                        }

                        continue;
                    }

                    firstFound = e;
                }

                list.AddRange(cands);
                if (list.Count >= 4)
                {
                    break;
                }
            }

            if (list.Count > 0)
            {
                return list;
            }

            if (raw.Count > 0)
            {
                fallback ??= raw;
            }
        }

        // A label ("Autor:", "Von:", "Author") followed by the name in the next sibling nodes.
        if (LabelledByline() is { } labelled && People(labelled, site, []).Count > 0)
        {
            return labelled;
        }

        // Visible "By …" / "Von …" lines near the headline.
        foreach (var e in Query("p, span, div, address, li").Take(4000))
        {
            if (e.ChildElementCount > 8 || IsInTeaser(e))
            {
                continue;
            }

            if (WebText.TextOfLongerThan(e, 400))
            {
                continue;
            }

            string text = WebText.TextOf(e);
            if (text.Length is < 6 or > 400)
            {
                continue;
            }

            var bm = AuthorNames.BylinePrefix.Match(text.TrimStart('-', '–', '—', '|', '·', '•', '*', ' ', '(', '['));
            if (bm.Success)
            {
                List<Sourced<string>> list = [new Sourced<string>(bm.Value, "byline:text")];
                if (People(list, site, []).Count > 0)
                {
                    return list;
                }

                fallback ??= list;
            }
        }

        return fallback ?? [];
    }

    private static readonly HashSet<string> AuthorLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "autor", "autorin", "autoren", "author", "authors", "von", "by", "verfasser", "verfasserin", "text", "written by", "geschrieben von", "auteur", "autor/in",
    };

    /// <summary>"&lt;h5&gt;Autor:&lt;/h5&gt;Peter Maahn", "&lt;b&gt;Von:&lt;/b&gt;&lt;br&gt;Götz Warnke", "&lt;h4&gt;Autor&lt;/h4&gt;&lt;p&gt;&lt;a&gt;Nikolai Huke&lt;/a&gt;&lt;/p&gt;".</summary>
    private List<Sourced<string>>? LabelledByline()
    {
        int seen = 0;
        foreach (var e in QueryBody("b, strong, h3, h4, h5, h6, dt, span, label, em, i, p, div"))
        {
            if (++seen > 5000)
            {
                break;
            }

            if (e.ChildElementCount > 1 || WebText.TextContentLongerThan(e, 16, ':'))
            {
                continue;
            }

            // "| By " in a screen-reader span before the name: separators around the label are not part of it.
            string label = WebText.Clean(e.TextContent).TrimEnd(':', ' ').TrimStart('|', '·', '•', '/', '-', '–', '—', ' ');
            if (label.Length is < 2 or > 16 || !AuthorLabels.Contains(label) || IsInTeaser(e))
            {
                continue;
            }

            var sb = new System.Text.StringBuilder();
            for (var n = e.NextSibling; n is not null && sb.Length < 120; n = n.NextSibling)
            {
                if (n is IElement ne)
                {
                    if (ne.LocalName is "br")
                    {
                        if (sb.ToString().Trim().Length > 0)
                        {
                            break;
                        }

                        continue;
                    }

                    sb.Append(' ').Append(WebText.TextOf(ne)).Append(' ');
                    if (ne.LocalName is "p" or "div" or "ul" or "dd" or "h3" or "h4" or "h5" or "h6")
                    {
                        break;
                    }
                }
                else if (n is IText t)
                {
                    sb.Append(t.Data);
                }
            }

            string value = WebText.Clean(sb.ToString());
            if (value.Length is > 1 and < 120)
            {
                return [new Sourced<string>(value, "byline:label")];
            }
        }

        return null;
    }

    /// <summary>The name texts of one byline element: explicit name elements inside a byline container, else its text.</summary>
    private static List<Sourced<string>> BylineCandidates(IElement e, string sel)
    {
        var list = new List<Sourced<string>>();
        if (e.HasAttribute("hidden") || WebText.TextOf(e, skipHidden: true).Length == 0)
        {
            return list;
        }

        if (sel is ".byline" or "[class*=byline]" or "[id*=byline]")
        {
            var inner = e.QuerySelectorAll("a[rel~=author], [class*=name], a[href*='/autor'], a[href*='/author'], a[href*='/profile'], a[href*='/people/']").ToList();
            if (inner.Count > 0)
            {
                foreach (var i in inner)
                {
                    string t = WebText.TextOf(i, skipHidden: true);
                    if (t.Length is > 1 and < 80)
                    {
                        list.Add(new Sourced<string>(t, "byline:" + sel));
                    }
                }

                return list;
            }
        }

        string text = WebText.TextOf(e, skipHidden: true);
        if (text.Length is > 1 and < 160)
        {
            list.Add(new Sourced<string>(text, "byline:" + sel));
        }

        return list;
    }

    /// <summary>Layout class tokens that name a sidebar or widget area without being one ("has-sidebar", "content-sidebar-wrap", "mh-widget-layout2").</summary>
    private static readonly Regex LayoutTokens = LayoutTokensPattern();

    [GeneratedRegex(@"(?<![\w-])(?:(?:has|with|no|without)-[\w-]*|[\w-]*(?:layout|wrap|template|container)[\w-]*)(?![\w-])", RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex LayoutTokensPattern();

    /// <summary>Teasers, related-story lists and comment blocks are not the article's own byline.</summary>
    private bool IsInTeaser(IElement e)
    {
        int depth = 0;
        for (var p = e; p is not null && depth < 30 && p.LocalName is not ("body" or "html"); p = p.ParentElement, depth++)
        {
            if (_teaserOwn.TryGetValue(p, out bool known))
            {
                if (known)
                {
                    return true;
                }

                continue;
            }

            // Recorded as a teaser until the tests below find it is not one.
            _teaserOwn[p] = true;
            string c = LayoutTokens.Replace(((p.GetAttribute("class") ?? string.Empty) + " " + (p.GetAttribute("id") ?? string.Empty)).ToLowerInvariant(), " ");
            if ((c.Contains("teaser", StringComparison.Ordinal) && p.LocalName is "article" or "li") || c.Contains("related", StringComparison.Ordinal) || c.Contains("popular", StringComparison.Ordinal)
                || c.Contains("comment", StringComparison.Ordinal) || c.Contains("most-read", StringComparison.Ordinal) || c.Contains("mostread", StringComparison.Ordinal)
                || c.Contains("recommend", StringComparison.Ordinal) || c.Contains("site-footer", StringComparison.Ordinal) || c.Contains("more-stories", StringComparison.Ordinal)
                || ((c.Contains("sidebar", StringComparison.Ordinal) || c.Contains("widget", StringComparison.Ordinal)) && p.QuerySelector("h1, article, .hentry, .post-body, .entry-content, [itemprop~=articleBody]") is null))
            {
                return true;
            }

            // An article's own footer or aside (WordPress and Blogger put "Posted by" there) is not a page footer or sidebar.
            if (p.LocalName is "nav" || (p.LocalName is "footer" or "aside" && p.Closest("article, .hentry, .post") is null))
            {
                return true;
            }

            _teaserOwn[p] = false;
        }

        return false;
    }
}
