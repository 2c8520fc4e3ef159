using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.Claims;

/// <summary>Word lists and patterns for attribution in German and English news text: speech verbs,
/// source cues, role titles, pronouns, given names (for pronoun gender), groups of unnamed speakers.
/// Generic: nothing here names a story.</summary>
internal static partial class AttributionLexicon
{
    public static readonly HashSet<string> FemaleNames = new(StringComparer.Ordinal)
    {
        "Anna", "Anne", "Maria", "Marie", "Sarah", "Sara", "Julia", "Laura", "Lisa", "Katharina", "Christina", "Claudia",
        "Sabine", "Susanne", "Petra", "Andrea", "Stefanie", "Nicole", "Monika", "Ursula", "Angela", "Annalena", "Miriam",
        "Emily", "Emma", "Olivia", "Sophia", "Sophie", "Elizabeth", "Jennifer", "Jessica", "Karen", "Nancy", "Linda",
        "Susan", "Mary", "Patricia", "Barbara", "Margaret", "Helen", "Rachel", "Rebecca", "Hannah", "Lena", "Lea", "Clara",
        "Ines", "Eva", "Elena", "Natalie", "Kate", "Catherine", "Katherine", "Janet", "Christine", "Kamala", "Hillary",
        "Ruth", "Rosa", "Ingrid", "Birgit", "Heike", "Martina", "Kristina", "Ulrike", "Franziska", "Johanna", "Mira", "Nina",
        "Alice", "Grace", "Amy", "Lucy", "Chloe", "Zoe", "Ella", "Mia", "Amelia", "Charlotte", "Isabel", "Isabella", "Carla",
        "Fiona", "Priya", "Aisha", "Fatima", "Mei", "Yuki", "Ava", "Lauren", "Megan", "Michelle", "Melanie", "Vanessa",
        "Jana", "Katrin", "Kerstin", "Silke", "Tanja", "Anja", "Daniela", "Gabriele", "Renate", "Doris", "Gisela", "Karin",
        "Bettina", "Simone", "Carolin", "Caroline", "Alexandra", "Helena", "Victoria", "Marta", "Teresa", "Amanda", "Diana",
        "Irene", "Judith", "Esther", "Leonie", "Marlene", "Greta", "Ida", "Paula", "Pia", "Sandra", "Svenja", "Tamara",
        "Sonja", "Verena", "Yvonne", "Ramona", "Ana", "Sofia", "Lina", "Ingrid", "Astrid", "Agnes", "Nora", "Elif", "Leila",
    };

    public static readonly HashSet<string> MaleNames = new(StringComparer.Ordinal)
    {
        "Sam", "Samuel", "Daniel", "Tobias", "Paul", "Peter", "Michael", "Thomas", "Andreas", "Stefan", "Christian",
        "Markus", "Martin", "Frank", "Klaus", "Jürgen", "Wolfgang", "Hans", "Olaf", "Friedrich", "Robert", "Lars", "Jens",
        "Jan", "Lukas", "Felix", "Max", "Maximilian", "Alexander", "Sebastian", "Florian", "Matthias", "Johannes", "Jonas",
        "Leon", "Elias", "Ben", "Benjamin", "John", "James", "David", "William", "Richard", "Joseph", "Charles",
        "Christopher", "Matthew", "Mark", "Donald", "Steven", "Andrew", "Joshua", "Kevin", "Brian", "George", "Edward",
        "Ronald", "Timothy", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen",
        "Larry", "Justin", "Scott", "Brandon", "Elon", "Jeff", "Bill", "Tim", "Satya", "Sundar", "Jensen", "Greg", "Dario",
        "Mustafa", "Demis", "Joe", "Jerome", "Emmanuel", "Karl", "Heinz", "Dieter", "Uwe", "Rainer", "Helmut", "Gerhard",
        "Horst", "Bernd", "Ralf", "Ralph", "Dirk", "Holger", "Carsten", "Kai", "Nils", "Philipp", "Simon", "Moritz", "Erik",
        "Oliver", "Henrik", "Omar", "Ahmed", "Mohammed", "Ali", "Hiroshi", "Kenji", "Wei", "Raj", "Arjun", "Antonio",
        "Carlos", "Luis", "Pedro", "Marco", "Giovanni", "Pierre", "Jean", "François", "Hugo", "Vincent", "Adam", "Patrick",
        "Sean", "Liam", "Noah", "Ethan", "Aaron", "Tyler", "Kyle", "Henry", "Owen", "Luke", "Nathan", "Adrian", "Victor",
        "Viktor", "Igor", "Sergei", "Vladimir", "Ivan", "Dmitri", "Bernard", "Marc", "Fabian", "Dominik", "Tom", "Nick",
        "Chris", "Mike", "Rob", "Ron", "Dan", "Ken", "Ted", "Travis", "Ray", "Hassan", "Yusuf", "Kwame", "Rolf", "Jörg",
    };

