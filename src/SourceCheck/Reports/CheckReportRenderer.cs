using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Text;
using SourceCheck.Verification;

namespace SourceCheck.Reports;

/// <summary>The forms <see cref="CheckReportRenderer.Render"/> writes a check report in.</summary>
public enum ReportFormat
{
    /// <summary>Plain text.</summary>
    Text,

    /// <summary>JSON, schema <c>sourcecheck-check/1</c>.</summary>
    Json,

    /// <summary>Markdown (GitHub flavour tables).</summary>
    Markdown,

    /// <summary>One self-contained HTML file: no script, no request leaving the file.</summary>
    Html,
}

/// <summary>Renders a <see cref="CheckReport"/> as JSON (schema <c>sourcecheck-check/1</c>; fields added since the
/// first release — "opening", "supported_claims", "claim_text", "reference_document" — are additions only), plain text,
/// Markdown or one self-contained HTML file. Summary first, details after; deterministic order.</summary>
public static partial class CheckReportRenderer
{
    /// <summary>The report in <paramref name="format"/> (text for any value not listed).</summary>
    public static string Render(CheckReport report, ReportFormat format) => format switch
    {
        ReportFormat.Json => Json(report),
        ReportFormat.Markdown => Markdown(report),
        ReportFormat.Html => Html(report),
        _ => Text(report),
    };

    // ------------------------------------------------------------------ JSON

