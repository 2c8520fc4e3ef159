using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SourceCheck.Csl;

namespace SourceCheck.Formatting;

/// <summary>Runs one fixture of the CSL processor test suite (the "humans" format) the way citeproc-js's
/// runner drives it. Used by the test suite and the bench.</summary>
internal static partial class CslFixture
{
    [GeneratedRegex(@">>=+\s*([A-Z-]+)\s*=+>>\r?\n(.*?)\r?\n?<<=+\s*\1\s*=+<<", RegexOptions.Singleline, matchTimeoutMilliseconds: 5000)]
    private static partial Regex SectionRegex();

    public static Dictionary<string, string> Sections(string text)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in SectionRegex().Matches(text))
        {
            d[m.Groups[1].Value] = m.Groups[2].Value;
        }

        return d;
    }

    public sealed record Outcome(bool Passed, string Expected, string Actual, string? Error);

    public static Outcome Run(string path, string localesDir)
    {
        var s = Sections(File.ReadAllText(path));
        string expected = s.GetValueOrDefault("RESULT", string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        try
        {
            string actual = Render(s, localesDir);
            return new Outcome(actual == expected, expected, actual, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new Outcome(false, expected, string.Empty, ex.GetType().Name + ": " + ex.Message + "\n" + ex.StackTrace);
        }
    }

    public static Func<string, string?> DirectoryLocales(string dir) => tag =>
    {
        string p = Path.Combine(dir, $"locales-{tag}.xml");
        return File.Exists(p) ? File.ReadAllText(p) : null;
    };

    private static readonly Dictionary<string, LocaleData?> LocaleCache = new(StringComparer.Ordinal);

    public static string Render(Dictionary<string, string> s, string localesDir)
    {
        var parsed = Style.Parse(s["CSL"]);
        if (parsed.Value is null)
        {
            return "STYLE ERROR: " + string.Join("; ", parsed.Diagnostics);
        }

        var style = parsed.Value;
        var provider = DirectoryLocales(localesDir);
        var locale = style.ResolveLocale(null, tag =>
        {
            lock (LocaleCache)
            {
                string key = localesDir + "|" + tag;
                if (!LocaleCache.ContainsKey(key))
                {
                    LocaleCache[key] = null;
                }
            }

            return provider(tag);
        });
        var items = CslJson.Parse(s["INPUT"]).Value ?? [];
        var proc = new CslProcessor(style, locale, items);
        string mode = s.GetValueOrDefault("MODE", "citation").Trim();
        var citations = new List<Citation>();
        List<string>? bibIds = null;
        if (s.TryGetValue("CITATION-ITEMS", out var ci))
        {
            var arr = JsonNode.Parse(ci)!.AsArray();
            int note = 0;
            foreach (var c in arr)
            {
                note++;
                citations.Add(new Citation([.. c!.AsArray().Select(x => ReadCite(x!.AsObject()))]) { NoteIndex = note });
            }

            bibIds = [.. citations.SelectMany(c => c.Items).Select(x => x.Id).Distinct()];
        }
        else if (s.TryGetValue("CITATIONS", out var cs))
        {
            var arr = JsonNode.Parse(cs)!.AsArray();
            foreach (var triple in arr)
            {
                var cit = triple!.AsArray()[0]!.AsObject();
                int? noteIndex = cit["properties"]?["noteIndex"] is JsonValue nv && nv.TryGetValue(out int ni) ? ni : null;
                citations.Add(new Citation([.. cit["citationItems"]!.AsArray().Select(x => ReadCite(x!.AsObject()))])
                {
                    NoteIndex = noteIndex,
                    Id = cit["citationID"]?.ToString(),
                });
            }

            bibIds = [.. citations.SelectMany(c => c.Items).Select(x => x.Id).Distinct()];
            if (mode == "citation")
            {
                var res = proc.Process(citations, OutputFormat.Html, bibIds, bibliography: false);
                var lines = new List<string>();
                for (int i = 0; i < res.Citations.Count; i++)
                {
                    lines.Add((i == res.Citations.Count - 1 ? ">>" : "..") + "[" + i + "] " + res.Citations[i]);
                }

                return string.Join("\n", lines);
            }
        }
        else
        {
            var order = proc.SortBibliography([.. items]);
            citations.Add(new Citation([.. order.Select(i => new CiteItem(i.Id))]));
        }

        if (mode == "citation")
        {
            var res = proc.Process(citations, OutputFormat.Html, bibIds, bibliography: false);
            return string.Join("\n", res.Citations);
        }

        var bres = proc.Process(citations, OutputFormat.Html, bibIds, bibliography: true);
        return bres.BibliographyText;
    }

    private static CiteItem ReadCite(JsonObject o)
    {
        static string? Str(JsonNode? n) => n switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonValue v => v.ToJsonString(),
            _ => null,
        };
        static bool Bool(JsonNode? n) => n is JsonValue v && (v.TryGetValue(out bool b) ? b : v.GetValueKind() == JsonValueKind.Number && v.ToJsonString() != "0");
        return new CiteItem(Str(o["id"]) ?? string.Empty)
        {
            Locator = Str(o["locator"]),
            Label = Str(o["label"]),
            Prefix = Str(o["prefix"]),
            Suffix = Str(o["suffix"]),
            SuppressAuthor = Bool(o["suppress-author"]),
            AuthorOnly = Bool(o["author-only"]),
        };
    }
}