    /// <summary>Capitalised words that never start a personal name (sentence openers, titles, months…).</summary>
    public static readonly HashSet<string> NotNames = new(
        SourceCheck.Text.MonthNames.Words([SourceCheck.Text.MonthNames.English, SourceCheck.Text.MonthNames.German], StringComparer.OrdinalIgnoreCase, abbreviations: false),
        StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "in", "on", "at", "for", "of", "and", "but", "or", "as", "by", "to", "from", "with", "after",
        "before", "when", "while", "if", "this", "that", "these", "those", "it", "its", "he", "she", "we", "they", "his",
        "her", "their", "our", "my", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem",
        "und", "oder", "aber", "auch", "doch", "noch", "auf", "für", "mit", "nach", "von", "bei", "laut", "als", "wie",
        "wenn", "dass", "so", "später", "statt", "dabei", "zudem", "im", "am", "zum", "zur", "vom", "beim", "über", "unter",
        "chief", "financial", "officer", "executive", "president", "minister", "senator", "mr", "mrs", "ms", "dr", "prof",
        "herr", "frau", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag",
        "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "new", "north", "south", "east", "west", "san", "los", "las", "saint", "st", "san",
        "white", "wall", "silicon", "united", "european", "federal", "national", "national", "prime", "vice", "deputy",
        "former", "ehemalige", "ehemaliger", "konzernchef", "finanzchefin", "finanzchef", "analyst", "analystin",
        "ceo", "cfo", "cto", "coo", "speaking", "asked", "critics", "kritiker", "analysts", "analysten", "corporate",
        "tech", "ai", "ki", "business", "global", "international", "private", "public", "staatliche", "neue", "big",
        // sentence-initial prepositions and adverbs ("Darin betonte Smotrich", "Vor Bennetts Interview")
        "vor", "seit", "trotz", "während", "wegen", "gegen", "ohne", "um", "durch", "bis", "zwischen", "neben", "hinter",
        "aus", "darin", "darauf", "daran", "dazu", "danach", "davor", "dafür", "dagegen", "darüber", "damit", "deshalb",
        "denn", "nun", "jetzt", "dann", "hier", "dort", "heute", "gestern", "bereits", "schon", "nur", "dennoch", "jedoch",
        "allerdings", "zuletzt", "inzwischen", "außerdem", "since", "during", "despite", "against", "without", "about",
        "through", "until", "between", "into", "then", "now", "still", "also", "meanwhile", "however", "there", "here",
        "today", "yesterday", "according",
        // honorifics before a name ("Datuk Seri Anwar Ibrahim", "Tan Sri …", "Sir …")
        "datuk", "dato", "seri", "sri", "tun", "sir",
        // numerals ("Vier Spieler wurden gesperrt")
        "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "zwölf", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "twelve",
    };

