using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using SourceCheck.Text;

namespace SourceCheck.Documents.Web;

/// <summary>Reads page metadata from a parsed document: meta tags (Open Graph, Twitter, Highwire citation_*,
/// Dublin Core, Parse.ly), schema.org JSON-LD and microdata, and the visible page (headline, byline, dates).
/// Scripts are never run.</summary>
internal sealed partial class PageMetadataReader
{
    /// <summary>Match timeout of every pattern of the reader; a property, because static fields of a partial class
    /// initialise file by file and the patterns in the other parts would see a zero timeout.</summary>

    private static readonly Regex DoiPattern = RegexPolicy.Create(@"\b(10\.\d{4,9}/[^\s""'<>]+)", RegexOptions.CultureInvariant);

    private readonly IDocument _doc;
    private readonly string? _url;
    private readonly Dictionary<string, List<string>> _meta = new(StringComparer.OrdinalIgnoreCase);
    private readonly JsonLd _ld;

    /// <summary>Per element, whether its own class/id/tag marks a teaser, related list, comment block, sidebar or
    /// page footer (see IsInTeaser): the document does not change while metadata is read, and the same ancestors
    /// are asked about again for every element below them.</summary>
    private readonly Dictionary<IElement, bool> _teaserOwn = [];

    /// <summary>Parsed selectors (the reader uses a fixed set of selector texts).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ISelector?> Selectors = new(StringComparer.Ordinal);

    private IElement[]? _elements;

    private IElement[]? _bodyElements;

    /// <summary>As <c>_doc.QuerySelectorAll(selector)</c>, lazily, over the document's elements collected once in
    /// document order (the document does not change while metadata is read; each query otherwise walks the
    /// whole tree again and parses its selector again).</summary>
    private IEnumerable<IElement> Query(string selector) => Query(selector, _elements ??= ElementsUnder(_doc));

    /// <summary>As <c>_doc.Body?.QuerySelectorAll(selector)</c> (the body's descendants), lazily.</summary>
    private IEnumerable<IElement> QueryBody(string selector) =>
        _doc.Body is { } body ? Query(selector, _bodyElements ??= ElementsUnder(body)) : [];

    private IEnumerable<IElement> Query(string selector, IElement[] elements)
    {
        var parsed = Selectors.GetOrAdd(selector, static text => new AngleSharp.Css.Parser.CssSelectorParser().ParseSelector(text));
        if (parsed is null)
        {
            // Not a selector this parser reads: the document's own query reports it.
            return _doc.QuerySelectorAll(selector);
        }

        var scope = _doc.DocumentElement;
        return elements.Where(e => parsed.Match(e, scope));
    }

