using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using SourceCheck.Text;

namespace SourceCheck.Storage;

/// <summary>One salient search term: its folded (lower-case, diacritics removed) form and whether it
/// matches as a prefix (a light stem: "regierungen" → "regierung*", "aufbauen" → "aufbau*").</summary>
public readonly record struct SearchTerm(string Stem, bool Prefix)
{
    /// <summary>The term as an FTS5 query phrase; always quoted, so user text can never inject FTS syntax.</summary>
    public string ToFts() => "\"" + Stem.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (Prefix ? " *" : string.Empty);

    /// <summary>Whether a folded token matches this term (equal, or starting with it for a prefix term).</summary>
    public bool Matches(string foldedToken) => Prefix ? foldedToken.StartsWith(Stem, StringComparison.Ordinal) : foldedToken == Stem;

    /// <summary>The stem, with "*" for a prefix term.</summary>
    public override string ToString() => Prefix ? Stem + "*" : Stem;
}

/// <summary>Turns free text into salient search terms (German and English stop words dropped, light
/// stemming) and builds FTS5 queries from them. Folding matches the index's tokenizer
/// (<c>unicode61 remove_diacritics 2</c>): "Bürgschaften" and "burgschaften" are the same term.</summary>
internal static class SearchTerms
{
    private static readonly FrozenSet<string> StopWords = new[]
    {
        // German
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder",
        "aber", "doch", "sondern", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "worden",
        "sein", "seine", "seiner", "seinen", "seinem", "seines", "ihr", "ihre", "ihrer", "ihren", "ihrem", "ihres",
        "hat", "haben", "hatte", "hatten", "habe", "sollte", "sollten", "soll", "sollen", "kann", "konnen", "konnte",
        "konnten", "muss", "mussen", "musste", "will", "wollen", "wollte", "wollten", "mochte", "darf", "durfen",
        "auch", "nicht", "noch", "nur", "schon", "sehr", "mehr", "fur", "mit", "von", "vom", "zu", "zur", "zum", "im",
        "in", "an", "am", "auf", "aus", "bei", "nach", "uber", "unter", "vor", "durch", "gegen", "ohne", "um", "dass",
        "daß", "sich", "sie", "er", "es", "wir", "ich", "du", "man", "wie", "als", "so", "wenn", "ob", "was", "wer",
        "diese", "dieser", "dieses", "diesen", "diesem", "jene", "alle", "allen", "aller", "eigentlich", "dabei",
        "damit", "dann", "denn", "da", "hier", "dort", "laut", "etwa", "rund", "bis", "seit", "wieder", "sowie",
        "sagte", "sagt", "sagten", "erklarte", "erklart", "schrieb", "schreibt", "betonte", "berichtet", "berichtete", "meinte",
        // English
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "for", "with", "by", "from", "at", "as", "into",
        "that", "this", "these", "those", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
        "should", "would", "could", "will", "shall", "can", "may", "might", "must", "do", "does", "did", "not", "no",
        "it", "its", "their", "they", "them", "he", "she", "his", "her", "we", "our", "us", "you", "your", "i", "my",
        "said", "says", "say", "also", "than", "then", "there", "which", "who", "whom", "what", "when", "if", "so",
        "about", "over", "after", "before", "own", "told", "wrote", "according", "reported", "stated",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Longest first; applied once, only when at least four characters remain.
    private static readonly string[] Suffixes = ["ungen", "ingen", "ern", "en", "er", "es", "em", "e", "n", "s"];

    /// <summary>Splits text into folded word tokens (letters and digits), as the unicode61 tokenizer does.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        string folded = TextFolding.ForSearchIndex(text);
        int start = -1;
        for (int i = 0; i <= folded.Length; i++)
        {
            bool word = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    /// <summary>The salient terms of a text, in order of first appearance, without duplicates (at most <paramref name="max"/>).</summary>
    public static IReadOnlyList<SearchTerm> Salient(string text, int max = 16)
    {
        var terms = new List<SearchTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string token in Tokens(text))
        {
            if (token.Length < 2 || StopWords.Contains(token))
            {
                continue;
            }

            var term = Stem(token);
            if (seen.Add(term.Stem))
            {
                terms.Add(term);
                if (terms.Count >= max)
                {
                    break;
                }
            }
        }

        return terms;
    }

    public static SearchTerm Stem(string foldedToken)
    {
        if (foldedToken.Length <= 3 || foldedToken.Any(char.IsDigit))
        {
            return new SearchTerm(foldedToken, Prefix: false);
        }

        foreach (string suffix in Suffixes)
        {
            if (foldedToken.Length - suffix.Length >= 4 && foldedToken.EndsWith(suffix, StringComparison.Ordinal))
            {
                string stem = foldedToken[..^suffix.Length];
                if (suffix is "ungen" or "ingen")
                {
                    stem += suffix[..3];
                }

                return new SearchTerm(stem, Prefix: true);
            }
        }

        return new SearchTerm(foldedToken, Prefix: true);
    }

    /// <summary>FTS5 query matching claims that contain ANY of the terms (ranked by bm25; filter by <see cref="Coverage"/>).</summary>
    public static string AnyQuery(IEnumerable<SearchTerm> terms) => string.Join(" OR ", terms.Select(t => t.ToFts()));

    /// <summary>FTS5 query matching claims that contain at least two of the terms: (t1 AND t2) OR (t1 AND t3) OR ….</summary>
    public static string AtLeastTwoQuery(IReadOnlyList<SearchTerm> terms)
    {
        if (terms.Count < 2)
        {
            return AllQuery(terms);
        }

        var pairs = new List<string>();
        for (int i = 0; i < terms.Count; i++)
        {
            for (int j = i + 1; j < terms.Count; j++)
            {
                pairs.Add("(" + terms[i].ToFts() + " AND " + terms[j].ToFts() + ")");
            }
        }

        return string.Join(" OR ", pairs);
    }

    /// <summary>FTS5 query matching claims that contain ALL of the terms.</summary>
    public static string AllQuery(IEnumerable<SearchTerm> terms) => string.Join(" AND ", terms.Select(t => t.ToFts()));

    /// <summary>Encodes terms for the <c>sc_coverage</c> SQL function ("regierung* eigen* ki").</summary>
    public static string Encode(IEnumerable<SearchTerm> terms) => string.Join(' ', terms.Select(t => t.ToString()));

    public static IReadOnlyList<SearchTerm> Decode(string encoded) =>
        encoded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.EndsWith('*') ? new SearchTerm(s[..^1], true) : new SearchTerm(s, false))
            .ToList();

