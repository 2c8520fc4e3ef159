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

    /// <summary>An event group whose allowed cross-document pairs exceed this, or in which two documents alone hold
    /// more than <see cref="MaxScoredPairsPerDocumentPair"/> pairs, is matched through the term index
    /// (<see cref="MaxCandidatesPerClaim"/> a claim) instead of pair by pair: two 1 MB articles on one event hold
    /// 10,000 × 20,000 claim pairs (a pair costs 10–30 µs: hours, and gigabytes for the list); the event groups of a
    /// real archive stay below (a story of 30 articles of 30 claims: 400,000 pairs).</summary>
    public int MaxScoredPairs { get; init; } = 1_000_000;

    /// <summary>See <see cref="MaxScoredPairs"/>: 500 × 500 claims (a real article has fewer than 300).</summary>
    public int MaxScoredPairsPerDocumentPair { get; init; } = 250_000;

    /// <summary>Translations per German word used for the index.</summary>
    public int IndexTranslations { get; init; } = 4;

    /// <summary>Pairs scoring at least this (and below <see cref="Threshold"/>) are also scored clause by clause.</summary>
    public double ClauseFloor { get; init; } = 0.2;

    /// <summary>Weight of the best clause-level score (0 turns clause matching off).</summary>
    public double ClauseWeight { get; init; } = 0.9;

    /// <summary>Link claims only between documents that share the event (names, organisations, places in common;
    /// see <see cref="EventScope"/>), scoring each group of such documents with its own statistics.</summary>
    public bool EventScope { get; init; } = true;

    /// <summary>Misattribution (the same words given to another speaker) needs at least this link score.</summary>
    public double MisattributionThreshold { get; init; } = 0.45;

    /// <summary>Documents must share at least this many anchors (specific names) to report the same event.</summary>
    public int MinSharedAnchors { get; init; } = 2;

    /// <summary>… whose specificity ln((N + <see cref="AnchorPrior"/>) / (df + 1)) sums to at least this.</summary>
    public double MinEventWeight { get; init; } = 6.0;

    /// <summary>Two documents on one event also say similar things: their content profiles (TF-IDF over the
    /// claims' stems and translations) must have at least this cosine …</summary>
    public double MinEventCosine { get; init; } = 0.25;

    /// <summary>The cosine floor for a German and an English document (translated profiles are lossy).</summary>
    public double MinEventCosineCrossLanguage { get; init; } = 0.1;

    /// <summary>… and one shared anchor suffices from this cosine (else <see cref="MinSharedAnchors"/> and <see cref="MinEventWeight"/>).</summary>
    public double StrongEventCosine { get; init; } = 0.3;

    /// <summary>Pseudo-documents added to N in the anchor specificity, so that small collections do not make every name common.</summary>
    public double AnchorPrior { get; init; } = 100;

    /// <summary>Anchors in more documents than max(this, <see cref="MaxAnchorShare"/> × N) are not used.</summary>
    public int MaxAnchorDocuments { get; init; } = 50;

    /// <summary>See <see cref="MaxAnchorDocuments"/>.</summary>
    public double MaxAnchorShare { get; init; } = 0.02;

    /// <summary>Documents with fewer claims have no event profile (a headline, one sentence) and are compared with all.</summary>
    public int MinProfileClaims { get; init; } = 3;

    /// <summary>Documents (by id) compared with every claim, outside the event test (null: none). The check marks
    /// the headlines its articles cite: a cited headline need not name what the citing claim names.</summary>
    public Func<string, bool>? UnscopedDocuments { get; init; }

    /// <summary>Documents (by id) whose claims are never paired with each other's, only with other documents' (the
    /// check's cited headlines: a link between two headlines says nothing about the checked articles and was dropped
    /// after scoring — 1,000 references made 500,000 such pairs). Null: none.</summary>
    internal Func<string, bool>? UnpairedDocuments { get; init; }

    /// <summary>Told how many claim pairs could not be compared because a text test timed out (a regex starved on an
    /// overloaded machine): those pairs are left unlinked and the match goes on; null: not told.</summary>
    public Action<int>? PairsSkipped { get; init; }

    /// <summary>Pairs scored at a time before the clauses and quoted words no later pair needs are let go (tests set
    /// it small to show that slicing changes no link).</summary>
    internal int ScoringSlice { get; init; } = 16_384;

    /// <summary>Lexicon (null: <see cref="BilingualLexicon.Default"/>).</summary>
    public BilingualLexicon? Lexicon { get; init; }

    /// <summary>The defaults (the process-wide bilingual lexicon, the tuned thresholds).</summary>
    public static MatchOptions Default { get; } = new();
}

