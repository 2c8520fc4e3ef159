using System.Collections.Immutable;
using System.Globalization;
using SourceCheck.Claims.Text;
using SourceCheck.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>Options for <see cref="ClaimMatcher.Match"/>.</summary>
public sealed record MatchOptions
{
    /// <summary>Link when the claim-link score (alignment + cosine, see <see cref="SimilarityScorer"/>) reaches this.</summary>
    public double Threshold { get; init; } = 0.3;

    /// <summary>Pairs with opposite polarity (negation/rejection cue on one side only) are contradictions from this score.</summary>
    public double ContradictionThreshold { get; init; } = 0.15;

    /// <summary>Candidates kept per claim from the index (highest shared rare-term weight first).</summary>
    public int MaxCandidatesPerClaim { get; init; } = 10;

    /// <summary>A candidate must share at least this fraction of the claim's own rare-term weight.</summary>
    public double MinSharedWeight { get; init; } = 0.2;

    /// <summary>Terms found in more than this share of claims are not used for candidates (boilerplate).</summary>
    public double MaxTermShare { get; init; } = 0.1;

    /// <summary>Absolute bound on the postings of a term used for candidates (keeps the cost linear).</summary>
    public int MaxTermPostings { get; init; } = 300;

    /// <summary>With at most this many claims every cross-document pair is scored (no index needed).</summary>
    public int ExhaustiveBelow { get; init; } = 400;

    /// <summary>Translations per German word used for the index.</summary>
    public int IndexTranslations { get; init; } = 4;

    /// <summary>Pairs scoring at least this (and below <see cref="Threshold"/>) are also scored clause by clause.</summary>
    public double ClauseFloor { get; init; } = 0.2;

    /// <summary>Weight of the best clause-level score (0 turns clause matching off).</summary>
    public double ClauseWeight { get; init; } = 0.9;

    /// <summary>Lexicon (null: <see cref="BilingualLexicon.Default"/>).</summary>
    public BilingualLexicon? Lexicon { get; init; }

    public static MatchOptions Default { get; } = new();
}

/// <summary>Finds and types links between claims of different documents: candidates from an inverted index
/// over stemmed (and, for German, lexicon-translated) terms with rare-term weighting, scored by
/// <see cref="SimilarityScorer"/>, typed by <see cref="LinkTyper"/>.</summary>
public static class ClaimMatcher
{
    /// <summary>Cross-document links, ordered by claim position (A before B in input order).</summary>
    public static IReadOnlyList<ClaimLink> Match(IReadOnlyList<Claim> claims, MatchOptions? options = null)
    {
        options ??= MatchOptions.Default;
        var lexicon = options.Lexicon ?? BilingualLexicon.Default;
        var scorer = new SimilarityScorer(lexicon, new IdfTable());
        var analyzed = new AnalyzedText[claims.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = claims.Count < 2000 ? 1 : Environment.ProcessorCount };
        Parallel.For(0, claims.Count, parallel, i =>
        {
            var c = claims[i];
            analyzed[i] = scorer.Analyze(c.Text, NormalizeLanguage(c.Language, c.Text), c.Figures.IsDefault ? null : c.Figures);
        });
        foreach (var a in analyzed)
        {
            scorer.AddToIdf(a);
        }

        var candidates = claims.Count <= options.ExhaustiveBelow
            ? AllCrossPairs(claims)
            : Candidates(claims, analyzed, scorer.Idf, options);
        var found = new ClaimLink?[candidates.Count];
        var clauses = new Lazy<AnalyzedText[]>[claims.Count];
        for (int i = 0; i < claims.Count; i++)
        {
            int n = i;
            clauses[i] = new Lazy<AnalyzedText[]>(() => Clauses(scorer, analyzed[n]), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        Parallel.For(0, candidates.Count, parallel, k =>
        {
            var (i, j) = candidates[k];
            double score = scorer.LinkScore(analyzed[i], analyzed[j]);
            if (score < options.Threshold && score >= options.ClauseFloor && options.ClauseWeight > 0)
            {
                score = Math.Max(score, options.ClauseWeight * ClauseScore(scorer, analyzed[i], analyzed[j], clauses[i].Value, clauses[j].Value));
            }

            found[k] = LinkTyper.Type(claims[i], claims[j], analyzed[i], analyzed[j], score, options, scorer.Idf);
        });
        var links = new List<ClaimLink>();
        foreach (var link in found)
        {
            if (link is not null)
            {
                links.Add(link);
            }
        }

        return links;
    }

    /// <summary>Best link score between a clause of one claim and the other claim or one of its clauses: a wire
    /// lead that packs three facts into one sentence still restates each of them.</summary>
    private static double ClauseScore(SimilarityScorer scorer, AnalyzedText a, AnalyzedText b, AnalyzedText[] ca, AnalyzedText[] cb)
    {
        double best = 0;
        foreach (var x in ca)
        {
            best = Math.Max(best, scorer.LinkScore(x, b));
            foreach (var y in cb)
            {
                best = Math.Max(best, scorer.LinkScore(x, y));
            }
        }

        foreach (var y in cb)
        {
            best = Math.Max(best, scorer.LinkScore(a, y));
        }

        return best;
    }

    /// <summary>Words that join two clauses of one sentence.</summary>
    private static readonly HashSet<string> ClauseJoiners = new(StringComparer.Ordinal)
    {
        "and", "but", "while", "whereas", "und", "aber", "sowie", "während", "doch", "jedoch",
    };

    /// <summary>Clauses of a claim (split at , ; : dashes and joining words) with at least <see cref="MinClauseContent"/>
    /// content words; none when the claim has only one.</summary>
    internal static AnalyzedText[] Clauses(SimilarityScorer scorer, AnalyzedText t)
    {
        var tokens = t.Tokens;
        if (t.Content.Count < 2 * MinClauseContent)
        {
            return [];
        }

        var cuts = new List<int> { 0 };
        for (int i = 1; i < tokens.Count; i++)
        {
            if (Tokenizer.GapHasAny(t.Text, tokens[i - 1], tokens[i], ",;:\u2013\u2014") || ClauseJoiners.Contains(tokens[i].Lower))
            {
                cuts.Add(tokens[i].Offset);
            }
        }

        cuts.Add(t.Text.Length);
        var result = new List<AnalyzedText>();
        for (int k = 0; k + 1 < cuts.Count; k++)
        {
            string part = t.Text[cuts[k]..cuts[k + 1]];
            var clause = scorer.Analyze(part, t.Language);
            if (clause.Content.Count(c => !c.Number) >= MinClauseContent && clause.Content.Count < t.Content.Count)
            {
                result.Add(clause);
            }
        }

        return result.Count >= 2 ? [.. result] : [];
    }

    private const int MinClauseContent = 4;

    internal static string NormalizeLanguage(string? language, string text)
    {
        string l = (language ?? string.Empty).ToLowerInvariant();
        if (l.StartsWith("de", StringComparison.Ordinal))
        {
            return LanguageGuesser.Confirm(text, "de");
        }

        if (l.StartsWith("en", StringComparison.Ordinal))
        {
            return LanguageGuesser.Confirm(text, "en");
        }

        return LanguageGuesser.Guess(text);
    }

    private static List<(int, int)> AllCrossPairs(IReadOnlyList<Claim> claims)
    {
        var pairs = new List<(int, int)>();
        for (int i = 0; i < claims.Count; i++)
        {
            for (int j = i + 1; j < claims.Count; j++)
            {
                if (!string.Equals(claims[i].DocumentId, claims[j].DocumentId, StringComparison.Ordinal))
                {
                    pairs.Add((i, j));
                }
            }
        }

        return pairs;
    }

    /// <summary>Index terms of a claim: its content stems, plus the best translations of German words.</summary>
    internal static IEnumerable<string> IndexTerms(AnalyzedText t, int translations)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in t.Content)
        {
            if (c.Stem.Length > 1)
            {
                set.Add(c.Stem);
            }

            for (int k = 0; k < c.Translations.Length && k < translations; k++)
            {
                set.Add(c.Translations[k].Stem);
            }
        }

        return set;
    }

