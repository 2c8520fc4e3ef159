using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SourceCheck.Claims;
using SourceCheck.Text;
using SourceCheck.Verification;

namespace SourceCheck.Reports;

public static partial class CheckReportRenderer
{
    // ------------------------------------------------------------------ HTML

    /// <summary>The sections of the HTML report, in order. A new section is one method writing a
    /// <c>&lt;section&gt;</c> (nothing when it has nothing to say) and one entry here.</summary>
    private static readonly Action<StringBuilder, CheckReport>[] HtmlSections =
    [
        HtmlSummary,
        HtmlLegend,
        HtmlDocuments,
        HtmlLinks,
        HtmlStoreMatches,
        HtmlSupport,
        HtmlFindings,
        HtmlWarnings,
    ];

    /// <summary>Inline style sheet; the Content-Security-Policy allows exactly this text (by its SHA-256), nothing else.</summary>
    private const string HtmlStyle =
        ":root{color-scheme:light;--bad:#a40e0e;--bad-bg:#fde8e8;--ok:#11672f;--ok-bg:#e3f4e8;--mute:#5b6470;--line:#d5dae0}\n" +
        "*{box-sizing:border-box}\n" +
        "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n" +
        "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:64rem;margin:0 auto;padding:1rem;color:#1d2228;background:#fff;overflow-wrap:anywhere;word-break:normal}\n" +
        "h1{font-size:1.6rem;margin:.25rem 0}h2{font-size:1.3rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}h3{font-size:1.05rem;margin:1rem 0 .4rem}\n" +
        "h1,h2,h3{line-height:1.25}p{margin:.4rem 0}code{font:.9em ui-monospace,monospace}a{color:#0b57b0}\n" +
        ".meta,.src,.evidence,.note{color:var(--mute);font-size:.9rem}\n" +
        ".summary{background:#f4f6f8;border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem}.summary h2{margin-top:.1rem}\n" +
        ".counts{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:.25rem 0;padding:0}\n" +
        ".alert{border-left:6px solid var(--bad);background:var(--bad-bg);padding:.5rem .75rem;margin:.75rem 0 .25rem;border-radius:4px}\n" +
        ".alert h3{margin:.1rem 0 .3rem;color:var(--bad)}.alert ul{margin:0;padding-left:1.1rem}\n" +
        ".all-clear{border-left:6px solid var(--ok);background:var(--ok-bg);padding:.5rem .75rem;margin:.75rem 0 .25rem;border-radius:4px}\n" +
        ".badge{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.85rem;font-weight:600;background:#e8ebef;color:#1d2228;white-space:nowrap}\n" +
        ".badge.bad{background:var(--bad);color:#fff}.badge.warn{background:#fff1cc;color:#6b4800}.badge.ok{background:var(--ok-bg);color:var(--ok)}\n" +
        ".card{border:1px solid var(--line);border-radius:8px;padding:.6rem .75rem;margin:.6rem 0}\n" +
        ".card.serious{border-color:var(--bad);border-left-width:6px}\n" +
        ".pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.5rem 1rem}\n" +
        ".pair>div{min-width:0}.claim-text{margin:.2rem 0}\n" +
        ".bib{padding:0}.bib li{padding-left:2em;text-indent:-2em;list-style:none;margin:.2rem 0}\n" +
        "dl.legend{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:.2rem .75rem;margin:.5rem 0}\n" +
        "dl.legend dt{margin:0}dl.legend dd{margin:0}\n" +
        "dl.fields{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:.1rem .75rem;margin:.3rem 0}dl.fields dd{margin:0}\n" +
        "details{margin:.75rem 0}summary{cursor:pointer;font-weight:600}\n" +
        "footer{margin-top:2rem;border-top:1px solid var(--line);padding-top:.5rem}\n" +
        "@media (max-width:40rem){body{font-size:15px;padding:.75rem}dl.legend,dl.fields{grid-template-columns:minmax(0,1fr)}dl.legend dd,dl.fields dd{margin-bottom:.35rem}}\n";

