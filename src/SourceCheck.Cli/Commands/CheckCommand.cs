using System.CommandLine;
using SourceCheck.Checking;
using SourceCheck.Claims;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Cli.Review;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;
using SourceCheck.Reports;
using SourceCheck.Storage;
using SourceCheck.Verification;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck check ARTICLE… [--sources FILE…] [--style apa] [--db FILE] [--to text|json|markdown|html]</c>:
/// the main job — one report per run, everything kept in the store.</summary>
public static class CheckCommand
{
    public static Command Create(CliEnvironment env)
    {
        var articles = new Argument<string[]>("ARTICLE") { Description = "Article files (text or HTML); - for standard input", Arity = ArgumentArity.OneOrMore };
        var sources = new Option<string[]>("--sources") { Description = "Pages or articles the articles cite (matched for claims too)", AllowMultipleArgumentsPerToken = true };
        var style = new Option<string>("--style", "-s") { Description = "CSL style for the references: apa, mla, chicago, ieee, harvard, din, a name in the user styles folder, or a .csl file", DefaultValueFactory = _ => "apa" };
        var locale = new Option<string?>("--locale", "-l") { Description = "Locale for formatting (default: the style's)" };
        var db = StoreCli.CreateDbOption();
        var noStore = new Option<bool>("--no-store") { Description = "Do not read or write the store" };
        var to = new Option<string>("--to") { Description = "Report format", DefaultValueFactory = _ => "text" };
        to.AcceptOnlyFromAmong("text", "json", "markdown", "html");
        var pageDir = new Option<string?>("--page-dir") { Description = "Verify references against saved pages in DIR (see 'verify')" };
        var online = new Option<bool>("--online") { Description = "Verify references by fetching their URLs" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow fetching private and loopback addresses" };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when the report has: unsourced, links, findings" };
        failOn.AcceptOnlyFromAmong("unsourced", "links", "findings");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE" };
        var command = new Command("check", "Check an article's sourcing: references in a style, claims, claims with no source, cross-article links, verification")
        {
            articles, sources, style, locale, db, noStore, to, pageDir, online, allowPrivate, failOn, output,
        };
        command.SetAction(parse =>
        {
            var inputs = new List<CheckInput>();
            foreach (var path in parse.GetValue(articles) ?? [])
            {
                var (text, name) = CliIO.ReadInput(env, path);
                inputs.Add(new CheckInput(name, text));
            }

            foreach (var path in parse.GetValue(sources) ?? [])
            {
                var (text, name) = CliIO.ReadInput(env, path);
                inputs.Add(new CheckInput(name, text, IsSource: true));
            }

            string format = parse.GetValue(to)!;
            var flavour = format switch
            {
                "html" => OutputFormat.Html,
                "markdown" => OutputFormat.Markdown,
                _ => OutputFormat.Text,
            };
            var catalog = new StyleCatalog(env.GetEnvironmentVariable, env.CurrentDirectory);
            var (loaded, styleDiagnostics) = StyleLoader.Load(catalog, parse.GetValue(style)!, parse.GetValue(locale));
            if (loaded is null)
            {
                CliIO.ReportDiagnostics(env, styleDiagnostics);
                return ExitCodes.InputError;
            }

            bool progress = !env.ErrorRedirected;
            SourceCheckStore? store = null;
            try
            {
                if (!parse.GetValue(noStore))
                {
                    store = StoreCli.Open(env, parse.GetValue(db));
                }

                var inputHashes = inputs.Select(i => SourceCheckStore.ContentHash(i.Content)).ToHashSet(StringComparer.Ordinal);
                var storedIds = new Dictionary<string, long>(StringComparer.Ordinal);
                var options = new CheckOptions
                {
                    Style = parse.GetValue(style)!,
                    Time = env.Time,
                    FormatBibliography = items => new CslProcessor(loaded.Style, loaded.Locale, items).Process([], flavour).Bibliography,
                    FindKnownClaims = store is null ? null : claims => KnownClaims(store, claims, inputHashes, storedIds),
                    Verify = Verifier(env, parse.GetValue(pageDir), parse.GetValue(online), parse.GetValue(allowPrivate)),
                    Progress = progress ? new Progress<string>(m => env.Error.WriteLine($"… {m}")) : null,
                };
                var (report, documents) = CheckPipeline.Run(inputs, options);
                if (store is not null)
                {
                    Save(store, report, documents, storedIds, parse.Tokens.Select(t => t.Value));
                }

                string rendered = CheckReportRenderer.Render(report, format switch
                {
                    "json" => ReportFormat.Json,
                    "markdown" => ReportFormat.Markdown,
                    "html" => ReportFormat.Html,
                    _ => ReportFormat.Text,
                });
                CliIO.WriteOutput(env, parse.GetValue(output), rendered);
                return parse.GetValue(failOn) switch
                {
                    "unsourced" when report.UnsourcedCount > 0 => ExitCodes.Findings,
                    "links" when report.Links.Length > 0 => ExitCodes.Findings,
                    "findings" when report.Findings.Length > 0 => ExitCodes.Findings,
                    _ => ExitCodes.Ok,
                };
            }
            catch (StoreException ex)
            {
                throw new CliException($"store: {ex.Message}");
            }
            finally
            {
                store?.Dispose();
            }
        });
        return command;
    }

