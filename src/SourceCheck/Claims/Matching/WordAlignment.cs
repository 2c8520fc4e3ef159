using System.Collections.Immutable;
using SourceCheck.Claims.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>How two aligned words correspond.</summary>
public enum WordMatch
{
    /// <summary>Not aligned: a content word found only in this text.</summary>
    None,

    /// <summary>A function word (article, auxiliary, preposition): neither aligned nor counted as a difference.</summary>
    Function,

    /// <summary>The same word (same stem, name or number).</summary>
    Same,

    /// <summary>A translation (German ↔ English) through the bilingual dictionary.</summary>
    Translated,

    /// <summary>A close form or near-synonym in the same language (shared long prefix, shared translation).</summary>
    Similar,
}

/// <summary>One word of a text in an alignment: its place in the text, how it matches, and the indexes of its partners
/// among the other text's words (empty when unaligned; two or more when a compound matches several words, as
/// "KI-Infrastruktur" matches "AI" and "infrastructure").</summary>
public sealed record AlignedWord(string Text, int Start, WordMatch Match, ImmutableArray<int> Partners);

/// <summary>Two claims aligned word by word, the way the matcher compares them: the words of each text in order, each
/// content word paired with at most one word of the other text (same stem, name or number; dictionary translation
/// across German and English; close form) — so a translation or paraphrase shows its matched words side by side
/// instead of as deletions and insertions.</summary>
public sealed record WordAlignment(ImmutableArray<AlignedWord> Left, ImmutableArray<AlignedWord> Right)
{
    /// <summary>Least match strength (see the matcher's word match) for two words to be paired.</summary>
    public const double MinimumMatch = 0.5;

    /// <summary>Aligns <paramref name="left"/> (in <paramref name="leftLanguage"/>) with <paramref name="right"/>;
    /// the lexicon defaults to <see cref="BilingualLexicon.Default"/> (hand-written part only without trans-de-en).</summary>
    public static WordAlignment Align(string left, string leftLanguage, string right, string rightLanguage, BilingualLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        lexicon ??= BilingualLexicon.Default;
        var a = Side.Read(left, Normalise(leftLanguage), lexicon);
        var b = Side.Read(right, Normalise(rightLanguage), lexicon);
        bool cross = a.Language != b.Language;

        // Every candidate pair of content words, strongest first; ties go to pairs at similar relative positions.
        var candidates = new List<(int I, int J, double Score, double Distance)>();
        for (int i = 0; i < a.Content.Count; i++)
        {
            for (int j = 0; j < b.Content.Count; j++)
            {
                double m = SimilarityScorer.Match(a.Content[i].Token, b.Content[j].Token, cross);
                if (m >= MinimumMatch)
                {
                    double distance = Math.Abs(((double)a.Content[i].Word / Math.Max(1, a.Words.Count)) - ((double)b.Content[j].Word / Math.Max(1, b.Words.Count)));
                    candidates.Add((i, j, m, distance));
                }
            }
        }

        candidates.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Distance.CompareTo(y.Distance));

        // One partner per content unit (a compound's parts are units of one word, so the word may get several).
        var leftTaken = new bool[a.Content.Count];
        var rightTaken = new bool[b.Content.Count];
        var leftMatch = Enumerable.Range(0, a.Words.Count).Select(_ => (Match: WordMatch.None, Partners: new SortedSet<int>())).ToArray();
        var rightMatch = Enumerable.Range(0, b.Words.Count).Select(_ => (Match: WordMatch.None, Partners: new SortedSet<int>())).ToArray();
        foreach (var (i, j, _, _) in candidates)
        {
            int wa = a.Content[i].Word, wb = b.Content[j].Word;
            if (leftTaken[i] || rightTaken[j] || leftMatch[wa].Partners.Contains(wb))
            {
                continue;
            }

            leftTaken[i] = rightTaken[j] = true;
            var x = a.Content[i].Token;
            var y = b.Content[j].Token;
            var kind = x.Stem == y.Stem || x.Key == y.Key ? WordMatch.Same : cross ? WordMatch.Translated : WordMatch.Similar;
            leftMatch[wa] = (Stronger(leftMatch[wa].Match, kind), leftMatch[wa].Partners);
            leftMatch[wa].Partners.Add(wb);
            rightMatch[wb] = (Stronger(rightMatch[wb].Match, kind), rightMatch[wb].Partners);
            rightMatch[wb].Partners.Add(wa);
        }

        return new WordAlignment(a.Build(leftMatch), b.Build(rightMatch));
    }

    /// <summary>Same before translated before similar before none.</summary>
    private static WordMatch Stronger(WordMatch current, WordMatch candidate) =>
        current == WordMatch.None || (candidate != WordMatch.None && candidate < current && candidate >= WordMatch.Same) ? candidate : current;

    private static string Normalise(string language) =>
        language.StartsWith("de", StringComparison.OrdinalIgnoreCase) ? "de" : "en";

    /// <summary>A text's words (tokens that are words or numbers) and its content units mapped onto them.</summary>
    private sealed class Side
    {
        public required string Language { get; init; }

        public required List<Token> Words { get; init; }

        public required List<(ContentToken Token, int Word)> Content { get; init; }

        public static Side Read(string text, string language, BilingualLexicon lexicon)
        {
            var words = Tokenizer.Tokenize(text, language).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).ToList();
            var analyzed = AnalyzedText.Analyze(text, language, lexicon);
            var content = new List<(ContentToken, int)>();
            int next = 0;
            foreach (var c in analyzed.Content)
            {
                // Content units come in text order and carry their word's surface form; the parts of a split
                // compound share their word.
                int found = -1;
                for (int k = next; k < words.Count; k++)
                {
                    if (string.Equals(words[k].Surface, c.Surface, StringComparison.Ordinal))
                    {
                        found = k;
                        break;
                    }
                }

                if (found < 0 && next > 0 && string.Equals(words[next - 1].Surface, c.Surface, StringComparison.Ordinal))
                {
                    content.Add((c, next - 1));
                    continue;
                }

                if (found >= 0)
                {
                    content.Add((c, found));
                    next = found + 1;
                }
            }

            return new Side { Language = language, Words = words, Content = content };
        }

        public ImmutableArray<AlignedWord> Build((WordMatch Match, SortedSet<int> Partners)[] matches)
        {
            var content = Content.Select(c => c.Word).ToHashSet();
            var result = ImmutableArray.CreateBuilder<AlignedWord>(Words.Count);
            for (int k = 0; k < Words.Count; k++)
            {
                var (match, partners) = matches[k];
                if (partners.Count == 0)
                {
                    match = content.Contains(k) ? WordMatch.None : WordMatch.Function;
                }

                result.Add(new AlignedWord(Words[k].Surface, Words[k].Offset, match, [.. partners]));
            }

            return result.MoveToImmutable();
        }
    }
}
