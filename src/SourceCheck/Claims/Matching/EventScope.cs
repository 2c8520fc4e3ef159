using SourceCheck.Claims.Text;
using SourceCheck.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>Which documents of a collection report the same event: two documents share the event when they
/// name at least <see cref="MatchOptions.MinSharedAnchors"/> of the same specific anchors (people,
/// organisations, places, products: names, acronyms and capitalised non-dictionary words, the same in German
/// and English, and the claims' speakers) whose specificity (ln((N + prior) / (df + 1)) over the collection's
/// documents) sums to at least <see cref="MatchOptions.MinEventWeight"/>, and, when both carry years, they name
/// years at most one apart (an event years apart is not the same event). Claims are linked only between
/// documents that share the event; documents that share events (directly or through others) form a
/// component, and each component is matched on its own (its own IDF statistics), so a story's links do not
/// change when unrelated articles are added to the archive.
/// Documents with fewer than <see cref="MatchOptions.MinProfileClaims"/> claims (a headline, a single sentence,
/// an archive fragment) have no reliable profile: the evidence is asked of the claim instead: a claim of such a
/// fragment and a claim of another document may be linked only when one of the two names a specific anchor of the
/// other's document (and their years, if both carry any, are compatible). Context claims (claims of a stored
/// document that are not candidates themselves) count for their document's profile and are never linked.
/// Documents the caller marks as unscoped (cited headlines of the checked article) are compared with every claim.
/// When no document has a profile at all (two single sentences compared on purpose), every pair is compared.</summary>
internal sealed class EventScope
{
    private readonly HashSet<(int, int)> _sameEvent;
    private readonly bool[] _fragment;
    private readonly bool[] _unscoped;
    private readonly bool[] _unpaired;
    private readonly int _linkable;
    private readonly HashSet<string>[] _claimAnchors;
    private readonly HashSet<string>[] _docAnchors;
    private readonly HashSet<int>[] _claimYears;
    private readonly HashSet<int>[] _docYears;
    private readonly Dictionary<string, int> _anchorDocs;
    private readonly int _anchorCap;
    private readonly bool _anyProfile;
    private readonly List<int>[] _partners;

    private EventScope(int[] documentOf, bool[] fragment, bool[] unscoped, bool[] unpaired, int linkable, HashSet<(int, int)> sameEvent, List<List<int>> components,
        List<int> fragments, HashSet<string>[] claimAnchors, HashSet<string>[] docAnchors, HashSet<int>[] claimYears, HashSet<int>[] docYears,
        Dictionary<string, int> anchorDocs, int anchorCap, List<int>[] partners)
    {
        _claimAnchors = claimAnchors;
        _docAnchors = docAnchors;
        _claimYears = claimYears;
        _docYears = docYears;
        _anchorDocs = anchorDocs;
        _anchorCap = anchorCap;
        _partners = partners;
        _unscoped = unscoped;
        _unpaired = unpaired;
        _linkable = linkable;
        _anyProfile = fragment.Any(f => !f);
        Fragments = fragments;
        DocumentOf = documentOf;
        _fragment = fragment;
        _sameEvent = sameEvent;
        Components = components;
    }

    /// <summary>Document number of each claim (first-appearance order).</summary>
    public int[] DocumentOf { get; }

    /// <summary>Linkable claim indices of each component (ascending), components in order of their first claim.</summary>
    public List<List<int>> Components { get; }

    /// <summary>Linkable claims of fragment documents (too few claims for a profile), ascending.</summary>
    public List<int> Fragments { get; }

    /// <summary>Is this document a fragment?</summary>
    public bool IsFragment(int doc) => _fragment[doc];

    /// <summary>Has any document a profile? (If not, every pair is compared.)</summary>
    public bool AnyProfile => _anyProfile;

    /// <summary>The fragment claims that may be linked to some claim of these documents (ascending).</summary>
    public List<int> FragmentsFor(IEnumerable<int> docs)
    {
        var wanted = new HashSet<int>();
        foreach (int d in docs)
        {
            foreach (int f in _partners[d])
            {
                if (_fragment[f])
                {
                    wanted.Add(f);
                }
            }
        }

        return [.. Fragments.Where(i => wanted.Contains(DocumentOf[i]) || _unscoped[DocumentOf[i]])];
    }

