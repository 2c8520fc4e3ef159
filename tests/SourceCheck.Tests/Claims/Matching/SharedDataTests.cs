using System.Collections.Immutable;
using System.Text.Json;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Tests.Support;
using SourceCheck.Text;

namespace SourceCheck.Tests.Claims.Matching;

/// <summary>Scores on ../shared (skipped when absent): paraphrase validation split, gold claim links, seed articles.</summary>
public sealed class SharedDataTests
{
    private static PairMetrics Validate(string file)
    {
        var pairs = SentencePairs.ReadJsonl(File.ReadAllText(SharedData.Require("paraphrase/" + file)));
        var scores = SentencePairs.Scores(new SimilarityScorer(BilingualLexicon.Default, new IdfTable()), pairs);
        var train = Enumerable.Range(0, pairs.Count).Where(i => !PairEvaluation.IsValidation(pairs[i].Id)).ToList();
        var val = Enumerable.Range(0, pairs.Count).Where(i => PairEvaluation.IsValidation(pairs[i].Id)).ToList();
        double t = PairEvaluation.BestThreshold(train.Select(i => scores[i]).ToList(), train.Select(i => pairs[i].Label!.Value).ToList());
        return PairEvaluation.Metrics(val.Select(i => scores[i]).ToList(), val.Select(i => pairs[i].Label!.Value).ToList(), t);
    }

    public sealed class Paraphrase
    {
        [SkippableFact]
        public void Should_beat_the_lexical_floor_on_mrpc_validation()
        {
            var m = Validate("mrpc-dev.jsonl");
            Assert.True(m.Accuracy >= 0.725 && m.Auc >= 0.757, m.ToString());
        }

        [SkippableFact]
        public void Should_reach_the_mrpc_target_at_the_committed_threshold()
        {
            var pairs = SentencePairs.ReadJsonl(File.ReadAllText(SharedData.Require("paraphrase/mrpc-dev.jsonl")));
            var scores = SentencePairs.Scores(new SimilarityScorer(BilingualLexicon.Default, new IdfTable()), pairs);
            var val = Enumerable.Range(0, pairs.Count).Where(i => PairEvaluation.IsValidation(pairs[i].Id)).ToList();
            var m = PairEvaluation.Metrics(val.Select(i => scores[i]).ToList(), val.Select(i => pairs[i].Label!.Value).ToList(),
                SimilarityScorer.DefaultThreshold("en", "en"));
            Assert.True(m.Accuracy >= 0.76 && m.Auc >= 0.80, m.ToString());
        }

        [SkippableFact]
        public void Should_reach_the_tatoeba_target_on_validation()
        {
            Skip.IfNot(BilingualLexicon.Default.CrossLanguageAvailable, "trans-de-en is not installed");
            var m = Validate("tatoeba-de-en-dev.jsonl");
            Assert.True(m.Accuracy >= 0.85, m.ToString());
        }
    }

    public sealed class GoldClaims
    {
        [SkippableFact]
        public void Should_reach_link_targets_with_gold_claim_spans()
        {
            Skip.IfNot(BilingualLexicon.Default.CrossLanguageAvailable, "trans-de-en is not installed");
            using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Require("claims/gold.json")));
            var claims = new List<Claim>();
            foreach (var c in doc.RootElement.GetProperty("claims").EnumerateArray())
            {
                var figures = c.GetProperty("figures").EnumerateArray()
                    .Select(f => new Figure(f.GetProperty("text").GetString()!, f.GetProperty("value").GetDouble(), null, f.GetProperty("unit").GetString(), default))
                    .ToImmutableArray();
                int start = c.GetProperty("start").GetInt32();
                var quote = c.GetProperty("quote").GetString() switch { "direct" => QuoteKind.Direct, "indirect" => QuoteKind.Indirect, _ => QuoteKind.None };
                claims.Add(new Claim(c.GetProperty("id").GetString()!, c.GetProperty("article").GetString()!, c.GetProperty("lang").GetString()!, c.GetProperty("text").GetString()!,
                    new TextSpan(start, c.GetProperty("end").GetInt32() - start), quote, Str(c, "quoted_words"), Str(c, "attributed_to"), null, null, null, figures));
            }

