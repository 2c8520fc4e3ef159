using System.Collections.Immutable;
using SourceCheck.Claims.Text;
using SourceCheck.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>Decides whether a scored pair is a link and of which type (rules as in the claims fixtures'
/// README, first match wins): figures differ → number_mismatch; opposite polarity → contradiction;
/// quoted speakers differ → misattribution; a direct quote of the same speaker rendered differently →
/// misquote; languages differ → translation; one direct quote inside the other → exact_quote; else paraphrase.</summary>
internal static class LinkTyper
{
    internal static ClaimLink? Type(Claim a, Claim b, AnalyzedText ta, AnalyzedText tb, double score, MatchOptions options, IdfTable? idf = null)
    {
        double threshold = options.Threshold;
        if (score < Math.Min(threshold * 0.7, options.ContradictionThreshold))
        {
            return null;
        }

        // a negation cue on one side against a lexical negation on the other ("nicht neu besetzen" / "leave unfilled",
        // "findet nicht statt" / "cancelled") is agreement, not opposite polarity
        bool polarityDiffers = Negated(ta) != Negated(tb) && !LexicallyNegated(Negated(ta) ? tb : ta);
        if (!polarityDiffers && score < threshold * 0.7)
        {
            return null; // below this only a contradiction can be linked
        }

        // differing figures count only when they quantify the same thing (words next to them align)
        var figuresDiffer = SimilarityScorer.FiguresDiffer(ta.Figures, tb.Figures).Where(p => SameQuantity(ta, tb, p.A, p.B)).ToList();
        if (figuresDiffer.Count == 0 && CountsDiffer(ta, tb) is { } counts)
        {
            figuresDiffer.Add(counts);
        }

        var evidence = ImmutableArray.CreateBuilder<string>();
        var aligned = AlignedWords(ta, tb, out int alignedContent);
        if (alignedContent < 1 || aligned.Count < 2 || Math.Min(ta.Content.Count, tb.Content.Count) < 3)
        {
            return null;
        }

        if (aligned.Count > 0)
        {
            evidence.Add("aligned: " + string.Join(", ", aligned.Take(8)));
        }

        // figures of one unit that differ by more than a factor of 3 are different quantities, not one misreported figure —
        // unless each side holds that one figure and the sentences are otherwise close (the same sentence with one figure
        // changed: a distortion). Ignoring the far-apart pair when a side holds several figures was tried and dropped:
        // "will in sechs Jahren 2,5 Milliarden investieren" vs "expects revenue of 400 million" became a translation.
        if (figuresDiffer.Any(p => SimilarityScorer.Ratio(p.A.Value, p.B.Value) > 3)
            && (ta.Figures.Length >= 2 || tb.Figures.Length >= 2 || score < DistortedFigureScore))
        {
            return null;
        }

        // an annualised/run-rate figure is a different quantity from a plain one (revenue this year vs annualised revenue)
        if (!ta.Figures.IsDefaultOrEmpty && !tb.Figures.IsDefaultOrEmpty && RateQualified(ta.Text) != RateQualified(tb.Text))
        {
            return null;
        }

        LinkType type;
        if (figuresDiffer.Count > 0 && score >= threshold * 0.7)
        {
            type = LinkType.NumberMismatch;
            foreach (var (fa, fb) in figuresDiffer)
            {
                evidence.Add($"figures differ: {fa.Text} ({ClaimMatcher.Format(fa.Value)}) vs {fb.Text} ({ClaimMatcher.Format(fb.Value)})");
            }
        }
        else if (polarityDiffers && score >= options.ContradictionThreshold && alignedContent >= 2 && SameProposition(ta, tb, score))
        {
            type = LinkType.Contradiction;
            var (neg, side) = Negated(ta) ? (ta, "A") : (tb, "B");
            evidence.Add($"negation only in {side}: " + string.Join(", ", neg.Tokens.Where(IsPropositionNegation).Select(t => t.Surface).Distinct()));
        }
        else if (score < threshold || (polarityDiffers && score < threshold + PolarityMargin))
        {
            // opposite polarity without the same proposition: rather no link than a false contradiction or paraphrase
            return null;
        }
        else if (SpeakersDiffer(a, b) && ta.Figures.IsDefaultOrEmpty && tb.Figures.IsDefaultOrEmpty
            && ((a.Quote != QuoteKind.Direct && b.Quote != QuoteKind.Direct) || score < options.MisattributionThreshold))
        {
            // two reported (indirect) statements of different people are two claims, not one misattributed quote;
            // nor are two quotes of different people that only resemble each other
            return null;
        }
        else if (SpeakersDiffer(a, b) && ta.Figures.IsDefaultOrEmpty && tb.Figures.IsDefaultOrEmpty && (NamesOwnSpeaker(a) || NamesOwnSpeaker(b)))
        {
            // the same words given to another person, each article naming its speaker in the sentence itself (a speaker
            // resolved from "she said" two sentences on is no evidence for an accusation: typed as an ordinary link below)
            type = LinkType.Misattribution;
            evidence.Add($"speakers differ: {a.SpeakerCandidate} vs {b.SpeakerCandidate}");
        }
        else if (IsMisquote(a, b, ta, tb))
        {
            type = LinkType.Misquote;
            evidence.Add($"quoted words differ: \u201c{a.QuotedWords}\u201d vs \u201c{b.QuotedWords}\u201d");
        }
        else if (ta.Language != tb.Language)
        {
            type = LinkType.Translation;
            evidence.Add($"languages: {ta.Language} / {tb.Language}");
        }
        else if (IsExactQuote(a, b))
        {
            type = LinkType.ExactQuote;
        }
        else
        {
            type = LinkType.Paraphrase;
        }

        // the shared words must carry the statement, not only who made it (names, role titles, speech verbs, negation cues);
        // checked last, as the costliest test, for the pairs that would be linked
        if (PropositionWords(ta, tb, idf) < MinPropositionWords)
        {
            return null;
        }

        return new ClaimLink(a, b, type, Math.Round(score, 4), evidence.ToImmutable());
    }

    /// <summary>How well the negated proposition is matched on the other side: the share of the content
    /// words in the negation's scope (the words after each cue up to the clause end) that align with the
    /// other text, and the share of each side's non-name content words that align at all.</summary>
    internal static (double Scope, double CoverA, double CoverB) PolaritySupport(AnalyzedText ta, AnalyzedText tb)
    {
        var (neg, other) = Negated(ta) ? (ta, tb) : (tb, ta);
        bool cross = ta.Language != tb.Language;
        var scope = new HashSet<string>(StringComparer.Ordinal);
        var tokens = neg.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!IsPropositionNegation(tokens[i]))
            {
                continue;
            }

            int taken = 0;
            for (int k = i + 1; k < tokens.Count && taken < ScopeWords; k++)
            {
                if (ClauseBreak(neg.Text, tokens[k - 1], tokens[k]))
                {
                    break;
                }

                if (InScope(tokens[k]))
                {
                    scope.Add(tokens[k].Surface);
                    taken++;
                }
            }

            // a clause-final cue (German verb-final "… die Schließung der Bäder abgelehnt") negates the words before it
            for (int k = i - 1; taken == 0 && k >= 0 && scope.Count < ScopeWords; k--)
            {
                if (ClauseBreak(neg.Text, tokens[k], tokens[k + 1]))
                {
                    break;
                }

                if (InScope(tokens[k]))
                {
                    scope.Add(tokens[k].Surface);
                }
            }
        }

        // scope words aligned to distinct words of the other text (one compound matching two scope words counts once)
        int inScope = 0;
        var partners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var x in neg.Content)
        {
            if (x.Entity || x.Number || !scope.Contains(x.Surface))
            {
                continue;
            }

            inScope++;
            int partner = -1;
            double best = 0.5;
            for (int j = 0; j < other.Content.Count; j++)
            {
                var y = other.Content[j];
                double m = y.Entity || IsModal(y.Surface) ? 0 : SimilarityScorer.Match(x, y, cross);
                if (m >= best && (partner < 0 || m > best))
                {
                    (partner, best) = (j, m);
                }
            }

            if (partner >= 0)
            {
                partners.Add(other.Content[partner].Surface);
            }
        }

        return (inScope == 0 ? 0 : Math.Min(1.0, (double)partners.Count / inScope), Cover(ta, tb, cross), Cover(tb, ta, cross));
    }

    private const int ScopeWords = 5;

    /// <summary>Whether a text denies something: a negation cue other than a conditional "without" ("without
    /// corrective action the debt would climb" asserts the climb).</summary>
    internal static bool Negated(AnalyzedText t) => t.NegationCount > 0 && t.Tokens.Any(IsPropositionNegation);

    /// <summary>Whether a text states a negation without a negation cue: a word negated by its form ("unfilled",
    /// "unpaid", "harmless", "ungefährlich", "unbesetzt", "erfolglos") or a verb that says something does not happen
    /// ("cancelled", "called off", "abgesagt", "gescheitert"). Used only to cancel a cue on the other side, never to
    /// make a contradiction.</summary>
    internal static bool LexicallyNegated(AnalyzedText t) => t.Tokens.Any(k => k.Kind == TokenKind.Word && IsLexicalNegation(k.Lower, k.Capitalised, t.Language));

    internal static bool IsLexicalNegation(string lower, bool capitalised, string language)
    {
        if (InherentNegations.Contains(lower))
        {
            return true;
        }

        if (language == "de")
        {
            // lower-case adjectives and participles only: capitalised "Unfall", "Unwetter" are nouns of their own
            if (capitalised)
            {
                return false;
            }

            if (lower.Length >= 7 && lower.StartsWith("un", StringComparison.Ordinal) && !lower.StartsWith("unter", StringComparison.Ordinal)
                && !NotNegatingUn.Contains(lower) && GermanNegatedEndings.Any(e => lower.EndsWith(e, StringComparison.Ordinal)))
            {
                return true;
            }

            return lower.Length >= 7 && lower.EndsWith("los", StringComparison.Ordinal);
        }

        if (lower.Length >= 8 && lower.EndsWith("less", StringComparison.Ordinal) && !lower.StartsWith("regardless", StringComparison.Ordinal)
            && !lower.StartsWith("nevertheless", StringComparison.Ordinal) && !lower.StartsWith("unless", StringComparison.Ordinal))
        {
            return true;
        }

        if (lower.Length < 6 || !lower.StartsWith("un", StringComparison.Ordinal) || lower.StartsWith("under", StringComparison.Ordinal)
            || lower.StartsWith("unit", StringComparison.Ordinal) || lower.StartsWith("univ", StringComparison.Ordinal) || lower.StartsWith("uni", StringComparison.Ordinal) && !lower.StartsWith("unim", StringComparison.Ordinal)
            || NotNegatingUn.Contains(lower))
        {
            return false;
        }

        string rest = lower[2..];
        return !Reversatives.Any(r => rest.StartsWith(r, StringComparison.Ordinal)) && EnglishNegatedEndings.Any(e => rest.EndsWith(e, StringComparison.Ordinal));
    }

    /// <summary>Verbs and adjectives that deny that something happens or exists (folded forms as the tokenizer gives them).</summary>
    private static readonly HashSet<string> InherentNegations = new(StringComparer.Ordinal)
    {
        "cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling", "scrapped", "scraps", "abandoned", "abandons",
        "halted", "halts", "failed", "fails", "lacks", "lacked", "lacking", "absent", "missing",
        "abgesagt", "absagen", "gestrichen", "ausgefallen", "verzichtet", "verzichten", "verzichtete", "gescheitert", "scheiterte", "scheitert",
        "fehlt", "fehlen", "fehlte", "fehlten",
    };

    /// <summary>Endings of an English word whose "un-" negates it (participles and adjectives: "unfilled", "unpaid", "unharmed",
    /// "unclear", "unknown", "unsafe", "unable").</summary>
    private static readonly string[] EnglishNegatedEndings = ["ed", "en", "id", "able", "ible", "ful", "ing", "ear", "own", "afe", "ure", "ive", "ent", "ant", "ual", "ely", "ike"];

    /// <summary>Endings of a German lower-case word whose "un-" negates it ("unbesetzt", "unbezahlt", "ungefährlich", "unverletzt",
    /// "unklar", "unmöglich", "unabhängig").</summary>
    private static readonly string[] GermanNegatedEndings = ["t", "lich", "ig", "bar", "sam", "haft", "klar", "en", "e", "er", "es", "em"];

    /// <summary>"un-" verbs that reverse an action ("unveiled", "unlocked", "unloaded"): no negation.</summary>
    private static readonly string[] Reversatives =
        ["veil", "lock", "leash", "load", "pack", "fold", "cover", "wrap", "tie", "do", "earth", "ravel", "zip", "plug", "block", "seal", "screw", "mask", "dergo", "furl", "roll", "buckl", "tangl"];

    /// <summary>Words beginning with "un" that negate nothing.</summary>
    private static readonly HashSet<string> NotNegatingUn = new(StringComparer.Ordinal)
    {
        "unmittelbar", "unmittelbare", "unmittelbaren", "unmittelbarer", "ungeachtet", "unbedingt", "ungefähr", "ungefahr", "unzählige", "unzahlige", "unzähligen",
        "unprecedented", "unanimous", "unanimously", "unternehmen", "unterstützt",
    };

    private static bool IsPropositionNegation(Token t) => t.Negation && !string.Equals(t.Lower, "without", StringComparison.Ordinal);

    private static bool InScope(Token t) => !t.IsStop && t.Kind == TokenKind.Word && !t.Negation && !IsModal(t.Surface);

    /// <summary>Modal and wish verbs (folded lower case): they carry the attitude, not the proposition, and
    /// German "will" (wants) is no evidence against English "want" in another sentence.</summary>
    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal)
    {
        "want", "wants", "wanted", "wanting", "will", "would", "shall", "should", "may", "might", "must", "can", "could",
        "willst", "wollen", "wolle", "wollte", "wollten", "wollt", "mochte", "mochten", "mochtest", "wunsche", "wunschen", "wunscht",
        "soll", "solle", "sollen", "sollte", "sollten", "muss", "musse", "mussen", "musste", "kann", "konne", "konnen", "konnte", "konnten", "durfe", "darf",
    };

    private static bool IsModal(string surface) => Modals.Contains(TextFolding.ForMatching(surface.ToLowerInvariant()));

    /// <summary>From this link score a figure off by more than 3× is a distorted figure of the same sentence, not another quantity.</summary>
    private const double DistortedFigureScore = 0.4;

    /// <summary>Extra score a pair of opposite polarity needs to be linked as anything but a contradiction.</summary>
    private const double PolarityMargin = 0.1;

    /// <summary>Below this score a contradiction needs (nearly) every word of the negated scope on the other side.</summary>
    private const double WeakContradictionScore = 0.25;

    /// <summary>Score above which a pair of opposite polarity counts as the same proposition on its own.</summary>
    private const double StrongContradictionScore = 0.4;

    /// <summary>A contradiction needs the negated proposition itself on the other side: most words in the
    /// negation's scope align with the other text (not just a cue on one side plus topical overlap),
    /// or the pair is aligned strongly overall.</summary>
    internal static bool SameProposition(AnalyzedText ta, AnalyzedText tb, double score)
    {
        // the shared content must sit mostly in the negated clause ("plädiert für X, will aber keine Y" shares X, not Y)
        if (NegatedClauseShare(ta, tb) < 0.5)
        {
            return false;
        }

        var (scope, coverA, coverB) = PolaritySupport(ta, tb);
        return score >= StrongContradictionScore ? scope >= 0.4
            : score < WeakContradictionScore ? scope >= 0.75 && Math.Max(coverA, coverB) >= 0.25
            : scope >= 0.5 && Math.Max(coverA, coverB) >= 0.25;
    }

    /// <summary>Of the other text's content words that align with the negated text, the share whose match
    /// lies in a clause carrying the negation cue.</summary>
    internal static double NegatedClauseShare(AnalyzedText ta, AnalyzedText tb)
    {
        var (neg, other) = Negated(ta) ? (ta, tb) : (tb, ta);
        bool cross = ta.Language != tb.Language;
        var tokens = neg.Tokens;
        var clause = new HashSet<string>(StringComparer.Ordinal);
        int start = 0;
        for (int i = 0; i <= tokens.Count; i++)
        {
            if (i == tokens.Count || (i > 0 && ClauseBreak(neg.Text, tokens[i - 1], tokens[i])))
            {
                bool negated = false;
                for (int k = start; k < i; k++)
                {
                    negated |= tokens[k].Negation;
                }

                if (negated)
                {
                    for (int k = start; k < i; k++)
                    {
                        clause.Add(tokens[k].Surface);
                    }
                }

                start = i;
            }
        }

        int aligned = 0, inClause = 0;
        foreach (var y in other.Content)
        {
            if (y.Entity || y.Number || IsModal(y.Surface))
            {
                continue;
            }

            ContentToken? best = null;
            double bestScore = 0.5;
            foreach (var x in neg.Content)
            {
                double m = x.Entity || IsModal(x.Surface) ? 0 : SimilarityScorer.Match(y, x, cross);
                if (m >= bestScore)
                {
                    bestScore = m;
                    best = x;
                }
            }

            if (best is not null)
            {
                aligned++;
                if (clause.Contains(best.Surface))
                {
                    inClause++;
                }
            }
        }

        return aligned == 0 ? 0 : (double)inClause / aligned;
    }

    private static bool ClauseBreak(string text, Token previous, Token next) => Tokenizer.GapHasAny(text, previous, next, ",;:.!?");

    private static double Cover(AnalyzedText a, AnalyzedText b, bool cross)
    {
        int n = 0, aligned = 0;
        foreach (var x in a.Content)
        {
            if (x.Entity || x.Number || IsModal(x.Surface))
            {
                continue;
            }

            n++;
            if (b.Content.Any(y => !y.Entity && !IsModal(y.Surface) && SimilarityScorer.Match(x, y, cross) >= 0.5))
            {
                aligned++;
            }
        }

        return n == 0 ? 0 : (double)aligned / n;
    }

    private static readonly string[] RateQualifiers =
        ["annualized", "annualised", "annualisiert", "annualisierte", "run rate", "run-rate", "hochgerechnet", "aufs jahr gerechnet"];

    /// <summary>Whether a text qualifies its figure as an annualised or run-rate value.</summary>
    internal static bool RateQualified(string text)
    {
        string lower = text.ToLowerInvariant();
        return RateQualifiers.Any(q => lower.Contains(q, StringComparison.Ordinal));
    }

    internal static bool SpeakersDiffer(Claim a, Claim b)
    {
        if (a.Quote == QuoteKind.None || b.Quote == QuoteKind.None || string.IsNullOrWhiteSpace(a.SpeakerCandidate) || string.IsNullOrWhiteSpace(b.SpeakerCandidate))
        {
            return false;
        }

        string la = LastName(a.SpeakerCandidate);
        string lb = LastName(b.SpeakerCandidate);
        if (la == lb)
        {
            return false;
        }

        // an unnamed title holder or group ("spokesman (unnamed)", "sprecher (Küstenwache)", "prosecutors (unnamed)") is
        // nobody in particular: it may be anyone of the organisation, so it differs from no one (unknown, not a second speaker)
        if (UnnamedSpeaker(a.SpeakerCandidate) || UnnamedSpeaker(b.SpeakerCandidate))
        {
            return false;
        }

        // one text names the other's speaker (e.g. "the White House adviser"): not a misattribution
        return !Mentions(a.Text, b.SpeakerCandidate) && !Mentions(b.Text, a.SpeakerCandidate);
    }

    /// <summary>A speaker the extractor named by title or group, not by a person's or organisation's name: "title (organisation)"
    /// or "group (unnamed)".</summary>
    internal static bool UnnamedSpeaker(string speaker) => speaker.EndsWith(')') && speaker.Contains(" (", StringComparison.Ordinal);

    /// <summary>Does the claim's own sentence name its speaker (full name or last name)?</summary>
    internal static bool NamesOwnSpeaker(Claim c) => !string.IsNullOrWhiteSpace(c.SpeakerCandidate) && Mentions(c.Text, c.SpeakerCandidate);

    private static bool Mentions(string text, string speaker)
    {
        string folded = TextFolding.ForMatching(text.ToLowerInvariant());
        string s = TextFolding.ForMatching(speaker.ToLowerInvariant());
        return folded.Contains(s, StringComparison.Ordinal) || folded.Contains(LastName(speaker), StringComparison.Ordinal);
    }

    private static string LastName(string speaker)
    {
        var parts = TextFolding.ForMatching(speaker.ToLowerInvariant()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? string.Empty : parts[^1];
    }

    private static bool IsMisquote(Claim a, Claim b, AnalyzedText ta, AnalyzedText tb)
    {
        if (a.Quote != QuoteKind.Direct || b.Quote != QuoteKind.Direct || ta.Language != tb.Language ||
            string.IsNullOrWhiteSpace(a.QuotedWords) || string.IsNullOrWhiteSpace(b.QuotedWords))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(a.SpeakerCandidate) && !string.IsNullOrWhiteSpace(b.SpeakerCandidate) && LastName(a.SpeakerCandidate) != LastName(b.SpeakerCandidate))
        {
            return false;
        }

        string qa = NormalizeQuote(a.QuotedWords);
        string qb = NormalizeQuote(b.QuotedWords);
        if (qa.Contains(qb, StringComparison.Ordinal) || qb.Contains(qa, StringComparison.Ordinal))
        {
            return false;
        }

        var wa = qa.Split(' ').ToHashSet(StringComparer.Ordinal);
        var wb = qb.Split(' ').ToHashSet(StringComparer.Ordinal);
        double overlap = (double)wa.Count(wb.Contains) / Math.Min(wa.Count, wb.Count);
        return overlap >= 0.5;
    }

    private static bool IsExactQuote(Claim a, Claim b)
    {
        if (a.Quote != QuoteKind.Direct || b.Quote != QuoteKind.Direct || string.IsNullOrWhiteSpace(a.QuotedWords) || string.IsNullOrWhiteSpace(b.QuotedWords))
        {
            return false;
        }

        string qa = NormalizeQuote(a.QuotedWords);
        string qb = NormalizeQuote(b.QuotedWords);
        return qa.Length > 0 && qb.Length > 0 && (qa.Contains(qb, StringComparison.Ordinal) || qb.Contains(qa, StringComparison.Ordinal));
    }

    internal static string NormalizeQuote(string s) => TextFolding.AlphanumericRuns(TextFolding.ForMatching(s.ToLowerInvariant())).Trim(' ');

    /// <summary>Distinct aligned word pairs a link needs outside names, role titles, speech verbs and negation cues.</summary>
    private const int MinPropositionWords = 2;

    /// <summary>Number of distinct words of <paramref name="b"/> aligned to words of <paramref name="a"/> where
    /// neither side is a name, number, role title, speech verb or negation cue: the evidence that the two
    /// texts share a statement and not only a speaker ("sagte Vorstandschefin Helen Marsh").</summary>
    internal static int PropositionWords(AnalyzedText a, AnalyzedText b, IdfTable? idf = null)
    {
        bool cross = a.Language != b.Language;
        var partners = new HashSet<string>(StringComparer.Ordinal);
        bool rare = false;
        // each word is classified once per pair (not once per word pair): the role-title test is a regex
        var wordsB = b.Content.Where(y => IsPropositionWord(y, b)).ToList();
        foreach (var x in a.Content)
        {
            if (!IsPropositionWord(x, a))
            {
                continue;
            }

            ContentToken? best = null;
            double bestScore = 0.5;
            foreach (var y in wordsB)
            {

                double m = SimilarityScorer.Match(x, y, cross);
                if (m >= bestScore && (best is null || m > bestScore))
                {
                    (best, bestScore) = (y, m);
                }
            }

            if (best is not null)
            {
                partners.Add(best.Surface.ToLowerInvariant());
                // the English side's stem (German words count under their translations too)
                string stem = a.Language == "en" ? x.Stem : best.Stem;
                rare |= idf is not null && idf.Documents > 0 && idf.DocumentFrequency(stem) <= RareTermClaims;
            }
        }

        // figures that agree are shared content too ("186 Millionen Euro" ~ "186 million euros")
        int count = partners.Count + (SimilarityScorer.CompareNumbers(a, b).Agree > 0 ? 1 : 0);
        // one shared word that hardly any other claim uses ("Börsengang" ~ "public offering") is as good as two
        return count == 1 && rare ? MinPropositionWords : count;
    }

    /// <summary>A term in at most this many claims is rare enough to carry a link alone.</summary>
    private const int RareTermClaims = 2;

    private static bool IsPropositionWord(ContentToken t, AnalyzedText text)
    {
        if (t.Entity || t.Number || text.Entities.Contains(t.Key) || t.Surface.Length == 0)
        {
            return false;
        }

        string lower = t.Surface.ToLowerInvariant();
        return !StopWords.Negations.Contains(lower) && !AttributionWords.Contains(TextFolding.ForMatching(lower)) &&
            !IsRoleTitle(t.Surface);
    }

    /// <summary>Role-title verdicts by word: the role regex runs once per distinct word of a process (it was run for
    /// every word pair of every scored pair, millions of matches inside the matcher's parallel loop, and one of them
    /// exceeding the regex timeout on a loaded machine crashed the command). Bounded: past the cap a word is tested
    /// without being remembered.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> RoleTitles = new(StringComparer.Ordinal);

    private const int RoleTitleCacheCap = 200_000;

    /// <summary>Whether a single word is a role title ("Vorstandschefin", "CEO", "minister"). A regex timeout (a thread
    /// starved on a loaded machine; <see cref="SourceCheck.Text.RegexPolicy"/>) counts the word as a role title, i.e. as no evidence
    /// for a link: a pair may be missed, never linked on an unchecked word, and the command goes on.</summary>
    internal static bool IsRoleTitle(string word)
    {
        if (RoleTitles.TryGetValue(word, out bool known))
        {
            return known;
        }

        bool result;
        try
        {
            result = AttributionLexicon.RoleRegex().IsMatch(word);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            SourceCheck.Text.RegexPolicy.Skipped();
            return true;
        }

        if (RoleTitles.Count < RoleTitleCacheCap)
        {
            RoleTitles.TryAdd(word, result);
        }

        return result;
    }

    /// <summary>Speech verbs and attribution words (folded lower case) that say who said something, not what.</summary>
    private static readonly HashSet<string> AttributionWords = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "saying", "told", "tell", "tells", "wrote", "writes", "added", "adds", "according", "stated", "explained",
        "noted", "called", "spoke", "speaking", "interview", "statement", "reporters", "post", "posted",
        "sagte", "sagt", "sagten", "gesagt", "erklarte", "erklart", "schrieb", "schreibt", "betonte", "betont", "meinte", "laut", "zufolge",
        "sprach", "spricht", "aussage", "aussagen", "angaben", "mitteilung", "gesprach", "beitrag",
        // role titles said word by word ("chief executive", "Vorsitzende")
        "chief", "executive", "officer", "director", "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson", "vorsitzende", "vorsitzender",
        // units and scales belong to the figures, which are compared on their own
        "euro", "euros", "dollar", "dollars", "usd", "eur", "percent", "prozent", "million", "millions", "billion", "billions", "trillion",
        "millionen", "milliarde", "milliarden", "billionen", "mio", "mrd", "bn", "prozentpunkte", "points",
    };

    /// <summary>Whether two differing figures quantify the same thing: a content word next to one figure (up to
    /// four words either side, outside the figure) aligns with a word next to the other. Figures whose text
    /// cannot be located count as the same quantity.</summary>
    internal static bool SameQuantity(AnalyzedText ta, AnalyzedText tb, Figure fa, Figure fb)
    {
        var ca = FigureContext(ta, fa);
        var cb = FigureContext(tb, fb);
        if (ca is null || cb is null)
        {
            return true;
        }

        return ContextsAlign(ca, cb, ta.Language != tb.Language);
    }

    private static bool ContextsAlign(List<ContentToken> ca, List<ContentToken> cb, bool cross) =>
        ca.Any(x => cb.Any(y => SimilarityScorer.Match(x, y, cross) >= 0.5));

    private const int FigureWindow = 4;

    /// <summary>Plain counts ("4,200 patients" vs "2,400 patients"): figures without a unit whose neighbouring
    /// words align, none of them agreeing. Years and small numbers (≤ 31: days, ordinals, list items) are left out.</summary>
    internal static (Figure A, Figure B)? CountsDiffer(AnalyzedText ta, AnalyzedText tb)
    {
        if (ta.Figures.IsDefaultOrEmpty || tb.Figures.IsDefaultOrEmpty)
        {
            return null;
        }

        static bool Count(Figure f) => string.IsNullOrEmpty(f.Unit) && f.ValueMax is null && Math.Abs(f.Value) > 31 &&
            !(f.Value >= 1900 && f.Value <= 2100 && f.Value == Math.Floor(f.Value));

        // counts whose words next to them can be located; each context found once
        bool cross = ta.Language != tb.Language;
        var others = tb.Figures.Where(Count).Select(f => (Figure: f, Context: FigureContext(tb, f))).Where(x => x.Context is not null).ToList();
        (Figure, Figure)? differ = null;
        foreach (var fa in ta.Figures.Where(Count))
        {
            if (FigureContext(ta, fa) is not { } ca)
            {
                continue;
            }

            foreach (var (fb, cb) in others)
            {
                if (!ContextsAlign(ca, cb!, cross))
                {
                    continue;
                }

                if (SimilarityScorer.SameValue(fa, fb))
                {
                    return null;
                }

                differ ??= (fa, fb);
            }
        }

        return differ;
    }

    private static List<ContentToken>? FigureContext(AnalyzedText t, Figure f)
    {
        int at = string.IsNullOrEmpty(f.Text) ? -1 : t.Text.IndexOf(f.Text, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        int end = at + f.Text.Length;
        var words = new HashSet<string>(StringComparer.Ordinal);
        var tokens = t.Tokens;
        int first = tokens.Count, last = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Offset < end && tokens[i].Offset + tokens[i].Surface.Length > at)
            {
                first = Math.Min(first, i);
                last = Math.Max(last, i);
            }
        }

        if (last < 0)
        {
            return null;
        }

        for (int dir = -1; dir <= 1; dir += 2)
        {
            int taken = 0;
            for (int k = dir < 0 ? first - 1 : last + 1; k >= 0 && k < tokens.Count && taken < FigureWindow; k += dir)
            {
                var tok = tokens[k];

                if (tok.IsStop || tok.Kind != TokenKind.Word || tok.Negation)
                {
                    continue;
                }

                words.Add(tok.Surface);
                taken++;
            }
        }

        return t.Content.Where(c => !c.Number && words.Contains(c.Surface) && !AttributionWords.Contains(TextFolding.ForMatching(c.Surface.ToLowerInvariant()))).ToList();
    }

    /// <summary>Pairs of surface words that align (same stem/name/number, or lexicon translation).</summary>
    internal static List<string> AlignedWords(AnalyzedText a, AnalyzedText b, out int contentWords)
    {
        contentWords = 0;
        bool cross = a.Language != b.Language;
        var result = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var x in a.Content)
        {
            ContentToken? best = null;
            double bestScore = 0;
            foreach (var y in b.Content)
            {
                double m = SimilarityScorer.Match(x, y, cross);
                if (m > bestScore)
                {
                    bestScore = m;
                    best = y;
                }
            }

            if (best is not null && bestScore >= 0.5)
            {
                string pair = string.Equals(x.Surface, best.Surface, StringComparison.OrdinalIgnoreCase) ? x.Surface : $"{x.Surface}~{best.Surface}";
                if (used.Add(pair))
                {
                    result.Add(pair);
                    if (!x.Entity && !x.Number && !a.Entities.Contains(x.Key))
                    {
                        contentWords++;
                    }
                }
            }
        }

        return result;
    }
}