    /// <summary>The element descendants of <paramref name="root"/> in document order.</summary>
    private static IElement[] ElementsUnder(INode root)
    {
        var list = new List<IElement>();
        var stack = new Stack<INode>();
        for (int i = root.ChildNodes.Length - 1; i >= 0; i--)
        {
            stack.Push(root.ChildNodes[i]);
        }

        while (stack.Count > 0)
        {
            if (stack.Pop() is not IElement e)
            {
                continue;
            }

            list.Add(e);
            var children = e.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement)
                {
                    stack.Push(children[i]);
                }
            }
        }

        return [.. list];
    }

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
            && (h1 is null || TextFolding.PageTextKey(h1) == TextFolding.PageTextKey(title.Value))
            && EntryTitle(site.Value) is { } entry && TextFolding.PageTextKey(entry.Value) != TextFolding.PageTextKey(title.Value))
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
        string tk = TextFolding.PageTextKey(title);
        foreach (var sep in TitleSeparators)
        {
            string[] parts = htmlTitle.Split(sep);
            if (parts.Length < 2)
            {
                continue;
            }

            if (TextFolding.PageTextKey(string.Join(sep, parts[..^1])) == tk && parts[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5)
            {
                return new Sourced<string>(WebText.Clean(parts[^1]), "html:title-suffix");
            }

            if (TextFolding.PageTextKey(string.Join(sep, parts[1..])) == tk && parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5)
            {
                return new Sourced<string>(WebText.Clean(parts[0]), "html:title-prefix");
            }
        }

        // A trail around the headline ("Headline | Section | Outlet", "Blog » Archive » Headline", "Headline - sn.dk -
        // Home - Section"): the part that names the domain, else the outer end.
        foreach (var sep in TitleSeparators)
        {
            string[] parts = htmlTitle.Split(sep);
            if (parts.Length >= 3 && HeadlineInTrail(htmlTitle) is { } head && TextFolding.PageTextKey(head) == tk)
            {
                string? label = DomainLabel();
                var labels = parts.Where(p => TextFolding.PageTextKey(p) != tk && !p.Contains(": ", StringComparison.Ordinal)).ToList();
                string? named = label is null ? null : labels.FirstOrDefault(p => NamesDomain(p, label));
                string outer = TextFolding.PageTextKey(parts[0]) == tk ? parts[^1] : TextFolding.PageTextKey(parts[^1]) == tk ? parts[0] : string.Empty;
                string? pick = named ?? (labels.Contains(outer) ? outer : null);
                if (pick is not null)
                {
                    return new Sourced<string>(WebText.Clean(pick), "html:title-trail");
                }

                break;
            }
        }

        return null;
    }

    /// <summary>A title part that names the domain: "MacTechNews.de", "sn.dk", "Bundespolizei" for their hosts.</summary>
    private static bool NamesDomain(string part, string label)
    {
        string compact = TextFolding.PageTextKey(part).Replace(" ", string.Empty, StringComparison.Ordinal);
        return compact.StartsWith(label, StringComparison.Ordinal) || (label.Length >= 4 && compact.Contains(label, StringComparison.Ordinal));
    }

    /// <summary>The registrable label of the page's host ("about.gitlab.com" -> "gitlab"), lower case; null without a URL.</summary>
    private string? DomainLabel()
    {
        string? u = Canonical()?.Value ?? _url;
        return u is not null && Uri.TryCreate(u, UriKind.Absolute, out var uri) ? RegistrableLabel(uri.Host.ToLowerInvariant()) : null;
    }

    /// <summary>The registrable label of a host: "about.gitlab.com" -> "gitlab", "news.example.co.uk" -> "example",
    /// "www.ab.de" -> "ab"; null for an IP address or a single label.</summary>
    private static string? RegistrableLabel(string host)
    {
        string key = WebText.HostKey(host);
        return key.Contains('.', StringComparison.Ordinal) && !System.Net.IPAddress.TryParse(key, out _) ? WebText.RegistrableDomain(key).Split('.')[0] : null;
    }

    private Sourced<string>? SiteFromDomain()
    {
        string? u = Canonical()?.Value ?? _url;
        if (u is null || !Uri.TryCreate(u, UriKind.Absolute, out var uri))
        {
            return null;
        }

        string host = WebText.HostKey(uri.Host);
        if (SiteNames.ForHost(host) is { } known)
        {
            return new Sourced<string>(known, "domain:table");
        }

        return new Sourced<string>(RegistrableLabel(host) ?? host, "domain");
    }

    // ---------------------------------------------------------------- canonical, language, DOI

    private Sourced<string>? Canonical()
    {
        var link = Query("link[rel]").FirstOrDefault(l => (l.GetAttribute("rel") ?? string.Empty).Split(' ').Contains("canonical", StringComparer.OrdinalIgnoreCase));
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
        return LanguageGuesser.GuessPage(sample) is { } g ? new Sourced<string>(g, "detected") : null;
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

        foreach (var link in Query("a[href*='doi.org/10.']").Take(3))
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

        foreach (var e in Query("[class],[id]").Take(5000))
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
}
