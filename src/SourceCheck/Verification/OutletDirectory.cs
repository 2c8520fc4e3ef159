using System.Text;
using SourceCheck.Documents.Web;
using SourceCheck.Text;

namespace SourceCheck.Verification;

/// <summary>News outlets and the web addresses (registrable domains) they publish under, to search a reference
/// that names only its outlet. Built in: a table of common English and German outlets. Users extend it with
/// <c>outlets.tsv</c> in their config folder (<c>$XDG_CONFIG_HOME/sourcecheck/</c>, else the application-data
/// folder): lines <c>Outlet name&lt;TAB&gt;domain</c>; callers may add what the store knows (a document's outlet
/// and the domain of its address).</summary>
internal sealed partial class OutletDirectory
{
    private static readonly (string Name, string Domain)[] BuiltIn =
    [
        ("TechCrunch", "techcrunch.com"), ("The Verge", "theverge.com"), ("Wired", "wired.com"), ("Ars Technica", "arstechnica.com"),
        ("Reuters", "reuters.com"), ("Associated Press", "apnews.com"), ("AP News", "apnews.com"), ("BBC", "bbc.co.uk"), ("BBC News", "bbc.com"),
        ("The New York Times", "nytimes.com"), ("New York Times", "nytimes.com"), ("The Washington Post", "washingtonpost.com"),
        ("The Guardian", "theguardian.com"), ("CNN", "cnn.com"), ("CNN Business", "cnn.com"), ("NBC News", "nbcnews.com"),
        ("CBS News", "cbsnews.com"), ("ABC News", "abcnews.go.com"), ("NPR", "npr.org"), ("Bloomberg", "bloomberg.com"),
        ("The Wall Street Journal", "wsj.com"), ("Wall Street Journal", "wsj.com"), ("Financial Times", "ft.com"), ("CNBC", "cnbc.com"),
        ("Axios", "axios.com"), ("Politico", "politico.com"), ("The Atlantic", "theatlantic.com"), ("Forbes", "forbes.com"),
        ("Fortune", "fortune.com"), ("Business Insider", "businessinsider.com"), ("Insider", "businessinsider.com"),
        ("The Information", "theinformation.com"), ("VentureBeat", "venturebeat.com"), ("ZDNet", "zdnet.com"), ("Engadget", "engadget.com"),
        ("ITPro", "itpro.com"), ("South China Morning Post", "scmp.com"), ("The Decoder", "the-decoder.com"),
        ("The American Prospect", "prospect.org"), ("The Business Times", "businesstimes.com.sg"), ("Common Dreams", "commondreams.org"),
        ("The Tech Buzz", "techbuzz.ai"), ("MIT Technology Review", "technologyreview.com"), ("The Economist", "economist.com"),
        ("Los Angeles Times", "latimes.com"), ("USA Today", "usatoday.com"), ("Al Jazeera", "aljazeera.com"), ("Le Monde", "lemonde.fr"),
        ("Der Spiegel", "spiegel.de"), ("Spiegel", "spiegel.de"), ("Die Zeit", "zeit.de"), ("Zeit Online", "zeit.de"),
        ("Frankfurter Allgemeine Zeitung", "faz.net"), ("FAZ", "faz.net"), ("Süddeutsche Zeitung", "sueddeutsche.de"), ("SZ", "sueddeutsche.de"),
        ("Tagesschau", "tagesschau.de"), ("tagesschau.de", "tagesschau.de"), ("heise online", "heise.de"), ("heise", "heise.de"),
        ("Handelsblatt", "handelsblatt.com"), ("Die Welt", "welt.de"), ("Welt", "welt.de"), ("taz", "taz.de"), ("Tagesspiegel", "tagesspiegel.de"),
        ("Der Tagesspiegel", "tagesspiegel.de"), ("netzpolitik.org", "netzpolitik.org"), ("Golem", "golem.de"), ("Golem.de", "golem.de"),
        ("t3n", "t3n.de"), ("Deutschlandfunk", "deutschlandfunk.de"), ("ZDF", "zdf.de"), ("ZDFheute", "zdf.de"), ("Stern", "stern.de"),
        ("Focus", "focus.de"), ("Focus Online", "focus.de"), ("Manager Magazin", "manager-magazin.de"), ("WirtschaftsWoche", "wiwo.de"),
        ("Neue Zürcher Zeitung", "nzz.ch"), ("NZZ", "nzz.ch"), ("Der Standard", "derstandard.at"), ("ORF", "orf.at"), ("Die Presse", "diepresse.com"),
        ("Bild", "bild.de"), ("Frankfurter Rundschau", "fr.de"), ("Berliner Zeitung", "berliner-zeitung.de"), ("Deutsche Welle", "dw.com"),
        ("DW", "dw.com"), ("Computerwoche", "computerwoche.de"), ("Capital", "capital.de"), ("Börsen-Zeitung", "boersen-zeitung.de"),
    ];

