using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SourceCheck.Text;

namespace SourceCheck.Documents.Web;

/// <summary>Published and modified dates: metadata, JSON-LD, URL and visible date lines, in the page's own time zone.</summary>
internal sealed partial class PageMetadataReader
{
    private static readonly Regex UrlDate = RegexPolicy.Create(@"/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)", RegexOptions.CultureInvariant);

    private static readonly Regex UrlDateCompact = RegexPolicy.Create(@"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)", RegexOptions.CultureInvariant);

    private static readonly Regex RdfDate = RegexPolicy.Create(@"\bdc:date=""(\d{4}-\d{2}-\d{2}[^""<>]{0,30})""", RegexOptions.CultureInvariant);

    // ---------------------------------------------------------------- dates

    private (Sourced<DateOnly>? Published, Sourced<DateOnly>? Modified) Dates()
    {
        Sourced<DateOnly>? published = null;
        Sourced<DateOnly>? modified = null;

        string? publishedRaw = null;
        var stamps = new List<string>();
        Sourced<DateOnly>? FromText(string? v, string source, bool loose = false)
        {
            if (WebText.ParseDate(v, loose) is not { } d)
            {
                return null;
            }

            stamps.Add(v!);
            if (!source.Contains("odif", StringComparison.Ordinal) && !source.Contains("updated", StringComparison.Ordinal))
            {
                publishedRaw ??= v;
            }

            return new Sourced<DateOnly>(d, source);
        }

        if (_ld.Article is { } a)
        {
            published = FromText(JsonLd.Str(a, "datePublished"), "json-ld:datePublished", true);
            modified = FromText(JsonLd.Str(a, "dateModified"), "json-ld:dateModified", true);
        }

        if (published is null)
        {
            foreach (var n in _ld.Nodes)
            {
                if (FromText(JsonLd.Str(n, "datePublished"), "json-ld:datePublished", true) is { } d)
                {
                    published = d;
                    break;
                }
            }
        }

        string[] pubKeys =
        [
            "article:published_time", "og:published_time", "article:published", "published_time", "article.published", "datePublished",
            "citation_publication_date", "citation_date", "dc.date.issued", "dcterms.issued", "prism.publicationdate", "parsely-pub-date",
            "sailthru.date", "pubdate", "publishdate", "publish-date", "publish_date", "date_published", "article_date_original",
            "og:article:published_time", "cxenseparse:recs:publishtime", "originalpublicationdate", "dc.date.created", "dcterms.created",
            "dc.date", "dcterms.date", "citation_online_date",
        ];
        foreach (var k in pubKeys)
        {
            if (published is not null)
            {
                break;
            }

            foreach (var v in MetaAll(k))
            {
                if ((published = FromText(v, "meta:" + k, true)) is not null)
                {
                    break;
                }
            }
        }

        if (published is null)
        {
            foreach (var t in Query("[itemprop~=datePublished], time[pubdate], [property~='article:published_time']").Take(5))
            {
                string? v = t.GetAttribute("datetime") ?? t.GetAttribute("content") ?? t.TextContent;
                if ((published = FromText(v, "html:itemprop=datePublished", true)) is not null)
                {
                    break;
                }
            }
        }

        if (published is null && _url is not null)
        {
            var m = UrlDate.Match(_url);
            if (!m.Success)
            {
                m = UrlDateCompact.Match(_url);
            }

            if (m.Success)
            {
                published = FromText($"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}", "url");
            }
        }

        if (published is null)
        {
            foreach (var t in Query("article time[datetime], main time[datetime], time[datetime]").Take(10))
            {
                if (IsInTeaser(t))
                {
                    continue;
                }

                if ((published = FromText(t.GetAttribute("datetime"), "html:time", true)) is not null)
                {
                    break;
                }
            }
        }

        if (published is null && RdfDate.Match(_doc.Source.Text.Length > 2_000_000 ? _doc.Source.Text[..2_000_000] : _doc.Source.Text) is { Success: true } rdf)
        {
            // Blog engines (Movable Type, goo, TypePad) embed a trackback RDF block in a comment with dc:date.
            published = FromText(rdf.Groups[1].Value, "html:rdf-dc:date", true);
        }

        var visible = VisibleDate();
        published ??= visible;
        published = LocalDay(published, publishedRaw, stamps, visible);

        if (published is null)
        {
            foreach (var k in new[] { "date", "last-modified" })
            {
                if ((published = FromText(Meta(k), "meta:" + k, true)) is not null)
                {
                    break;
                }
            }
        }

        if (modified is null)
        {
            foreach (var k in new[] { "article:modified_time", "og:updated_time", "article:modified", "dateModified", "dcterms.modified", "dc.date.modified", "last-modified", "modified_time", "lastmod" })
            {
                if ((modified = FromText(Meta(k), "meta:" + k, true)) is not null)
                {
                    break;
                }
            }
        }

        if (modified is null)
        {
            foreach (var t in Query("[itemprop~=dateModified]").Take(3))
            {
                if ((modified = FromText(t.GetAttribute("datetime") ?? t.GetAttribute("content") ?? t.TextContent, "html:itemprop=dateModified", true)) is not null)
                {
                    break;
                }
            }
        }

        return (published, modified);
    }