    private static readonly string HtmlStyleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(HtmlStyle)));

    /// <summary>One self-contained HTML file: inline CSS allowed by a strict Content-Security-Policy (no script,
    /// no request leaves the file), a viewport for phones, a summary box with the serious findings first, a legend,
    /// claims marked with their document's language, URLs as links, and the tool version and generation time.</summary>
    public static string Html(CheckReport report) => Html(report, ReportEmphasis.ToolVersion);

    /// <inheritdoc cref="Html(CheckReport)"/>
    /// <param name="report">The report.</param>
    /// <param name="toolVersion">Version named in the header (tests pass a fixed one).</param>
    public static string Html(CheckReport report, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-").Append(HtmlStyleHash)
          .Append("'; img-src 'none'; font-src 'none'; connect-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'\">\n")
          .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
          .Append("<meta name=\"generator\" content=\"SourceCheck ").Append(H(toolVersion)).Append("\">\n")
          .Append("<title>SourceCheck report</title>\n<style>").Append(HtmlStyle).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header>\n<h1>SourceCheck report</h1>\n<p class=\"meta\">").Append(H(GeneratedLine(report, toolVersion, html: true))).Append("</p>\n</header>\n<main>\n");
        foreach (var section in HtmlSections)
        {
            section(sb, report);
        }

        sb.Append("</main>\n<footer class=\"meta\">").Append(H(GeneratedLine(report, toolVersion, html: false))).Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>"SourceCheck 1.2.3 · generated 2026-11-21 00:00 UTC · style apa".</summary>
    private static string GeneratedLine(CheckReport report, string toolVersion, bool html) =>
        (html ? string.Empty : "Made with ") +
        $"SourceCheck {toolVersion} · generated {report.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC · style {report.Style}";

    /// <summary>Text escaped for HTML element content and quoted attributes (letters outside ASCII stay as they are:
    /// the file is UTF-8).</summary>
    private static string H(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(s.Length + 8);
        foreach (char c in s)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    private static void HtmlSummary(StringBuilder sb, CheckReport report)
    {
        sb.Append("<section class=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n<ul class=\"counts\">\n");
        void Count(int n, string what) => sb.Append("<li><strong>").Append(n.ToString(CultureInfo.InvariantCulture)).Append("</strong> ").Append(H(what)).Append("</li>\n");
        Count(report.Documents.Length, "document(s)");
        Count(report.ReferenceCount, "reference(s)");
        Count(report.ClaimCount, "claim(s)");
        Count(report.UnsourcedCount, "without a source");
        Count(report.SupportedClaimCount, "supported by cited headlines");
        Count(report.CheckedLinks.Length, "link(s) among the checked documents");
        if (report.Store is not null)
        {
            Count(report.StoreMatches.Length, "match(es) with stored documents");
        }

        Count(report.Findings.Length, "verification finding(s)");
        sb.Append("</ul>\n");
        var links = ReportEmphasis.SeriousLinks(report).ToList();
        var findings = ReportEmphasis.SeriousFindings(report).ToList();
        if (links.Count + findings.Count == 0)
        {
            sb.Append("<p class=\"all-clear\"><span class=\"badge ok\">✓ none</span> No serious findings: ").Append(ReportEmphasis.NoneFound).Append(".</p>\n");
        }
        else
        {
            sb.Append("<div class=\"alert\" role=\"alert\">\n<h3>⚠ ").Append(links.Count + findings.Count).Append(" serious finding(s)</h3>\n<ul>\n");
            foreach (var l in links)
            {
                int index = report.Links.IndexOf(l) + 1;
                sb.Append("<li>").Append(TypeBadge(l.Type)).Append(' ').Append(FileSpan(report, l.A.DocumentId)).Append(" ↔ ").Append(FileSpan(report, l.B.DocumentId))
                  .Append(": <span").Append(LangAttribute(l.A.Language)).Append('>').Append(H(Shorten(l.A.Text, 90))).Append("</span> <a href=\"#link-")
                  .Append(index).Append("\">details</a></li>\n");
            }

            foreach (var f in findings)
            {
                int index = report.Findings.IndexOf(f) + 1;
                sb.Append("<li>").Append(FindingBadge(f)).Append(" [").Append(H(f.ReferenceId)).Append("] in ").Append(FileSpan(report, f.DocumentId))
                  .Append(", field ").Append(H(f.Field)).Append(" <a href=\"#finding-").Append(index).Append("\">details</a></li>\n");
            }

            sb.Append("</ul>\n</div>\n");
        }

        sb.Append("</section>\n");
    }

    private static void HtmlLegend(StringBuilder sb, CheckReport report)
    {
        sb.Append("<details class=\"legend-box\" id=\"legend\">\n<summary>Legend: link types, verdicts and scores</summary>\n");
        sb.Append("<h3>Link types (claim ↔ claim, claim ↔ cited headline)</h3>\n<dl class=\"legend\">\n");
        foreach (var type in Enum.GetValues<LinkType>())
        {
            sb.Append("<dt>").Append(TypeBadge(type)).Append("</dt><dd>").Append(H(LinkTypeMeaning(type))).Append("</dd>\n");
        }

        sb.Append("</dl>\n<h3>Verification verdicts</h3>\n<dl class=\"legend\">\n")
          .Append("<dt><span class=\"badge bad\">⚠ error</span></dt><dd>the cited page contradicts the reference, or cannot be the page cited.</dd>\n")
          .Append("<dt><span class=\"badge bad\">⚠ dead_link</span></dt><dd>the URL does not lead to a page (gone, error status).</dd>\n")
          .Append("<dt><span class=\"badge bad\">⚠ …_mismatch</span></dt><dd>the page is on another site or names another canonical page than the reference says.</dd>\n")
          .Append("<dt><span class=\"badge warn\">warning</span></dt><dd>a field differs from the page (title changed, date wrong, author missing or misspelled): check it.</dd>\n")
          .Append("<dt><span class=\"badge\">info</span></dt><dd>worth knowing, rarely wrong (redirect, paywall, no URL to check).</dd>\n")
          .Append("</dl>\n<h3>Scores</h3>\n<p>Scores run from 0 to 1: how closely two claims (or a claim and a headline) say the same thing, "
                  + "from the matcher's word alignment and vocabulary overlap, across German and English through the dictionary. "
                  + "1.00 means the same words; links are listed from about 0.30. A score says how alike the texts are, not whether the claim is true.</p>\n")
          .Append("<p>⚠ and a red border mark serious findings; colour is never the only sign.</p>\n</details>\n");
        _ = report;
    }

    private static string LinkTypeMeaning(LinkType type) => type switch
    {
        LinkType.ExactQuote => "the same words (a quotation passed on unchanged).",
        LinkType.Paraphrase => "the same claim in other words, same language.",
        LinkType.Translation => "the same claim in the other language (German ↔ English).",
        LinkType.Contradiction => "one text denies what the other says.",
        LinkType.NumberMismatch => "the same statement with different figures.",
        LinkType.Misattribution => "the same words credited to a different speaker.",
        LinkType.Misquote => "a quotation whose words differ from the quoted text.",
        _ => type.ToName(),
    };

    private static string TypeBadge(LinkType type) =>
        ReportEmphasis.IsSerious(type)
            ? "<span class=\"badge bad\">⚠ " + H(type.ToName()) + "</span>"
            : "<span class=\"badge\">" + H(type.ToName()) + "</span>";

    private static string TypeBadge(string typeName) =>
        LinkTypeNames.Parse(typeName) is { } type ? TypeBadge(type) : "<span class=\"badge\">" + H(typeName) + "</span>";

    private static string FindingBadge(ReportFinding f) =>
        ReportEmphasis.IsSerious(f)
            ? "<span class=\"badge bad\">⚠ " + H(f.Severity.ToName()) + " " + H(f.Type.ToName()) + "</span>"
            : "<span class=\"badge" + (f.Severity == FindingSeverity.Warning ? " warn" : string.Empty) + "\">" + H(f.Severity.ToName()) + " " + H(f.Type.ToName()) + "</span>";

    /// <summary>A file named by its base name, the full path in the title attribute.</summary>
    private static string FileSpan(CheckReport report, string documentId) =>
        report.StoredDocument(documentId) is { } stored
            ? "<span class=\"file\" title=\"" + H(stored.Source) + "\">" + H(stored.Label) + "</span>"
            : FileSpan(report.FileOf(documentId));

    private static string FileSpan(string file)
    {
        string name = Path.GetFileName(file);
        if (string.IsNullOrEmpty(name))
        {
            name = file;
        }

        return "<span class=\"file\" title=\"" + H(file) + "\">" + H(name) + "</span>";
    }

    /// <summary><c> lang="de"</c> for a well-formed language tag; nothing for unknown languages.</summary>
    private static string LangAttribute(string? language) =>
        language is { Length: >= 2 and <= 12 } && LanguageTagRegex().IsMatch(language) ? " lang=\"" + language + "\"" : string.Empty;

    private static void HtmlDocuments(StringBuilder sb, CheckReport report)
    {
        foreach (var d in report.Documents)
        {
            string lang = LangAttribute(d.Language);
            sb.Append("<section class=\"document\" aria-label=\"").Append(H(Path.GetFileName(d.File))).Append("\">\n<h2").Append(d.Title is null ? string.Empty : lang).Append('>')
              .Append(H(d.Title ?? Path.GetFileName(d.File))).Append("</h2>\n");
            if (d.Title is null)
            {
                sb.Append("<p><em>(no headline found").Append(d.Opening is null ? ")" : "; opens: “<span" + lang + ">" + H(d.Opening) + "</span>”)").Append("</em></p>\n");
            }

            sb.Append("<p class=\"meta\">File ").Append(FileSpan(d.File)).Append(" · language ").Append(H(d.Language));
            if (d.Outlet is not null)
            {
                sb.Append(" · outlet <span").Append(lang).Append('>').Append(H(d.Outlet)).Append("</span>");
            }

            if (d.Date is not null)
            {
                sb.Append(" · date ").Append(H(d.Date));
            }

            sb.Append("</p>\n");
            foreach (var n in d.Notes)
            {
                sb.Append("<p class=\"note\">note: ").Append(Linkify(n)).Append("</p>\n");
            }

            sb.Append("<h3>References (").Append(d.References.Length).Append(")</h3>\n<ul class=\"bib\">\n");
            if (d.FormattedBibliography.IsEmpty)
            {
                if (d.References.IsEmpty)
                {
                    sb.Append("<li><em>(none)</em></li>\n");
                }

                foreach (var item in d.References)
                {
                    sb.Append("<li><code>").Append(H(item.Id)).Append("</code> ").Append(Linkify(item.Title ?? "(no title)")).Append("</li>\n");
                }
            }

            foreach (var entry in d.FormattedBibliography)
            {
                // Entries come from the CSL processor's HTML output (escaped text in simple markup): only their text is linkified.
                sb.Append("<li>").Append(LinkifyMarkup(entry)).Append("</li>\n");
            }

            var unsourced = d.Claims.Where(c => d.IsUnsourced(c.Id)).ToList();
            sb.Append("</ul>\n<h3>Claims with no source (").Append(unsourced.Count).Append(" of ").Append(d.Claims.Length).Append(")</h3>\n<ul>\n");
            if (unsourced.Count == 0)
            {
                sb.Append("<li><em>(none)</em></li>\n");
            }

            foreach (var c in unsourced)
            {
                sb.Append("<li class=\"claim\"><code>").Append(H(c.Id)).Append("</code> <span").Append(LangAttribute(c.Language)).Append('>').Append(Linkify(c.Text)).Append("</span></li>\n");
            }

            sb.Append("</ul>\n</section>\n");
        }
    }

    private static void HtmlLinks(StringBuilder sb, CheckReport report)
    {
        var links = report.CheckedLinks;
        if (links.IsEmpty)
        {
            return;
        }

        sb.Append("<section aria-labelledby=\"links-h\">\n<h2 id=\"links-h\">Links among the checked documents (").Append(links.Length).Append(")</h2>\n");
        HtmlLinkCards(sb, report, links);
        sb.Append("</section>\n");
    }

    private static void HtmlStoreMatches(StringBuilder sb, CheckReport report)
    {
        if (report.Store is not { } store)
        {
            return;
        }

        var matches = report.StoreMatches;
        sb.Append("<section aria-labelledby=\"store-h\">\n<h2 id=\"store-h\">Matches with stored documents (").Append(matches.Length).Append(")</h2>\n")
          .Append("<p class=\"meta\">Store <code>").Append(H(store.Path)).Append("</code>: ").Append(store.ComparedDocuments.Length).Append(" of ")
          .Append(store.DocumentsInStore).Append(" stored document(s) compared").Append(H(ReviewNote(store))).Append(".</p>\n");
        if (matches.IsEmpty)
        {
            sb.Append("<p>(none)</p>\n");
        }

        HtmlLinkCards(sb, report, matches);
        sb.Append("</section>\n");
    }

    /// <summary>One card per link; the anchor <c>link-N</c> is the link's position in <see cref="CheckReport.Links"/>.</summary>
    private static void HtmlLinkCards(StringBuilder sb, CheckReport report, ImmutableArray<ClaimLink> links)
    {
        foreach (var l in links)
        {
            int index = report.Links.IndexOf(l) + 1;
            bool serious = ReportEmphasis.IsSerious(l.Type);
            sb.Append("<article class=\"card").Append(serious ? " serious" : string.Empty).Append("\" id=\"link-").Append(index).Append("\">\n<p>")
              .Append(TypeBadge(l.Type)).Append(" <span class=\"score\">score ").Append(l.Score.ToString("0.00", CultureInfo.InvariantCulture)).Append("</span></p>\n<div class=\"pair\">\n");
            HtmlClaimEnd(sb, report, "A", l.A);
            HtmlClaimEnd(sb, report, "B", l.B);
            sb.Append("</div>\n");
            if (l.Evidence.Length > 0)
            {
                sb.Append("<p class=\"evidence\">evidence: ").Append(Linkify(string.Join("; ", l.Evidence))).Append("</p>\n");
            }

            sb.Append("</article>\n");
        }
    }

    private static void HtmlClaimEnd(StringBuilder sb, CheckReport report, string side, Claim claim)
    {
        sb.Append("<div>\n<p class=\"src\">").Append(side).Append(": ").Append(FileSpan(report, claim.DocumentId)).Append(" · <code>").Append(H(claim.Id)).Append("</code>")
          .Append(report.IsReportDocument(claim.DocumentId) ? string.Empty : " (stored)").Append("</p>\n<p class=\"claim-text\"")
          .Append(LangAttribute(claim.Language)).Append('>').Append(Linkify(claim.Text)).Append("</p>\n</div>\n");
    }

    private static void HtmlSupport(StringBuilder sb, CheckReport report)
    {
        if (report.Support.IsEmpty)
        {
            return;
        }

        sb.Append("<section aria-labelledby=\"support-h\">\n<h2 id=\"support-h\">Claims supported by cited headlines (").Append(report.SupportedClaimCount).Append(")</h2>\n");
        foreach (var group in report.Support.GroupBy(s => s.ClaimId, StringComparer.Ordinal))
        {
            var claim = report.FindClaim(group.Key);
            sb.Append("<article class=\"card\">\n<p><code>").Append(H(group.Key)).Append("</code> <span").Append(LangAttribute(claim?.Language)).Append('>')
              .Append(H(ClaimTextOf(report, group.First()))).Append("</span></p>\n<ul>\n");
            foreach (var s in group)
            {
                sb.Append("<li>← ").Append(TypeBadge(s.Type)).Append(" <span class=\"score\">").Append(s.Score.ToString("0.00", CultureInfo.InvariantCulture))
                  .Append("</span> <code>").Append(H(s.ReferenceId)).Append("</code> ").Append(Linkify(s.ReferenceTitle));
                if (s.ReferenceDocumentId is not null)
                {
                    sb.Append(" <span class=\"src\">(cited in ").Append(FileSpan(report, s.ReferenceDocumentId)).Append(")</span>");
                }

                sb.Append("</li>\n");
            }

            sb.Append("</ul>\n</article>\n");
        }

        sb.Append("</section>\n");
    }

    private static void HtmlFindings(StringBuilder sb, CheckReport report)
    {
        if (report.Findings.IsEmpty)
        {
            return;
        }

        sb.Append("<section aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Verification findings (").Append(report.Findings.Length).Append(")</h2>\n");
        for (int i = 0; i < report.Findings.Length; i++)
        {
            var f = report.Findings[i];
            sb.Append("<article class=\"card").Append(ReportEmphasis.IsSerious(f) ? " serious" : string.Empty).Append("\" id=\"finding-").Append(i + 1).Append("\">\n<p>")
              .Append(FindingBadge(f)).Append(" <code>").Append(H(f.ReferenceId)).Append("</code> in ").Append(FileSpan(report, f.DocumentId)).Append("</p>\n<dl class=\"fields\">\n")
              .Append("<dt>field</dt><dd>").Append(H(f.Field)).Append("</dd>\n")
              .Append("<dt>cited</dt><dd>").Append(f.Cited is null ? "–" : Linkify(f.Cited)).Append("</dd>\n")
              .Append("<dt>page</dt><dd>").Append(f.Page is null ? "–" : Linkify(f.Page)).Append("</dd>\n");
            if (f.Evidence is not null)
            {
                sb.Append("<dt>evidence</dt><dd>").Append(Linkify(f.Evidence)).Append("</dd>\n");
            }

            sb.Append("</dl>\n</article>\n");
        }

        sb.Append("</section>\n");
    }

    private static void HtmlWarnings(StringBuilder sb, CheckReport report)
    {
        if (report.Warnings.IsEmpty)
        {
            return;
        }

        sb.Append("<section aria-labelledby=\"warnings-h\">\n<h2 id=\"warnings-h\">Warnings</h2>\n<ul>\n");
        foreach (var warning in report.Warnings)
        {
            sb.Append("<li><span class=\"badge warn\">warning</span> ").Append(Linkify(warning)).Append("</li>\n");
        }

        sb.Append("</ul>\n</section>\n");
    }

    /// <summary>Plain text escaped for HTML, with http(s) URLs as links that send no referrer.</summary>
    internal static string Linkify(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var (part, isUrl) in SplitUrls(text))
        {
            if (isUrl)
            {
                sb.Append("<a href=\"").Append(H(part)).Append("\" rel=\"noopener noreferrer\">").Append(H(part)).Append("</a>");
            }
            else
            {
                sb.Append(H(part));
            }
        }

        return sb.ToString();
    }

    /// <summary>Linkifies the text between the tags of simple, already-escaped markup (a CSL HTML entry).</summary>
    private static string LinkifyMarkup(string markup)
    {
        if (!markup.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            return markup;
        }

        var sb = new StringBuilder(markup.Length + 32);
        int i = 0;
        while (i < markup.Length)
        {
            int tag = markup.IndexOf('<', i);
            int textEnd = tag < 0 ? markup.Length : tag;
            if (textEnd > i)
            {
                sb.Append(Linkify(WebUtility.HtmlDecode(markup[i..textEnd])));
            }

            if (tag < 0)
            {
                break;
            }

            int close = markup.IndexOf('>', tag);
            int end = close < 0 ? markup.Length : close + 1;
            sb.Append(markup, tag, end - tag);
            i = end;
        }

        return sb.ToString();
    }

    /// <summary>Text split into runs of plain text and http(s) URLs (trailing sentence punctuation stays text).</summary>
    internal static IEnumerable<(string Text, bool IsUrl)> SplitUrls(string text)
    {
        var parts = new List<(string, bool)>();
        int last = 0;
        try
        {
            foreach (Match m in UrlRegex().Matches(text))
            {
                string url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '’', '”');
                if (url.EndsWith(')') && !url.Contains('(', StringComparison.Ordinal))
                {
                    url = url.TrimEnd(')');
                }

                if (url.Length <= "https://".Length)
                {
                    continue;
                }

                if (m.Index > last)
                {
                    parts.Add((text[last..m.Index], false));
                }

                parts.Add((url, true));
                last = m.Index + url.Length;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            RegexPolicy.Skipped();
            return [(text, false)];
        }

        if (last < text.Length)
        {
            parts.Add((text[last..], false));
        }

        return parts;
    }

    [GeneratedRegex(@"\bhttps?://[^\s<>""{}|\\^`\u00A0]+", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex UrlRegex();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex LanguageTagRegex();
}
