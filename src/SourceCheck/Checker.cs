using SourceCheck.Checking;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;
using SourceCheck.Reports;
using SourceCheck.Storage;
using SourceCheck.Text;
using SourceCheck.Verification;

namespace SourceCheck;

/// <summary>How a <see cref="Checker"/> runs the <c>check</c> job: style and locale of the references, the store,
/// verification of the cited pages, and matching.</summary>
public sealed record CheckerOptions
{
    /// <summary>CSL style: apa, mla, chicago, ieee, harvard, din, a name in the user styles folder, or a .csl file.</summary>
    public string Style { get; init; } = "apa";

    /// <summary>Locale such as en-US or de-DE (null: the style's default locale).</summary>
    public string? Locale { get; init; }

    /// <summary>Flavour of the formatted bibliography entries in the report (text, html, markdown).</summary>
    public OutputFormat BibliographyFormat { get; init; } = OutputFormat.Text;

    /// <summary>Where styles are looked up by name (null: the user styles folder from the environment, then the built-in styles).</summary>
    public StyleCatalog? Styles { get; init; }

    /// <summary>Opens the store to link claims against and save the run in (null: no store); called once per
    /// <see cref="Checker.Check"/>, and the store is disposed when the check is done. The SQLite and PostgreSQL stores
    /// are in the <c>SourceCheck.Storage</c> package: <c>() =&gt; StoreLocation.Open(path)</c> opens an SQLite file path or a
    /// PostgreSQL URI; <c>StorePaths.Resolve</c> gives the default path.</summary>
    public Func<IClaimStore>? OpenStore { get; init; }

    /// <summary>Verify references against pages saved in this folder (see <see cref="DirectoryPageSource"/>).</summary>
    public string? PageDirectory { get; init; }

    /// <summary>Verify references by fetching their URLs (guarded: no private addresses unless <see cref="AllowPrivate"/>).</summary>
    public bool Online { get; init; }

    /// <summary>Base addresses of the DOI resolver, Crossref, OpenAlex and the Internet Archive, and the contact for the
    /// User-Agent (null: <see cref="ServiceEndpoints.FromEnvironment"/> of the process environment).</summary>
    public ServiceEndpoints? Services { get; init; }

    /// <summary>Allow fetching private, loopback and link-local addresses.</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Any other source of pages to verify against; takes precedence over <see cref="PageDirectory"/> and <see cref="Online"/>.</summary>
    public IPageSource? PageSource { get; init; }

    /// <summary>Claim matching options (null: the defaults).</summary>
    public MatchOptions? Match { get; init; }

    /// <summary>Minimum link score for a claim to count as supported by a cited headline.</summary>
    public double SupportThreshold { get; init; } = 0.35;

    /// <summary>Clock for the report's time and the store's run records.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Receives one line per stage ("reading FILE", "matching claims", …).</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>The command line (or other description) recorded with the run in the store.</summary>
    public IReadOnlyList<string> RunArguments { get; init; } = [];
}

/// <summary>The whole <c>check</c> job, built once from <see cref="CheckerOptions"/> (the style is compiled once)
/// and run on any number of article sets: references found, parsed, de-duplicated and formatted; claims extracted
/// and linked to the cited headlines, to each other and to the claims already in the store; unsourced claims
/// listed; references verified when a page source is given; everything saved in the store.</summary>
/// <example>
/// <code>
/// var checker = new Checker(new CheckerOptions { Style = "apa" });
/// CheckReport report = checker.CheckFiles("a.txt", "b.txt");
/// Console.WriteLine(CheckReportRenderer.Render(report, ReportFormat.Text));
/// </code>
/// </example>
public sealed class Checker
{
    private readonly CheckerOptions _options;
    private readonly LoadedStyle _style;
    private readonly OutletDirectory _outlets = OutletDirectory.Default();

    /// <summary>Builds a checker; the style is found and compiled here.</summary>
    /// <exception cref="DiagnosticException">The style is not found or has errors.</exception>
    public Checker(CheckerOptions? options = null)
    {
        _options = options ?? new CheckerOptions();
        _style = StyleLoading.Load(_options.Styles ?? new StyleCatalog(), _options.Style, _options.Locale);
    }

