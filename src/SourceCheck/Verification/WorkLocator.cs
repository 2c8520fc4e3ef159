using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SourceCheck.Csl;
using SourceCheck.Documents.Web;
using SourceCheck.Text;

namespace SourceCheck.Verification;

/// <summary>Verdict names of <see cref="ReferenceVerdict.Verdict"/>.</summary>
public static class Verdicts
{
    /// <summary>The work was found and agrees with the reference.</summary>
    public const string Verified = "verified";

    /// <summary>The work was found but some cited fields differ (<see cref="ReferenceVerdict.Fields"/>).</summary>
    public const string Mismatch = "mismatch";

    /// <summary>Every search ran and none found the work: a lead for a person to follow, not proof of fabrication.</summary>
    public const string NotFound = "not_found";

    /// <summary>Not settled: offline, refused, rate-limited, page not given, outlet unknown, time limit.</summary>
    public const string Unchecked = "unchecked";
}

/// <summary>State of the reference's own address (<see cref="ReferenceVerdict.Link"/>).</summary>
public static class LinkStates
{
    /// <summary>The reference gives no address.</summary>
    public const string None = "none";

    /// <summary>The address answered with the page.</summary>
    public const string Live = "live";

    /// <summary>404/410 on two tries.</summary>
    public const string Dead = "dead";

    /// <summary>No answer (DNS, connection, time-out): says nothing about the page.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The host does not exist (DNS: no such domain, on two tries) while the network demonstrably works (a
    /// service answered or another name resolved): the site closed or moved. A lead, not proof the work never existed.</summary>
    public const string HostGone = "host_gone";

    /// <summary>Not fetched (offline, page not in the page folder, refused).</summary>
    public const string NotChecked = "not_checked";
}

/// <summary>One search or fetch made for a reference, worded for a person to repeat it.</summary>
public sealed record SearchStep(string Service, string What, string Url, string Outcome);

/// <summary>The verdict for one reference, with what was searched, where the work was found (live or archived),
/// update notices, the page comparison (when a page was read) and the supporting passages of the claims citing it.</summary>
public sealed record ReferenceVerdict(
    CslItem Item,
    string Verdict,
    IReadOnlyList<string> Fields,
    string Reason,
    IReadOnlyList<SearchStep> Searches,
    string? WorkUrl,
    string? ArchivedUrl,
    string? Doi,
    string Link,
    IReadOnlyList<UpdateNotice> Notices,
    VerificationResult? Page,
    TimeSpan Elapsed)
{
    /// <summary>The cited passages checked against the work's text (empty when none was checked).</summary>
    public IReadOnlyList<PassageCheck> Passages { get; init; } = [];

    /// <summary>The work's abstract from its bibliographic record (scholarly works), for claims to be compared with.</summary>
    public string? Abstract { get; init; }
}

/// <summary>Options of the <see cref="WorkLocator"/>.</summary>
internal sealed record LocatorOptions
{
    /// <summary>Longest time spent on one reference; past it the reference is unchecked.</summary>
    public TimeSpan ReferenceTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Candidates taken from Crossref and OpenAlex searches.</summary>
    public int Rows { get; init; } = 5;

    /// <summary>Days before and after the cited day searched in the archive's index (a month or year cited: that whole span, widened by these).</summary>
    public int DaysBefore { get; init; } = 3;

    public int DaysAfter { get; init; } = 45;

    /// <summary>Archived addresses whose slug matches the title that are opened at most.</summary>
    public int MaxArchivedCandidates { get; init; } = 3;

    /// <summary>Archived addresses made of an id only (no headline words) captured around the cited day that are
    /// opened when no slug matches; with more of them the reference stays unchecked.</summary>
    public int MaxIdOnlyCandidates { get; init; } = 8;

    /// <summary>Passage search for claims (null: none).</summary>
    public PassageFinder? Passages { get; init; }
}

/// <summary>Finds the work a reference cites and settles a verdict. In order, stopping when found: its own URL (a
/// saved page from the page folder or a guarded fetch; 404/410 twice = dead, then the archive's copy nearest the
/// cited date), its DOI (content negotiation for CSL-JSON, plus Crossref's record for retraction and correction
/// notices), for scholarly works Crossref's bibliographic search and OpenAlex, for news and web references the
/// archive's index (CDX) of the outlet's domain near the cited date, matching address slugs against the title.
/// Pages and archived copies are compared by <see cref="ReferenceComparer"/>; scholarly records by
/// <see cref="WorkMatching.Differences"/>.</summary>
internal sealed class WorkLocator
{
    private const string CslAccept = "application/vnd.citationstyles.csl+json";
    private const string JsonAccept = "application/json";

    private static readonly HashSet<string> ScholarlyTypes = new(StringComparer.Ordinal)
    {
        "article-journal", "paper-conference", "book", "chapter", "thesis", "report", "dataset", "manuscript", "entry-encyclopedia", "patent",
    };

    private static readonly HashSet<string> NewsTypes = new(StringComparer.Ordinal)
    {
        "article-newspaper", "article-magazine", "webpage", "post", "post-weblog", "broadcast", "interview",
    };

    private static readonly string[] JournalWords =
    [
        "journal", "proceedings", "review", "quarterly", "annals", "letters", "transactions", "zeitschrift", "jahrbuch", "bulletin",
        "science", "nature", "lancet", "plos", "conference", "symposium", "acta", "archives", "studies", "research", "university press",
    ];

    private readonly PoliteClient _client;
    private readonly ServiceEndpoints _endpoints;
    private readonly OutletDirectory _outlets;
    private readonly IPageSource? _pageDir;
    private readonly LocatorOptions _options;
    private readonly TimeProvider _time;

    public WorkLocator(PoliteClient client, ServiceEndpoints? endpoints = null, OutletDirectory? outlets = null, IPageSource? pageDir = null,
        LocatorOptions? options = null, TimeProvider? time = null)
    {
        _client = client;
        _endpoints = endpoints ?? ServiceEndpoints.Default;
        _outlets = outlets ?? new OutletDirectory();
        _pageDir = pageDir;
        _options = options ?? new LocatorOptions();
        _time = time ?? TimeProvider.System;
    }