    /// <summary>Share of <paramref name="terms"/> found in <paramref name="text"/> (0..1).</summary>
    public static double Coverage(string text, IReadOnlyList<SearchTerm> terms)
    {
        if (terms.Count == 0)
        {
            return 0;
        }

        var tokens = Tokens(text).ToHashSet(StringComparer.Ordinal);
        int found = terms.Count(term => tokens.Any(term.Matches));
        return (double)found / terms.Count;
    }

    /// <summary>How many of <paramref name="termCount"/> terms a claim must contain to count as saying the same thing:
    /// 60 % rounded up, and at least two when there are two or more.</summary>
    public static int RequiredTerms(int termCount) => termCount <= 1 ? termCount : Math.Max(2, (int)Math.Ceiling(0.6 * termCount));

    /// <summary>How many ranked full-text hits a candidate query reads before <see cref="Diverse{T}"/> picks its
    /// candidates: wide enough that a sentence repeated in hundreds of stored documents cannot fill it alone.</summary>
    public const int CandidateReadFactor = 20;

    /// <summary>At most this many candidates of one stored document, and of one sentence shape (<see cref="Shape"/>).</summary>
    public const int CandidatesPerDocument = 2;

    /// <summary>The shape of a sentence: its words in order, every word that starts with a capital letter or a digit
    /// (names, figures, German nouns) replaced by one mark. Copies of one sentence that differ only in names or figures
    /// (a wire text in many outlets, a template filled with other actors) have one shape.</summary>
    public static string Shape(string text)
    {
        var sb = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            if (char.IsUpper(text[start]) || char.IsDigit(text[start]))
            {
                sb.Append('#');
            }
            else
            {
                sb.Append(text, start, i - start);
            }
        }

        return sb.ToString();
    }

    /// <summary>Candidates from hits in rank order: at most <paramref name="limit"/>, and at most
    /// <see cref="CandidatesPerDocument"/> of one stored document and of one sentence shape, so that neither one long
    /// stored document nor one sentence repeated across many documents fills the candidate list and pushes out
    /// the other documents that share the claim's terms. <paramref name="text"/> is asked only for a hit whose document
    /// still has room, in rank order (a store can read texts lazily, a batch at a time).</summary>
    public static List<T> Diverse<T>(IEnumerable<T> ranked, Func<T, long> document, Func<T, string> text, int limit)
    {
        var picked = new List<T>(Math.Max(0, limit));
        if (limit <= 0)
        {
            return picked;
        }

        var perDocument = new Dictionary<long, int>();
        var perShape = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var hit in ranked)
        {
            long doc = document(hit);
            if (perDocument.GetValueOrDefault(doc) >= CandidatesPerDocument)
            {
                continue; // decided without the text: a store reads texts only for the hits that get this far
            }

            string shape = Shape(text(hit));
            if (perShape.GetValueOrDefault(shape) >= CandidatesPerDocument)
            {
                continue;
            }

            perDocument[doc] = perDocument.GetValueOrDefault(doc) + 1;
            perShape[shape] = perShape.GetValueOrDefault(shape) + 1;
            picked.Add(hit);
            if (picked.Count == limit)
            {
                break;
            }
        }

        return picked;
    }

    /// <summary><see cref="RequiredTerms"/> as a share (for comparing with <see cref="Coverage"/>).</summary>
    public static double MinimumCoverage(int termCount) => termCount <= 0 ? 1 : (double)RequiredTerms(termCount) / termCount - 1e-9;
}
