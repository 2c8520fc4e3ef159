using System.Collections.Immutable;
using SourceCheck.Claims.Text;
using SourceCheck.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>Scores how likely two sentences express the same claim (paraphrase or translation), in [0,1]:
/// a logistic regression (weights in <see cref="ScorerWeights"/>, learned on a training split of the
/// paraphrase dev data) over stemmed TF-IDF cosine, soft word alignment, n-gram overlap, agreement of
/// figures, named entities and negation. Cross-language pairs are compared in English stem space through
/// the <see cref="BilingualLexicon"/>.</summary>
internal sealed class SimilarityScorer
{
    public const int FeatureCount = 44;

    public static readonly string[] FeatureNames =
    [
        "cosine", "align_min", "align_max", "align_mean_sq", "bigram_dice", "char4_jaccard", "numbers_agree", "numbers_differ",
        "entity_jaccard", "entity_unmatched", "length_ratio", "negation_differs", "order_lcs", "unmatched_content",
        "surface_unigram_f1", "length_difference", "content_jaccard", "trigram_dice", "unmatched_min", "numbers_unmatched", "align_min_squared",
        "surface_unigram_f1_squared", "cosine_squared", "unmatched_max_squared",
        "unigram_prec_min", "unigram_prec_max", "bigram_prec_min", "bigram_prec_max", "unmatched_idf_min", "unmatched_idf_max",
        "token_edit", "common_run", "log_length_ratio", "names_unmatched_max", "names_unmatched_min", "quote_differs",
        "date_word_differs", "numbers_only_one_side", "trigram_prec_min", "fourgram_prec_min",
        "stem_edit", "content_edit", "token_edit_squared", "fragmentation",
    ];

    private readonly BilingualLexicon _lexicon;
    private readonly IdfTable _idf;

    public SimilarityScorer(BilingualLexicon? lexicon = null, IdfTable? idf = null)
    {
        _lexicon = lexicon ?? BilingualLexicon.Default;
        _idf = idf ?? new IdfTable();
    }

    public BilingualLexicon Lexicon => _lexicon;

    public IdfTable Idf => _idf;

    /// <summary>Score with the process-wide lexicon and no corpus statistics.</summary>
    public static double Score(string a, string b, string? langA, string? langB) => new SimilarityScorer().ScoreText(a, b, langA, langB);

    /// <summary>Decision threshold for "same claim" learned on the training split (same language / cross-language).</summary>
    public static double DefaultThreshold(string langA, string langB) => langA == langB ? ScorerWeights.MonoThreshold : ScorerWeights.CrossThreshold;

    public double ScoreText(string a, string b, string? langA, string? langB)
    {
        string la = langA ?? LanguageGuesser.Guess(a);
        string lb = langB ?? LanguageGuesser.Guess(b);
        return Score(Analyze(a, la), Analyze(b, lb));
    }

    internal AnalyzedText Analyze(string text, string language, ImmutableArray<Figure>? figures = null) =>
        AnalyzedText.Analyze(text, language, _lexicon, figures);

    /// <summary>Adds a text's terms to the IDF table (own stems, plus translations for German).</summary>
    internal void AddToIdf(AnalyzedText text) => _idf.AddDocument(Terms(text));

    internal static IEnumerable<string> Terms(AnalyzedText text)
    {
        foreach (var c in text.Content)
        {
            yield return c.Stem;
            foreach (var (tr, _) in c.Translations)
            {
                yield return tr;
            }
        }
    }

    internal double Score(AnalyzedText a, AnalyzedText b) => Probability(Features(a, b), a.Language != b.Language);

    /// <summary>Claim-link score: mean of the two alignment directions plus a fifth of the TF-IDF cosine
    /// (claims are often asymmetric — one restates part of the other — which the pair model, trained on
    /// sentence-level paraphrase data, penalises).</summary>
    internal static double LinkScore(double[] features) => Math.Clamp((0.5 * (features[1] + features[2])) + (0.2 * features[0]), 0, 1);

    /// <summary>Same-claim probability: cross-language, the logistic regression; same language, the mean of the
    /// logistic regression and the boosted trees (<see cref="ScorerTrees"/>), which see interactions of the features.</summary>
    internal static double Probability(double[] features, bool cross)
    {
        var w = cross ? ScorerWeights.Cross : ScorerWeights.Mono;
        double z = w[0];
        for (int i = 0; i < features.Length; i++)
        {
            z += w[i + 1] * features[i];
        }

        double p = 1.0 / (1.0 + Math.Exp(-z));
        return cross ? p : 0.5 * (p + ScorerTrees.Mono.Probability(features));
    }

