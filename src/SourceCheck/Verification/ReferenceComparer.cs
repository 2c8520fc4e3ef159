using System.Globalization;
using SourceCheck.Csl;
using SourceCheck.Documents.Web;
using SourceCheck.Text;

namespace SourceCheck.Verification;

/// <summary>Compares one reference (CSL item: title, author, issued, container-title, URL, DOI) with what its page
/// says and what fetching it showed. Case, punctuation and quote styles never count as a title change (APA
/// sentence case is fine); names are compared by family name with an edit-distance tolerance for misspellings;
/// a cited date equal to the page's modified date is reported as such.</summary>
internal static class ReferenceComparer
{
    public static IReadOnlyList<Finding> Compare(CslItem item, FetchResult fetch, WebPage? page)
    {
        var findings = new List<Finding>();
        string? citedUrl = CitedUrl(item);

        // Link state first: a dead link makes every other comparison meaningless.
        // A page never checked says nothing about its link: not in the page folder, or no DNS answer (this machine may
        // be offline; whether a host is gone is settled by the verdict, which checks that the network works).
        if (fetch.NotSaved)
        {
            findings.Add(new Finding(FindingKind.FetchFailed, "url", FindingSeverity.Warning, citedUrl, "not checked", fetch.ErrorMessage ?? "no saved page"));
            return findings;
        }

        if (fetch.Error is FetchErrorKind.Dns or FetchErrorKind.NoSuchHost)
        {
            findings.Add(new Finding(FindingKind.FetchFailed, "url", FindingSeverity.Warning, citedUrl, "DNS lookup failed (not checked)", fetch.ErrorMessage ?? "host not found"));
            return findings;
        }

        if (fetch.Status is 404 or 410)
        {
            string reason = fetch.Status == 404 ? "404 Not Found" : "410 Gone";
            findings.Add(new Finding(FindingKind.DeadLink, "url", FindingSeverity.Error, citedUrl, reason + (page is not null ? " (error page)" : string.Empty),
                $"the server answered {fetch.Status} for {fetch.FinalUrl ?? fetch.RequestedUrl}"));
            return findings;
        }

        if (fetch.Error != FetchErrorKind.None || page is null)
        {
            findings.Add(new Finding(FindingKind.FetchFailed, "url", fetch.Error == FetchErrorKind.Refused ? FindingSeverity.Error : FindingSeverity.Warning,
                citedUrl, fetch.Error.ToString(), fetch.ErrorMessage ?? (fetch.Status is { } st ? $"status {st}" : "no page")));
            return findings;
        }

        if (fetch.Status is >= 400)
        {
            findings.Add(new Finding(FindingKind.FetchFailed, "url", FindingSeverity.Warning, citedUrl, $"HTTP {fetch.Status}", $"the server answered {fetch.Status}"));
            return findings;
        }

        var m = page.Metadata;
        var redirect = RedirectOf(fetch);

        // A redirect from a deep link to a real home page is the redirect itself, not an error page: the home page's
        // canonical and teaser-heavy layout are what a home page looks like. An error page reached by a redirect is
        // still a dead link.
        if (redirect?.Kind == RedirectKind.HomePage && SoftNotFound.SaysNotFound(page, page.BodyClass) is null)
        {
            findings.Add(RedirectFinding(redirect, citedUrl));
            return findings;
        }

        if (SoftNotFound.Detect(page, fetch.RequestedUrl, page.BodyClass) is { } soft)
        {
            findings.Add(new Finding(FindingKind.DeadLink, "url", FindingSeverity.Error, citedUrl, "soft 404 (error page served with status 200)", soft));
            return findings;
        }

        // A redirect to a page that is not the cited work (no headline words, author or year in common) replaces the
        // cited page: comparing its headline, authors and date would only list the differences between two unrelated
        // articles. A redirect to another site is reported even when it leads to the same work (the article moved).
        if (redirect is not null && !SameWork(item, m))
        {
            findings.Add(RedirectFinding(redirect.Kind == RedirectKind.SameSite ? redirect with { Kind = RedirectKind.Unrelated } : redirect, citedUrl));
            return findings;
        }

        if (redirect is { Kind: RedirectKind.OtherSite })
        {
            findings.Add(RedirectFinding(redirect, citedUrl));
        }

        CheckCanonical(item, fetch, m, citedUrl, findings);
        CheckTitle(item, m, findings);
        CheckAuthors(item, m, findings);
        CheckDate(item, m, findings);
        CheckSite(item, m, fetch, findings);
        if (m.Paywall is { Value.Paywalled: true } pw)
        {
            int paragraphs = page.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length;
            findings.Add(new Finding(FindingKind.Paywall, "access", FindingSeverity.Info, null,
                $"{pw.Value.Evidence}; body has {paragraphs} paragraph{(paragraphs == 1 ? string.Empty : "s")}",
                $"the page is behind a paywall ({pw.Source}); claims beyond the free preview cannot be checked against this copy"));
        }

        return findings;
    }

