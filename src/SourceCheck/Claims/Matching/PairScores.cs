using System.Globalization;
using System.Text;
using SourceCheck.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>One scored sentence pair: its id, the probability that both sentences make the same claim (paraphrase or
/// translation), and the label that probability gives at the threshold used.</summary>
/// <param name="Id">The pair's id as given (or its 0-based line position when it had none).</param>
/// <param name="Score">Same-claim probability, 0 to 1.</param>
/// <param name="Label">1 when <paramref name="Score"/> reaches the threshold, else 0.</param>
public sealed record PairScore(string Id, double Score, int Label);

/// <summary>Sentence pairs scored as "same claim" by <see cref="Articles.ScorePairs"/>: what <c>sourcecheck similarity</c>
/// prints (<see cref="ToJsonLines"/>).</summary>
public sealed class PairScores
{
    internal PairScores(IReadOnlyList<PairScore> pairs, string? warning)
    {
        Pairs = pairs;
        Warning = warning;
    }

    /// <summary>The pairs in input order.</summary>
    public IReadOnlyList<PairScore> Pairs { get; }

    /// <summary>Set when a pair is cross-language but the bilingual lexicon is not available (its scores are then weaker).</summary>
    public string? Warning { get; }

    /// <summary>One JSON object per line, <c>{"id": …, "score": …, "label": …}</c>, in input order.</summary>
    public string ToJsonLines()
    {
        var sb = new StringBuilder();
        foreach (var p in Pairs)
        {
            sb.Append("{\"id\": ").Append(System.Text.Json.Nodes.JsonValue.Create(p.Id).ToJsonString())
                .Append(", \"score\": ").Append(p.Score.ToString("0.######", CultureInfo.InvariantCulture))
                .Append(", \"label\": ").Append(p.Label).Append("}\n");
        }

        return sb.ToString();
    }

    /// <summary>Reads JSON Lines pairs and scores them (IDF from all the pairs' sentences).</summary>
    internal static PairScores Score(string jsonLines, string name, double? threshold)
    {
        var items = SentencePairs.ReadJsonl(jsonLines, name);
        var lexicon = BilingualLexicon.Default;
        string? warning = !lexicon.CrossLanguageAvailable && items.Any(SentencePairs.IsCross) ? lexicon.Warning : null;
        var scores = SentencePairs.Scores(new SimilarityScorer(lexicon, new IdfTable()), items);
        var pairs = new PairScore[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            var p = items[i];
            string la = p.LangA ?? LanguageGuesser.Guess(p.A);
            string lb = p.LangB ?? LanguageGuesser.Guess(p.B);
            pairs[i] = new PairScore(p.Id, scores[i], scores[i] >= (threshold ?? SimilarityScorer.DefaultThreshold(la, lb)) ? 1 : 0);
        }

        return new PairScores(pairs, warning);
    }
}
