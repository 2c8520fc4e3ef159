using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using SourceCheck.Documents.Web;
using SourceCheck.Text;

namespace SourceCheck.References;

/// <summary>Finds bibliography blocks in HTML (AngleSharp; page scripts are never run: AngleSharp has no script
/// engine unless one is added, and script/style/template elements are dropped before reading text).
/// <para>Order of attempts: (1) a heading element (h1–h6, or a short p/div/dt/strong that only holds a heading
/// word such as "References" or "Quellen:") followed by &lt;ol&gt;/&lt;ul&gt; items or a run of &lt;p&gt;
/// entries, up to the next heading; (2) a list inside an element whose id/class names a bibliography
/// ("references", "reflist", "bibliography", "footnotes", …); (3) the page text, block elements on their own
/// lines, given to <see cref="BibliographyDetector"/>.</para></summary>
internal static class HtmlBibliographyDetector
{
    /// <summary>Largest HTML read (characters); larger input is cut (the rest is ignored).</summary>
    public const int MaxHtmlChars = 32 * 1024 * 1024;

    private static readonly string[] BlockNames =
    [
        "P", "DIV", "LI", "UL", "OL", "DL", "DT", "DD", "H1", "H2", "H3", "H4", "H5", "H6", "SECTION", "ARTICLE", "ASIDE",
        "HEADER", "FOOTER", "BLOCKQUOTE", "TABLE", "TR", "TD", "TH", "PRE", "FIGURE", "FIGCAPTION", "MAIN", "NAV", "FORM", "BR", "HR",
    ];

    private static readonly string[] ContainerHints = ["references", "reflist", "refbegin", "bibliograph", "footnotes", "endnotes", "citations", "works-cited", "quellen", "literatur", "einzelnachweise"];

    public static ImmutableArray<BibliographyBlock> Detect(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = HtmlInput.Parse(html, out _, MaxHtmlChars, keepSourceReferences: true);
        foreach (var junk in document.QuerySelectorAll("script, style, template, noscript, svg, iframe, object").ToList())
        {
            junk.Remove();
        }

        var root = (IElement?)document.Body ?? document.DocumentElement;
        var blocks = ImmutableArray.CreateBuilder<BibliographyBlock>();
        var used = new HashSet<IElement>();
        foreach (var element in root.Descendants<IElement>())
        {
            string? heading = HeadingOf(element);
            if (heading is null || used.Contains(element))
            {
                continue;
            }

            var entries = new List<ReferenceEntry>();
            // A heading wrapped in other elements (<div class="title"><h2>References</h2></div>): climb until
            // something follows it.
            var anchor = element;
            for (int up = 0; up < 3 && anchor.NextElementSibling is null && anchor.ParentElement is { } parent && parent != root; up++)
            {
                anchor = parent;
            }

            for (var sibling = anchor.NextElementSibling; sibling is not null; sibling = sibling.NextElementSibling)
            {
                if (IsHeadingElement(sibling) || HeadingOf(sibling) is not null)
                {
                    break;
                }

                if (!Collect(sibling, entries, used))
                {
                    break;
                }
            }

            if (entries.Count > 0)
            {
                used.Add(element);
                used.UnionWith(element.Descendants<IElement>());
                blocks.Add(new BibliographyBlock(heading, SpanOf(element), [.. entries]));
            }
        }

        if (blocks.Count == 0)
        {
            foreach (var element in root.Descendants<IElement>())
            {
                if (element.LocalName is not ("ol" or "ul") || !HasContainerHint(element))
                {
                    continue;
                }

                var entries = new List<ReferenceEntry>();
                Collect(element, entries, used);
                if (entries.Count > 0)
                {
                    blocks.Add(new BibliographyBlock(null, SpanOf(element), [.. entries]));
                }
            }
        }

        if (blocks.Count == 0)
        {
            var sb = new StringBuilder();
            AppendText(root, sb);
            return BibliographyDetector.Detect(sb.ToString());
        }

        return blocks.ToImmutable();
    }

