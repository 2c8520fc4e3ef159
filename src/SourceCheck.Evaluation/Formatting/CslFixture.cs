using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SourceCheck.Csl;
using SourceCheck.Formatting;

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

    /// <summary>Locales for the fixtures: the given folder (the csl-locales checkout in ../shared), then the official
    /// locales of the Debian package for the languages that checkout lacks (ar, km-KH, zh-TW, ro-RO, tr-TR, el-GR …).</summary>
    public static Func<string, string?> DirectoryLocales(string dir)
    {
        var primary = StyleCatalog.FolderLocales(dir);
        var debian = StyleCatalog.FolderLocales(StyleCatalog.DebianLocales);
        return tag => primary(tag) ?? debian(tag);
    }

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
            var known = new Dictionary<string, Citation>(StringComparer.Ordinal);
            List<Citation>? previousDoc = null;
            List<Citation> doc = [];
            foreach (var triple in arr)
            {
                var t = triple!.AsArray();
                var cit = t[0]!.AsObject();
                string id = cit["citationID"]?.ToString() ?? Guid.NewGuid().ToString();
                int? noteIndex = cit["properties"]?["noteIndex"] is JsonValue nv && nv.TryGetValue(out int ni) ? ni : null;
                var citation = new Citation([.. cit["citationItems"]!.AsArray().Select(x => ReadCite(x!.AsObject()))]) { NoteIndex = noteIndex, Id = id };
                var next = new List<Citation>();
                foreach (var pair in t[1]!.AsArray().Concat([null]).Concat(t[2]!.AsArray()))
                {
                    if (pair is null)
                    {
                        next.Add(citation);
                        continue;
                    }

                    string pid = pair.AsArray()[0]!.ToString();
                    int? pnote = pair.AsArray()[1] is JsonValue pv && pv.TryGetValue(out int pn) ? pn : null;
                    if (known.TryGetValue(pid, out var old))
                    {
                        next.Add(old with { NoteIndex = pnote });
                    }
                }

                known[id] = citation;
                previousDoc = doc;
                doc = next;
            }

            (List<string> Texts, CslProcessor? Proc) RenderDoc(List<Citation> d)
            {
                if (d.Count == 0)
                {
                    return ([], null);
                }

                var ids = d.SelectMany(c => c.Items).Select(x => x.Id).Distinct().ToList();
                var p = new CslProcessor(style, locale, items);
                return ([.. p.Process(d, OutputFormat.Html, ids, bibliography: false).Citations], p);
            }

            if (mode == "citation")
            {
                var (now, nowProc) = RenderDoc(doc);
                var (before, beforeProc) = RenderDoc(previousDoc ?? []);
                var beforeById = new Dictionary<string, string>(StringComparer.Ordinal);
                var beforeCitation = new Dictionary<string, Citation>(StringComparer.Ordinal);
                for (int i = 0; i < before.Count; i++)
                {
                    beforeById[previousDoc![i].Id!] = before[i];
                    beforeCitation[previousDoc[i].Id!] = previousDoc[i];
                }

                // a citation is re-rendered when its text, its note number or the state of one of its items changed
                // (note numbers and citation numbers only count when the style prints them)
                string csl = s["CSL"];
                bool usesNote = csl.Contains("first-reference-note-number", StringComparison.Ordinal) || csl.Contains("near-note", StringComparison.Ordinal);
                bool usesNumber = csl.Contains("citation-number", StringComparison.Ordinal);
                bool Touched(Citation c) => !beforeCitation.TryGetValue(c.Id!, out var old) || (usesNote && old.NoteIndex != c.NoteIndex)
                    || c.Items.Any(x => nowProc!.StateKey(x.Id, usesNumber) != beforeProc!.StateKey(x.Id, usesNumber));

                string lastId = known.Count > 0 ? arr[^1]![0]!["citationID"]?.ToString() ?? string.Empty : string.Empty;
                var lines = new List<string>();
                for (int i = 0; i < now.Count; i++)
                {
                    bool changed = doc[i].Id == lastId || !beforeById.TryGetValue(doc[i].Id!, out var old) || old != now[i] || Touched(doc[i]);
                    lines.Add((changed ? ">>" : "..") + "[" + i + "] " + now[i]);
                }

                return string.Join("\n", lines);
            }

            citations = doc;
            bibIds = [.. citations.SelectMany(c => c.Items).Select(x => x.Id).Distinct()];
        }
        else
        {
            // an id given twice: the later item wins (as in the processor)
            var order = proc.SortBibliography([.. items.GroupBy(i => i.Id, StringComparer.Ordinal).Select(g => g.Last())]);
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
            Position = o["position"] is JsonValue pv && pv.TryGetValue(out int p) && p is >= 0 and <= 3 ? (Position)p : null,
        };
    }
}
