using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace SourceCheck.Documents.Web;

/// <summary>Reads page metadata from a parsed document: meta tags (Open Graph, Twitter, Highwire citation_*,
/// Dublin Core, Parse.ly), schema.org JSON-LD and microdata, and the visible page (headline, byline, dates).
/// Scripts are never run.</summary>
internal sealed class PageMetadataReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " › ", " / ", " ~ ", " • ", " _ ", ": "];

    private static readonly Regex UrlDate = new(@"/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex UrlDateCompact = new(@"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex RdfDate = new(@"\bdc:date=""(\d{4}-\d{2}-\d{2}[^""<>]{0,30})""", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex DoiPattern = new(@"\b(10\.\d{4,9}/[^\s""'<>]+)", RegexOptions.CultureInvariant, Timeout);

    private readonly IDocument _doc;
    private readonly string? _url;
    private readonly Dictionary<string, List<string>> _meta = new(StringComparer.OrdinalIgnoreCase);
    private readonly JsonLd _ld;

    private PageMetadataReader(IDocument doc, string? url)
    {
        _doc = doc;
        _url = url;
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            string? content = m.GetAttribute("content") ?? m.GetAttribute("value");
            if (content is null)
            {
                continue;
            }

            content = WebText.Clean(System.Net.WebUtility.HtmlDecode(content));
            foreach (var attr in new[] { "name", "property", "itemprop", "http-equiv" })
            {
                string? keys = m.GetAttribute(attr);
                if (string.IsNullOrWhiteSpace(keys))
                {
                    continue;
                }

                foreach (var k in keys.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (attr == "itemprop" && m.ParentElement is { } parent && parent.HasAttribute("itemscope")
                        && k is "name" or "url" && parent.GetAttribute("itemtype")?.Contains("Article", StringComparison.OrdinalIgnoreCase) != true)
                    {
                        continue;
                    }

                    if (!_meta.TryGetValue(k, out var list))
                    {
                        _meta[k] = list = [];
                    }

                    if (content.Length > 0)
                    {
                        list.Add(content);
                    }
                }
            }
        }

        _ld = JsonLd.Parse(doc.QuerySelectorAll("script").Where(s => (s.GetAttribute("type") ?? string.Empty).Contains("ld+json", StringComparison.OrdinalIgnoreCase)).Select(s => s.TextContent));
    }

    internal JsonLd Ld => _ld;

    /// <summary>Source of the outlet given as the author of a page that names no author (APA's group author); the
    /// comparison does not count it as a person.</summary>
    internal const string SiteAsAuthor = "site-as-author";

    public static (PageMetadata Metadata, string? LdBody) Read(IDocument doc, string? url)
    {
        var r = new PageMetadataReader(doc, url);
        return (r.Build(), r.ArticleBody());
    }

    private string? Meta(string key) => _meta.TryGetValue(key, out var l) && l.Count > 0 ? l[0] : null;

    private IReadOnlyList<string> MetaAll(string key) => _meta.TryGetValue(key, out var l) ? l : [];

    private Sourced<string>? FirstMeta(params string[] keys)
    {
        foreach (var k in keys)
        {
            if (Meta(k) is { Length: > 0 } v)
            {
                return new Sourced<string>(v, "meta:" + k);
            }
        }

        return null;
    }

    private string? ArticleBody() => _ld.Article is { } a ? JsonLd.Str(a, "articleBody") : null;

    private PageMetadata Build()
    {
        var site = Site();
        string? htmlTitle = _doc.QuerySelector("head title")?.TextContent is { } t ? WebText.Clean(t) : (_doc.Title is { } dt ? WebText.Clean(dt) : null);
        string? h1 = Heading(site?.Value);
        var titleCandidates = new List<Sourced<string>>();
        var title = Title(htmlTitle, h1, site?.Value, titleCandidates);
        if (site is null && htmlTitle is not null && title is not null)
        {
            site = SiteFromTitle(htmlTitle, title.Value);
        }

        site ??= SiteFromDomain();
        if (title is not null && site is not null && titleCandidates.All(c => c.Source.StartsWith("html:", StringComparison.Ordinal))
            && (h1 is null || WebText.Key(h1) == WebText.Key(title.Value))
            && EntryTitle(site.Value) is { } entry && WebText.Key(entry.Value) != WebText.Key(title.Value))
        {
            // A page without metadata whose <title> and h1 give only the blog's name: the post's own heading
            // (.entry-title, .post-title, itemprop=headline).
            titleCandidates.Add(entry);
            title = entry;
        }

        var (published, modified) = Dates();
        return new PageMetadata
        {
            Title = title,
            Authors = Authors(site?.Value) is { Length: > 0 } authors ? authors
                : site is not null ? [new Sourced<string>(site.Value, SiteAsAuthor)] : [],
            Published = published,
            Modified = modified,
            Site = site,
            CanonicalUrl = Canonical(),
            Language = Language(),
            Doi = Doi(),
            Paywall = Paywall(),
            PageType = _ld.ArticleType is { } at ? new Sourced<string>(at, "json-ld:@type") : FirstMeta("og:type"),
            Heading = h1,
            TitleCandidates = [.. titleCandidates],
            HtmlTitle = htmlTitle,
        };
    }

    // ---------------------------------------------------------------- title

    private string? Heading(string? site)
    {
        IElement? best = null;
        foreach (var sel in new[] { "article h1", "main h1", "[itemprop=headline]", "h1" })
        {
            foreach (var h in _doc.QuerySelectorAll(sel))
            {
                string text = WebText.Clean(h.TextContent);
                if (text.Length < 3 || text.Length > 400 || (site is not null && WebText.Key(text) == WebText.Key(site)))
                {
                    continue;
                }

                if ((h.QuerySelector("img") is not null && text.Length < 25 && h.QuerySelector("a[href='/']") is not null) || IsHomeLinkHeading(h, text))
                {
                    continue;
                }

                best = h;
                break;
            }

            if (best is not null)
            {
                break;
            }
        }

        return best is null ? null : WebText.Clean(best.TextContent);
    }

    /// <summary>An h1 that is nothing but a link to the site's home page ("/", "https://blog.example/", also inside a
    /// web-archive address): the site's or blog's name in the page header, not the article's headline.</summary>
    private static bool IsHomeLinkHeading(IElement h, string text)
    {
        var links = h.QuerySelectorAll("a[href]");
        if (links.Length != 1 || WebText.Key(WebText.Clean(links[0].TextContent)) != WebText.Key(text))
        {
            return false;
        }

        string href = links[0].GetAttribute("href")!.Trim();
        int inner = href.LastIndexOf("http", StringComparison.OrdinalIgnoreCase);
        if (inner > 0)
        {
            href = href[inner..];
        }

        if (href is "/" or "./")
        {
            return true;
        }

        return Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0;
    }

    private Sourced<string>? EntryTitle(string site)
    {
        foreach (var e in _doc.QuerySelectorAll(".entry-title, .post-title, .posttitle, .storytitle, .article-title, [itemprop~=headline]").Take(10))
        {
            string text = WebText.TextOf(e);
            if (text.Length is >= 3 and <= 300 && WebText.Key(text) != WebText.Key(site) && !IsInTeaser(e))
            {
                return new Sourced<string>(text, "html:entry-title");
            }
        }

        return null;
    }

    private Sourced<string>? Title(string? htmlTitle, string? h1, string? site, List<Sourced<string>> candidates)
    {
        void Add(string? v, string source)
        {
            v = WebText.Clean(v);
            if (v.Length > 0 && v.Length < 600)
            {
                candidates.Add(new Sourced<string>(v, source));
            }
        }

        if (_ld.Article is { } a)
        {
            Add(JsonLd.Str(a, "headline"), "json-ld:headline");
            Add(JsonLd.Str(a, "name"), "json-ld:name");
        }

        Add(Meta("og:title"), "meta:og:title");
        Add(Meta("twitter:title"), "meta:twitter:title");
        Add(Meta("citation_title"), "meta:citation_title");
        Add(Meta("dc.title") ?? Meta("dcterms.title"), "meta:dc.title");
        Add(Meta("parsely-title"), "meta:parsely-title");
        Add(Meta("title"), "meta:title");
        Add(Meta("headline"), "meta:headline");
        Add(h1, "html:h1");
        string? cleanedTitle = htmlTitle is null ? null : StripSite(htmlTitle, site, candidates.Select(c => c.Value));
        Add(cleanedTitle, "html:title");
        if (htmlTitle is not null && cleanedTitle != htmlTitle)
        {
            Add(htmlTitle, "html:title-full");
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // Clean site names off meta titles as well ("Headline | Outlet" in og:title).
        for (int i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Source is not ("html:h1" or "html:title" or "html:title-full"))
            {
                string stripped = StripSite(candidates[i].Value, site, candidates.Where(c => c.Source == "html:h1").Select(c => c.Value));
                candidates[i] = candidates[i] with { Value = stripped };
            }
        }

        // Without any metadata title, the page's <title> (cleaned) is what it calls itself; the h1 only when the
        // <title> is a single word (a site name).
        bool hasMeta = candidates.Any(c => c.Source.StartsWith("meta:", StringComparison.Ordinal) || c.Source.StartsWith("json-ld:", StringComparison.Ordinal));
        var titleCand = candidates.FirstOrDefault(c => c.Source == "html:title");
        var h1Cand = candidates.FirstOrDefault(c => c.Source == "html:h1");
        if (!hasMeta)
        {
            if (titleCand is not null && (h1Cand is null || WebText.Key(titleCand.Value) == WebText.Key(h1Cand.Value) || titleCand.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2))
            {
                return titleCand;
            }

            return h1Cand ?? titleCand;
        }

        // Agreement: the candidate most sources agree with. A headline of three words or more counts 2.5 (it is
        // what readers see); shorter h1s are often section names.
        double h1Weight = h1Cand is not null && h1Cand.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 ? 2.5 : 1;
        Sourced<string>? best = null;
        double bestScore = -1;
        for (int i = 0; i < candidates.Count; i++)
        {
            string key = WebText.Key(candidates[i].Value);
            if (key.Length == 0 || candidates[i].Source == "html:title-full")
            {
                continue;
            }

            double score = 0;
            foreach (var other in candidates)
            {
                if (other.Source != "html:title-full" && WebText.Key(other.Value) == key)
                {
                    score += other.Source == "html:h1" ? h1Weight : 1;
                }
            }

            score -= i * 0.01;
            if (score > bestScore)
            {
                bestScore = score;
                best = candidates[i];
            }
        }

        return best is null ? null : HeadlineOverKicker(best, candidates);
    }

    /// <summary>The chosen title is a visible heading with a kicker line run on before the headline that the
    /// article metadata gives alone ("Tunesien Große Aufgaben …", "Abstandsregeln : Wie Firmen …", "Patch Notes -
    /// Patchnotes 4.47.4 …"): the metadata headline. A kicker joined by a colon ("Kicker: Headline") is written as
    /// part of the headline and kept. Also a <c>&lt;title&gt;</c> "Blog: Post" whose one part is the chosen
    /// title (the blog's name in the h1) and the other a metadata headline: the metadata headline.</summary>
    private static Sourced<string> HeadlineOverKicker(Sourced<string> best, List<Sourced<string>> candidates)
    {
        string bestKey = WebText.Key(best.Value);
        string? full = candidates.FirstOrDefault(c => c.Source == "html:title-full")?.Value;
        foreach (var m in candidates)
        {
            if (m.Source is not ("json-ld:headline" or "meta:og:title" or "meta:twitter:title"))
            {
                continue;
            }

            string key = WebText.Key(m.Value);
            if (key.Length == 0 || key == bestKey || key.Split(' ').Length < 3)
            {
                continue;
            }

            if (bestKey.EndsWith(key, StringComparison.Ordinal))
            {
                string t = best.Value;
                for (int pos = t.Length - 1; pos > 0; pos--)
                {
                    if (WebText.Key(t[pos..]) == key)
                    {
                        if (!t[..pos].TrimEnd().EndsWith(':'))
                        {
                            return m;
                        }

                        break;
                    }
                }
            }

            if (full is not null)
            {
                foreach (var sep in TitleSeparators)
                {
                    string[] parts = full.Split(sep);
                    if (parts.Length == 2)
                    {
                        string a = WebText.Key(parts[0]), b = WebText.Key(parts[1]);
                        if ((a == bestKey && b == key) || (a == key && b == bestKey))
                        {
                            return m;
                        }
                    }
                }
            }
        }

        return best;
    }

    /// <summary>Removes a site-name part from a title: " | Outlet", " - Outlet", "Outlet: ", also when the site is
    /// unknown but another source gives the headline without it.</summary>
    internal static string StripSite(string title, string? site, IEnumerable<string> others)
    {
        string siteKey = WebText.Key(site);
        var otherKeys = others.Select(WebText.Key).Where(k => k.Length > 0).ToHashSet();
        if (otherKeys.Contains(WebText.Key(title)))
        {
            return title;
        }

        foreach (var sep in TitleSeparators)
        {
            int idx = title.IndexOf(sep, StringComparison.Ordinal);
            if (idx < 0)
            {
                continue;
            }

            string[] parts = title.Split(sep);
            if (parts.Length < 2)
            {
                continue;
            }

            // The headline given elsewhere is one of the parts (or the parts before/after the last separator).
            for (int cut = 1; cut < parts.Length; cut++)
            {
                string head = string.Join(sep, parts[..cut]);
                string tail = string.Join(sep, parts[cut..]);
                if (otherKeys.Contains(WebText.Key(head)))
                {
                    return head;
                }

                if (otherKeys.Contains(WebText.Key(tail)))
                {
                    return tail;
                }
            }

            if (siteKey.Length > 0)
            {
                string last = parts[^1];
                string first = parts[0];
                if (IsSiteLike(last, siteKey))
                {
                    return WebText.Clean(string.Join(sep, parts[..^1]));
                }

                if (IsSiteLike(first, siteKey) && sep != ": " || (sep == ": " && WebText.Key(first) == siteKey))
                {
                    return WebText.Clean(string.Join(sep, parts[1..]));
                }
            }
        }

        if (siteKey.Length == 0)
        {
            // Unknown site: drop a short last part after " | " or " - " (typical outlet suffix).
            foreach (var sep in new[] { " | ", " - ", " – ", " — ", " :: ", " · " })
            {
                int idx = title.LastIndexOf(sep, StringComparison.Ordinal);
                if (idx > 0)
                {
                    string tail = title[(idx + sep.Length)..];
                    string head = title[..idx];
                    if (tail.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4 && head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
                    {
                        return WebText.Clean(head);
                    }
                }
            }
        }

        return title;
    }

    private static bool IsSiteLike(string part, string siteKey)
    {
        string k = WebText.Key(part);
        if (k.Length == 0)
        {
            return false;
        }

        if (k == siteKey || k.Replace(" ", string.Empty, StringComparison.Ordinal) == siteKey.Replace(" ", string.Empty, StringComparison.Ordinal))
        {
            return true;
        }

        // "Outlet.de", "Outlet Online", "www.outlet.com"
        string compact = k.Replace(" ", string.Empty, StringComparison.Ordinal);
        string siteCompact = siteKey.Replace(" ", string.Empty, StringComparison.Ordinal);
        return compact.Length > 2 && siteCompact.Length > 2 && (compact.Contains(siteCompact, StringComparison.Ordinal) || siteCompact.Contains(compact, StringComparison.Ordinal))
            && part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6;
    }

    // ---------------------------------------------------------------- site

    private Sourced<string>? Site()
    {
        var og = FirstMeta("og:site_name");
        if (og is not null)
        {
            return og;
        }

        if (_ld.Article is { } a && _ld.Prop(a, "publisher") is { } pub)
        {
            var p = _ld.Resolve(pub.ValueKind == JsonValueKind.Array && pub.GetArrayLength() > 0 ? pub[0] : pub);
            if (JsonLd.ValueText(p) is { Length: > 0 } name && !name.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                return new Sourced<string>(WebText.Clean(name), "json-ld:publisher.name");
            }
        }

        foreach (var n in _ld.Nodes)
        {
            if (JsonLd.Types(n).Any(t => t is "WebSite") && JsonLd.Str(n, "name") is { Length: > 0 } wn)
            {
                return new Sourced<string>(WebText.Clean(wn), "json-ld:WebSite.name");
            }
        }

        return FirstMeta("application-name", "al:android:app_name", "al:ios:app_name", "apple-mobile-web-app-title", "dc.publisher", "citation_publisher", "citation_journal_title", "publisher");
    }

    private Sourced<string>? SiteFromTitle(string htmlTitle, string title)
    {
        string tk = WebText.Key(title);
        foreach (var sep in TitleSeparators)
        {
            string[] parts = htmlTitle.Split(sep);
            if (parts.Length < 2)
            {
                continue;
            }

            if (WebText.Key(string.Join(sep, parts[..^1])) == tk && parts[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5)
            {
                return new Sourced<string>(WebText.Clean(parts[^1]), "html:title-suffix");
            }

            if (WebText.Key(string.Join(sep, parts[1..])) == tk && parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5)
            {
                return new Sourced<string>(WebText.Clean(parts[0]), "html:title-prefix");
            }
        }

        return null;
    }

    private Sourced<string>? SiteFromDomain()
    {
        string? u = Canonical()?.Value ?? _url;
        if (u is null || !Uri.TryCreate(u, UriKind.Absolute, out var uri))
        {
            return null;
        }

        string host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        if (SiteNames.ForHost(host) is { } known)
        {
            return new Sourced<string>(known, "domain:table");
        }

        // The registrable label: "about.gitlab.com" -> "gitlab", "news.example.co.uk" -> "example".
        var labels = host.Split('.');
        if (labels.Length >= 2 && !System.Net.IPAddress.TryParse(host, out _))
        {
            bool shortSecond = labels.Length >= 3 && labels[^2].Length <= 3 && labels[^1].Length == 2;
            return new Sourced<string>(labels[^(shortSecond ? 3 : 2)], "domain");
        }

        return new Sourced<string>(host, "domain");
    }

    // ---------------------------------------------------------------- canonical, language, DOI

    private Sourced<string>? Canonical()
    {
        var link = _doc.QuerySelectorAll("link[rel]").FirstOrDefault(l => (l.GetAttribute("rel") ?? string.Empty).Split(' ').Contains("canonical", StringComparer.OrdinalIgnoreCase));
        if (link?.GetAttribute("href") is { Length: > 0 } href)
        {
            return new Sourced<string>(Absolute(href), "link:canonical");
        }

        return FirstMeta("og:url") is { } og ? og with { Value = Absolute(og.Value) } : null;
    }

    private string Absolute(string href)
    {
        href = href.Trim();
        if (_url is not null && Uri.TryCreate(_url, UriKind.Absolute, out var b) && Uri.TryCreate(b, href, out var abs))
        {
            return abs.ToString();
        }

        return href;
    }

    private Sourced<string>? Language()
    {
        string? lang = _doc.DocumentElement?.GetAttribute("lang") ?? _doc.DocumentElement?.GetAttribute("xml:lang");
        if (!string.IsNullOrWhiteSpace(lang))
        {
            return new Sourced<string>(NormLang(lang), "html:lang");
        }

        if (FirstMeta("og:locale", "content-language", "dc.language", "language", "inLanguage") is { } m)
        {
            return m with { Value = NormLang(m.Value) };
        }

        if (_ld.Article is { } a && JsonLd.Str(a, "inLanguage") is { Length: > 0 } il)
        {
            return new Sourced<string>(NormLang(il), "json-ld:inLanguage");
        }

        string sample = WebText.Clean(_doc.Body?.TextContent ?? string.Empty);
        return LanguageGuess.Guess(sample) is { } g ? new Sourced<string>(g, "detected") : null;
    }

    private static string NormLang(string lang)
    {
        string l = lang.Trim().Replace('_', '-');
        int i = l.IndexOfAny([',', ';']);
        if (i > 0)
        {
            l = l[..i];
        }

        return l.Split('-')[0].ToLowerInvariant();
    }

    private Sourced<string>? Doi()
    {
        foreach (var k in new[] { "citation_doi", "dc.identifier", "dcterms.identifier", "prism.doi", "bepress_citation_doi", "doi" })
        {
            foreach (var v in MetaAll(k))
            {
                var m = DoiPattern.Match(v);
                if (m.Success)
                {
                    return new Sourced<string>(m.Groups[1].Value.TrimEnd('.', ','), "meta:" + k);
                }
            }
        }

        if (_ld.Article is { } a && JsonLd.Str(a, "doi") is { } ld && DoiPattern.Match(ld) is { Success: true } lm)
        {
            return new Sourced<string>(lm.Groups[1].Value, "json-ld:doi");
        }

        foreach (var link in _doc.QuerySelectorAll("a[href*='doi.org/10.']").Take(3))
        {
            var m = DoiPattern.Match(link.GetAttribute("href") ?? string.Empty);
            if (m.Success)
            {
                return new Sourced<string>(Uri.UnescapeDataString(m.Groups[1].Value), "link:doi.org");
            }
        }

        return null;
    }

    // ---------------------------------------------------------------- paywall

    private static readonly string[] PaywallClasses =
    [
        "paywall", "pay-wall", "premium-content", "subscriber-only", "subscription-required", "piano-", "plus-content",
        "article--premium", "regwall", "meteredContent", "tp-container", "locked-content", "paid-content",
    ];

    private Sourced<PaywallInfo>? Paywall()
    {
        foreach (var n in _ld.Nodes)
        {
            if (n.TryGetProperty("isAccessibleForFree", out var free))
            {
                bool isFree = free.ValueKind switch
                {
                    JsonValueKind.False => false,
                    JsonValueKind.True => true,
                    JsonValueKind.String => !string.Equals(free.GetString(), "false", StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(free.GetString(), "False", StringComparison.Ordinal),
                    _ => true,
                };
                if (!isFree)
                {
                    string sel = string.Empty;
                    if (n.TryGetProperty("hasPart", out var part))
                    {
                        var p = part.ValueKind == JsonValueKind.Array && part.GetArrayLength() > 0 ? part[0] : part;
                        if (JsonLd.Str(p, "cssSelector") is { } css)
                        {
                            sel = $"; gated part {css}";
                        }
                    }

                    return new Sourced<PaywallInfo>(new PaywallInfo(true, "isAccessibleForFree=false" + sel), "json-ld:isAccessibleForFree");
                }
            }
        }

        foreach (var k in new[] { "article:content_tier", "isAccessibleForFree", "paywall", "article:access", "access" })
        {
            if (Meta(k) is { } v && (v.Equals("locked", StringComparison.OrdinalIgnoreCase) || v.Equals("metered", StringComparison.OrdinalIgnoreCase)
                || v.Equals("false", StringComparison.OrdinalIgnoreCase) && k == "isAccessibleForFree" || v.Equals("true", StringComparison.OrdinalIgnoreCase) && k == "paywall"
                || v.Equals("premium", StringComparison.OrdinalIgnoreCase) || v.Equals("subscription", StringComparison.OrdinalIgnoreCase)))
            {
                return new Sourced<PaywallInfo>(new PaywallInfo(true, $"{k}={v}"), "meta:" + k);
            }
        }

        foreach (var e in _doc.QuerySelectorAll("[class],[id]").Take(5000))
        {
            string cls = (e.GetAttribute("class") ?? string.Empty) + " " + (e.GetAttribute("id") ?? string.Empty);
            foreach (var pc in PaywallClasses)
            {
                if (cls.Contains(pc, StringComparison.OrdinalIgnoreCase))
                {
                    return new Sourced<PaywallInfo>(new PaywallInfo(true, $"element with class/id '{pc}'"), "html:class");
                }
            }
        }

        return null;
    }

    // ---------------------------------------------------------------- authors

    private ImmutableArray<Sourced<string>> Authors(string? site)
    {
        var orgFallback = new List<Sourced<string>>();
        foreach (var group in AuthorSources(site))
        {
            var people = People(group, site, orgFallback);
            if (people.Count > 0)
            {
                // A visible byline that names everyone the metadata names, and more, is the fuller list
                // ("meta name=author" often carries only the first author).
                if (!group.Any(g => g.Source.StartsWith("byline:", StringComparison.Ordinal)))
                {
                    var byline = People(Bylines(site), site, []);
                    // Extra byline names are whole names of their own, not a metadata name with leftovers ("IN Julius Richter").
                    bool clean = byline.All(b => people.Any(p => AuthorNames.SameName(b.Value, p.Value))
                        || (b.Value.Contains(' ', StringComparison.Ordinal) && !people.Any(p => WebText.Key(b.Value).Contains(WebText.Key(p.Value), StringComparison.Ordinal))));
                    if (clean && byline.Count > people.Count && people.All(p => byline.Any(b => AuthorNames.SameName(b.Value, p.Value))))
                    {
                        return [.. byline];
                    }
                }

                return [.. people];
            }
        }

        return orgFallback.Count > 0 ? [orgFallback[0]] : [];
    }

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
                if (site is not null && WebText.Key(site) is { Length: > 2 } siteKey && WebText.Key(n).EndsWith(" " + siteKey, StringComparison.Ordinal)
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
                    if (shown.Length > 1 && (explicitAuthor || (!shown.Contains('.', StringComparison.Ordinal) && (site is null || WebText.Key(shown) != WebText.Key(site)))))
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
        foreach (var e in _doc.QuerySelectorAll("[itemprop~=author], [itemprop~=creator]").Take(20))
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

    private List<Sourced<string>> FindBylines(string? site)
    {
        List<Sourced<string>>? fallback = null;
        foreach (var sel in BylineSelectors)
        {
            var list = new List<Sourced<string>>();
            IEnumerable<IElement> found;
            try
            {
                found = _doc.QuerySelectorAll(sel).Take(40).ToList();
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
        foreach (var e in _doc.QuerySelectorAll("p, span, div, address, li").Take(4000))
        {
            if (e.ChildElementCount > 8 || IsInTeaser(e))
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
        foreach (var e in _doc.Body?.QuerySelectorAll("b, strong, h3, h4, h5, h6, dt, span, label, em, i, p, div") ?? Enumerable.Empty<IElement>())
        {
            if (++seen > 5000)
            {
                break;
            }

            if (e.ChildElementCount > 1)
            {
                continue;
            }

            string label = WebText.Clean(e.TextContent).TrimEnd(':', ' ');
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
    private static readonly Regex LayoutTokens = new(@"(?<![\w-])(?:(?:has|with|no|without)-[\w-]*|[\w-]*(?:layout|wrap|template|container)[\w-]*)(?![\w-])", RegexOptions.CultureInvariant, Timeout);

    /// <summary>Teasers, related-story lists and comment blocks are not the article's own byline.</summary>
    private static bool IsInTeaser(IElement e)
    {
        int depth = 0;
        for (var p = e; p is not null && depth < 30 && p.LocalName is not ("body" or "html"); p = p.ParentElement, depth++)
        {
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
        }

        return false;
    }

    // ---------------------------------------------------------------- dates

    private (Sourced<DateOnly>? Published, Sourced<DateOnly>? Modified) Dates()
    {
        Sourced<DateOnly>? published = null;
        Sourced<DateOnly>? modified = null;

        string? publishedRaw = null;
        var stamps = new List<string>();
        Sourced<DateOnly>? FromText(string? v, string source, bool loose = false)
        {
            if (WebText.ParseDate(v, loose) is not { } d)
            {
                return null;
            }

            stamps.Add(v!);
            if (!source.Contains("odif", StringComparison.Ordinal) && !source.Contains("updated", StringComparison.Ordinal))
            {
                publishedRaw ??= v;
            }

            return new Sourced<DateOnly>(d, source);
        }

        if (_ld.Article is { } a)
        {
            published = FromText(JsonLd.Str(a, "datePublished"), "json-ld:datePublished", true);
            modified = FromText(JsonLd.Str(a, "dateModified"), "json-ld:dateModified", true);
        }

        if (published is null)
        {
            foreach (var n in _ld.Nodes)
            {
                if (FromText(JsonLd.Str(n, "datePublished"), "json-ld:datePublished", true) is { } d)
                {
                    published = d;
                    break;
                }
            }
        }

        string[] pubKeys =
        [
            "article:published_time", "og:published_time", "article:published", "published_time", "article.published", "datePublished",
            "citation_publication_date", "citation_date", "dc.date.issued", "dcterms.issued", "prism.publicationdate", "parsely-pub-date",
            "sailthru.date", "pubdate", "publishdate", "publish-date", "publish_date", "date_published", "article_date_original",
            "og:article:published_time", "cxenseparse:recs:publishtime", "originalpublicationdate", "dc.date.created", "dcterms.created",
            "dc.date", "dcterms.date", "citation_online_date",
        ];
        foreach (var k in pubKeys)
        {
            if (published is not null)
            {
                break;
            }

            foreach (var v in MetaAll(k))
            {
                if ((published = FromText(v, "meta:" + k, true)) is not null)
                {
                    break;
                }
            }
        }

        if (published is null)
        {
            foreach (var t in _doc.QuerySelectorAll("[itemprop~=datePublished], time[pubdate], [property~='article:published_time']").Take(5))
            {
                string? v = t.GetAttribute("datetime") ?? t.GetAttribute("content") ?? t.TextContent;
                if ((published = FromText(v, "html:itemprop=datePublished", true)) is not null)
                {
                    break;
                }
            }
        }

        if (published is null && _url is not null)
        {
            var m = UrlDate.Match(_url);
            if (!m.Success)
            {
                m = UrlDateCompact.Match(_url);
            }

            if (m.Success)
            {
                published = FromText($"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}", "url");
            }
        }

        if (published is null)
        {
            foreach (var t in _doc.QuerySelectorAll("article time[datetime], main time[datetime], time[datetime]").Take(10))
            {
                if (IsInTeaser(t))
                {
                    continue;
                }

                if ((published = FromText(t.GetAttribute("datetime"), "html:time", true)) is not null)
                {
                    break;
                }
            }
        }

        if (published is null && RdfDate.Match(_doc.Source.Text.Length > 2_000_000 ? _doc.Source.Text[..2_000_000] : _doc.Source.Text) is { Success: true } rdf)
        {
            // Blog engines (Movable Type, goo, TypePad) embed a trackback RDF block in a comment with dc:date.
            published = FromText(rdf.Groups[1].Value, "html:rdf-dc:date", true);
        }

        var visible = VisibleDate();
        published ??= visible;
        published = LocalDay(published, publishedRaw, stamps, visible);

        if (published is null)
        {
            foreach (var k in new[] { "date", "last-modified" })
            {
                if ((published = FromText(Meta(k), "meta:" + k, true)) is not null)
                {
                    break;
                }
            }
        }

        if (modified is null)
        {
            foreach (var k in new[] { "article:modified_time", "og:updated_time", "article:modified", "dateModified", "dcterms.modified", "dc.date.modified", "last-modified", "modified_time", "lastmod" })
            {
                if ((modified = FromText(Meta(k), "meta:" + k, true)) is not null)
                {
                    break;
                }
            }
        }

        if (modified is null)
        {
            foreach (var t in _doc.QuerySelectorAll("[itemprop~=dateModified]").Take(3))
            {
                if ((modified = FromText(t.GetAttribute("datetime") ?? t.GetAttribute("content") ?? t.TextContent, "html:itemprop=dateModified", true)) is not null)
                {
                    break;
                }
            }
        }

        return (published, modified);
    }

    private static readonly Regex Offset = new(@"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})\s*$", RegexOptions.CultureInvariant, Timeout);

    /// <summary>The publication day in the page's own time zone: a UTC timestamp is moved by the offset another
    /// timestamp on the page uses; a timestamp one day off the day in the URL or the visible date text yields to
    /// them (they are written in local time).</summary>
    private Sourced<DateOnly>? LocalDay(Sourced<DateOnly>? published, string? raw, List<string> stamps, Sourced<DateOnly>? visible)
    {
        if (published is null || raw is null || !published.Source.StartsWith("json-ld", StringComparison.Ordinal) && !published.Source.StartsWith("meta:", StringComparison.Ordinal))
        {
            return published;
        }

        var m = Offset.Match(raw.Trim());
        if (!m.Success)
        {
            return published;
        }

        bool utc = m.Groups[1].Value is "Z" or "+00:00" or "+0000" or "-00:00";
        if (utc && DateTimeOffset.TryParse(raw.Trim(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant))
        {
            foreach (var other in stamps)
            {
                var om = Offset.Match(other.Trim());
                if (om.Success && om.Groups[1].Value is not ("Z" or "+00:00" or "+0000" or "-00:00")
                    && DateTimeOffset.TryParse(other.Trim(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var withOffset))
                {
                    var local = DateOnly.FromDateTime(instant.ToOffset(withOffset.Offset).DateTime);
                    if (local != published.Value)
                    {
                        return new Sourced<DateOnly>(local, published.Source + "+local-offset");
                    }

                    return published;
                }
            }

            // A bare date stored as local midnight and written out in UTC ("2022-11-06T23:00:00.000Z") on a page
            // in a Central European language is the next day there.
            var tod = instant.UtcDateTime.TimeOfDay;
            if (tod.Hours is 22 or 23 && tod.Minutes == 0 && tod.Seconds == 0 && tod.Milliseconds == 0 && CentralEuropean())
            {
                return new Sourced<DateOnly>(published.Value.AddDays(1), published.Source + "+local-midnight");
            }
        }

        DateOnly? urlDay = null;
        if (_url is not null)
        {
            var um = UrlDate.Match(_url);
            if (um.Success)
            {
                urlDay = WebText.ParseDate($"{um.Groups[1].Value}-{um.Groups[2].Value}-{um.Groups[3].Value}");
            }
            else if ((um = UrlDateCompact.Match(_url)).Success)
            {
                urlDay = WebText.ParseDate($"{um.Groups[1].Value}-{um.Groups[2].Value}-{um.Groups[3].Value}");
            }
        }

        if (urlDay == published.Value)
        {
            return published;
        }

        foreach (var (day, source) in new[] { (urlDay, "url"), (urlDay is null ? visible?.Value : null, "html:visible-date") })
        {
            if (day is { } d && Math.Abs(d.DayNumber - published.Value.DayNumber) == 1)
            {
                return new Sourced<DateOnly>(d, published.Source + "+" + source);
            }
        }

        return published;
    }

    private bool CentralEuropean()
    {
        string lang = (_doc.DocumentElement?.GetAttribute("lang") ?? Meta("og:locale") ?? Meta("content-language") ?? string.Empty).ToLowerInvariant();
        return lang.Length >= 2 && lang[..2] is "de" or "fr" or "it" or "nl" or "pl" or "cs" or "da" or "sv" or "nb" or "no" or "hu" or "sk" or "sl" or "hr";
    }

    private Sourced<DateOnly>? VisibleDate()
    {
        foreach (var sel in new[] { "[class*=date]", "[class*=Date]", "[class*=time]", "[class*=datum]", "[class*=meta]", "[class*=byline]", "[class*=published]" })
        {
            foreach (var e in _doc.QuerySelectorAll(sel).Take(30))
            {
                if (IsInTeaser(e))
                {
                    continue;
                }

                string text = WebText.TextOf(e);
                if (text.Length is > 6 and < 120 && WebText.ParseDate(text) is { } d && Plausible(d))
                {
                    return new Sourced<DateOnly>(d, "html:visible-date");
                }
            }
        }

        // Any short text with a full date, preferring the first one after the main heading.
        var h1 = _doc.QuerySelector("article h1, main h1, h1");
        bool afterHeading = h1 is null;
        Sourced<DateOnly>? first = null;
        int seen = 0;
        foreach (var e in _doc.Body?.QuerySelectorAll("*") ?? Enumerable.Empty<IElement>())
        {
            if (++seen > 6000)
            {
                break;
            }

            if (e == h1)
            {
                afterHeading = true;
                continue;
            }

            if (e.LocalName is "script" or "style" or "a" or "option" || e.ChildElementCount > 3)
            {
                continue;
            }

            string own = string.Concat(e.ChildNodes.OfType<IText>().Select(t => t.Data));
            if (own.Length is < 6 or > 200 || !own.Any(char.IsDigit))
            {
                continue;
            }

            string text = WebText.TextOf(e);
            if (text.Length > 200 || WebText.ParseDate(text) is not { } d || !Plausible(d) || IsInTeaser(e))
            {
                continue;
            }

            if (afterHeading)
            {
                return new Sourced<DateOnly>(d, "html:text-date");
            }

            first ??= new Sourced<DateOnly>(d, "html:text-date");
        }

        return first;
    }

    private static bool Plausible(DateOnly d) => d.Year >= 1995 && d <= DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
}