    internal double[] Features(AnalyzedText a, AnalyzedText b)
    {
        bool cross = a.Language != b.Language;
        var f = new double[FeatureCount];
        if (a.Content.Count == 0 || b.Content.Count == 0)
        {
            f[10] = a.Content.Count == b.Content.Count ? 1 : 0;
            return f;
        }

        // TF-IDF cosine in a shared term space.
        f[0] = Cosine(CachedVector(a, cross), CachedVector(b, cross));

        double ab = Align(a, b, cross, out int unmatchedA);
        double ba = Align(b, a, cross, out int unmatchedB);
        f[1] = Math.Min(ab, ba);
        f[2] = Math.Max(ab, ba);
        f[3] = ab * ba;
        if (!cross)
        {
            f[4] = BigramDice(a.StemSequence, b.StemSequence);
            f[5] = CharGramJaccard(a.Text, b.Text);
            f[12] = OrderLcs(a, b);
        }

        var (agree, differ) = CompareNumbers(a, b);
        f[6] = agree;
        f[7] = differ;
        if (a.Entities.Count + b.Entities.Count > 0)
        {
            int inter = a.Entities.Count(e => b.Entities.Contains(e) || b.Content.Any(c => c.Key == e));
            int union = a.Entities.Count + b.Entities.Count - a.Entities.Count(b.Entities.Contains);
            f[8] = union == 0 ? 0 : Math.Min(1.0, (double)inter / union);
            f[9] = Math.Min(3, Math.Max(a.Entities.Count(e => !b.Entities.Contains(e) && !b.Content.Any(c => c.Key == e)),
                b.Entities.Count(e => !a.Entities.Contains(e) && !a.Content.Any(c => c.Key == e)))) / 3.0;
        }

        f[10] = (double)Math.Min(a.Content.Count, b.Content.Count) / Math.Max(a.Content.Count, b.Content.Count);
        f[11] = (a.NegationCount > 0) != (b.NegationCount > 0) ? 1 : 0;
        f[13] = Math.Min(10, Math.Max(unmatchedA, unmatchedB)) / 10.0;
        if (!cross)
        {
            f[14] = SurfaceUnigramF1(a, b);
            f[16] = ContentJaccard(a, b);
            f[17] = NGramDice(a.StemSequence, b.StemSequence, 3);
        }

        f[15] = Math.Min(1.0, Math.Abs(a.Tokens.Count - b.Tokens.Count) / (double)Math.Max(1, Math.Max(a.Tokens.Count, b.Tokens.Count)));
        f[18] = Math.Min(10, Math.Min(unmatchedA, unmatchedB)) / 10.0;
        f[19] = Math.Min(3, UnmatchedNumbers(a, b) + UnmatchedNumbers(b, a)) / 3.0;
        f[20] = f[1] * f[1];
        f[21] = f[14] * f[14];
        f[22] = f[0] * f[0];
        f[23] = f[13] * f[13];
        if (!cross)
        {
            SurfaceFeatures(a, b, f);
        }

        return f;
    }

    private Dictionary<string, double> Vector(AnalyzedText t, bool cross)
    {
        var v = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in t.Content)
        {
            Add(v, c.Stem, _idf.Idf(c.Stem));
            if (cross && c.Translations.Length > 0)
            {
                float sum = 0;
                foreach (var (_, w) in c.Translations)
                {
                    sum += w;
                }

                foreach (var (tr, w) in c.Translations)
                {
                    Add(v, tr, _idf.Idf(tr) * Math.Max(w / sum, 0.5 * w));
                }
            }
        }

        return v;

