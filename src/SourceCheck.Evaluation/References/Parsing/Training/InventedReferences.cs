using System.Globalization;

namespace SourceCheck.References.Parsing.Training;

/// <summary>News, web and report references invented for this project (people, outlets, titles and URLs are
/// made up), written in the citation styles the parser must read — APA, MLA, Chicago notes, Harvard, IEEE,
/// Vancouver, German, French and Spanish forms — with their gold fields. They are extra training data: the
/// shared news set has only 30 records, and the tagger should learn the styles, not those records. Generated
/// from a fixed seed, so the set is the same on every run.</summary>
public static class InventedReferences
{
    private static readonly string[] Families = ["Lindqvist", "Moreau", "Okonkwo", "Haddad", "Kowalski", "Brennan", "Tanaka", "Silva", "Fischer", "Novak", "Patel", "O'Neill", "García-Ruiz", "Van der Berg", "Nakamura", "Abebe", "Richter", "Duval", "Marino", "Åström", "Keller", "Ibrahim", "Costa", "Walsh", "Schmitt", "Yilmaz", "Petrov", "Lambert", "Ortega", "Hughes"];
    private static readonly string[] Givens = ["Anna", "Pierre", "Bola", "Leila", "Marek", "Siobhan", "Kenji", "Rafael", "Hanna", "Tomas", "Priya", "Sean", "Lucía", "Jeroen", "Yuki", "Dawit", "Jonas", "Claire", "Giulia", "Erik", "Miriam", "Omar", "Inês", "Declan", "Katrin", "Emre", "Olga", "Camille", "Diego", "Rhys"];
    private static readonly string[] Corporate = ["The Data Desk Team", "Harbour Safety Board", "National Weather Office", "European Rail Agency", "City of Westbrook", "Global Health Council", "The Newsroom Staff", "Coastal Research Institute", "Consumer Rights Association", "Ministry of Transport", "Open Data Foundation", "Reuters Staff", "Associated Press", "World Food Programme", "Tech Policy Group"];
    private static readonly string[] Outlets = ["The Baltic Courier", "Evening Ledger", "The Northern Observer", "Daily Meridian", "Harbour Times", "The Civic Wire", "Metro Gazette", "The Valley Tribune", "Business Ledger Online", "Pacific Herald", "The Morning Chronicle", "TechPulse", "The Weekly Review", "Capital Post", "Island Voice", "Regional Dispatch", "The Market Journal", "Science Today", "Frontier News", "The Green Report", "DevWire", "CloudBeat", "FinTechly", "AIWeekly", "The Ledgerline", "NetPolitik", "Harbourside Now", "QuantaDaily"];
    private static readonly string[] GermanOutlets = ["Rheinische Rundschau", "Hamburger Abendblatt Online", "Süddeutsche Allgemeine", "Berliner Tageszeitung", "Frankfurter Nachrichten", "Die Wochenpost", "Handelsblatt Digital", "Münchner Kurier"];
    private static readonly string[] FrenchOutlets = ["Le Courrier du Nord", "La Gazette de Lyon", "Le Petit Quotidien", "L'Écho de Bretagne"];
    private static readonly string[] SpanishOutlets = ["Diario del Norte", "El Correo Andaluz", "La Voz de Valencia", "El Heraldo Digital"];
    private static readonly string[] TitleStarts = ["Port strike enters second week", "Council approves new bike lanes", "Why rural broadband maps keep getting it wrong", "Heatwave pushes power demand to record", "Ferry operator suspends winter timetable", "Inside the race to build cheaper batteries", "Farmers protest over water rules", "Central bank holds rates steady", "What the new data law means for small firms", "Hospitals brace for a hard flu season", "Drought forces canal to cut daily transits", "Startup raises funds for flood sensors", "The quiet decline of local radio", "Schools test four-day week", "Regulators weigh limits on chatbots for children", "Housing costs outpace wages again", "Storm damage closes coastal road", "A new map of the city's heat islands"];
    private static readonly string[] TitleTails = ["", ": what we know", " — and what comes next", ": a timeline", "? Experts disagree", ", report finds", ": 'We were not warned'", " as talks stall", " over 'backstop' talk", " after 'historic' vote", " - and why it matters", ", officials confirm", " in 2024"];
    private static readonly string[] Shows = ["The Morning Brief", "Data Points", "City Hall Weekly", "The Long Read", "Tech Tonight"];
    private static readonly string[] Journals = ["Journal of Media Studies", "Nature", "Science", "Public Health Reports", "Energy Policy", "Journalism Practice"];
    private static readonly string[] GermanTitles = ["Streit um Rentenpaket spitzt sich zu", "Bahn kündigt neue Sprinterzüge an", "Mieten steigen in Großstädten weiter", "Landtag beschließt Schulreform", "Hitzewelle: Kliniken am Limit", "Inflation sinkt auf 2,1 Prozent"];
    private static readonly string[] FrenchTitles = ["Les agriculteurs bloquent les autoroutes", "La grève des ports se prolonge", "Le prix du gaz recule enfin"];
    private static readonly string[] SpanishTitles = ["El Gobierno aprueba el plan de vivienda", "La sequía obliga a cortar el riego", "Suben los precios del aceite"];
    private static readonly string[] EnMonths = [.. SourceCheck.Text.MonthNames.English.Names.Select(n => char.ToUpperInvariant(n[0][0]) + n[0][1..])];
    private static readonly string[] EnShort = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
    private static readonly string[] FrMonths = [.. SourceCheck.Text.MonthNames.French.Names.Select(n => n[0])];
    private static readonly string[] EsMonths = [.. SourceCheck.Text.MonthNames.Spanish.Names.Select(n => n[0])];

