using System.Text;
using AngleSharp.Dom;
using SourceCheck.Documents.Web;

namespace SourceCheck.Documents;

/// <summary>HTML to <see cref="Article"/>: parses with AngleSharp (no scripting, no resources loaded), takes
/// metadata from meta tags (og:title, author, article:published_time, og:site_name, html lang) and the main
/// text from &lt;article&gt;, &lt;main&gt; or the element with the most paragraph text (a simple body-text
/// heuristic). The article text is built as title + blank line + one paragraph per block element; spans
/// (paragraphs, links) refer to that text.</summary>
public static class ArticleHtmlReader
{
    /// <summary>Largest HTML input parsed (characters).</summary>
    public const int MaxHtmlLength = 20_000_000;

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "nav", "header", "footer", "aside", "form",
        "button", "select", "object", "embed", "canvas", "audio", "video", "figure",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption",
        "div", "section", "article", "main", "ul", "ol", "table", "tr", "br", "hr",
    };

    public static Article Read(string html, string? name = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = HtmlInput.Parse(html, out _, MaxHtmlLength);
        string? title = Meta(document, "og:title") ?? document.QuerySelector("h1")?.TextContent ?? document.Title;
        title = Collapse(title);
        string? byline = Meta(document, "author") ?? Meta(document, "article:author") ?? document.QuerySelector("[rel=author], .byline, .author")?.TextContent;
        string? date = Meta(document, "article:published_time") ?? Meta(document, "date") ?? Meta(document, "pubdate")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        string? outlet = Meta(document, "og:site_name") ?? Meta(document, "application-name");
        string? lang = language ?? document.DocumentElement?.GetAttribute("lang");
        if (lang is { Length: >= 2 })
        {
            lang = lang[..2].ToLowerInvariant();
        }

        var root = FindMain(document);
        var builder = new Builder();
        if (!string.IsNullOrEmpty(title))
        {
            builder.AppendText(title);
            builder.EndBlock();
        }

        if (root is not null)
        {
            builder.Walk(root);
        }

        builder.EndBlock();
        string text = builder.Text.ToString().TrimEnd('\n');
        // drop a repeated title paragraph at the start of the body
        if (!string.IsNullOrEmpty(title) && text.StartsWith(title + "\n\n" + title + "\n", StringComparison.Ordinal))
        {
            int cut = title.Length + 2;
            text = text[cut..];
            builder.ShiftLinks(-cut);
        }

        var links = builder.Links.Where(l => l.Span.Start >= 0 && l.Span.End <= text.Length).ToList();
        return ArticleReader.FromText(text, name, lang is "de" or "en" ? lang : null, title, Collapse(byline), date, Collapse(outlet), links);
    }

    private static string? Meta(IDocument document, string key)
    {
        foreach (var m in document.QuerySelectorAll("meta"))
        {
            if (string.Equals(m.GetAttribute("property"), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(m.GetAttribute("name"), key, StringComparison.OrdinalIgnoreCase))
            {
                string? v = m.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(v))
                {
                    return v.Trim();
                }
            }
        }

        return null;
    }

    private static string? Collapse(string? s) => s is null ? null : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } r ? r : null;

    /// <summary>&lt;article&gt;, &lt;main&gt;, [role=main], else the element whose direct &lt;p&gt; children
    /// hold the most text, else &lt;body&gt;.</summary>
    private static IElement? FindMain(IDocument document)
    {
        var candidate = document.QuerySelectorAll("article").OrderByDescending(e => e.TextContent.Length).FirstOrDefault()
            ?? document.QuerySelector("main") ?? document.QuerySelector("[role=main]");
        if (candidate is not null)
        {
            return candidate;
        }

        IElement? best = null;
        int bestScore = 0;
        foreach (var p in document.QuerySelectorAll("p"))
        {
            var parent = p.ParentElement;
            if (parent is null)
            {
                continue;
            }

            int score = parent.Children.Where(c => c.LocalName == "p").Sum(c => c.TextContent.Length);
            if (score > bestScore)
            {
                bestScore = score;
                best = parent;
            }
        }

        return best ?? document.Body;
    }

    private sealed class Builder
    {
        public StringBuilder Text { get; } = new();

        public List<ArticleLink> Links { get; } = [];

        private bool _pendingSpace;

        public void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IElement el)
                {
                    if (Dropped.Contains(el.LocalName) || el.HasAttribute("hidden") || string.Equals(el.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    bool block = Blocks.Contains(el.LocalName);
                    if (block)
                    {
                        EndBlock();
                    }

                    if (el.LocalName == "li")
                    {
                        AppendText("• ");
                    }

                    if (el.LocalName == "a" && el.GetAttribute("href") is { Length: > 0 } href && !href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                    {
                        int before = Text.Length + (_pendingSpace ? 1 : 0);
                        Walk(el);
                        int after = Text.Length;
                        if (after > before)
                        {
                            Links.Add(new ArticleLink(href, Text.ToString(before, after - before), new SourceCheck.Text.TextSpan(before, after - before)));
                        }
                        else
                        {
                            Links.Add(new ArticleLink(href, string.Empty, new SourceCheck.Text.TextSpan(Math.Max(0, Text.Length), 0)));
                        }
                    }
                    else
                    {
                        Walk(el);
                    }

                    if (block)
                    {
                        EndBlock();
                    }
                }
                else if (child.NodeType == NodeType.Text)
                {
                    AppendText(child.TextContent);
                }
            }
        }

        public void AppendText(string s)
        {
            foreach (char raw in s)
            {
                char c = raw == '\u00A0' ? ' ' : raw;
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = Text.Length > 0 && Text[^1] != '\n';
                    continue;
                }

                if (_pendingSpace)
                {
                    Text.Append(' ');
                    _pendingSpace = false;
                }

                Text.Append(c);
            }
        }

        public void EndBlock()
        {
            _pendingSpace = false;
            if (Text.Length == 0)
            {
                return;
            }

            while (Text.Length > 0 && Text[^1] == ' ')
            {
                Text.Length--;
            }

            if (Text.Length >= 2 && Text[^1] == '\n' && Text[^2] == '\n')
            {
                return;
            }

            Text.Append(Text[^1] == '\n' ? "\n" : "\n\n");
        }

        public void ShiftLinks(int delta)
        {
            for (int i = 0; i < Links.Count; i++)
            {
                var l = Links[i];
                Links[i] = l with { Span = l.Span with { Start = l.Span.Start + delta } };
            }
        }
    }
}