    /// <summary>May these two claims be linked? Their documents must share the event; a pair with a claim of a
    /// fragment document needs one claim naming a specific anchor of the other's document.</summary>
    public bool Allowed(int i, int j)
    {
        int docA = DocumentOf[i], docB = DocumentOf[j];
        if (docA == docB || i >= _linkable || j >= _linkable || (_unpaired[docA] && _unpaired[docB]))
        {
            return false;
        }

        if (!_anyProfile || _unscoped[docA] || _unscoped[docB])
        {
            return true;
        }

        if (_fragment[docA] || _fragment[docB])
        {
            // per claim: one of the two claims names a specific anchor of the other's document ("Nordwind Energy does
            // not want state guarantees" vs an article about Nordwind: "Wir haben keine staatlichen Garantien")
            bool named = SharesAnchor(_claimAnchors[i], _docAnchors[docB]) || SharesAnchor(_claimAnchors[j], _docAnchors[docA]);
            return named && YearsCompatible(_claimYears[i].Count > 0 ? _claimYears[i] : _docYears[docA], _claimYears[j].Count > 0 ? _claimYears[j] : _docYears[docB]);
        }

        return _sameEvent.Contains(docA < docB ? (docA, docB) : (docB, docA));
    }

    private bool SharesAnchor(HashSet<string> claim, HashSet<string> doc)
    {
        foreach (string a in claim)
        {
            if (doc.Contains(a) && _anchorDocs.GetValueOrDefault(a) <= _anchorCap)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two sides carrying years report the same event only when some year of one is at most one year
    /// from some year of the other; a side without years says nothing.</summary>
    internal static bool YearsCompatible(HashSet<int> a, HashSet<int> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return true;
        }

        foreach (int x in a)
        {
            foreach (int y in b)
            {
                if (Math.Abs((long)x - y) <= 1)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Month names and abbreviations (English and German, folded to lower case without diacritics).</summary>
    private static readonly HashSet<string> MonthWords =
        SourceCheck.Text.MonthNames.Words([SourceCheck.Text.MonthNames.English, SourceCheck.Text.MonthNames.German], StringComparer.Ordinal).Select(TextFolding.ForMatching).ToHashSet(StringComparer.Ordinal);

    /// <summary>Years (1900–2099) of the dates written in a text: a four-digit year right after a month name
    /// ("Nov. 5, 2019", "5. November 2024", "im März 2023") or opening an ISO date ("2024-05-03"). A bare year
    /// ("by 2030", "since 2019") is a reference, not the date of the event, and is not counted.</summary>
    internal static IEnumerable<int> Years(string text)
    {
        for (int k = 0; k + 4 <= text.Length; k++)
        {
            if (!((text[k] == '1' && text[k + 1] == '9') || (text[k] == '2' && text[k + 1] == '0')) || !char.IsAsciiDigit(text[k + 2]) || !char.IsAsciiDigit(text[k + 3])
                || (k > 0 && char.IsLetterOrDigit(text[k - 1])) || (k + 4 < text.Length && char.IsLetterOrDigit(text[k + 4])))
            {
                continue;
            }

            int year = (text[k] - '0') * 1000 + (text[k + 1] - '0') * 100 + (text[k + 2] - '0') * 10 + (text[k + 3] - '0');
            bool iso = k + 10 <= text.Length && text[k + 4] == '-' && char.IsAsciiDigit(text[k + 5]) && char.IsAsciiDigit(text[k + 6]) && text[k + 7] == '-';
            if (iso || MonthBefore(text, k))
            {
                yield return year;
            }

            k += 3;
        }
    }

    /// <summary>Is one of the (at most two) words before position <paramref name="k"/> a month name?</summary>
    private static bool MonthBefore(string text, int k)
    {
        int pos = k;
        for (int w = 0; w < 2; w++)
        {
            while (pos > 0 && !char.IsLetter(text[pos - 1]))
            {
                if (k - pos > 8)
                {
                    return false;
                }

                pos--;
            }

            int end = pos;
            while (pos > 0 && char.IsLetter(text[pos - 1]))
            {
                pos--;
            }

            if (end == pos)
            {
                return false;
            }

            if (MonthWords.Contains(TextFolding.ForMatching(text[pos..end].ToLowerInvariant())))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The claim pairs (local indices into <paramref name="members"/>, i &lt; j, sorted) that may be linked
    /// among these claims: pairs between documents sharing the event and, when <paramref name="fragmentPairs"/>,
    /// pairs with a fragment's claims that pass <see cref="Allowed"/> (otherwise only fragment pairs with a
    /// profiled document). Enumerated through the document pairs, so the cost follows the event groups, not the
    /// square of the archive. Null when there are more than <paramref name="maxPairs"/>, or more than
    /// <paramref name="maxPerDocumentPair"/> between two documents (the enumeration stops there).</summary>
    public List<(int, int)>? Pairs(List<int> members, bool fragmentPairs, int maxPairs = int.MaxValue, int maxPerDocumentPair = int.MaxValue)
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
        bool over = false;
        void Add(List<int> own, List<int> other)
        {
            long most = Math.Min(maxPerDocumentPair, maxPairs - (long)result.Count);
            if (over || ((long)own.Count * other.Count > most && CountAllowed(own, other, most) > most))
            {
                over = true;
                return;
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

        bool everything = !_anyProfile;
        foreach (var (d, own) in byDoc)
        {
            if (everything || _unscoped[d])
            {
                // compared with every document (each pair once: skip those found from the other side)
                foreach (var (e, other) in byDoc)
                {
                    if (e == d || (e < d && (everything || _unscoped[e])) || (_unpaired[d] && _unpaired[e]))
                    {
                        continue;
                    }

                    if (!everything && _fragment[e] && !fragmentPairs)
                    {
                        continue;
                    }

                    Add(own, other);
                }

                if (over)
                {
                    return null;
                }

                continue;
            }

            // the documents that can pair with d: event partners, or (fragments) documents sharing an anchor
            foreach (int e in _partners[d])
            {
                if (e <= d || !byDoc.TryGetValue(e, out var other) || _unscoped[e])
                {
                    continue;
                }

                if (_fragment[d] && _fragment[e] && !fragmentPairs)
                {
                    continue;
                }

                Add(own, other);
            }

            if (over)
            {
                return null;
            }
        }

        result.Sort();
        return result;

        long CountAllowed(List<int> own, List<int> other, long most)
        {
            long n = 0;
            foreach (int x in own)
            {
                foreach (int y in other)
                {
                    if (Allowed(members[Math.Min(x, y)], members[Math.Max(x, y)]) && ++n > most)
                    {
                        return n;
                    }
                }
            }

            return n;
        }
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
            if (capital && !t.IsStop && t.Kind == TokenKind.Word && t.Lower.Length >= 3
                && (IsName(t.Lower, t.Acronym, lexicon) || (k > 0 && IsGivenName(text.Tokens[k - 1]) && IsSurname(t.Lower))))
            {
                yield return AnalyzedText.EntityKey(t.Lower);
            }
        }

        if (!string.IsNullOrWhiteSpace(claim.SpeakerCandidate))
        {
            string[] parts = claim.SpeakerCandidate.Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries);
            for (int k = 0; k < parts.Length; k++)
            {
                string part = parts[k];
                string lower = TextFolding.ForMatching(part.ToLowerInvariant());
                // a person's surname counts even when a dictionary knows the word ("Ole Brandis", "Sabine Kranich",
                // "Bernd Steinhauer": brandy, crane, stonemason): the part after a first name that is no dictionary word
                // or a known given name
                bool surname = k > 0 && char.IsUpper(parts[k - 1][0]) && parts[k - 1].Length >= 2
                    && (IsGivenName(parts[k - 1]) || IsName(TextFolding.ForMatching(parts[k - 1].ToLowerInvariant()), false, lexicon)) && IsSurname(lower);
                if (part.Length >= 3 && char.IsUpper(part[0]) && (IsName(lower, false, lexicon) || surname))
                {
                    yield return AnalyzedText.EntityKey(lower);
                }
            }
        }
    }

    /// <summary>A first name of the attribution lexicon ("Sabine", "Bernd").</summary>
    private static bool IsGivenName(Token token) => token.Capitalised && IsGivenName(token.Surface);

    private static bool IsGivenName(string word) => AttributionLexicon.FemaleNames.Contains(word) || AttributionLexicon.MaleNames.Contains(word);

    /// <summary>A word after a first name may be a surname a dictionary also knows, but never a date, a platform, a role.</summary>
    private static bool IsSurname(string lower) =>
        !SimilarityScorer.DateWords.Contains(lower) && !CalendarWords.Contains(lower) && !PlatformWords.Contains(lower) && !AttributionLexicon.NotNames.Contains(lower);

    /// <summary>Month abbreviations and German month and weekday names (dates are no actors).</summary>
    private static readonly HashSet<string> CalendarWords = new(
        SourceCheck.Text.MonthNames.English.Abbreviations.SelectMany(a => a)
            .Concat(SourceCheck.Text.MonthNames.Words([SourceCheck.Text.MonthNames.German], StringComparer.Ordinal).Select(TextFolding.ForMatching)),
        StringComparer.Ordinal)
    {
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    };

    /// <summary>Platforms: where something was said (a channel), not who or what the event is about.</summary>
    private static readonly HashSet<string> PlatformWords = new(StringComparer.Ordinal)
    {
        "twitter", "linkedin", "facebook", "instagram", "threads", "bluesky", "mastodon", "tiktok", "youtube", "substack", "whatsapp", "telegram",
    };

    /// <summary>A capitalised word that names something: an acronym, or a word the dictionary knows in neither
    /// language (German nouns and English sentence words are capitalised too). Titles and roles ("CEO", "CFO":
    /// many people hold them, <see cref="AttributionLexicon.NotNames"/>) and platforms are no anchors.</summary>
    private static bool IsName(string lower, bool acronym, BilingualLexicon lexicon)
    {
        if (SimilarityScorer.DateWords.Contains(lower) || CalendarWords.Contains(lower) || PlatformWords.Contains(lower) || AttributionLexicon.NotNames.Contains(lower))
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

    /// <summary>The event scope of <paramref name="claims"/>: claims from <paramref name="linkable"/> on are context
    /// (they count for their document's profile and are never linked); <paramref name="unscoped"/> marks document
    /// ids compared with every claim.</summary>
    public static EventScope Build(IReadOnlyList<Claim> claims, AnalyzedText[] analyzed, MatchOptions options, BilingualLexicon lexicon, int linkable, Func<string, bool>? unscoped = null)
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
        var isUnscoped = new bool[docs];
        var isUnpaired = new bool[docs];
        foreach (var (id, d) in docIndex)
        {
            isUnscoped[d] = unscoped?.Invoke(id) == true;
            isUnpaired[d] = options.UnpairedDocuments?.Invoke(id) == true;
        }

        for (int d = 0; d < docs; d++)
        {
            fragment[d] = claimCount[d] < options.MinProfileClaims || isUnscoped[d];
        }

        // anchor -> documents: postings of the profiles (event test) and of all documents (fragment partners)
        var anchorIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new List<List<int>>();
        var allPostings = new List<List<int>>();
        var docAnchorIds = new HashSet<int>[docs];
        var docAnchors = new HashSet<string>[docs];
        var docYears = new HashSet<int>[docs];
        for (int d = 0; d < docs; d++)
        {
            docAnchorIds[d] = [];
            docAnchors[d] = new HashSet<string>(StringComparer.Ordinal);
            docYears[d] = [];
        }

        var claimAnchors = new HashSet<string>[claims.Count];
        var claimYears = new HashSet<int>[claims.Count];
        for (int i = 0; i < claims.Count; i++)
        {
            int d = documentOf[i];
            claimAnchors[i] = new HashSet<string>(Anchors(claims[i], analyzed[i], lexicon), StringComparer.Ordinal);
            claimYears[i] = [.. Years(claims[i].Text)];
            docYears[d].UnionWith(claimYears[i]);
            docAnchors[d].UnionWith(claimAnchors[i]);
            foreach (string a in claimAnchors[i])
            {
                if (!anchorIds.TryGetValue(a, out int id))
                {
                    id = postings.Count;
                    anchorIds[a] = id;
                    postings.Add([]);
                    allPostings.Add([]);
                }

                if (docAnchorIds[d].Add(id))
                {
                    allPostings[id].Add(d);
                    if (!fragment[d])
                    {
                        postings[id].Add(d);
                    }
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
        var germanClaims = new int[docs];
        for (int i = 0; i < claims.Count; i++)
        {
            germanClaims[documentOf[i]] += analyzed[i].Language == "de" ? 1 : 0;
        }

        var language = new string[docs];
        for (int d = 0; d < docs; d++)
        {
            language[d] = 2 * germanClaims[d] > claimCount[d] ? "de" : "other";
        }

        // shared anchor weight per document pair, through the anchor postings (anchors in very many documents
        // say little about the event and would make the pass quadratic: skipped)
        int cap = Math.Max(options.MaxAnchorDocuments, (int)(options.MaxAnchorShare * profiled));
        var sameEvent = new HashSet<(int, int)>();
        var partners = new List<int>[docs];
        for (int d = 0; d < docs; d++)
        {
            partners[d] = [];
        }

        var acc = new Dictionary<int, (int Count, double Weight)>();
        var near = new HashSet<int>();
        for (int d = 0; d < docs; d++)
        {
            if (fragment[d])
            {
                continue;
            }

            acc.Clear();
            foreach (int a in docAnchorIds[d])
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
                if (SameEvent(c, w, Cosine(profiles[d], profiles[e]), language[d] != language[e], options) && YearsCompatible(docYears[d], docYears[e]))
                {
                    sameEvent.Add((d, e));
                    partners[d].Add(e);
                    partners[e].Add(d);
                }
            }
        }

        // fragments pair with the documents that share one of their anchors (the claim-level test follows in Allowed)
        int allCap = Math.Max(options.MaxAnchorDocuments, (int)(options.MaxAnchorShare * docs));
        var anchorDocs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (a, id) in anchorIds)
        {
            anchorDocs[a] = allPostings[id].Count;
        }

        for (int d = 0; d < docs; d++)
        {
            if (!fragment[d] || isUnscoped[d])
            {
                continue;
            }

            near.Clear();
            foreach (int a in docAnchorIds[d])
            {
                var list = allPostings[a];
                if (list.Count > allCap)
                {
                    continue;
                }

                foreach (int e in list)
                {
                    if (e != d && !isUnscoped[e])
                    {
                        near.Add(e);
                    }
                }
            }

            foreach (int e in near.Order())
            {
                // each pair once from each side: a fragment-fragment pair is found from both fragments
                if (!fragment[e])
                {
                    partners[e].Add(d);
                    partners[d].Add(e);
                }
                else if (e > d)
                {
                    partners[e].Add(d);
                    partners[d].Add(e);
                }
            }
        }

        // components: documents joined by shared events (fragments stay out: they join the components they can pair with)
        var parent = Enumerable.Range(0, docs).ToArray();
        foreach (var (a, b) in sameEvent)
        {
            Union(parent, a, b);
        }

        var byRoot = new Dictionary<int, List<int>>();
        var components = new List<List<int>>();
        var fragments = new List<int>();
        for (int i = 0; i < linkable; i++)
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

        return new EventScope(documentOf, fragment, isUnscoped, isUnpaired, linkable, sameEvent, components, fragments, claimAnchors, docAnchors, claimYears, docYears,
            anchorDocs, allCap, partners);
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