    /// <summary>Plain text of an HTML page, block elements on their own lines (used when no block is found).</summary>
    public static string ToText(string html)
    {
        using var document = HtmlInput.Parse(html, out _, MaxHtmlChars);
        foreach (var junk in document.QuerySelectorAll("script, style, template, noscript").ToList())
        {
            junk.Remove();
        }

        var sb = new StringBuilder();
        AppendText((IElement?)document.Body ?? document.DocumentElement, sb);
        return sb.ToString();
    }

    /// <summary>Adds the entries an element holds; false when it holds prose (the block has ended).</summary>
    private static bool Collect(IElement element, List<ReferenceEntry> entries, HashSet<IElement> used)
    {
        switch (element.LocalName)
        {
            case "ol" or "ul":
                foreach (var li in element.Children.Where(c => c.LocalName == "li"))
                {
                    string text = Clean(TextOf(li));
                    if (text.Length > 0)
                    {
                        entries.Add(new ReferenceEntry(text, SpanOf(li), LinksOf(li)));
                    }
                }

                used.Add(element);
                return true;

            case "dl":
                foreach (var dd in element.Children.Where(c => c.LocalName is "dd" or "dt"))
                {
                    string text = Clean(TextOf(dd));
                    if (text.Length > 0 && RefPatterns.LooksLikeReference(text))
                    {
                        entries.Add(new ReferenceEntry(text, SpanOf(dd), LinksOf(dd)));
                    }
                }

                return true;

            case "p" or "blockquote" or "pre":
            {
                string text = TextOf(element);
                if (string.IsNullOrWhiteSpace(text))
                {
                    return true;
                }

                var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (lines.Length > 1)
                {
                    var split = BibliographyDetector.Split(text);
                    if (split.Entries.Length == 0)
                    {
                        return false;
                    }

                    foreach (var entry in split.Entries)
                    {
                        entries.Add(entry with { Span = SpanOf(element) });
                    }

                    return true;
                }

                string one = Clean(text);
                if (!RefPatterns.LooksLikeReference(one))
                {
                    return entries.Count == 0 && one.Length < 3;
                }

                entries.Add(new ReferenceEntry(one, SpanOf(element), LinksOf(element)));
                return true;
            }

            case "div" or "section" or "aside" or "span":
            {
                int before = entries.Count;
                foreach (var child in element.Children)
                {
                    if (!Collect(child, entries, used))
                    {
                        break;
                    }
                }

                return entries.Count > before || element.Children.Length == 0 && string.IsNullOrWhiteSpace(element.TextContent);
            }

            case "br" or "hr":
                return true;

            default:
                return false;
        }
    }

    private static string? HeadingOf(IElement element)
    {
        bool headingTag = IsHeadingElement(element);
        if (!headingTag && element.LocalName is not ("p" or "div" or "dt" or "strong" or "b" or "span" or "caption" or "summary" or "header"))
        {
            return null;
        }

        // A heading holds a few inline elements at most; checking this first keeps the scan linear on big pages
        // (TextContent of a container is its whole subtree).
        if (element.Children.Length > 3 || element.Children.Any(c => c.Children.Length > 3))
        {
            return null;
        }

        string text = element.TextContent;
        if (text.Length > 80)
        {
            return null;
        }

        string trimmed = BibliographyDetector.Collapse(text).Trim().TrimEnd(':').Trim();
        if (!headingTag && element.Children.Any(c => c.LocalName is "ol" or "ul" or "p" or "div"))
        {
            return null;
        }

        // Allow a leading section number ("7. References").
        int k = 0;
        while (k < trimmed.Length && (char.IsDigit(trimmed[k]) || trimmed[k] is '.' or ' '))
        {
            k++;
        }

        string words = trimmed[k..];
        return BibliographyDetector.HeadingWords.Contains(words.ToLowerInvariant()) ? words : null;
    }

