using System.Text.RegularExpressions;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Documents;
using SourceCheck.Text;
using SourceCheck.Verification;

namespace SourceCheck.Checking;

/// <summary>A claim tied to a reference of its article by one of the article's own signals: <c>marker</c> (a numbered
/// in-text citation "[3]"), <c>author-year</c> ("(Bort, 2025)", "Bort (2025)"), <c>outlet</c> ("laut TechCrunch",
/// "told Reuters", "according to a study in Nature"), <c>author</c> (a cited author's family name in the sentence) or
/// <c>link</c> (a link in the sentence to the reference's address). <see cref="Evidence"/> is the signal as written.</summary>
internal sealed record ClaimTie(string ClaimId, string ReferenceId, string Signal, string Evidence);

/// <summary>Ties each claim of an article to the reference(s) it rests on, by what the claim's sentence says: in-text
/// citation markers, author-year citations, an outlet or cited author named in the sentence or its attribution, a link
/// in the sentence. Explicit citations (markers, author-year, links) win: when a sentence has one, names alone add
/// nothing. A name shared by several references (three TechCrunch pieces) ties the claim to each of them.</summary>
internal static partial class CitationSignals
{
    /// <summary>Most references one claim is tied to by an outlet or author name alone.</summary>
    public const int MaxByName = 4;

    public static IReadOnlyList<ClaimTie> Tie(Article article, IReadOnlyList<Claim> claims, IReadOnlyList<CslItem> references, OutletDirectory? outlets = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0 || claims.Count == 0)
        {
            return [];
        }

        outlets ??= new OutletDirectory();
        var sentences = SentenceSplitter.Split(article.Text);
        var names = references.Select(r => (Item: r, Outlets: OutletNames(r, outlets), Families: WorkMatching.CitedFamilies(r),
            Year: WorkMatching.CitedDate(r)?.Year)).ToList();
        var index = new NameIndex(names.Select(n => n.Outlets.Concat(n.Families)).ToList(),
            names.Select(n => n.Families.Count > 0 && n.Year is { } y ? (n.Families[0], y) : ((string, int)?)null).ToList());
        var sentenceIndex = new SentenceIndex(sentences);
        var ties = new List<ClaimTie>();
        foreach (var claim in claims)
        {
            var span = sentenceIndex.SentenceOf(claim.Span, article.Text.Length);
            string sentence = article.Text.Substring(span.Start, span.Length);
            // a marker just after the sentence's end ("… reported. [3]") belongs to it
            int tail = span.Start + span.Length;
            string after = article.Text.Substring(tail, Math.Min(12, article.Text.Length - tail));
            var explicitTies = new List<ClaimTie>();
            foreach (Match m in Marker().Matches(sentence + " " + LeadingMarker(after)))
            {
                foreach (int n in Numbers(m.Groups[1].Value))
                {
                    if (n >= 1 && n <= references.Count)
                    {
                        explicitTies.Add(new ClaimTie(claim.Id, references[n - 1].Id, "marker", m.Value));
                    }
                }
            }

            // only the references one of whose names starts at a word of the sentence or attribution can be named
            // there (an index, not every reference for every claim: 32,000 bullet lines read as references and as
            // claims took minutes)
            string attribution = string.Join(" | ", new[] { claim.ReportingOutlet, claim.SpeakerMention, claim.Channel }.Where(x => x is not null));
            var candidates = index.Candidates(sentence, attribution);
            foreach (var (r, ay) in index.AuthorYears(sentence, names))
            {
                explicitTies.Add(new ClaimTie(claim.Id, names[r].Item.Id, "author-year", ay));
            }

            foreach (var link in article.Links.Where(l => l.Span.Start >= span.Start && l.Span.Start < span.Start + span.Length))
            {
                foreach (var item in references.Where(r => SameAddress(r.GetString("URL"), link.Url) || SameDoi(r, link.Url)))
                {
                    explicitTies.Add(new ClaimTie(claim.Id, item.Id, "link", link.Url));
                }
            }

            if (explicitTies.Count > 0)
            {
                ties.AddRange(explicitTies.DistinctBy(t => t.ReferenceId));
                continue;
            }

            // Names: the claim's own attribution first (its reporting outlet), then any cited outlet or author named in the sentence.
            var byName = new List<ClaimTie>();
            foreach (int r in candidates)
            {
                if (byName.Count > MaxByName)
                {
                    break; // too many references named: none is tied by name
                }

                var (item, outletNames, families, _) = names[r];
                string? said = outletNames.FirstOrDefault(n => Named(sentence, n) || Named(attribution, n));
                if (said is not null)
                {
                    byName.Add(new ClaimTie(claim.Id, item.Id, "outlet", said));
                    continue;
                }

                string? author = families.FirstOrDefault(f => f.Length >= 3 && Named(sentence, f));
                if (author is not null)
                {
                    byName.Add(new ClaimTie(claim.Id, item.Id, "author", author));
                }
            }

            if (byName.Count <= MaxByName)
            {
                ties.AddRange(byName);
            }
        }

