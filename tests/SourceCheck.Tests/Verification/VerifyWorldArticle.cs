using System.Globalization;
using System.Text.Json.Nodes;
using SourceCheck.Checking;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Documents;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

/// <summary>An article citing the fixture world's references of one split: each claim of the world written as a
/// sentence with a citation signal. Validation: <c>fixtures/verify-world/val-article.json</c> (sentences and gold
/// written before the code). Dev: made here from the dev claims, the signal rotating through a numbered marker, the
/// outlet ("according to …", "laut …") and author-year. Scores the ties (<see cref="CitationSignals"/>) and then the
/// passages found through them — what <c>check</c> does.</summary>
internal static class VerifyWorldArticle
{
    public sealed record Sentence(string ClaimId, string Text, string ReferenceId, bool Supported);

    public sealed record ArticleScore(int Sentences, int WithClaim, int TiedRight, int WrongTies, int Supported, int SupportedFound, int Unsupported, int UnsupportedFound,
        IReadOnlyList<string> Misses)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"sentences {Sentences}, with a claim {WithClaim}, tied to the cited reference {TiedRight}/{Sentences}, wrong ties {WrongTies}; " +
            $"passages through the ties: supported claims {SupportedFound}/{Supported}, unsupported {UnsupportedFound}/{Unsupported}");
    }

    public static (List<Sentence> Sentences, List<WorldReference> References) Build(VerifyWorld world, string split)
    {
        var refs = world.References().Where(r => r.Split == split).ToList();
        if (split == "val")
        {
            var gold = JsonNode.Parse(File.ReadAllText(Path.Combine(VerifyWorld.Directory, "val-article.json")))!;
            var order = gold["bibliography"]!.AsArray().Select(x => (string)x!).ToList();
            refs = order.Select(id => refs.Single(r => r.Id == id)).ToList();
            return (gold["sentences"]!.AsArray().Select(x => new Sentence((string)x!["claim"]!, (string)x["sentence"]!, (string)x["reference"]!, (bool)x["supported"]!)).ToList(), refs);
        }

        var list = new List<Sentence>();
        int k = 0;
        for (int i = 0; i < refs.Count; i++)
        {
            var r = refs[i];
            foreach (var c in r.Claims)
            {
                string text = c.Claim.Text.TrimEnd('.');
                string outlet = r.Item.GetString("container-title") ?? string.Empty;
                string? family = r.Item.Authors.Count > 0 ? r.Item.Authors[0].Family : null;
                int? year = WorkMatching.CitedDate(r.Item)?.Year;
                bool de = c.Claim.Language == "de";
                string sentence = (k++ % 3) switch
                {
                    0 => $"{text} [{i + 1}].",
                    1 when outlet.Length > 0 => de ? $"Laut {outlet}: {text}." : $"According to {outlet}, {char.ToLowerInvariant(text[0])}{text[1..]}.",
                    _ when family is not null && year is not null => $"{text} ({family}, {year}).",
                    _ => $"{text} [{i + 1}].",
                };
                list.Add(new Sentence(c.Claim.Id, sentence, r.Id, c.Supported));
            }
        }

        return (list, refs);
    }

    public static async Task<ArticleScore> ScoreAsync(VerifyWorld world, WorkLocator locator, string split, Action<string>? log)
    {
        var (sentences, refs) = Build(world, split);
        // One paragraph per sentence, so that the sentence of each claim is known.
        string text = "Article\n\n" + string.Join("\n\n", sentences.Select(s => s.Text)) + "\n";
        var article = ArticleReader.Read(text, "world-" + split);
        var claims = ClaimExtractor.Extract(article, "world-" + split);
        var items = refs.Select(r => r.Item).ToList();
        var ties = CitationSignals.Tie(article, claims, items, new OutletDirectory());
        var byRef = CitationSignals.ClaimsByReference(ties, claims);
        var verdicts = new Dictionary<string, ReferenceVerdict>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            verdicts[item.Id] = await locator.LocateAsync(item, byRef.TryGetValue(item.Id, out var c) ? c : []);
        }

        int withClaim = 0, tiedRight = 0, wrongTies = 0, sup = 0, supFound = 0, unsup = 0, unsupFound = 0;
        var misses = new List<string>();
        int at = text.IndexOf('\n', StringComparison.Ordinal);
        foreach (var s in sentences)
        {
            int start = text.IndexOf(s.Text, at, StringComparison.Ordinal);
            at = start + s.Text.Length;
            var mine = claims.Where(c => c.Span.Start >= start && c.Span.Start < start + s.Text.Length).ToList();
            withClaim += mine.Count > 0 ? 1 : 0;
            var myTies = ties.Where(t => mine.Any(c => c.Id == t.ClaimId)).ToList();
            bool right = myTies.Any(t => t.ReferenceId == s.ReferenceId);
            tiedRight += right ? 1 : 0;
            wrongTies += myTies.Count(t => t.ReferenceId != s.ReferenceId);
            var passage = mine.Select(c => verdicts[s.ReferenceId].Passages.FirstOrDefault(p => p.ClaimId == c.Id)).OfType<PassageCheck>()
                .OrderByDescending(p => p.Status == PassageFinder.Supported).FirstOrDefault();
            bool found = passage?.Status == PassageFinder.Supported;
            if (s.Supported)
            {
                sup++;
                supFound += found ? 1 : 0;
            }
            else
            {
                unsup++;
                unsupFound += found ? 1 : 0;
            }

            string line = $"{s.ClaimId,-6} {(mine.Count == 0 ? "no claim" : right ? "tied" : "NOT tied"),-9} [{string.Join(", ", myTies.Select(t => $"{t.ReferenceId} by {t.Signal} '{t.Evidence}'"))}] "
                + $"supported={s.Supported} {passage?.Status ?? "(no passage)"} {passage?.Score.ToString("0.000", CultureInfo.InvariantCulture)} ({passage?.Source}) verdict {verdicts[s.ReferenceId].Verdict}";
            log?.Invoke(line);
            if (!right || found != s.Supported)
            {
                misses.Add(line + " :: " + s.Text);
            }
        }

        return new ArticleScore(sentences.Count, withClaim, tiedRight, wrongTies, sup, supFound, unsup, unsupFound, misses);
    }
}