    public PoliteClient Client => _client;

    /// <summary>Whether a reference looks scholarly (type, DOI, volume/issue/pages, journal-like container) rather
    /// than a news or web piece.</summary>
    public bool IsScholarly(CslItem item)
    {
        if (item.GetString("DOI") is { Length: > 0 } || ScholarlyTypes.Contains(item.Type))
        {
            return !_outlets.Knows(item.GetString("container-title")) || item.GetString("DOI") is { Length: > 0 };
        }

        if (item.GetString("volume") is { Length: > 0 } || item.GetString("issue") is { Length: > 0 })
        {
            return true;
        }

        // a container named like a journal ("Iceland Review", "Laborjournal") is one only when the item's type does not
        // say news or web
        string c = (item.GetString("container-title") ?? item.GetString("publisher") ?? string.Empty).ToLowerInvariant();
        return c.Length > 0 && !NewsTypes.Contains(item.Type) && !_outlets.Knows(c) && JournalWords.Any(w => c.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>Settles all references one after the other (per-host rate limits make parallel requests pointless).</summary>
    public async Task<IReadOnlyList<ReferenceVerdict>> LocateAllAsync(IEnumerable<CslItem> items, Func<CslItem, IReadOnlyList<CitingClaim>>? claims = null,
        CancellationToken cancellationToken = default)
    {
        var list = new List<ReferenceVerdict>();
        foreach (var item in items)
        {
            list.Add(await LocateAsync(item, claims?.Invoke(item), cancellationToken).ConfigureAwait(false));
        }

        return list;
    }

    /// <summary>Settles one reference within <see cref="LocatorOptions.ReferenceTimeout"/>.</summary>
    public async Task<ReferenceVerdict> LocateAsync(CslItem item, IReadOnlyList<CitingClaim>? claims = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var run = new Run(item);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.ReferenceTimeout);
        ReferenceVerdict verdict;
        try
        {
            verdict = await LocateCoreAsync(run, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            verdict = run.Result(Verdicts.Unchecked, [], $"not settled within the time limit of {_options.ReferenceTimeout.TotalSeconds:0} s");
        }

        Learn(verdict);
        if (claims is { Count: > 0 } && _options.Passages is { } finder && verdict.Verdict is Verdicts.Verified or Verdicts.Mismatch)
        {
            try
            {
                verdict = verdict with { Passages = await PassagesAsync(finder, claims, verdict, limit.Token).ConfigureAwait(false) };
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // the time limit ran out while reading the landing page: the passages found so far are not kept
            }
        }

        return verdict with { Elapsed = watch.Elapsed };
    }

    /// <summary>The claims against the cited page; for a scholarly record, against its abstract and then, for the
    /// claims the abstract does not support, against the landing page the DOI resolves to. Each claim keeps its best
    /// result (supported before figures_differ before not_in_page, then the higher score).</summary>
    private async Task<IReadOnlyList<PassageCheck>> PassagesAsync(PassageFinder finder, IReadOnlyList<CitingClaim> claims, ReferenceVerdict verdict,
        CancellationToken ct)
    {
        if (verdict.Page?.Page is { } page)
        {
            return finder.Check(claims, page).Select(p => p with { Source = verdict.ArchivedUrl is null ? "page" : "archived page" }).ToList();
        }

        var best = new Dictionary<string, PassageCheck>(StringComparer.Ordinal);
        if (verdict.Abstract is { } text)
        {
            foreach (var p in finder.Check(claims, text, null))
            {
                best[p.ClaimId] = p with { Source = "abstract" };
            }
        }

        var open = claims.Where(c => !best.TryGetValue(c.Id, out var p) || p.Status != PassageFinder.Supported).ToList();
        if (open.Count > 0 && verdict.Doi is { } doi)
        {
            string landing = _endpoints.Doi + "/" + EscapeDoi(doi);
            var r = await _client.GetAsync(landing, null, false, ct).ConfigureAwait(false);
            if (r.Ok && r.Fetch?.Body is { Length: > 0 } body)
            {
                var read = PageReader.Read(body, r.Fetch.FinalUrl ?? landing, r.Fetch.Charset);
                foreach (var p in finder.Check(open, read))
                {
                    if (!best.TryGetValue(p.ClaimId, out var had) || Rank(p).CompareTo(Rank(had)) > 0)
                    {
                        best[p.ClaimId] = p with { Source = "landing page " + (r.Fetch.FinalUrl ?? landing) };
                    }
                }
            }
        }

        return claims.Where(c => best.ContainsKey(c.Id)).Select(c => best[c.Id]).ToList();

        static (int, double) Rank(PassageCheck p) => (p.Status switch { PassageFinder.Supported => 2, PassageFinder.FiguresDiffer or PassageFinder.SaysOtherwise => 1, _ => 0 }, p.Score);
    }

    private sealed class Run(CslItem item)
    {
        public CslItem Item { get; } = item;

        public List<SearchStep> Steps { get; } = [];

        public List<string> Unsettled { get; } = [];

        public List<UpdateNotice> Notices { get; } = [];

        public string Link { get; set; } = LinkStates.None;

        public string? Doi { get; set; }

        public string? DeadReason { get; set; }

        public string? Abstract { get; set; }

        public void Step(string service, string what, string url, string outcome) => Steps.Add(new SearchStep(service, what, url, outcome));

        public ReferenceVerdict Result(string verdict, IReadOnlyList<string> fields, string reason, string? workUrl = null, string? archived = null,
            VerificationResult? page = null) =>
            new(Item, verdict, fields, reason, Steps.ToList(), workUrl, archived, Doi, Link, Notices.ToList(), page, TimeSpan.Zero) { Abstract = Abstract };
    }

    private async Task<ReferenceVerdict> LocateCoreAsync(Run run, CancellationToken ct)
    {
        var item = run.Item;
        string? url = item.GetString("URL")?.Trim();
        string? doi = NormalizeDoi(item.GetString("DOI")) ?? (url is not null ? NormalizeDoi(url) : null);
        run.Doi = doi;
        if (url is not null && doi is not null && IsDoiAddress(url))
        {
            url = null;
        }

        // 1. Its own address.
        if (url is { Length: > 0 })
        {
            var found = await FromOwnUrlAsync(run, url, ct).ConfigureAwait(false);
            if (found is not null)
            {
                return found;
            }
        }

        // 2. Its DOI.
        if (doi is not null)
        {
            var found = await FromDoiAsync(run, doi, ct).ConfigureAwait(false);
            if (found is not null)
            {
                return found;
            }
        }

        string? title = item.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            return Conclude(run, "the reference has no title to search for");
        }

        // 3. Scholarly search; 4. the outlet's domain in the archive.
        bool scholarly = IsScholarly(item);
        var domains = _outlets.DomainsOf(item.GetString("container-title")).ToList();
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var own) && own.HostNameType == UriHostNameType.Dns)
        {
            string d = WebText.RegistrableDomain(own.Host);
            if (!domains.Contains(d, StringComparer.OrdinalIgnoreCase) && !IsArchiveHost(own))
            {
                domains.Insert(0, d);
            }
        }

