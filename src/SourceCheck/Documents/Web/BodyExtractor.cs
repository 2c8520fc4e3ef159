using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SourceCheck.Text;

namespace SourceCheck.Documents.Web;

/// <summary>Finds a page's main text (readability-style): strips scripts, navigation, asides and elements whose
/// class or id marks them as comments, related links, sharing, promotions; scores containers by the paragraphs
/// they hold (length, commas, link density, class/id hints), takes the best one with its related siblings and
/// renders it as paragraphs separated by blank lines. Works iteratively, so deeply nested pages cannot exhaust
/// the stack. The document is modified.</summary>
internal static partial class BodyExtractor
{
    private static readonly Regex Unlikely = UnlikelyPattern();

    private static readonly Regex MaybeCandidate = MaybeCandidatePattern();

    private static readonly Regex Positive = PositivePattern();

    private static readonly Regex Negative = NegativePattern();

    private static readonly HashSet<string> RemoveTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button", "input", "select", "textarea", "nav", "footer",
        "aside", "object", "embed", "video", "audio", "map", "dialog", "link", "meta", "head", "title", "math", "picture", "source", "img",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table", "tr",
        "dl", "dt", "dd", "figure", "figcaption", "header", "address", "hr", "center", "details", "summary", "caption", "tbody", "thead",
    };

    private static readonly HashSet<string> ParagraphTags = new(StringComparer.OrdinalIgnoreCase) { "p", "pre", "td", "blockquote", "h2", "h3", "li" };

    private static readonly Regex Junk = JunkPattern();

    /// <param name="lenient">Second pass for pages where the first found almost nothing: class/id hints are not
    /// used to remove elements.</param>
    public static string Extract(IDocument doc, string? title, bool lenient = false)
    {
        var body = doc.Body;
        if (body is null)
        {
            return string.Empty;
        }

        Prune(body, lenient);
        var stats = ComputeStats(body);
        var scores = Score(body, stats);
        IElement? top = null;
        double topScore = 0;
        foreach (var (e, s) in scores)
        {
            double adjusted = s * (1 - LinkDensity(e, stats));
            if (adjusted > topScore)
            {
                topScore = adjusted;
                top = e;
            }
        }

        if (top is null)
        {
            return Render([body], stats, title);
        }

        // Several strong candidates under one ancestor: that ancestor holds the article.
        var strong = scores.Where(kv => kv.Key != top && kv.Value * (1 - LinkDensity(kv.Key, stats)) >= topScore * 0.75).Select(kv => kv.Key).ToList();
        if (strong.Count >= 2)
        {
            for (var p = top.ParentElement; p is not null && p != body; p = p.ParentElement)
            {
                if (strong.Count(s => p.Contains(s)) >= 2)
                {
                    top = p;
                    break;
                }
            }
        }

        // A candidate that is the only child of its parent: the parent is the same container.
        while (top.ParentElement is { } parent && parent != body && parent.ChildElementCount == 1)
        {
            top = parent;
        }

        var parts = new List<IElement>();
        double threshold = Math.Max(10, topScore * 0.2);
        if (top.ParentElement is { } container && top != body)
        {
            string topClass = top.ClassName ?? string.Empty;
            foreach (var sib in container.Children)
            {
                if (sib == top)
                {
                    parts.Add(sib);
                    continue;
                }

                double bonus = topClass.Length > 0 && sib.ClassName == topClass ? topScore * 0.2 : 0;
                double s = scores.TryGetValue(sib, out var v) ? v * (1 - LinkDensity(sib, stats)) : 0;
                if (s + bonus >= threshold)
                {
                    parts.Add(sib);
                }
                else if (sib.LocalName == "p")
                {
                    int len = stats.TryGetValue(sib, out var st) ? st.Text : 0;
                    double ld = LinkDensity(sib, stats);
                    string text = WebText.Clean(sib.TextContent);
                    if ((len > 80 && ld < 0.25) || (len is > 0 and <= 80 && ld == 0 && (text.EndsWith('.') || text.Contains(". ", StringComparison.Ordinal))))
                    {
                        parts.Add(sib);
                    }
                }
            }
        }
        else
        {
            parts.Add(top);
        }

        return Render(parts, stats, title);
    }

    private static string ClassAndId(IElement e) => (e.GetAttribute("class") ?? string.Empty) + " " + (e.GetAttribute("id") ?? string.Empty);

    private static void Prune(IElement body, bool lenient)
    {
        var remove = new List<IElement>();
        var stack = new Stack<IElement>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e != body && ShouldRemove(e, lenient))
            {
                remove.Add(e);
                continue;
            }

            // Children is a live collection whose indexer walks the child list: taken once (linear, not quadratic).
            var children = e.Children.ToArray();
            for (int i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        foreach (var e in remove)
        {
            e.Remove();
        }
    }

    private static bool ShouldRemove(IElement e, bool lenient)
    {
        string tag = e.LocalName;
        if (RemoveTags.Contains(tag))
        {
            return true;
        }

        if (e.HasAttribute("hidden") || e.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        string? style = e.GetAttribute("style");
        if (style is not null && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        string? role = e.GetAttribute("role");
        if (role is "menu" or "menubar" or "complementary" or "navigation" or "alert" or "alertdialog" or "dialog" or "banner" or "contentinfo" or "search")
        {
            return true;
        }

        string ci = ClassAndId(e);
        if (ci.Length > 1 && HoverCardPattern().IsMatch(ci))
        {
            return true; // a name's hover-card (photo, the name again, links to other stories) sits inside the sentence naming the person
        }

        if (lenient || tag is "article" or "main" or "body" or "html" or "p" or "h1" or "h2" or "h3" or "table" or "tbody" or "tr" or "td" or "pre" or "code")
        {
            return false;
        }

        if (ci.Length > 1 && Unlikely.IsMatch(ci) && !MaybeCandidate.IsMatch(ci) && !HoldsDeliveredProse(e, ci))
        {
            return true;
        }

        if (tag == "header" && (e.QuerySelector("nav") is not null || e.ParentElement?.LocalName == "body"))
        {
            return true;
        }

        return false;
    }

    /// <summary>A "paywall" container that holds the article's paragraphs (at least two of 400+ characters in all): the
    /// saved page delivered the text, so it is article prose, not a subscription prompt.</summary>
    private static bool HoldsDeliveredProse(IElement e, string classAndId)
    {
        if (!classAndId.Contains("paywall", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        int paragraphs = 0, chars = 0;
        foreach (var c in e.Children)
        {
            if (c.LocalName == "p")
            {
                paragraphs++;
                chars += c.TextContent.Length;
            }
        }

        return paragraphs >= 2 && chars >= 400;
    }

    /// <summary>Non-space characters, those inside links, and the clause commas (<see cref="IsClauseComma"/>) of an
    /// element's text, summed bottom-up once: reading <c>TextContent</c> per paragraph copied the whole subtree's text
    /// for each of 400 nested blockquotes (1.9 MB page: 27 s CPU).</summary>
    private readonly record struct Stat(int Text, int Link, int Commas = 0);

    private static bool IsClauseComma(char c) => c is ',' or '，' or '、';

    private static Dictionary<IElement, Stat> ComputeStats(IElement root)
    {
        var stats = new Dictionary<IElement, Stat>();
        var stack = new Stack<(IElement E, bool Done)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (e, done) = stack.Pop();
            if (!done)
            {
                stack.Push((e, true));
                foreach (var c in e.Children)
                {
                    stack.Push((c, false));
                }

                continue;
            }

            int text = 0;
            int link = 0;
            int commas = 0;
            foreach (var n in e.ChildNodes)
            {
                if (n is IText t)
                {
                    text += CountNonSpace(t.Data);
                    commas += t.Data.Count(IsClauseComma);
                }
                else if (n is IElement c && stats.TryGetValue(c, out var cs))
                {
                    text += cs.Text;
                    link += c.LocalName == "a" ? cs.Text : cs.Link;
                    commas += cs.Commas;
                }
            }

            stats[e] = new Stat(text, link, commas);
        }

        return stats;
    }

    private static int CountNonSpace(string s)
    {
        int n = 0;
        bool space = true;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    n++;
                }

                space = true;
            }
            else
            {
                n++;
                space = false;
            }
        }

        return n;
    }

    private static double LinkDensity(IElement e, Dictionary<IElement, Stat> stats) =>
        stats.TryGetValue(e, out var s) && s.Text > 0 ? (double)s.Link / s.Text : 0;

    private static int ClassWeight(IElement e)
    {
        int w = 0;
        foreach (var v in new[] { e.GetAttribute("class"), e.GetAttribute("id") })
        {
            if (string.IsNullOrEmpty(v))
            {
                continue;
            }

            if (Negative.IsMatch(v))
            {
                w -= 25;
            }

            if (Positive.IsMatch(v))
            {
                w += 25;
            }
        }

        if (e.GetAttribute("itemprop") is { } ip && ip.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
        {
            w += 50;
        }

        return w;
    }

    private static double InitialScore(IElement e)
    {
        double s = e.LocalName switch
        {
            "div" or "article" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (e.LocalName == "article")
        {
            s += 10;
        }

        return s + ClassWeight(e);
    }

    private static Dictionary<IElement, double> Score(IElement body, Dictionary<IElement, Stat> stats)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var e in Descendants(body))
        {
            bool para = ParagraphTags.Contains(e.LocalName) && e.LocalName is not ("h2" or "h3" or "li");
            if (!para && e.LocalName is "div" or "section" or "span" or "font")
            {
                // A div with direct text and no block children counts as a paragraph.
                para = e.ChildNodes.OfType<IText>().Any(t => t.Data.Trim().Length > 25) && !e.Children.Any(c => BlockTags.Contains(c.LocalName));
            }

            if (!para)
            {
                if (e.LocalName is "div" or "section" or "article" or "td" && DirectText(e) is { Length: >= 80 } direct)
                {
                    // Text written straight into a container between block children ("Intro<br>text<h2>..</h2>more<br>"),
                    // which Readability wraps into paragraphs of that container: the container scores like a paragraph's
                    // parent. At least a sentence or two (as for sibling paragraphs below), not a dateline or byline.
                    AddScore(scores, e, 1 + direct.Count(IsClauseComma) + Math.Min(Math.Floor(CountNonSpace(direct) / 100.0), 3), 0);
                }

                continue;
            }

            int len = stats.TryGetValue(e, out var st) ? st.Text : 0;
            if (len < 25)
            {
                continue;
            }

            double score = 1 + st.Commas + Math.Min(Math.Floor(len / 100.0), 3);
            AddScore(scores, e.ParentElement, score, 0);
        }

        return scores;
    }

    /// <summary>Adds a paragraph's score to its container and, decreasing, to the container's ancestors.</summary>
    private static void AddScore(Dictionary<IElement, double> scores, IElement? container, double score, int level)
    {
        for (var a = container; a is not null && level < 3; a = a.ParentElement, level++)
        {
            if (a.LocalName is "html")
            {
                break;
            }

            if (!scores.ContainsKey(a))
            {
                scores[a] = InitialScore(a);
            }

            scores[a] += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        }
    }

    /// <summary>The phrasing text of an element that has block children: its own text nodes and inline children
    /// (links, emphasis), without the block children's text.</summary>
    private static string DirectText(IElement e)
    {
        if (!e.Children.Any(c => BlockTags.Contains(c.LocalName)))
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var n in e.ChildNodes)
        {
            if (n is IText t)
            {
                sb.Append(t.Data);
            }
            else if (n is IElement c && !BlockTags.Contains(c.LocalName) && c.LocalName is "a" or "b" or "strong" or "i" or "em" or "span" or "font" or "u" or "sup" or "sub" or "code" or "abbr" or "q" or "cite" or "mark" or "small")
            {
                sb.Append(c.TextContent);
            }
        }

        return WebText.Clean(sb.ToString());
    }

    private static IEnumerable<IElement> Descendants(IElement root)
    {
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e != root)
            {
                yield return e;
            }

            // Children is a live collection whose indexer walks the child list: taken once (linear, not quadratic).
            var children = e.Children.ToArray();
            for (int i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    /// <summary>Renders elements as paragraphs: block elements start new paragraphs, <c>br</c> a new line; lists
    /// and boxes that are mostly links are left out, as are h1 titles repeated from the metadata.</summary>
    private static string Render(IEnumerable<IElement> roots, Dictionary<IElement, Stat> stats, string? title)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        string titleKey = TextFolding.PageTextKey(title);

        void Flush()
        {
            string p = WebText.Clean(current.ToString());
            current.Clear();
            if (p.Length == 0 || (p.Length < 40 && Junk.IsMatch(p)))
            {
                return;
            }

            if (paragraphs.Count > 0 && paragraphs[^1] == p && p.Length < 80)
            {
                return;
            }

            paragraphs.Add(p);
        }

        foreach (var root in roots)
        {
            var stack = new Stack<(INode Node, bool Exit)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (node, exit) = stack.Pop();
                if (node is IText t)
                {
                    current.Append(t.Data);
                    continue;
                }

                if (node is not IElement e)
                {
                    continue;
                }

                bool block = BlockTags.Contains(e.LocalName);
                if (exit)
                {
                    if (block)
                    {
                        Flush();
                    }
                    else if (e.LocalName is "td" or "th")
                    {
                        current.Append(' ');
                    }

                    continue;
                }

                if (e.LocalName == "br")
                {
                    current.Append('\n');
                    continue;
                }

                if (e != root && SkipInRender(e, stats, titleKey))
                {
                    continue;
                }

                if (block)
                {
                    Flush();
                }

                stack.Push((e, true));
                for (int i = e.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push((e.ChildNodes[i], false));
                }
            }

            Flush();
        }

        return string.Join("\n\n", paragraphs);
    }

    private static bool TitleLike(string key, string titleKey) =>
        key == titleKey || (key.Length > 10 && (titleKey.Contains(key, StringComparison.Ordinal) || key.Contains(titleKey, StringComparison.Ordinal)));

    private static bool SkipInRender(IElement e, Dictionary<IElement, Stat> stats, string titleKey)
    {
        string tag = e.LocalName;
        if (tag == "h1" && (titleKey.Length == 0 || TitleLike(TextFolding.PageTextKey(e.TextContent), titleKey)))
        {
            return true;
        }

        if (tag is "figcaption" or "figure" && e.QuerySelector("p") is null)
        {
            return true;
        }

        if (tag is "ul" or "ol" or "div" or "section" or "table" or "dl" or "header")
        {
            double ld = LinkDensity(e, stats);
            int len = stats.TryGetValue(e, out var s) ? s.Text : 0;
            if (ld > 0.5 && len < 2000)
            {
                return true;
            }

            if (ClassWeight(e) < 0 && len < 500)
            {
                return true;
            }
        }

        if (tag is "p" or "li" or "span" or "div" && titleKey.Length > 0 && stats.TryGetValue(e, out var st) && st.Text < 400 && TextFolding.PageTextKey(e.TextContent) == titleKey)
        {
            return true;
        }

        return false;
    }

    // Source-generated (the same patterns and options as before; no interpreter, no start-up compilation).
    [GeneratedRegex(@"-ad-|\bad-|\bads?\b|adsense|advert|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|sharing|newsletter|cookie|consent|promo|recommend|subscribe|print|toolbar|tags?\b|author-?bio|outbrain|taboola|teaser|more-?stories|most-?read|mostread|trending|widget|overlay|modal|signup|jump-?link|skip-?link|hidden|visually-?hidden|sr-only|paywall|abo-?box|offer|navigation|nav\b|navbar|masthead|site-?header|topbar|bottom-?bar|rating|feedback|survey|zum-?thema|weiterlesen|read-?more|lesen-?sie-?auch|mehr-?zum|dossier-?box", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex UnlikelyPattern();

    [GeneratedRegex(@"rollover-(?:people-)?block|hover-?card|tool-?tip|popover", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex HoverCardPattern();

    [GeneratedRegex(@"and|article|body|column|content|main|mathjax|shadow|story|entry|post|text|artikel|beitrag", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex MaybeCandidatePattern();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|artikel|beitrag|richtext|rich-text|paragraph", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex PositivePattern();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|newsletter|caption|credit|byline|author|dateline|timestamp|social|nav", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex NegativePattern();

    [GeneratedRegex(@"^(?:advertisement|anzeige|werbung|share|teilen|read more|mehr lesen|weiterlesen|lesen sie auch|also read|related|photo:|foto:|bild:|getty images|image:|source:|quelle:|click here|subscribe|abonnieren|©|\(c\))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex JunkPattern();
}