    private static bool IsHeadingElement(IElement e) => e.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    private static bool HasContainerHint(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            string attrs = ((e.Id ?? string.Empty) + " " + (e.ClassName ?? string.Empty)).ToLowerInvariant();
            if (ContainerHints.Any(attrs.Contains))
            {
                return true;
            }
        }

        return false;
    }

    private static TextSpan SpanOf(IElement element)
    {
        var pos = element.SourceReference?.Position;
        return pos is { } p ? new TextSpan(Math.Max(0, p.Position - 1), 0, p.Line, p.Column) : TextSpan.Empty;
    }

    /// <summary>Text with &lt;br&gt; and nested block boundaries as line breaks; link bars inside an entry
    /// ("Article · PubMed · Google Scholar") are left out (their addresses are kept by <see cref="LinksOf"/>).</summary>
    private static string TextOf(IElement element)
    {
        var sb = new StringBuilder();
        AppendText(element, sb, skipLinkBars: true);
        return sb.ToString().Trim();
    }

    /// <summary>The addresses of an entry's links, in document order (fragment-only and script links left out).</summary>
    private static ImmutableArray<string> LinksOf(IElement element)
    {
        var links = ImmutableArray.CreateBuilder<string>();
        foreach (var a in element.QuerySelectorAll("a[href]"))
        {
            string href = a.GetAttribute("href")!.Trim();
            if (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                links.Add(href);
            }

            if (links.Count >= 32)
            {
                break;
            }
        }

        return links.ToImmutable();
    }

    /// <summary>A block inside an entry that holds only short links ("Article", "PubMed", "Google Scholar", "CAS"),
    /// after some other content of the entry.</summary>
    private static bool IsLinkBar(IElement e)
    {
        if (e.LocalName is not ("p" or "div" or "span" or "ul") || e.PreviousElementSibling is null)
        {
            return false;
        }

        var anchors = e.QuerySelectorAll("a").ToList();
        if (anchors.Count == 0 || anchors.Any(a => a.TextContent.Trim().Length > 30))
        {
            return false;
        }

        int linkChars = anchors.Sum(a => a.TextContent.Count(char.IsLetterOrDigit));
        return e.TextContent.Count(char.IsLetterOrDigit) == linkChars;
    }

    private static void AppendText(INode node, StringBuilder sb, bool skipLinkBars = false)
    {
        foreach (var child in node.ChildNodes)
        {
            if (skipLinkBars && child is IElement bar && IsLinkBar(bar))
            {
                continue;
            }

            if (child is IText t)
            {
                sb.Append(t.Data.Replace('\n', ' ').Replace('\r', ' '));
            }
            else if (child is IElement { LocalName: "br" })
            {
                sb.Append('\n');
            }
            else if (child is IElement e)
            {
                bool block = BlockNames.Contains(e.TagName, StringComparer.OrdinalIgnoreCase);
                if (block)
                {
                    sb.Append('\n');
                }

                if (e.LocalName == "li" && e.ParentElement?.LocalName == "ul")
                {
                    sb.Append("• ");
                }

                AppendText(e, sb, skipLinkBars);
                if (block)
                {
                    sb.Append('\n');
                }
            }
        }
    }

    /// <summary>Collapses whitespace and drops back-link carets ("^ a b") and bullet characters at the start.</summary>
    private static string Clean(string text)
    {
        string s = BibliographyDetector.Collapse(text);
        if (s.StartsWith('^'))
        {
            s = s.TrimStart('^', ' ');
            while (s.Length > 2 && char.IsAsciiLetterLower(s[0]) && s[1] == ' ')
            {
                s = s[2..];
            }
        }

        var bullet = BibliographyDetector.BulletMarker().Match(s);
        return bullet.Success ? s[bullet.Length..] : s;
    }
}