        if (scholarly || (domains.Count == 0 && url is null))
        {
            var found = await FromScholarlySearchAsync(run, title, ct).ConfigureAwait(false);
            if (found is not null)
            {
                return found;
            }
        }

        if (domains.Count > 0)
        {
            var found = await FromArchiveIndexAsync(run, title, domains, ct).ConfigureAwait(false);
            if (found is not null)
            {
                return found;
            }

            // An outlet name shared by outlets of several countries, its table address in another country than the one
            // the reference points at: the outlets of that country are asked too; none confirmed → unchecked, never
            // not_found (the table's namesake is not the cited outlet).
            string outlet = item.GetString("container-title") ?? string.Empty;
            if (url is null && !scholarly && OutletDirectory.ElsewhereThan(outlet, title, domains) is { } elsewhere)
            {
                var (byCountry, confirmed) = await FromGuessedDomainsAsync(run, title, outlet, ct, countryOnly: true).ConfigureAwait(false);
                if (byCountry is not null)
                {
                    return byCountry;
                }

                if (confirmed is null)
                {
                    run.Unsettled.Add($"the outlet name \"{outlet}\" is shared by outlets of several countries: the known address ({string.Join(", ", domains.Take(2))}) "
                        + $"is not in the country the reference points at ({elsewhere.Name}), and no address there was confirmed");
                }
            }
        }
        else if (!scholarly)
        {
            // no link, or a link whose host names no domain (an IP address): the outlet's address from its name
            string outlet = item.GetString("container-title") ?? "(none named)";
            // a magazine or briefing under its paper's host: the paper's domain with its subdomains, a page found there
            // counts only when it names the cited outlet as its site (never not_found from the paper's index alone)
            foreach (string parent in _outlets.ParentDomainsOf(outlet).Take(1))
            {
                var underParent = await FromArchiveIndexAsync(run, title, [parent], ct).ConfigureAwait(false);
                if (underParent is not null && (underParent.Verdict == Verdicts.Verified || (underParent.Verdict == Verdicts.Mismatch && !underParent.Fields.Contains("outlet"))))
                {
                    return underParent with { Reason = underParent.Reason + $" (found under {parent}, the address of the paper whose name opens the outlet's)" };
                }
            }

            var (found, confirmed) = await FromGuessedDomainsAsync(run, title, outlet, ct).ConfigureAwait(false);
            if (found is not null)
            {
                return found;
            }

            if (confirmed is null)
            {
                run.Unsettled.Add($"the web address of the outlet \"{outlet}\" is not known (add it to {OutletDirectory.UserFile()} as 'name<TAB>domain')");
                run.Step("outlets", "the outlet's web address", OutletDirectory.UserFile(), "unknown outlet");
            }
        }