    private readonly Dictionary<string, List<string>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _names = new(StringComparer.Ordinal);

    /// <param name="builtIn">Start from the built-in table (false: empty, for a caller's own table).</param>
    /// <param name="national">With the list of the largest national outlets by market (<see cref="National"/>); false
    /// keeps only the short table of outlets the project met first (to measure what the list adds).</param>
    public OutletDirectory(bool builtIn = true, bool national = true)
    {
        if (builtIn)
        {
            foreach (var (name, domain) in national ? BuiltIn.Concat(National) : BuiltIn)
            {
                Add(name, domain);
            }
        }
    }

    /// <summary>The user's file: <c>$XDG_CONFIG_HOME/sourcecheck/outlets.tsv</c> (or the application-data folder).</summary>
    public static string UserFile()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        string root = !string.IsNullOrEmpty(xdg) ? xdg : Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "sourcecheck", "outlets.tsv");
    }

    /// <summary>The built-in table plus the user's file when it exists.</summary>
    public static OutletDirectory Default()
    {
        var d = new OutletDirectory();
        d.AddFile(UserFile());
        return d;
    }

    /// <summary>Adds the lines <c>name&lt;TAB&gt;domain</c> of a file (comments with #; at most 1 MB read).</summary>
    public void AddFile(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length > 1024 * 1024)
        {
            return;
        }

        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var parts = line.Split('\t');
            if (parts.Length >= 2 && !line.TrimStart().StartsWith('#'))
            {
                Add(parts[0], parts[1]);
            }
        }
    }

    /// <summary>Adds one outlet name and a domain or address it publishes under.</summary>
    public void Add(string name, string domainOrUrl)
    {
        string key = NameKey(name);
        string d = domainOrUrl.Trim();
        if (Uri.TryCreate(d.Contains("://", StringComparison.Ordinal) ? d : "https://" + d, UriKind.Absolute, out var u))
        {
            d = WebText.RegistrableDomain(u.Host);
        }

        if (key.Length == 0 || d.Length < 3)
        {
            return;
        }

        if (!_byName.TryGetValue(key, out var list))
        {
            _byName[key] = list = [];
        }

        if (!list.Contains(d, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(d.ToLowerInvariant());
        }

        if (!_names.TryGetValue(d.ToLowerInvariant(), out var names))
        {
            _names[d.ToLowerInvariant()] = names = [];
        }

        if (!names.Contains(name.Trim(), StringComparer.Ordinal))
        {
            names.Add(name.Trim());
        }
    }

    /// <summary>The names of the outlets publishing under <paramref name="domain"/> as written in the table ("AP News",
    /// "Associated Press" for apnews.com).</summary>
    public IReadOnlyList<string> NamesOf(string domain) =>
        _names.TryGetValue(domain.ToLowerInvariant(), out var names) ? names : [];

    /// <summary>The domains of an outlet named as in a reference ("The Guardian", "guardian", "heise.de"), or none.</summary>
    public IReadOnlyList<string> DomainsOf(string? outlet)
    {
        if (string.IsNullOrWhiteSpace(outlet))
        {
            return [];
        }

        string key = NameKey(outlet);
        if (_byName.TryGetValue(key, out var list))
        {
            return list;
        }

        // An outlet written as its domain ("heise.de", "www.spiegel.de").
        string t = outlet.Trim().ToLowerInvariant();
        if (t.Contains('.', StringComparison.Ordinal) && !t.Contains(' ', StringComparison.Ordinal)
            && Uri.TryCreate("https://" + t.TrimEnd('/'), UriKind.Absolute, out var u) && u.Host.Contains('.', StringComparison.Ordinal))
        {
            return [WebText.RegistrableDomain(u.Host)];
        }

        return [];
    }

    /// <summary>What a store knows: documents already checked, each with its outlet and address (a file path or a
    /// record without an outlet teaches nothing).</summary>
    public void AddKnown(IEnumerable<(string? Outlet, string? Address)> documents)
    {
        foreach (var (outlet, address) in documents)
        {
            if (outlet is { Length: > 0 and <= 80 } && address is not null && Uri.TryCreate(address, UriKind.Absolute, out var u)
                && u.Scheme is "http" or "https" && u.HostNameType == UriHostNameType.Dns)
            {
                Add(outlet, u.Host);
            }
        }
    }

    /// <summary>Most guesses <see cref="GuessDomains"/> returns: each is one question to the archive's index.</summary>
    public const int MaxGuesses = 56;

    /// <summary>Most guesses under the country domains of the language the reference is not in (a headline whose
    /// language was guessed wrong, an English-named outlet of a German-speaking country).</summary>
    private const int MaxOtherLanguageGuesses = 16;

    /// <summary>Most guesses under the domains of the countries the reference signals (<see cref="Countries"/>).</summary>
    private const int MaxCountryGuesses = 16;

    private static readonly string[] GermanDomains = [".de", ".at", ".ch", ".net"];
    private static readonly string[] EnglishDomains = [".com", ".net", ".co.uk", ".ie", ".ca", ".com.au", ".co.nz", ".in"];

    /// <summary>Web addresses an outlet in no table may publish under, guessed from its name, most likely first (at most
    /// <see cref="MaxGuesses"/>). First (at most 16) under the country-code domains of the countries the reference
    /// signals — the outlet's name first ("Luxemburger Wort", "The Namibian"), then the headline's places ("Windhoek",
    /// "Latvia's") — with the name's country words taken out ("Luxemburger Wort" → wort.lu), the initials of a
    /// multi-word place kept ("Buenos Aires Times" → batimes.com.ar), and the country glued to the name under .com
    /// ("Punch" + Nigeria → punchng.com, thepeninsulaqatar.com); then under the country domains of the reference's
    /// language; then (at most 16) under those of the other language, because a short headline's language is a guess too
    /// (German first for German references: .de, .at, .ch, .net; otherwise .com, .co.uk, .ie, .ca, .com.au, .co.nz, .in,
    /// .net; <paramref name="language"/> null: English first). Shapes, in order: the name's words joined (German umlauts as
    /// "ae"/"oe"/"ue"); the initials of a name of 2-4 words ("Westdeutsche Allgemeine Zeitung" → waz.de); the name with
    /// its leading article ("The Age" → theage.com.au, "Der Standard" → derstandard.at); hyphenated under the main ones
    /// (.de; .com, .co.uk); the initials of a camel-case brand's parts ("RedaktionsNetzwerk Deutschland" → rnd.de); then
    /// the one word that names the outlet ("Sky News" → sky.com, "Hamburger Abendblatt" → abendblatt.de, "Sächsische
    /// Zeitung" → saechsische.de; words like "Zeitung", "News", "Times" alone are no address).</summary>
    public static IReadOnlyList<string> GuessDomains(string outlet, string? language, string? title = null)
    {
        bool german = language == "de";
        var byCountry = CountryGuesses(outlet, title).Take(MaxCountryGuesses).ToList();
        var first = GuessDomains(outlet, german ? GermanDomains : EnglishDomains, german ? [".de"] : [".com", ".co.uk"], false);
        var other = GuessDomains(outlet, german ? EnglishDomains : GermanDomains, german ? [".com", ".co.uk"] : [".de"], false)
            .Where(g => !first.Contains(g, StringComparer.Ordinal)).Take(MaxOtherLanguageGuesses);
        return byCountry.Concat(first.Take(MaxGuesses - MaxOtherLanguageGuesses - MaxCountryGuesses)).Concat(other)
            .Distinct(StringComparer.Ordinal).Take(MaxGuesses).ToList();
    }

    /// <summary>The countries a reference signals: those its outlet's name names first, then those of its headline
    /// (at most two in all); each with the positions of the outlet-name words that name it (none for a headline's).</summary>
    internal static List<(Countries.Country Country, List<int> InName)> CountriesOf(string outlet, string? title)
    {
        var list = Countries.Signals(Countries.Words(outlet)).Select(s => (s.Country, s.At)).ToList();
        if (title is not null)
        {
            foreach (var (country, _) in Countries.Signals(Countries.Words(title)))
            {
                if (!list.Any(l => l.Country.Code == country.Code))
                {
                    list.Add((country, []));
                }
            }
        }

        return list.Take(2).ToList();
    }

    /// <summary>The guesses of <see cref="GuessDomains"/> under the domains of the countries the reference signals only.</summary>
    internal static IReadOnlyList<string> CountryDomainGuesses(string outlet, string? title) => CountryGuesses(outlet, title).Take(MaxCountryGuesses).ToList();

    /// <summary>Whether the outlet's name is made of words of kind alone ("Allgemeine Zeitung", "The National",
    /// "Tageblatt"): such a name is shared by outlets of several countries, and the name alone does not choose among them.</summary>
    internal static bool SharedName(string outlet)
    {
        var words = Countries.Words(outlet).Where(w => w is not ("the" or "der" or "die" or "das" or "of" or "and" or "und")).ToList();
        return words.Count > 0 && words.All(GenericOutletWords.Contains);
    }

    /// <summary>A shared outlet name (<see cref="SharedName"/>) whose table addresses all lie in countries other than
    /// the one the reference signals (the name or the headline: "Allgemeine Zeitung" with "Windhoek" in the headline
    /// against a German address): the country signalled, else null.</summary>
    internal static Countries.Country? ElsewhereThan(string outlet, string? title, IReadOnlyList<string> domains)
    {
        if (!SharedName(outlet) || domains.Count == 0)
        {
            return null;
        }

        var at = domains.Select(Countries.OfDomain).ToList();
        var signalled = CountriesOf(outlet, title);
        if (signalled.Count == 0 || at.Any(c => c is null || signalled.Any(s => s.Country.Code == c.Code)))
        {
            return null;
        }

        return signalled[0].Country;
    }

    private static IEnumerable<string> CountryGuesses(string outlet, string? title)
    {
        var words = Countries.Words(outlet);
        foreach (var (country, inName) in CountriesOf(outlet, title))
        {
            string[] under = [.. country.Domains];
            var rest = words.Where((w, i) => !inName.Contains(i) && w is not ("the" or "der" or "die" or "das")).ToList();
            var guesses = new List<string>();
            // the name without its country words ("Luxemburger Wort" → wort), then the whole name
            if (rest.Count is > 0 and <= 3 && inName.Count > 0)
            {
                guesses.AddRange(GuessDomains(string.Join(' ', rest), under, under, true));
                if (inName.Count >= 2)
                {
                    // a multi-word place as its initials ("Buenos Aires Times" → batimes)
                    string initials = string.Concat(inName.Select(i => words[i][0])) + string.Concat(rest);
                    guesses.AddRange(under.Append(".com").Select(t => initials + t));
                }
            }

            guesses.AddRange(GuessDomains(outlet, under, under, false));
            // the country glued to the name under .com ("Punch" → punchng.com, "The Peninsula" → thepeninsulaqatar.com)
            string joined = string.Concat(words);
            if (joined.Length is >= 2 and <= 30 && inName.Count == 0)
            {
                guesses.Add(joined + country.Code + ".com");
                guesses.Add(joined + country.Name + ".com");
            }

            foreach (string g in guesses.Distinct(StringComparer.Ordinal))
            {
                yield return g;
            }
        }
    }

    private static readonly char[] NameSeparators = [' ', '-', '.', '\'', '’', '&', ',', ':', '(', ')', '/'];

    /// <summary>The words of a lower-cased, folded outlet name as an address spells them (ASCII letters and digits).</summary>
    private static List<string> AddressWords(string folded) =>
        folded.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries).Select(TextFolding.AsciiKey).Where(w => w.Length > 0).ToList();

    /// <param name="outlet">The outlet's name.</param>
    /// <param name="tlds">The domains every shape is tried under.</param>
    /// <param name="main">The domains the hyphenated shape is tried under.</param>
    /// <param name="generic">Whether a name made of words of kind alone ("Tageblatt") still gives its words.</param>
    private static List<string> GuessDomains(string outlet, string[] tlds, string[] main, bool generic)
    {
        string name = outlet.Trim();
        string? leading = null;
        foreach (string article in (string[])["The ", "Der ", "Die ", "Das "])
        {
            if (name.StartsWith(article, StringComparison.OrdinalIgnoreCase) && name.Length > article.Length + 2)
            {
                leading = article.Trim().ToLowerInvariant();
                name = name[article.Length..];
                break;
            }
        }

        var words = AddressWords(TextFolding.GermanAsciiSpelling(name.ToLowerInvariant()));
        if (words.Count == 0 || words.Count > 4)
        {
            return [];
        }

        var guesses = new List<string>();
        void Add(string stem, string[] under)
        {
            if (stem.Length is >= 2 and <= 40)
            {
                guesses.AddRange(under.Select(t => stem + t));
            }
        }

        Add(string.Concat(words), tlds);

        // a name with letters other than the German umlauts ("Hürriyet": Turkish, "hurriyet" in its address): also
        // spelt without the diacritics
        var plain = AddressWords(TextFolding.WithoutDiacritics(name.ToLowerInvariant()));
        if (!plain.SequenceEqual(words, StringComparer.Ordinal))
        {
            Add(string.Concat(plain), tlds);
        }

        // a name that is already short ("RNZ", "n-tv") has no shorter shape
        var content = words.Where(w => w.Length > 2 || words.Count == 1).ToList();
        if (content.Count is >= 2 and <= 4)
        {
            Add(string.Concat(content.Select(w => w[0])), tlds);
        }

        if (leading is not null)
        {
            Add(leading + string.Concat(words), tlds);
        }

        if (words.Count > 1)
        {
            Add(string.Join('-', words), main);
        }

        // a brand written in camel case counts each capitalised part ("RedaktionsNetzwerk Deutschland" → rnd.de)
        var parts = name.Split([' ', '-', '.', '\'', '’', '&', ',', ':', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(CamelParts).Where(w => w.Length > 2).ToList();
        if (parts.Count is >= 2 and <= 4 && parts.Count > content.Count)
        {
            Add(TextFolding.AsciiKey(TextFolding.GermanAsciiSpelling(string.Concat(parts.Select(w => w[0])).ToLowerInvariant())), tlds);
        }

        if (content.Count is >= 2 and <= 4)
        {
            // the one word that names the outlet: a brand before a word of kind ("Sky News" → sky), else the distinctive
            // words of 5+ letters, the last first ("Hamburger Abendblatt" → abendblatt)
            var own = content.Where(w => generic || !GenericOutletWords.Contains(w)).ToList();
            foreach (string w in own.Count == 1 ? (IEnumerable<string>)own : own.Where(w => w.Length >= 5).OrderByDescending(w => w == content[^1]))
            {
                Add(w, tlds);
            }
        }

        return guesses.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The parts of a word written in camel case ("RedaktionsNetzwerk" → "Redaktions", "Netzwerk"); other words whole.</summary>
    private static IEnumerable<string> CamelParts(string word)
    {
        int start = 0;
        for (int i = 1; i < word.Length; i++)
        {
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1]))
            {
                yield return word[start..i];
                start = i;
            }
        }

        yield return word[start..];
    }

    /// <summary>Words of outlet names that say what kind of outlet it is, not which: no address alone.</summary>
    private static readonly HashSet<string> GenericOutletWords = new(StringComparer.Ordinal)
    {
        "zeitung", "nachrichten", "allgemeine", "rundschau", "anzeiger", "kurier", "express", "presse", "tageblatt", "morgenpost", "abendzeitung",
        "news", "times", "daily", "herald", "tribune", "journal", "press", "review", "magazine", "magazin", "online", "post", "gazette", "chronicle",
        "standard", "observer", "mirror", "telegraph", "independent", "examiner", "weekly", "sunday", "national", "global", "world", "media",
        "international", "edition",
    };

    /// <summary>Whether two outlet names are the same outlet (case, accents, spaces and a leading "The" aside).</summary>
    internal static bool SameOutlet(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && NameKey(a) is { Length: > 0 } k && k == NameKey(b);

    /// <summary>The domains of a known outlet whose name opens the cited one — a magazine, supplement or briefing
    /// published under its paper's host ("SZ-Magazin" → sueddeutsche.de, "Tagesspiegel Background" → tagesspiegel.de),
    /// longest opening first; none when the whole name is known or no opening is.</summary>
    public IReadOnlyList<string> ParentDomainsOf(string? outlet)
    {
        if (string.IsNullOrWhiteSpace(outlet) || DomainsOf(outlet).Count > 0)
        {
            return [];
        }

        var words = outlet.Trim().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        for (int k = words.Length - 1; k >= 1; k--)
        {
            var d = DomainsOf(string.Join(' ', words.Take(k)));
            if (d.Count > 0)
            {
                return d;
            }
        }

        return [];
    }

    /// <summary>Whether the outlet is a known news/web outlet.</summary>
    public bool Knows(string? outlet) => DomainsOf(outlet).Count > 0;

    private static string NameKey(string name)
    {
        string k = TextFolding.WithoutDiacritics(TextFolding.PageTextKey(name));
        if (k.StartsWith("the ", StringComparison.Ordinal))
        {
            k = k[4..];
        }

        return k.Replace(" ", string.Empty, StringComparison.Ordinal);
    }
}
