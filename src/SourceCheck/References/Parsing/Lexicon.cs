using System.Collections.Frozen;

namespace SourceCheck.References.Parsing;

/// <summary>Word classes a token can belong to (a bit set used as tagger features and by the rules).</summary>
[Flags]
internal enum WordClass
{
    None = 0,
    Month = 1 << 0,
    Year = 1 << 1,
    Particle = 1 << 2,
    Outlet = 1 << 3,
    Publisher = 1 << 4,
    Place = 1 << 5,
    PagesLabel = 1 << 6,
    VolumeLabel = 1 << 7,
    IssueLabel = 1 << 8,
    EditorLabel = 1 << 9,
    EditionWord = 1 << 10,
    Retrieved = 1 << 11,
    Conjunction = 1 << 12,
    EtAl = 1 << 13,
    InWord = 1 << 14,
    Corporate = 1 << 15,
    Journal = 1 << 16,
    Conference = 1 << 17,
    Thesis = 1 << 18,
    Report = 1 << 19,
    NoDate = 1 << 20,
    Genre = 1 << 21,
    Season = 1 << 22,
    Ordinal = 1 << 23,
    Online = 1 << 24,
    Stop = 1 << 25,
}

/// <summary>The dictionaries the tagger and the post-processing use: month names in English, German,
/// French, Spanish, Italian (and the abbreviations used in references), label words, name particles,
/// outlet/publisher/place words, corporate-author words. All keys are lower case.</summary>
internal static class Lexicon
{
    /// <summary>Month names and abbreviations of the reference languages (<see cref="SourceCheck.Text.MonthNames.ReferenceLanguages"/>).</summary>
    public static readonly FrozenDictionary<string, int> Months = SourceCheck.Text.MonthNames.Lookup(SourceCheck.Text.MonthNames.ReferenceLanguages, StringComparer.Ordinal);

