using System.Collections.Immutable;
using System.Text.Json;
using SourceCheck.Diagnostics;
using SourceCheck.Documents;
using SourceCheck.Text;

namespace SourceCheck.Claims;

/// <summary>One article and its claims, as <c>sourcecheck claims</c> lists them.</summary>
/// <param name="File">The name the article was given (its file name or path, or <c>&lt;stdin&gt;</c>).</param>
/// <param name="Article">The article read from text or HTML.</param>
/// <param name="Claims">Its check-worthy claims.</param>
/// <param name="Diagnostics">Notes from reading it (e.g. a page without a body).</param>
public sealed record ArticleClaims(string File, Article Article, IReadOnlyList<Claim> Claims, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>The <c>sourcecheck-claims/1</c> JSON format: each article's metadata and claims.</summary>
public static class ClaimsJson
{
    /// <summary>The schema name written into every document.</summary>
    public const string Schema = "sourcecheck-claims/1";

    /// <summary>The documents as indented JSON (UTF-8 text, "\n" line ends, final newline).</summary>
    public static string Write(IReadOnlyList<ArticleClaims> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteStartArray("documents");
            foreach (var document in documents)
            {
                WriteDocument(w, document);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteDocument(Utf8JsonWriter w, ArticleClaims document)
    {
        var article = document.Article;
        w.WriteStartObject();
        w.WriteString("file", document.File);
        w.WriteString("language", article.Language);
        w.WriteString("title", article.Title);
        w.WriteString("byline", article.Byline);
        w.WriteString("date", article.Date);
        w.WriteString("outlet", article.Outlet);
        w.WriteNumber("paragraphs", article.Paragraphs.Length);
        w.WriteNumber("links", article.Links.Length);
        if (article.Bibliography is { } bib)
        {
            w.WriteStartObject("bibliography");
            w.WriteString("heading", bib.Heading);
            w.WriteNumber("start", bib.Span.Start);
            w.WriteNumber("end", bib.Span.End);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("bibliography");
        }

        w.WriteStartArray("source_mentions");
        foreach (var m in article.SourceMentions)
        {
            w.WriteStartObject();
            w.WriteString("name", m.Name);
            w.WriteString("cue", m.Cue);
            w.WriteNumber("start", m.Span.Start);
            w.WriteNumber("end", m.Span.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("claims");
        foreach (var c in document.Claims)
        {
            w.WriteStartObject();
            ClaimJson.WriteFields(w, c);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
