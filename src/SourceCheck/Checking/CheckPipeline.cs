using System.Collections.Immutable;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Csl;
using SourceCheck.Documents;
using SourceCheck.References;
using SourceCheck.Reports;
using SourceCheck.Text;

namespace SourceCheck.Checking;

/// <summary>An input document of a check run: the article(s) under review, or a source they cite.</summary>
public sealed record CheckInput(string File, string Content, bool IsSource = false);

/// <summary>Options of a check run. Formatting, verification and the store are plugged in by the caller
/// (the CLI), so that this class depends only on lower layers.</summary>
internal sealed record CheckOptions
{
    public string Style { get; init; } = "apa";

    /// <summary>Formats a document's references as bibliography entries (in the report's output flavour).</summary>
    public Func<IReadOnlyList<CslItem>, IReadOnlyList<string>>? FormatBibliography { get; init; }

    /// <summary>Verifies a document's references against their pages (null: no verification); given the claims tied to
    /// each reference by the article's citation signals (<see cref="CitationSignals"/>, by reference id), it checks
    /// them against the cited work.</summary>
    public Func<string, IReadOnlyList<CslItem>, IReadOnlyDictionary<string, IReadOnlyList<Verification.CitingClaim>>, IReadOnlyList<ReportFinding>>? Verify { get; init; }

    /// <summary>Outlet names and domains for tying claims to references by the outlet they name (null: the built-in table).</summary>
    public Verification.OutletDirectory? Outlets { get; init; }

    /// <summary>Given the new claims, returns claims already known (e.g. from the store, other documents)
    /// to match them against; their DocumentId must not clash with the inputs'.</summary>
    public Func<IReadOnlyList<CheckedDocument>, IReadOnlyList<Claim>, IReadOnlyList<Claim>>? FindKnownClaims { get; init; }

    /// <summary>Given the known claims, returns the other claims of their documents: they count for the stored
    /// documents' event profiles (names, years), so a one- or two-claim candidate of a stored article is linked only
    /// when its article shares the event; they are never linked themselves.</summary>
    public Func<IReadOnlyList<Claim>, IReadOnlyList<Claim>>? KnownContext { get; init; }

    public MatchOptions? Match { get; init; }

    /// <summary>Minimum link score for a claim to count as supported by a cited headline.</summary>
    public double SupportThreshold { get; init; } = 0.35;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public IProgress<string>? Progress { get; init; }
}

/// <summary>The per-document intermediate result, kept for storing.</summary>
internal sealed record CheckedDocument(CheckInput Input, Article Article, IReadOnlyList<CslItem> References, IReadOnlyList<ReferenceEntry> Entries, IReadOnlyList<Claim> Claims);

/// <summary>The check run: read each article, find and parse its bibliography, de-duplicate and format the
/// references, extract claims, link claims to the cited headlines that support them and to claims of the
/// other articles (and of the store), list claims with no source, and verify references when asked.</summary>
internal static class CheckPipeline
{
    /// <summary>Prefix of the pseudo-document ids given to reference headlines when they are matched as claims.</summary>
    public const string ReferencePrefix = "ref:";

    public static (CheckReport Report, IReadOnlyList<CheckedDocument> Documents) Run(IReadOnlyList<CheckInput> inputs, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<string>();
        var documents = new List<CheckedDocument>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            options.Progress?.Report($"reading {input.File}");
            string id = UniqueId(DocumentIdOf(input.File), ids);
            var (article, notes) = ArticleReader.ReadFile(input.Content, id);
            warnings.AddRange(notes.Select(d => $"{input.File}: {d.Message}"));
            var (references, entries, diagnostics) = ReadReferences(input, article);
            warnings.AddRange(diagnostics.Where(d => d.Severity != Diagnostics.Severity.Info && d.Code != Diagnostics.DiagnosticCodes.NoBibliographyFound)
                .Select(d => $"{input.File}: {d.Message}"));
            var claims = ClaimExtractor.Extract(article, id);
            documents.Add(new CheckedDocument(input, article, references, entries, claims));
        }