/// <summary>Finds and types links between claims of different documents: candidates from an inverted index
/// over stemmed (and, for German, lexicon-translated) terms with rare-term weighting, scored by
/// <see cref="SimilarityScorer"/>, typed by <see cref="LinkTyper"/>.</summary>
internal static class ClaimMatcher
{
    /// <summary>Cross-document links, ordered by claim position (A before B in input order). With
    /// <see cref="MatchOptions.EventScope"/> (the default) claims are linked only between documents that share the
    /// event (see <see cref="EventScope"/>), and each group of such documents is scored with its own statistics.</summary>
    /// <param name="context">Further claims of the documents (e.g. the rest of a stored document whose candidate
    /// claims are matched): they count for their document's event profile and are never linked themselves.</param>
    public static IReadOnlyList<ClaimLink> Match(IReadOnlyList<Claim> claims, MatchOptions? options = null, IReadOnlyList<Claim>? context = null)
    {
        options ??= MatchOptions.Default;
        if (!SpanTwoDocuments(claims))
        {
            // links join claims of two documents (context claims are never linked): with one document there is nothing
            // to score, and analysing its claims would only hold memory (a 15 MB article: 250,000 analysed claims)
            return [];
        }

        var lexicon = options.Lexicon ?? BilingualLexicon.Default;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = claims.Count < 2000 ? 1 : Environment.ProcessorCount };
        if (!options.EventScope)
        {
            var plain = AnalyzeAll(claims, Enumerable.Range(0, claims.Count).ToList(), lexicon, parallel);
            return [.. MatchGroup(claims, Enumerable.Range(0, claims.Count).ToList(), plain, options, lexicon, parallel, null).Select(l => l.Item3)];
        }

        int linkable = claims.Count;
        var all = context is { Count: > 0 } ? [.. claims, .. context] : claims;
        var analyzed = AnalyzeAll(all, Enumerable.Range(0, all.Count).ToList(), lexicon, parallel);
        var scope = EventScope.Build(all, analyzed, options, lexicon, linkable, options.UnscopedDocuments);
        var links = new List<(int, int, ClaimLink)>();
        List<(List<int> Members, bool FragmentPairs)> groups;
        if (!scope.AnyProfile)
        {
            groups = [(scope.Fragments, true)];
        }
        else
        {
            // each event component with the fragments that can pair with it; then the fragments among themselves
            groups = [.. scope.Components.Select(c => (c, false))];
            groups.Add((scope.Fragments, true));
        }

        bool first = true;
        foreach (var (component, fragmentPairs) in groups)
        {
            var members = component;
            if (!fragmentPairs && scope.Fragments.Count > 0)
            {
                var extra = scope.FragmentsFor(component.Select(i => scope.DocumentOf[i]).Distinct());
                if (extra.Count > 0)
                {
                    members = [.. members.Concat(extra).Order()];
                }
            }

            var pairs = scope.Pairs(members, fragmentPairs, options.MaxScoredPairs, options.MaxScoredPairsPerDocumentPair);
            if (pairs is { Count: 0 })
            {
                continue;
            }

            // fragments are analysed afresh for every further group (their TF-IDF vectors depend on the group)
            var own = first ? analyzed : (AnalyzedText[])analyzed.Clone();
            var fragmentsHere = members.Where(i => scope.IsFragment(scope.DocumentOf[i])).ToList();
            if (!first && fragmentsHere.Count > 0)
            {
                var fresh = AnalyzeAll(all, fragmentsHere, lexicon, parallel);
                foreach (int f in fragmentsHere)
                {
                    own[f] = fresh[f];
                }
            }

            first = false;
            var found = MatchGroup(all, members, own, options, lexicon, parallel, pairs,
                pairs is null ? (i, j) => scope.Allowed(members[i], members[j]) : null);
            links.AddRange(found.Select(l => (l.Item1, l.Item2, l.Item3)));
        }

