using SourceCheck.Claims.Matching;
using SourceCheck.Claims.Text;

namespace SourceCheck.Verification;

/// <summary>Facts a passage must share with a claim to support it, whatever its similarity score: the same polarity
/// (a negation on one side only: "were to blame" / "were not to blame", "alle" / "nicht alle"), the same direction of
/// change (the rise family against the fall family, in English and German: "gestiegen" / "fell", "more" / "weniger"),
/// the same years ("open in 2030" / "come online in 2026") and the same quantity (all / some, only half / every).
/// Words are compared by their surface in their own language, so the test works within and across languages. A side
/// that states nothing of a kind (no direction word, no year) does not conflict: a claim may be less specific than the
/// page.</summary>
internal static class FactAgreement
{
    public const string Negation = "negation on one side";
    public const string Direction = "the opposite direction";
    public const string Year = "another year";
    public const string Quantity = "another quantity (all / some)";
    public const string Subject = "another subject in the same frame";
    public const string Swapped = "the comparison the other way round";
    public const string Count = "another count";

    [Flags]
    internal enum Change
    {
        None = 0,
        Up = 1,
        Down = 2,

        /// <summary>A change of pace: "faster", "accelerated", "schneller", "beschleunigt".</summary>
        Faster = 4,

        /// <summary>"slow", "slowed", "slowdown", "verlangsamt", "langsamer", "gebremst".</summary>
        Slower = 8,

        /// <summary>The top of a scale: "highest", "largest", "höchste", "Rekordhoch", "so viele wie seit … nicht".</summary>
        Most = 16,

        /// <summary>The bottom of a scale: "lowest", "fewest", "niedrigste", "Tiefstand", "so wenige wie seit … nicht".</summary>
        Least = 32,

        /// <summary>A proposal accepted: "approved", "passed", "adopted", "angenommen", "stimmte … zu", "billigte".</summary>
        Accept = 64,

        /// <summary>A proposal rejected: "rejected", "voted down", "abgelehnt", "lehnte … ab".</summary>
        Reject = 128,
    }

    private const Change Level = Change.Up | Change.Down;
    private const Change Pace = Change.Faster | Change.Slower;
    private const Change Extreme = Change.Most | Change.Least;
    private const Change Decision = Change.Accept | Change.Reject;

    /// <summary>Both sides state a change of one kind (level or pace), and no direction of it in common.</summary>
    private static bool Opposed(Change a, Change b, Change kind) => (a & kind) != 0 && (b & kind) != 0 && (a & b & kind) == 0;

    private static readonly HashSet<string> UpWords = new(StringComparer.Ordinal)
    {
        "rise", "rises", "rose", "risen", "rising", "increase", "increases", "increased", "increasing", "grow", "grows", "grew", "grown", "growing",
        "climb", "climbs", "climbed", "jump", "jumps", "jumped", "surge", "surges", "surged", "soar", "soars", "soared", "higher", "more",
        "gain", "gains", "gained", "double", "doubles", "doubled", "tripled", "raise", "raises", "raised", "boost", "boosted", "up", "upward", "expand", "expanded",
        "steigen", "steigt", "stieg", "stiegen", "gestiegen", "ansteigen", "angestiegen", "zunehmen", "zugenommen", "wachsen", "wächst", "wuchs",
        "gewachsen", "wuchsen", "erhöhen", "erhöht", "erhöhte", "erhöhten", "anheben", "angehoben", "hebt", "höher", "mehr", "verdoppelt",
        "verdoppelte", "verdreifacht", "klettern", "klettert", "kletterte", "geklettert", "zulegen", "zugelegt", "gewinnen", "gewinnt", "gewann",
        "gewannen", "gewonnen", "win", "wins", "won",
    };

