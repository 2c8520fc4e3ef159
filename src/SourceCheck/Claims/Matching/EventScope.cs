using SourceCheck.Claims.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>Which documents of a collection report the same event: two documents share the event when they
/// name at least <see cref="MatchOptions.MinSharedAnchors"/> of the same specific anchors (people,
/// organisations, places, products: names, acronyms and capitalised non-dictionary words, the same in German
/// and English, and the claims' speakers) whose specificity (ln((N + prior) / (df + 1)) over the collection's
/// documents) sums to at least <see cref="MatchOptions.MinEventWeight"/>. Claims are linked only between
/// documents that share the event; documents that share events (directly or through others) form a
/// component, and each component is matched on its own (its own IDF statistics), so a story's links do not
/// change when unrelated articles are added to the archive. Documents with fewer than
/// <see cref="MatchOptions.MinProfileClaims"/> claims (a headline, a single sentence) have no reliable
/// profile and are compared with every document, as before.</summary>
internal sealed class EventScope
{
    private readonly HashSet<(int, int)> _sameEvent;
    private readonly bool[] _fragment;

    private readonly HashSet<string>[] _claimAnchors;
    private readonly HashSet<string>[] _docAnchors;
    private readonly bool _anyProfile;

    private EventScope(int[] documentOf, bool[] fragment, HashSet<(int, int)> sameEvent, List<List<int>> components, List<int> fragments, HashSet<string>[] claimAnchors)
    {
        _claimAnchors = claimAnchors;
        _docAnchors = new HashSet<string>[fragment.Length];
        for (int d = 0; d < fragment.Length; d++)
        {
            _docAnchors[d] = new HashSet<string>(StringComparer.Ordinal);
        }

        for (int i = 0; i < claimAnchors.Length; i++)
        {
            _docAnchors[documentOf[i]].UnionWith(claimAnchors[i]);
        }

        _anyProfile = fragment.Any(f => !f);
        Fragments = fragments;
        DocumentOf = documentOf;
        _fragment = fragment;
        _sameEvent = sameEvent;
        Components = components;
    }

    /// <summary>Document number of each claim (first-appearance order).</summary>
    public int[] DocumentOf { get; }

    /// <summary>Claim indices of each component (ascending), components in order of their first claim.</summary>
    public List<List<int>> Components { get; }

    /// <summary>Claims of fragment documents (too few claims for a profile), ascending.</summary>
    public List<int> Fragments { get; }

    /// <summary>Is this document a fragment?</summary>
    public bool IsFragment(int doc) => _fragment[doc];

    /// <summary>May these two claims be linked? Their documents must share the event; a pair with a claim of a
    /// fragment document (no profile) needs one claim naming an anchor of the other's document, unless every
    /// document is a fragment.</summary>
    public bool Allowed(int i, int j)
    {
        int docA = DocumentOf[i], docB = DocumentOf[j];
        if (docA == docB)
        {
            return false;
        }

        if (_fragment[docA] || _fragment[docB])
        {
            // a headline or a single sentence has no profile to test: compared with every claim, as without event scope
            // (a cited headline often names nothing the citing claim names: "Nordwind Energy does not want state
            // guarantees" vs "Wir haben keine staatlichen Garantien")
            return true;
        }

        return _sameEvent.Contains(docA < docB ? (docA, docB) : (docB, docA));
    }

    /// <summary>The claim pairs (local indices into <paramref name="members"/>, i &lt; j, sorted) that may be linked
    /// among these claims: all pairs between documents sharing the event, and pairs with a fragment's claims that
    /// share an anchor (<paramref name="fragmentPairs"/>: also pairs of two fragments). Enumerated through the
    /// document pairs, so the cost follows the event groups, not the square of the archive.</summary>
    public List<(int, int)> Pairs(List<int> members, bool fragmentPairs)
    {
        var byDoc = new Dictionary<int, List<int>>();
        for (int k = 0; k < members.Count; k++)
        {
            int d = DocumentOf[members[k]];
            if (!byDoc.TryGetValue(d, out var list))
            {
                byDoc[d] = list = [];
            }

            list.Add(k);
        }

        var result = new List<(int, int)>();
        foreach (var (d, own) in byDoc)
        {
            foreach (var (e, other) in byDoc)
            {
                if (e <= d)
                {
                    continue;
                }

                bool fd = _fragment[d], fe = _fragment[e];
                if (!fd && !fe)
                {
                    if (!_sameEvent.Contains((d, e)))
                    {
                        continue;
                    }
                }
                else if (fd && fe && !fragmentPairs)
                {
                    continue;
                }

                foreach (int x in own)
                {
                    foreach (int y in other)
                    {
                        int i = Math.Min(x, y), j = Math.Max(x, y);
                        if (Allowed(members[i], members[j]))
                        {
                            result.Add((i, j));
                        }
                    }
                }
            }
        }

        result.Sort();
        return result;
    }

