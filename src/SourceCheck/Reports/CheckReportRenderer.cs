using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Verification;

namespace SourceCheck.Reports;

public enum ReportFormat
{
    Text,
    Json,
    Markdown,
    Html,
}

/// <summary>Renders a <see cref="CheckReport"/> as JSON (schema <c>sourcecheck-check/1</c>; fields added since the
/// first release — "opening", "supported_claims", "claim_text", "reference_document" — are additions only), plain text,
/// Markdown or one self-contained HTML file. Summary first, details after; deterministic order.</summary>
public static class CheckReportRenderer
{
    public static string Render(CheckReport report, ReportFormat format) => format switch
    {
        ReportFormat.Json => Json(report),
        ReportFormat.Markdown => Markdown(report),
        ReportFormat.Html => Html(report),
        _ => Text(report),
    };

    // ------------------------------------------------------------------ JSON

    public static string Json(CheckReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        }))
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
                    WriteClaim(w, c, d.UnsourcedClaimIds.Contains(c.Id));
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
                w.WriteString("type", f.Type);
                w.WriteString("severity", f.Severity);
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
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteClaim(Utf8JsonWriter w, Claim c, bool unsourced)
    {
        w.WriteStartObject();
        ClaimJson.WriteFields(w, c);
        w.WriteBoolean("unsourced", unsourced);
        w.WriteEndObject();
    }

    // ------------------------------------------------------------------ text

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

            var unsourced = d.Claims.Where(c => d.UnsourcedClaimIds.Contains(c.Id)).ToList();
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

        if (report.Links.Length > 0)
        {
            sb.Append("Cross-article links (").Append(report.Links.Length).Append("):\n");
            foreach (var link in report.Links)
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
                sb.Append("  ").Append(f.Severity).Append(' ').Append(f.Type).Append(": [").Append(f.ReferenceId).Append("] in ")
                  .Append(report.FileOf(f.DocumentId)).Append(", field ").Append(f.Field)
                  .Append(": cited ").Append(Quoted(f.Cited)).Append(", page ").Append(Quoted(f.Page)).Append('\n');
                if (f.Type is VerdictReport.VerdictType or VerdictReport.NoticeType or VerdictReport.PassageType && f.Evidence is { Length: > 0 } why)
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
        report.IsReportDocument(claim.DocumentId) ? $"[{claim.Id}] " : $"[{claim.Id}] ({report.FileOf(claim.DocumentId)}) ";

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
        $"{r.UnsourcedCount} without a source, {r.SupportedClaimCount} supported by cited headlines, {r.Links.Length} cross-article link(s), {r.Findings.Length} verification finding(s)";

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

    public static string Markdown(CheckReport report)
    {
        var sb = new StringBuilder();
        sb.Append("# SourceCheck report\n\n");
        sb.Append("**Summary:** ").Append(Summary(report)).Append(". Style: ").Append(report.Style).Append(".\n\n");
        foreach (var d in report.Documents)
        {
            sb.Append("## ").Append(Md(d.Title ?? d.File)).Append("\n\n");
            if (d.Title is null)
            {
                sb.Append('_').Append(Md(NoHeadline(d))).Append("_\n\n");
            }

            sb.Append("File `").Append(d.File).Append("`, language ").Append(d.Language);
            if (d.Outlet is not null)
            {
                sb.Append(", outlet ").Append(Md(d.Outlet));
            }

            sb.Append(".\n\n");
            foreach (var n in d.Notes)
            {
                sb.Append("> note: ").Append(Md(n)).Append("\n\n");
            }

            sb.Append("### References\n\n");
            if (d.FormattedBibliography.IsEmpty)
            {
                sb.Append("_(none)_\n");
            }

            foreach (var entry in d.FormattedBibliography)
            {
                sb.Append("- ").Append(entry).Append('\n');
            }

            sb.Append("\n### Claims with no source\n\n");
            if (d.UnsourcedClaimIds.IsEmpty)
            {
                sb.Append("_(none)_\n");
            }

            foreach (var c in d.Claims.Where(c => d.UnsourcedClaimIds.Contains(c.Id)))
            {
                sb.Append("- `").Append(c.Id).Append("` ").Append(Md(c.Text)).Append('\n');
            }

            sb.Append('\n');
        }

        if (report.Links.Length > 0)
        {
            sb.Append("## Cross-article links\n\n| type | score | claim A | claim B |\n|---|---:|---|---|\n");
            foreach (var l in report.Links)
            {
                sb.Append("| ").Append(l.Type.ToName()).Append(" | ").Append(l.Score.ToString("0.00", CultureInfo.InvariantCulture))
                  .Append(" | ").Append(Md(report.FileOf(l.A.DocumentId))).Append(": ").Append(Md(l.A.Text))
                  .Append(" | ").Append(Md(report.FileOf(l.B.DocumentId))).Append(": ").Append(Md(l.B.Text)).Append(" |\n");
            }

            sb.Append('\n');
        }

        if (report.Support.Length > 0)
        {
            sb.Append("## Claims supported by cited headlines\n\n");
            foreach (var group in report.Support.GroupBy(s => s.ClaimId, StringComparer.Ordinal))
            {
                sb.Append("- `").Append(group.Key).Append("` ").Append(Md(ClaimTextOf(report, group.First()))).Append('\n');
                foreach (var s in group)
                {
                    sb.Append("  - ← ").Append(Md(s.ReferenceTitle)).Append(" (").Append(s.Type)
                      .Append(s.ReferenceDocumentId is null ? string.Empty : ", cited in " + Md(report.FileOf(s.ReferenceDocumentId))).Append(")\n");
                }
            }

            sb.Append('\n');
        }

        if (report.Findings.Length > 0)
        {
            sb.Append("## Verification findings\n\n| severity | type | reference | field | cited | page | evidence |\n|---|---|---|---|---|---|---|\n");
            foreach (var f in report.Findings)
            {
                sb.Append("| ").Append(f.Severity).Append(" | ").Append(f.Type).Append(" | ").Append(Md(f.ReferenceId)).Append(" | ").Append(f.Field)
                  .Append(" | ").Append(Md(f.Cited ?? "")).Append(" | ").Append(Md(f.Page ?? "")).Append(" | ").Append(Md(f.Evidence ?? "")).Append(" |\n");
            }
        }

        return sb.ToString();
    }

    private static string ClaimTextOf(CheckReport report, ReferenceSupport support) =>
        report.FindClaim(support.ClaimId) is { } claim ? Shorten(claim.Text, ClaimTextLength) : string.Empty;

    private static string Md(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    // ------------------------------------------------------------------ HTML

    /// <summary>One self-contained HTML file (inline CSS, no scripts, no external resources).</summary>
    public static string Html(CheckReport report)
    {
        static string H(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>SourceCheck report</title>\n<style>\n")
          .Append("body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\n")
          .Append("h1,h2,h3{line-height:1.2}.summary{background:#f4f6f8;padding:.75rem 1rem;border-radius:6px}\n")
          .Append(".bib li{padding-left:2em;text-indent:-2em;list-style:none}.claim{margin:.25rem 0}\n")
          .Append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}\n")
          .Append(".type{font-family:monospace;white-space:nowrap}.sev-error{color:#b00}.sev-warning{color:#a60}\n")
          .Append("</style>\n</head>\n<body>\n<h1>SourceCheck report</h1>\n");
        sb.Append("<p class=\"summary\">").Append(H(Summary(report))).Append(". Style: ").Append(H(report.Style)).Append(".</p>\n");
        foreach (var d in report.Documents)
        {
            sb.Append("<section>\n<h2>").Append(H(d.Title ?? d.File)).Append("</h2>\n")
              .Append(d.Title is null ? "<p><em>" + H(NoHeadline(d)) + "</em></p>\n" : string.Empty).Append("<p>File <code>").Append(H(d.File)).Append("</code>, language ")
              .Append(H(d.Language)).Append(d.Outlet is null ? string.Empty : ", outlet " + H(d.Outlet)).Append("</p>\n");
            foreach (var n in d.Notes)
            {
                sb.Append("<p class=\"note\">note: ").Append(H(n)).Append("</p>\n");
            }

            sb.Append("<h3>References</h3>\n<ul class=\"bib\">\n");
            if (d.FormattedBibliography.IsEmpty)
            {
                sb.Append("<li><em>(none)</em></li>\n");
            }

            foreach (var entry in d.FormattedBibliography)
            {
                // Entries are rendered by the CSL processor's HTML output (already escaped markup).
                sb.Append("<li>").Append(entry).Append("</li>\n");
            }

            sb.Append("</ul>\n<h3>Claims with no source</h3>\n<ul>\n");
            if (d.UnsourcedClaimIds.IsEmpty)
            {
                sb.Append("<li><em>(none)</em></li>\n");
            }

            foreach (var c in d.Claims.Where(c => d.UnsourcedClaimIds.Contains(c.Id)))
            {
                sb.Append("<li class=\"claim\"><code>").Append(H(c.Id)).Append("</code> ").Append(H(c.Text)).Append("</li>\n");
            }

            sb.Append("</ul>\n</section>\n");
        }

        if (report.Links.Length > 0)
        {
            sb.Append("<h2>Cross-article links</h2>\n<table>\n<tr><th>type</th><th>score</th><th>claim A</th><th>claim B</th><th>evidence</th></tr>\n");
            foreach (var l in report.Links)
            {
                sb.Append("<tr><td class=\"type\">").Append(H(l.Type.ToName())).Append("</td><td>").Append(l.Score.ToString("0.00", CultureInfo.InvariantCulture))
                  .Append("</td><td><small>").Append(H(report.FileOf(l.A.DocumentId))).Append("</small><br>").Append(H(l.A.Text))
                  .Append("</td><td><small>").Append(H(report.FileOf(l.B.DocumentId))).Append("</small><br>").Append(H(l.B.Text))
                  .Append("</td><td>").Append(H(string.Join("; ", l.Evidence))).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        if (report.Support.Length > 0)
        {
            sb.Append("<h2>Claims supported by cited headlines</h2>\n<ul>\n");
            foreach (var group in report.Support.GroupBy(s => s.ClaimId, StringComparer.Ordinal))
            {
                sb.Append("<li><code>").Append(H(group.Key)).Append("</code> ").Append(H(ClaimTextOf(report, group.First()))).Append("\n<ul>\n");
                foreach (var s in group)
                {
                    sb.Append("<li>← ").Append(H(s.ReferenceTitle)).Append(" <span class=\"type\">(").Append(H(s.Type))
                      .Append(s.ReferenceDocumentId is null ? string.Empty : ", cited in " + H(report.FileOf(s.ReferenceDocumentId))).Append(")</span></li>\n");
                }

                sb.Append("</ul></li>\n");
            }

            sb.Append("</ul>\n");
        }

        if (report.Findings.Length > 0)
        {
            sb.Append("<h2>Verification findings</h2>\n<table>\n<tr><th>severity</th><th>type</th><th>reference</th><th>field</th><th>cited</th><th>page</th><th>evidence</th></tr>\n");
            foreach (var f in report.Findings)
            {
                // A page address (the cited work, or its archived copy) is a link.
                string page = f.Page is { } p && Uri.TryCreate(p, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
                    ? "<a href=\"" + H(u.AbsoluteUri) + "\" rel=\"noopener noreferrer\">" + H(p) + "</a>"
                    : H(f.Page);
                sb.Append("<tr class=\"sev-").Append(H(f.Severity)).Append("\"><td>").Append(H(f.Severity)).Append("</td><td class=\"type\">").Append(H(f.Type))
                  .Append("</td><td>").Append(H(f.ReferenceId)).Append("</td><td>").Append(H(f.Field)).Append("</td><td>").Append(H(f.Cited))
                  .Append("</td><td>").Append(page).Append("</td><td>").Append(H(f.Evidence)).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        foreach (var warning in report.Warnings)
        {
            sb.Append("<p class=\"sev-warning\">").Append(H(warning)).Append("</p>\n");
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }
}