    /// <summary>Warnings and notes from compiling the style (errors make the constructor throw).</summary>
    public IReadOnlyList<Diagnostic> StyleDiagnostics => _style.Diagnostics;

    /// <summary>Where the style came from (file path or built-in name).</summary>
    public string StyleSource => _style.Source;

    /// <summary>Reads the article files (text or HTML) and checks them; <paramref name="articles"/> are the articles under review.</summary>
    /// <exception cref="InputException">A file is missing, a directory, binary or too large.</exception>
    public CheckReport CheckFiles(params string[] articles) => CheckFiles(articles, []);

    /// <summary>Reads the articles and the pages or articles they cite (<paramref name="sources"/>, matched for claims too) and checks them.</summary>
    /// <exception cref="InputException">A file is missing, a directory, binary or too large.</exception>
    public CheckReport CheckFiles(IEnumerable<string> articles, IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(sources);
        var inputs = articles.Select(p => new CheckInput(p, TextFile.Read(p)))
            .Concat(sources.Select(p => new CheckInput(p, TextFile.Read(p), IsSource: true)))
            .ToList();
        return Check(inputs);
    }

    /// <summary>Checks articles given as text (or HTML).</summary>
    /// <exception cref="StoreException">The store cannot be opened or written.</exception>
    public CheckReport Check(IReadOnlyList<CheckInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        IClaimStore? store = _options.OpenStore?.Invoke();
        try
        {
            var inputHashes = inputs.Select(i => DocumentInput.ContentHashOf(i.Content)).ToHashSet(StringComparer.Ordinal);
            var storedIds = new Dictionary<string, long>(StringComparer.Ordinal);
            var compared = new SortedDictionary<long, StoredDocument>();
            var known = new List<Claim>();
            int documentsInStore = 0;
            var processorStyle = _style;
            var pipeline = new CheckOptions
            {
                Style = _options.Style,
                Time = _options.Time,
                FormatBibliography = items => new CslProcessor(processorStyle.Style, processorStyle.Locale, items).Process([], _options.BibliographyFormat).Bibliography,
                FindKnownClaims = store is null ? null : (read, claims) =>
                {
                    // the stored copy of an article is its read text (an HTML page's body), not the raw input
                    inputHashes.UnionWith(read.Select(d => DocumentInput.ContentHashOf(d.Article.Text)));
                    documentsInStore = store.Stats().Documents - inputHashes.Count(h => store.FindDocument(h) is not null);
                    _options.Progress?.Report($"store: looking up candidates for {claims.Count} claims");
                    known = KnownClaims(store, claims, inputHashes, storedIds, compared);
                    _options.Progress?.Report($"store: {known.Count} candidate claims in {compared.Count} stored documents");
                    return known;
                },
                KnownContext = store is null ? null : found =>
                {
                    _options.Progress?.Report($"store: reading {compared.Count} stored documents");
                    var context = KnownContext(store, found, compared);
                    _options.Progress?.Report($"store: {context.Count} claims of context read");
                    return context;
                },
                Verify = Verifier(store),
                Outlets = _outlets,
                Match = _options.Match,
                SupportThreshold = _options.SupportThreshold,
                Progress = _options.Progress,
            };
            var (report, documents) = CheckPipeline.Run(inputs, pipeline);
            var empty = documents.Where(d => string.IsNullOrWhiteSpace(d.Input.Content)).Select(d => d.Input.File).ToList();
            if (empty.Count > 0)
            {
                report = report with { Warnings = report.Warnings.AddRange(empty.Select(f => $"{f}: empty input (nothing to check; not stored)")) };
            }

            if (store is not null)
            {
                report = report with
                {
                    Store = new StoreComparison(store.Path, documentsInStore,
                        [.. compared.Values.Select(d => new StoredDocumentSummary(StoredDocumentId(d), d.Source, d.Title, d.Outlet, d.Date))],
                        [.. known]),
                };
                _options.Progress?.Report("store: saving");
                report = Save(store, report, documents.Where(d => !string.IsNullOrWhiteSpace(d.Input.Content)).ToList(), storedIds);
            }

            // links among the checked documents first, then the matches with stored documents (each in the matcher's order)
            report = report with { Links = [.. report.Links.OrderBy(report.IsStoreMatch)] };
            return report;
        }
        finally
        {
            store?.Dispose();
        }
    }