        links.Sort((x, y) => x.Item1 != y.Item1 ? x.Item1.CompareTo(y.Item1) : x.Item2.CompareTo(y.Item2));
        return [.. links.Select(l => l.Item3)];
    }

    private static bool SpanTwoDocuments(IReadOnlyList<Claim> claims)
    {
        for (int i = 1; i < claims.Count; i++)
        {
            if (!string.Equals(claims[i].DocumentId, claims[0].DocumentId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static AnalyzedText[] AnalyzeAll(IReadOnlyList<Claim> claims, List<int> which, BilingualLexicon lexicon, ParallelOptions parallel)
    {
        var analyzed = new AnalyzedText[claims.Count];
        Parallel.ForEach(which, parallel, i =>
        {
            var c = claims[i];
            analyzed[i] = AnalyzedText.Analyze(c.Text, NormalizeLanguage(c.Language, c.Text), lexicon, c.Figures.IsDefault ? null : c.Figures);
        });
        return analyzed;
    }

    /// <summary>Links among the claims <paramref name="members"/> (global indices, ascending), scored with IDF
    /// statistics of these claims only; <paramref name="pairs"/> are the claim pairs to score (local indices; null: all
    /// cross-document pairs, through the term index above <see cref="MatchOptions.ExhaustiveBelow"/> claims, keeping
    /// only those <paramref name="allowed"/> passes when given).</summary>
    private static List<(int, int, ClaimLink)> MatchGroup(IReadOnlyList<Claim> all, List<int> members, AnalyzedText[] analyzedAll, MatchOptions options,
        BilingualLexicon lexicon, ParallelOptions parallel, List<(int, int)>? pairs, Func<int, int, bool>? allowed = null)
    {
        var claims = members.Select(i => all[i]).ToList();
        var analyzed = members.Select(i => analyzedAll[i]).ToArray();
        var scorer = new SimilarityScorer(lexicon, new IdfTable());
        foreach (var a in analyzed)
        {
            scorer.AddToIdf(a);
        }

        // inside an event group every allowed cross-document pair is scored: recall does not depend on the archive
        var candidates = pairs ?? (claims.Count <= options.ExhaustiveBelow
            ? AllCrossPairs(claims)
            : Candidates(claims, analyzed, scorer.Idf, options));
        if (pairs is null && allowed is not null)
        {
            candidates = candidates.FindAll(p => allowed(p.Item1, p.Item2));
        }

        var found = new ClaimLink?[candidates.Count];
        var clauses = new AnalyzedText[]?[claims.Count];
        var quotes = new AnalyzedText?[claims.Count];
        var quoteDone = new bool[claims.Count];
        var cache = new PairCache(clauses, quotes, quoteDone,
            i => [.. Clauses(scorer, analyzed[i]).Select(c => c.ForLinkScore())],
            i => QuoteText(scorer, claims[i], analyzed[i].Language)?.ForLinkScore());

        // scored in slices of the candidate list; after each slice the analyses (with their clauses and quoted words) of
        // the claims no later pair needs are let go (two 15 MB texts: 290,000 claims, most with two clauses and their
        // quoted words analysed)
        var lastUse = new int[claims.Count];
        for (int k = 0; k < candidates.Count; k++)
        {
            lastUse[candidates[k].Item1] = k;
            lastUse[candidates[k].Item2] = k;
        }

        var byLastUse = Enumerable.Range(0, claims.Count).OrderBy(i => lastUse[i]).ToArray();
        int released = 0;
        int skipped = 0;
        for (int from = 0; from < candidates.Count; from += Math.Max(1, options.ScoringSlice))
        {
            int to = Math.Min(candidates.Count, from + Math.Max(1, options.ScoringSlice));
            Parallel.For(from, to, parallel, k =>
            {
                try
                {
                    found[k] = ScorePair(claims, analyzed, cache, candidates[k], scorer, options);
                }
                catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    // a text test timed out (a starved thread): this pair stays unlinked, the others are still compared
                    Interlocked.Increment(ref skipped);
                }
            });
            for (; released < byLastUse.Length && lastUse[byLastUse[released]] < to; released++)
            {
                // the claim's own analysis too (every later group analyses its fragments afresh, and a claim of an
                // event component is in no other group): a claim with no candidate goes after the first slice
                int c = byLastUse[released];
                clauses[c] = null;
                quotes[c] = null;
                analyzed[c] = null!;
                analyzedAll[members[c]] = null!;
            }
        }

        if (skipped > 0)
        {
            options.PairsSkipped?.Invoke(skipped);
        }

        var links = new List<(int, int, ClaimLink)>();
        for (int k = 0; k < found.Length; k++)
        {
            if (found[k] is { } link)
            {
                links.Add((members[candidates[k].Item1], members[candidates[k].Item2], link));
            }
        }

        return links;
    }

    /// <summary>Called before each pair is scored (tests: a pair whose text test times out).</summary>
    internal static Action<Claim, Claim>? PairProbe { get; set; }

    /// <summary>The clauses and quoted words of a group's claims, analysed when a pair first needs them (two threads may
    /// both analyse one claim: the results are equal and one is kept).</summary>
    private sealed class PairCache(AnalyzedText[]?[] clauses, AnalyzedText?[] quotes, bool[] quoteDone,
        Func<int, AnalyzedText[]> makeClauses, Func<int, AnalyzedText?> makeQuote)
    {
        public AnalyzedText[] Clauses(int i)
        {
            var c = Volatile.Read(ref clauses[i]);
            if (c is null)
            {
                var made = makeClauses(i);
                c = Interlocked.CompareExchange(ref clauses[i], made, null) ?? made;
            }

            return c;
        }

        public AnalyzedText? Quote(int i)
        {
            if (Volatile.Read(ref quoteDone[i]))
            {
                return Volatile.Read(ref quotes[i]);
            }

            var q = makeQuote(i);
            Volatile.Write(ref quotes[i], q);
            Volatile.Write(ref quoteDone[i], true);
            return q;
        }
    }

    private static ClaimLink? ScorePair(List<Claim> claims, AnalyzedText[] analyzed, PairCache cache,
        (int, int) pair, SimilarityScorer scorer, MatchOptions options)
    {
        var (i, j) = pair;
        PairProbe?.Invoke(claims[i], claims[j]);
        double score = scorer.LinkScore(analyzed[i], analyzed[j]);
        if (score < options.Threshold && score >= options.ClauseFloor && options.ClauseWeight > 0)
        {
            score = Math.Max(score, options.ClauseWeight * ClauseScore(scorer, analyzed[i], analyzed[j], cache.Clauses(i), cache.Clauses(j)));
        }

        // two direct quotes: the quoted words themselves are compared too, without the frames around them ("sagte
        // IT-Leiter Bernd Kaltschmidt" / "health minister Sabine Oertel said"), which differ exactly when a quote is
        // given to another speaker and weigh most in a translation
        if (score < options.MisattributionThreshold && score >= options.ClauseFloor && cache.Quote(i) is { } qa && cache.Quote(j) is { } qb)
        {
            score = Math.Max(score, scorer.LinkScore(qa, qb));
        }

        return LinkTyper.Type(claims[i], claims[j], analyzed[i], analyzed[j], score, options, scorer.Idf);
    }

    /// <summary>The quoted words of a direct quote as a text of their own, when they hold at least <see cref="MinQuoteContent"/>
    /// content words (null otherwise: a short quote says too little on its own).</summary>
    private static AnalyzedText? QuoteText(SimilarityScorer scorer, Claim c, string language)
    {
        if (c.Quote != QuoteKind.Direct || string.IsNullOrWhiteSpace(c.QuotedWords))
        {
            return null;
        }

        var t = scorer.Analyze(c.QuotedWords, language);
        return t.Content.Count(x => !x.Number && !x.Entity) >= MinQuoteContent ? t : null;
    }

    private const int MinQuoteContent = 3;

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