    public static string? CitedUrl(CslItem item)
    {
        if (item.GetString("URL") is { Length: > 0 } url)
        {
            return url.Trim();
        }

        return item.GetString("DOI") is { Length: > 0 } doi ? "https://doi.org/" + doi.Trim() : null;
    }

    private static bool IsDoiResolver(string host) => host.EndsWith("doi.org", StringComparison.OrdinalIgnoreCase) || host.Equals("hdl.handle.net", StringComparison.OrdinalIgnoreCase);

    private enum RedirectKind
    {
        /// <summary>Within the same site to a deeper page (a new slug, https, a trailing slash): fine when it is the cited work.</summary>
        SameSite,
        HomePage,
        OtherSite,
        /// <summary>Within the same site to a page that is not the cited work.</summary>
        Unrelated,
    }

    private sealed record RedirectInfo(RedirectKind Kind, string FinalUrl, string Chain);

    /// <summary>What the redirect chain of the fetch did, or null when there was none (or it came from a DOI or
    /// handle resolver, whose whole purpose is to redirect).</summary>
    private static RedirectInfo? RedirectOf(FetchResult fetch)
    {
        if (fetch.Chain.Count < 2 || fetch.FinalUrl is null || !Uri.TryCreate(fetch.RequestedUrl, UriKind.Absolute, out var from)
            || !Uri.TryCreate(fetch.FinalUrl, UriKind.Absolute, out var to) || IsDoiResolver(from.Host))
        {
            return null;
        }

        string chain = string.Join(" -> ", fetch.Chain.Select(h => $"{h.Status} {h.Url}"));
        bool toHome = to.AbsolutePath.Trim('/').Length == 0 && from.AbsolutePath.Trim('/').Length > 0;
        var kind = toHome ? RedirectKind.HomePage : WebText.RegistrableDomain(from.Host) != WebText.RegistrableDomain(to.Host) ? RedirectKind.OtherSite : RedirectKind.SameSite;
        return new RedirectInfo(kind, fetch.FinalUrl, chain);
    }

    private static Finding RedirectFinding(RedirectInfo r, string? citedUrl)
    {
        string what = r.Kind switch
        {
            RedirectKind.HomePage => "redirects to the site's home page: ",
            RedirectKind.OtherSite => "redirects to another site: ",
            RedirectKind.SameSite => "redirects: ",
            _ => "redirects to a page that is not the cited work (headline, authors and date all differ): ",
        };
        return new Finding(FindingKind.Redirect, "url", FindingSeverity.Warning, citedUrl, r.FinalUrl, what + r.Chain);
    }