    /// <summary>The report as JSON (schema <c>sourcecheck-check/1</c>), keys in a fixed order, LF line ends.</summary>
    public static string Json(CheckReport report) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("schema", CheckReport.Schema);
        w.WriteString("generated", report.GeneratedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        w.WriteString("style", report.Style);
        w.WriteStartObject("summary");
        w.WriteNumber("documents", report.Documents.Length);
        w.WriteNumber("references", report.ReferenceCount);
        w.WriteNumber("claims", report.ClaimCount);
        w.WriteNumber("unsourced_claims", report.UnsourcedCount);
        w.WriteNumber("supported_claims", report.SupportedClaimCount);
        w.WriteNumber("links", report.Links.Length);
        w.WriteNumber("links_among_checked", report.CheckedLinks.Length);
        w.WriteNumber("store_matches", report.StoreMatches.Length);
        w.WriteNumber("findings", report.Findings.Length);
        w.WriteEndObject();
        w.WriteStartArray("documents");
        foreach (var d in report.Documents)
        {
            w.WriteStartObject();
            w.WriteString("file", d.File);
            w.WriteString("id", d.DocumentId);
            w.WriteString("title", d.Title);
            w.WriteString("opening", d.Opening);
            w.WriteString("outlet", d.Outlet);
            w.WriteString("date", d.Date);
            w.WriteString("language", d.Language);
            w.WritePropertyName("references");
            w.WriteStartArray();
            foreach (var item in d.References)
            {
                CslJson.WriteItem(w, item);
            }

            w.WriteEndArray();
            w.WriteStartArray("bibliography");
            foreach (var entry in d.FormattedBibliography)
            {
                w.WriteStringValue(entry);
            }

            w.WriteEndArray();
            w.WriteStartArray("claims");
            foreach (var c in d.Claims)
            {
                WriteClaim(w, c, d.IsUnsourced(c.Id));
            }

            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var n in d.Notes)
            {
                w.WriteStringValue(n);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("links");
        foreach (var link in report.Links)
        {
            ClaimJson.WriteLink(w, link, c => report.FileOf(c.DocumentId));
        }

        w.WriteEndArray();
        WriteStore(w, report);
        w.WriteStartArray("support");
        foreach (var s in report.Support)
        {
            w.WriteStartObject();
            w.WriteString("claim", s.ClaimId);
            w.WriteString("claim_text", report.FindClaim(s.ClaimId)?.Text);
            w.WriteString("document", s.DocumentId);
            w.WriteString("reference", s.ReferenceId);
            w.WriteString("reference_document", s.ReferenceDocumentId ?? s.DocumentId);
            w.WriteString("reference_title", s.ReferenceTitle);
            w.WriteString("type", s.Type);
            w.WriteNumber("score", Math.Round(s.Score, 4));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            w.WriteStartObject();
            w.WriteString("document", f.DocumentId);
            w.WriteString("reference", f.ReferenceId);
            w.WriteString("field", f.Field);
            w.WriteString("type", f.Type.ToName());
            w.WriteString("severity", f.Severity.ToName());
            w.WriteString("cited", f.Cited);
            w.WriteString("page", f.Page);
            w.WriteString("evidence", f.Evidence);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("warnings");
        foreach (var warning in report.Warnings)
        {
            w.WriteStringValue(warning);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The <c>store</c> object (null without a store): path, counts, the stored documents compared (their
    /// <c>id</c> is the <c>file</c> of a link end that is a stored claim) and the stored claims with their text.</summary>
    private static void WriteStore(Utf8JsonWriter w, CheckReport report)
    {
        if (report.Store is not { } store)
        {
            w.WriteNull("store");
            return;
        }

        w.WriteStartObject("store");
        w.WriteString("path", store.Path);
        w.WriteNumber("documents_in_store", store.DocumentsInStore);
        w.WriteNumber("documents_compared", store.ComparedDocuments.Length);
        w.WriteNumber("matches", report.StoreMatches.Length);
        w.WriteNumber("rejected_in_review", store.RejectedInReview);
        w.WriteNumber("relabelled_in_review", store.RelabelledInReview);
        w.WriteStartArray("documents");
        foreach (var d in store.ComparedDocuments)
        {
            w.WriteStartObject();
            w.WriteString("id", d.DocumentId);
            w.WriteString("source", d.Source);
            w.WriteString("title", d.Title);
            w.WriteString("outlet", d.Outlet);
            w.WriteString("date", d.Date);
            w.WriteString("label", d.Label);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteClaim(Utf8JsonWriter w, Claim c, bool unsourced)
    {
        w.WriteStartObject();
        ClaimJson.WriteFields(w, c);
        w.WriteBoolean("unsourced", unsourced);
        w.WriteEndObject();
    }

    // ------------------------------------------------------------------ text

    /// <summary>The report as plain text for a terminal or a file: summary first, then each article's findings.</summary>
    public static string Text(CheckReport report)
    {
        var sb = new StringBuilder();
        sb.Append("SourceCheck report (").Append(report.Style).Append(")\n");
        sb.Append(Summary(report)).Append("\n\n");
        foreach (var d in report.Documents)
        {
            sb.Append("== ").Append(d.File).Append('\n');
            AppendMeta(sb, d);
            foreach (var n in d.Notes)
            {
                sb.Append("note: ").Append(n).Append('\n');
            }

            sb.Append("\nReferences (").Append(d.References.Length).Append("):\n");
            if (d.References.IsEmpty)
            {
                sb.Append("  (none)\n");
            }
            else if (d.FormattedBibliography.IsEmpty)
            {
                foreach (var item in d.References)
                {
                    sb.Append("  [").Append(item.Id).Append("] ").Append(item.Title ?? "(no title)").Append('\n');
                }
            }

            foreach (var entry in d.FormattedBibliography)
            {
                sb.Append("  ").Append(entry).Append('\n');
            }

            var unsourced = d.Claims.Where(c => d.IsUnsourced(c.Id)).ToList();
            sb.Append("\nClaims with no source (").Append(unsourced.Count).Append(" of ").Append(d.Claims.Length).Append("):\n");
            if (unsourced.Count == 0)
            {
                sb.Append("  (none)\n");
            }

            foreach (var c in unsourced)
            {
                sb.Append("  [").Append(c.Id).Append("] ").Append(c.Text).Append('\n');
            }

            sb.Append('\n');
        }

        AppendTextLinks(sb, report, report.CheckedLinks, "Links among the checked documents");
        if (report.Store is { } store)
        {
            var matches = report.StoreMatches;
            sb.Append("Matches with stored documents (").Append(matches.Length).Append("; store ").Append(store.Path).Append(", ")
              .Append(store.ComparedDocuments.Length).Append(" of ").Append(store.DocumentsInStore).Append(" stored document(s) compared")
              .Append(ReviewNote(store)).Append("):\n");
            if (matches.Length == 0)
            {
                sb.Append("  (none)\n\n");
            }
            else
            {
                AppendTextLinks(sb, report, matches, null);
            }
        }

        if (report.Support.Length > 0)
        {
            sb.Append("Claims supported by cited headlines (").Append(report.SupportedClaimCount).Append(" claim(s), ")
              .Append(report.Support.Length).Append(" headline match(es)):\n");
            foreach (var group in report.Support.GroupBy(s => s.ClaimId, StringComparer.Ordinal))
            {
                sb.Append("  [").Append(group.Key).Append("] ").Append(ClaimTextOf(report, group.First())).Append('\n');
                foreach (var s in group)
                {
                    sb.Append("    <- ").Append(s.ReferenceId).Append(" (").Append(s.Type).Append(' ')
                      .Append(s.Score.ToString("0.00", CultureInfo.InvariantCulture));
                    if (s.ReferenceDocumentId is not null)
                    {
                        sb.Append(", cited in ").Append(report.FileOf(s.ReferenceDocumentId));
                    }

                    sb.Append("): ").Append(s.ReferenceTitle).Append('\n');
                }
            }

            sb.Append('\n');
        }

        if (report.Findings.Length > 0)
        {
            sb.Append("Verification findings (").Append(report.Findings.Length).Append("):\n");
            foreach (var f in report.Findings)
            {
                sb.Append("  ").Append(f.Severity.ToName()).Append(' ').Append(f.Type.ToName()).Append(": [").Append(f.ReferenceId).Append("] in ")
                  .Append(report.FileOf(f.DocumentId)).Append(", field ").Append(f.Field)
                  .Append(": cited ").Append(Quoted(f.Cited)).Append(", page ").Append(Quoted(f.Page)).Append('\n');
                if (f.Type is FindingKind.Verdict or FindingKind.UpdateNotice or FindingKind.ClaimSupport && f.Evidence is { Length: > 0 } why)
                {
                    sb.Append("    ").Append(why).Append('\n');
                }
            }

            sb.Append('\n');
        }

        foreach (var warning in report.Warnings)
        {
            sb.Append("warning: ").Append(warning).Append('\n');
        }

        return sb.ToString();
    }

    private static string Quoted(string? value) => value is null ? "-" : $"\"{value}\"";

    /// <summary>Longest claim text shown where a claim is only referred to (supported claims).</summary>
    public const int ClaimTextLength = 120;

    /// <summary>"[id] " for a claim of the report's documents (the id names the file); "[id] (document) " for a
    /// claim from elsewhere (the store).</summary>
    private static string ClaimLabel(CheckReport report, Claim claim) =>
        report.IsReportDocument(claim.DocumentId) ? $"[{claim.Id}] " : $"[stored: {report.DocumentLabel(claim.DocumentId)}] ";

    /// <summary>Markdown link entries, numbered by their position in <see cref="CheckReport.Links"/>.</summary>
    private static void AppendMarkdownLinks(StringBuilder sb, CheckReport report, ImmutableArray<ClaimLink> links)
    {
        foreach (var l in links)
        {
            int number = report.Links.IndexOf(l) + 1;
            sb.Append("### ").Append(number).Append(". ").Append(ReportEmphasis.IsSerious(l.Type) ? "⚠ " : string.Empty).Append(Md(l.Type.ToName()))
              .Append(" · score ").Append(l.Score.ToString("0.00", CultureInfo.InvariantCulture)).Append("\n\n");
            sb.Append("- **A** ").Append(MarkdownEnd(report, l.A)).Append('\n');
            sb.Append("- **B** ").Append(MarkdownEnd(report, l.B)).Append('\n');
            if (l.Evidence.Length > 0)
            {
                sb.Append("- evidence: ").Append(Md(string.Join("; ", l.Evidence))).Append('\n');
            }

            sb.Append('\n');
        }
    }

    private static string MarkdownEnd(CheckReport report, Claim c) =>
        (report.StoredDocument(c.DocumentId) is { } stored ? "stored: " + Md(stored.Label) : Md(BaseName(report.FileOf(c.DocumentId))))
        + " " + Code(c.Id) + ": " + Md(c.Text);

    private static void AppendTextLinks(StringBuilder sb, CheckReport report, ImmutableArray<ClaimLink> links, string? heading)
    {
        if (links.Length == 0)
        {
            return;
        }

        if (heading is not null)
        {
            sb.Append(heading).Append(" (").Append(links.Length).Append("):\n");
        }

        foreach (var link in links)
        {
            sb.Append("  ").Append(link.Type.ToName()).Append(' ').Append(link.Score.ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("    ").Append(ClaimLabel(report, link.A)).Append(link.A.Text).Append('\n');
            sb.Append("    ").Append(ClaimLabel(report, link.B)).Append(link.B.Text).Append('\n');
            if (link.Evidence.Length > 0)
            {
                sb.Append("    evidence: ").Append(string.Join("; ", link.Evidence)).Append('\n');
            }
        }

        sb.Append('\n');
    }

    /// <summary>"; 2 rejected in review, 1 relabelled" when earlier review decisions changed the links, else empty.</summary>
    internal static string ReviewNote(StoreComparison store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var parts = new List<string>();
        if (store.RejectedInReview > 0)
        {
            parts.Add($"{store.RejectedInReview} link(s) rejected in review left out");
        }

        if (store.RelabelledInReview > 0)
        {
            parts.Add($"{store.RelabelledInReview} relabelled in review");
        }

        return parts.Count == 0 ? string.Empty : "; " + string.Join(", ", parts);
    }

    /// <summary>Text cut at the last word boundary before <paramref name="max"/> characters, with "…" when cut;
    /// line breaks and runs of spaces become one space.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        string flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        int cut = flat.LastIndexOf(' ', Math.Max(0, max - 1));
        string head = (cut > max / 2 ? flat[..cut] : flat[..(max - 1)]).TrimEnd(',', ';', ':', ' ', '–', '-');
        return head + " …";
    }

    private static string Summary(CheckReport r) =>
        $"{r.Documents.Length} document(s), {r.ReferenceCount} reference(s), {r.ClaimCount} claim(s), " +
        $"{r.UnsourcedCount} without a source, {r.SupportedClaimCount} supported by cited headlines, {r.CheckedLinks.Length} link(s) among the checked documents{(r.Store is null ? string.Empty : $", {r.StoreMatches.Length} match(es) with stored documents")}, {r.Findings.Length} verification finding(s)";

    private static void AppendMeta(StringBuilder sb, DocumentReport d)
    {
        if (d.Title is not null)
        {
            sb.Append("title: ").Append(d.Title).Append('\n');
        }
        else
        {
            sb.Append("title: ").Append(NoHeadline(d)).Append('\n');
        }

        if (d.Outlet is not null)
        {
            sb.Append("outlet: ").Append(d.Outlet).Append('\n');
        }

        if (d.Date is not null)
        {
            sb.Append("date: ").Append(d.Date).Append('\n');
        }

        sb.Append("language: ").Append(d.Language).Append('\n');
    }

    /// <summary>"(no headline found; opens: "…")" for an article without a headline.</summary>
    private static string NoHeadline(DocumentReport d) =>
        d.Opening is null ? "(no headline found)" : $"(no headline found; opens: \"{d.Opening}\")";

    // ------------------------------------------------------------------ Markdown

    /// <summary>Markdown with the HTML report's structure (version and time, summary with the serious findings
    /// first, legend, documents, links, support, findings). Text from the articles is sanitised: Markdown and HTML
    /// punctuation is backslash-escaped, so no article text becomes markup, a link or raw HTML; URLs become autolinks.</summary>
    public static string Markdown(CheckReport report) => Markdown(report, ReportEmphasis.ToolVersion);

    /// <inheritdoc cref="Markdown(CheckReport)"/>
    /// <param name="report">The report.</param>
    /// <param name="toolVersion">Version named under the title (tests pass a fixed one).</param>
    public static string Markdown(CheckReport report, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("# SourceCheck report\n\n").Append(Md(GeneratedLine(report, toolVersion, html: true))).Append("\n\n");
        sb.Append("## Summary\n\n").Append(Summary(report)).Append(".\n\n");
        var seriousLinks = ReportEmphasis.SeriousLinks(report).ToList();
        var seriousFindings = ReportEmphasis.SeriousFindings(report).ToList();
        if (seriousLinks.Count + seriousFindings.Count == 0)
        {
            sb.Append("**✓ No serious findings** (").Append(ReportEmphasis.NoneFound).Append(").\n\n");
        }
        else
        {
            sb.Append("**⚠ ").Append(seriousLinks.Count + seriousFindings.Count).Append(" serious finding(s):**\n\n");
            foreach (var l in seriousLinks)
            {
                sb.Append("- **⚠ ").Append(Md(l.Type.ToName())).Append("** ").Append(Md(BaseName(report.FileOf(l.A.DocumentId)))).Append(" ↔ ")
                  .Append(Md(BaseName(report.FileOf(l.B.DocumentId)))).Append(": ").Append(Md(Shorten(l.A.Text, 90))).Append('\n');
            }

            foreach (var f in seriousFindings)
            {
                sb.Append("- **⚠ ").Append(Md(f.Severity.ToName())).Append(' ').Append(Md(f.Type.ToName())).Append("** ").Append(Md("[" + f.ReferenceId + "]")).Append(" in ")
                  .Append(Md(BaseName(report.FileOf(f.DocumentId)))).Append(", field ").Append(Md(f.Field)).Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append("Legend: link types ").Append(string.Join(", ", Enum.GetValues<LinkType>().Select(t => (ReportEmphasis.IsSerious(t) ? "⚠ " : string.Empty) + Md(t.ToName()))))
          .Append(" (⚠ serious); verdicts ⚠ error, ⚠ dead\\_link, ⚠ …\\_mismatch, warning, info; scores 0–1, how alike two texts are (1.00 the same words), not whether a claim is true.\n\n");
        foreach (var d in report.Documents)
        {
            sb.Append("## ").Append(Md(d.Title ?? BaseName(d.File))).Append("\n\n");
            if (d.Title is null)
            {
                sb.Append('_').Append(Md(NoHeadline(d))).Append("_\n\n");
            }

            sb.Append("File ").Append(Code(TerminalText.Neutralize(d.File))).Append(", language ").Append(Md(d.Language));
            if (d.Outlet is not null)
            {
                sb.Append(", outlet ").Append(Md(d.Outlet));
            }

            if (d.Date is not null)
            {
                sb.Append(", date ").Append(Md(d.Date));
            }

            sb.Append(".\n\n");
            foreach (var n in d.Notes)
            {
                sb.Append("> note: ").Append(Md(n)).Append("\n\n");
            }

            sb.Append("### References\n\n");
            if (d.FormattedBibliography.IsEmpty)
            {
                sb.Append(d.References.IsEmpty ? "_(none)_\n" : string.Empty);
                foreach (var item in d.References)
                {
                    sb.Append("- ").Append(Code(item.Id)).Append(' ').Append(Md(item.Title ?? "(no title)")).Append('\n');
                }
            }

            foreach (var entry in d.FormattedBibliography)
            {
                // Entries come from the CSL processor's Markdown output.
                sb.Append("- ").Append(MdEntry(entry.Replace('\n', ' '))).Append('\n');
            }

            sb.Append("\n### Claims with no source\n\n");
            if (d.UnsourcedClaimIds.IsEmpty)
            {
                sb.Append("_(none)_\n");
            }

            foreach (var c in d.Claims.Where(c => d.IsUnsourced(c.Id)))
            {
                sb.Append("- ").Append(Code(c.Id)).Append(' ').Append(Md(c.Text)).Append('\n');
            }

            sb.Append('\n');
        }

        if (report.CheckedLinks.Length > 0)
        {
            sb.Append("## Links among the checked documents\n\n");
            AppendMarkdownLinks(sb, report, report.CheckedLinks);
        }

        if (report.Store is { } store)
        {
            sb.Append("## Matches with stored documents\n\n").Append("Store ").Append(Code(store.Path)).Append(": ")
              .Append(store.ComparedDocuments.Length).Append(" of ").Append(store.DocumentsInStore).Append(" stored document(s) compared")
              .Append(Md(ReviewNote(store))).Append(".\n\n");
            if (report.StoreMatches.Length == 0)
            {
                sb.Append("(none)\n\n");
            }

            AppendMarkdownLinks(sb, report, report.StoreMatches);
        }

        if (report.Support.Length > 0)
        {
            sb.Append("## Claims supported by cited headlines\n\n");
            foreach (var group in report.Support.GroupBy(s => s.ClaimId, StringComparer.Ordinal))
            {
                sb.Append("- ").Append(Code(group.Key)).Append(' ').Append(Md(ClaimTextOf(report, group.First()))).Append('\n');
                foreach (var s in group)
                {
                    sb.Append("  - ← ").Append(Md(s.ReferenceTitle)).Append(" (").Append(Md(s.Type))
                      .Append(s.ReferenceDocumentId is null ? string.Empty : ", cited in " + Md(BaseName(report.FileOf(s.ReferenceDocumentId)))).Append(")\n");
                }
            }

            sb.Append('\n');
        }

        if (report.Findings.Length > 0)
        {
            sb.Append("## Verification findings\n\n");
            foreach (var f in report.Findings)
            {
                sb.Append("- ").Append(ReportEmphasis.IsSerious(f) ? "**⚠ " : "**").Append(Md(f.Severity.ToName())).Append(' ').Append(Md(f.Type.ToName())).Append("** ")
                  .Append(Md("[" + f.ReferenceId + "]")).Append(" in ").Append(Md(BaseName(report.FileOf(f.DocumentId)))).Append(", field ").Append(Md(f.Field))
                  .Append(": cited ").Append(f.Cited is null ? "–" : Md(f.Cited)).Append(", page ").Append(f.Page is null ? "–" : Md(f.Page))
                  .Append(f.Evidence is null ? string.Empty : ", " + Md(f.Evidence)).Append('\n');
            }

            sb.Append('\n');
        }

        foreach (var warning in report.Warnings)
        {
            sb.Append("> warning: ").Append(Md(warning)).Append("\n\n");
        }

        return sb.ToString();
    }

    /// <summary>A formatted entry keeps its Markdown emphasis; markup and controls from the input are neutralised.</summary>
    private static string MdEntry(string s) => TerminalText.Neutralize(s).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string BaseName(string file) => Path.GetFileName(file) is { Length: > 0 } name ? name : file;

    /// <summary>An inline code span that no backtick in the text can end early.</summary>
    private static string Code(string text) => "`" + text.Replace('`', '\'').Replace('\n', ' ') + "`";

    private static string ClaimTextOf(CheckReport report, ReferenceSupport support) =>
        report.FindClaim(support.ClaimId) is { } claim ? Shorten(claim.Text, ClaimTextLength) : string.Empty;

    /// <summary>Text for Markdown: one line, Markdown/HTML punctuation backslash-escaped (no emphasis, link, image or raw
    /// HTML can come from article text), http(s) URLs as autolinks.</summary>
    internal static string Md(string s)
    {
        s = TerminalText.Neutralize(s);
        var sb = new StringBuilder(s.Length + 8);
        foreach (var (part, isUrl) in SplitUrls(s.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ')))
        {
            if (isUrl)
            {
                sb.Append('<').Append(part).Append('>');
                continue;
            }

            foreach (char c in part)
            {
                if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '!' or '&' or '~')
                {
                    sb.Append('\\');
                }

                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
