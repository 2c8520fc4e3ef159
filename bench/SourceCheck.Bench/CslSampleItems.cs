using System.Globalization;
using SourceCheck.Csl;

namespace SourceCheck.Bench;

/// <summary>A seeded generator of realistic mixed references (journal articles, newspaper and magazine articles,
/// blog posts, web pages, books, chapters, reports) for benchmarks and oracle comparisons.</summary>
internal static class CslSampleItems
{
    private static readonly string[] Families =
    [
        "Smith", "Johnson", "Müller", "García", "Nguyen", "Kowalski", "O'Brien", "Rossi", "Dubois", "Andersson", "Tanaka",
        "Okafor", "Schmidt", "Patel", "Cohen", "Silva", "Ivanova", "Wile", "Kopack", "Hernández", "Lee", "Brown",
        "Fischer", "Martin", "Jensen", "Novak", "Costa", "Yilmaz", "Khan", "Murphy", "Walker", "Becker", "Lopez",
    ];

    private static readonly string[] Givens =
    [
        "Anna", "John", "Maria", "Wei", "Lukas", "Sarah", "Jean-Paul", "Ahmed", "Emily", "Hans Peter", "Sofia", "David",
        "Chinedu", "Laura", "Mikhail", "Aiko", "Robert J.", "Claire", "Tomás", "Ingrid", "Mary Ann", "Kenji", "Olga",
    ];

    private static readonly string[] Particles = ["van", "de", "von", "van der", "da"];

    private static readonly string[] Institutions =
    [
        "World Health Organization", "National Institute of Standards and Technology", "European Commission",
        "Pew Research Center", "U.S. Census Bureau", "Statistisches Bundesamt", "OECD", "The Tech Buzz Team",
    ];

    private static readonly string[] Words =
    [
        "climate", "policy", "health", "digital", "learning", "urban", "migration", "energy", "market", "privacy",
        "networks", "children", "evidence", "reform", "water", "trust", "media", "innovation", "inequality", "memory",
        "language", "security", "design", "public", "history", "risk", "model", "data", "future", "science",
    ];

    private static readonly string[] Journals =
    [
        "Journal of Applied Psychology", "Nature", "The Lancet", "Science", "Psychological Review", "Journal of Urban Economics",
        "American Sociological Review", "Zeitschrift für Soziologie", "Journal of Computer-Mediated Communication",
    ];

    private static readonly string[] Newspapers = ["The New York Times", "The Guardian", "Süddeutsche Zeitung", "The Washington Post", "Le Monde"];

    private static readonly string[] Magazines = ["The Atlantic", "Wired", "The Economist", "Time", "Der Spiegel", "Scientific American"];

    private static readonly string[] Blogs = ["Freakonomics", "The Verge", "Marginal Revolution", "Ars Technica", "Medium"];

    private static readonly string[] Sites = ["BBC News", "Wikipedia", "Mayo Clinic", "GitHub", "Stanford Encyclopedia of Philosophy"];

    private static readonly string[] Publishers = ["Oxford University Press", "Penguin", "Springer", "Routledge", "MIT Press", "Suhrkamp", "Wiley"];

    private static readonly string[] Places = ["New York", "London", "Berlin", "Cambridge, MA", "Oxford", "Frankfurt am Main"];

    public static List<CslItem> Generate(int count, int seed)
    {
        var rng = new Random(seed);
        var list = new List<CslItem>(count);
        string[] types = ["article-journal", "article-newspaper", "article-magazine", "post-weblog", "webpage", "book", "chapter", "report"];
        for (int i = 0; i < count; i++)
        {
            string type = types[rng.Next(types.Length)];
            var item = new CslItem($"item-{i + 1}", type);
            Fill(item, type, rng);
            list.Add(item);
        }

        return list;
    }

    private static readonly string[][] NonLatin =
    [
        ["王", "小明"], ["李", "华"], ["山田", "太郎"], ["Иванов", "Сергей"], ["Παπαδόπουλος", "Γιώργος"], ["김", "민준"],
    ];

    private static readonly string[] Courts = ["Supreme Court", "Bundesverfassungsgericht", "Court of Appeal"];