    /// <summary>Anchor keys of one claim: its entities (names, acronyms, capitalised words of three or more letters
    /// that are no dictionary word in either language: "Omar", "OpenAI", "Carlineo", not "Tuesday", "State",
    /// "University") and the words of its speaker's name.</summary>
    internal static IEnumerable<string> Anchors(Claim claim, AnalyzedText text, BilingualLexicon lexicon)
    {
        for (int k = 0; k < text.Tokens.Count; k++)
        {
            // the first word counts too when it is no dictionary word ("Nordwind Energy does not want …")
            var t = text.Tokens[k];
            bool capital = t.Capitalised || (k == 0 && t.Surface.Length > 0 && char.IsUpper(t.Surface[0]));
            if (capital && !t.IsStop && t.Kind == TokenKind.Word && t.Lower.Length >= 3 && IsName(t.Lower, t.Acronym, lexicon))
            {
                yield return AnalyzedText.EntityKey(t.Lower);
            }
        }

        if (!string.IsNullOrWhiteSpace(claim.Speaker))
        {
            foreach (string part in claim.Speaker.Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                string lower = Tokenizer.Fold(part.ToLowerInvariant());
                if (part.Length >= 3 && char.IsUpper(part[0]) && IsName(lower, false, lexicon))
                {
                    yield return AnalyzedText.EntityKey(lower);
                }
            }
        }
    }