    private static readonly HashSet<string> DownWords = new(StringComparer.Ordinal)
    {
        "fall", "falls", "fell", "fallen", "falling", "drop", "drops", "dropped", "dropping", "decline", "declines", "declined", "declining", "decrease",
        "decreases", "decreased", "decreasing", "shrink", "shrinks", "shrank", "shrunk", "sink", "sinks", "sank", "sunk", "plunge", "plunged", "slump",
        "slumped", "tumble", "tumbled", "lower", "lowers", "lowered", "less", "fewer", "down", "reduce", "reduces", "reduced", "halve", "halved",
        "sinken", "sinkt", "sank", "sanken", "gesunken", "fällt", "fiel", "fielen", "gefallen", "zurückgehen", "zurückgegangen", "zurückging", "abnehmen",
        "abgenommen", "schrumpfen", "schrumpft", "schrumpfte", "geschrumpft", "senken", "senkt", "senkte", "gesenkt", "weniger", "niedriger", "geringer", "verringert", "verringerte", "halbiert",
        "verlieren", "verliert", "verlor", "verloren", "lose", "loses", "lost", "losing",
    };

    private static readonly HashSet<string> FasterWords = new(StringComparer.Ordinal)
    {
        "faster", "quicker", "accelerate", "accelerates", "accelerated", "accelerating", "acceleration", "sped",
        "schneller", "beschleunigen", "beschleunigt", "beschleunigte", "beschleunigten", "beschleunigung", "zügiger",
    };

    private static readonly HashSet<string> SlowerWords = new(StringComparer.Ordinal)
    {
        "slow", "slows", "slowed", "slowing", "slower", "slowdown", "decelerate", "decelerated", "decelerating", "stall", "stalled", "stalling",
        "verlangsamen", "verlangsamt", "verlangsamte", "verlangsamten", "verlangsamung", "langsam", "langsamer", "bremsen", "bremst", "bremste",
        "bremsten", "gebremst", "abbremsen", "ausgebremst", "stocken", "stockt", "stockte",
    };

    /// <summary>Superlatives of the two ends of a scale, English and German (all inflections of the German ones start
    /// so: "höchste", "höchsten", "niedrigstes"); "most"/"least"/"meisten" are left out ("most of the cases" is a share).</summary>
    private static readonly string[] MostWords = ["highest", "largest", "biggest", "greatest", "höchst", "größt", "grösst"];

    private static readonly string[] LeastWords = ["lowest", "smallest", "fewest", "niedrigst", "tiefst", "geringst", "kleinst"];

    /// <summary>Words that start like a superlative and are none: "höchstens" (at most), "größtenteils" (mostly).</summary>
    private static readonly HashSet<string> NotExtreme = new(StringComparer.Ordinal)
    {
        "höchstens", "höchstwahrscheinlich", "größtenteils", "grösstenteils", "größtmöglich", "größtmögliche", "größtmöglichen", "kleinstadt", "kleinstädte",
    };

    /// <summary>Nouns of a record level, also as the end of a compound ("Rekordtief", "Höchststand", "Allzeithoch").</summary>
    private static readonly string[] MostNouns = ["höchststand", "rekordhoch", "allzeithoch", "rekordstand"];

    private static readonly string[] LeastNouns = ["tiefstand", "tiefststand", "rekordtief", "allzeittief"];

    /// <summary>"so wenige/niedrig … wie seit …": the adjective after "so" says which end of the scale the comparison
    /// with the past names.</summary>
    private static readonly HashSet<string> SoMost = new(StringComparer.Ordinal) { "viele", "viel", "hoch", "groß", "gross", "stark", "teuer" };

    private static readonly HashSet<string> SoLeast = new(StringComparer.Ordinal) { "wenige", "wenig", "niedrig", "tief", "gering", "klein", "billig", "schwach" };

    private static readonly HashSet<string> AcceptWords = new(StringComparer.Ordinal)
    {
        "approve", "approves", "approved", "pass", "passes", "passed", "adopt", "adopts", "adopted", "accept", "accepts", "accepted", "endorsed",
        "angenommen", "gebilligt", "billigte", "billigten", "billigt", "zugestimmt", "beschlossen", "beschloss", "verabschiedet",
        "verabschiedete", "verabschiedeten",
    };

    private static readonly HashSet<string> RejectWords = new(StringComparer.Ordinal)
    {
        "reject", "rejects", "rejected", "rejecting", "abgelehnt", "verworfen", "verwarf", "verwarfen",
    };