            var gold = doc.RootElement.GetProperty("links").EnumerateArray()
                .ToDictionary(l => Key(l.GetProperty("a").GetString()!, l.GetProperty("b").GetString()!), l => l.GetProperty("type").GetString()!);
            var predicted = new Dictionary<(string, string), string>();
            foreach (var link in ClaimMatcher.Match(claims))
            {
                predicted.TryAdd(Key(link.A.Id, link.B.Id), link.Type.ToName());
            }

            int detected = predicted.Keys.Count(gold.ContainsKey);
            int typed = predicted.Count(p => gold.TryGetValue(p.Key, out var t) && t == p.Value);
            double detectionF1 = 2.0 * detected / (predicted.Count + gold.Count);
            double typedF1 = 2.0 * typed / (predicted.Count + gold.Count);
            Assert.True(detectionF1 >= 0.65 && typedF1 >= 0.55, $"detection F1 {detectionF1:F3}, typed F1 {typedF1:F3}");
        }

        private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

        private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    public sealed class Seeds
    {
        /// <summary>The shared Altman claims (governments should build their own AI infrastructure; no state
        /// guarantees for OpenAI data centres) link across the two seed articles and to the English headlines
        /// of the second one's bibliography. Sentences are taken from the seeds at test time.</summary>
        [SkippableFact]
        public void Should_link_the_altman_claims_across_articles_and_to_english_headlines()
        {
            Skip.IfNot(BilingualLexicon.Default.CrossLanguageAvailable, "trans-de-en is not installed");
            string seeds = SharedData.Require("seeds");
            var files = Directory.GetFiles(seeds, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Skip.If(files.Length < 2, "two seed articles expected");
            string first = File.ReadAllText(files[0]);
            string second = File.ReadAllText(files[1]);

            var claims = new List<Claim>
            {
                FromSeed(first, "S1", "de", "Wir haben keine staatlichen Garantien für OpenAI-Rechenzentren und wollen auch keine"),
                FromSeed(first, "S1", "de", "dass Regierungen ihre eigene KI-Infrastruktur aufbauen"),
                FromSeed(second, "S2", "de", "dass OpenAI keine staatlichen Garantien für seine Rechenzentren wünsche"),
                FromSeed(second, "S2", "de", "dass Regierungen eigene KI-Infrastrukturen wie öffentliche Rechenzentren"),
                FromSeed(second, "S2-bib", "en", "Sam Altman says he doesn't want the government to bail out OpenAI if it fails"),
                FromSeed(second, "S2-bib", "en", "Sam Altman says OpenAI does not want a government bailout for AI"),
            };
            var links = ClaimMatcher.Match(claims);
            bool Linked(int i, int j) => links.Any(l => (l.A == claims[i] && l.B == claims[j]) || (l.A == claims[j] && l.B == claims[i]));
            Assert.True(Linked(0, 2), "no-guarantees claim across the German articles");
            Assert.True(Linked(1, 3), "own-infrastructure claim across the German articles");
            Assert.True(Linked(0, 4) || Linked(0, 5) || Linked(2, 4) || Linked(2, 5), "no-guarantees claim to an English headline");
        }

        /// <summary>The whole sentence of the seed text that contains <paramref name="anchor"/>.</summary>
        private static Claim FromSeed(string text, string doc, string lang, string anchor)
        {
            int at = text.IndexOf(anchor, StringComparison.Ordinal);
            Skip.If(at < 0, $"seed text changed: '{anchor}' not found");
            int start = at;
            while (start > 0 && text[start - 1] is not ('.' or '\n' or '?' or '!' or ':'))
            {
                start--;
            }

            int end = at + anchor.Length;
            while (end < text.Length && text[end] is not ('.' or '\n' or '?' or '!'))
            {
                end++;
            }

            string sentence = text[start..end].Trim(' ', '-', '„', '“');
            return new Claim($"{doc}-{at}", doc, lang, sentence, new TextSpan(start, end - start), QuoteKind.None, null, null, null, null, null, ImmutableArray<Figure>.Empty);
        }
    }
}