    /// <summary>Stored claims of other documents that share salient terms with the new claims.</summary>
    private static List<Claim> KnownClaims(SourceCheckStore store, IReadOnlyList<Claim> claims, HashSet<string> inputHashes, Dictionary<string, long> storedIds)
    {
        var known = new List<Claim>();
        foreach (var claim in claims)
        {
            foreach (var hit in store.SearchAny(claim.Text, 10))
            {
                if (inputHashes.Contains(hit.Document.ContentHash))
                {
                    continue;
                }

                string id = $"db:{hit.Claim.Id}";
                if (storedIds.TryAdd(id, hit.Claim.Id))
                {
                    known.Add(hit.Claim.Claim with { Id = id, DocumentId = $"db:{hit.Document.DisplayName}#{hit.Document.Id}" });
                }
            }
        }

        return known;
    }

    private static Func<string, IReadOnlyList<CslItem>, IReadOnlyList<ReportFinding>>? Verifier(CliEnvironment env, string? pageDir, bool online, bool allowPrivate)
    {
        if (pageDir is null && !online)
        {
            return null;
        }

        var endpoints = ServiceEndpoints.FromEnvironment(env.GetEnvironmentVariable);
        var fetcher = online ? new PageFetcher(new AddressGuard(allowPrivate), new FetchOptions { UserAgent = endpoints.UserAgent }, env.Time) : null;
        var cache = new PageCache(null, env.Time);
        var dir = pageDir is not null ? new DirectoryPageSource(Path.GetFullPath(pageDir, env.CurrentDirectory)) : null;
        var client = new PoliteClient(fetcher, cache, new PoliteOptions { Offline = !online }, env.Time);
        IPageSource source = dir is not null ? dir : client.AsPageSource();
        var verifier = new CitationVerifier(source);
        var locator = new WorkLocator(client, endpoints,
            OutletDirectory.Default(), dir, new LocatorOptions(), env.Time);
        return (document, items) =>
        {
            var findings = verifier.VerifyAllAsync(items.Where(i => i.GetString("URL") is not null || i.GetString("DOI") is not null))
                .GetAwaiter().GetResult()
                .SelectMany(r => r.Findings.Select(f => (r.Item, f)))
                .Concat(locator.LocateAllAsync(items).GetAwaiter().GetResult().SelectMany(v => VerdictReport.Findings(v).Select(f => (v.Item, f))));
            return findings.Select(x => new ReportFinding(document, x.Item.Id, x.f.Field, x.f.Type, x.f.Severity.ToString().ToLowerInvariant(), x.f.Cited, x.f.Page, x.f.Evidence))
                .ToList();
        };
    }

    private static void Save(SourceCheckStore store, CheckReport report, IReadOnlyList<CheckedDocument> documents, Dictionary<string, long> storedIds, IEnumerable<string> args)
    {
        long run = store.BeginRun("check", args);
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

        store.AddLinks(report.Links, claimIds);
        foreach (var group in report.Findings.GroupBy(f => f.DocumentId))
        {
            store.AddFindings(docIds.TryGetValue(group.Key, out long id) ? id : null,
                group.Select(f => new FindingInput(f.ReferenceId, f.Field, f.Type, f.Severity, f.Cited, f.Page, f.Evidence)), run);
        }

        store.FinishRun(run, new RunCounts(report.Documents.Length, report.ClaimCount, report.Links.Length, report.Findings.Length), ExitCodes.Ok);
    }
}