    /// <summary>How many stored claims are fetched per new claim before the store-independent re-ranking.</summary>
    private const int CandidateWindow = 50;

    /// <summary>How many stored claims per new claim are compared.</summary>
    private const int CandidatesPerClaim = 10;

    private static string StoredDocumentId(StoredDocument d) => $"db:{d.DisplayName}#{d.Id}";

    /// <summary>Stored claims of other documents that share salient terms with the new claims. The choice does not
    /// depend on what else the store holds (bm25 statistics change as checked articles are saved): the hits of a
    /// wide window, minus the checked documents' own stored copies, are ranked by the share of the claim's salient
    /// terms they contain, then by stored id; the result is ordered by stored claim id.</summary>
    private static List<Claim> KnownClaims(IClaimStore store, IReadOnlyList<Claim> claims, HashSet<string> inputHashes,
        Dictionary<string, long> storedIds, SortedDictionary<long, StoredDocument> compared)
    {
        var chosen = new SortedDictionary<long, Claim>();
        foreach (var claim in claims)
        {
            var terms = SearchTerms.Salient(claim.Text);
            var hits = store.SearchAny(claim.Text, CandidateWindow)
                .Where(h => !inputHashes.Contains(h.Document.ContentHash))
                .OrderByDescending(h => SearchTerms.Coverage(h.Claim.Claim.Text, terms))
                .ThenBy(h => h.Claim.Id)
                .Take(CandidatesPerClaim);
            foreach (var hit in hits)
            {
                string id = $"db:{hit.Claim.Id}";
                if (storedIds.TryAdd(id, hit.Claim.Id))
                {
                    compared.TryAdd(hit.Document.Id, hit.Document);
                    chosen[hit.Claim.Id] = hit.Claim.Claim with { Id = id, DocumentId = StoredDocumentId(hit.Document) };
                }
            }
        }

        return [.. chosen.Values];
    }

    /// <summary>The other claims of the stored documents compared (read through the store's claim list), under the
    /// ids the candidates carry: the event test sees each stored document whole, not only its candidate fragment.</summary>
    private static List<Claim> KnownContext(IClaimStore store, IReadOnlyList<Claim> known, SortedDictionary<long, StoredDocument> compared)
    {
        var chosen = known.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var context = new List<Claim>();
        foreach (var doc in compared.Values)
        {
            foreach (var stored in store.GetClaims(doc.Id))
            {
                string id = $"db:{stored.Id}";
                if (!chosen.Contains(id))
                {
                    context.Add(stored.Claim with { Id = id, DocumentId = StoredDocumentId(doc) });
                }
            }
        }

        return context;
    }

    private Func<string, IReadOnlyList<CslItem>, IReadOnlyDictionary<string, IReadOnlyList<CitingClaim>>, IReadOnlyList<ReportFinding>>? Verifier(IClaimStore? store)
    {
        if (_options.PageSource is null && _options.PageDirectory is null && !_options.Online)
        {
            return null;
        }

        // the outlets of the documents already checked extend the outlet table (issue 17: open-world outlets); the store
        // answers with its distinct (outlet, site) pairs, not every document
        if (store is not null)
        {
            _outlets.AddKnown(store.ListOutletAddresses().Select(p => ((string?)p.Outlet, (string?)p.Address)));
        }

        var endpoints = _options.Services ?? ServiceEndpoints.FromEnvironment();
        var fetcher = _options.Online ? new PageFetcher(new AddressGuard(_options.AllowPrivate), new FetchOptions { UserAgent = endpoints.UserAgent }, _options.Time) : null;
        var client = new PoliteClient(fetcher, new PageCache(null, _options.Time), new PoliteOptions { Offline = !_options.Online }, _options.Time);
        var dir = _options.PageDirectory is { } folder ? new DirectoryPageSource(Path.GetFullPath(folder)) : null;
        IPageSource source = _options.PageSource ?? (dir is not null ? dir : client.AsPageSource());
        var verifier = new CitationVerifier(source);
        var locator = new WorkLocator(client, endpoints, _outlets, dir, new LocatorOptions { Passages = new PassageFinder() }, _options.Time);
        return (document, items, claims) =>
        {
            var findings = verifier.VerifyAllAsync(items.Where(i => i.GetString("URL") is not null || i.GetString("DOI") is not null))
                .GetAwaiter().GetResult()
                .SelectMany(r => r.Findings.Select(f => (r.Item, f)))
                .Concat(locator.LocateAllAsync(items, i => claims.TryGetValue(i.Id, out var c) ? c : []).GetAwaiter().GetResult()
                    .SelectMany(v => VerdictReport.Findings(v).Select(f => (v.Item, f))));
            return findings.Select(x => new ReportFinding(document, x.Item.Id, x.f.Field, x.f.Type, x.f.Severity, x.f.Cited, x.f.Page, x.f.Evidence))
                .ToList();
        };
    }