    /// <summary>Nouns of change, also as the end of a compound ("Preisanstieg", "Umsatzrückgang").</summary>
    private static readonly string[] UpNouns = ["anstieg", "zunahme", "zuwachs", "increase", "rise", "growth"];

    private static readonly string[] DownNouns = ["rückgang", "abnahme", "decline", "decrease", "drop", "fall", "reduction"];

    /// <summary>German particles that make a verb of "nehmen", "gehen", "legen", "heben" one of change; the verb alone is
    /// no direction.</summary>
    private static readonly Dictionary<string, (string Particle, Change Change)[]> Separable = new(StringComparer.Ordinal)
    {
        ["nimmt"] = [("zu", Change.Up), ("ab", Change.Down), ("an", Change.Accept)], ["nahm"] = [("zu", Change.Up), ("ab", Change.Down), ("an", Change.Accept)],
        ["nehmen"] = [("zu", Change.Up), ("ab", Change.Down)], ["ging"] = [("zurück", Change.Down)], ["geht"] = [("zurück", Change.Down)],
        ["gehen"] = [("zurück", Change.Down)], ["legte"] = [("zu", Change.Up)], ["legt"] = [("zu", Change.Up)], ["hebt"] = [("an", Change.Up)],
        ["hoben"] = [("an", Change.Up)], ["hob"] = [("an", Change.Up)],
        ["nahmen"] = [("an", Change.Accept)], ["lehnte"] = [("ab", Change.Reject)], ["lehnten"] = [("ab", Change.Reject)],
        ["lehnt"] = [("ab", Change.Reject)], ["lehnen"] = [("ab", Change.Reject)], ["stimmte"] = [("zu", Change.Accept)],
        ["stimmten"] = [("zu", Change.Accept)], ["stimmt"] = [("zu", Change.Accept)], ["stimmen"] = [("zu", Change.Accept)],
    };

    private static readonly HashSet<string> All = new(StringComparer.Ordinal)
    {
        "all", "every", "entire", "entirely", "whole", "completely", "fully", "alle", "allen", "aller", "alles", "sämtliche", "sämtlichen",
        "vollständig", "komplett", "jeder", "jede", "jedes", "jedem", "jeden",
    };

    private static readonly HashSet<string> Some = new(StringComparer.Ordinal)
    {
        "some", "several", "many", "half", "partly", "partially", "only", "few", "einige", "einigen", "manche", "mehrere", "viele",
        "hälfte", "teilweise", "nur", "wenige", "allein", "alone", "teils",
    };