        // Reference headlines become pseudo-claims, so one matcher links article claims to other articles'
        // claims, to stored claims, and to the headlines of the works the articles cite.
        options.Progress?.Report("matching claims");
        var headlineClaims = new List<Claim>();
        var headlineOwner = new Dictionary<string, (string DocumentId, CslItem Item)>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            foreach (var item in doc.References)
            {
                if (string.IsNullOrWhiteSpace(item.Title))
                {
                    continue;
                }

                string pseudo = $"{ReferencePrefix}{doc.Article.Name}/{item.Id}";
                string lang = LanguageGuesser.Guess(item.Title!);
                headlineClaims.Add(new Claim(pseudo, pseudo, lang, item.Title!, new TextSpan(0, item.Title!.Length), QuoteKind.None,
                    null, null, null, null, item.GetString("container-title"), []));
                headlineOwner[pseudo] = (doc.Article.Name ?? doc.Input.File, item);
            }
        }

        var articleClaims = documents.SelectMany(d => d.Claims).ToList();
        var known = options.FindKnownClaims?.Invoke(documents, articleClaims) ?? [];
        // The checked articles are matched among themselves and with their cited headlines exactly as without a
        // store, so what the store holds cannot change those links or scores; stored claims are matched in a second
        // pass, which contributes only links between a checked claim and a stored one.
        // A cited headline is compared with every claim (it need not name what the citing claim names).
        int skipped = 0;
        var match = (options.Match ?? MatchOptions.Default) with
        {
            UnscopedDocuments = id => id.StartsWith(ReferencePrefix, StringComparison.Ordinal) || options.Match?.UnscopedDocuments?.Invoke(id) == true,
            UnpairedDocuments = id => id.StartsWith(ReferencePrefix, StringComparison.Ordinal),
            PairsSkipped = n => skipped += n,
        };
        var rawLinks = ClaimMatcher.Match([.. articleClaims, .. headlineClaims], match).ToList();
        var articleIds = articleClaims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (known.Count > 0)
        {
            var context = options.KnownContext?.Invoke(known) ?? [];
            rawLinks.AddRange(ClaimMatcher.Match([.. articleClaims, .. known], (options.Match ?? MatchOptions.Default) with { PairsSkipped = n => skipped += n }, context)
                .Where(l => articleIds.Contains(l.A.Id) != articleIds.Contains(l.B.Id)));
        }

        if (skipped > 0)
        {
            warnings.Add($"{skipped} claim pair(s) not compared: a text test timed out (machine overloaded?); run again for a complete result");
        }

        var links = new List<ClaimLink>();
        var support = new List<ReferenceSupport>();
        foreach (var link in rawLinks)
        {
            bool aRef = link.A.DocumentId.StartsWith(ReferencePrefix, StringComparison.Ordinal);
            bool bRef = link.B.DocumentId.StartsWith(ReferencePrefix, StringComparison.Ordinal);
            if (aRef && bRef)
            {
                continue;
            }

            if (aRef || bRef)
            {
                var (claim, headline) = aRef ? (link.B, link.A) : (link.A, link.B);
                // only the checked articles' claims are reported as supported (a stored claim has no place here)
                if (link.Score < options.SupportThreshold || link.Type == LinkType.Contradiction || !articleIds.Contains(claim.Id))
                {
                    continue;
                }

                var owner = headlineOwner[headline.DocumentId];
                support.Add(new ReferenceSupport(claim.Id, claim.DocumentId, owner.Item.Id, headline.Text, link.Type.ToName(), link.Score)
                {
                    ReferenceDocumentId = owner.DocumentId == claim.DocumentId ? null : owner.DocumentId,
                });
                continue;
            }

            // a link between two stored claims says nothing about the checked articles
            if (articleIds.Contains(link.A.Id) || articleIds.Contains(link.B.Id))
            {
                links.Add(link);
            }
        }

        support = [.. support.OrderBy(s => s.DocumentId, StringComparer.Ordinal).ThenBy(s => s.ClaimId, StringComparer.Ordinal).ThenByDescending(s => s.Score)];
        var supported = new HashSet<string>(support.Select(s => s.ClaimId), StringComparer.Ordinal);

        var findings = new List<ReportFinding>();
        var reports = new List<DocumentReport>();
        foreach (var doc in documents)
        {
            var formatted = doc.References.Count == 0 || options.FormatBibliography is null
                ? (IReadOnlyList<string>)[]
                : options.FormatBibliography(doc.References);
            // The article's own citation signals tie claims to its references, whether or not the works are verified:
            // a claim the article cites ("[3]", "(Bort, 2025)", "laut Welt") has a source a reader can check.
            var ties = doc.References.Count > 0 ? CitationSignals.Tie(doc.Article, doc.Claims, doc.References, options.Outlets) : [];
            if (options.Verify is not null && doc.References.Count > 0)
            {
                options.Progress?.Report($"verifying {doc.Input.File}");
                findings.AddRange(options.Verify(doc.Article.Name ?? doc.Input.File, doc.References, CitationSignals.ClaimsByReference(ties, doc.Claims)));
            }

            var tied = ties.Select(t => t.ClaimId).ToHashSet(StringComparer.Ordinal);
            var unsourced = doc.Claims.Where(c => !tied.Contains(c.Id) && IsUnsourced(c, supported)).Select(c => c.Id).ToImmutableArray();
            var notes = new List<string>();
            if (doc.References.Count == 0)
            {
                notes.Add("no bibliography found");
            }

            if (doc.Article.SourceMentions.Length > 0)
            {
                notes.Add("sources named in the text: " + string.Join(", ", doc.Article.SourceMentions.Select(m => m.Name).Distinct(StringComparer.Ordinal)));
            }

            reports.Add(new DocumentReport(doc.Input.File, doc.Article.Name ?? doc.Input.File, doc.Article.Title, doc.Article.Outlet, doc.Article.Date,
                doc.Article.Language, [.. doc.References], [.. formatted], [.. doc.Claims], unsourced, [.. notes])
            {
                Opening = OpeningOf(doc.Article),
            });
        }

        var lexicon = options.Match?.Lexicon ?? BilingualLexicon.Default;
        if (!lexicon.CrossLanguageAvailable)
        {
            warnings.Add(lexicon.Warning ?? "cross-language matching is off: the German–English dictionary (Debian package trans-de-en) was not found");
        }

        var report = new CheckReport(options.Time.GetUtcNow(), options.Style, [.. reports], [.. links], [.. support], [.. findings], [.. warnings]);
        return (report, documents);
    }

    /// <summary>Longest opening sentence shown for an article without a headline (characters).</summary>
    public const int OpeningLength = 120;

    /// <summary>The first sentence of the first body paragraph (after a dateline), cut at a word to
    /// <see cref="OpeningLength"/> characters with "…".</summary>
    public static string? OpeningOf(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var body = article.Paragraphs.FirstOrDefault(p => p.Kind == ParagraphKind.Body);
        if (body is null)
        {
            return null;
        }

        int start = body.Span.Start;
        if (article.Dateline is { } dl && dl.Start >= body.Span.Start && dl.Start < body.Span.End)
        {
            start = dl.End;
        }

        var sentences = SentenceSplitter.Split(article.Text, start, body.Span.End);
        var first = sentences.Count > 0 ? sentences[0] : TextSpan.FromBounds(start, body.Span.End);
        return CheckReportRenderer.Shorten(article.Slice(first), OpeningLength);
    }

    /// <summary>A claim has no source when the article does not cite a reference for it (checked by the caller), no
    /// cited work's headline says the same and the article names neither
    /// where it was said (channel: a post, a conference, an interview) nor an outlet that reported it. A speaker
    /// alone ("Analysten bezweifeln …", "the company plans …") does not tell a reader where to check.</summary>
    public static bool IsUnsourced(Claim claim, IReadOnlySet<string> supported) =>
        !supported.Contains(claim.Id) && claim.Channel is null && claim.ReportingOutlet is null;

    private static (IReadOnlyList<CslItem> Items, IReadOnlyList<ReferenceEntry> Entries, IReadOnlyList<Diagnostics.Diagnostic> Diagnostics) ReadReferences(CheckInput input, Article article)
    {
        // Plain text: the blocks the article reader found (one detector run per article). HTML: the detector
        // for markup, on the page itself (lists and headings survive there).
        bool html = ArticleReader.LooksLikeHtml(input.Content);
        var blocks = html ? HtmlBibliographyDetector.Detect(input.Content) : article.BibliographyBlocks;
        // An entry that yields no field at all, or that is only a bare name ("Quellen: „Zeit“" names a source, it
        // does not cite a work), is not a reference: it is dropped with its diagnostics; the article's source
        // mentions keep the name.
        var kept = new List<CslItem>();
        var keptEntries = new List<ReferenceEntry>();
        var diagnostics = new List<Diagnostics.Diagnostic>();
        int number = 0;
        foreach (var entry in blocks.SelectMany(b => b.Entries))
        {
            var own = new List<Diagnostics.Diagnostic>();
            var parsed = ReferenceReader.ParseOne(entry, ++number, own, input.File);
            if (parsed.Item.Count == 0 || IsBareName(entry.Text))
            {
                continue;
            }

            kept.Add(parsed.Item);
            keptEntries.Add(entry);
            diagnostics.AddRange(own);
        }

        ReferenceIds.Assign(kept);
        var entryOf = kept.Select((item, i) => (item.Id, Entry: keptEntries[i])).ToDictionary(p => p.Id, p => p.Entry, StringComparer.Ordinal);
        var dedup = Deduplicator.Merge(kept);
        diagnostics.AddRange(dedup.Diagnostics);
        return (dedup.Items, [.. dedup.Items.Select(i => entryOf[i.Id])], diagnostics);
    }

    /// <summary>An entry that is only a name: at most three words once quotes and punctuation are removed, with no
    /// digit (no date, page or number) and no link — "„Zeit“", "dpa", "NBC News".</summary>
    internal static bool IsBareName(string entry)
    {
        var text = entry.AsSpan().Trim().Trim("„“”\"«»‚‘’'.,;:()[]-–— ");
        bool numberOrLink = text.ContainsAny("0123456789") || text.Contains("://", StringComparison.Ordinal)
            || text.Contains("www.", StringComparison.OrdinalIgnoreCase);
        return text.IsEmpty || (!numberOrLink && text.Count(' ') < 3);
    }

    /// <summary>The document ids of a run's inputs, in order: the file name ("stdin" for standard input), made
    /// unique with "#2", "#3"; claim ids are "ID-c1", "ID-c2", … (the one form every command prints).</summary>
    public static IReadOnlyList<string> DocumentIds(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return [.. files.Select(f => UniqueId(DocumentIdOf(f), taken))];
    }

    private static string DocumentIdOf(string file)
    {
        string name = Path.GetFileName(file);
        return string.IsNullOrEmpty(name) || name is "-" or "<stdin>" ? "stdin" : name;
    }

    private static string UniqueId(string id, HashSet<string> taken)
    {
        string candidate = id;
        for (int n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{id}#{n}";
        }

        return candidate;
    }
}