    /// <summary>Capitalised words that are never the main organisation (scale, currency, calendar words).</summary>
    public static readonly HashSet<string> NotOrgs = new(StringComparer.OrdinalIgnoreCase)
    {
        "Millionen", "Million", "Milliarden", "Milliarde", "Billionen", "Billion", "Prozent", "Euro", "Dollar", "Jahr",
        "Jahre", "Jahren", "Woche", "Wochen", "Monate", "Monaten", "Unternehmen", "Konzern", "Regierung", "Staaten",
        "Analysten", "Kritiker", "Experten", "Anleger", "Aktie", "Umsatz", "Debatte", "Diskussion", "Rechenzentren",
    };

    private static readonly string[] NounSuffixes =
    [
        "konzern", "unternehmen", "hersteller", "entwickler", "anbieter", "bauer", "chef", "chefin", "minister",
        "ministerin", "sprecher", "sprecherin", "experte", "expertin", "analyst", "analystin", "gruppe", "bank", "ung",
        "heit", "keit", "schaft", "tion", "tät", "ismus", "markt", "gipfel", "konferenz", "präsident", "präsidentin",
        "berater", "beraterin", "vorstand", "leiter", "leiterin", "gründer", "gründerin", "manager", "managerin",
        "direktor", "direktorin", "verband", "behörde", "amt", "ministerium", "institut", "zeitung", "agentur",
    ];

    /// <summary>German compound nouns that can stand before a name ("Pharmakonzern Nordava", "Gesundheitsminister Dahl").</summary>
    public static bool IsCommonNounShape(string word)
    {
        if (word.Length < 6)
        {
            return false;
        }

        foreach (string suffix in NounSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && word.Length > suffix.Length + 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Second words that make a capitalised pair an organisation or place, not a person.</summary>
    public static readonly HashSet<string> OrgWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AI", "Inc", "Corp", "Corporation", "Ltd", "Group", "Research", "Capital", "Partners", "Bank", "Holdings",
        "Summit", "Conference", "House", "Street", "Journal", "Times", "Post", "News", "Wire", "Daily", "Media",
        "University", "Institute", "Foundation", "Association", "Council", "Committee", "Agency", "Ministry", "Office",
        "Department", "Company", "Technologies", "Systems", "Labs", "Ventures", "Fund", "Equity", "Francisco", "York",
        "Angeles", "Valley", "City", "Kingdom", "States", "Union", "Forum", "Festival", "Review", "Magazine", "Verlag",
        "Zeitung", "Rundschau", "Nachrichten", "Allgemeine", "Stiftung", "Institut", "Ministerium", "Regierung", "Motors",
        "Energy", "Airlines", "Pharma", "Software", "Networks", "Insurance", "Robotics", "Industries", "Semiconductor",
    };

    public static readonly HashSet<string> GroupWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "critics", "kritiker", "analysts", "analysten", "experts", "experten", "beobachter", "observers", "investors",
        "anleger", "investoren", "economists", "ökonomen", "officials", "beamte", "lawmakers", "abgeordnete", "insiders",
        "people familiar", "kreise", "branchenkenner", "skeptiker", "skeptics", "befürworter", "supporters", "opponents",
        "gegner",
    };

