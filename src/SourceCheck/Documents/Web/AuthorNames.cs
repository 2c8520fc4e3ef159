using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.Documents.Web;

/// <summary>Cleaning and classifying author strings from bylines and metadata: prefixes ("By", "Von", "Text:"),
/// roles, e-mail addresses, locations ("in Berlin"), splitting lists ("A and B", "A und B", "A, B"), telling
/// organisations and agencies apart from people, and "Last, First" reordering.</summary>
internal static class AuthorNames
{

    /// <summary>A visible byline: "By Jane Doe", "Von Max Muster und Erika Beispiel".</summary>
    public static readonly Regex BylinePrefix = RegexPolicy.Create(@"^(?:(?:By|BY|by|Von|VON|von|Text|Autor|Autorin|Autoren|Author|Authors|Auteur|Autore|Written by|Posted by|Par|Por)\s*:|By|BY|by|Von|VON|von|Written by|Text von|Ein(?:e|en)? \p{L}{3,15} von|Story by|Reporting by|Posted by|Geschrieben von|Verfasst von|Erstellt von|Eingestellt von|Veröffentlicht von|Par|Por|Door)\s+\p{Lu}[\p{L}\p{Nd}.'’-]+(?:\s+\p{L}[\p{L}.'’-]*){0,3}(?:\s*(?:,|and|und|&)\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{L}[\p{L}.'’-]*){0,3}){0,4}",
        RegexOptions.CultureInvariant);

    private static readonly Regex Prefix = RegexPolicy.Create(@"^\s*(?:(?:written|posted|reported|published|text|story|reporting|words|photos?|analysis|interview|commentary|review)\s+by|(?:(?:view|see|show)\s+)?(?:all\s+)?(?:posts|articles|stories)\s+by|(?:alle\s+)?(?:beiträge|artikel)\s+von|(?:eingestellt|veröffentlicht|gepostet|publiziert)\s+von|by|von|from|text|autor(?:in)?|auteur|author|por|verfasst\s+von|erstellt\s+von|geschrieben\s+von|ein(?:e|en)?\s+\p{L}+\s+von|interview|kommentar|analyse|quelle|source|de|par)\s*[:\-]?\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Email = RegexPolicy.Create(@"\S+@\S+", RegexOptions.CultureInvariant);

    private static readonly Regex Parens = RegexPolicy.Create(@"\([^)]{0,80}\)|\[[^\]]{0,80}\]", RegexOptions.CultureInvariant);

    private static readonly Regex Splitter = RegexPolicy.Create(@"\s*(?:;|\||\s&\s|\s[-–—]\s|\band\b|\bund\b|\bet\b|\bsowie\b|,|\n|/)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Trailer = RegexPolicy.Create(
        @"\s*(?:[,|·•–—-]\s*|\s)(?:\d{1,2}[./]\s?\d{1,2}|\d{4}|updated|aktualisiert|published|veröffentlicht|am\s|on\s|le\s+\d|el\s+\d|posted|stand|mehr\s+vom|more\s+from|follow|folgen|twitter|e-?mail|kontakt|contact|\d+\s+min|(?:tags|schlagworte|illustrations?|fotos?|photos?|bilder?|grafik|(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b|(?:mo|di|mi|do|fr|sa|so)\.?(?:,|$)|anzeigen$|(?-i:le|el|am|on)$).*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Location = RegexPolicy.Create(@"\s+(?:in|aus|from)\s+\p{Lu}[\p{L}\s.'’-]*$", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> OrgWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "dpa", "afp", "ap", "apa", "reuters", "kna", "epd", "sid", "ddp", "dapd", "upi", "efe", "ansa", "sda", "ats", "ktipp", "bloomberg",
        "red", "redaktion", "staff", "newsroom", "editorial", "editors", "editor", "desk", "team", "agentur", "agenturen", "agency", "agencies",
        "press", "associated", "news", "online", "nachrichten", "zeitung", "magazin", "magazine", "media", "medien", "verlag", "gmbh", "inc", "ltd",
        "llc", "board", "service", "services", "network", "tv", "radio", "group", "gruppe", "correspondent", "correspondents", "reporters", "writer",
        "contributors", "contributor", "admin", "administrator", "webmaster", "wire", "ag", "e.v.", "ev", "institut", "institute", "university",
        "universität", "ministry", "ministerium", "department", "office", "company", "foundation", "stiftung", "partner", "sponsored", "anzeige",
        "presse", "pressemitteilung", "redacción", "redaccion", "rédaction", "redazione", "feed", "kommentar", "gastbeitrag", "guest", "ots", "newsdesk", "mitarbeiter", "korrespondent",
        "forum", "verband", "verein",
    };

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "von", "by", "por", "par", "de", "auteur", "autor", "autorin", "author", "authors", "autoren", "text", "weiter", "weitere artikel", "more",
        "mehr", "follow", "folgen", "no author", "unknown", "anonymous", "admin", "administrator", "posted", "share", "teilen", "facebook", "twitter",
        "linkedin", "instagram", "email", "e-mail", "home", "startseite", "kommentare", "comments", "updated", "aktualisiert", "foto", "photo", "bild",
        "alle artikel", "alle beiträge", "all articles", "all posts", "mehr artikel", "profil", "profile",
        "veröffentlicht", "published", "geschrieben", "eingestellt", "gepostet", "redacción", "rédaction", "redazione",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "von", "van", "de", "der", "den", "da", "di", "del", "della", "du", "le", "la", "bin", "ibn", "al", "el", "zu", "ten", "ter", "y", "dos", "das", "do",
    };

    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "senior", "chief", "political", "politics", "business", "science", "technology", "tech", "health", "sports", "reporter", "editor", "writer",
        "correspondent", "columnist", "contributor", "producer", "photographer", "analyst", "redakteur", "redakteurin", "korrespondent",
        "korrespondentin", "autor", "autorin", "fotograf", "fotografin", "journalist", "journalistin", "leiter", "leiterin", "chefredakteur",
        "staff", "special", "international", "national", "digital", "associate", "deputy", "managing", "news", "economics", "economy", "lead",
        "volontär", "volontärin", "praktikant", "praktikantin", "gastautor", "gastautorin", "moderator", "moderatorin",
    };