        return Conclude(run, null);
    }

    /// <summary>What a checked page teaches the outlet table for the references after it: a page (live or archived)
    /// whose outlet agrees with the reference gives the cited outlet's name and the page's own site name for the host it
    /// was published under ("The Times" → thetimes.com from a cited link, so a later reference to The Times without a
    /// link is searched there).</summary>
    private void Learn(ReferenceVerdict verdict)
    {
        if (verdict.Verdict is not (Verdicts.Verified or Verdicts.Mismatch) || verdict.Fields.Contains("outlet") || verdict.Fields.Contains("url")
            || verdict.WorkUrl is not { } address || !Uri.TryCreate(address, UriKind.Absolute, out var u) || u.HostNameType != UriHostNameType.Dns
            || IsArchiveHost(u) || IsScholarly(verdict.Item))
        {
            return;
        }

        string domain = WebText.RegistrableDomain(u.Host);
        if (verdict.Item.GetString("container-title") is { Length: > 0 } outlet)
        {
            _outlets.Add(outlet, domain);
        }

        if (verdict.Page?.Page?.Metadata.Site?.Value is { Length: > 0 } site && site.Length <= 80)
        {
            _outlets.Add(site, domain);
        }
    }

    /// <summary>An outlet in no table: its web address guessed from its name ("n-tv" → n-tv.de, "The Hill" →
    /// thehill.com, <see cref="OutletDirectory.GuessDomains"/>), each guess asked in the archive's index around the cited
    /// day. A guess counts when an archived page there carries the cited headline and agrees with the cited outlet (the
    /// work is found), or when a page archived there names the cited outlet as its own site (the address is the outlet's:
    /// then a search there that finds no such headline is a real search, and the reference may end <c>not_found</c>).
    /// Otherwise the reference stays unchecked: a guessed address that holds nothing says nothing about the work.</summary>
    private async Task<(ReferenceVerdict? Found, string? Confirmed)> FromGuessedDomainsAsync(Run run, string title, string outlet, CancellationToken ct, bool countryOnly = false)
    {
        var guesses = countryOnly ? OutletDirectory.CountryDomainGuesses(outlet, title)
            : OutletDirectory.GuessDomains(outlet, LanguageGuesser.GuessShort(title + " " + outlet), title);
        // a name shared by outlets of several countries is confirmed only under the domains of a country the reference
        // points at (a namesake's site names the same outlet)
        bool shared = OutletDirectory.SharedName(outlet);
        var signalled = shared ? OutletDirectory.CountriesOf(outlet, title).Select(c => c.Country.Code).ToList() : [];
        foreach (string domain in guesses)
        {
            int unsettled = run.Unsettled.Count;
            var found = await FromArchiveIndexAsync(run, title, [domain], ct).ConfigureAwait(false);
            if (found is not null && (found.Verdict == Verdicts.Verified || (found.Verdict == Verdicts.Mismatch && !found.Fields.Contains("outlet"))))
            {
                return (found with { Reason = found.Reason + $" (the outlet is in no table; its address {domain} was guessed from its name and confirmed by this page)" }, domain);
            }

            if (run.Unsettled.Count == unsettled && (!shared || (Countries.OfDomain(domain) is { } at && signalled.Contains(at.Code)))
                && await SiteNamesOutletAsync(run, domain, outlet, ct).ConfigureAwait(false))
            {
                _outlets.Add(outlet, domain);
                run.Step("outlets", "the address guessed from the outlet's name", domain, "confirmed: a page archived there names the outlet as its site");
                return (null, domain);
            }
        }

        if (guesses.Count > 0)
        {
            run.Step("outlets", "addresses guessed from the outlet's name", string.Join(", ", guesses), "none confirmed");
        }

        return (null, null);
    }

    /// <summary>Whether a page archived under <paramref name="domain"/> around the cited day (from the index answer the
    /// search already has) names <paramref name="outlet"/> as its site (<c>og:site_name</c>, JSON-LD publisher or the
    /// site part of its title). At most two pages are opened.</summary>
    private async Task<bool> SiteNamesOutletAsync(Run run, string domain, string outlet, CancellationToken ct)
    {
        var r = await _client.GetAsync(CdxAddress(run, domain), JsonAccept, false, ct).ConfigureAwait(false);
        if (r.Json() is not JsonArray rows)
        {
            return false;
        }

        int opened = 0;
        foreach (var row in rows)
        {
            if (row is not JsonArray cells || cells.Count < 3 || opened >= 2)
            {
                continue;
            }

            string stamp = cells[1]?.ToString() ?? string.Empty;
            string original = cells[2]?.ToString() ?? string.Empty;
            if (stamp == "timestamp" || !Uri.TryCreate(original, UriKind.Absolute, out _))
            {
                continue;
            }

            opened++;
            var page = await _client.GetAsync(_endpoints.WaybackPages + "/web/" + stamp + "/" + original, null, false, ct).ConfigureAwait(false);
            if (page.Ok && page.Fetch?.Body is { Length: > 0 } body)
            {
                var meta = PageReader.Read(body, original, page.Fetch.Charset).Metadata;
                if (OutletDirectory.SameOutlet(meta.Site?.Value, outlet))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ReferenceVerdict Conclude(Run run, string? extra)
    {
        if (run.Unsettled.Count > 0 || extra is not null)
        {
            var why = run.Unsettled.ToList();
            if (extra is not null)
            {
                why.Insert(0, extra);
            }

            if (run.DeadReason is not null)
            {
                why.Insert(0, run.DeadReason);
            }

            return run.Result(Verdicts.Unchecked, [], string.Join("; ", why.Distinct()));
        }

        string searched = string.Join("; ", run.Steps.Select(s => $"{s.Service}: {s.What} ({s.Outcome})"));
        string lead = (run.DeadReason is not null ? run.DeadReason + ". " : string.Empty)
            + $"No trace of this work was found where it should be: {searched}. Worth a person's look (a changed headline, another outlet, a print-only piece); not proof that it does not exist.";
        return run.Result(Verdicts.NotFound, [], lead);
    }

    // ---- 1. own URL ----

    private async Task<ReferenceVerdict?> FromOwnUrlAsync(Run run, string url, CancellationToken ct)
    {
        FetchResult? fetch = null;
        if (_pageDir is not null)
        {
            var f = await _pageDir.GetAsync(url, ct).ConfigureAwait(false);
            bool missing = f.NotSaved;
            if (missing)
            {
                run.Step("page-dir", "the cited address in the page folder", url, "not in --page-dir");
            }
            else
            {
                fetch = f;
                run.Step("page-dir", "the cited address in the page folder", url, f.Status is { } st ? $"HTTP {st}" : f.Error.ToString());
            }
        }

        if (fetch is null)
        {
            var r = await _client.GetAsync(url, null, false, ct).ConfigureAwait(false);
            switch (r.Outcome)
            {
                case ServiceOutcome.Offline:
                    run.Step("page", "the cited address", url, "offline: would fetch it");
                    run.Link = LinkStates.NotChecked;
                    run.Unsettled.Add(_pageDir is not null ? "the cited page is not in --page-dir and fetching is off" : "offline: the cited page was not fetched");
                    break;
                case ServiceOutcome.Refused:
                    run.Step("page", "the cited address", url, "refused by the address guard");
                    run.Link = LinkStates.NotChecked;
                    run.Unsettled.Add($"the cited address was refused: {r.Problem}");
                    break;
                case ServiceOutcome.RateLimited:
                    run.Step("page", "the cited address", url, r.Problem ?? "rate-limited");
                    run.Link = LinkStates.NotChecked;
                    run.Unsettled.Add($"the cited site {r.Problem}");
                    break;
                default:
                    fetch = r.Fetch;
                    break;
            }

            if (fetch is not null)
            {
                if ((fetch.Status is 404 or 410 && fetch.Origin != "cache") || fetch.Error == FetchErrorKind.NoSuchHost)
                {
                    // A page is dead (its host gone) only after two tries.
                    var again = await _client.GetAsync(url, null, true, ct).ConfigureAwait(false);
                    if (again.Fetch is { } second && second.Status is not (404 or 410) && second.Error != FetchErrorKind.NoSuchHost)
                    {
                        fetch = second;
                    }
                }

                run.Step("page", "the cited address", url, fetch.Status is { } st ? $"HTTP {st}" : $"{fetch.Error}: {fetch.ErrorMessage}");
            }
        }

        if (fetch is not null)
        {
            if (fetch.Status is 404 or 410)
            {
                run.Link = LinkStates.Dead;
                run.DeadReason = $"The cited address answered {fetch.Status} on two tries";
            }
            else if (fetch.Error == FetchErrorKind.NoSuchHost && await NetworkWorksAsync(run, url, ct).ConfigureAwait(false) is { } evidence)
            {
                string host = Uri.TryCreate(url, UriKind.Absolute, out var h) ? h.Host : url;
                run.Link = LinkStates.HostGone;
                run.DeadReason = $"The host {host} of the cited address does not exist (DNS: no such domain, on two tries) while the network works ({evidence}): "
                    + "the site may have closed or moved — worth a person's look for the outlet's new address or an archived copy";
            }
            else if (fetch.Error is FetchErrorKind.Dns or FetchErrorKind.NoSuchHost or FetchErrorKind.Connect or FetchErrorKind.Timeout or FetchErrorKind.Network)
            {
                // DNS failure is not taken for a dead host: this machine may simply be offline.
                run.Link = LinkStates.Unreachable;
                run.Unsettled.Add($"the cited address could not be reached ({fetch.Error}: {fetch.ErrorMessage})");
            }
            else if (fetch.Error == FetchErrorKind.Refused)
            {
                run.Link = LinkStates.NotChecked;
                run.Unsettled.Add($"the cited address was refused: {fetch.ErrorMessage}");
            }
            else if (fetch.Body is { Length: > 0 } && fetch.Error == FetchErrorKind.None && fetch.Status is >= 200 and < 300)
            {
                run.Link = LinkStates.Live;
                var page = PageReader.Read(fetch.Body, fetch.FinalUrl ?? url, fetch.Charset);
                var result = Compare(run.Item, url, fetch, page);
                if (result.Findings.Any(f => f.Type == FindingKind.DeadLink))
                {
                    run.Link = LinkStates.Dead;
                    run.DeadReason = "The cited address gives an error page";
                }
                else
                {
                    return PageVerdict(run, result, url, null);
                }
            }
            else
            {
                run.Unsettled.Add($"the cited address answered {fetch.Status?.ToString(CultureInfo.InvariantCulture) ?? fetch.Error.ToString()}");
            }
        }

        // The archive's copy of the cited address, nearest the cited date.
        if (run.Link is LinkStates.Dead or LinkStates.HostGone or LinkStates.Unreachable or LinkStates.NotChecked)
        {
            return await FromAvailabilityAsync(run, url, ct).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Evidence that the network works, so that "no such host" means the host is gone and not that this
    /// machine is offline (an offline resolver may answer "no such domain" for every name): a server answered in this
    /// run, a service's host name resolves, or the archive's availability API (asked next anyway) answers. Null: not shown.</summary>
    private async Task<string?> NetworkWorksAsync(Run run, string url, CancellationToken ct)
    {
        if (_client.ServerAnswers > 0)
        {
            return "other servers answered in this run";
        }

        foreach (string service in new[] { _endpoints.Doi, _endpoints.Crossref, _endpoints.OpenAlex, _endpoints.Wayback }.Distinct(StringComparer.Ordinal))
        {
            if (Uri.TryCreate(service, UriKind.Absolute, out var u) && u.HostNameType == UriHostNameType.Dns
                && await _client.ResolvesAsync(u.Host, ct).ConfigureAwait(false))
            {
                return $"{u.Host} resolves";
            }
        }

        var r = await _client.GetAsync(AvailabilityUrl(run, url), JsonAccept, false, ct).ConfigureAwait(false);
        return r.Outcome == ServiceOutcome.Answered && r.Status is not null ? "the Internet Archive answered" : null;
    }

    private string AvailabilityUrl(Run run, string url)
    {
        string? stamp = WorkMatching.CitedDate(run.Item) is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"{d.Year:D4}{Math.Max(d.Month, 1):D2}{Math.Max(d.Day, 1):D2}")
            : null;
        return _endpoints.Wayback + "/wayback/available" + WorkMatching.Query(("url", url), ("timestamp", stamp));
    }

    private async Task<ReferenceVerdict?> FromAvailabilityAsync(Run run, string url, CancellationToken ct)
    {
        string api = AvailabilityUrl(run, url);
        var r = await _client.GetAsync(api, JsonAccept, false, ct).ConfigureAwait(false);
        if (!Settled(run, r, "wayback", "an archived copy of the cited address"))
        {
            return null;
        }

        var closest = r.Json()?["archived_snapshots"]?["closest"];
        string? archived = closest?["url"]?.GetValue<string>();
        bool available = closest?["available"] is JsonValue av && av.TryGetValue(out bool a) ? a : archived is not null;
        string? status = closest?["status"] is JsonValue sv && sv.TryGetValue(out string? s) ? s : null;
        if (archived is null || !available || (status is not null && !status.StartsWith('2')))
        {
            run.Step("wayback", "an archived copy of the cited address", api, "none");
            return null;
        }

        archived = Rebase(archived);
        run.Step("wayback", "an archived copy of the cited address", api, "found " + archived);
        var copy = await ArchivedPageAsync(run, archived, url, ct).ConfigureAwait(false);
        if (copy is null)
        {
            return null;
        }

        return PageVerdict(run, copy.Value.Result, url, archived);
    }

    // ---- 2. DOI ----

    private async Task<ReferenceVerdict?> FromDoiAsync(Run run, string doi, CancellationToken ct)
    {
        string url = _endpoints.Doi + "/" + EscapeDoi(doi);
        var r = await _client.GetAsync(url, CslAccept, false, ct).ConfigureAwait(false);
        if (r.Outcome == ServiceOutcome.Answered && r.Status is 404 or 410)
        {
            run.Step("doi", $"the DOI {doi}", url, "no such DOI");
            run.DeadReason = $"The DOI {doi} is not registered";
            return null;
        }

        if (!Settled(run, r, "doi", $"the DOI {doi}"))
        {
            return null;
        }

        var record = WorkMatching.FromCsl(r.Json());
        if (record is null)
        {
            run.Step("doi", $"the DOI {doi}", url, "no CSL-JSON in the answer");
            run.Unsettled.Add("the DOI resolver gave no CSL-JSON");
            return null;
        }

        run.Step("doi", $"the DOI {doi}", url, "found");
        run.Notices.AddRange(record.Notices);
        await CrossrefNoticesAsync(run, doi, ct).ConfigureAwait(false);
        return RecordVerdict(run, record, record.Url ?? "https://doi.org/" + doi);
    }

    private async Task CrossrefNoticesAsync(Run run, string doi, CancellationToken ct)
    {
        string url = _endpoints.Crossref + "/works/" + EscapeDoi(doi) + MailTo("?");
        var r = await _client.GetAsync(url, JsonAccept, false, ct).ConfigureAwait(false);
        if (r.Ok && WorkMatching.FromCrossref(r.Json()?["message"]) is { } rec)
        {
            run.Abstract ??= rec.Abstract;
            foreach (var n in rec.Notices)
            {
                if (!run.Notices.Any(x => x.Type == n.Type && x.Doi == n.Doi))
                {
                    run.Notices.Add(n);
                }
            }

            run.Step("crossref", $"update notices of {doi}", url, rec.Notices.Count == 0 ? "none" : string.Join(", ", rec.Notices.Select(n => n.Type)));
        }
    }

    // ---- 3. scholarly search ----

    private async Task<ReferenceVerdict?> FromScholarlySearchAsync(Run run, string title, CancellationToken ct)
    {
        var item = run.Item;
        var families = WorkMatching.CitedFamilies(item);
        string year = WorkMatching.CitedDate(item) is { } d ? d.Year.ToString(CultureInfo.InvariantCulture) : string.Empty;
        string bibliographic = string.Join(' ', new[] { title, families.Count > 0 ? families[0] : string.Empty, year }.Where(s => s.Length > 0));
        string crossref = _endpoints.Crossref + "/works" + WorkMatching.Query(("query.bibliographic", bibliographic),
            ("rows", _options.Rows.ToString(CultureInfo.InvariantCulture)), ("mailto", _endpoints.Contact));
        var candidates = new List<WorkRecord>();
        var r = await _client.GetAsync(crossref, JsonAccept, false, ct).ConfigureAwait(false);
        if (Settled(run, r, "crossref", $"works like \"{bibliographic}\""))
        {
            var items = r.Json()?["message"]?["items"] as JsonArray;
            candidates.AddRange((items ?? []).Select(WorkMatching.FromCrossref).OfType<WorkRecord>());
            var best = Best(item, candidates);
            run.Step("crossref", $"works like \"{bibliographic}\"", crossref, best is null ? $"{candidates.Count} results, none with this title" : "found " + best.Doi);
            if (best is not null)
            {
                return await ScholarlyFoundAsync(run, best, ct).ConfigureAwait(false);
            }
        }

        string openalex = _endpoints.OpenAlex + "/works" + WorkMatching.Query(("search", title),
            ("per-page", _options.Rows.ToString(CultureInfo.InvariantCulture)), ("mailto", _endpoints.Contact));
        r = await _client.GetAsync(openalex, JsonAccept, false, ct).ConfigureAwait(false);
        if (Settled(run, r, "openalex", $"works titled \"{title}\""))
        {
            var results = ((r.Json()?["results"] as JsonArray) ?? []).Select(WorkMatching.FromOpenAlex).OfType<WorkRecord>().ToList();
            var best = Best(item, results);
            run.Step("openalex", $"works titled \"{title}\"", openalex, best is null ? $"{results.Count} results, none with this title" : "found " + (best.Doi ?? best.Url));
            if (best is not null)
            {
                return await ScholarlyFoundAsync(run, best, ct).ConfigureAwait(false);
            }
        }

        return null;
    }

    private async Task<ReferenceVerdict> ScholarlyFoundAsync(Run run, WorkRecord record, CancellationToken ct)
    {
        run.Notices.AddRange(record.Notices);
        if (record.Doi is { } doi && record.Service != "crossref")
        {
            await CrossrefNoticesAsync(run, doi, ct).ConfigureAwait(false);
        }

        run.Doi ??= record.Doi;
        return RecordVerdict(run, record, record.Doi is not null ? "https://doi.org/" + record.Doi : record.Url);
    }

    /// <summary>The candidate with the cited title (agreement ≥ <see cref="WorkMatching.SameTitle"/>) that differs from
    /// the reference in the fewest fields.</summary>
    private static WorkRecord? Best(CslItem item, IReadOnlyList<WorkRecord> candidates) => candidates
        .Select(c => (Record: c, Title: WorkMatching.TitleAgreement(item.Title, c.Title)))
        .Where(c => c.Title >= WorkMatching.SameTitle)
        .OrderBy(c => WorkMatching.Differences(item, c.Record).Count)
        .ThenByDescending(c => c.Title)
        .Select(c => c.Record)
        .FirstOrDefault();

    private static ReferenceVerdict RecordVerdict(Run run, WorkRecord record, string? workUrl)
    {
        run.Abstract ??= record.Abstract;
        var fields = WorkMatching.Differences(run.Item, record);
        string notices = run.Notices.Count == 0 ? string.Empty : "; notices: " + string.Join(", ", run.Notices.Select(n => n.Type + (n.Doi is null ? string.Empty : " " + n.Doi)));
        if (fields.Count == 0)
        {
            return run.Result(Verdicts.Verified, [], $"found in {record.Service}: title, authors, year and container agree{notices}", workUrl);
        }

        string found = $"{record.Title} — {string.Join(", ", record.FamilyNames.Take(4))} ({string.Join('/', record.Years)}), {record.Container}";
        return run.Result(Verdicts.Mismatch, fields, $"found in {record.Service}, but {string.Join(", ", fields)} differ: the record says {found}{notices}", workUrl);
    }

    // ---- 4. archive index of the outlet's domain ----

    /// <summary>The archive index's span searched around the cited day (a cited month or year: that span).</summary>
    private (string? From, string? To) CitedSpan(Run run)
    {
        if (WorkMatching.CitedDate(run.Item) is not { } c)
        {
            return (null, null);
        }

        var start = new DateOnly(c.Year, Math.Max(c.Month, 1), Math.Max(c.Day, 1));
        var end = c.Month == 0 ? new DateOnly(c.Year, 12, 31) : c.Day == 0 ? start.AddMonths(1).AddDays(-1) : start;
        return (WorkMatching.Stamp(start.AddDays(-_options.DaysBefore)), WorkMatching.Stamp(end.AddDays(_options.DaysAfter)));
    }

    /// <summary>The archive index query for the addresses under a domain captured around the cited day.</summary>
    private string CdxAddress(Run run, string domain)
    {
        var (from, to) = CitedSpan(run);
        // matchType=domain: the domain's subdomains too (newsinfo.inquirer.net under inquirer.net, a magazine under its
        // paper's host)
        return _endpoints.Wayback + "/cdx/search/cdx" + WorkMatching.Query(("url", domain + "/*"), ("matchType", "domain"), ("output", "json"), ("from", from), ("to", to),
            ("filter", "statuscode:200"), ("collapse", "urlkey"), ("limit", "5000"));
    }

    private async Task<ReferenceVerdict?> FromArchiveIndexAsync(Run run, string title, IReadOnlyList<string> domains, CancellationToken ct)
    {
        var cited = WorkMatching.CitedDate(run.Item);
        var (from, to) = CitedSpan(run);
        foreach (var domain in domains.Take(2))
        {
            string cdx = CdxAddress(run, domain);
            var r = await _client.GetAsync(cdx, JsonAccept, false, ct).ConfigureAwait(false);
            string what = $"archived addresses under {domain}/ {(from is null ? string.Empty : $"from {from} to {to} ")}whose slug matches the title";
            if (!Settled(run, r, "wayback-cdx", what))
            {
                continue;
            }

            var rows = r.Json() as JsonArray ?? [];
            var matches = new List<(string Original, string Stamp, double Score)>();
            var idOnly = new List<(string Original, string Stamp, double Score)>();
            int iOriginal = 2;
            int iStamp = 1;
            int iStatus = -1;
            int iMime = -1;
            foreach (var row in rows)
            {
                if (row is not JsonArray cells || cells.Count < 3)
                {
                    continue;
                }

                var texts = cells.Select(x => x is JsonValue v && v.TryGetValue(out string? s) ? s : x?.ToString() ?? string.Empty).ToArray();
                if (texts.Contains("original") && texts.Contains("timestamp"))
                {
                    iOriginal = Array.IndexOf(texts, "original");
                    iStamp = Array.IndexOf(texts, "timestamp");
                    iStatus = Array.IndexOf(texts, "statuscode");
                    iMime = Array.IndexOf(texts, "mimetype");
                    continue;
                }

                if (iOriginal >= texts.Length || iStamp >= texts.Length)
                {
                    continue;
                }

                if ((iStatus >= 0 && iStatus < texts.Length && texts[iStatus] is { Length: > 0 } st && st != "-" && !st.StartsWith('2'))
                    || (iMime >= 0 && iMime < texts.Length && texts[iMime] is { Length: > 0 } mt && !mt.Contains("html", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                double score = WorkMatching.SlugAgreement(texts[iOriginal], title);
                if (score >= 0.5)
                {
                    matches.Add((texts[iOriginal], texts[iStamp], score));
                }
                else if ((!WorkMatching.SlugHasWords(texts[iOriginal]) && NearCitedDay(texts[iStamp], cited))
                    || (cited is { Day: > 0 } day && !WorkMatching.SlugIsHeadline(texts[iOriginal]) && WorkMatching.AddressCarriesDay(texts[iOriginal], day)))
                {
                    // an id only, or section words and abbreviations with the cited day in the address
                    // ("/news/2024/news_240502_sfb.php"): nothing in the address says which story it holds
                    idOnly.Add((texts[iOriginal], texts[iStamp], 0));
                }
            }

            var ordered = matches.GroupBy(m => m.Original.TrimEnd('/'), StringComparer.OrdinalIgnoreCase)
                .Select(g => g.OrderBy(m => m.Stamp, StringComparer.Ordinal).First())
                .OrderByDescending(m => m.Score).Take(_options.MaxArchivedCandidates).ToList();
            var ids = idOnly.DistinctBy(m => m.Original.TrimEnd('/'), StringComparer.OrdinalIgnoreCase).ToList();
            if (ordered.Count == 0 && ids.Count > 0)
            {
                // Addresses made of an id only (no words of any headline) captured around the cited day, and addresses
                // of section words or abbreviations that carry the cited day: open a few; with more than that, the
                // search cannot say the work is absent.
                if (ids.Count <= _options.MaxIdOnlyCandidates)
                {
                    ordered = ids;
                }
                else
                {
                    run.Unsettled.Add($"{ids.Count} archived addresses under {domain}/ around the cited day carry only an id or the cited day, not the headline's words; not opened");
                }
            }

            run.Step("wayback-cdx", what, cdx, ordered.Count == 0 ? $"{Math.Max(rows.Count - 1, 0)} addresses, none matching" : $"{ordered.Count} matching: {string.Join(", ", ordered.Select(o => o.Original))}");
            foreach (var (original, stamp, _) in ordered)
            {
                string archived = _endpoints.WaybackPages + "/web/" + stamp + "/" + original;
                var copy = await ArchivedPageAsync(run, archived, original, ct).ConfigureAwait(false);
                if (copy is not { } found)
                {
                    continue;
                }

                var page = found.Result.Page!;
                double agreement = page.Metadata.TitleCandidates.Select(t => WorkMatching.TitleAgreement(title, t.Value))
                    .Append(WorkMatching.TitleAgreement(title, page.Metadata.Title?.Value)).Max();
                if (agreement < 0.6)
                {
                    run.Step("wayback", "the archived page's headline", archived, "another headline: " + page.Metadata.Title?.Value);
                    continue;
                }

                var withUrl = run.Item.Clone().SetString("URL", original);
                var result = Compare(withUrl, original, found.Result.Fetch!, page);
                return PageVerdict(run, result with { Item = run.Item }, original, archived);
            }
        }

        return null;
    }

    private static bool NearCitedDay(string stamp, (int Year, int Month, int Day)? cited)
    {
        if (cited is not { Day: > 0 } c || stamp.Length < 8
            || !DateOnly.TryParseExact(stamp[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        int delta = day.DayNumber - new DateOnly(c.Year, c.Month, c.Day).DayNumber;
        return delta is >= -3 and <= 7;
    }

    private async Task<(VerificationResult Result, string Archived)?> ArchivedPageAsync(Run run, string archived, string original, CancellationToken ct)
    {
        var r = await _client.GetAsync(archived, null, false, ct).ConfigureAwait(false);
        if (!Settled(run, r, "wayback", "the archived copy"))
        {
            return null;
        }

        if (r.Fetch?.Body is not { Length: > 0 } body)
        {
            run.Step("wayback", "the archived copy", archived, "empty");
            return null;
        }

        var page = PageReader.Read(body, original, r.Fetch.Charset);

        // Compare as if fetched from the original address (the archive's own address and redirects say nothing about the work).
        var asOriginal = r.Fetch with { RequestedUrl = original, FinalUrl = original, Chain = [new FetchHop(original, 200, null)] };
        return (Compare(run.Item, original, asOriginal, page), archived);
    }

    private static VerificationResult Compare(CslItem item, string url, FetchResult fetch, WebPage page) =>
        new(item, url, fetch, page, ReferenceComparer.Compare(item, fetch, page));

    /// <summary>Verdict from a page comparison: findings that say the reference is wrong (a headline other than a
    /// small edit, an author not on the page or misspelt, another day, another outlet, a redirect to another work)
    /// make it a mismatch; notes (paywall, canonical, a co-author left out, the modified date) do not.</summary>
    private static ReferenceVerdict PageVerdict(Run run, VerificationResult result, string url, string? archived)
    {
        var fields = new List<string>();
        foreach (var f in result.Findings)
        {
            string? field = f.Type switch
            {
                FindingKind.TitleChanged when f.Severity >= FindingSeverity.Warning => "title",
                FindingKind.AuthorAdded or FindingKind.AuthorMisspelled => "authors",
                FindingKind.DateWrong when f.Severity >= FindingSeverity.Warning => "date",
                FindingKind.SiteMismatch => "outlet",
                FindingKind.Redirect => "url",
                _ => null,
            };
            if (field is not null && !fields.Contains(field))
            {
                fields.Add(field);
            }
        }

        string where = archived is null ? "the cited page" : $"the archived copy ({archived})";
        if (fields.Count == 0)
        {
            return run.Result(Verdicts.Verified, [], $"{where} agrees with the reference", url, archived, result);
        }

        string details = string.Join("; ", result.Findings.Where(f => f.Severity >= FindingSeverity.Warning).Select(f => $"{f.Type.ToName()}: {f.Evidence}"));
        return run.Result(Verdicts.Mismatch, fields, $"{where} differs in {string.Join(", ", fields)}: {details}", url, archived, result);
    }

    /// <summary>Whether a service answered usably; records why not (offline, refused, rate-limited, failure) as unsettled.</summary>
    private static bool Settled(Run run, ServiceResponse r, string service, string what)
    {
        switch (r.Outcome)
        {
            case ServiceOutcome.Offline:
                run.Step(service, what, r.Url, "offline: would search");
                run.Unsettled.Add("offline: searches not made");
                return false;
            case ServiceOutcome.Refused:
                run.Step(service, what, r.Url, "refused by the address guard");
                run.Unsettled.Add($"{service} refused by the address guard ({r.Problem}; --allow-private allows private addresses)");
                return false;
            case ServiceOutcome.RateLimited:
                run.Step(service, what, r.Url, r.Problem ?? "rate-limited");
                run.Unsettled.Add($"{service} {r.Problem}");
                return false;
            case ServiceOutcome.Failed:
                run.Step(service, what, r.Url, r.Problem ?? "failed");
                run.Unsettled.Add($"{service} failed: {r.Problem}");
                return false;
        }

        if (r.Status is >= 200 and < 300)
        {
            return true;
        }

        if (r.Status is 404 or 410)
        {
            return false;
        }

        run.Step(service, what, r.Url, $"HTTP {r.Status}");
        run.Unsettled.Add($"{service} answered {r.Status}");
        return false;
    }

    private string MailTo(string sep) => _endpoints.Contact is { } c ? sep + "mailto=" + Uri.EscapeDataString(c) : string.Empty;

    /// <summary>An archive address as the configured archive serves it (a mirror or test server answering with
    /// web.archive.org addresses).</summary>
    private string Rebase(string archived)
    {
        if (Uri.TryCreate(archived, UriKind.Absolute, out var u) && u.AbsolutePath.StartsWith("/web/", StringComparison.Ordinal)
            && Uri.TryCreate(_endpoints.WaybackPages, UriKind.Absolute, out var b) && !string.Equals(u.Authority, b.Authority, StringComparison.OrdinalIgnoreCase))
        {
            int i = archived.IndexOf("/web/", StringComparison.Ordinal);
            return _endpoints.WaybackPages + archived[i..];
        }

        return archived;
    }

    private bool IsArchiveHost(Uri u) =>
        u.Host.EndsWith("archive.org", StringComparison.OrdinalIgnoreCase)
        || (Uri.TryCreate(_endpoints.WaybackPages, UriKind.Absolute, out var b) && string.Equals(b.Authority, u.Authority, StringComparison.OrdinalIgnoreCase));

    private static string EscapeDoi(string doi) => string.Join('/', doi.Split('/').Select(Uri.EscapeDataString));

    private static bool IsDoiAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Host.EndsWith("doi.org", StringComparison.OrdinalIgnoreCase) || u.Host.Equals("dx.doi.org", StringComparison.OrdinalIgnoreCase));

    /// <summary>"10.1234/abc" from a DOI, a doi.org address or "doi:10.…"; null when there is none.</summary>
    public static string? NormalizeDoi(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string t = Uri.UnescapeDataString(text.Trim());
        int i = t.IndexOf("10.", StringComparison.Ordinal);
        if (i < 0 || (i > 0 && !t.Contains("doi", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return References.DoiText.Find(t);
    }
}