    /// <summary>Item kinds the ordinary generator rarely makes (bench <c>csl-diff</c> with <c>CSL_DIFF_KIND=rare</c>):
    /// long author lists for et-al, missing dates, the same authors and year twice (year suffixes), editors and
    /// translators, page ranges in several forms, legal cases, patents, theses, legislation, non-Latin names, date
    /// ranges. A development aid only: the held-out scores use <see cref="Generate"/>.</summary>
    public static List<CslItem> GenerateRare(int count, int seed)
    {
        var rng = new Random(seed);
        var list = new List<CslItem>(count);
        string[] kinds = ["many", "nodate", "twin", "translated", "pages", "legal_case", "patent", "thesis", "legislation", "nonlatin", "range"];
        for (int i = 0; i < count; i++)
        {
            string kind = kinds[rng.Next(kinds.Length)];
            string type = kind switch
            {
                "legal_case" or "patent" or "thesis" or "legislation" => kind,
                "translated" => rng.Next(2) == 0 ? "book" : "chapter",
                _ => rng.Next(3) == 0 ? "book" : "article-journal",
            };
            var item = new CslItem($"item-{i + 1}", type);
            Fill(item, type == "book" || type == "chapter" || type == "article-journal" ? type : "report", rng);
            switch (kind)
            {
                case "many":
                    item.SetNames("author", People(rng, 7, 25));
                    break;
                case "nodate":
                    item.Remove("issued");
                    break;
                case "twin" when list.Count > 0:
                {
                    var twin = list[rng.Next(list.Count)];
                    if (twin.GetNames("author") is { Count: > 0 } authors && twin.GetDate("issued") is { } year)
                    {
                        item.SetNames("author", authors);
                        item.SetDate("issued", year);
                    }

                    break;
                }

                case "translated":
                    item.SetNames("translator", People(rng, 1, 2));
                    if (rng.Next(2) == 0)
                    {
                        item.SetNames("editor", People(rng, 1, 2));
                    }

                    item.SetString("original-title", Title(rng, false));
                    break;
                case "pages":
                {
                    int p = rng.Next(100, 1300);
                    item.SetString("page", rng.Next(4) switch
                    {
                        0 => $"{p}-{(p % 100) + 5}",
                        1 => $"e{p}",
                        2 => $"S{p % 50}-S{(p % 50) + 7}",
                        _ => $"{p}",
                    });
                    break;
                }

                case "legal_case":
                    item.Remove("author");
                    item.SetString("title", $"{Pick(rng, Families)} v. {Pick(rng, Families)}");
                    item.SetString("authority", Pick(rng, Courts));
                    item.SetString("container-title", "U.S.");
                    item.SetString("volume", rng.Next(100, 600).ToString(CultureInfo.InvariantCulture));
                    item.SetString("page", rng.Next(1, 999).ToString(CultureInfo.InvariantCulture));
                    break;
                case "patent":
                    item.SetString("number", "US " + rng.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture));
                    item.SetString("authority", "U.S. Patent and Trademark Office");
                    break;
                case "thesis":
                    item.SetNames("author", People(rng, 1, 1));
                    item.SetString("genre", rng.Next(2) == 0 ? "PhD thesis" : "Master's thesis");
                    item.SetString("publisher", "University of " + Pick(rng, Places));
                    break;
                case "legislation":
                    item.Remove("author");
                    item.SetString("container-title", "Bundesgesetzblatt");
                    item.SetString("section", "§ " + rng.Next(1, 200).ToString(CultureInfo.InvariantCulture));
                    break;
                case "nonlatin":
                {
                    var n = Pick(rng, NonLatin);
                    item.SetNames("author", [new CslName { Family = n[0], Given = n[1] }, Person(rng)]);
                    break;
                }

                case "range":
                {
                    int y = rng.Next(1990, 2020);
                    item.SetDate("issued", new CslDate { Parts = [new DateParts(y, rng.Next(1, 13)), new DateParts(y + rng.Next(0, 3), rng.Next(1, 13))] });
                    break;
                }
            }

            list.Add(item);
        }