    internal static List<(int, int)> Candidates(IReadOnlyList<Claim> claims, AnalyzedText[] analyzed, IdfTable idf, MatchOptions options)
    {
        // term ids
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var claimTerms = new int[claims.Count][];
        var postings = new List<List<int>>();
        for (int i = 0; i < claims.Count; i++)
        {
            var ids = new List<int>();
            foreach (string term in IndexTerms(analyzed[i], options.IndexTranslations))
            {
                if (!termIds.TryGetValue(term, out int id))
                {
                    id = postings.Count;
                    termIds[term] = id;
                    postings.Add([]);
                }

                postings[id].Add(i);
                ids.Add(id);
            }

            claimTerms[i] = [.. ids];
        }

        int cap = (int)Math.Clamp(options.MaxTermShare * claims.Count, 2, options.MaxTermPostings);
        var weights = new double[postings.Count];
        for (int t = 0; t < postings.Count; t++)
        {
            int df = postings[t].Count;
            weights[t] = df < 2 || df > cap ? 0 : Math.Log((double)claims.Count / df);
        }

        var docIds = new int[claims.Count];
        var docIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < claims.Count; i++)
        {
            if (!docIndex.TryGetValue(claims[i].DocumentId, out int d))
            {
                d = docIndex.Count;
                docIndex[claims[i].DocumentId] = d;
            }

            docIds[i] = d;
        }

        var result = new List<(int, int)>();
        var acc = new double[claims.Count];
        var touched = new List<int>();
        var top = new PriorityQueue<int, double>();
        for (int i = 0; i < claims.Count; i++)
        {
            double self = 0;
            foreach (int t in claimTerms[i])
            {
                self += weights[t];
            }

            double minimum = options.MinSharedWeight * self;
            foreach (int t in claimTerms[i])
            {
                double w = weights[t];
                if (w <= 0)
                {
                    continue;
                }

                foreach (int j in postings[t])
                {
                    if (j <= i || docIds[j] == docIds[i])
                    {
                        continue;
                    }

                    if (acc[j] == 0)
                    {
                        touched.Add(j);
                    }

                    acc[j] += w;
                }
            }

            foreach (int j in touched)
            {
                if (acc[j] < minimum)
                {
                    continue;
                }

                top.Enqueue(j, acc[j]);
                if (top.Count > options.MaxCandidatesPerClaim)
                {
                    top.Dequeue();
                }
            }

            while (top.Count > 0)
            {
                int j = top.Dequeue();
                result.Add((i, j));
            }

            foreach (int j in touched)
            {
                acc[j] = 0;
            }

            touched.Clear();
        }

        result.Sort();
        return result;
    }

    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
