using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SourceCheck.Text;

namespace SourceCheck.Documents.Web;

/// <summary>The page title: candidates from metadata and headings, site-name parts removed, chosen by agreement.</summary>
internal sealed partial class PageMetadataReader
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " › ", " / ", " ~ ", " • ", " _ ", ": "];
    // ---------------------------------------------------------------- title

    private string? Heading(string? site)
    {
        IElement? best = null;
        foreach (var sel in new[] { "article h1", "main h1", "[itemprop=headline]", "h1" })
        {
            foreach (var h in Query(sel))
            {
                string text = WebText.Clean(h.TextContent);
                if (text.Length < 3 || text.Length > 400 || (site is not null && TextFolding.PageTextKey(text) == TextFolding.PageTextKey(site)))
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
        if (links.Length != 1 || TextFolding.PageTextKey(WebText.Clean(links[0].TextContent)) != TextFolding.PageTextKey(text))
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
        foreach (var e in Query(".entry-title, .post-title, .posttitle, .storytitle, .article-title, [itemprop~=headline]").Take(10))
        {
            // A wrapper classed as the title ("<div class=post-title><h2>Title</h2><span>Category</span></div>"):
            // its heading is the title.
            var heading = e.LocalName is "h1" or "h2" or "h3" or "h4" ? e : e.QuerySelector("h1, h2, h3, h4") ?? e;
            string text = WebText.TextOf(heading);
            if (text.Length is >= 3 and <= 300 && TextFolding.PageTextKey(text) != TextFolding.PageTextKey(site) && !IsInTeaser(e))
            {
                return new Sourced<string>(text, "html:entry-title");
            }
        }

        return null;
    }

    private Sourced<string>? Title(string? htmlTitle, string? h1, string? site, List<Sourced<string>> candidates)
    {
        var title = ChooseTitle(htmlTitle, h1, site, candidates);

        // schema.org alternativeHeadline ("Kicker - Other headline"): another title the page gives itself, kept for the
        // comparison with a cited title but given no say in the choice.
        if (_ld.Article is { } a && candidates.Any(c => c.Source.StartsWith("json-ld:", StringComparison.Ordinal))
            && JsonLd.Str(a, "alternativeHeadline") is { } alt && WebText.Clean(System.Net.WebUtility.HtmlDecode(alt)) is { Length: > 0 and < 600 } altText)
        {
            candidates.Add(new Sourced<string>(altText, "json-ld:alternativeHeadline"));
        }

        return title;
    }

    private Sourced<string>? ChooseTitle(string? htmlTitle, string? h1, string? site, List<Sourced<string>> candidates)
    {
        void Add(string? v, string source)
        {
            // JSON-LD strings are often written HTML-escaped ("Here&#8217;s", "&quot;...&quot;").
            if (v is not null && source.StartsWith("json-ld:", StringComparison.Ordinal) && v.Contains('&', StringComparison.Ordinal))
            {
                v = System.Net.WebUtility.HtmlDecode(v);
            }

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
            if (titleCand is not null && (h1Cand is null || TextFolding.PageTextKey(titleCand.Value) == TextFolding.PageTextKey(h1Cand.Value) || titleCand.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2))
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
            string key = TextFolding.PageTextKey(candidates[i].Value);
            if (key.Length == 0 || candidates[i].Source == "html:title-full")
            {
                continue;
            }

            double score = 0;
            foreach (var other in candidates)
            {
                if (other.Source != "html:title-full" && TextFolding.PageTextKey(other.Value) == key)
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
        string bestKey = TextFolding.PageTextKey(best.Value);
        string? full = candidates.FirstOrDefault(c => c.Source == "html:title-full")?.Value;
        foreach (var m in candidates)
        {
            if (m.Source is not ("json-ld:headline" or "meta:og:title" or "meta:twitter:title"))
            {
                continue;
            }

            string key = TextFolding.PageTextKey(m.Value);
            if (key.Length == 0 || key == bestKey || key.Split(' ').Length < 3)
            {
                continue;
            }

            if (bestKey.EndsWith(key, StringComparison.Ordinal))
            {
                string t = best.Value;
                for (int pos = t.Length - 1; pos > 0; pos--)
                {
                    if (TextFolding.PageTextKey(t[pos..]) == key)
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
                        string a = TextFolding.PageTextKey(parts[0]), b = TextFolding.PageTextKey(parts[1]);
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
    /// unknown but another source gives the headline without it; then a section or breadcrumb trail left around the
    /// headline (see <see cref="HeadlineInTrail"/>).</summary>
    internal static string StripSite(string title, string? site, IEnumerable<string> others)
    {
        var otherList = others as IReadOnlyCollection<string> ?? [.. others];
        string stripped = StripSitePart(title, site, otherList);
        if (otherList.Any(o => TextFolding.PageTextKey(o) == TextFolding.PageTextKey(stripped)))
        {
            return stripped;
        }

        return HeadlineInTrail(stripped) ?? stripped;
    }

    /// <summary>A title that is a trail of three or more parts joined by one separator, of which exactly one is a
    /// headline (four words or more) and every other part is a short label (at most three words): the headline.
    /// CMS title templates put sections and the outlet around the headline ("Headline | Section | Forum | Outlet"),
    /// breadcrumb titles put the site and archive names before it ("Blog » Archive » Headline", "site: Section / Page
    /// / Headline"). Null when the title is no such trail.</summary>
    internal static string? HeadlineInTrail(string title)
    {
        foreach (var sep in TitleSeparators)
        {
            if (sep == ": ")
            {
                continue;
            }

            string[] parts = title.Split(sep);
            if (parts.Length < 3)
            {
                continue;
            }

            string? headline = null;
            foreach (var part in parts)
            {
                int words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words >= 4)
                {
                    if (headline is not null)
                    {
                        return null;
                    }

                    headline = part;
                }
                else if (words == 0)
                {
                    return null;
                }
            }

            return headline is null ? null : WebText.Clean(headline);
        }

        return null;
    }

    private static string StripSitePart(string title, string? site, IEnumerable<string> others)
    {
        string siteKey = TextFolding.PageTextKey(site);
        var otherKeys = others.Select(TextFolding.PageTextKey).Where(k => k.Length > 0).ToHashSet();
        if (otherKeys.Contains(TextFolding.PageTextKey(title)))
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
                if (otherKeys.Contains(TextFolding.PageTextKey(head)))
                {
                    return head;
                }

                if (otherKeys.Contains(TextFolding.PageTextKey(tail)))
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

                if (IsSiteLike(first, siteKey) && sep != ": " || (sep == ": " && TextFolding.PageTextKey(first) == siteKey))
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
        string k = TextFolding.PageTextKey(part);
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
}