        return list;
    }

    private static T Pick<T>(Random rng, T[] arr) => arr[rng.Next(arr.Length)];

    private static CslName Person(Random rng)
    {
        var name = new CslName { Family = Pick(rng, Families), Given = Pick(rng, Givens) };
        int r = rng.Next(40);
        if (r == 0)
        {
            name = name with { NonDroppingParticle = Pick(rng, Particles) };
        }
        else if (r == 1)
        {
            name = name with { Suffix = "Jr." };
        }

        return name;
    }

    private static List<CslName> People(Random rng, int min, int max)
    {
        int n = rng.Next(min, max + 1);
        if (rng.Next(60) == 0)
        {
            n = 22;
        }

        return [.. Enumerable.Range(0, n).Select(_ => Person(rng))];
    }

    private static string Title(Random rng, bool subtitle = true)
    {
        int n = rng.Next(3, 8);
        var words = Enumerable.Range(0, n).Select(_ => Pick(rng, Words)).ToList();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        string t = string.Join(' ', words);
        if (subtitle && rng.Next(3) == 0)
        {
            t += ": " + string.Join(' ', Enumerable.Range(0, rng.Next(2, 5)).Select(_ => Pick(rng, Words)));
        }

        return t;
    }

    private static CslDate Date(Random rng, int parts)
    {
        int year = rng.Next(1990, 2026);
        return parts switch
        {
            1 => CslDate.Of(year),
            2 => CslDate.Of(year, rng.Next(1, 13)),
            _ => CslDate.Of(year, rng.Next(1, 13), rng.Next(1, 29)),
        };
    }

    private static string Doi(Random rng) => "10." + rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) + "/" + Pick(rng, Words) + "." + rng.Next(100, 99999).ToString(CultureInfo.InvariantCulture);

    private static string Url(Random rng, string host) => "https://www." + host.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal)
        + ".com/" + Pick(rng, Words) + "/" + rng.Next(1000, 99999).ToString(CultureInfo.InvariantCulture);

    private static void Fill(CslItem item, string type, Random rng)
    {
        switch (type)
        {
            case "article-journal":
            {
                item.SetNames("author", People(rng, 1, 8));
                item.SetString("title", Title(rng));
                item.SetString("container-title", Pick(rng, Journals));
                item.SetString("volume", rng.Next(1, 120).ToString(CultureInfo.InvariantCulture));
                if (rng.Next(3) > 0)
                {
                    item.SetString("issue", rng.Next(1, 12).ToString(CultureInfo.InvariantCulture));
                }

                int p = rng.Next(1, 900);
                item.SetString("page", $"{p}-{p + rng.Next(3, 40)}");
                item.SetDate("issued", Date(rng, 1));
                if (rng.Next(4) > 0)
                {
                    item.SetString("DOI", Doi(rng));
                }

                break;
            }

            case "article-newspaper":
                if (rng.Next(4) > 0)
                {
                    item.SetNames("author", People(rng, 1, 2));
                }

                item.SetString("title", Title(rng));
                item.SetString("container-title", Pick(rng, Newspapers));
                item.SetDate("issued", Date(rng, 3));
                if (rng.Next(2) == 0)
                {
                    item.SetString("URL", Url(rng, item.GetString("container-title")!));
                }
                else
                {
                    item.SetString("page", $"A{rng.Next(1, 20)}");
                }

                break;
            case "article-magazine":
                item.SetNames("author", People(rng, 1, 3));
                item.SetString("title", Title(rng));
                item.SetString("container-title", Pick(rng, Magazines));
                item.SetDate("issued", Date(rng, 2));
                if (rng.Next(2) == 0)
                {
                    item.SetString("volume", rng.Next(100, 330).ToString(CultureInfo.InvariantCulture));
                    item.SetString("issue", rng.Next(1, 12).ToString(CultureInfo.InvariantCulture));
                    int p = rng.Next(10, 90);
                    item.SetString("page", $"{p}-{p + rng.Next(2, 10)}");
                }
                else
                {
                    item.SetString("URL", Url(rng, item.GetString("container-title")!));
                }

                break;
            case "post-weblog":
                item.SetNames("author", People(rng, 1, 2));
                item.SetString("title", Title(rng));
                item.SetString("container-title", Pick(rng, Blogs));
                item.SetDate("issued", Date(rng, 3));
                item.SetString("URL", Url(rng, item.GetString("container-title")!));
                break;
            case "webpage":
                if (rng.Next(3) == 0)
                {
                    item.SetNames("author", [CslName.Institution(Pick(rng, Institutions))]);
                }
                else if (rng.Next(2) == 0)
                {
                    item.SetNames("author", People(rng, 1, 3));
                }

                item.SetString("title", Title(rng));
                item.SetString("container-title", Pick(rng, Sites));
                if (rng.Next(3) > 0)
                {
                    item.SetDate("issued", Date(rng, 3));
                }

                item.SetDate("accessed", CslDate.Of(2025, rng.Next(1, 13), rng.Next(1, 29)));
                item.SetString("URL", Url(rng, item.GetString("container-title")!));
                break;
            case "book":
                if (rng.Next(6) == 0)
                {
                    item.SetNames("editor", People(rng, 1, 3));
                }
                else
                {
                    item.SetNames("author", People(rng, 1, 4));
                }

                item.SetString("title", Title(rng));
                if (rng.Next(5) == 0)
                {
                    item.SetString("edition", rng.Next(2, 6).ToString(CultureInfo.InvariantCulture));
                }

                item.SetString("publisher", Pick(rng, Publishers));
                item.SetString("publisher-place", Pick(rng, Places));
                item.SetDate("issued", Date(rng, 1));
                if (rng.Next(5) == 0)
                {
                    item.SetString("DOI", Doi(rng));
                }

                break;
            case "chapter":
            {
                item.SetNames("author", People(rng, 1, 3));
                item.SetNames("editor", People(rng, 1, 3));
                item.SetString("title", Title(rng));
                item.SetString("container-title", Title(rng));
                int p = rng.Next(1, 400);
                item.SetString("page", $"{p}-{p + rng.Next(10, 40)}");
                item.SetString("publisher", Pick(rng, Publishers));
                item.SetString("publisher-place", Pick(rng, Places));
                item.SetDate("issued", Date(rng, 1));
                break;
            }

            default:
                if (rng.Next(2) == 0)
                {
                    item.SetNames("author", [CslName.Institution(Pick(rng, Institutions))]);
                }
                else
                {
                    item.SetNames("author", People(rng, 1, 4));
                    item.SetString("publisher", Pick(rng, Institutions));
                }

                item.SetString("title", Title(rng));
                if (rng.Next(2) == 0)
                {
                    item.SetString("number", rng.Next(1, 999).ToString(CultureInfo.InvariantCulture));
                }

                item.SetDate("issued", Date(rng, 1));
                if (rng.Next(2) == 0)
                {
                    item.SetString("URL", Url(rng, "reports " + Pick(rng, Words)));
                }

                break;
        }
    }
}
