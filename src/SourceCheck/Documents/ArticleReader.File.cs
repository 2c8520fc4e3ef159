using System.Collections.Immutable;
using System.Globalization;
using SourceCheck.Diagnostics;
using SourceCheck.Documents.Web;
using SourceCheck.Text;

namespace SourceCheck.Documents;

/// <summary>An article read from a file or paste, with the notes made while reading it (an HTML page without an
/// article body).</summary>
internal sealed record ArticleReadResult(Article Article, ImmutableArray<Diagnostic> Diagnostics);

internal static partial class ArticleReader
{
    /// <summary>The one entry point for an article file (text or HTML): HTML goes through the page reader
    /// (<see cref="PageReader"/>: metadata and the main body, without navigation, teasers, captions' containers
    /// and scripts); the article text is the page title, a blank line and the body paragraphs. An HTML page that
    /// yields no body gives an article with the title only and a warning <see cref="DiagnosticCodes.HtmlWithoutBody"/>.</summary>
    public static ArticleReadResult ReadFile(string content, string? name = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        content = TextNormalizer.ReplaceLoneSurrogates(content);
        if (!LooksLikeHtml(content))
        {
            return new ArticleReadResult(FromText(content, name, language), []);
        }

        var page = PageReader.Read(content);
        return FromPage(page, name, language);
    }

    /// <summary>An <see cref="Article"/> from a page read by <see cref="PageReader"/> (see <see cref="ReadFile"/>).</summary>
    public static ArticleReadResult FromPage(WebPage page, string? name = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var meta = page.Metadata;
        string? title = meta.Title?.Value is { Length: > 0 } t ? WebText.Clean(t) : null;
        string body = page.Body.Trim();
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        if (body.Length == 0)
        {
            diagnostics = [new Diagnostic(DiagnosticCodes.HtmlWithoutBody, Severity.Warning, new TextSpan(0, 0),
                "the HTML page has no article body that could be read; no claims were taken from it", name)];
        }

        // the body may repeat the headline as its first paragraph
        if (title is not null && body.StartsWith(title, StringComparison.Ordinal) && (body.Length == title.Length || body[title.Length] == '\n'))
        {
            body = body[title.Length..].TrimStart('\n');
        }

        string text = title is null ? body : body.Length == 0 ? title : title + "\n\n" + body;
        string? lang = language ?? (meta.Language?.Value is { Length: >= 2 } l ? l[..2].ToLowerInvariant() : null);
        string? byline = meta.Authors.IsDefaultOrEmpty ? null : string.Join(", ", meta.Authors.Select(a => a.Value));
        string? date = meta.Published?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var article = FromText(text, name, lang is "de" or "en" ? lang : null, title, byline, date, meta.Site?.Value, Links(text, title?.Length ?? 0, page.Anchors));
        return new ArticleReadResult(article, diagnostics);
    }

    /// <summary>The page's links placed in the article text: each anchor text found in order after the title.</summary>
    private static List<ArticleLink> Links(string text, int from, ImmutableArray<(string Text, string Url)> anchors)
    {
        var links = new List<ArticleLink>();
        int at = from;
        foreach (var (label, url) in anchors)
        {
            int i = text.IndexOf(label, at, StringComparison.Ordinal);
            if (i < 0)
            {
                continue;
            }

            links.Add(new ArticleLink(url, label, new TextSpan(i, label.Length)));
            at = i + label.Length;
        }

        return links;
    }
}