    public static readonly HashSet<string> CompanyNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "the company", "the firm", "the group", "the startup", "the start-up", "the developer", "the maker",
        "das unternehmen", "der konzern", "die firma", "das start-up", "der entwickler", "der hersteller", "die gruppe",
        "des unternehmens", "dem unternehmen", "company management",
    };

    /// <summary>English names of institutions German articles name in German ("Das Weiße Haus" → "White House").</summary>
    public static string? CanonicalInstitution(string name) => name switch
    {
        "Weiße Haus" or "Weißes Haus" => "White House",
        "Kreml" => "Kremlin",
        "EU-Kommission" or "Europäische Kommission" => "European Commission",
        "Bundesregierung" => "German government",
        "US-Regierung" => "US government",
        "US-Notenbank" or "Fed" => "Federal Reserve",
        "Europäische Zentralbank" or "EZB" => "European Central Bank",
        "Bundeskartellamt" => "Federal Cartel Office",
        _ => null,
    };

    /// <summary>Role category of a title word, or null.</summary>
    public static string? RoleCategory(string roleText)
    {
        string r = roleText.ToLowerInvariant();
        if (r.Contains("financ", StringComparison.Ordinal) || r.Contains("finanz", StringComparison.Ordinal) || r == "cfo")
        {
            return "cfo";
        }

        if (r.Contains("executive", StringComparison.Ordinal) || r is "ceo" or "boss" || r.Contains("konzernchef", StringComparison.Ordinal)
            || r.Contains("vorstandschef", StringComparison.Ordinal) || r.Contains("vorstandsvorsitz", StringComparison.Ordinal) || r.Contains("firmenchef", StringComparison.Ordinal)
            || r.Contains("unternehmenschef", StringComparison.Ordinal) || r.EndsWith("-chef", StringComparison.Ordinal) || r.EndsWith("-chefin", StringComparison.Ordinal)
            || r.Contains("geschäftsführer", StringComparison.Ordinal) || r is "chef" or "chefin")
        {
            return "ceo";
        }

        if (r.Contains("spokes", StringComparison.Ordinal) || r.Contains("sprecher", StringComparison.Ordinal))
        {
            return "spokesperson";
        }

        if (r.Contains("analyst", StringComparison.Ordinal))
        {
            return "analyst";
        }

        if (r.Contains("advis", StringComparison.Ordinal) || r.Contains("berater", StringComparison.Ordinal))
        {
            return "adviser";
        }

        if (r.Contains("founder", StringComparison.Ordinal) || r.Contains("gründer", StringComparison.Ordinal))
        {
            return "founder";
        }

        if (r.Contains("technology officer", StringComparison.Ordinal) || r is "cto" || r.Contains("technikchef", StringComparison.Ordinal))
        {
            return "cto";
        }

        if (r.Contains("president", StringComparison.Ordinal) || r.Contains("präsident", StringComparison.Ordinal))
        {
            return "president";
        }

        if (r.Contains("minister", StringComparison.Ordinal) || r.Contains("secretary", StringComparison.Ordinal))
        {
            return "minister";
        }

        if (r.Contains("chair", StringComparison.Ordinal) || r.Contains("vorsitzend", StringComparison.Ordinal) || r.Contains("aufsichtsrat", StringComparison.Ordinal))
        {
            return "chair";
        }

        if (r.Contains("manager", StringComparison.Ordinal))
        {
            return "manager";
        }

        return r switch
        {
            _ when r.Contains("trainer", StringComparison.Ordinal) || r.Contains("coach", StringComparison.Ordinal) => "coach",
            _ when r.StartsWith("kapitän", StringComparison.Ordinal) || r == "captain" => "captain",
            _ when r.StartsWith("anw", StringComparison.Ordinal) || r is "lawyer" or "attorney" => "lawyer",
            _ when r.StartsWith("richter", StringComparison.Ordinal) || r == "judge" => "judge",
            _ when r is "host" || r.StartsWith("moderator", StringComparison.Ordinal) => "host",
            _ when r.Contains("bürgermeister", StringComparison.Ordinal) || r == "mayor" => "mayor",
            _ => null,
        };
    }

    /// <summary>Role categories that name a function many people can hold (a coach, a lawyer): a role noun of these
    /// is resolved only to a person the article gave that role, never guessed from recency.</summary>
    public static bool IsSharedRole(string? category) => category is "coach" or "captain" or "lawyer" or "judge" or "host" or "mayor";

    /// <summary>Role titles ("Chief Financial Officer", "finance chief", "Finanzchefin", "der OpenAI-Chef", "CEO").</summary>
    [GeneratedRegex(@"(?<![\p{L}-])(?:chief (?:executive|financial|technology|operating|medical|scientific|commercial|investment|information|marketing|legal|risk|economic|people) officer|chief executive|(?:finance|financial) chief|CEO|CFO|CTO|COO|boss|spokes(?:wo)?man|spokesperson|analyst|advis[eo]r|co-founder|founder|chair(?:man|woman|person)?|president|minister|secretary|[\p{L}\d]+-Chef(?:in)?|Konzernchef(?:in)?|Vorstandschef(?:in)?|Vorstandsvorsitzende[rn]?|Firmenchef(?:in)?|Unternehmenschef(?:in)?|Finanzchef(?:in)?|Finanzvorst(?:and|ändin)|Technikchef(?:in)?|Geschäftsführer(?:in)?|(?:Unternehmens|Konzern|Regierungs)?[Ss]precher(?:in)?|Analyst(?:in)?|Berater(?:in)?|Mitgründer(?:in)?|Gründer(?:in)?|Präsident(?:in)?|Minister(?:in)?|Aufsichtsratschef(?:in)?|Manager(?:in)?|Press(?:e)?sprecher(?:in)?|[\p{L}]*[Tt]rainer(?:in)?|[\p{L}]*[Cc]oach|Kapitän(?:in)?|captain|Anwalt|Anwältin|Rechtsanwalt|Rechtsanwältin|lawyer|attorney|Richter(?:in)?|judge|host|Moderator(?:in)?|Bürgermeister(?:in)?|mayor|footballer|midfielder|striker|goalkeeper|defender|quarterback|actor|actress|singer|Schauspieler(?:in)?|Sänger(?:in)?|Stürmer(?:in)?|Torwart|Torhüterin|Mittelfeldspieler(?:in)?|Aufbauspieler(?:in)?)(?![\p{L}])", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    public static partial Regex RoleRegex();

    /// <summary>Speech and stance verbs that introduce reported content (first match outside quotes wins).</summary>
    [GeneratedRegex(@"\b(?:said|says|say|saying|told|tells|wrote|writes|written|added|adds|argued|argues|claimed|stated|explained|explains|noted|insisted|insists|warned|warns|stressed|emphasi[sz]ed|announced|confirmed|confirms|denied|denies|rejected|rejects|acknowledged|admitted|admits|suggested|suggests|predicted|predicts|expects|expected|estimated|questioned|believes|believed|clarified|urged|urges|proposed|promised|vowed|pledged|maintained|contended|reiterated|asserted|posted|tweeted|testified|criticized|criticised|forecast|projected|ruled out|rules out|called for|pointed out|conceded|disputed|countered|cautioned|reported|announces|sagte|sagt|sagten|sagen|gesagt|erklären|betonen|warnen|fordern|kritisieren|bezweifeln|bemängeln|bemängelte|bemängelt|rechnet mit|rechnen mit|rechnete mit|verwies darauf|berichten|berichtet|meldet|meldete|dementiert|bestätigen|erklärte|erklärt|erklärten|betonte|betont|betonten|schrieb|schreibt|geschrieben|bekräftigte|bekräftigt|berichtete|meinte|meint|glaubt|glaubte|warnte|warnt|forderte|fordert|kritisierte|kritisiert|bestätigte|bestätigt|dementierte|erwartet|erwartete|erwarten|plädiert|plädierte|argumentiert|argumentierte|präzisierte|unterstrich|versicherte|prognostiziert|prognostizierte|schätzt|schätzte|äußerte|bezweifelt|bezweifelte|mahnte|sprach von|spricht von|sprach\s+(?:erneut|auch|zuletzt|bereits|wiederholt|dagegen)\s+von|verw(?:ies|eist|eisen)\s+(?:\p{L}+\s+)?auf|vertrat die Ansicht|vertritt die Ansicht|hieß es|heißt es|eingeräumt|klargestellt|ausgeschlossen|abgelehnt|zurückgewiesen|angekündigt|mitgeteilt|vorgeschlagen|erläutert|erläuterte|erläutern|twitterte|twittert|postete|described|beschrieb|(?<!\b(?:was|were|is|are|been|being|be|get|got)\s)accused|accuses|continued(?=:|,[^.:;""“”„«»]{0,100}:)|points out|noting|admitting|rechtfertigte|rechtfertigt|begründete|verurteilte|verurteilten|behauptete|behauptet|behaupten|antwortete|antwortet|antworteten|entgegnete|entgegnet|ergänzte|ergänzt|zugab)\b", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    public static partial Regex SpeechVerbRegex();

    /// <summary>Reporting verbs that, at the end of a sentence after a comma (", Kessler said on Wednesday."),
    /// name the speaker of the whole sentence.</summary>
    public static readonly HashSet<string> ReportingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "wrote", "writes", "added", "adds", "argued", "stated", "explained", "noted", "insisted",
        "warned", "stressed", "sagte", "sagt", "erklärte", "schrieb", "betonte", "bekräftigte", "meinte", "warnte",
    };

    /// <summary>German separable speech verbs: finite part; the particle must close the clause.</summary>
    [GeneratedRegex(@"\b(?<v>kündigte|kündigt|teilte|teilt|räumte|räumt|stellte|stellt|schloss|schließt|lehnte|lehnt|wies|weist|schlug|schlägt|hob|hebt|fügte|fügt|gab|gibt|deutete|deutet|sprach|spricht|machte|macht|warf|warfen|wirft|werfen)\b", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    public static partial Regex SeparableVerbRegex();

    /// <summary>Source cues without a verb: "according to", "laut", "nach eigenen Angaben", "nach X Ansicht", "zufolge", ", so der …".</summary>
    [GeneratedRegex(@"\b(?:according to|nach (?:eigenen )?Angaben|nach (?:eigenen )?Worten|nach [\p{L}-]+ (?:Ansicht|Auffassung|Einschätzung|Meinung|Worten|Angaben)|zufolge|[Ll]aut)\b|[,“”""»«]\s*so\s+(?=(?:der|die|das)\s|\p{Lu})", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    public static partial Regex SourceCueRegex();

    /// <summary>A speech verb followed by a meta object and nothing else ("clarified her remarks", "declined to comment").</summary>
    [GeneratedRegex(@"^\s*(?:(?:also|auch|noch|erneut|zunächst)\s+)?(?:his|her|their|its|the|ihre|seine|ihren|seinen|die|diese|eine)\s+(?:own\s+|eigenen\s+)?(?:remarks|comments|statement|statements|words|position|concerns?|criticism|allegations?|accusations?|reports?|Aussagen|Äußerungen|Aussage|Äußerung|Kommentare|Worte|Position|Stellungnahme|Kritik|Vorwürfe|Bedenken)\b", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    public static partial Regex MetaObjectRegex();

    /// <summary>Channels: platforms.</summary>
    [GeneratedRegex(@"(?:\b(?:[Oo]n|[Aa]uf|via|über)\s+(?:der\s+Plattform\s+|the\s+platform\s+|dem\s+Kurznachrichtendienst\s+|(?:the\s+)?social\s+(?:media\s+)?(?:network|platform)\s+)?(?<p>X|Twitter|LinkedIn|Facebook|Instagram|Threads|Bluesky|Mastodon|TikTok|Truth Social|YouTube|Substack)\b)|(?:\bin\s+(?:a|an|einem)\s+(?:[\p{L}-]+\s+){0,2}(?<p>LinkedIn|Facebook|Instagram|X|Twitter|Bluesky|Threads|Substack)[\s-]?(?:post|Post|Beitrag|Eintrag))", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    public static partial Regex PlatformRegex();

    /// <summary>Channels: named events ("at the Harbor Tech Summit", "auf einer Technologiekonferenz in San Francisco").</summary>
    [GeneratedRegex(@"\b(?:[Aa]t|[Aa]uf|[Bb]ei|[Ww]ährend|[Dd]uring)\s+(?:the|der|dem|einer|einem|a|an)\s+(?:(?<named>(?:\p{Lu}[\p{L}&'-]*\s+){0,5}(?:Summit|Conference|Forum|Festival|Congress|Expo|Symposium|Gipfel|Konferenz|Kongress|Messe|Tagung|Gala|Hearing))\b|(?<generic>[\p{L}-]*(?:[Kk]onferenz|[Gg]ipfel|[Tt]agung|[Mm]esse|[Vv]eranstaltung|conference|summit|event|hearing|Pressekonferenz|press conference|briefing|Anhörung)(?:\s+(?:in|des|der|von|of|in)\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3})?))", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    public static partial Regex EventRegex();

    /// <summary>Other channels: interviews, statements, reporters.</summary>
    [GeneratedRegex(@"\b(?:in an interview with\s+(?:the\s+)?(?<iv>\p{Lu}[\p{L}&.'-]*(?:\s+\p{Lu}[\p{L}&.'-]*){0,3})|(?:sagte|erklärte|sagt|bestätigte)\s+(?:dem|der)\s+(?:Sender|Zeitung|Nachrichtenagentur|Agentur|Magazin|Nachrichtenmagazin|Wochenzeitung|Tageszeitung|Fernsehsender|Radiosender)\s+(?<iv>„?\p{Lu}[\p{L}&.'-]*(?:\s+\p{Lu}[\p{L}&.'-]*){0,3}“?)|(?:im|in einem)\s+(?:Interview|Gespräch)\s+mit\s+(?:der\s+|dem\s+|den\s+)?(?<iv>„?\p{Lu}[\p{L}&.'-]*(?:\s+\p{Lu}[\p{L}&.'-]*){0,3}“?)|(?<rep>told reporters|sagte (?:vor )?(?:Journalisten|Reportern)|vor Journalisten)|(?<st>in a statement|in einer (?:Mitteilung|Stellungnahme|Erklärung|Pressemitteilung)|in a press release)|(?<blog>in a blog post|in einem Blogbeitrag|in einem Blogpost)|(?<memo>in a memo|in einem Memo)|(?<letter>in a letter|in einem Brief)|(?<tv>on (?:CNBC|CNN|Fox|BBC|Bloomberg TV)))", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    public static partial Regex OtherChannelRegex();

    /// <summary>Non-responses that are not claims ("did not immediately respond", "declined to comment").</summary>
    [GeneratedRegex(@"\b(?:did not (?:immediately )?respond|did not (?:say|disclose|specify)|declined to (?:say|disclose|comment)|would not (?:say|comment)|nicht mit(?=\.?$)|declined to comment|could not be reached|was not available for comment|lehnte eine Stellungnahme ab|war (?:zunächst )?nicht zu erreichen|äußerte sich (?:zunächst )?nicht|lag (?:zunächst )?nicht vor)\b", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    public static partial Regex NonResponseRegex();

    /// <summary>Particles that close German separable speech verbs, by finite verb stem.</summary>
    public static string? ParticleFor(string verb) => verb switch
    {
        "fügte" or "fügt" => "hinzu",
        "gab" or "gibt" => "(?:an|bekannt|zu)",
        "deutete" or "deutet" => "an",
        "sprach" or "spricht" => "aus",
        "machte" or "macht" => "deutlich",
        "kündigte" or "kündigt" => "an",
        "teilte" or "teilt" => "mit",
        "räumte" or "räumt" => "ein",
        "stellte" or "stellt" => "klar",
        "schloss" or "schließt" => "aus",
        "lehnte" or "lehnt" => "ab",
        "wies" or "weist" => "(?:zurück|hin|darauf hin)",
        "schlug" or "schlägt" => "vor",
        "hob" or "hebt" => "hervor",
        "warf" or "warfen" or "wirft" or "werfen" => "vor", // "wirft den USA vor, …"
        _ => null,
    };

    /// <summary>Konjunktiv I forms frequent in German reported speech.</summary>
    public static readonly HashSet<string> Konjunktiv = new(StringComparer.Ordinal)
    {
        "sei", "seien", "habe", "hätte", "hätten", "werde", "würde", "würden", "könne", "könnte", "könnten", "müsse",
        "müsste", "solle", "sollte", "wolle", "wollte", "gebe", "gäbe", "suche", "bemühe", "plane", "stehe", "liege",
        "brauche", "erwarte", "halte", "komme", "wisse", "dürfe",
    };
}