    /// <summary>Month abbreviations and German month and weekday names (dates are no actors).</summary>
    private static readonly HashSet<string> CalendarWords = new(StringComparer.Ordinal)
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "januar", "februar", "marz", "mai", "juni", "juli", "oktober", "dezember",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    };

    /// <summary>A capitalised word that names something: an acronym, or a word the dictionary knows in neither
    /// language (German nouns and English sentence words are capitalised too).</summary>
    private static bool IsName(string lower, bool acronym, BilingualLexicon lexicon)
    {
        if (SimilarityScorer.DateWords.Contains(lower) || CalendarWords.Contains(lower))
        {
            return false;
        }

        if (acronym)
        {
            return true;
        }

        if (lexicon.Contains(Tokenizer.Stem(lower, "de")))
        {
            return false;
        }

        return lexicon.EnglishSynonymIds(Tokenizer.Stem(lower, "en")).Length == 0;
    }

    public static EventScope Build(IReadOnlyList<Claim> claims, AnalyzedText[] analyzed, MatchOptions options, BilingualLexicon lexicon)
    {
        var docIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentOf = new int[claims.Count];
        var claimCount = new List<int>();
        for (int i = 0; i < claims.Count; i++)
        {
            if (!docIndex.TryGetValue(claims[i].DocumentId, out int d))
            {
                d = docIndex.Count;
                docIndex[claims[i].DocumentId] = d;
                claimCount.Add(0);
            }

            documentOf[i] = d;
            claimCount[d]++;
        }

        int docs = docIndex.Count;
        var fragment = new bool[docs];
        for (int d = 0; d < docs; d++)
        {
            fragment[d] = claimCount[d] < options.MinProfileClaims;
        }

        // anchor -> documents (profiles of documents with enough claims only)
        var anchorIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new List<List<int>>();
        var docAnchors = new HashSet<int>[docs];
        for (int d = 0; d < docs; d++)
        {
            docAnchors[d] = [];
        }

        var claimAnchors = new HashSet<string>[claims.Count];
        for (int i = 0; i < claims.Count; i++)
        {
            int d = documentOf[i];
            claimAnchors[i] = new HashSet<string>(Anchors(claims[i], analyzed[i], lexicon), StringComparer.Ordinal);
            if (fragment[d])
            {
                continue;
            }

            foreach (string a in claimAnchors[i])
            {
                if (!anchorIds.TryGetValue(a, out int id))
                {
                    id = postings.Count;
                    anchorIds[a] = id;
                    postings.Add([]);
                }

                if (docAnchors[d].Add(id))
                {
                    postings[id].Add(d);
                }
            }
        }

        int profiled = fragment.Count(f => !f);
        var weight = new double[postings.Count];
        for (int a = 0; a < postings.Count; a++)
        {
            weight[a] = Math.Log((profiled + options.AnchorPrior) / (postings[a].Count + 1.0));
        }

        var profiles = Profiles(claims, analyzed, documentOf, fragment, options);
        var language = new string[docs];
        for (int d = 0; d < docs; d++)
        {
            language[d] = string.Empty;
        }

        var germanClaims = new int[docs];
        for (int i = 0; i < claims.Count; i++)
        {
            germanClaims[documentOf[i]] += analyzed[i].Language == "de" ? 1 : 0;
        }

        for (int d = 0; d < docs; d++)
        {
            language[d] = 2 * germanClaims[d] > claimCount[d] ? "de" : "other";
        }

        // shared anchor weight per document pair, through the anchor postings (anchors in very many documents
        // say little about the event and would make the pass quadratic: skipped)
        int cap = Math.Max(options.MaxAnchorDocuments, (int)(options.MaxAnchorShare * profiled));
        var sameEvent = new HashSet<(int, int)>();
        var acc = new Dictionary<int, (int Count, double Weight)>();
        for (int d = 0; d < docs; d++)
        {
            acc.Clear();
            foreach (int a in docAnchors[d])
            {
                var list = postings[a];
                if (list.Count < 2 || list.Count > cap)
                {
                    continue;
                }

                foreach (int e in list)
                {
                    if (e > d)
                    {
                        var (c, w) = acc.GetValueOrDefault(e);
                        acc[e] = (c + 1, w + weight[a]);
                    }
                }
            }

            foreach (var (e, (c, w)) in acc)
            {
                if (SameEvent(c, w, Cosine(profiles[d], profiles[e]), language[d] != language[e], options))
                {
                    sameEvent.Add((d, e));
                }
            }
        }

        // components: documents joined by shared events (fragments stay out: they are matched with every component)
        var parent = Enumerable.Range(0, docs).ToArray();
        foreach (var (a, b) in sameEvent)
        {
            Union(parent, a, b);
        }

        var byRoot = new Dictionary<int, List<int>>();
        var components = new List<List<int>>();
        var fragments = new List<int>();
        for (int i = 0; i < claims.Count; i++)
        {
            if (fragment[documentOf[i]])
            {
                fragments.Add(i);
                continue;
            }

            int root = Find(parent, documentOf[i]);
            if (!byRoot.TryGetValue(root, out var list))
            {
                byRoot[root] = list = [];
                components.Add(list);
            }

            list.Add(i);
        }

        return new EventScope(documentOf, fragment, sameEvent, components, fragments, claimAnchors);
    }

    /// <summary>The event test of two documents: shared anchors (count, summed specificity) and the cosine of
    /// their content profiles (what the claims are about: stems, German words also under their translations).
    /// A German and an English report of one event have a lower profile cosine (the translations are lossy), so the
    /// cosine floor is lower across languages.</summary>
    internal static bool SameEvent(int sharedAnchors, double anchorWeight, double cosine, bool crossLanguage, MatchOptions options) =>
        sharedAnchors >= 1 && cosine >= (crossLanguage ? options.MinEventCosineCrossLanguage : options.MinEventCosine)
        && (cosine >= options.StrongEventCosine || (sharedAnchors >= options.MinSharedAnchors && anchorWeight >= options.MinEventWeight));

    /// <summary>TF-IDF content profile (unit length) of each document: its claims' content stems and the best two
    /// translations of German words, idf over the documents with a profile (same prior as the anchors).</summary>
    internal static Dictionary<string, double>[] Profiles(IReadOnlyList<Claim> claims, AnalyzedText[] analyzed, int[] documentOf, bool[] fragment, MatchOptions options)
    {
        int docs = fragment.Length;
        var counts = new Dictionary<string, double>[docs];
        for (int d = 0; d < docs; d++)
        {
            counts[d] = new Dictionary<string, double>(StringComparer.Ordinal);
        }

        for (int i = 0; i < claims.Count; i++)
        {
            int d = documentOf[i];
            if (fragment[d])
            {
                continue;
            }

            foreach (string term in ClaimMatcher.IndexTerms(analyzed[i], 2))
            {
                if (term.Length > 2 && !char.IsDigit(term[0]))
                {
                    counts[d][term] = counts[d].GetValueOrDefault(term) + 1;
                }
            }
        }

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        int profiled = 0;
        for (int d = 0; d < docs; d++)
        {
            if (fragment[d])
            {
                continue;
            }

            profiled++;
            foreach (string t in counts[d].Keys)
            {
                df[t] = df.GetValueOrDefault(t) + 1;
            }
        }

        for (int d = 0; d < docs; d++)
        {
            double norm = 0;
            foreach (var (t, n) in counts[d].ToList())
            {
                double w = (1 + Math.Log(n)) * Math.Log((profiled + options.AnchorPrior) / (df[t] + 1.0));
                counts[d][t] = w;
                norm += w * w;
            }

            norm = Math.Sqrt(norm);
            if (norm > 0)
            {
                foreach (var t in counts[d].Keys.ToList())
                {
                    counts[d][t] /= norm;
                }
            }
        }

        return counts;
    }

    internal static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count)
        {
            (a, b) = (b, a);
        }

        double dot = 0;
        foreach (var (t, w) in a)
        {
            if (b.TryGetValue(t, out double v))
            {
                dot += w * v;
            }
        }

        return dot;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