    public static IEnumerable<(string Text, IReadOnlyDictionary<string, IReadOnlyList<string>> Fields)> All(int count = 624, int seed = 4242)
    {
        var rng = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            yield return Make(rng, i % 26);
        }
    }

    private static (string, IReadOnlyDictionary<string, IReadOnlyList<string>>) Make(Random rng, int style)
    {
        T Pick<T>(T[] a) => a[rng.Next(a.Length)];
        string Title() => Pick(TitleStarts) + Pick(TitleTails);
        string Slug(string title) => new string(title.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').ToArray()).Trim().Replace(' ', '-');
        string Host(string outlet) => "www." + new string(outlet.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()) + (rng.Next(3) == 0 ? ".co.uk" : ".com");
        int year = 2019 + rng.Next(7);
        int month = 1 + rng.Next(12);
        int day = 1 + rng.Next(28);
        int accDay = Math.Min(28, day + 1 + rng.Next(5));
        string fam = Pick(Families);
        string giv = Pick(Givens);
        string fam2 = Pick(Families);
        string giv2 = Pick(Givens);
        string title = Title();
        string outlet = Pick(Outlets);
        string url = "https://" + Host(outlet) + "/" + (rng.Next(2) == 0 ? "news/" : year.ToString(CultureInfo.InvariantCulture) + "/") + Slug(title);
        var f = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string text;
        switch (style)
        {
            case 0: // APA news, one to three authors
            {
                int n = 1 + rng.Next(3);
                var names = new List<string> { $"{fam}, {giv[0]}." };
                if (n > 1)
                {
                    names.Add($"{fam2}, {giv2[0]}.");
                }

                if (n > 2)
                {
                    names.Add($"{Pick(Families)}, {Pick(Givens)[0]}. {Pick(Givens)[0]}.");
                }

                string list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + ", & " + names[^1];
                bool withUrl = rng.Next(2) == 0;
                text = $"{list} ({year}, {EnMonths[month - 1]} {day}). {title}. {outlet}." + (withUrl ? " " + url : "");
                f["author"] = names;
                f["date"] = [$"{year}, {EnMonths[month - 1]} {day}"];
                if (withUrl)
                {
                    f["url"] = [url];
                }

                break;
            }

            case 1: // APA corporate author or no author
                if (rng.Next(2) == 0)
                {
                    string corp = Pick(Corporate);
                    text = $"{corp}. ({year}, {EnMonths[month - 1]} {day}). {title}. {outlet}.";
                    f["author"] = [corp];
                }
                else
                {
                    text = $"({year}, {EnMonths[month - 1]} {day}). {title}. {outlet}.";
                }

                f["date"] = [$"{year}, {EnMonths[month - 1]} {day}"];
                break;
            case 2: // APA web page, n.d., retrieved
            {
                string corp = Pick(Corporate);
                string pageUrl = "https://" + Host(corp) + "/" + Slug(title);
                text = $"{corp}. (n.d.). {title}. Retrieved {EnMonths[month - 1]} {day}, {year}, from {pageUrl}";
                f["author"] = [corp];
                f["accessed"] = [$"{EnMonths[month - 1]} {day}, {year}"];
                f["url"] = [pageUrl];
                f["title"] = [title];
                return (text, f);
            }

            case 3: // MLA news
            {
                string bare = url.Replace("https://", "", StringComparison.Ordinal);
                text = $"{fam}, {giv}. “{title}.” {outlet}, {day} {EnShort[month - 1]} {year}, {bare}. Accessed {accDay} {EnShort[month - 1]} {year}.";
                f["author"] = [$"{fam}, {giv}"];
                f["date"] = [$"{day} {EnShort[month - 1]} {year}"];
                f["url"] = [bare];
                f["accessed"] = [$"{accDay} {EnShort[month - 1]} {year}"];
                break;
            }

            case 4: // Chicago note
            {
                int number = 1 + rng.Next(40);
                text = $"{number}. {giv} {fam}, “{title},” {outlet}, {EnMonths[month - 1]} {day}, {year}, {url}.";
                f["citation-number"] = [number.ToString(CultureInfo.InvariantCulture)];
                f["author"] = [$"{giv} {fam}"];
                f["date"] = [$"{EnMonths[month - 1]} {day}, {year}"];
                f["url"] = [url];
                break;
            }

            case 5: // Harvard
                text = $"{fam}, {giv[0]}. ({year}) '{title}', {outlet}, {day} {EnMonths[month - 1]}. Available at: {url} (Accessed: {accDay} {EnMonths[month - 1]} {year}).";
                f["author"] = [$"{fam}, {giv[0]}."];
                f["date"] = [$"{day} {EnMonths[month - 1]} {year}"];
                f["url"] = [url];
                f["accessed"] = [$"{accDay} {EnMonths[month - 1]} {year}"];
                break;
            case 6: // German
            {
                string de = Pick(GermanTitles);
                string deOutlet = Pick(GermanOutlets);
                bool unsigned = rng.Next(3) == 0;
                string who = unsigned ? "o. V." : rng.Next(2) == 0 ? $"{fam}, {giv[0]}." : "dpa";
                string date = $"{day}.{month}.{year}";
                bool page = rng.Next(2) == 0;
                text = $"{who} ({year}): {de}. In: {deOutlet}, {date}" + (page ? $", S. {1 + rng.Next(20)}." : ".");
                if (!unsigned)
                {
                    f["author"] = [who];
                }

                f["date"] = [date];
                f["title"] = [de];
                f["container-title"] = [deOutlet];
                if (page)
                {
                    f["pages"] = [text[(text.LastIndexOf("S. ", StringComparison.Ordinal) + 3)..].TrimEnd('.')];
                }

                return (text, f);
            }

            case 7: // IEEE
            {
                int number = 1 + rng.Next(60);
                text = $"[{number}] {giv[0]}. {fam}, “{title},” {outlet}, {EnShort[month - 1]} {day}, {year}. [Online]. Available: {url}";
                f["citation-number"] = [number.ToString(CultureInfo.InvariantCulture)];
                f["author"] = [$"{giv[0]}. {fam}"];
                f["date"] = [$"{EnShort[month - 1]} {day}, {year}"];
                f["url"] = [url];
                break;
            }

            case 8: // Vancouver
                text = $"{fam} {giv[0]}, {fam2} {giv2[0]}. {title}. {outlet} [Internet]. {year} {EnShort[month - 1].TrimEnd('.')} {day} [cited {year} {EnShort[month - 1].TrimEnd('.')} {accDay}]. Available from: {url}";
                f["author"] = [$"{fam} {giv[0]}", $"{fam2} {giv2[0]}"];
                f["date"] = [$"{year} {EnShort[month - 1].TrimEnd('.')} {day}"];
                f["accessed"] = [$"{year} {EnShort[month - 1].TrimEnd('.')} {accDay}"];
                f["url"] = [url];
                break;
            case 9: // French
            {
                string fr = Pick(FrenchTitles);
                string frOutlet = Pick(FrenchOutlets);
                text = $"{fam.ToUpperInvariant()} {giv}, « {fr} », {frOutlet}, {day} {FrMonths[month - 1]} {year}.";
                f["author"] = [$"{fam.ToUpperInvariant()} {giv}"];
                f["title"] = [fr];
                f["container-title"] = [frOutlet];
                f["date"] = [$"{day} {FrMonths[month - 1]} {year}"];
                return (text, f);
            }

            case 10: // Spanish APA
            {
                string es = Pick(SpanishTitles);
                string esOutlet = Pick(SpanishOutlets);
                text = $"{fam}, {giv[0]}. ({year}, {day} de {EsMonths[month - 1]}). {es}. {esOutlet}. {url}";
                f["author"] = [$"{fam}, {giv[0]}."];
                f["date"] = [$"{year}, {day} de {EsMonths[month - 1]}"];
                f["title"] = [es];
                f["container-title"] = [esOutlet];
                f["url"] = [url];
                return (text, f);
            }

            case 11: // APA blog / video / podcast with a genre
            {
                string[] genres = ["Blog post", "Video", "Audio podcast episode", "Post", "Press release"];
                string genre = Pick(genres);
                text = $"{fam}, {giv[0]}. ({year}, {EnMonths[month - 1]} {day}). {title} [{genre}]. {outlet}. {url}";
                f["author"] = [$"{fam}, {giv[0]}."];
                f["date"] = [$"{year}, {EnMonths[month - 1]} {day}"];
                f["genre"] = [genre];
                f["url"] = [url];
                break;
            }

            case 12: // headline - outlet
                text = $"{title} - {outlet}";
                break;
            case 13: // MLA without author, page
                text = $"“{title}.” {outlet}, {day} {EnMonths[month - 1]} {year}, p. A{1 + rng.Next(12)}.";
                f["date"] = [$"{day} {EnMonths[month - 1]} {year}"];
                f["pages"] = [text[(text.LastIndexOf("p. ", StringComparison.Ordinal) + 3)..].TrimEnd('.')];
                break;
            case 14: // German web page with access date
            {
                string de = Pick(GermanTitles);
                string corp = Pick(Corporate);
                string pageUrl = "https://" + Host(corp) + "/" + Slug(de);
                string acc = $"{accDay:00}.{month:00}.{year}";
                text = $"{corp} ({year}): {de}. URL: {pageUrl} (abgerufen am {acc}).";
                f["author"] = [corp];
                f["date"] = [year.ToString(CultureInfo.InvariantCulture)];
                f["title"] = [de];
                f["url"] = [pageUrl];
                f["accessed"] = [acc];
                return (text, f);
            }

            case 16: // Chicago note, two authors
            {
                int number = 1 + rng.Next(40);
                text = $"{number}. {giv} {fam} and {giv2} {fam2}, “{title},” {outlet}, {EnMonths[month - 1]} {day}, {year}, {url}.";
                f["citation-number"] = [number.ToString(CultureInfo.InvariantCulture)];
                f["author"] = [$"{giv} {fam}", $"{giv2} {fam2}"];
                f["date"] = [$"{EnMonths[month - 1]} {day}, {year}"];
                f["url"] = [url];
                break;
            }

            case 17: // post on a platform with a handle
            {
                string handle = "@" + fam.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal) + "_" + giv.ToLowerInvariant()[..2];
                string platform = Pick(new[] { "X", "Bluesky", "Mastodon", "Threads" });
                string postUrl = $"https://{platform.ToLowerInvariant()}.com/{handle[1..]}/status/{rng.NextInt64(100000000000, 999999999999)}";
                text = $"{fam}, {giv[0]}. [{handle}]. ({year}, {EnMonths[month - 1]} {day}). {title} [Post]. {platform}. {postUrl}";
                f["author"] = [$"{fam}, {giv[0]}."];
                f["date"] = [$"{year}, {EnMonths[month - 1]} {day}"];
                f["title"] = [title];
                f["genre"] = ["Post"];
                f["container-title"] = [platform];
                f["url"] = [postUrl];
                return (text, f);
            }

            case 18: // podcast episode
            {
                string show = Pick(Shows);
                string publisher = Pick(new[] { "Civic Radio", "Harbour Media", "Northern Broadcasting" });
                text = $"{fam}, {giv[0]}. (Host). ({year}, {EnMonths[month - 1]} {day}). {title} [Audio podcast episode]. In {show}. {publisher}. {url}";
                f["author"] = [$"{fam}, {giv[0]}."];
                f["date"] = [$"{year}, {EnMonths[month - 1]} {day}"];
                f["title"] = [title];
                f["genre"] = ["Audio podcast episode"];
                f["container-title"] = [show];
                f["publisher"] = [publisher];
                f["url"] = [url];
                return (text, f);
            }

            case 19: // encyclopedia entry
            {
                string entry = Pick(new[] { "Atlantic hurricane season", "Port of Rotterdam", "Heat dome", "Four-day week" });
                string wiki = "https://en.wikipedia.org/wiki/" + entry.Replace(' ', '_');
                text = $"Wikipedia contributors. ({year}, {EnMonths[month - 1]} {day}). {entry}. In Wikipedia, The Free Encyclopedia. {wiki}";
                f["author"] = ["Wikipedia contributors"];
                f["date"] = [$"{year}, {EnMonths[month - 1]} {day}"];
                f["title"] = [entry];
                f["container-title"] = ["Wikipedia, The Free Encyclopedia"];
                f["url"] = [wiki];
                return (text, f);
            }

            case 20: // MLA print with edition, section and page
            {
                string ed = Pick(new[] { "late", "national", "early" });
                int sec = 1 + rng.Next(6);
                int pg = 1 + rng.Next(30);
                text = $"{fam}, {giv}. “{title}.” {outlet}, {ed} ed., {day} {EnShort[month - 1]} {year}, sec. {sec}, p. {pg}.";
                f["author"] = [$"{fam}, {giv}"];
                f["edition"] = [ed];
                f["date"] = [$"{day} {EnShort[month - 1]} {year}"];
                f["section"] = [sec.ToString(CultureInfo.InvariantCulture)];
                f["pages"] = [pg.ToString(CultureInfo.InvariantCulture)];
                break;
            }

            case 21: // Chicago with "updated"
                text = $"{giv} {fam}, “{title},” {outlet}, updated {EnMonths[month - 1]} {day}, {year}, {url}.";
                f["author"] = [$"{giv} {fam}"];
                f["date"] = [$"{EnMonths[month - 1]} {day}, {year}"];
                f["url"] = [url];
                break;
            case 22: // APA journal article with a DOI link
            {
                string journal = Pick(Journals);
                int vol = 10 + rng.Next(600);
                int iss = 1 + rng.Next(12);
                int p1 = 1 + rng.Next(300);
                string doi = $"10.{1000 + rng.Next(8000)}/{Slug(title)[..Math.Min(12, Slug(title).Length)]}.{year}.{rng.Next(100, 999)}";
                text = $"{fam}, {giv[0]}. ({year}). {title}. {journal}, {vol}({iss}), {p1}–{p1 + 3 + rng.Next(20)}. https://doi.org/{doi}";
                f["author"] = [$"{fam}, {giv[0]}."];
                f["date"] = [year.ToString(CultureInfo.InvariantCulture)];
                f["title"] = [title];
                f["container-title"] = [journal];
                f["volume"] = [vol.ToString(CultureInfo.InvariantCulture)];
                f["issue"] = [iss.ToString(CultureInfo.InvariantCulture)];
                f["pages"] = [text[(text.LastIndexOf(", ", StringComparison.Ordinal) + 2)..text.LastIndexOf(". https", StringComparison.Ordinal)]];
                f["doi"] = [doi];
                return (text, f);
            }

            case 23: // German online article with URL and Zugriff
            {
                string de = Pick(GermanTitles);
                string deOutlet = Pick(GermanOutlets);
                string pageUrl = "https://" + Host(deOutlet) + "/" + Slug(de);
                string date = $"{day:00}.{month:00}.{year}";
                string acc = $"{accDay:00}.{month:00}.{year}";
                bool unsigned = rng.Next(2) == 0;
                string who = unsigned ? "o. V." : $"{fam}, {giv[0]}.";
                text = $"{who} ({year}): {de}. In: {deOutlet}, {date}, URL: {pageUrl} (Zugriff: {acc}).";
                if (!unsigned)
                {
                    f["author"] = [who];
                }

                f["date"] = [date];
                f["title"] = [de];
                f["container-title"] = [deOutlet];
                f["url"] = [pageUrl];
                f["accessed"] = [acc];
                return (text, f);
            }

            case 24: // IEEE with et al.
            {
                int number = 1 + rng.Next(60);
                text = $"[{number}] {giv[0]}. {fam} et al., “{title},” {outlet}, {day} {EnShort[month - 1]} {year}.";
                f["citation-number"] = [number.ToString(CultureInfo.InvariantCulture)];
                f["author"] = [$"{giv[0]}. {fam}"];
                f["date"] = [$"{day} {EnShort[month - 1]} {year}"];
                break;
            }

            case 25: // video by a corporate channel
            {
                string corp = Pick(new[] { "Channel 4 News", "City Council Live", "Harbour TV", "The Data Desk Team" });
                string video = "https://www.youtube.com/watch?v=" + new string(Enumerable.Range(0, 11).Select(_ => "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"[rng.Next(57)]).ToArray());
                text = $"{corp}. ({year}, {EnMonths[month - 1]} {day}). {title} [Video]. YouTube. {video}";
                f["author"] = [corp];
                f["date"] = [$"{year}, {EnMonths[month - 1]} {day}"];
                f["title"] = [title];
                f["genre"] = ["Video"];
                f["container-title"] = ["YouTube"];
                f["url"] = [video];
                return (text, f);
            }

            default: // report by an organisation
            {
                string corp = Pick(Corporate);
                string acronym = new string(corp.Split(' ').Where(w => w != "The" && w.Length > 2).Select(w => w[0]).ToArray());
                text = $"{corp}. ({year}). {title} {year}. {acronym}. {url}";
                f["author"] = [corp];
                f["date"] = [year.ToString(CultureInfo.InvariantCulture)];
                f["title"] = [title + " " + year.ToString(CultureInfo.InvariantCulture)];
                f["publisher"] = [acronym];
                f["url"] = [url];
                return (text, f);
            }
        }

        f["title"] = [title];
        f["container-title"] = [outlet];
        return (text, f);
    }
}