    /// <summary>Why <paramref name="passage"/> cannot support <paramref name="claim"/>, or null when nothing of these
    /// kinds disagrees.</summary>
    /// <param name="context">The directions of change stated by the sentences around the passage: a claim that a number
    /// fell is not supported by "965 people donated organs" followed by "that is eleven more than the year before".</param>
    /// <param name="contextYears">The years the sentences around the passage state: a claim that a record was set in 1939
    /// is not supported by "the hottest night in more than 150 years" next to "the previous record was set in 1868".
    /// Used only when the passage itself states no year.</param>
    /// <param name="frame">For a claim in the page's language, <see cref="Frame"/>: a passage that fills the claim's frame
    /// with another thing is <see cref="Subject"/>. Null: not tested (across languages the words are not comparable).</param>
    /// <param name="namesAbsent">For any claim, <see cref="NamesAbsent"/>: the claim names an organisation by an
    /// acronym the page never writes; a passage naming another such acronym puts another actor in its place
    /// (<see cref="Subject"/>). Acronyms are not translated, so this works across languages.</param>
    public static string? Conflict(AnalyzedText claim, AnalyzedText passage, Change context = Change.None, IReadOnlySet<string>? contextYears = null,
        SubjectFrame? frame = null, bool namesAbsent = false)
    {
        if ((Negators(claim) > 0) != (Negators(passage) > 0))
        {
            return Negation;
        }

        var c = Directions(claim);
        var p = Directions(passage);
        foreach (var kind in (Change[])[Level, Pace, Extreme, Decision])
        {
            if (Opposed(c, p, kind))
            {
                return Direction;
            }

            // the window states no change of this kind, the sentences around it only the opposite one (a level or a
            // pace only: an extreme or a decision is stated in the sentence it concerns)
            if ((kind == Level || kind == Pace) && (p & kind) == 0 && Opposed(c, context, kind))
            {
                return Direction;
            }
        }

        var yc = Years(claim);
        var yp = Years(passage);
        if (yc.Count > 0 && yp.Count > 0 && !yc.Overlaps(yp))
        {
            return Year;
        }

        if (yc.Count > 0 && yp.Count == 0 && contextYears is { Count: > 0 } && !yc.Overlaps(contextYears))
        {
            return Year;
        }

        // a count written as a word on either side ("five cruise ships" / "höchstens drei Kreuzfahrtschiffe"): the
        // similarity scorer compares figures written in digits, not number words across languages
        var nc = Counts(claim, out bool wordC);
        var np = Counts(passage, out bool wordP);
        if ((wordC || wordP) && nc.Count > 0 && np.Count > 0 && !nc.Overlaps(np))
        {
            return Count;
        }

        var (allC, someC) = Quantities(claim);
        var (allP, someP) = Quantities(passage);
        if ((allC && !someC && someP && !allP) || (someC && !allC && allP && !someP))
        {
            return Quantity;
        }

        if (frame is not null && frame.Other(passage))
        {
            return Subject;
        }

        if (namesAbsent)
        {
            // not one the claim writes, nor its translation ("MRT"/"MRI", "EZB"/"ECB": one letter apart)
            var own = Acronyms(claim);
            if (Acronyms(passage).Any(a => !own.Any(o => OneLetterApart(o, a))))
            {
                return Subject;
            }
        }

        if (SwappedComparison(Words(claim), Words(passage)))
        {
            return Swapped;
        }

        return null;
    }