    /// <summary>Saves the documents, claims and links; applies earlier review decisions to links that re-find a
    /// reviewed pair of claims (rejected: dropped from the report and not stored again; relabelled: the reviewer's
    /// type); saves the findings and the run. Returns the report with the decisions applied.</summary>
    private CheckReport Save(IClaimStore store, CheckReport report, IReadOnlyList<CheckedDocument> documents, Dictionary<string, long> storedIds)
    {
        // the whole run is one transaction: a run killed mid-way leaves no run row and no part of its documents
        return store.InTransaction(() => SaveRun(store, report, documents, storedIds));
    }

    private CheckReport SaveRun(IClaimStore store, CheckReport report, IReadOnlyList<CheckedDocument> documents, Dictionary<string, long> storedIds)
    {
        long run = store.BeginRun("check", _options.RunArguments);
        var claimIds = new Dictionary<string, long>(storedIds, StringComparer.Ordinal);
        var docIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            var input = new DocumentInput(doc.Input.File, doc.Article.Text)
            {
                Title = doc.Article.Title,
                Outlet = doc.Article.Outlet,
                Date = doc.Article.Date,
                Language = doc.Article.Language,
            };
            var refs = doc.References.Select((item, i) => new ReferenceInput(item, i + 1, i < doc.Entries.Count ? doc.Entries[i].Span : null)).ToList();
            var result = store.Ingest(input, refs, doc.Claims);
            docIds[doc.Article.Name ?? doc.Input.File] = result.DocumentId;
            foreach (var (key, value) in result.ClaimIds)
            {
                claimIds[key] = value;
            }
        }

        var kept = new List<ClaimLink>(report.Links.Length);
        var shown = new List<ClaimLink>(report.Links.Length);
        int rejected = 0, relabelled = 0;
        foreach (var link in report.Links)
        {
            var review = claimIds.TryGetValue(link.A.Id, out long a) && claimIds.TryGetValue(link.B.Id, out long b) && a != b ? store.ReviewOf(a, b) : null;
            if (review?.Status == ReviewStatus.Rejected)
            {
                rejected++;
                continue;
            }

            kept.Add(link);
            if (review?.RelabelledType is { } type && type != link.Type)
            {
                relabelled++;
                shown.Add(link with { Type = type, Evidence = link.Evidence.Add($"relabelled in review (detected {link.Type.ToName()})") });
            }
            else
            {
                shown.Add(link);
            }
        }

        store.AddLinks(kept, claimIds);
        report = report with
        {
            Links = [.. shown],
            Store = report.Store! with { RejectedInReview = rejected, RelabelledInReview = relabelled },
        };
        foreach (var group in report.Findings.GroupBy(f => f.DocumentId))
        {
            store.AddFindings(docIds.TryGetValue(group.Key, out long id) ? id : null,
                group.Select(f => new FindingInput(f.ReferenceId, f.Field, f.Type, f.Severity, f.Cited, f.Page, f.Evidence)), run);
        }

        store.FinishRun(run, new RunCounts(report.Documents.Length, report.ClaimCount, report.Links.Length, report.Findings.Length), 0);
        return report;
    }
}