    /// <summary>"Last, First" (one comma, at most three words each side) becomes "First Last".</summary>
    public static string Reorder(string name)
    {
        string n = WebText.Clean(name);
        int comma = n.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && comma == n.LastIndexOf(',') && !n.Contains(';', StringComparison.Ordinal) && !n.Contains(" and ", StringComparison.OrdinalIgnoreCase))
        {
            string last = n[..comma].Trim();
            string first = n[(comma + 1)..].Trim();
            if (last.Split(' ').Length <= 3 && first.Split(' ').Length <= 3 && first.Length > 0 && last.Length > 0 && !RoleWords.Contains(first.Split(' ')[0]))
            {
                return first + " " + last;
            }
        }

        return n;
    }

    /// <summary>Splits a byline into names ("A and B", "A und B", "A, B; C"). "Last, First" of a single person is kept.</summary>
    public static IEnumerable<string> Split(string value)
    {
        string v = WebText.Clean(value);
        if (v.Length == 0 || v.Length > 400)
        {
            yield break;
        }

        if (v.Contains('&', StringComparison.Ordinal))
        {
            v = WebText.Clean(System.Net.WebUtility.HtmlDecode(v));
        }

        v = Email.Replace(v, " ");
        v = Parens.Replace(v, " ");
        v = Prefix.Replace(v, string.Empty);
        v = Trailer.Replace(Trailer.Replace(v, string.Empty), string.Empty);
        bool org = v.EndsWith(" \u0001org", StringComparison.Ordinal);
        if (org)
        {
            yield return v;
            yield break;
        }

        foreach (var part in Splitter.Split(v))
        {
            string p = Prefix.Replace(part.Trim(), string.Empty).Trim();
            if (p.Length > 0)
            {
                yield return p;
            }
        }
    }

    /// <summary>Removes leftovers (prefixes, roles after the name, trailing punctuation, locations); null if nothing is left.</summary>
    public static string? CleanName(string name)
    {
        string n = WebText.Clean(name);
        n = Prefix.Replace(n, string.Empty);
        n = Location.Replace(n, string.Empty);
        n = n.Trim(' ', '.', ',', ':', ';', '-', '–', '—', '|', '*', '/', '"', '\'', '«', '»', '„', '“', '”');
        if (n.Length < 2 || n.Length > 80 || NotNames.Contains(n))
        {
            return null;
        }

        // Drop role words at the end ("Jane Doe Senior Reporter").
        var words = n.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 2 && RoleWords.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        while (words.Count > 2 && RoleWords.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        if (words.Count == 1 && RoleWords.Contains(words[0]))
        {
            return null;
        }

        n = string.Join(' ', words);
        if (n.Length > 0 && n.ToUpperInvariant() == n && n.Length > 4 && n.Any(char.IsLetter))
        {
            // "JANE DOE" -> "Jane Doe"
            n = string.Join(' ', n.Split(' ').Select(w => w.Length > 1 ? w[0] + w[1..].ToLowerInvariant() : w));
        }

        return n;
    }

    /// <summary>The display form of a name marked as an organisation by the JSON-LD reader.</summary>
    public static string Unmark(string name) => WebText.Clean(name.Replace("\u0001org", string.Empty, StringComparison.Ordinal));

    /// <summary>Whether a cleaned name is an organisation, agency, desk or the site itself rather than a person.</summary>
    public static bool IsOrganisation(string name, string? site)
    {
        if (name.Contains('\u0001', StringComparison.Ordinal))
        {
            return true;
        }

        string key = TextFolding.PageTextKey(name);
        if (site is not null && key.Length > 0 && (key == TextFolding.PageTextKey(site) || TextFolding.PageTextKey(site).Contains(key, StringComparison.Ordinal) && key.Length > 3
            || key.Replace(" ", string.Empty, StringComparison.Ordinal) == TextFolding.PageTextKey(site).Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            return true;
        }

        if (name.Contains('.', StringComparison.Ordinal) && (name.Contains(".de", StringComparison.OrdinalIgnoreCase) || name.Contains(".com", StringComparison.OrdinalIgnoreCase)
            || name.Contains(".at", StringComparison.OrdinalIgnoreCase) || name.Contains(".ch", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var w in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (OrgWords.Contains(w))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>1–5 words, letters, mostly capitalised (particles such as "von", "de" allowed), no digits or URLs.</summary>
    public static bool LooksLikePerson(string name, bool fromMetadata = false)
    {
        if (fromMetadata && name.Length is >= 2 and <= 30 && !name.Contains(' ', StringComparison.Ordinal) && name.Any(char.IsLetter)
            && name.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            return true;
        }

        if (name.Any(char.IsDigit) || name.Contains("http", StringComparison.OrdinalIgnoreCase) || name.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 5)
        {
            return false;
        }

        int lower = 0;
        foreach (var w in words)
        {
            if (!w.Any(char.IsLetter))
            {
                return false;
            }

            if (char.IsLower(w[0]) && !Particles.Contains(w))
            {
                lower++;
            }
        }

        return lower == 0 || (lower == 1 && words.Length == 1 && words[0].Length > 2);
    }

    /// <summary>Same person: equal after case, diacritics and punctuation are ignored.</summary>
    public static bool SameName(string a, string b) =>
        TextFolding.WithoutDiacritics(TextFolding.PageTextKey(a)) == TextFolding.WithoutDiacritics(TextFolding.PageTextKey(b));
}