    private static readonly HashSet<string> ComparisonSkip = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "in", "for", "among", "at", "of", "those", "der", "die", "das", "den", "dem", "des", "bei", "im", "fuer", "für", "unter",
    };

    /// <summary>The two sides of a comparison ("larger in A than in B", "stärker … als B"): the first content word after
    /// "than"/"als" (German "als" only after a comparative: a word ending in -er, "mehr", "weniger" within three words
    /// before it) and the words of up to eight before it; null when the text compares nothing.</summary>
    private static (string Other, List<string> Before)? Comparison(List<string> words)
    {
        for (int i = 1; i < words.Count - 1; i++)
        {
            bool than = words[i] == "than"
                || (words[i] == "als" && Enumerable.Range(Math.Max(0, i - 3), Math.Min(3, i)).Any(j => words[j] is "mehr" or "weniger" || (words[j].Length > 4 && words[j].EndsWith("er", StringComparison.Ordinal))));
            if (!than)
            {
                continue;
            }

            string? other = words.Skip(i + 1).FirstOrDefault(w => w.Length >= 3 && !ComparisonSkip.Contains(w));
            if (other is not null)
            {
                return (other, words.GetRange(Math.Max(0, i - 8), i - Math.Max(0, i - 8)));
            }
        }

        return null;
    }

    /// <summary>A claim and a passage comparing the same two things the other way round: what the claim puts after
    /// "than" stands before it in the passage and the passage's "than" side before it in the claim ("savings were larger
    /// in apartments than in houses" against "larger in houses than in apartments"; "Männer leiden stärker als Frauen"
    /// against "Frauen sind stärker betroffen als Männer"). Same-language words only: across languages nothing matches.</summary>
    private static bool SwappedComparison(List<string> claim, List<string> passage)
    {
        if (Comparison(claim) is not { } c || Comparison(passage) is not { } p || SameWord(c.Other, p.Other))
        {
            return false;
        }

        return c.Before.Any(w => SameWord(w, p.Other)) && p.Before.Any(w => SameWord(w, c.Other));
    }

    /// <summary>The same frame with another subject, prepared once per claim (null when the test does not apply): the
    /// claim names a thing (a capitalised word of 4+ letters: a German noun, a name) that the page names nowhere — not
    /// as the word, an inflection, a compound part or a near-synonym of the project's lexicon ("Krankenhäuser" /
    /// "Kliniken") —; a passage then is <see cref="Subject"/> when it names something the claim does not and shares at
    /// least two other content words with it (the frame: "nannten den Datenschutz als größtes Hindernis" against
    /// "… den Mangel an Fachkräften"). Only for claims whose content is no figure (apart from years): a claim about an
    /// amount is judged by its figures, and its nouns are often paraphrased ("Steuereinnahmen" / "Steuermehreinnahmen").</summary>
    internal static SubjectFrame? Frame(AnalyzedText claim, IReadOnlyCollection<ContentToken> pageContent)
    {
        if (claim.Tokens.Any(t => t.Kind == TokenKind.Number && !IsYearToken(t.Surface)))
        {
            return null;
        }

        var names = NamedContent(claim);
        bool absent = names.Any(n => !pageContent.Any(p => Same(n, p)));
        return absent ? new SubjectFrame(claim.Content.Where(c => !c.Number).ToList()) : null;
    }

    /// <summary>Acronyms of three or more letters ("EDF", "KHNP"; not "EU", "US", "AI", which are often spelt out on the
    /// other side), upper case.</summary>
    private static HashSet<string> Acronyms(AnalyzedText t) =>
        t.Tokens.Where(x => x.Kind == TokenKind.Word && x.Acronym && x.Surface.Length >= 3 && x.Surface.All(char.IsLetter))
            .Select(x => x.Surface.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>The same acronym or one of the same length with one letter changed.</summary>
    private static bool OneLetterApart(string a, string b) =>
        a.Length == b.Length && a.Zip(b).Count(p => p.First != p.Second) <= 1;

    /// <summary>Whether the claim names an acronym (<see cref="Acronyms"/>) that appears nowhere in the page's text: the
    /// input of <see cref="Conflict"/>'s <c>namesAbsent</c>.</summary>
    internal static bool NamesAbsent(AnalyzedText claim, string pageText)
    {
        foreach (var a in Acronyms(claim))
        {
            if (pageText.IndexOf(a, StringComparison.OrdinalIgnoreCase) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The content units of a text that are capitalised words of 4+ letters (not acronyms, not stop words).</summary>
    private static List<ContentToken> NamedContent(AnalyzedText t)
    {
        var stems = t.Tokens.Where(x => x.Kind == TokenKind.Word && x.Capitalised && !x.Acronym && !x.IsStop && x.Lower.Length >= 4)
            .Select(x => x.Stem).ToHashSet(StringComparer.Ordinal);
        return t.Content.Where(c => !c.Number && stems.Contains(c.Stem)).ToList();
    }

    private static bool Same(ContentToken a, ContentToken b) => SimilarityScorer.Match(a, b, false) > 0 || SameWord(a.Stem, b.Stem);

    /// <summary>A claim's content for the same-frame test (<see cref="Frame"/>).</summary>
    internal sealed class SubjectFrame(List<ContentToken> claimContent)
    {
        /// <summary>Whether the passage fills the claim's frame with another thing.</summary>
        public bool Other(AnalyzedText passage)
        {
            bool namesOther = NamedContent(passage).Any(n => !claimContent.Any(c => Same(c, n)));
            if (!namesOther)
            {
                return false;
            }

            int shared = claimContent.DistinctBy(c => c.Stem).Count(c => passage.Content.Any(p => !p.Number && Same(c, p)));
            return shared >= 2;
        }
    }

    private static bool IsYearToken(string s) => s.Length == 4 && s.All(char.IsAsciiDigit) && s[0] is '1' or '2';

    /// <summary>The same word, inflected ("fachkrafte"/"fachkraften": a common beginning of 5+ letters leaving at most
    /// three letters on the longer), or one a part of the other's compound (5+ letters, at either end).</summary>
    private static bool SameWord(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.Length < 5)
        {
            return false;
        }

        int prefix = 0;
        while (prefix < shorter.Length && shorter[prefix] == longer[prefix])
        {
            prefix++;
        }

        return (prefix >= 5 && longer.Length - prefix <= 3) || longer.EndsWith(shorter, StringComparison.Ordinal) || longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    /// <summary>Plain negators only ("not", "no", "never", "nicht", "kein", "ohne"); verbs of denial and "instead",
    /// which the similarity scorer also counts, are said in many ways on either side and decide nothing here.</summary>
    private static readonly HashSet<string> PlainNegators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot", "nicht", "kein", "keine", "keinen", "keinem",
        "keiner", "keines", "nie", "niemals", "nichts", "niemand", "weder", "ohne",
    };

    private static int Negators(AnalyzedText t)
    {
        var words = Words(t);
        int n = 0;
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            if ((PlainNegators.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal) || IsPrefixNegation(w)) && !IsRestriction(words, i)
                && SoSince(words, i) is null)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>"so wenige … wie seit dem Zweiten Weltkrieg nicht (mehr)", "so hoch wie seit Jahren nicht", "so viele wie
    /// nie (zuvor)": the "nicht"/"nie" at <paramref name="i"/> closes a comparison with the past — the statement is an
    /// extreme, not a denial. Returns the end of the scale the adjective after "so" names (<see cref="Change.Most"/>/
    /// <see cref="Change.Least"/>, <see cref="Change.None"/> for another adjective), or null when the word is no such
    /// "nicht".</summary>
    private static Change? SoSince(List<string> words, int i)
    {
        if (words[i] is not ("nicht" or "nie"))
        {
            return null;
        }

        // "wie seit …" within the ten words before, or "wie nie", and "so" within nine words before "wie"
        for (int j = i - 1; j >= 0 && j >= i - 10; j--)
        {
            if (words[j] != "wie" || !(words[j + 1] == "seit" || (j + 1 == i && words[i] == "nie")))
            {
                continue;
            }

            for (int k = j - 1; k >= 0 && k >= j - 9; k--)
            {
                if (words[k] == "so")
                {
                    string adjective = k + 1 < words.Count ? words[k + 1] : string.Empty;
                    return SoMost.Contains(adjective) ? Change.Most : SoLeast.Contains(adjective) ? Change.Least : Change.None;
                }
            }
        }

        return null;
    }

    /// <summary>A negator that restricts a time rather than denying the statement: "will not open until 2031", "won't
    /// ease until it rains", "nicht vor 2031" say what "erst 2031", "only after rainfall" say — the event happens, later.
    /// English: "until"/"till" within the next six words; German: "vor"/"before" directly followed by a figure.</summary>
    private static bool IsRestriction(List<string> words, int i)
    {
        if (words[i] is not ("not" or "never" or "nicht") && !words[i].EndsWith("n't", StringComparison.Ordinal))
        {
            return false;
        }

        for (int j = i + 1; j < words.Count && j <= i + 6; j++)
        {
            if (words[j] is "until" or "till")
            {
                return true;
            }
        }

        return i + 2 < words.Count && words[i + 1] is "vor" or "before" && char.IsAsciiDigit(words[i + 2][0]);
    }

    /// <summary>A participle or adjective negated by its prefix ("ungeimpfte", "unbezahlt", "unverändert",
    /// "unvaccinated"): the same as "not vaccinated" on the other side. Only the prefix shapes that are almost always a
    /// negation: German un- before a participle or -bar/-lich adjective prefix (unge-, unbe-, unver-, unzu-, uner-), English un-
    /// before a past participle; adverbs that merely start so ("ungefähr", "unbedingt") are excluded.</summary>
    internal static bool IsPrefixNegation(string w)
    {
        if (w.Length < 8 || !w.StartsWith("un", StringComparison.Ordinal) || NotPrefixNegations.Contains(w))
        {
            return false;
        }

        if (w.StartsWith("unge", StringComparison.Ordinal) || w.StartsWith("unbe", StringComparison.Ordinal) || w.StartsWith("unver", StringComparison.Ordinal)
            || w.StartsWith("unzu", StringComparison.Ordinal) || w.StartsWith("uner", StringComparison.Ordinal))
        {
            return !w.StartsWith("ungeheu", StringComparison.Ordinal) && !w.StartsWith("ungefähr", StringComparison.Ordinal) && !w.StartsWith("unbeding", StringComparison.Ordinal)
                && !w.StartsWith("ungemein", StringComparison.Ordinal) && !w.StartsWith("unverzüglich", StringComparison.Ordinal) && !w.StartsWith("unerwartet", StringComparison.Ordinal)
                && !w.StartsWith("unbehelligt", StringComparison.Ordinal);
        }

        // English: un + past participle ("unvaccinated", "unchanged", "unresolved"), not "under…" or "united"
        return w.EndsWith("ed", StringComparison.Ordinal) && !w.StartsWith("under", StringComparison.Ordinal) && !w.StartsWith("unit", StringComparison.Ordinal)
            && !w.StartsWith("unexpected", StringComparison.Ordinal) && !w.StartsWith("unprecedented", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> NotPrefixNegations = new(StringComparer.Ordinal) { "unternehmen", "unterstützt", "unterstützte" };

    private static List<string> Words(AnalyzedText t)
    {
        var list = new List<string>(t.Tokens.Count);
        foreach (var token in t.Tokens)
        {
            if (token.Kind is TokenKind.Word or TokenKind.Number)
            {
                list.Add(token.Surface.ToLowerInvariant());
            }
        }

        return list;
    }

    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty",
        "forty", "fifty", "hundred", "thousand", "million", "half", "dozen", "ein", "eine", "einem", "einer", "einen", "zwei", "drei", "vier", "fünf",
        "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "fünfzehn", "zwanzig", "dreißig", "vierzig", "fünfzig", "hundert", "tausend",
        "million", "hälfte", "dutzend",
    };

    /// <summary>Small counts as words, two to twelve, from the figure reader's number words (not "one"/"eins": "one" is
    /// also an article; not "dozen": an amount), English and German.</summary>
    private static readonly Dictionary<string, int> CountWords = Claims.FigureExtractor.NumberWords
        .Where(w => w.Value is >= 2 and <= 12 && w.Key is not ("dozen" or "dutzend"))
        .ToDictionary(w => w.Key, w => (int)w.Value, StringComparer.Ordinal);

    /// <summary>The small counts a text states: number words (<see cref="CountWords"/>) and whole numbers below 1,000 written
    /// in digits alone (no decimal or thousands mark; years are compared as years). <paramref name="word"/>: whether a
    /// number word is among them.</summary>
    private static HashSet<int> Counts(AnalyzedText t, out bool word)
    {
        word = false;
        var counts = new HashSet<int>();
        foreach (string w in Words(t))
        {
            if (CountWords.TryGetValue(w, out int n))
            {
                counts.Add(n);
                word = true;
            }
            else if (w.Length <= 3 && w.All(char.IsAsciiDigit))
            {
                counts.Add(int.Parse(w, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return counts;
    }

    private static bool IsAmount(string w) => char.IsAsciiDigit(w[0]) || NumberWords.Contains(w);

    internal static Change Directions(AnalyzedText t)
    {
        var words = Words(t);
        var change = Change.None;
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            // "more than 150 years", "for more than two years", "seit mehr als zehn Jahren", "mehr als 50 Kassen": an
            // approximation of a figure or a duration, not a change
            if (w is "more" or "mehr" or "less" or "weniger" or "fewer" && i + 2 < words.Count && words[i + 1] is "than" or "als" && IsAmount(words[i + 2]))
            {
                continue;
            }

            if (w is "nicht" or "nie" && SoSince(words, i) is { } end)
            {
                change |= end;
                continue;
            }

            if ((StartsWithAny(w, MostWords) || EndsWithAny(w, MostNouns)) && !NotExtreme.Contains(w))
            {
                change |= Change.Most;
            }

            if ((StartsWithAny(w, LeastWords) || EndsWithAny(w, LeastNouns)) && !NotExtreme.Contains(w))
            {
                change |= Change.Least;
            }

            if (AcceptWords.Contains(w))
            {
                change |= Change.Accept;
            }

            if (RejectWords.Contains(w) || (w is "down" && i > 0 && words[i - 1] is "voted" or "vote" or "votes" or "turned" or "turn" or "turns"))
            {
                change |= Change.Reject;
            }

            if (Separable.TryGetValue(w, out var particles))
            {
                foreach (var (particle, dir) in particles)
                {
                    if (words.Skip(i + 1).Take(12).Contains(particle, StringComparer.Ordinal))
                    {
                        change |= dir;
                    }
                }

                continue;
            }

            if (FasterWords.Contains(w))
            {
                change |= Change.Faster;
            }

            if (SlowerWords.Contains(w))
            {
                change |= Change.Slower;
            }

            if (UpWords.Contains(w) || (w.Length > 6 && UpNouns.Any(n => w.EndsWith(n, StringComparison.Ordinal) && w != n && IsGermanCompound(w, n))))
            {
                change |= Change.Up;
            }

            if (DownWords.Contains(w) || (w.Length > 6 && DownNouns.Any(n => w.EndsWith(n, StringComparison.Ordinal) && w != n && IsGermanCompound(w, n))))
            {
                change |= Change.Down;
            }
        }

        return change;

        static bool StartsWithAny(string word, string[] stems) => stems.Any(x => word.StartsWith(x, StringComparison.Ordinal));
        static bool EndsWithAny(string word, string[] nouns) => nouns.Any(x => word.EndsWith(x, StringComparison.Ordinal));

        // "Preisanstieg" (a compound ending in a German noun of change), not "install" ending in "fall"
        static bool IsGermanCompound(string word, string noun) => noun is "anstieg" or "zunahme" or "zuwachs" or "rückgang" or "abnahme";
    }

    /// <summary>Years stated as dates: 1900-2099, and 1000-1899 after a word that introduces a date ("set in 1868",
    /// "seit 1871"); a count of years ("more than 150 years") is no year.</summary>
    internal static HashSet<string> Years(AnalyzedText t)
    {
        var years = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < t.Tokens.Count; i++)
        {
            string s = t.Tokens[i].Surface;
            if (s.Length != 4 || !s.All(char.IsAsciiDigit))
            {
                continue;
            }

            if (s.StartsWith("19", StringComparison.Ordinal) || s.StartsWith("20", StringComparison.Ordinal)
                || (s[0] == '1' && i > 0 && DateCues.Contains(t.Tokens[i - 1].Surface.ToLowerInvariant())))
            {
                years.Add(s);
            }
        }

        return years;
    }

    private static readonly HashSet<string> DateCues = new(StringComparer.Ordinal)
    {
        "in", "since", "until", "till", "from", "before", "after", "by", "of", "year", "around", "circa", "c.", "im", "seit", "bis", "von", "ab", "vor",
        "nach", "jahr", "jahre", "um", "anno",
    };

    private static (bool All, bool Some) Quantities(AnalyzedText t)
    {
        var words = Words(t);
        bool all = false, some = false;
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            // "jeder fünfte", "every third": a share, not everyone
            if (w is "jeder" or "jede" or "jedes" or "every" && i + 1 < words.Count && IsOrdinal(words[i + 1]))
            {
                some = true;
                continue;
            }

            // "not all", "nicht alle": a part
            if (All.Contains(w) && i > 0 && words[i - 1] is "not" or "nicht")
            {
                some = true;
                continue;
            }

            all |= All.Contains(w);
            some |= Some.Contains(w);
        }

        return (all, some);
    }

    private static bool IsOrdinal(string w) =>
        w is "second" or "third" or "fourth" or "fifth" or "sixth" or "tenth" or "zweite" or "dritte" or "vierte" or "fünfte" or "sechste" or "zehnte"
            or "zweiten" or "dritten" or "vierten" or "fünften" or "zehnten" || (w.EndsWith('.') && w[..^1].All(char.IsAsciiDigit));
}
