using System.Collections.Frozen;

namespace SourceCheck.Text;

/// <summary>Month names, one table per language: for each month the names as written (lower case, with the
/// spelling variants met in real text: "jänner", "maerz", "aout") and the abbreviations ("okt", "janv.", "genn.").
/// Every reader of dates in text goes through these tables: page dates (<c>Documents.Web.WebText</c> and
/// <c>Documents.Web.DateText</c>), reference dates (<c>References.Parsing.DateText</c> through its lexicon), BibTeX
/// month macros, the sentence splitter's abbreviations and the claim readers' calendar words.</summary>
internal static class MonthNames
{
    /// <summary>One language's months: <see cref="Names"/>[0] and <see cref="Abbreviations"/>[0] are January's.</summary>
    internal sealed record Table(string Language, string[][] Names, string[][] Abbreviations)
    {
        /// <summary>Every name and abbreviation of the language with its month number (1–12).</summary>
        public IEnumerable<(string Form, int Month)> Forms(bool abbreviations = true)
        {
            for (int i = 0; i < 12; i++)
            {
                foreach (var n in Names[i])
                {
                    yield return (n, i + 1);
                }

                if (abbreviations)
                {
                    foreach (var a in Abbreviations[i])
                    {
                        yield return (a, i + 1);
                    }
                }
            }
        }
    }

    private static Table Make(string language, string names, string abbreviations)
    {
        static string[][] Split(string s) =>
            s.Split('|').Select(m => m.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();

        var n = Split(names);
        var a = Split(abbreviations);
        if (n.Length != 12 || a.Length != 12)
        {
            throw new InvalidOperationException($"month table {language}: 12 months expected");
        }

        return new Table(language, n, a);
    }

    public static readonly Table English = Make("en",
        "january|february|march|april|may|june|july|august|september|october|november|december",
        "jan|feb|mar|apr||jun|jul|aug|sep sept|oct|nov|dec");

    public static readonly Table German = Make("de",
        "januar jänner|februar feber|märz maerz|april|mai|juni|juli|august|september|oktober|november|dezember",
        "jän|febr|mrz mär|||||||okt||dez");

    public static readonly Table French = Make("fr",
        "janvier|février fevrier|mars|avril|mai|juin|juillet|août aout|septembre|octobre|novembre|décembre decembre",
        "janv|févr fevr||avr|||juil||sept|||déc");

    public static readonly Table Spanish = Make("es",
        "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
        "ene|||||||ago|set|||dic");

    public static readonly Table Italian = Make("it",
        "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre",
        "genn gen|||||||ago|set|ott||dic");

    public static readonly Table Portuguese = Make("pt",
        "janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
        "|||||||ago|set|||");

    /// <summary>The languages of the references SourceCheck reads (names and abbreviations of each).</summary>
    public static readonly Table[] ReferenceLanguages = [English, German, French, Spanish, Italian, Portuguese];

    /// <summary>Genitive or plain forms of the other languages pages are written in (Dutch, Swedish, Danish,
    /// Norwegian, Polish, Czech, Finnish, Turkish, Romanian, Russian, Ukrainian).</summary>
    private static readonly Table[] OtherPageLanguages =
    [
        Make("nl", "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december", "|||||||||||"),
        Make("sv", "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december", "|||||||||||"),
        Make("da", "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december", "|||||||||||"),
        Make("nb", "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember", "|||||||||||"),
        Make("pl", "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia", "|||||||||||"),
        Make("cs", "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince", "|||||||||||"),
        Make("fi", "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta", "|||||||||||"),
        Make("tr", "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık", "|||||||||||"),
        Make("ro", "ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie", "|||||||||||"),
        Make("ru", "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря", "|||||||||||"),
        Make("uk", "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня", "|||||||||||"),
    ];

    /// <summary>Every language's table.</summary>
    public static readonly Table[] All = [.. ReferenceLanguages, .. OtherPageLanguages];

    /// <summary>Abbreviations that are also common words of a reference language ("out", "dez", "abr", "fev": Portuguese
    /// and Spanish ABNT/ISO 690 dates "5 abr. 2023", "out. 2022"): read inside dates only, never as month words of the
    /// tables (the tagger's month feature reads <see cref="ReferenceLanguages"/>, where "out" would fire on English text).</summary>
    private static readonly (string Form, int Month)[] DateOnlyAbbreviations = [("fev", 2), ("abr", 4), ("out", 10), ("dez", 12)];

    /// <summary>Month number of every form a date may hold in any language pages are written in: <see cref="All"/>'s names
    /// and abbreviations, then <see cref="DateOnlyAbbreviations"/>; case-insensitive.</summary>
    public static FrozenDictionary<string, int> DateForms()
    {
        var d = new Dictionary<string, int>(Lookup(All, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        foreach (var (form, month) in DateOnlyAbbreviations)
        {
            d.TryAdd(form, month);
        }

        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Month number of every name and abbreviation of <paramref name="tables"/> (the first table naming a
    /// form decides; no form names two months).</summary>
    public static FrozenDictionary<string, int> Lookup(IEnumerable<Table> tables, StringComparer comparer)
    {
        var d = new Dictionary<string, int>(comparer);
        foreach (var t in tables)
        {
            foreach (var (form, month) in t.Forms())
            {
                d.TryAdd(form, month);
            }
        }

        return d.ToFrozenDictionary(comparer);
    }

    /// <summary>Names and abbreviations of <paramref name="tables"/> as one set of words.</summary>
    public static HashSet<string> Words(IEnumerable<Table> tables, StringComparer comparer, bool abbreviations = true) =>
        new(tables.SelectMany(t => t.Forms(abbreviations)).Select(f => f.Form), comparer);
}