    /// <summary>Seasons → CSL season numbers (1 spring … 4 winter).</summary>
    public static readonly FrozenDictionary<string, int> Seasons = new Dictionary<string, int>
    {
        ["spring"] = 1, ["summer"] = 2, ["fall"] = 3, ["autumn"] = 3, ["winter"] = 4,
        ["frühjahr"] = 1, ["frühling"] = 1, ["sommer"] = 2, ["herbst"] = 3,
        ["printemps"] = 1, ["été"] = 2, ["automne"] = 3, ["hiver"] = 4,
        ["primavera"] = 1, ["verano"] = 2, ["otoño"] = 3, ["invierno"] = 4,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Particles = Set(
        "van von der den de del della di da du la le des dos das ter ten zu al el vom zum zur d l dei degli bin ibn");

    private static readonly FrozenDictionary<string, WordClass> Classes = BuildClasses();

    public static readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> ClassLookup =
        Classes.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup =
        Months.GetAlternateLookup<ReadOnlySpan<char>>();

    public static WordClass ClassOf(ReadOnlySpan<char> lower) =>
        ClassLookup.TryGetValue(lower, out var c) ? c : WordClass.None;

    private static FrozenSet<string> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, WordClass> BuildClasses()
    {
        var d = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        void Add(WordClass c, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                d[w] = d.GetValueOrDefault(w) | c;
            }
        }

        foreach (var m in Months.Keys)
        {
            // "may", "mar", "set", "gen" are also words; the tagger weighs the class with its context
            Add(WordClass.Month, m);
        }

        foreach (var s in Seasons.Keys)
        {
            Add(WordClass.Season, s);
        }

        Add(WordClass.Particle, string.Join(' ', Particles));
        Add(WordClass.Outlet, "news times post zeitung journal tribune herald gazette ledger daily weekly chronicle guardian telegraph "
            + "observer express mirror record courier courrier monde figaro spiegel zeit welt allgemeine nachrichten rundschau anzeiger "
            + "kurier tagblatt blatt presse press review magazine magazin economist today online reporter insider wire report bulletin "
            + "standard independent examiner sentinel dispatch inquirer register star sun mail globe voice digest week buzz tribune "
            + "handelsblatt faz taz süddeutsche bild stern focus diario país mundo vanguardia corriere repubblica stampa libération "
            + "techcrunch wired verge bbc cnn nbc abc cbs reuters bloomberg politico axios forbes fortune atlantic prospect business "
            + "radio tv television channel podcast blog youtube wikipedia substack medium twitter facebook instagram tiktok");
        Add(WordClass.Publisher, "press verlag publishing publishers publisher books university universität université universidad "
            + "springer elsevier wiley routledge sage taylor francis oxford cambridge mit harvard yale princeton penguin random house "
            + "macmillan palgrave blackwell pearson mcgraw hill academic ieee acm kluwer birkhäuser suhrkamp fischer beck rowohlt "
            + "gallimard seuil flammarion hachette brill gruyter vandenhoeck ruprecht kohlhammer campus dtv ullstein norton knopf "
            + "harper collins simon schuster little brown dover wiley-vch inc ltd llc gmbh co company verlagsgesellschaft edition editions éditions");
        Add(WordClass.Place, "london new york paris berlin münchen munich frankfurt hamburg wien vienna zürich zurich basel bern "
            + "oxford cambridge boston chicago washington dc philadelphia san francisco los angeles toronto amsterdam leipzig "
            + "stuttgart köln cologne heidelberg tübingen göttingen bonn dresden madrid barcelona roma rome milano milan torino "
            + "lyon bruxelles brussels genève geneva lausanne tokyo beijing singapore sydney melbourne princeton berkeley "
            + "heidelberg dordrecht heidelberg hoboken amsterdam ny ma ca nj uk usa germany deutschland england mass calif "
            + "baltimore stanford ithaca durham baden-baden weinheim darmstadt mainz münster freiburg");
        Add(WordClass.PagesLabel, "pp p pg pgs page pages s seite seiten ss");
        Add(WordClass.VolumeLabel, "vol vols volume volumes bd band jg jahrgang tome t");
        Add(WordClass.IssueLabel, "no nos nr num number issue iss heft h n");
        Add(WordClass.EditorLabel, "ed eds edd editor editors hrsg hg hgg herausgeber herausgegeben éd éds dir coord trans transl übers");
        Add(WordClass.EditionWord, "edition ed edn aufl auflage ausg ausgabe éd édition edición edizione rev revised 2nd 3rd 4th nd rd th");
        Add(WordClass.Retrieved, "retrieved accessed abgerufen zugriff zugegriffen consulté consultado cited available verfügbar online unter url");
        Add(WordClass.Conjunction, "and und et y e & with mit");
        Add(WordClass.EtAl, "et al al. u a ua");
        Add(WordClass.InWord, "in dans en");
        Add(WordClass.Corporate, "team staff agency association institute institut university council committee commission "
            + "organization organisation ministry department office bureau society foundation group centre center bank board "
            + "corporation company inc ltd gmbh ag news contributors advice service services authority administration "
            + "federal national international world european united nations government statistics editorial editors desk "
            + "network coalition alliance union league federation partners");
        Add(WordClass.Journal, "journal j proceedings proc transactions trans review rev letters lett annals ann bulletin bull "
            + "quarterly acta archives arch studies science nature research zeitschrift revue rivista");
        Add(WordClass.Conference, "conference conf symposium workshop proceedings proc congress meeting colloquium tagung");
        Add(WordClass.Thesis, "thesis dissertation diss phd doctoral master's masters diplomarbeit habilitation doktorarbeit thèse tesis");
        Add(WordClass.Report, "report tech technical memo memorandum paper working series bericht white rapport");
        Add(WordClass.NoDate, "n.d nd o.j oj s.d sd");
        Add(WordClass.Genre, "blog video podcast episode audio post tweet press release online infographic film motion picture "
            + "dataset software map interview speech lecture");
        Add(WordClass.Ordinal, "1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th first second third fourth fifth");
        Add(WordClass.Online, "online internet web website internet-ausgabe");
        Add(WordClass.Stop, "the a an of on for to from at by der die das des dem den le la les l un une el los las il lo");
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
