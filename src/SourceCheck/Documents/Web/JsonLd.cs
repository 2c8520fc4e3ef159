using System.Text.Json;

namespace SourceCheck.Documents.Web;

/// <summary>The schema.org JSON-LD blocks of a page, flattened: every object node (through arrays, <c>@graph</c>
/// and nested values) with an index by <c>@id</c>, and the main article node.</summary>
internal sealed class JsonLd
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting",
        "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle", "ScholarlyArticle", "Report", "LiveBlogPosting",
        "SocialMediaPosting", "AdvertiserContentArticle", "SatiricalArticle", "Review", "Blog", "MedicalScholarlyArticle",
        "DiscussionForumPosting", "Posting", "VideoObject", "Recipe", "CreativeWork", "Legislation", "PodcastEpisode",
    };

    private readonly List<JsonElement> _nodes = [];
    private readonly Dictionary<string, JsonElement> _byId = new(StringComparer.Ordinal);
    private readonly List<JsonDocument> _docs = [];

    public IReadOnlyList<JsonElement> Nodes => _nodes;

    public JsonElement? Article { get; private set; }

    public string? ArticleType { get; private set; }

    public JsonElement? WebPageNode { get; private set; }

    public static JsonLd Parse(IEnumerable<string> blocks)
    {
        var ld = new JsonLd();
        var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };
        foreach (var raw in blocks)
        {
            string text = raw.Trim();
            if (text.Length == 0 || text.Length > 2_000_000)
            {
                continue;
            }

            if (text.StartsWith("<!--", StringComparison.Ordinal))
            {
                text = text[4..];
            }

            if (text.EndsWith("-->", StringComparison.Ordinal))
            {
                text = text[..^3];
            }

            // XHTML-style pages wrap script content in a CDATA section (MediaWiki does): "<![CDATA[ {...} ]]>".
            text = text.Trim();
            if (text.StartsWith("<![CDATA[", StringComparison.Ordinal))
            {
                text = text[9..];
                if (text.TrimEnd().EndsWith("]]>", StringComparison.Ordinal))
                {
                    text = text.TrimEnd()[..^3];
                }
            }

            try
            {
                var doc = JsonDocument.Parse(text.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal), options);
                ld._docs.Add(doc);
                ld.Collect(doc.RootElement, 0);
            }
            catch (JsonException)
            {
            }
        }

        ld.ChooseArticle();
        return ld;
    }

    private void Collect(JsonElement e, int depth)
    {
        if (depth > 12)
        {
            return;
        }

        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
            {
                Collect(x, depth + 1);
            }

            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        _nodes.Add(e);
        if (Str(e, "@id") is { } id && !_byId.ContainsKey(id) && e.EnumerateObject().Count() > 1)
        {
            _byId[id] = e;
        }

        foreach (var p in e.EnumerateObject())
        {
            if (p.Name is "@graph" or "mainEntity" or "mainEntityOfPage" or "hasPart" or "itemListElement" or "item"
                || p.Value.ValueKind == JsonValueKind.Array && p.Name == "@graph")
            {
                Collect(p.Value, depth + 1);
            }
        }
    }

    private void ChooseArticle()
    {
        int best = -1;
        foreach (var n in _nodes)
        {
            int score = 0;
            foreach (var t in Types(n))
            {
                if (ArticleTypes.Contains(t))
                {
                    score = Math.Max(score, t.Contains("Article", StringComparison.OrdinalIgnoreCase) || t is "BlogPosting" or "Report" ? 3 : 2);
                }
                else if (t is "WebPage" or "ItemPage" && WebPageNode is null)
                {
                    WebPageNode = n;
                }
            }

            if (score > 0)
            {
                if (n.TryGetProperty("headline", out _))
                {
                    score += 2;
                }

                if (n.TryGetProperty("author", out _))
                {
                    score++;
                }

                if (n.TryGetProperty("datePublished", out _))
                {
                    score++;
                }
            }

            if (score > best && score > 0)
            {
                best = score;
                Article = n;
                ArticleType = Types(n).FirstOrDefault();
            }
        }
    }

    public JsonElement Resolve(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object && Str(e, "@id") is { } id && _byId.TryGetValue(id, out var full))
        {
            return full;
        }

        return e;
    }

    public static IEnumerable<string> Types(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("@type", out var t))
        {
            yield break;
        }

        if (t.ValueKind == JsonValueKind.String)
        {
            yield return StripSchema(t.GetString()!);
        }
        else if (t.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in t.EnumerateArray())
            {
                if (x.ValueKind == JsonValueKind.String)
                {
                    yield return StripSchema(x.GetString()!);
                }
            }
        }
    }

    private static string StripSchema(string t)
    {
        int i = t.LastIndexOfAny(['/', ':']);
        return i >= 0 ? t[(i + 1)..] : t;
    }

    public static string? Str(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return ValueText(v);
    }

    public static string? ValueText(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.Array => v.EnumerateArray().Select(ValueText).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
        JsonValueKind.Object => Str(v, "@value") ?? Str(v, "name"),
        _ => null,
    };

    public JsonElement? Prop(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : null;
}