    /// <summary>Whether the page is plausibly the cited work: half the headline words of the shorter headline, or an
    /// author's family name (one letter's tolerance), agree. The year counts only when neither headline nor authors
    /// can be compared (an unrelated article of the same year is common); with nothing to compare it is assumed to
    /// be the work. Only used after a redirect.</summary>
    private static bool SameWork(CslItem item, PageMetadata m)
    {
        bool compared = false;
        if (!string.IsNullOrWhiteSpace(item.Title) && m.Title is { } title)
        {
            var cited = ContentWords(item.Title);
            var page = ContentWords(title.Value);
            if (cited.Count > 0 && page.Count > 0)
            {
                compared = true;
                if (cited.Count(page.Contains) * 2 >= Math.Min(cited.Count, page.Count))
                {
                    return true;
                }
            }
        }

        var pageAuthors = m.Authors.Where(a => a.Source != PageMetadataReader.SiteAsAuthor).Select(a => NameKey(PageNameParts(a.Value).Family)).ToHashSet(StringComparer.Ordinal);
        var citedAuthors = item.Authors.Where(a => !a.IsLiteral && !string.IsNullOrEmpty(a.Family)).Select(a => NameKey(a.Family!)).ToList();
        if (pageAuthors.Count > 0 && citedAuthors.Count > 0)
        {
            compared = true;
            if (citedAuthors.Any(c => pageAuthors.Any(p => p == c || WebText.EditDistance(p, c) <= 1)))
            {
                return true;
            }
        }

        if (compared)
        {
            return false;
        }

        return item.Issued?.Start is not { } issued || m.Published is not { } published || issued.Year == published.Value.Year;
    }

    /// <summary>Headline words of four letters or more (drops articles, prepositions and conjunctions in any language without a list).</summary>
    private static HashSet<string> ContentWords(string text) =>
        TextFolding.WithoutDiacritics(TextFolding.PageTextKey(text)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4).ToHashSet(StringComparer.Ordinal);