        static void Add(Dictionary<string, double> v, string k, double w) => v[k] = v.TryGetValue(k, out double old) ? old + w : w;
    }

    /// <summary>Vector and norm of a text, computed once (call after the IDF table is complete).</summary>
    private (Dictionary<string, double> Vector, double Norm) CachedVector(AnalyzedText t, bool cross)
    {
        var cached = cross ? t.CrossVector : t.MonoVector;
        if (cached is { } c)
        {
            return c;
        }

        var v = Vector(t, cross);
        double norm = Math.Sqrt(v.Values.Sum(x => x * x));
        var result = (v, norm);
        if (cross)
        {
            t.CrossVector = result;
        }
        else
        {
            t.MonoVector = result;
        }

        return result;
    }

    private static double Cosine((Dictionary<string, double> Vector, double Norm) a, (Dictionary<string, double> Vector, double Norm) b)
    {
        if (a.Norm == 0 || b.Norm == 0)
        {
            return 0;
        }

        var (small, large) = a.Vector.Count <= b.Vector.Count ? (a.Vector, b.Vector) : (b.Vector, a.Vector);
        double dot = 0;
        foreach (var (k, x) in small)
        {
            if (large.TryGetValue(k, out double y))
            {
                dot += x * y;
            }
        }

        return dot / (a.Norm * b.Norm);
    }

    /// <summary>The claim-link score of two texts (cosine and alignment only; cheaper than <see cref="Features"/>).</summary>
    internal double LinkScore(AnalyzedText a, AnalyzedText b)
    {
        if (a.Content.Count == 0 || b.Content.Count == 0)
        {
            return 0;
        }

        bool cross = a.Language != b.Language;
        var f = new double[3];
        f[0] = Cosine(CachedVector(a, cross), CachedVector(b, cross));
        double ab = Align(a, b, cross, out _);
        double ba = Align(b, a, cross, out _);
        f[1] = Math.Min(ab, ba);
        f[2] = Math.Max(ab, ba);
        return LinkScore(f);
    }

    /// <summary>How much of a claim a passage covers: the weighted share of the claim's content units (words, names,
    /// figures) matched in the passage, across languages through the lexicon. Asymmetric on purpose: a passage may say
    /// more than the claim. Weights come from <paramref name="idf"/> (the page's sentences as documents, so that the
    /// page's topic words weigh less than what the claim says about them); a German word of a claim against an English
    /// page weighs as its translations do (weighted by translation weight). Across languages a cognate or loanword the
    /// lexicon lacks counts as a near match (<see cref="Cognate"/>: "Mikroplastik"/"microplastics",
    /// "Produktivität"/"productivity"). Units without a match (below 0.5) are added to <paramref name="unmatched"/>.</summary>
    internal static double Coverage(AnalyzedText claim, AnalyzedText passage, IdfTable idf, List<ContentToken>? unmatched = null)
    {
        bool cross = claim.Language != passage.Language;
        double total = 0, matched = 0;
        foreach (var x in claim.Content)
        {
            double w = idf.Idf(x.Stem);
            if (cross && x.Translations.Length > 0 && idf.DocumentFrequency(x.Stem) == 0)
            {
                double sum = 0, weighted = 0;
                foreach (var (tr, tw) in x.Translations)
                {
                    sum += tw;
                    weighted += tw * idf.Idf(tr);
                }

                w = sum > 0 ? weighted / sum : w;
            }

            double best = BestMatch(x, passage, cross, cognates: cross);

            total += w;
            matched += w * best;
            if (best < 0.5)
            {
                unmatched?.Add(x);
            }
        }

        return total == 0 ? 0 : matched / total;
    }

    /// <summary>German and English words of one origin spelt alike ("Kommission"/"commission", "Exporte"/"exports",
    /// "Studie"/"study"): after folding umlauts and the usual spelling shifts (k/z → c, y → i, ph → f, th → t) they
    /// share a prefix of at least five letters and 70 % of the shorter word.</summary>
    internal static bool Cognate(string a, string b)
    {
        if (a.Length < 5 || b.Length < 5)
        {
            return false;
        }

        string fa = CognateFold(a), fb = CognateFold(b);
        int min = Math.Min(fa.Length, fb.Length);
        int p = 0;
        while (p < min && fa[p] == fb[p])
        {
            p++;
        }

        return min >= 5 && p >= 5 && p >= 0.7 * min;
    }

    /// <summary>A word as <see cref="Cognate"/> compares it: folded for matching (<see cref="TextFolding.ForMatching"/>:
    /// ä → a, ß → ss, accents off), then the usual spelling shifts between German and English (k/z → c, y → i, ph → f,
    /// th → t).</summary>
    private static string CognateFold(string w)
    {
        string folded = TextFolding.ForMatching(w.ToLowerInvariant());
        var sb = new System.Text.StringBuilder(folded.Length);
        for (int i = 0; i < folded.Length; i++)
        {
            char c = folded[i];
            char next = i + 1 < folded.Length ? folded[i + 1] : '\0';
            switch (c)
            {
                case 'k' or 'z': sb.Append('c'); break;
                case 'y': sb.Append('i'); break;
                case 'p' when next == 'h': sb.Append('f'); i++; break;
                case 't' when next == 'h': sb.Append('t'); i++; break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>IDF-weighted mean over a's content of the best match in b.</summary>
    private double Align(AnalyzedText a, AnalyzedText b, bool cross, out int unmatched)
    {
        double total = 0, matched = 0;
        unmatched = 0;
        foreach (var x in a.Content)
        {
            double w = _idf.Idf(x.Stem);
            double best = BestMatch(x, b, cross, cognates: false);

            total += w;
            matched += w * best;
            if (best < 0.5)
            {
                unmatched++;
            }
        }

        return total == 0 ? 0 : matched / total;
    }

    /// <summary>The best <see cref="Match"/> of <paramref name="x"/> among <paramref name="text"/>'s content (stops at an
    /// exact match). With <paramref name="cognates"/>, a cognate or loanword the lexicon lacks (<see cref="Cognate"/>)
    /// counts as a near match (0.8) between two words that are not figures.</summary>
    private static double BestMatch(ContentToken x, AnalyzedText text, bool cross, bool cognates)
    {
        double best = 0;
        foreach (var y in text.Content)
        {
            double m = Match(x, y, cross);
            if (cognates && m < 0.8 && !x.Number && !y.Number && (Cognate(x.Stem, y.Stem) || Cognate(x.Surface, y.Surface)))
            {
                m = 0.8;
            }

            if (m > best)
            {
                best = m;
                if (best >= 1)
                {
                    break;
                }
            }
        }

        return best;
    }

    internal static double Match(ContentToken x, ContentToken y, bool cross)
    {
        if (x.Stem == y.Stem || x.Key == y.Key)
        {
            return 1;
        }

        if (x.Number || y.Number)
        {
            return 0;
        }

        double best = 0;
        if (cross)
        {
            foreach (var (tr, w) in x.Translations)
            {
                if (tr == y.Stem && w > best)
                {
                    best = w;
                }
            }

            foreach (var (tr, w) in y.Translations)
            {
                if (tr == x.Stem && w > best)
                {
                    best = w;
                }
            }

            return best;
        }

        // same language: shared long prefix (inflection/derivation the stemmer left apart)
        int common = 0;
        int max = Math.Min(x.Stem.Length, y.Stem.Length);
        while (common < max && x.Stem[common] == y.Stem[common])
        {
            common++;
        }

        if (common >= 5 && common >= max - 1)
        {
            return 0.8;
        }

        // near-synonyms: English words translating one German word; German words sharing their best translation
        if (x.Synonyms is { Length: > 0 } sx && y.Synonyms is { Length: > 0 } sy)
        {
            foreach (int i in sx)
            {
                if (Array.IndexOf(sy, i) >= 0)
                {
                    return 0.6;
                }
            }
        }

        if (x.Translations.Length > 0 && y.Translations.Length > 0)
        {
            int kx = Math.Min(3, x.Translations.Length), ky = Math.Min(3, y.Translations.Length);
            for (int i = 0; i < kx; i++)
            {
                for (int j = 0; j < ky; j++)
                {
                    if (x.Translations[i].Stem == y.Translations[j].Stem)
                    {
                        return 0.6;
                    }
                }
            }
        }

        return 0;
    }

    internal static readonly HashSet<string> DateWords = new(
        SourceCheck.Text.MonthNames.English.Forms(abbreviations: false).Select(f => f.Form).Where(f => f != "may"), // "may" is a verb too
        StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "yesterday", "today", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "week", "month", "year",
        "earlier", "later", "last", "next",
    };

    /// <summary>Same-language surface features (indices 24–39): n-gram precisions both ways, IDF mass of
    /// unaligned words, token edit distance, longest common run, length ratio, unmatched names, quotes,
    /// date words and numbers present on one side only.</summary>
    private void SurfaceFeatures(AnalyzedText a, AnalyzedText b, double[] f)
    {
        var ta = a.Tokens.Select(t => t.Lower).ToArray();
        var tb = b.Tokens.Select(t => t.Lower).ToArray();
        for (int n = 1; n <= 4; n++)
        {
            double pab = NGramPrecision(ta, tb, n), pba = NGramPrecision(tb, ta, n);
            switch (n)
            {
                case 1: f[24] = Math.Min(pab, pba); f[25] = Math.Max(pab, pba); break;
                case 2: f[26] = Math.Min(pab, pba); f[27] = Math.Max(pab, pba); break;
                case 3: f[38] = Math.Min(pab, pba); break;
                default: f[39] = Math.Min(pab, pba); break;
            }
        }

        double ua = UnmatchedIdf(a, b), ub = UnmatchedIdf(b, a);
        f[28] = Math.Min(1, Math.Min(ua, ub) / 20.0);
        f[29] = Math.Min(1, Math.Max(ua, ub) / 20.0);
        f[30] = TokenEditDistance(ta, tb);
        f[31] = CommonRun(ta, tb);
        f[32] = Math.Min(1, Math.Abs(Math.Log((ta.Length + 1.0) / (tb.Length + 1.0))));
        int na = UnmatchedNames(a, b), nb = UnmatchedNames(b, a);
        f[33] = Math.Min(3, Math.Max(na, nb)) / 3.0;
        f[34] = Math.Min(3, Math.Min(na, nb)) / 3.0;
        f[35] = HasQuote(a.Text) != HasQuote(b.Text) ? 1 : 0;
        var da = ta.Where(DateWords.Contains).ToHashSet();
        var db = tb.Where(DateWords.Contains).ToHashSet();
        f[36] = da.Count > 0 && db.Count > 0 && !da.SetEquals(db) ? 1 : 0;
        bool numA = a.Tokens.Any(t => t.Kind == TokenKind.Number), numB = b.Tokens.Any(t => t.Kind == TokenKind.Number);
        f[37] = numA != numB ? 1 : 0;
        f[40] = TokenEditDistance(a.StemSequence, b.StemSequence);
        f[41] = TokenEditDistance(a.Content.Select(c => c.Stem).ToArray(), b.Content.Select(c => c.Stem).ToArray());
        f[42] = f[30] * f[30];
        f[43] = Fragmentation(ta, tb);
    }

    private static bool HasQuote(string s) => s.IndexOfAny(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']) >= 0;

    private static double NGramPrecision(string[] a, string[] b, int n)
    {
        if (a.Length < n)
        {
            return b.Length < n ? 1 : 0;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + n <= b.Length; i++)
        {
            string g = string.Join('\u0001', b, i, n);
            counts[g] = counts.TryGetValue(g, out int c) ? c + 1 : 1;
        }

        int hit = 0, total = 0;
        for (int i = 0; i + n <= a.Length; i++)
        {
            total++;
            string g = string.Join('\u0001', a, i, n);
            if (counts.TryGetValue(g, out int c) && c > 0)
            {
                hit++;
                counts[g] = c - 1;
            }
        }

        return total == 0 ? 0 : (double)hit / total;
    }

    private double UnmatchedIdf(AnalyzedText a, AnalyzedText b)
    {
        double sum = 0;
        foreach (var x in a.Content)
        {
            double best = 0;
            foreach (var y in b.Content)
            {
                best = Math.Max(best, Match(x, y, false));
            }

            if (best < 0.5)
            {
                sum += _idf.Idf(x.Stem);
            }
        }

        return sum;
    }

    private static int UnmatchedNames(AnalyzedText a, AnalyzedText b)
    {
        var lowerB = b.Tokens.Select(t => t.Lower).ToHashSet(StringComparer.Ordinal);
        return a.Tokens.Where(t => t.Capitalised && !t.IsStop && t.Kind == TokenKind.Word).Select(t => t.Lower).Distinct()
            .Count(l => !lowerB.Contains(l) && !lowerB.Contains(EntityKeyOf(l)));

        static string EntityKeyOf(string l) => AnalyzedText.EntityKey(l);
    }

    private static double TokenEditDistance(string[] a, string[] b)
    {
        int n = Math.Min(a.Length, 100), m = Math.Min(b.Length, 100);
        if (n == 0 || m == 0)
        {
            return 1;
        }

        var prev = new int[m + 1];
        var cur = new int[m + 1];
        for (int j = 0; j <= m; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= n; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= m; j++)
            {
                int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                cur[j] = Math.Min(sub, Math.Min(prev[j] + 1, cur[j - 1] + 1));
            }

            (prev, cur) = (cur, prev);
        }

        return (double)prev[m] / Math.Max(n, m);
    }

    /// <summary>METEOR-style fragmentation: contiguous runs of exactly matched tokens per matched token (0 when
    /// nothing matches; small when the shared words come in long runs).</summary>
    private static double Fragmentation(string[] a, string[] b)
    {
        var positions = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (int j = 0; j < b.Length; j++)
        {
            if (!positions.TryGetValue(b[j], out var q))
            {
                positions[b[j]] = q = new Queue<int>();
            }

            q.Enqueue(j);
        }

        int matched = 0, chunks = 0, last = -2;
        for (int i = 0; i < a.Length; i++)
        {
            if (positions.TryGetValue(a[i], out var q) && q.Count > 0)
            {
                int j = q.Dequeue();
                matched++;
                if (j != last + 1)
                {
                    chunks++;
                }

                last = j;
            }
            else
            {
                last = -2;
            }
        }

        return matched == 0 ? 1 : (double)chunks / matched;
    }

    private static double CommonRun(string[] a, string[] b)
    {
        int n = Math.Min(a.Length, 100), m = Math.Min(b.Length, 100);
        if (n == 0 || m == 0)
        {
            return 0;
        }

        var prev = new int[m + 1];
        var cur = new int[m + 1];
        int best = 0;
        for (int i = 1; i <= n; i++)
        {
            for (int j = 1; j <= m; j++)
            {
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
                best = Math.Max(best, cur[j]);
            }

            (prev, cur) = (cur, prev);
        }

        return (double)best / Math.Min(n, m);
    }

    private static double SurfaceUnigramF1(AnalyzedText a, AnalyzedText b)
    {
        var ca = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in a.Tokens)
        {
            ca[t.Lower] = ca.TryGetValue(t.Lower, out int n) ? n + 1 : 1;
        }

        int common = 0;
        foreach (var t in b.Tokens)
        {
            if (ca.TryGetValue(t.Lower, out int n) && n > 0)
            {
                common++;
                ca[t.Lower] = n - 1;
            }
        }

        return a.Tokens.Count + b.Tokens.Count == 0 ? 0 : 2.0 * common / (a.Tokens.Count + b.Tokens.Count);
    }

    private static double ContentJaccard(AnalyzedText a, AnalyzedText b)
    {
        var sa = a.Content.Select(c => c.Stem).ToHashSet(StringComparer.Ordinal);
        var sb = b.Content.Select(c => c.Stem).ToHashSet(StringComparer.Ordinal);
        int inter = sa.Count(sb.Contains);
        int union = sa.Count + sb.Count - inter;
        return union == 0 ? 0 : (double)inter / union;
    }

    private static int UnmatchedNumbers(AnalyzedText a, AnalyzedText b)
    {
        int n = 0;
        foreach (var c in a.Content)
        {
            if (c.Number && !b.Content.Any(y => y.Number && y.Stem == c.Stem))
            {
                n++;
            }
        }

        return n;
    }

    private static double NGramDice(string[] a, string[] b, int n)
    {
        if (a.Length < n || b.Length < n)
        {
            return 0;
        }

        var sa = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + n <= a.Length; i++)
        {
            sa.Add(string.Join('\u0001', a, i, n));
        }

        var sb = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + n <= b.Length; i++)
        {
            sb.Add(string.Join('\u0001', b, i, n));
        }

        int inter = sa.Count(sb.Contains);
        return 2.0 * inter / (sa.Count + sb.Count);
    }

    private static double BigramDice(string[] a, string[] b)
    {
        if (a.Length < 2 || b.Length < 2)
        {
            return 0;
        }

        var sa = new HashSet<(string, string)>();
        for (int i = 0; i + 1 < a.Length; i++)
        {
            sa.Add((a[i], a[i + 1]));
        }

        var sb = new HashSet<(string, string)>();
        for (int i = 0; i + 1 < b.Length; i++)
        {
            sb.Add((b[i], b[i + 1]));
        }

        int inter = sa.Count(sb.Contains);
        return 2.0 * inter / (sa.Count + sb.Count);
    }

    private static double CharGramJaccard(string a, string b)
    {
        var ga = CharGrams(a);
        var gb = CharGrams(b);
        if (ga.Count == 0 || gb.Count == 0)
        {
            return 0;
        }

        int inter = ga.Count(gb.Contains);
        return (double)inter / (ga.Count + gb.Count - inter);
    }

    private static HashSet<string> CharGrams(string s)
    {
        string n = TextFolding.AlphanumericRuns(s.ToLowerInvariant());
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 4 <= n.Length; i++)
        {
            set.Add(n.Substring(i, 4));
        }

        return set;
    }

    private static double OrderLcs(AnalyzedText a, AnalyzedText b)
    {
        var x = a.Content.Select(c => c.Stem).Take(80).ToArray();
        var y = b.Content.Select(c => c.Stem).Take(80).ToArray();
        if (x.Length == 0 || y.Length == 0)
        {
            return 0;
        }

        var dp = new int[x.Length + 1, y.Length + 1];
        for (int i = 1; i <= x.Length; i++)
        {
            for (int j = 1; j <= y.Length; j++)
            {
                dp[i, j] = x[i - 1] == y[j - 1] ? dp[i - 1, j - 1] + 1 : Math.Max(dp[i - 1, j], dp[i, j - 1]);
            }
        }

        return (double)dp[x.Length, y.Length] / Math.Min(x.Length, y.Length);
    }

    /// <summary>Agreement of figures: (1 if both have figures and every figure of the side with fewer matches
    /// one of the other, else 0; 1 if both have figures of a shared unit and none of that unit agrees).</summary>
    internal static (double Agree, double Differ) CompareNumbers(AnalyzedText a, AnalyzedText b)
    {
        var fa = a.Figures;
        var fb = b.Figures;
        if (fa.IsDefaultOrEmpty || fb.IsDefaultOrEmpty)
        {
            return (0, 0);
        }

        var (small, large) = fa.Length <= fb.Length ? (fa, fb) : (fb, fa);
        bool allMatch = small.All(x => large.Any(y => SameValue(x, y)));
        return (allMatch ? 1 : 0, FiguresDiffer(fa, fb).Count > 0 ? 1 : 0);
    }

    /// <summary>Units present on both sides (years excluded) for which no value agrees: the differing figures.</summary>
    public static IReadOnlyList<(Figure A, Figure B)> FiguresDiffer(ImmutableArray<Figure> fa, ImmutableArray<Figure> fb)
    {
        var result = new List<(Figure, Figure)>();
        if (fa.IsDefaultOrEmpty || fb.IsDefaultOrEmpty)
        {
            return result;
        }

        foreach (var unit in fa.Select(f => NormUnit(f.Unit)).Distinct())
        {
            if (unit is "year" or "date")
            {
                continue;
            }

            var xa = fa.Where(f => NormUnit(f.Unit) == unit).ToList();
            var xb = fb.Where(f => NormUnit(f.Unit) == unit).ToList();
            if (xb.Count == 0 || (unit.Length == 0 && (xa.Count > 1 || xb.Count > 1)))
            {
                continue;
            }

            if (!xa.Any(x => xb.Any(y => SameValue(x, y))))
            {
                var closest = xa.SelectMany(x => xb.Select(y => (x, y))).MinBy(p => Ratio(p.x.Value, p.y.Value));
                result.Add(closest);
            }
        }

        return result;
    }

    private static string NormUnit(string? unit) => FirstWord(unit).ToUpperInvariant() switch
    {
        "US$" or "$" or "DOLLAR" or "USD" => "USD",
        "€" or "EURO" or "EUR" => "EUR",
        "%" or "PERCENT" or "PROZENT" => "PERCENT",
        var u => u.ToLowerInvariant(),
    };

    /// <summary>max/min of two magnitudes (≥ 1; infinity when signs differ or one is zero).</summary>
    internal static double Ratio(double a, double b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        return a == 0 || b == 0 ? double.PositiveInfinity : Math.Max(a, b) / Math.Min(a, b);
    }

    private static string FirstWord(string? unit)
    {
        string u = (unit ?? string.Empty).Trim();
        int cut = u.IndexOfAny([' ', '(', ',']);
        return cut > 0 ? u[..cut] : u;
    }

    internal static bool SameValue(Figure x, Figure y)
    {
        double a = x.Value, b = y.Value;
        double lo = Math.Min(a, b), hi = Math.Max(a, b);
        if (x.ValueMax is double xm && b >= Math.Min(a, xm) && b <= Math.Max(a, xm))
        {
            return true;
        }

        if (y.ValueMax is double ym && a >= Math.Min(b, ym) && a <= Math.Max(b, ym))
        {
            return true;
        }

        return hi == 0 ? lo == 0 : (hi - lo) / Math.Abs(hi) < 0.02;
    }
}
