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

    public required ImmutableArray<Figure> Figures { get; init; }

    public required int NegationCount { get; init; }

    /// <summary>TF-IDF vectors (own stems; own stems plus translations), filled once the IDF table is complete.</summary>
    internal (Dictionary<string, double> Vector, double Norm)? MonoVector { get; set; }

    internal (Dictionary<string, double> Vector, double Norm)? CrossVector { get; set; }

    public static AnalyzedText Analyze(string text, string language, BilingualLexicon lexicon, ImmutableArray<Figure>? figures = null)
    {
        var tokens = Tokenizer.Tokenize(text, language);
        var content = new List<ContentToken>();
        var entities = new HashSet<string>(StringComparer.Ordinal);
        int negations = 0;
        var seq = new List<string>(tokens.Count);
        foreach (var t in tokens)
        {
            seq.Add(t.Stem);
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

            string key = EntityKey(t.Lower);
            if (t.Capitalised && (language != "de" || t.Acronym || !lexicon.Contains(t.Stem)))
            {
                entities.Add(key);
            }

            bool entity = t.Acronym || (t.Capitalised && language != "de");
            if (language == "de")
            {
                var translations = lexicon.Translate(t.Stem).ToArray();
                if (translations.Length == 0 && !t.Acronym)
                {
                    var parts = lexicon.SplitCompound(t.Surface.ToLowerInvariant());
                    if (parts is not null)
                    {
                        foreach (string part in parts)
                        {
                            content.Add(new ContentToken(part, part, false, false, lexicon.Translate(part).ToArray(), t.Surface));
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
            Tokens = tokens,
            Content = content,
            StemSequence = [.. seq],
            Entities = entities,
            Figures = figures is { IsDefaultOrEmpty: false } f ? f : FigureReader.Read(text, language),
            NegationCount = negations,
        };
    }

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