    private static readonly Regex Offset = RegexPolicy.Create(@"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})\s*$", RegexOptions.CultureInvariant);

    /// <summary>The publication day in the page's own time zone: a UTC timestamp is moved by the offset another
    /// timestamp on the page uses; a timestamp one day off the day in the URL or the visible date text yields to
    /// them (they are written in local time).</summary>
    private Sourced<DateOnly>? LocalDay(Sourced<DateOnly>? published, string? raw, List<string> stamps, Sourced<DateOnly>? visible)
    {
        if (published is null || raw is null || !published.Source.StartsWith("json-ld", StringComparison.Ordinal) && !published.Source.StartsWith("meta:", StringComparison.Ordinal))
        {
            return published;
        }

        var m = Offset.Match(raw.Trim());
        if (!m.Success)
        {
            return published;
        }

        bool utc = m.Groups[1].Value is "Z" or "+00:00" or "+0000" or "-00:00";
        if (utc && DateTimeOffset.TryParse(raw.Trim(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant))
        {
            foreach (var other in stamps)
            {
                var om = Offset.Match(other.Trim());
                if (om.Success && om.Groups[1].Value is not ("Z" or "+00:00" or "+0000" or "-00:00")
                    && DateTimeOffset.TryParse(other.Trim(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var withOffset))
                {
                    var local = DateOnly.FromDateTime(instant.ToOffset(withOffset.Offset).DateTime);
                    if (local != published.Value)
                    {
                        return new Sourced<DateOnly>(local, published.Source + "+local-offset");
                    }

                    return published;
                }
            }

            // A bare date stored as local midnight and written out in UTC ("2022-11-06T23:00:00.000Z") on a page
            // in a Central European language is the next day there.
            var tod = instant.UtcDateTime.TimeOfDay;
            if (tod.Hours is 22 or 23 && tod.Minutes == 0 && tod.Seconds == 0 && tod.Milliseconds == 0 && CentralEuropean())
            {
                return new Sourced<DateOnly>(published.Value.AddDays(1), published.Source + "+local-midnight");
            }
        }

        DateOnly? urlDay = null;
        if (_url is not null)
        {
            var um = UrlDate.Match(_url);
            if (um.Success)
            {
                urlDay = WebText.ParseDate($"{um.Groups[1].Value}-{um.Groups[2].Value}-{um.Groups[3].Value}");
            }
            else if ((um = UrlDateCompact.Match(_url)).Success)
            {
                urlDay = WebText.ParseDate($"{um.Groups[1].Value}-{um.Groups[2].Value}-{um.Groups[3].Value}");
            }
        }

        if (urlDay == published.Value)
        {
            return published;
        }

        // A stamp with its own non-zero offset is already local time: a day in the URL or the visible text one day
        // off it is another date (an update, the print edition), not the same moment written in another zone.
        if (!utc)
        {
            return published;
        }

        // The UTC hour as written ("T00:38:07Z", also in compact stamps that DateTimeOffset does not read).
        int utcHour = (m.Value[1] - '0') * 10 + (m.Value[2] - '0');

        foreach (var (day, source) in new[] { (urlDay, "url"), (urlDay is null ? visible?.Value : null, "html:visible-date") })
        {
            // Local time is UTC-10 (Hawaii) to UTC+14 (Line Islands): a UTC stamp can fall on the previous local day
            // only before 10:00 UTC and on the next local day only from 10:00 UTC.
            int step = day is { } dd ? dd.DayNumber - published.Value.DayNumber : 0;
            if (day is { } d && (step == -1 && utcHour < 10 || step == 1 && utcHour >= 10))
            {
                return new Sourced<DateOnly>(d, published.Source + "+" + source);
            }
        }

        return published;
    }

    private bool CentralEuropean()
    {
        string lang = (_doc.DocumentElement?.GetAttribute("lang") ?? _doc.DocumentElement?.GetAttribute("xml:lang") ?? Meta("og:locale") ?? Meta("content-language") ?? string.Empty).ToLowerInvariant();
        return lang.Length >= 2 && lang[..2] is "de" or "fr" or "it" or "nl" or "pl" or "cs" or "da" or "sv" or "nb" or "no" or "hu" or "sk" or "sl" or "hr";
    }

    // Publication labels that precede the date in visible text (en, de, fr, es/pt, it, nl); update labels are not among them.
    private static readonly Regex PublishedLabel = RegexPolicy.Create(
        @"\b(?:published(?:\s+on)?|posted\s+on|date|ver(?:ö|oe)ffentlicht(?:\s+am)?|ver(?:ö|oe)ffentlichung|erschienen(?:\s+am)?|(?:beitrag|artikel|eintrag)\s+wurde\s+am|publiziert\s+am|erstellt\s+am|datum|publi(?:é|e)\s+le|mise?\s+en\s+ligne(?:\s+le)?|publicado(?:\s+(?:el|em))?|fecha\s+de\s+publicaci(?:ó|o)n|pubblicato(?:\s+il)?|gepubliceerd(?:\s+op)?)\s*:?\s*",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // A news dateline: a paragraph that opens with the date, then a dash or the text ("27.1.2022 - Bei der ...").
    private static readonly Regex Dateline = RegexPolicy.Create(
        @"^\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4})(?:\s*[-\u2013\u2014:|]\s|\s+[\p{L}\p{Pi}\p{Ps}\u201E\u00AB\u201C\u0022])",
        RegexOptions.CultureInvariant);

    private bool? _dayFirst;

    /// <summary>Slash dates are day-first unless the page is in US English (or gives no language).</summary>
    private bool DayFirst()
    {
        if (_dayFirst is { } known)
        {
            return known;
        }

        string lang = (_doc.DocumentElement?.GetAttribute("lang") ?? _doc.DocumentElement?.GetAttribute("xml:lang") ?? Meta("og:locale") ?? Meta("content-language") ?? string.Empty).Trim().Replace('_', '-').ToLowerInvariant();
        bool first = lang.Length >= 2 && !(lang == "en" || lang.StartsWith("en-us", StringComparison.Ordinal));
        _dayFirst = first;
        return first;
    }

    private Sourced<DateOnly>? VisibleDate()
    {
        bool dayFirst = DayFirst();
        foreach (var sel in new[] { "[class*=date]", "[class*=Date]", "[class*=time]", "[class*=datum]", "[class*=meta]", "[class*=byline]", "[class*=published]" })
        {
            foreach (var e in Query(sel).Take(30))
            {
                if (IsInTeaser(e))
                {
                    continue;
                }

                if (WebText.TextOfLongerThan(e, 119))
                {
                    continue;
                }

                string text = WebText.TextOf(e);
                if (text.Length is > 6 and < 120 && WebText.ParseReaderDate(text, dayFirst, shortYear: true) is { } d && Plausible(d))
                {
                    return new Sourced<DateOnly>(d, "html:visible-date");
                }
            }
        }

        if (LabelledDate(dayFirst) is { } labelled)
        {
            return labelled;
        }

        // Any short text with a full date, preferring the first one after the main heading.
        var h1 = _doc.QuerySelector("article h1, main h1, h1");
        bool afterHeading = h1 is null;
        Sourced<DateOnly>? first = null;
        int seen = 0;
        foreach (var e in QueryBody("*"))
        {
            if (++seen > 6000)
            {
                break;
            }

            if (e == h1)
            {
                afterHeading = true;
                continue;
            }

            if (e.LocalName is "script" or "style" or "a" or "option" || e.ChildElementCount > 3)
            {
                continue;
            }

            string own = string.Concat(e.ChildNodes.OfType<IText>().Select(t => t.Data));
            if (own.Length < 6 || !own.Any(char.IsDigit))
            {
                continue;
            }

            DateOnly? found = null;
            string source = "html:text-date";
            if (own.Length <= 200 && !WebText.TextOfLongerThan(e, 200))
            {
                string text = WebText.TextOf(e);
                found = text.Length <= 200 ? WebText.ParseReaderDate(text, dayFirst, shortYear: own.Trim().Length <= 10) : null;
            }

            if (found is null && afterHeading && e.LocalName is "p" or "strong" or "b" && Dateline.Match(own) is { Success: true } dl)
            {
                found = WebText.ParseReaderDate(dl.Groups[1].Value, dayFirst);
                source = "html:dateline";
            }

            if (found is not { } d || !Plausible(d) || IsInTeaser(e))
            {
                continue;
            }

            if (afterHeading)
            {
                return new Sourced<DateOnly>(d, source);
            }

            first ??= new Sourced<DateOnly>(d, source);
        }

        return first;
    }

    /// <summary>The first date right after a publication label ("Veröffentlicht am 16.08.2019", "Datum: 03.11.2021",
    /// "Publié le 5 mai 2019") in a short block of visible text outside teasers.</summary>
    private Sourced<DateOnly>? LabelledDate(bool dayFirst)
    {
        int seen = 0;
        foreach (var e in QueryBody("p, div, span, li, dd, td, footer, header, section"))
        {
            if (++seen > 4000)
            {
                break;
            }

            if (e.ChildElementCount > 12 || WebText.TextOfLongerThan(e, 300))
            {
                continue;
            }

            string text = WebText.TextOf(e);
            if (text.Length is < 8 or > 300)
            {
                continue;
            }

            for (var m = PublishedLabel.Match(text); m.Success; m = m.NextMatch())
            {
                int start = m.Index + m.Length;
                string after = text.Substring(start, Math.Min(40, text.Length - start));
                if (LeadingDate.Match(after) is { Success: true } ld && WebText.ParseReaderDate(ld.Value, dayFirst, shortYear: true) is { } d && Plausible(d) && !IsInTeaser(e))
                {
                    return new Sourced<DateOnly>(d, "html:labelled-date");
                }
            }
        }

        return null;
    }

    // A date at the start of a text: numeric (dotted, ISO, slashed, short year) or with a month name.
    private static readonly Regex LeadingDate = RegexPolicy.Create(
        @"^(?:\p{L}{2,10},?\s+)?(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,12}\.?,?\s+(?:de\s+)?\d{4}|\p{L}{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})(?!\d)",
        RegexOptions.CultureInvariant);

    private static bool Plausible(DateOnly d) => d.Year >= 1995 && d <= DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
}
