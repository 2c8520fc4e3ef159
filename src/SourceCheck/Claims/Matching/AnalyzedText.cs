using System.Collections.Immutable;
using SourceCheck.Claims.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>A content unit of a text: its own stem, a language-independent key (for names, numbers and
/// acronyms that match across languages as they are), and (German) weighted English translations.</summary>
internal sealed record ContentToken(string Stem, string Key, bool Entity, bool Number, (string Stem, float Weight)[] Translations, string Surface = "", int[]? Synonyms = null);

/// <summary>A text prepared for matching: tokens, content units, numbers/figures, entities, negation.</summary>
internal sealed class AnalyzedText
{
    public required string Text { get; init; }

    public required string Language { get; init; }

    public required IReadOnlyList<Token> Tokens { get; init; }

    public required IReadOnlyList<ContentToken> Content { get; init; }

    /// <summary>Stems of all words in order (for n-gram and order features).</summary>
    public required string[] StemSequence { get; init; }

    public required HashSet<string> Entities { get; init; }

    /// <summary>The claim's own figures, or when it carries none those <see cref="FigureExtractor"/> reads in the text
    /// (years standing alone included, unit "year").</summary>
    public required ImmutableArray<Figure> Figures { get; init; }

    public required int NegationCount { get; init; }

    /// <summary>TF-IDF vectors (own stems; own stems plus translations), filled once the IDF table is complete.</summary>
    internal (Dictionary<string, double> Vector, double Norm)? MonoVector { get; set; }

    internal (Dictionary<string, double> Vector, double Norm)? CrossVector { get; set; }

    /// <summary>This analysis with only what <see cref="SimilarityScorer.LinkScore(AnalyzedText, AnalyzedText)"/> reads
    /// (language, content units, the vectors): the clauses and quoted words a match keeps per claim are scored only
    /// that way, and their tokens, stem sequence, entities and figures were most of what a 15 MB text's match held.</summary>
    internal AnalyzedText ForLinkScore() => new()
    {
        Text = Text,
        Language = Language,
        Tokens = [],
        Content = Content,
        StemSequence = [],
        Entities = [],
        Figures = [],
        NegationCount = NegationCount,
        MonoVector = MonoVector,
        CrossVector = CrossVector,
    };

    /// <summary>Longest text analysed (characters): a claim is a sentence; longer texts are cut at a space before this
    /// length, so pair features that compare every token with every other stay bounded (a 2 MB "sentence" took minutes).</summary>
    public const int MaxChars = 1000;

    public static AnalyzedText Analyze(string text, string language, BilingualLexicon lexicon, ImmutableArray<Figure>? figures = null)
    {
        if (text.Length > MaxChars)
        {
            int cut = text.LastIndexOf(' ', MaxChars - 1, 200);
            text = text[..(cut > 0 ? cut : MaxChars)];
        }

        var tokens = Tokenizer.Tokenize(text, language);
        var content = new List<ContentToken>();
        var entities = new HashSet<string>(StringComparer.Ordinal);
        int negations = 0;
        var seq = new List<string>(tokens.Count);
        var separable = language == "de" ? SeparableVerbs(text, tokens, lexicon) : null;
        for (int ti = 0; ti < tokens.Count; ti++)
        {
            var t = tokens[ti];
            seq.Add(t.Stem);
            if (separable is not null && separable.TryGetValue(ti, out var joined))
            {
                if (joined.Length > 0)
                {
                    content.Add(new ContentToken(joined, joined, false, false, lexicon.TranslationArray(joined), t.Surface));
                }

                if (t.Negation)
                {
                    negations++;
                }

                continue;
            }

            if (t.Negation)
            {
                negations++;
            }

            if (t.Kind == TokenKind.Number)
            {
                content.Add(new ContentToken(t.Stem, t.Stem, false, true, [], t.Surface));
                continue;
            }

            if (t.IsStop)
            {
                continue;
            }

            string key = Tokenizer.Intern(EntityKey(t.Lower));
            if (t.Capitalised && (language != "de" || t.Acronym || !lexicon.Contains(t.Stem)))
            {
                entities.Add(key);
            }

            bool entity = t.Acronym || (t.Capitalised && language != "de");
            if (language == "de")
            {
                var translations = lexicon.TranslationArray(t.Stem);
                if (translations.Length == 0 && !t.Acronym)
                {
                    var parts = lexicon.SplitCompound(t.Surface.ToLowerInvariant());
                    if (parts is not null)
                    {
                        foreach (string part in parts)
                        {
                            content.Add(new ContentToken(part, part, false, false, lexicon.TranslationArray(part), t.Surface));
                        }

                        continue;
                    }
                }

                content.Add(new ContentToken(t.Stem, key, entity, false, translations, t.Surface));
            }
            else
            {
                content.Add(new ContentToken(t.Stem, key, entity, false, [], t.Surface, entity ? null : lexicon.EnglishSynonymIds(t.Stem)));
            }
        }

        return new AnalyzedText
        {
            Text = text,
            Language = language,
            Tokens = tokens is List<Token> list ? list.ToArray() : tokens,
            Content = content.ToArray(),
            StemSequence = [.. seq],
            Entities = entities,
            Figures = figures is { IsDefaultOrEmpty: false } f ? f : FigureExtractor.Extract(text, 0, text.Length, language, years: true),
            NegationCount = negations,
        };
    }

    /// <summary>German separable verbs: a particle closing its clause ("… und das holt uns jetzt ein.") joined to
    /// a lower-case verb earlier in the clause when the lexicon knows the compound ("einholen" = catch up).
    /// Returns token index → joined stem (the verb) or "" (the particle, dropped).</summary>
    private static Dictionary<int, string>? SeparableVerbs(string text, IReadOnlyList<Token> tokens, BilingualLexicon lexicon)
    {
        Dictionary<int, string>? result = null;
        for (int i = 1; i < tokens.Count; i++)
        {
            var p = tokens[i];
            string particle = p.Surface.ToLowerInvariant();
            if (p.Kind != TokenKind.Word || p.Capitalised || !Particles.Contains(particle) || !ClauseEnd(text, tokens, i))
            {
                continue;
            }

            for (int k = i - 1; k >= 0 && k >= i - 12; k--)
            {
                var v = tokens[k];
                if (ClauseEnd(text, tokens, k))
                {
                    break;
                }

                string verb = v.Surface.ToLowerInvariant();
                if (v.Kind != TokenKind.Word || v.Capitalised || verb.Length < 3 || Particles.Contains(verb) || (result?.ContainsKey(k) ?? false))
                {
                    continue;
                }

                string? stem = JoinedStem(particle, verb, lexicon);
                if (stem is not null)
                {
                    result ??= [];
                    result[k] = stem;
                    result[i] = string.Empty;
                    break;
                }
            }
        }

        return result;
    }

    private static string? JoinedStem(string particle, string verb, BilingualLexicon lexicon)
    {
        foreach (string form in VerbForms(verb))
        {
            string stem = Tokenizer.Stem(particle + form, "de");
            if (lexicon.Contains(stem) && lexicon.Translate(stem).Length > 0)
            {
                return stem;
            }
        }

        return null;
    }

    private static IEnumerable<string> VerbForms(string verb)
    {
        yield return verb;                       // geben → ausgeben
        yield return verb + "en";
        foreach (string ending in (string[])["test", "ten", "te", "st", "t", "en", "e"])
        {
            if (verb.Length > ending.Length + 2 && verb.EndsWith(ending, StringComparison.Ordinal))
            {
                yield return verb[..^ending.Length] + "en"; // holt → einholen, legte → zulegen
            }
        }
    }

    private static bool ClauseEnd(string text, IReadOnlyList<Token> tokens, int i)
    {
        return i + 1 >= tokens.Count || Tokenizer.GapHasAny(text, tokens[i], tokens[i + 1], ",;:.!?\u201c\u201d\"\u2013");
    }

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "ab", "an", "auf", "aus", "bei", "dar", "ein", "fest", "fort", "frei", "her", "heraus", "hin", "hinaus", "klar",
        "los", "mit", "nach", "vor", "voran", "vorbei", "weg", "weiter", "zu", "zurück", "zusammen",
    };

    /// <summary>Language-independent key of a word: folded lower case without a trailing genitive/plural "s".</summary>
    public static string EntityKey(string lower)
    {
        string k = lower;
        if (k.Length > 4 && k.EndsWith('s'))
        {
            k = k[..^1];
        }

        return k;
    }
}