        return ties;
    }

    /// <summary>The claims of an article grouped by the reference they are tied to, as the verifier takes them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CitingClaim>> ClaimsByReference(IReadOnlyList<ClaimTie> ties, IReadOnlyList<Claim> claims)
    {
        var byId = claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var byClaim = ties.ToLookup(t => t.ClaimId, StringComparer.Ordinal);
        return ties.GroupBy(t => t.ReferenceId, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g =>
            {
                // each claim's first tie to this reference (one pass, not a search per claim)
                var first = new Dictionary<string, ClaimTie>(StringComparer.Ordinal);
                foreach (var t in g)
                {
                    first.TryAdd(t.ClaimId, t);
                }

                return (IReadOnlyList<CitingClaim>)g.Select(t => byId[t.ClaimId]).DistinctBy(c => c.Id)
                    .Select(c => new CitingClaim(c.Id, WithoutCitations(c.Text, byClaim[c.Id]), LanguageGuesser.Confirm(c.Text, c.Language), c.Span.Start)
                    {
                        Signal = first[c.Id].Signal + ": " + first[c.Id].Evidence,
                    }).ToList();
            },
            StringComparer.Ordinal);
    }

    /// <summary>The claim without its citation markers and author-year citations ("[3]", "(Bort, 2025)"): they are
    /// not what the cited work is asked to say.</summary>
    private static string WithoutCitations(string text, IEnumerable<ClaimTie> ties)
    {
        string t = Marker().Replace(text, string.Empty);
        foreach (var tie in ties.Where(x => x.Signal == "author-year"))
        {
            t = t.Replace("(" + tie.Evidence + ")", string.Empty, StringComparison.Ordinal).Replace(tie.Evidence, string.Empty, StringComparison.Ordinal);
        }

        return string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace(" .", ".", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal);
    }

    /// <summary>The references each name could be found for: a name is found only where it starts a word (see
    /// <see cref="WordAt"/>), and there the sentence's run of letters is the name's leading run of letters, so the
    /// references worth testing for a sentence are those under the letter runs that start its words (names not starting
    /// with a letter are tested for every sentence). Gives each reference once, in reference order.</summary>
    private sealed class NameIndex
    {
        private readonly Dictionary<string, List<int>> _byRun = new(StringComparer.Ordinal);
        private readonly List<int> _always = [];

        /// <summary>Author-year citations: the references by the letter run of their first family name and their year
        /// (a sentence holds few years; 3,000 references of one family differ by year).</summary>
        private readonly Dictionary<string, Dictionary<int, List<int>>> _byRunAndYear = new(StringComparer.Ordinal);
        private readonly List<int> _alwaysAuthorYear = [];

        public NameIndex(List<IEnumerable<string>> namesPerReference, List<(string Family, int Year)?> authorYears)
        {
            for (int r = 0; r < authorYears.Count; r++)
            {
                if (authorYears[r] is not { } fy)
                {
                    continue;
                }

                string run = LetterRun(fy.Family, 0);
                if (run.Length == 0 || fy.Year < 0)
                {
                    _alwaysAuthorYear.Add(r);
                    continue;
                }

                var byYear = _byRunAndYear.TryGetValue(run, out var d) ? d : _byRunAndYear[run] = [];
                (byYear.TryGetValue(fy.Year, out var list) ? list : byYear[fy.Year] = []).Add(r);
            }

            for (int r = 0; r < namesPerReference.Count; r++)
            {
                foreach (string name in namesPerReference[r])
                {
                    string run = LetterRun(name, 0);
                    var list = run.Length == 0 ? _always : _byRun.TryGetValue(run, out var l) ? l : _byRun[run] = [];
                    if (list.Count == 0 || list[^1] != r)
                    {
                        list.Add(r);
                    }
                }
            }
        }

        /// <summary>The references one of whose names starts at a word of the sentence or the attribution, in ascending
        /// order, each once — read lazily: the caller stops after a few names match, so a name shared by thousands of
        /// references costs only the references read before it stops (a merge of the ascending per-name lists, not
        /// their union built for every claim: that grew with references × claims).</summary>
        public IEnumerable<int> Candidates(string sentence, string attribution)
        {
            var lists = new HashSet<List<int>>(ReferenceEqualityComparer.Instance);
            if (_always.Count > 0)
            {
                lists.Add(_always);
            }

            foreach (string text in (string[])[sentence, attribution])
            {
                for (int i = 0; i < text.Length; i++)
                {
                    if (char.IsLetter(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) &&
                        _byRun.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.AsSpan(i, LetterRun(text, i).Length), out var refs))
                    {
                        lists.Add(refs);
                    }
                }
            }

            if (lists.Count > MergeWidth)
            {
                // many names in one sentence: their union, sorted (a merge would read every list head per reference)
                var found = new HashSet<int>();
                foreach (var list in lists)
                {
                    found.UnionWith(list);
                }

                var result = found.ToList();
                result.Sort();
                return result;
            }

            return Merge([.. lists]);
        }

        /// <summary>Up to this many name lists are merged lazily; more are joined at once.</summary>
        private const int MergeWidth = 8;

        /// <summary>Ascending lists (each without repeats) merged into one ascending sequence without repeats.</summary>
        private static IEnumerable<int> Merge(List<List<int>> lists)
        {
            var at = new int[lists.Count];
            while (true)
            {
                int next = int.MaxValue;
                for (int k = 0; k < lists.Count; k++)
                {
                    if (at[k] < lists[k].Count && lists[k][at[k]] < next)
                    {
                        next = lists[k][at[k]];
                    }
                }

                if (next == int.MaxValue)
                {
                    yield break;
                }

                for (int k = 0; k < lists.Count; k++)
                {
                    if (at[k] < lists[k].Count && lists[k][at[k]] == next)
                    {
                        at[k]++;
                    }
                }

                yield return next;
            }
        }

        /// <summary>The author-year citations of a sentence (see <see cref="AuthorYear"/>), in reference order: only
        /// references whose family starts a word of the sentence and whose year is written in it are tested.</summary>
        public List<(int Reference, string Evidence)> AuthorYears(string sentence, IReadOnlyList<(CslItem Item, IReadOnlyList<string> Outlets, IReadOnlyList<string> Families, int? Year)> names)
        {
            var candidates = new List<int>(_alwaysAuthorYear);
            HashSet<int>? years = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < sentence.Length; i++)
            {
                if (!char.IsLetter(sentence[i]) || (i > 0 && char.IsLetterOrDigit(sentence[i - 1])))
                {
                    continue;
                }

                string run = LetterRun(sentence, i);
                if (!seen.Add(run) || !_byRunAndYear.TryGetValue(run, out var byYear))
                {
                    continue;
                }

                years ??= Years(sentence);
                foreach (int y in years)
                {
                    if (byYear.TryGetValue(y, out var refs))
                    {
                        candidates.AddRange(refs);
                    }
                }
            }

            candidates.Sort();
            var result = new List<(int, string)>();
            foreach (int r in candidates)
            {
                if (AuthorYear(sentence, names[r].Families[0], names[r].Year!.Value) is { } ay)
                {
                    result.Add((r, ay));
                }
            }

            return result;
        }

        /// <summary>Every number of up to ten digits written in the text (each digit substring without a leading zero):
        /// the years an author-year citation in it can name.</summary>
        private static HashSet<int> Years(string text)
        {
            var years = new HashSet<int>();
            for (int i = 0; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    continue;
                }

                int end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                for (int from = i; from < end; from++)
                {
                    for (int to = from + 1; to <= end && to - from <= 10; to++)
                    {
                        if ((text[from] != '0' || to - from == 1) && int.TryParse(text.AsSpan(from, to - from), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y))
                        {
                            years.Add(y);
                        }
                    }
                }

                i = end;
            }

            return years;
        }

        private static string LetterRun(string text, int from) => text[from..RunEnd(text, from)];

        private static int RunEnd(string text, int from)
        {
            int end = from;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            return end;
        }
    }

    /// <summary>The sentences in text order with the longest one's length, to find those a claim overlaps by binary
    /// search instead of a pass over every sentence for every claim.</summary>
    private sealed class SentenceIndex(IReadOnlyList<TextSpan> sentences)
    {
        private readonly bool _ordered = Enumerable.Range(1, Math.Max(0, sentences.Count - 1)).All(k => sentences[k - 1].Start <= sentences[k].Start);
        private readonly int _longest = sentences.Count == 0 ? 0 : sentences.Max(s => s.Length);

        public TextSpan SentenceOf(TextSpan claim, int length)
        {
            if (!_ordered)
            {
                return CitationSignals.SentenceOf(sentences, claim, length);
            }

            // a sentence that matters starts after claim.Start - longest (else it ends before the claim starts) and
            // before the claim's end: the others change neither start nor end below
            int lo = 0, hi = sentences.Count;
            long first = (long)claim.Start - _longest;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (sentences[mid].Start < first)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            int stop = claim.Start + claim.Length;
            var window = new List<TextSpan>();
            for (int k = lo; k < sentences.Count && sentences[k].Start <= Math.Max(stop, claim.Start); k++)
            {
                window.Add(sentences[k]);
            }

            return CitationSignals.SentenceOf(window, claim, length);
        }
    }

    private static TextSpan SentenceOf(IReadOnlyList<TextSpan> sentences, TextSpan claim, int length)
    {
        int start = claim.Start;
        int end = claim.Start + claim.Length;
        foreach (var s in sentences)
        {
            if (s.Start <= claim.Start && claim.Start < s.Start + s.Length)
            {
                start = Math.Min(start, s.Start);
                end = Math.Max(end, s.Start + s.Length);
            }
            else if (s.Start > claim.Start && s.Start < claim.Start + claim.Length)
            {
                end = Math.Max(end, s.Start + s.Length);
            }
        }

        start = Math.Clamp(start, 0, length);
        end = Math.Clamp(end, start, length);
        return new TextSpan(start, end - start);
    }

    private static string LeadingMarker(string after)
    {
        string t = after.TrimStart();
        return t.StartsWith('[') && t.IndexOf(']', StringComparison.Ordinal) is int close and > 0 ? t[..(close + 1)] : string.Empty;
    }

    private static IEnumerable<int> Numbers(string list)
    {
        foreach (string part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
            if (range.Length == 2 && int.TryParse(range[0], out int a) && int.TryParse(range[1], out int b) && b >= a && b - a < 20)
            {
                for (int n = a; n <= b; n++)
                {
                    yield return n;
                }
            }
            else if (int.TryParse(part, out int n))
            {
                yield return n;
            }
        }
    }

    /// <summary>"Bort, 2025", "Bort et al., 2025", "Bort & Wile, 2025", "Bort (2025)": the family name followed within a
    /// few words by the year.</summary>
    private static string? AuthorYear(string sentence, string family, int year)
    {
        string y = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (int i = sentence.IndexOf(family, StringComparison.Ordinal); i >= 0; i = sentence.IndexOf(family, i + 1, StringComparison.Ordinal))
        {
            if (!WordAt(sentence, i, family.Length))
            {
                continue;
            }

            int from = i + family.Length;
            string window = sentence.Substring(from, Math.Min(40, sentence.Length - from));
            int at = window.IndexOf(y, StringComparison.Ordinal);
            if (at < 0 || (at + y.Length < window.Length && char.IsDigit(window[at + y.Length])))
            {
                continue;
            }

            if (!window[..at].Replace("et al.", string.Empty, StringComparison.Ordinal).Contains(". ", StringComparison.Ordinal))
            {
                return sentence.Substring(i, family.Length + at + y.Length);
            }
        }

        return null;
    }

    /// <summary>The outlet's names: the container title, the same without a leading article ("Die Welt" → "Welt"), and
    /// the directory's other names for the same domain ("Associated Press" for "AP News").</summary>
    private static IReadOnlyList<string> OutletNames(CslItem item, OutletDirectory outlets)
    {
        string? container = item.GetString("container-title") ?? item.GetString("publisher");
        if (string.IsNullOrWhiteSpace(container))
        {
            return [];
        }

        var names = new List<string> { container.Trim() };
        foreach (string domain in outlets.DomainsOf(container))
        {
            names.AddRange(outlets.NamesOf(domain));
        }

        foreach (string n in names.ToList())
        {
            foreach (string article in (string[])["The ", "Der ", "Die ", "Das "])
            {
                if (n.StartsWith(article, StringComparison.Ordinal) && n.Length - article.Length >= 3)
                {
                    names.Add(n[article.Length..]);
                }
            }
        }

        return names.Where(n => n.Length >= 3).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ToList();
    }

    private static bool Named(string text, string name)
    {
        for (int i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
        {
            if (WordAt(text, i, name.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool WordAt(string text, int i, int length) =>
        (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (i + length >= text.Length || !char.IsLetter(text[i + length]));

    private static bool SameAddress(string? a, string b)
    {
        if (a is null)
        {
            return false;
        }

        static string N(string u)
        {
            string t = u.Trim();
            int hash = t.IndexOf('#', StringComparison.Ordinal);
            t = hash >= 0 ? t[..hash] : t;
            t = t.Replace("https://", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("http://", string.Empty, StringComparison.OrdinalIgnoreCase);
            t = t.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? t[4..] : t;
            return t.TrimEnd('/').ToLowerInvariant();
        }

        return N(a) == N(b);
    }

    private static bool SameDoi(CslItem item, string url) =>
        WorkLocator.NormalizeDoi(item.GetString("DOI")) is { } doi && WorkLocator.NormalizeDoi(url) is { } linked
        && string.Equals(doi, linked, StringComparison.OrdinalIgnoreCase);

    /// <summary>"[3]", "[3, 5]", "[2–4]".</summary>
    [GeneratedRegex(@"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]", RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Marker();
}
