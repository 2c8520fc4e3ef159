using System.Text.Json;
using SourceCheck.Claims;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Claims.Extraction;

/// <summary>Agreement with ../shared/claims/gold.json (claims found by the extractor itself) and the
/// expectations on the two seed articles. Skipped when ../shared is absent.</summary>
public sealed class SharedClaimsTests
{
    private static string Norm(string s) => string.Join(' ', SourceCheck.Text.TextNormalizer.Words(s.Normalize(System.Text.NormalizationForm.FormKC)));

    public sealed class GoldAgreement
    {
        [SkippableFact]
        public void Should_find_gold_claim_spans_and_speakers()
        {
            string goldPath = SharedData.Require("claims/gold.json");
            string dir = Path.GetDirectoryName(goldPath)!;
            using var gold = JsonDocument.Parse(File.ReadAllText(goldPath));
            var goldClaims = gold.RootElement.GetProperty("claims").EnumerateArray().ToList();
            int predicted = 0, matched = 0, speakerOk = 0, speakerN = 0;
            foreach (var article in gold.RootElement.GetProperty("articles").EnumerateArray())
            {
                string id = article.GetProperty("id").GetString()!;
                string text = File.ReadAllText(Path.Combine(dir, article.GetProperty("file").GetString()!));
                var claims = ClaimExtractor.Extract(text, id);
                predicted += claims.Count;
                var used = new HashSet<string>();
                foreach (var c in claims)
                {
                    var best = goldClaims.Where(g => g.GetProperty("article").GetString() == id)
                        .Select(g => (g, iou: Iou(c.Span.Start, c.Span.End, g.GetProperty("start").GetInt32(), g.GetProperty("end").GetInt32())))
                        .OrderByDescending(x => x.iou).FirstOrDefault();
                    if (best.iou < 0.5 || !used.Add(best.g.GetProperty("id").GetString()!))
                    {
                        continue;
                    }

                    matched++;
                    if (c.Speaker is { Length: > 0 } sp)
                    {
                        speakerN++;
                        string g = Norm(best.g.GetProperty("attributed_to").GetString() ?? string.Empty);
                        string p = Norm(sp);
                        string last = g.Split(' ')[^1];
                        if (g == p || (last.Length > 0 && p.Split(' ').Contains(last)) || (p.Length > 0 && g.Contains(p, StringComparison.Ordinal)))
                        {
                            speakerOk++;
                        }
                    }
                }
            }

            double precision = (double)matched / predicted, recall = (double)matched / goldClaims.Count;
            double f1 = 2 * precision * recall / (precision + recall);
            // measured on the dev set: F1 1.000, speaker accuracy 0.968 (threshold leaves room for the held-out story)
            Assert.True(f1 >= 0.85, $"claim-span F1 {f1:F3} (P {precision:F3}, R {recall:F3})");
            Assert.True((double)speakerOk / speakerN >= 0.85, $"speaker accuracy {speakerOk}/{speakerN}");
        }

        private static double Iou(int s1, int e1, int s2, int e2)
        {
            int inter = Math.Max(0, Math.Min(e1, e2) - Math.Max(s1, s2));
            int union = Math.Max(e1, e2) - Math.Min(s1, s2);
            return union > 0 ? (double)inter / union : 0;
        }
    }

    public sealed class SeedArticles
    {
        private static IReadOnlyList<Claim> Seed(string prefix)
        {
            string dir = SharedData.Require("seeds");
            string file = Directory.GetFiles(dir, prefix + "*.txt").Single();
            return ClaimExtractor.Extract(SourceCheck.Documents.ArticleReader.Read(File.ReadAllText(file), file), prefix);
        }

        [SkippableFact]
        public void Should_attribute_the_altman_claims_of_the_first_seed()
        {
            var claims = Seed("000_");
            var onX = claims.Single(c => c.Text.Contains("auf der Plattform X", StringComparison.Ordinal));
            Assert.Equal("Sam Altman", onX.Speaker);
            Assert.Equal("X (post)", onX.Channel);
            Assert.Equal("Zeit", onX.ReportingOutlet);
            Assert.Equal(QuoteKind.Direct, onX.Quote);
            Assert.StartsWith("Was unserer Meinung nach", onX.QuotedWords, StringComparison.Ordinal);

            var fail = claims.Single(c => c.Text.Contains("dann sollten wir auch scheitern", StringComparison.Ordinal) && c.Text.Contains("laut", StringComparison.Ordinal));
            Assert.Equal("Sam Altman", fail.Speaker);
            Assert.Equal("Zeit", fail.ReportingOutlet);
            Assert.Equal("X (post)", fail.Channel);

            var chief = claims.First(c => c.SpeakerMention == "Der OpenAI-Chef");
            Assert.Equal("Sam Altman", chief.Speaker);

            var range = claims.SelectMany(c => c.Figures).Single(f => f.Text == "zweistellige Milliardenbeträge");
            Assert.Equal(1e10, range.Value);
            Assert.Equal(9.9e10, range.ValueMax);
            Assert.DoesNotContain(claims, c => c.Text.EndsWith('?'));
        }

        [SkippableFact]
        public void Should_find_figures_and_attribution_in_the_second_seed()
        {
            var claims = Seed("001_");
            var figures = claims.SelectMany(c => c.Figures).ToList();
            Assert.Contains(figures, f => f.Value == 1.4e12 && f.Unit == "USD");
            Assert.Contains(figures, f => f.Value == 2e10 && f.Unit == "USD");
            Assert.Contains(figures, f => f.Text == "Hunderte von Milliarden" && f.ValueMax > f.Value);

            var onX = claims.Single(c => c.Text.Contains("Beitrag auf X", StringComparison.Ordinal));
            // "Auch Sam Altman … schaltete sich ein. Er bekräftigte … auf X": a pronoun whose antecedent is the sentence before's
            // only person was right in 4 of 13 German cases on pages it was not written on (session 11): reported unknown; the
            // rules' answer stays the candidate that matching reads (session 12), so the seeds' links do not change
            Assert.Null(onX.Speaker);
            Assert.Equal("Sam Altman", onX.SpeakerCandidate);
            Assert.Equal("X (post)", onX.Channel);
            var linkedIn = claims.Single(c => c.Text.Contains("auf LinkedIn", StringComparison.Ordinal));
            Assert.Equal("Sarah Friar", linkedIn.Speaker);
            Assert.Equal("LinkedIn (post)", linkedIn.Channel);
            // marketing lines and the bibliography block are no claims
            Assert.DoesNotContain(claims, c => c.Text.Contains("DSGVO", StringComparison.Ordinal) || c.Text.Contains("Bibliography", StringComparison.Ordinal));
        }
    }
}
