using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SourceCheck.Csl;
using SourceCheck.Documents.Web;
using SourceCheck.Text;

namespace SourceCheck.Verification;

/// <summary>A work as a bibliographic service describes it (DOI content negotiation, Crossref, OpenAlex).</summary>
internal sealed record WorkRecord(string Service, string? Title, IReadOnlyList<string> FamilyNames, IReadOnlyList<int> Years, string? Container,
    string? Doi, string? Url, IReadOnlyList<UpdateNotice> Notices)
{
    /// <summary>The work's abstract as plain text, when the record carries one (Crossref and DOI CSL-JSON: JATS
    /// markup; OpenAlex: an inverted index).</summary>
    public string? Abstract { get; init; }
}

/// <summary>A retraction, correction or other update notice of a work (Crossref <c>update-to</c>/<c>updated-by</c>/relations, OpenAlex <c>is_retracted</c>).</summary>
public sealed record UpdateNotice(string Type, string? Doi, string? Date, string Source);

/// <summary>Reads service answers into <see cref="WorkRecord"/>s and compares them (and slugs) with a reference.</summary>
internal static class WorkMatching
{
    /// <summary>CSL-JSON from DOI content negotiation.</summary>
    public static WorkRecord? FromCsl(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return null;
        }

        return new WorkRecord("doi", FirstString(o["title"]), Families(o["author"] as JsonArray), Years(o, "issued", "published-print", "published-online", "published"),
            FirstString(o["container-title"]), (string?)Str(o["DOI"]), Str(o["URL"]), Notices(o)) { Abstract = AbstractText(Str(o["abstract"])) };
    }

    /// <summary>One Crossref work (an item of <c>message.items</c> or the <c>message</c> of <c>/works/DOI</c>).</summary>
    public static WorkRecord? FromCrossref(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return null;
        }

        return new WorkRecord("crossref", FirstString(o["title"]), Families(o["author"] as JsonArray),
            Years(o, "issued", "published-print", "published-online", "published"), FirstString(o["container-title"]), Str(o["DOI"]), Str(o["URL"]), Notices(o))
        {
            Abstract = AbstractText(Str(o["abstract"])),
        };
    }

    /// <summary>One OpenAlex work (an item of <c>results</c>).</summary>
    public static WorkRecord? FromOpenAlex(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return null;
        }

        var families = new List<string>();
        if (o["authorships"] is JsonArray auth)
        {
            foreach (var a in auth)
            {
                string? name = Str(a?["author"]?["display_name"]) ?? Str(a?["raw_author_name"]);
                if (name is { Length: > 0 })
                {
                    families.Add(name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
                }
            }
        }

        var years = new List<int>();
        if (o["publication_year"] is JsonValue y && y.TryGetValue(out int yy))
        {
            years.Add(yy);
        }

        string? doi = Str(o["doi"]);
        doi = References.DoiText.Find(doi) ?? doi;

        var notices = new List<UpdateNotice>();
        if (o["is_retracted"] is JsonValue r && r.TryGetValue(out bool retracted) && retracted)
        {
            notices.Add(new UpdateNotice("retraction", doi, null, "openalex:is_retracted"));
        }

        return new WorkRecord("openalex", Str(o["title"]) ?? Str(o["display_name"]), families, years,
            Str(o["primary_location"]?["source"]?["display_name"]) ?? Str(o["host_venue"]?["display_name"]), doi, Str(o["id"]), notices)
        {
            Abstract = FromInvertedIndex(o["abstract_inverted_index"] as JsonObject),
        };
    }

    /// <summary>Longest abstract kept (characters).</summary>
    public const int MaxAbstractChars = 20_000;

    /// <summary>Plain text of a JATS (or HTML) abstract: element headings such as <c>&lt;jats:title&gt;Abstract&lt;/jats:title&gt;</c>
    /// dropped, other tags made spaces, entities decoded, white space collapsed. No markup parser (and so no DTD) is involved.</summary>
    public static string? AbstractText(string? markup)
    {
        if (string.IsNullOrWhiteSpace(markup))
        {
            return null;
        }

        string m = markup.Length > MaxAbstractChars * 2 ? markup[..(MaxAbstractChars * 2)] : markup;
        var sb = new StringBuilder(m.Length);
        for (int i = 0; i < m.Length; i++)
        {
            if (m[i] != '<')
            {
                sb.Append(m[i]);
                continue;
            }

            int end = m.IndexOf('>', i);
            if (end < 0)
            {
                break;
            }

            string tag = m[(i + 1)..end];
            if (tag.EndsWith("title", StringComparison.OrdinalIgnoreCase) && !tag.StartsWith('/'))
            {
                // skip the heading up to its closing tag
                int close = m.IndexOf("</" + tag.Split(' ')[0], end, StringComparison.OrdinalIgnoreCase);
                end = close < 0 ? end : m.IndexOf('>', close) is int c && c > 0 ? c : end;
            }

            sb.Append(' ');
            i = end;
        }

        string text = WebText.Clean(System.Net.WebUtility.HtmlDecode(sb.ToString()));
        return text.Length == 0 ? null : text.Length > MaxAbstractChars ? text[..MaxAbstractChars] : text;
    }

    /// <summary>OpenAlex's <c>abstract_inverted_index</c> (word → positions) back to text; positions past
    /// <see cref="MaxAbstractChars"/>/2 words are ignored.</summary>
    public static string? FromInvertedIndex(JsonObject? index)
    {
        if (index is null || index.Count == 0)
        {
            return null;
        }

        const int MaxWords = MaxAbstractChars / 2;
        var words = new SortedDictionary<int, string>();
        foreach (var (word, positions) in index)
        {
            if (positions is not JsonArray list)
            {
                continue;
            }

            foreach (var p in list)
            {
                if (p is JsonValue v && v.TryGetValue(out int at) && at >= 0 && at < MaxWords)
                {
                    words[at] = word;
                }
            }
        }

        return words.Count == 0 ? null : AbstractText(string.Join(' ', words.Values));
    }

    private static string? Str(JsonNode? n) => n is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static string? FirstString(JsonNode? n) => n switch
    {
        JsonArray a => a.Select(Str).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
        _ => Str(n),
    };

    private static List<string> Families(JsonArray? authors)
    {
        var list = new List<string>();
        foreach (var a in authors ?? [])
        {
            string? family = Str(a?["family"]) ?? Str(a?["literal"]) ?? Str(a?["name"]);
            if (family is { Length: > 0 })
            {
                list.Add(family);
            }
        }

        return list;
    }

    private static List<int> Years(JsonObject o, params string[] keys)
    {
        var years = new List<int>();
        foreach (var key in keys)
        {
            if (o[key]?["date-parts"] is JsonArray parts && parts.Count > 0 && parts[0] is JsonArray first && first.Count > 0
                && first[0] is JsonValue v && (v.TryGetValue(out int y) || (v.TryGetValue(out string? s) && int.TryParse(s, CultureInfo.InvariantCulture, out y))))
            {
                if (!years.Contains(y))
                {
                    years.Add(y);
                }
            }
        }

        return years;
    }

    private static List<UpdateNotice> Notices(JsonObject o)
    {
        var list = new List<UpdateNotice>();
        foreach (var key in new[] { "updated-by", "update-to" })
        {
            if (o[key] is JsonArray arr)
            {
                foreach (var u in arr)
                {
                    string type = Str(u?["type"]) ?? "update";
                    string? date = u?["updated"]?["date-parts"] is JsonArray dp && dp.Count > 0 && dp[0] is JsonArray d
                        ? string.Join('-', d.Select(x => x?.ToString()))
                        : null;
                    list.Add(new UpdateNotice(type, Str(u?["DOI"]), date, "crossref:" + key));
                }
            }
        }

        if (o["relation"] is JsonObject rel)
        {
            foreach (var (name, value) in rel)
            {
                string n = name.ToLowerInvariant();
                if (!n.Contains("retract", StringComparison.Ordinal) && !n.Contains("correct", StringComparison.Ordinal)
                    && !n.Contains("erratum", StringComparison.Ordinal) && !n.Contains("concern", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var r in value as JsonArray ?? [])
                {
                    list.Add(new UpdateNotice(n.Contains("retract", StringComparison.Ordinal) ? "retraction" : n.Contains("concern", StringComparison.Ordinal) ? "expression_of_concern" : "correction",
                        Str(r?["id"]), null, "crossref:relation." + name));
                }
            }
        }

        return list;
    }

    /// <summary>Words of a title or slug for matching: diacritics folded (also ä→ae forms), apostrophes dropped
    /// ("doesn't" = "doesnt"), lower case.</summary>
    public static string[] Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        string s = TextFolding.GermanAsciiSpelling(text.Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal));
        return TextFolding.WithoutDiacritics(TextFolding.PageTextKey(s)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>How well two titles agree, in [0,1]: 1 when equal after <see cref="Words"/>; a title that is the
    /// other's main title before a subtitle counts 0.95; else the Dice coefficient of their word multisets.</summary>
    public static double TitleAgreement(string? cited, string? found)
    {
        var a = Words(cited);
        var b = Words(found);
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1;
        }

        string ja = string.Join(' ', a);
        string jb = string.Join(' ', b);
        string? mainA = MainTitle(cited);
        string? mainB = MainTitle(found);
        if ((mainA is not null && string.Join(' ', Words(mainA)) == jb) || (mainB is not null && string.Join(' ', Words(mainB)) == ja))
        {
            return 0.95;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in a)
        {
            counts[w] = counts.GetValueOrDefault(w) + 1;
        }

        int common = 0;
        foreach (var w in b)
        {
            if (counts.TryGetValue(w, out int n) && n > 0)
            {
                counts[w] = n - 1;
                common++;
            }
        }

        return 2.0 * common / (a.Length + b.Length);
    }

    private static string? MainTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        int i = title.IndexOfAny([':', '?', '!']);
        return i > 0 && i < title.Length - 1 ? title[..i] : null;
    }

    /// <summary>A title agreement at or above this is the same work's title.</summary>
    public const double SameTitle = 0.85;

    /// <summary>Family names of a reference's authors (editors when no author).</summary>
    public static IReadOnlyList<string> CitedFamilies(CslItem item)
    {
        var names = item.Authors.Count > 0 ? item.Authors : item.GetNames("editor");
        return names.Select(n => n.Family ?? n.Literal).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!).ToList();
    }

    /// <summary>Whether two family names are the same (case, diacritics, one edit in names of 6+ letters).</summary>
    public static bool SameFamily(string a, string b)
    {
        string x = string.Join(' ', Words(a));
        string y = string.Join(' ', Words(b));
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }

        if (x == y || x.EndsWith(" " + y, StringComparison.Ordinal) || y.EndsWith(" " + x, StringComparison.Ordinal))
        {
            return true;
        }

        return Math.Min(x.Length, y.Length) >= 6 && WebText.EditDistance(x, y) <= 1;
    }

    /// <summary>The fields in which a reference disagrees with a scholarly record whose title matched: authors
    /// (the first cited author, or half of them, not among the record's), year (not one of the record's
    /// publication years) and container (no word of the cited journal, abbreviations allowed, in the record's).</summary>
    public static IReadOnlyList<string> Differences(CslItem item, WorkRecord record)
    {
        var fields = new List<string>();
        var cited = CitedFamilies(item);
        if (cited.Count > 0 && record.FamilyNames.Count > 0)
        {
            int found = cited.Count(c => record.FamilyNames.Any(r => SameFamily(c, r)));
            bool first = record.FamilyNames.Any(r => SameFamily(cited[0], r));
            if (!first || found * 2 < cited.Count)
            {
                fields.Add("authors");
            }
        }

        if (item.Issued?.Start is { } start && record.Years.Count > 0 && !record.Years.Contains(start.Year))
        {
            fields.Add("year");
        }

        string? container = item.GetString("container-title");
        if (container is { Length: > 0 } && record.Container is { Length: > 0 } && !SameContainer(container, record.Container))
        {
            fields.Add("container");
        }

        if (TitleAgreement(item.Title, record.Title) < SameTitle)
        {
            fields.Add("title");
        }

        return fields;
    }

    /// <summary>Whether two journal names agree: equal words, or every cited word (dots dropped) a prefix of a word
    /// of the record's name in order ("Proc. Natl. Acad. Sci." = "Proceedings of the National Academy of Sciences").</summary>
    public static bool SameContainer(string cited, string record)
    {
        var a = Words(cited).Where(w => w is not ("the" or "of" or "and" or "for" or "in" or "on" or "der" or "die" or "das" or "und" or "fur" or "fuer")).ToArray();
        var b = Words(record).Where(w => w is not ("the" or "of" or "and" or "for" or "in" or "on" or "der" or "die" or "das" or "und" or "fur" or "fuer")).ToArray();
        if (a.Length == 0 || b.Length == 0)
        {
            return true;
        }

        if (a.SequenceEqual(b))
        {
            return true;
        }

        return PrefixesInOrder(a, b) || PrefixesInOrder(b, a);
    }

    /// <summary>Whether a word abbreviates another: a prefix ("Proc" = "Proceedings") or, from three letters on, a
    /// contraction with the same first letter whose letters appear in order ("Natl" = "National", "Sci" = "Sciences").</summary>
    public static bool Abbreviates(string shortWord, string longWord)
    {
        if (longWord.StartsWith(shortWord, StringComparison.Ordinal))
        {
            return true;
        }

        if (shortWord.Length < 3 || shortWord.Length >= longWord.Length || shortWord[0] != longWord[0])
        {
            return false;
        }

        int i = 0;
        foreach (char c in longWord)
        {
            if (i < shortWord.Length && shortWord[i] == c)
            {
                i++;
            }
        }

        return i == shortWord.Length;
    }

    private static bool PrefixesInOrder(string[] shortForm, string[] longForm)
    {
        int j = 0;
        foreach (var w in shortForm)
        {
            while (j < longForm.Length && !Abbreviates(w, longForm[j]))
            {
                j++;
            }

            if (j == longForm.Length)
            {
                return false;
            }

            j++;
        }

        return true;
    }

    /// <summary>How well an address's slug spells a title, in [0,1]: the share of the slug's words (ids and
    /// numbers aside) that are title words, times the share of the title's longer words (4+ letters) in the slug;
    /// 0 when fewer than two words agree.</summary>
    public static double SlugAgreement(string url, string? title)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || string.IsNullOrEmpty(title))
        {
            return 0;
        }

        var segments = u.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? best = null;
        foreach (var seg in segments)
        {
            string s = WithoutExtension(Uri.UnescapeDataString(seg));
            if (best is null || s.Count(c => c is '-' or '_') > best.Count(c => c is '-' or '_'))
            {
                best = s;
            }
        }

        if (best is null)
        {
            return 0;
        }

        // Ids and hashes appended to slugs ("-a-5b1c7e02", "-100.html", "-rcna242511") are no words of the title.
        var slug = Words(best.Replace('-', ' ').Replace('_', ' ').Replace('+', ' '))
            .Where(w => w.Length > 1 && !w.Any(char.IsAsciiDigit)).ToArray();
        var titleWords = Words(title);
        if (slug.Length == 0 || titleWords.Length == 0)
        {
            return 0;
        }

        var set = new HashSet<string>(titleWords, StringComparer.Ordinal);
        int inTitle = slug.Count(set.Contains);
        if (inTitle < 2)
        {
            return 0;
        }

        var slugSet = new HashSet<string>(slug, StringComparer.Ordinal);
        var longWords = titleWords.Where(w => w.Length >= 4).Distinct().ToArray();
        double covered = longWords.Length == 0 ? 1 : (double)longWords.Count(slugSet.Contains) / longWords.Length;
        return (double)inTitle / slug.Length * covered;
    }

    /// <summary>Whether an address's path spells words (a slug of two or more words of 3+ letters) rather than an id only.
    /// A file extension (".html", ".ece", ".php") is no word, and the query string (ids such as "?id=134567") is not
    /// read: "/news/munster/arid-41578923.html", "/politik/28734567.html" and "/index.php?id=134567" carry an id only,
    /// whatever the section folders before it.</summary>
    public static bool SlugHasWords(string url) => MostSlugWords(url) >= 2;

    /// <summary>Whether an address's path spells a headline: a segment of four or more words of 3+ letters. Section
    /// words, abbreviations and ids ("/news/2024/news_240502_sfb.php", "/view.php?ud=…") spell none: such an address says
    /// nothing about which story it holds.</summary>
    public static bool SlugIsHeadline(string url) => MostSlugWords(url) >= 4;

    /// <summary>The most words (3+ letters) of one path segment of an address; int.MaxValue when it is no address.</summary>
    private static int MostSlugWords(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u))
        {
            return int.MaxValue;
        }

        int most = 0;
        foreach (var seg in u.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string s = WithoutExtension(Uri.UnescapeDataString(seg));
            most = Math.Max(most, s.Split(['-', '_', '+', '.', ','], StringSplitOptions.RemoveEmptyEntries).Count(w => w.Length >= 3 && w.All(char.IsLetter)));
        }

        return most;
    }

    private static readonly Regex DigitRun = RegexPolicy.Create(@"\d+", RegexOptions.CultureInvariant);
    private static readonly Regex YearFirst = RegexPolicy.Create(@"((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})", RegexOptions.CultureInvariant);
    private static readonly Regex DayFirst = RegexPolicy.Create(@"(\d{1,2})[/_.-](\d{1,2})[/_.-]((?:19|20)\d{2})", RegexOptions.CultureInvariant);

    /// <summary>Whether an address (path and query) carries the given day: "20240502" or "240502" as a number of its
    /// own, "20240812050345" (a date followed by a running number), "2024/05/02", "2024-5-2", "02/05/2024",
    /// "02.05.2024". A number that merely contains those digits elsewhere does not count.</summary>
    public static bool AddressCarriesDay(string url, (int Year, int Month, int Day) day)
    {
        if (day.Year == 0 || day.Month == 0 || day.Day == 0 || !Uri.TryCreate(url, UriKind.Absolute, out var u))
        {
            return false;
        }

        string text = u.AbsolutePath + u.Query;
        var d = new DateOnly(day.Year, day.Month, day.Day);
        string full = Stamp(d);
        string shortForm = d.ToString("yyMMdd", CultureInfo.InvariantCulture);
        string dayFirst = d.ToString("ddMMyyyy", CultureInfo.InvariantCulture);
        foreach (Match m in DigitRun.Matches(text))
        {
            string run = m.Value;
            if (run == full || run == shortForm || run == dayFirst || (run.Length > 8 && run.StartsWith(full, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        bool Same(string y, string mo, string dd) => int.Parse(y, CultureInfo.InvariantCulture) == day.Year
            && int.Parse(mo, CultureInfo.InvariantCulture) == day.Month && int.Parse(dd, CultureInfo.InvariantCulture) == day.Day;
        return YearFirst.Matches(text).Any(m => Same(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))
            || DayFirst.Matches(text).Any(m => Same(m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value));
    }

    /// <summary>A path segment without its file extension (a last dot followed by at most five characters: ".html",
    /// ".ece", ".amp", ".php").</summary>
    private static string WithoutExtension(string segment)
    {
        int dot = segment.LastIndexOf('.');
        return dot > 0 && segment.Length - dot <= 6 ? segment[..dot] : segment;
    }

    /// <summary>The year, month and day cited, as far as given and as far as they name a real day: a year outside
    /// 1–9999 is no date, a month outside 1–12 and a day past the month's end ("2024-02-31") count as not given — every
    /// caller builds a <see cref="DateOnly"/> from what this returns.</summary>
    public static (int Year, int Month, int Day)? CitedDate(CslItem item)
    {
        if (item.Issued?.Start is not { } p || p.Year is < 1 or > 9999)
        {
            return null;
        }

        int month = p.Month is >= 1 and <= 12 ? p.Month.Value : 0;
        int day = month > 0 && p.Day is { } d && d >= 1 && d <= DateTime.DaysInMonth(p.Year, month) ? d : 0;
        return (p.Year, month, day);
    }

    internal static string Stamp(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    internal static string Query(params (string Key, string? Value)[] pairs)
    {
        var sb = new StringBuilder();
        foreach (var (k, v) in pairs)
        {
            if (v is null)
            {
                continue;
            }

            sb.Append(sb.Length == 0 ? '?' : '&').Append(k).Append('=').Append(Uri.EscapeDataString(v));
        }

        return sb.ToString();
    }
}