    internal static string UrlKey(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u))
        {
            return url.Trim().ToLowerInvariant();
        }

        string path = u.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/index.html", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/index.htm", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..path.LastIndexOf('/')];
        }

        return MobileHost(WebText.HostKey(u.Host)) + Uri.UnescapeDataString(path).ToLowerInvariant();
    }

    /// <summary>The desktop host of a mobile edition ("m.example.com", "mobile.example.com" -> "example.com"): the same article at the same path.</summary>
    private static string MobileHost(string host) =>
        host.StartsWith("m.", StringComparison.Ordinal) ? host[2..] : host.StartsWith("mobile.", StringComparison.Ordinal) ? host[7..] : host;

    private static void CheckCanonical(CslItem item, FetchResult fetch, PageMetadata m, string? citedUrl, List<Finding> findings)
    {
        if (m.CanonicalUrl is not { } canon || citedUrl is null || item.GetString("URL") is null || canon.Source != "link:canonical")
        {
            return;
        }

        if (!Uri.TryCreate(citedUrl, UriKind.Absolute, out var cited) || IsDoiResolver(cited.Host) || !Uri.TryCreate(canon.Value, UriKind.Absolute, out var c))
        {
            return;
        }

        // The same address (scheme, www./m. host, trailing slash and query aside), or the server itself redirected
        // the cited URL to the canonical address: then the link leads to the canonical article and only the
        // redirect check applies.
        string ck = UrlKey(canon.Value);
        if (ck == UrlKey(citedUrl) || (fetch.FinalUrl is not null && ck == UrlKey(fetch.FinalUrl) && (UrlKey(fetch.FinalUrl) == UrlKey(citedUrl) || fetch.Chain.Count > 1)))
        {
            return;
        }

        if (c.AbsolutePath.Trim('/').Length == 0)
        {
            return; // home-page canonicals are handled as soft 404s
        }

        if (SameArticleId(cited, c))
        {
            return;
        }

        findings.Add(new Finding(FindingKind.CanonicalMismatch, "url", FindingSeverity.Info, citedUrl, canon.Value,
            $"the page names {canon.Value} as its canonical address ({canon.Source})"));
    }

    /// <summary>CMSs that find an article by the numeric id in its path serve it under any slug ("/old-slug-48213"
    /// and "/new-slug-48213" on the same site are one article). An AMP rendition is still another address.</summary>
    private static bool SameArticleId(Uri cited, Uri canonical)
    {
        if (WebText.RegistrableDomain(cited.Host) != WebText.RegistrableDomain(canonical.Host) || IsAmp(cited) || IsAmp(canonical))
        {
            return false;
        }

        string? a = ArticleId(cited.AbsolutePath);
        return a is not null && a == ArticleId(canonical.AbsolutePath);
    }

    private static bool IsAmp(Uri u) =>
        u.Host.StartsWith("amp.", StringComparison.OrdinalIgnoreCase)
        || u.AbsolutePath.Split(['/', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Any(t => t.Equals("amp", StringComparison.OrdinalIgnoreCase));

    /// <summary>The last run of five or more digits in a path (shorter runs are years, months, days or page numbers).</summary>
    private static string? ArticleId(string path)
    {
        string? last = null;
        int i = 0;
        while (i < path.Length)
        {
            if (!char.IsAsciiDigit(path[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < path.Length && char.IsAsciiDigit(path[i]))
            {
                i++;
            }

            if (i - start >= 5)
            {
                last = path[start..i];
            }
        }

        return last;
    }

    private static void CheckTitle(CslItem item, PageMetadata m, List<Finding> findings)
    {
        string? cited = item.Title;
        if (string.IsNullOrWhiteSpace(cited) || m.Title is null)
        {
            return;
        }

        // APA's bracketed description after a title ("[Press release]", "[Video]") is not part of the headline.
        if (cited.TrimEnd().EndsWith(']') && cited.LastIndexOf(" [", StringComparison.Ordinal) is > 0 and var bracket)
        {
            cited = cited[..bracket];
        }

        string ck = TitleKey(cited);
        var pageTitles = new[] { m.Title.Value, m.Heading, m.HtmlTitle }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => TitleKey(t!)).ToList();
        foreach (var pk in pageTitles)
        {
            if (pk == ck || (pk.Length > 0 && (pk.StartsWith(ck + " ", StringComparison.Ordinal) && ck.Length > 20 || ck.StartsWith(pk + " ", StringComparison.Ordinal) && pk.Length > 20 && Subtitled(cited))))
            {
                return;
            }
        }

        string pkey = TitleKey(m.Title.Value);
        int distance = WebText.EditDistance(ck, pkey);
        bool small = distance <= Math.Max(2, Math.Min(ck.Length, pkey.Length) / 15);
        findings.Add(new Finding(FindingKind.TitleChanged, "title", small ? FindingSeverity.Info : FindingSeverity.Warning, cited, m.Title.Value,
            small ? $"small edit ({distance} characters differ; {m.Title.Source})" : $"the page headline differs ({m.Title.Source})"));
    }

    /// <summary>Title comparison key: <see cref="TextFolding.PageTextKey"/> without the conjunction "and"/"und", so that
    /// "Rivers &amp; Reservoirs" and "Rivers and reservoirs" compare equal ('&amp;' is punctuation to the key).</summary>
    private static string TitleKey(string title) =>
        string.Join(' ', TextFolding.PageTextKey(title).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("and" or "und")));

    private static bool Subtitled(string cited) => cited.Contains(": ", StringComparison.Ordinal) || cited.Contains(" - ", StringComparison.Ordinal) || cited.Contains(". ", StringComparison.Ordinal);

    private static (string Family, string Given) PageNameParts(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1)
        {
            return (words[0], string.Empty);
        }

        // Particles belong to the family name ("Ursula von der Leyen").
        int i = words.Length - 1;
        while (i > 1 && words[i - 1] is "von" or "van" or "der" or "de" or "den" or "da" or "di" or "zu" or "le" or "la" or "del")
        {
            i--;
        }

        return (string.Join(' ', words[i..]), string.Join(' ', words[..i]));
    }

    private static string NameKey(string s) => TextFolding.WithoutDiacritics(TextFolding.PageTextKey(s)).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static void CheckAuthors(CslItem item, PageMetadata m, List<Finding> findings)
    {
        var cited = item.Authors.Where(a => !a.IsLiteral && !string.IsNullOrEmpty(a.Family)).ToList();
        var page = m.Authors.Where(a => a.Source != PageMetadataReader.SiteAsAuthor && !AuthorNames.IsOrganisation(a.Value, m.Site?.Value) && !StartsWithArticle(a.Value)).ToList();
        if (page.Count == 0)
        {
            return;
        }

        // APA's no-author form (title moved before the date) while the page has a byline: every page author is missing.
        if (item.Authors.Count == 0)
        {
            foreach (var p in page)
            {
                findings.Add(new Finding(FindingKind.AuthorMissing, "authors", FindingSeverity.Warning, null, p.Value,
                    $"the reference names no author; the page names \"{p.Value}\" ({p.Source})"));
            }

            return;
        }

        if (cited.Count == 0)
        {
            return;
        }

        var matchedPage = new HashSet<int>();
        foreach (var c in cited)
        {
            string cf = NameKey(string.Join(' ', new[] { c.NonDroppingParticle, c.Family }.Where(s => !string.IsNullOrEmpty(s))));
            string cg = NameKey(c.Given ?? string.Empty);
            int exact = -1;
            int close = -1;
            int closeDistance = int.MaxValue;
            for (int i = 0; i < page.Count; i++)
            {
                if (matchedPage.Contains(i))
                {
                    continue;
                }

                var (pf, pg) = PageNameParts(page[i].Value);
                string pfk = NameKey(pf);
                string pgk = NameKey(pg);
                bool givenOk = cg.Length == 0 || pgk.Length == 0 || pgk[0] == cg[0];
                bool familyEqual = pfk == cf || NameKey(page[i].Value).EndsWith(cf, StringComparison.Ordinal);
                if (familyEqual && givenOk)
                {
                    exact = i;
                    break;
                }

                int d = WebText.EditDistance(pfk, cf);
                if (givenOk && d <= Math.Max(1, Math.Max(pfk.Length, cf.Length) / 4) && d < closeDistance)
                {
                    close = i;
                    closeDistance = d;
                }
                else if (familyEqual && !givenOk && closeDistance > 0)
                {
                    close = i;
                    closeDistance = 0;
                }
            }

            string citedShown = c.Display();
            if (exact >= 0)
            {
                matchedPage.Add(exact);
            }
            else if (close >= 0)
            {
                matchedPage.Add(close);
                findings.Add(new Finding(FindingKind.AuthorMisspelled, "authors", FindingSeverity.Warning, CitedInitials(c), page[close].Value,
                    $"cited \"{citedShown}\" is closest to \"{page[close].Value}\" ({page[close].Source})"));
            }
            else
            {
                findings.Add(new Finding(FindingKind.AuthorAdded, "authors", FindingSeverity.Warning, CitedInitials(c), string.Join("; ", page.Select(p => p.Value)),
                    $"cited author \"{citedShown}\" is not among the page's authors ({page[0].Source})"));
            }
        }

        for (int i = 0; i < page.Count; i++)
        {
            if (!matchedPage.Contains(i))
            {
                findings.Add(new Finding(FindingKind.AuthorMissing, "authors", FindingSeverity.Info, string.Join("; ", cited.Select(CitedInitials)), page[i].Value,
                    $"the page names \"{page[i].Value}\" as an author ({page[i].Source}); the reference does not"));
            }
        }
    }

    /// <summary>A name opening with a definite article ("The Ridgeford Tribune", "Der Tagesspiegel") is an outlet
    /// or organisation, never a person; bylines such as "By Jane Doe, The Daily Example" put one after the author.</summary>
    private static bool StartsWithArticle(string name) =>
        name.StartsWith("The ", StringComparison.Ordinal) || name.StartsWith("Der ", StringComparison.Ordinal) || name.StartsWith("Die ", StringComparison.Ordinal);

    private static string CitedInitials(CslName n)
    {
        string given = string.Join(' ', (n.Given ?? string.Empty).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(g => g.EndsWith('.') ? g : g[0] + "."));
        return given.Length > 0 ? $"{n.Family}, {given}" : n.Family ?? n.Display();
    }

    private static void CheckDate(CslItem item, PageMetadata m, List<Finding> findings)
    {
        if (item.Issued?.Start is not { } cited || m.Published is not { } published)
        {
            return;
        }

        var p = published.Value;
        string citedText = cited.ToString();
        bool Matches(DateOnly d) => cited.Year == d.Year && (cited.Month is not { } mo || mo > 12 || mo == d.Month) && (cited.Day is not { } dd || dd == d.Day);
        if (Matches(p))
        {
            return;
        }

        string pageText = p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (m.Modified is { } modified && modified.Value != p && Matches(modified.Value))
        {
            findings.Add(new Finding(FindingKind.DateIsModified, "date", FindingSeverity.Warning, citedText, pageText,
                $"the cited date is the page's last-modified date ({modified.Source}); published {pageText} ({published.Source})"));
            return;
        }

        bool offByOne = cited.Day is { } day && cited.Month is { } month && month <= 12 && day <= DateTime.DaysInMonth(cited.Year, month)
            && Math.Abs(new DateOnly(cited.Year, month, day).DayNumber - p.DayNumber) == 1;
        findings.Add(new Finding(FindingKind.DateWrong, "date", offByOne ? FindingSeverity.Info : FindingSeverity.Warning, citedText, pageText,
            offByOne ? $"one day apart, possibly a time-zone difference ({published.Source})" : $"the page gives {pageText} as its publication date ({published.Source})"));
    }

    private static string SiteKeyText(string s)
    {
        string k = TextFolding.WithoutDiacritics(TextFolding.PageTextKey(s));
        if (k.StartsWith("the ", StringComparison.Ordinal))
        {
            k = k[4..];
        }

        return k.Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    private static void CheckSite(CslItem item, PageMetadata m, FetchResult fetch, List<Finding> findings)
    {
        string? cited = item.GetString("container-title") ?? (item.Type is "webpage" or "post-weblog" ? item.GetString("publisher") : null);
        if (string.IsNullOrWhiteSpace(cited) || m.Site is null)
        {
            return;
        }

        string ck = SiteKeyText(cited);
        string pk = SiteKeyText(m.Site.Value);
        if (ck.Length == 0 || ck == pk || (ck.Length > 3 && pk.Length > 3 && (pk.Contains(ck, StringComparison.Ordinal) || ck.Contains(pk, StringComparison.Ordinal))))
        {
            return;
        }

        // The outlet's domain name ("nbcnews.com" for "NBC News"), of the page or of the cited URL (an article that
        // moved to another site is the redirect finding, and the outlet of the cited address was named correctly), or
        // of the page's canonical address: a syndicated copy names its original by rel=canonical, and citing the
        // original outlet ("The Daily Example" for a copy whose canonical is on dailyexample.com) names the right
        // outlet (the copy is the canonical finding).
        foreach (string? address in new[] { fetch.FinalUrl ?? fetch.RequestedUrl, fetch.RequestedUrl, m.CanonicalUrl?.Value })
        {
            if (address is not null && Uri.TryCreate(address, UriKind.Absolute, out var u) && !IsDoiResolver(u.Host) && SiteKeyText(WebText.RegistrableDomain(u.Host).Split('.')[0]) is { Length: > 2 } label
                && (ck.Contains(label, StringComparison.Ordinal) || label.Contains(ck, StringComparison.Ordinal)))
            {
                return;
            }
        }

        // A publisher's site may carry its journal or report series name as container title.
        if (item.GetString("publisher") is { } pub && SiteKeyText(pub) == pk)
        {
            return;
        }

        findings.Add(new Finding(FindingKind.SiteMismatch, "site", FindingSeverity.Warning, cited, m.Site.Value, $"the page's outlet is \"{m.Site.Value}\" ({m.Site.Source})"));
    }
}
