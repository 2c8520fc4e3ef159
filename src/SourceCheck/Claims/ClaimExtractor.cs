using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SourceCheck.Documents;
using SourceCheck.Text;

namespace SourceCheck.Claims;

/// <summary>Extracts check-worthy claims from an article: sentences that carry a figure, a quotation, a
/// reported statement (speech verb with content, German Konjunktiv/dass-clauses, English reported speech)
/// or a source cue ("according to", "laut", "nach eigenen Angaben"). Each claim is attributed: speaker
/// (surnames, pronouns and role titles resolved to the person the article names), the mention as written,
/// channel ("X (post)", "Harbor Tech Summit (conference)") and reporting outlet ("wie „Zeit“ berichtet",
/// dateline outlet). Headlines, headings, questions, boilerplate and the bibliography block are skipped.</summary>
internal static partial class ClaimExtractor
{
    /// <param name="text">The article text (offsets in claims refer to it).</param>
    /// <param name="documentId">Document id/file name stored in each claim.</param>
    /// <param name="language">"de" or "en"; null to detect.</param>
    public static IReadOnlyList<Claim> Extract(string text, string documentId, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(ArticleReader.FromText(text, documentId, language), documentId);
    }

    /// <summary>Claims of an article read by <see cref="ArticleReader"/>; offsets refer to <see cref="Article.Text"/>.</summary>
    public static IReadOnlyList<Claim> Extract(Article article, string? documentId = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        var run = new Run(article, documentId ?? article.Name ?? "doc");
        return run.Execute();
    }

    /// <summary>Claims with the sentence class that named each one's speaker (for the attribution bench's per-class
    /// table); the claims are those of <see cref="Extract(Article, string?)"/>.</summary>
    /// <param name="precise">false: also the classes the precision policy answers with "unknown" (to measure them).</param>
    internal static IReadOnlyList<(Claim Claim, SpeakerRule Rule)> ExtractWithRules(Article article, string? documentId = null, bool precise = true)
    {
        ArgumentNullException.ThrowIfNull(article);
        var run = new Run(article, documentId ?? article.Name ?? "doc", precise);
        var claims = run.Execute();
        return [.. claims.Select((c, i) => (c, run.Rules[i]))];
    }

    /// <summary>The class of sentence structure that gave a claim its speaker.</summary>
    internal enum SpeakerRule
    {
        /// <summary>No speaker.</summary>
        None,

        /// <summary>A person named before the speech verb ("Kessler said", "Albers sagte").</summary>
        PersonBeforeVerb,

        /// <summary>A person named after the speech verb ("sagte Albers", "said Kessler").</summary>
        PersonAfterVerb,

        /// <summary>The words first, then verb, role phrase and name ("…, sagte die Sprecherin des Weißen Hauses, Karoline Leavitt").</summary>
        ApposedAfterVerb,

        /// <summary>A pronoun resolved to a person named before ("he said").</summary>
        Pronoun,

        /// <summary>A role noun resolved to the person the article gave that role ("the CEO" after "CEO Craig Menear"), or to
        /// the speaker of the claim before in the same paragraph ("sagt der Drusenführer").</summary>
        Role,

        /// <summary>A role noun no named person holds, resolved to the most recent person ("der Anwalt" → whoever was named
        /// last): a guess; under the precision policy its speaker is unknown, except for a role compounded with an
        /// organisation ("der OpenAI-Chef").</summary>
        RoleGuess,

        /// <summary>An organisation or institution as subject ("Home Depot said", "sagte die Polizei", "they said").</summary>
        Organisation,

        /// <summary>Unnamed officials or title holders ("prosecutors said", "a spokesman for the agency").</summary>
        Group,

        /// <summary>A source cue governs the sentence ("laut X", "according to X").</summary>
        Cue,

        /// <summary>A bare capitalised word next to the verb that the article never named in full ("Phil said").</summary>
        BareName,

        /// <summary>No speech verb or cue: the first mention at the start of the sentence, a person or an organisation by its name.</summary>
        NoVerbFirstMention,

        /// <summary>No speech verb or cue: the first mention at the start of the sentence, an organisation or group written
        /// with an article ("Die Landesregierung verkenne …" is what someone else says about it).</summary>
        NoVerbFirstOrganisation,

        /// <summary>The speaker of the claim before goes on (continued quotation, Konjunktiv I, quoted words with nobody named, "Das sagte X").</summary>
        Continuation,

        /// <summary>A quotation opening the sentence after one about a person ("X freut sich … „…“").</summary>
        IntroducedBefore,

        /// <summary>A pronoun that resolves to the speaker of the claim before (same or previous paragraph) when nobody else
        /// was named since that claim began ("Kessler said … He added"): the sub-class of <see cref="Pronoun"/> that kept its
        /// precision on pages the rules were not written on. A class for the precision policy only: the rules read
        /// <see cref="Pronoun"/>.</summary>
        PronounGoingOn,

        /// <summary>The speaker of the claim before goes on within the same paragraph and nobody else was named since that
        /// claim began: the sub-class of <see cref="Continuation"/> measured apart (precision policy only).</summary>
        ContinuationSameParagraph,

        /// <summary>A pronoun whose antecedent is the only person named since the sentence before began, in the same paragraph
        /// ("Auch Sam Altman … schaltete sich ein. Er bekräftigte …"): a sub-class of <see cref="Pronoun"/> (precision policy only).</summary>
        PronounSubjectBefore,

        /// <summary>A bare name in quotation marks next to the verb: a publication ("wie das „Handelsjournal“ berichtet"), a
        /// sub-class of <see cref="BareName"/> (precision policy only).</summary>
        BareNameQuoted,

        /// <summary>A German pronoun ("er", "sie") whose antecedent has no known gender (no given name the article or the name
        /// lists tell apart: "Rektorin Eileen", a brand taken for a name), so gender cannot confirm it: a sub-class of
        /// <see cref="Pronoun"/>, <see cref="PronounSubjectBefore"/> and a pronoun first mention (precision policy only).</summary>
        PronounGenderUnknown,

        /// <summary>The speaker of the claim before goes on in the next paragraph (a quote paragraph with no attribution) and
        /// nobody else was named since that claim began: the sub-class of <see cref="Continuation"/> with exactly one
        /// candidate (precision policy only).</summary>
        ContinuationOnlyPerson,
    }

    /// <summary>Longest sentence analysed (characters); longer "sentences" are skipped.</summary>
    public const int MaxSentenceLength = 2000;

    private enum MentionKind
    {
        Person,
        Pronoun,
        Role,
        Org,
        Group,
    }

    private sealed record Mention(int Start, int End, MentionKind Kind, Person? Person, string Text, string? Name)
    {
        /// <summary>A role resolved by a guess (no named person holds it).</summary>
        public bool Guessed { get; init; }

        /// <summary>A pronoun that could mean more than one person named just before, or a person of unknown gender: it
        /// stays the sentence's subject, with no name (the speaker is unknown rather than a guess).</summary>
        public bool Ambiguous { get; init; }
    }

    private sealed class Draft
    {
        public required TextSpan Span { get; init; }

        public required int Paragraph { get; init; }

        public QuoteKind Quote { get; set; }

        public string? QuotedWords { get; set; }

        public string? Speaker { get; set; }

        public string? SpeakerMention { get; set; }

        public string? Channel { get; set; }

        public bool ChannelLater { get; set; }

        public string? Outlet { get; set; }

        public ImmutableArray<Figure> Figures { get; set; } = [];

        /// <summary>Not a claim: a sentence that only names a speaker's channel ("… sprach während einer
        /// Veranstaltung des Wall Street Journal"); takes part in channel propagation, not in the output.</summary>
        public bool Phantom { get; init; }

        public SpeakerRule Rule { get; set; }

        /// <summary>The sentence class the precision policy reads (<see cref="Rule"/> or one of its measured sub-classes).</summary>
        public SpeakerRule Class { get; set; }

        /// <summary>The rules found <see cref="Speaker"/> but its class was too often wrong on untuned pages: the claim reports
        /// the speaker as unknown, while matching and the following sentences' rules still read <see cref="Speaker"/>.</summary>
        public bool Unconfirmed { get; set; }
    }

    private sealed class Run(Article article, string documentId, bool precise = true)
    {
        private readonly string _text = article.Text;
        private readonly string _lang = article.Language;
        private readonly PersonIndex _people = PersonIndex.Build(article.Text, article.Title, article.Language);
        private readonly List<(int Offset, Person Person)> _history = [];

        /// <summary>The last organisation that spoke as a subject ("Big Machine says …"), for "they said"/"it says".</summary>
        private (string Name, int Paragraph)? _lastOrg;

        /// <summary>The speaker rule of each claim returned by <see cref="Execute"/>, in order.</summary>
        public List<SpeakerRule> Rules { get; } = [];

        public IReadOnlyList<Claim> Execute()
        {
            var drafts = new List<Draft>();
            for (int p = 0; p < article.Paragraphs.Length; p++)
            {
                var para = article.Paragraphs[p];
                if (para.Kind is not (ParagraphKind.Body or ParagraphKind.ListItem))
                {
                    continue;
                }

                int start = para.Span.Start;
                if (article.Dateline is { } dl && dl.Start >= para.Span.Start && dl.Start < para.Span.End)
                {
                    start = dl.End;
                }

                TextSpan? before = null;
                bool beforeClaim = false;
                foreach (var s in SentenceSplitter.Split(_text, start, para.Span.End))
                {
                    if (s.Length > MaxSentenceLength)
                    {
                        continue; // not a sentence (a run-on line, a table, a pasted blob)
                    }

                    var sentenceBefore = before;
                    bool sentenceBeforeClaim = beforeClaim;
                    before = s;
                    beforeClaim = false;

                    Draft? draft;
                    try
                    {
                        draft = Analyse(s, p, drafts.LastOrDefault(d => !d.Phantom));
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        // the regex policy: give this sentence up, count it (warning SC4011)
                        RegexPolicy.Skipped();
                        draft = null;
                    }

                    if (draft is not null)
                    {
                        // "… verwendet. Das sagte Tim Stein": the sentence before is the speaker's
                        if (sentenceBefore is { } sb && !sentenceBeforeClaim && draft.Speaker is not null && BackReferenceRegex().IsMatch(_text, s.Start))
                        {
                            drafts.Add(new Draft { Span = sb, Paragraph = p, Quote = QuoteKind.Indirect, Speaker = draft.Speaker, SpeakerMention = "(back reference)", Channel = draft.Channel, Rule = SpeakerRule.Continuation, Unconfirmed = draft.Unconfirmed });
                        }

                        drafts.Add(draft);
                        beforeClaim = !draft.Phantom;
                    }
                }
            }

            Propagate(drafts);
            var claims = new List<Claim>(drafts.Count);
            foreach (var d in drafts.Where(x => !x.Phantom))
            {
                claims.Add(new Claim($"{documentId}-c{claims.Count + 1}", documentId, _lang, _text.Substring(d.Span.Start, d.Span.Length),
                    d.Span, d.Quote, d.QuotedWords, d.Unconfirmed ? null : d.Speaker, d.Unconfirmed ? null : d.SpeakerMention, d.Channel, d.Outlet, d.Figures)
                {
                    SpeakerCandidate = d.Speaker,
                });
                Rules.Add(d.Speaker is null || d.Unconfirmed ? SpeakerRule.None : d.Class == SpeakerRule.None ? d.Rule : d.Class);
            }

            return claims;
        }

        private Draft? Analyse(TextSpan span, int paragraph, Draft? previous)
        {
            int s = span.Start, e = span.End;
            string sentence = _text.Substring(s, span.Length);
            var quotes = QuoteScanner.FindTopLevel(_text, s, e);
            bool InQuote(int pos) => quotes.Any(q => pos > q.OpenIndex && pos < q.CloseIndex);

            // a quotation spread over several sentences of the paragraph: the names inside it are what the words are about,
            // never who speaks („Alex Wynaendts hat … beigetragen. Wir haben ihn …“)
            var spread = ParagraphQuotes(paragraph);
            // a paragraph that opens a quotation it never closes (it goes on in the next paragraph) is quoted words throughout
            bool openParagraph = InOpenQuoteParagraph(paragraph, article.Paragraphs[paragraph].Span.Start);
            bool InAnyQuote(int pos) => InQuote(pos) || InsideTopLevel(spread, pos);
            bool inSpread = InsideTopLevel(spread, s);
            _pronounWindow = _sentenceBefore < 0 ? s : _sentenceBefore; // a pronoun's rivals: people named since the sentence before began
            _sentenceBefore = s;
            var mentions = FindMentions(s, e, InAnyQuote);
            if (openParagraph && FindSpeechVerb(s, e, InQuote) is null)
            {
                mentions.Clear(); // names inside the open quotation are what it is about; the quoted speaker goes on
            }

            if (!openParagraph)
            {
                RecordHistory(mentions); // names quoted by someone are not candidates for a later "he"/"she"
            }

            var prevSentence = _prevSentence;
            _prevSentence = (e, paragraph, SubjectOf(mentions.Where(m => !IsPossessive(m) && !AfterPreposition(m.Start, s)).ToList(), s), false);

            if (IsQuestion(sentence) || WordCount(sentence) < 4)
            {
                return null;
            }

            // verbs and cues (outside quotes)
            (int Start, int End)? verb = FindSpeechVerb(s, e, InQuote);
            (int Start, int End)? cue = null;
            if (verb is null)
            {
                foreach (Match m in Scan(AttributionLexicon.SourceCueRegex(), s, e))
                {
                    if (!InQuote(m.Index))
                    {
                        cue = (m.Index, m.Index + m.Length);
                        break;
                    }
                }
            }

            var figures = FigureExtractor.Extract(_text, s, e, _lang);
            QuoteRange? main = null;
            int mainWords = 0;
            foreach (var q in quotes)
            {
                int words = WordCount(_text.AsSpan(q.InnerStart, q.InnerEnd - q.InnerStart));
                if (IsTitleLike(_text.AsSpan(q.InnerStart, q.InnerEnd - q.InnerStart)))
                {
                    continue; // „Wall Street Journal“, "The Decoder": a name, not someone's words
                }

                if (words >= 2 && words > mainWords)
                {
                    main = q;
                    mainWords = words;
                }
            }

            bool quoteAtStart = main is { } mq && mq.OpenIndex <= s + 1;
            bool colonBefore = main is { } mc && mc.OpenIndex - 3 >= s && _text.AsSpan(mc.OpenIndex - 3, 3).Contains(':');
            bool direct = main is not null && (mainWords >= 8 || quoteAtStart || colonBefore);
            bool nonResponse = AttributionLexicon.NonResponseRegex().IsMatch(sentence);
            bool worthy = (verb is not null && !nonResponse) || cue is not null || (main is not null && mainWords >= 3) || figures.Length > 0;
            // German reported speech going on in the next sentence: „…“, sagte X. Die Stadt habe jahrelang … (Konjunktiv I, no new speaker verb)
            bool reported = !nonResponse && _lang == "de" && previous is { Speaker: not null, Quote: not QuoteKind.None } &&
                paragraph - previous.Paragraph <= 1 && string.IsNullOrWhiteSpace(_text[previous.Span.End..s]) && HasKonjunktivOne(sentence, quotes, s);
            bool continued = !worthy && reported;
            // a quotation over several paragraphs: a paragraph that opens with a quotation mark the paragraph does not close
            // goes on with the previous claim's speaker
            bool openQuote = previous is { Speaker: not null } && paragraph - previous.Paragraph <= 1 && InOpenQuoteParagraph(paragraph, s);
            worthy |= (openQuote || inSpread) && WordCount(sentence) >= 3;
            // a dated plan or forecast ("plans to file for approval in the first half of 2027", "will … 2027 beantragen")
            worthy |= continued || (!nonResponse && main is null && PlanWithYearRegex().IsMatch(sentence));
            // a plain factual sentence other articles can repeat: a named actor or place and a reported event (nobody speaks)
            bool plainFact = !worthy && !nonResponse && main is null && PlainFact(sentence, _lang, mentions);
            worthy |= plainFact;
            if (!worthy || (nonResponse && figures.Length == 0 && main is null))
            {
                var person = mentions.FirstOrDefault(m => m.Kind is MentionKind.Person or MentionKind.Pronoun or MentionKind.Role);
                if (person is not null && FindChannel(s, e, sentence, person) is { Channel: { } ch, Later: var later })
                {
                    return new Draft { Span = span, Paragraph = paragraph, Phantom = true, Speaker = person.Name, Channel = ch, ChannelLater = later };
                }

                return null;
            }

            var draft = new Draft { Span = span, Paragraph = paragraph, Figures = figures };
            if (main is { } mqq)
            {
                string inner = _text[mqq.InnerStart..mqq.InnerEnd].Trim().TrimEnd(',').TrimEnd();
                draft.QuotedWords = direct || mainWords >= 2 ? inner : null;
            }

            // speaker: the mention nearest to the verb or cue
            var anchor = verb ?? cue;
            Mention? speaker = null;
            var rule = SpeakerRule.None;
            // "…, sagte die Sprecherin des Weißen Hauses, Karoline Leavitt.": the words come first, so what follows the verb is its
            // subject, a name in apposition included
            bool contentBefore = verb is { } vcb && ContentBeforeVerb(s, vcb.Start);
            if (anchor is { } a)
            {
                int best = int.MaxValue;
                // "he told Bioscope Daily": who follows "told" is the listener, not the speaker
                bool toldVerb = _text.AsSpan(a.Start, a.End - a.Start) is "told" or "tells" or "tell";
                foreach (var m in mentions)
                {
                    bool tailSubject = contentBefore && verb is not null && m.Kind == MentionKind.Person && m.Start >= a.End && ApposedSubject(a.End, m.Start, m.End, e);
                    if (!tailSubject && m.Start >= a.End && (InContentClause(a.End, m.Start) || (_lang == "en" && !AtClauseEnd(m.End, e) && !_text.AsSpan(m.End, e - m.End).TrimStart().StartsWith("who", StringComparison.Ordinal))))
                    {
                        continue; // "said that Rudolph …", "says she will …": who the words are about, not who speaks
                    }

                    if ((IsPossessive(m) || AfterPreposition(m.Start, s)) && !OpinionPhraseAfter(m.End))
                    {
                        continue; // "Anwar’s daughter", "Auf Bennetts Interview antwortete …": an owner or a place in a phrase, not the subject
                    }

                    int gap = m.End <= a.Start ? a.Start - m.End : m.Start >= a.End ? m.Start - a.End : 0;
                    gap += toldVerb && m.Start >= a.End ? 60 : 0;
                    gap += m.Kind switch { MentionKind.Org => 20, MentionKind.Group => 10, _ => 0 };
                    gap = tailSubject ? 0 : gap;

                    if (gap < best && gap <= 150)
                    {
                        best = gap;
                        speaker = m;
                        rule = m.Kind switch
                        {
                            MentionKind.Pronoun => SpeakerRule.Pronoun,
                            MentionKind.Role => m.Guessed ? SpeakerRule.RoleGuess : SpeakerRule.Role,
                            MentionKind.Org => SpeakerRule.Organisation,
                            MentionKind.Group => SpeakerRule.Group,
                            _ when verb is null => SpeakerRule.Cue,
                            _ when tailSubject => SpeakerRule.ApposedAfterVerb,
                            _ => m.Start >= a.End ? SpeakerRule.PersonAfterVerb : SpeakerRule.PersonBeforeVerb,
                        };
                    }
                }
            }

            if (anchor is { } av && verb is not null)
            {
                // '"…," the prosecutor's office said': the speaker stands between the closing quotation mark and the verb
                int close = ClosingQuoteBefore(av.Start, s);

                if (close >= 0 && speaker is not null && speaker.End <= close && AtClauseEnd(av.End, e))
                {
                    speaker = null;
                }

                if (OrgSubject(s, av.Start, paragraph) is { } os && (speaker is null || (speaker.End <= os.Start && os.Text is not ("they" or "They" or "it" or "It"))))
                {
                    speaker = os; // the subject right before the verb: "…, prosecutors said", "Dick Clark Productions, denies …"
                    rule = os.Kind switch { MentionKind.Group => SpeakerRule.Group, MentionKind.Person => SpeakerRule.BareName, _ => SpeakerRule.Organisation };
                }

                if (speaker is { Kind: MentionKind.Pronoun } pr && previous is { Speaker: { } ps } && paragraph - previous.Paragraph <= 1
                    && pr.Start < av.Start && _people.People.FirstOrDefault(x => x.FullName == ps) is { } prevPerson && prevPerson != pr.Person
                    && (prevPerson.Gender == Gender.Unknown || (prevPerson.Gender == Gender.Female) == (pr.Text is "she" or "She" or "sie" or "Sie")))
                {
                    speaker = pr with { Person = prevPerson, Name = prevPerson.FullName }; // "X said … He added": the speaker goes on
                    rule = SpeakerRule.Pronoun;
                }

                if (speaker is null && OrgAfterVerbRegex().Match(_text, av.End, e - av.End) is { Success: true } oa)
                {
                    // "antwortete die Partei des Religiösen Zionismus:", "sagte die Polizei": an institution after the verb is its subject
                    var head = oa.Groups["n"];
                    string orgName = oa.Groups["of"].Success ? head.Value : ResolveInstitution(oa.Groups["art"].Value + " " + head.Value, av.End);
                    if (orgName.StartsWith(oa.Groups["art"].Value + " ", StringComparison.Ordinal))
                    {
                        orgName = orgName[(oa.Groups["art"].Value.Length + 1)..];
                    }

                    speaker = new Mention(head.Index, head.Index + head.Length, MentionKind.Org, null, head.Value, orgName);
                    rule = SpeakerRule.Organisation;
                }

                if (speaker is null && RoleAfterVerbRegex().Match(_text, av.End, e - av.End) is { Success: true } ra)
                {
                    var going = SpeakerGoingOn(previous, paragraph, ra.Groups["art"].Value);
                    if ((going ?? LastPersonBefore(s, ra.Groups["art"].Value)) is { } rp)
                    {
                        speaker = new Mention(ra.Index, ra.Index + ra.Length, MentionKind.Role, rp, ra.Value.Trim(), rp.FullName); // "twitterte der … Aufbauspieler"
                        rule = going is null ? SpeakerRule.RoleGuess : SpeakerRule.Role;
                    }
                }
            }

            bool opensWithQuote = quoteAtStart || (main is null && s < e && _text[s] is '„' or '“' or '"' or '«' or '»');
            if (anchor is null && speaker is null && opensWithQuote && mentions.Count == 0 && prevSentence is { Subject: { } subject, Claim: false } pst
                && pst.Paragraph >= paragraph - 1 && string.IsNullOrWhiteSpace(_text[pst.End..s]))
            {
                // "Der Vorstandsvorsitzende Christian Sewing freut sich … „Alex Wynaendts hat …“": the person the sentence before
                // is about introduces the quotation that follows it
                speaker = new Mention(s, s, MentionKind.Person, subject, subject.FullName, subject.FullName);
                rule = SpeakerRule.IntroducedBefore;
            }
            else if (anchor is null && direct && quoteAtStart && previous is { Speaker: not null } && paragraph - previous.Paragraph <= 1)
            {
                draft.Speaker = previous.Speaker;
                draft.Rule = SpeakerRule.Continuation;
                draft.SpeakerMention = "(continuation)";
                draft.Channel = previous.Channel;
                draft.Outlet = previous.Outlet;
            }
            else if (anchor is null && mentions.Count > 0 && mentions[0].Start - s <= 30)
            {
                speaker = mentions[0];
                // "According to the company, …": a source phrase before the mention governs it
                bool sourcePhrase = SourcePhraseRegex().IsMatch(_text.AsSpan(s, mentions[0].Start - s));
                rule = sourcePhrase ? SpeakerRule.Cue
                    : mentions[0].Kind is MentionKind.Org or MentionKind.Group && ArticleOpening(mentions[0].Text) ? SpeakerRule.NoVerbFirstOrganisation
                    : mentions[0].Kind == MentionKind.Role && mentions[0].Guessed ? SpeakerRule.RoleGuess : SpeakerRule.NoVerbFirstMention;
            }

            if ((continued || reported) && speaker is null && draft.Speaker is null && previous is not null)
            {
                draft.Speaker = previous.Speaker;
                draft.Rule = SpeakerRule.Continuation;
                draft.SpeakerMention = "(continuation)";
                draft.Channel = previous.Channel;
                draft.Outlet = previous.Outlet;
            }

            if (cue is { } cg && verb is null && CueSpeaker(cg.Start, cg.End, mentions) is { } governed)
            {
                speaker = governed; // "laut MVB", "according to Reuters", "laut Trainer Pep Guardiola"
                rule = SpeakerRule.Cue;
            }

            if (speaker is null && verb is { } vo && OrgSubject(s, vo.Start, paragraph) is { } org)
            {
                speaker = org; // "Big Machine have twice denied …", ", prosecutors said", "Die Verbraucherzentrale erläutert …"
                rule = org.Kind switch { MentionKind.Group => SpeakerRule.Group, MentionKind.Person => SpeakerRule.BareName, _ => SpeakerRule.Organisation };
            }

            if (speaker is null && verb is { } vb && NameNextToVerb(vb.Start, vb.End, s, e) is { } bare)
            {
                // "Kessler said …" with no full name anywhere in the article: the bare name ("Phil said" → the pair it opens)
                string word = _text[bare.Start..bare.End];
                speaker = new Mention(bare.Start, bare.End, MentionKind.Person, null, word, _people.PairFor(word) ?? word);
                rule = SpeakerRule.BareName;
            }

            if (speaker is null && draft.Speaker is null && openQuote && previous is not null)
            {
                draft.Speaker = previous.Speaker;
                draft.Rule = SpeakerRule.Continuation;
                draft.SpeakerMention = "(continuation)";
                draft.Channel = previous.Channel;
                draft.Outlet = previous.Outlet;
                direct = true;
            }

            if (speaker is null && draft.Speaker is null && (inSpread || (main is not null && mainWords >= 3)) && mentions.Count == 0
                && previous is { Speaker: not null } && paragraph - previous.Paragraph <= 1)
            {
                // quoted words with nobody named: the speaker of the preceding claim goes on
                draft.Speaker = previous.Speaker;
                draft.Rule = SpeakerRule.Continuation;
                draft.SpeakerMention = "(implicit)";
            }

            if (rule == SpeakerRule.RoleGuess && speaker?.Name is { } gn && previous is { Speaker: { } ps2 } && previous.Paragraph == paragraph && gn == ps2)
            {
                rule = SpeakerRule.Role; // "…, so die Managerin" right after that person's quotation: the speaker goes on
            }

            // the precision policy's class: the sub-classes of pronoun, continuation and bare name measured apart on pages the
            // rules were not written on (the rules themselves go on reading the plain class)
            var cls = rule;
            if (rule == SpeakerRule.Pronoun && speaker is { Person: { } pp } && previous is { Speaker: { } gs } && gs == pp.FullName
                && paragraph - previous.Paragraph <= 1 && OnlyPersonSince(previous.Span.Start, e, gs))
            {
                cls = SpeakerRule.PronounGoingOn;
            }
            else if (rule == SpeakerRule.Pronoun && speaker is { Person: { } ps3 } && prevSentence is { } pv && pv.Paragraph == paragraph
                && _pronounWindow < s && OnlyPersonSince(_pronounWindow, e, ps3.FullName))
            {
                cls = SpeakerRule.PronounSubjectBefore;
            }
            else if (rule == SpeakerRule.BareName && speaker is { } bq && bq.Start > 0 && _text[bq.Start - 1] is '„' or '“' or '"' or '«' or '»')
            {
                cls = SpeakerRule.BareNameQuoted;
            }

            if (_lang == "de" && speaker is { Kind: MentionKind.Pronoun, Person.Gender: Gender.Unknown }
                && cls is SpeakerRule.Pronoun or SpeakerRule.PronounSubjectBefore or SpeakerRule.NoVerbFirstMention)
            {
                cls = SpeakerRule.PronounGenderUnknown; // "er"/"sie" that gender cannot confirm
            }

            if (speaker is null && draft is { Speaker: { } cs, Rule: SpeakerRule.Continuation })
            {
                draft.Class = previous is { } pc && OnlyPersonSince(pc.Span.Start, e, cs)
                    ? pc.Paragraph == paragraph ? SpeakerRule.ContinuationSameParagraph
                    : paragraph - pc.Paragraph == 1 ? SpeakerRule.ContinuationOnlyPerson : SpeakerRule.Continuation
                    : SpeakerRule.Continuation;
                draft.Unconfirmed = precise && Unconfirmed(draft.Class, _lang); // a continuation of a class that was often wrong
            }

            var chosen = speaker; // the quote kind does not depend on whether the speaker is named
            if (speaker is not null && ((precise && Unreliable(rule)) || plainFact))
            {
                speaker = null; // prefer "unknown" to a guess (see Unreliable); a plain fact has no speaker
                draft.Speaker = null;
                draft.SpeakerMention = null;
            }

            if (speaker is not null)
            {
                draft.Speaker = speaker.Kind is MentionKind.Person or MentionKind.Org && speaker.Name is { } sn ? FullNameFor(sn) : speaker.Name;
                draft.SpeakerMention = speaker.Text;
                draft.Rule = rule;
                draft.Class = cls;
                draft.Unconfirmed = precise && Unconfirmed(cls, _lang);
                if (speaker.Kind == MentionKind.Org && speaker.Name is { } on)
                {
                    _lastOrg = (on, paragraph);
                }
            }

            draft.Quote = direct ? QuoteKind.Direct
                : verb is not null || continued || (_lang == "de" && HasKonjunktiv(sentence) && cue is not null && chosen?.Kind is MentionKind.Person or MentionKind.Pronoun or MentionKind.Role) ? QuoteKind.Indirect
                : QuoteKind.None;
            if (draft.Quote == QuoteKind.None && cue is not null && chosen?.Kind is MentionKind.Person or MentionKind.Pronoun or MentionKind.Role)
            {
                draft.Quote = QuoteKind.Indirect; // "nach Oseis Ansicht", "laut Altman"
            }

            (draft.Channel, draft.ChannelLater) = FindChannel(s, e, sentence, speaker);
            draft.Channel ??= previous is not null && draft.SpeakerMention == "(continuation)" ? previous.Channel : null;
            draft.Outlet = FindOutlet(s, e) ?? draft.Outlet;
            _prevSentence = (e, paragraph, _prevSentence?.Subject, true);
            return draft;
        }

        /// <summary>A German "berichtete" whose subject is no outlet: a function word ("So berichtete …") or a noun in a phrase
        /// ("von einem ruhigen Vormittag berichtete"): German capitalises every noun, so only the words before tell.</summary>
        private bool NotAnOutlet(string name, int start, int s)
        {
            if (_lang != "de")
            {
                return false;
            }

            if (FunctionWords.German.Contains(name.ToLowerInvariant()))
            {
                return true;
            }

            var pre = _text.AsSpan(s, start - s).TrimEnd();
            int ws = pre.LastIndexOf(' ');
            var w = pre[(ws + 1)..];
            if (pre.Length > 0 && ws > 0 && !(w is "der" or "die" or "das" or "Der" or "Die" or "Das") && char.IsLower(w[0]))
            {
                // an adjective before the noun: look one word further back ("einem ruhigen Vormittag")
                var pre2 = pre[..ws].TrimEnd();
                w = pre2[(pre2.LastIndexOf(' ') + 1)..];
            }

            return w is "einem" or "einer" or "einen" or "ein" or "eine" or "von" or "vom" or "am" or "im" or "zum" or "zur" or "beim" or "mit" or "über" or "nach";
        }

        /// <summary>A one-word speaker ("Anwar" for Prime Minister Anwar Ibrahim, "Borau") is the person the article names
        /// in full when exactly one of its people has that word as given name or surname, or else when the word stands before
        /// one and the same name-shaped word wherever a capitalised word follows it ("Anwar Ibrahim’s travels"); otherwise it
        /// stays as it is.</summary>
        private string FullNameFor(string name)
        {
            // "Meteorologin Corinna" (a title taken for a given name): the name is the word after the title
            int sp = name.IndexOf(' ', StringComparison.Ordinal);
            if (sp > 0 && name.IndexOf(' ', sp + 1) < 0 && PersonIndex.IsRoleWord(name[..sp]))
            {
                string rest = FullNameFor(name[(sp + 1)..]);
                return rest.Contains(' ', StringComparison.Ordinal) ? rest : name;
            }

            if (name.Length < 3 || name.Contains(' ', StringComparison.Ordinal) || !char.IsUpper(name[0]) || !name.Skip(1).All(char.IsLower))
            {
                return name;
            }

            var holders = _people.People.Where(p => p.FullName.Contains(' ', StringComparison.Ordinal) && (p.First == name || p.Surname == name) && !PersonIndex.IsRoleWord(p.First))
                .Select(p => p.FullName).Distinct().ToList();
            if (holders.Count == 1)
            {
                return holders[0];
            }

            if (holders.Count > 1)
            {
                return name;
            }

            _fullNames ??= [];
            if (_fullNames.TryGetValue(name, out var known))
            {
                return known;
            }

            string? follower = null;
            bool unique = true;
            foreach (Match m in SafeFollowers(name))
            {
                string next = m.Groups["n"].Value;
                if (AttributionLexicon.NotNames.Contains(next) || AttributionLexicon.OrgWords.Contains(next) || (_lang == "de" ? FunctionWords.German : FunctionWords.English).Contains(next.ToLowerInvariant())
                    || (_lang == "de" && AttributionLexicon.IsCommonNounShape(next)))
                {
                    unique = false; // "Anwar Ibrahim" but also "Trump Administration": no single name
                    break;
                }

                follower ??= next;
                unique &= follower == next;
            }

            string full = unique && follower is not null ? name + " " + follower : name;
            _fullNames[name] = full;
            return full;
        }

        private Dictionary<string, string>? _fullNames;

        private IEnumerable<Match> SafeFollowers(string name)
        {
            try
            {
                return RegexPolicy.Create(@"(?<![\p{L}-])" + Regex.Escape(name) + @" (?<n>\p{Lu}\p{Ll}+)(?![\p{L}-])").Matches(_text).Cast<Match>().ToList();
            }
            catch (RegexMatchTimeoutException)
            {
                // the regex policy: give this name's followers up, count it (warning SC4011)
                RegexPolicy.Skipped();
                return [];
            }
        }

        /// <summary>Organisations introduced by a company noun and an apposition ("the group that owns most of her music, Big
        /// Machine, says", "The group, WeWorkers Coalition, formed"), in text order.</summary>
        private readonly List<(int NounStart, int NameStart, int NameEnd, string Name)> _appositives = FindAppositives(article.Text);

        private static List<(int, int, int, string)> FindAppositives(string text)
        {
            var list = new List<(int, int, int, string)>();
            try
            {
                foreach (Match m in AppositiveOrgRegex().Matches(text))
                {
                    var n = m.Groups["name"];
                    if (!AttributionLexicon.NotNames.Contains(n.Value.Split(' ')[0]))
                    {
                        list.Add((m.Index, n.Index, n.Index + n.Length, n.Value));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // no appositions: company nouns fall back to the main organisation
                RegexPolicy.Skipped();
            }

            return list;
        }

        /// <summary>The organisation the last apposition before an offset named ("the group" → "WeWorkers Coalition"), or null.</summary>
        private string? AppositiveBefore(int offset) => _appositives.LastOrDefault(x => x.NameEnd <= offset).Name;

        /// <summary>A possessive mention ("Nordava's recall", German genitive "Bennetts Interview", "die Einheit Russlands"): an owner, not a speaker.</summary>
        private static bool IsPossessive(Mention m) =>
            m.Text.EndsWith("'s", StringComparison.Ordinal) || m.Text.EndsWith("’s", StringComparison.Ordinal)
            || (m.Kind == MentionKind.Org && m.Name is { } on && m.Text.Length == on.Length + 1 && m.Text[^1] == 's' && m.Text.StartsWith(on, StringComparison.Ordinal)) // German genitive "Russlands"
            || (m.Kind == MentionKind.Person && m.Person is { } p && m.Text.Length == p.Surname.Length + 1 && m.Text[^1] == 's'
                && m.Text.StartsWith(p.Surname, StringComparison.Ordinal) && !p.Surname.EndsWith('s'));

        /// <summary>"nach Oseis Ansicht", "in Reyes's view": a possessive that names whose view it is (a source phrase).</summary>
        private bool OpinionPhraseAfter(int end)
        {
            var rest = _text.AsSpan(end).TrimStart();
            foreach (string w in (ReadOnlySpan<string>)["Ansicht", "Meinung", "Auffassung", "Einschätzung", "Worten", "view", "opinion", "words"])
            {
                if (rest.StartsWith(w, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Prepositions after which a name is a place, time or object of a phrase, never the subject of the speech
        /// verb (not "with"/"mit"/"von", which introduce interview partners and sources).</summary>
        private static readonly HashSet<string> PhrasePrepositions = new(StringComparer.OrdinalIgnoreCase)
        {
            "in", "at", "from", "to", "of", "on", "near", "across", "im", "aus", "nach", "bei", "vom", "am", "auf", "für",
            "for", "gegen", "against", "about", "über", "vor", "seit", "trotz", "wegen", "during", "since", "despite",
        };

        private bool AfterPreposition(int mentionStart, int s)
        {
            var pre = _text.AsSpan(s, mentionStart - s).TrimEnd();
            if (pre.EndsWith(" the", StringComparison.OrdinalIgnoreCase) || pre.Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                pre = pre[..^3].TrimEnd();
            }

            int ws = pre.LastIndexOf(' ') + 1;
            // "according to the agency" is a source phrase, not a place
            return pre.Length > 0 && PhrasePrepositions.Contains(pre[ws..].ToString()) && !pre.EndsWith("according to", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>"sagt der Drusenführer" right after a claim of the same paragraph: the role phrase goes on with that
        /// claim's speaker when the article's gender fits (not the last person merely named in between).</summary>
        private Person? SpeakerGoingOn(Draft? previous, int paragraph, string article)
        {
            if (previous is not { Speaker: { } ps } || previous.Paragraph != paragraph || _people.People.FirstOrDefault(x => x.FullName == ps) is not { } p)
            {
                return null;
            }

            return (article is "die" && p.Gender == Gender.Male) || (article is "der" && p.Gender == Gender.Female) ? null : p;
        }

        /// <summary>The sentence analysed last: its end, paragraph, the person it is about (see <see cref="SubjectOf"/>)
        /// and whether it became a claim.</summary>
        private (int End, int Paragraph, Person? Subject, bool Claim)? _prevSentence;

        private (int Paragraph, IReadOnlyList<QuoteRange> Quotes) _paragraphQuotes = (-1, []);

        private IReadOnlyList<QuoteRange> ParagraphQuotes(int paragraph)
        {
            if (_paragraphQuotes.Paragraph != paragraph)
            {
                var span = article.Paragraphs[paragraph].Span;
                _paragraphQuotes = (paragraph, QuoteScanner.FindTopLevel(_text, span.Start, span.End));
            }

            return _paragraphQuotes.Quotes;
        }

        /// <summary>Whether <paramref name="pos"/> lies strictly inside one of <paramref name="top"/> (top-level
        /// quotations: sorted by opening mark and not overlapping, so only the last one opening before it can hold it).
        /// A binary search: a paragraph of a megabyte holds thousands of quotations and this is asked for every word.</summary>
        private static bool InsideTopLevel(IReadOnlyList<QuoteRange> top, int pos)
        {
            int lo = 0, hi = top.Count - 1, last = -1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) / 2);
                if (top[mid].OpenIndex < pos)
                {
                    last = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return last >= 0 && pos < top[last].CloseIndex;
        }

        /// <summary>The person a sentence is about: its first mention, a person (or a role resolved to one) at the start of
        /// the sentence, when no other person is named in it.</summary>
        private static Person? SubjectOf(List<Mention> mentions, int s)
        {
            var first = mentions.FirstOrDefault();
            if (first is not { Kind: MentionKind.Person or MentionKind.Role, Person: { } p } || first.Start - s > 40)
            {
                return null;
            }

            return mentions.All(m => m.Person is null || m.Person == p) ? p : null;
        }

        private static readonly HashSet<string> NotVerbsEn = new(StringComparer.Ordinal)
        {
            "den", "einen", "keinen", "ihren", "seinen", "diesen", "jenen", "eben", "oben", "morgen", "gestern", "zwischen",
            "neben", "unten", "trotzdem", "außen", "innen", "wegen", "allen", "vielen", "wenigen", "anderen", "beiden",
        };

        private static bool IsPluralVerbNeighbour(List<Match> words, int i)
        {
            static bool Plural(string w) => w.Length > 3 && char.IsLower(w[0]) && w.EndsWith("en", StringComparison.Ordinal) && !NotVerbsEn.Contains(w);
            bool next = i + 1 < words.Count && Plural(words[i + 1].Value);
            bool prev = i > 0 && Plural(words[i - 1].Value);
            return next || prev;
        }

        /// <summary>Text between a speech verb and a later mention opens the reported content: "that"/"dass", a colon,
        /// a comma or a quotation mark, or more than a few words.</summary>
        private bool InContentClause(int verbEnd, int mentionStart)
        {
            var between = _text.AsSpan(verbEnd, mentionStart - verbEnd);
            if (between.Length > 40 || between.IndexOfAny(",:;") >= 0 || between.ContainsAny(QuoteMarks))
            {
                return true;
            }

            return ContentOpenerRegex().IsMatch(between.ToString());
        }

        /// <summary>The sentence gives the words before the verb: a comma or a closing quotation mark right before it ("…“, sagte …").</summary>
        private bool ContentBeforeVerb(int s, int verbStart)
        {
            var pre = _text.AsSpan(s, verbStart - s).TrimEnd();
            return pre.Length > 0 && pre[^1] is ',' or '“' or '”' or '"' or '»' or '«';
        }

        /// <summary>A name after a verb that follows the words is its subject when only a role phrase stands between
        /// ("sagte die Sprecherin des Weißen Hauses, Karoline Leavitt", "sagt die Ernährungsberaterin Roxana Ehsani gegenüber …")
        /// and the name ends the clause.</summary>
        private bool ApposedSubject(int verbEnd, int mentionStart, int mentionEnd, int e)
        {
            var between = _text.AsSpan(verbEnd, mentionStart - verbEnd);
            if (between.Length > 70 || between.ContainsAny(QuoteMarks) || between.IndexOfAny(":;") >= 0 || TailOpenerRegex().IsMatch(between.ToString()))
            {
                return false;
            }

            var rest = _text.AsSpan(mentionEnd, e - mentionEnd).TrimStart();
            return AtClauseEnd(mentionEnd, e) || rest.StartsWith("gegenüber", StringComparison.Ordinal) || rest.StartsWith("told", StringComparison.Ordinal);
        }

        private static readonly System.Buffers.SearchValues<char> QuoteMarks = System.Buffers.SearchValues.Create("\"“”„«»‚‘");

        /// <summary>A closing quotation mark (after ",", ".", "!", "?") within 60 characters before a verb, or -1.</summary>
        private int ClosingQuoteBefore(int verbStart, int s)
        {
            for (int k = verbStart - 1; k >= Math.Max(s + 1, verbStart - 60); k--)
            {
                if (_text[k] is '”' or '"' or '“' or '«' or '»' && _text[k - 1] is ',' or '.' or '!' or '?' or '…')
                {
                    return k;
                }
            }

            return -1;
        }

        private bool AtClauseEnd(int from, int e)
        {
            var rest = _text.AsSpan(from, e - from).TrimStart();
            return rest.IsEmpty || rest[0] is '.' or ',' or ';' or '!' or '?' || rest.StartsWith("in a statement", StringComparison.Ordinal)
                || rest.StartsWith("in an email", StringComparison.Ordinal) || rest.StartsWith("on ", StringComparison.Ordinal)
                || ChannelTailRegex().IsMatch(rest.ToString()); // "said CEO Craig Menear in the company’s news release."
        }

        /// <summary>The person named most recently before an offset (the article's people only), compatible with a German
        /// article's gender ("die" → not male, "der" → not female).</summary>
        private Person? LastPersonBefore(int offset, string article)
        {
            // at most the last 1,000 mentions (more than a real article holds): all of them per sentence was quadratic in
            // a megabyte of text whose people never fit the article's gender
            for (int i = _history.Count - 1; i >= 0 && i >= _history.Count - 1000; i--)
            {
                if (_history[i].Offset >= offset)
                {
                    continue;
                }

                var p = _history[i].Person;
                if ((article is "die" && p.Gender == Gender.Male) || (article is "der" && p.Gender == Gender.Female))
                {
                    continue;
                }

                return p;
            }

            return null;
        }

        /// <summary>The source a "laut"/"according to" cue governs: a person of the article, or the organisation named.</summary>
        private Mention? CueSpeaker(int cueStart, int cueEnd, List<Mention> mentions)
        {
            string cueText = _text[cueStart..cueEnd];
            if (cueText == "zufolge")
            {
                // "Guterres zufolge", "dem UN-Generalsekretär António Guterres zufolge": the person right before the cue
                return mentions.LastOrDefault(m => m.Kind == MentionKind.Person && m.End <= cueStart && string.IsNullOrWhiteSpace(_text[m.End..cueStart]));
            }

            bool angaben = cueText.StartsWith("nach", StringComparison.OrdinalIgnoreCase) && cueText.EndsWith("Angaben", StringComparison.Ordinal)
                && !cueText.Contains("eigenen", StringComparison.Ordinal);
            if (!cueText.StartsWith("laut", StringComparison.OrdinalIgnoreCase) && !cueText.StartsWith("according", StringComparison.OrdinalIgnoreCase) && !angaben)
            {
                return null;
            }

            if ((angaben || _lang == "de") && ArticleSourceRegex().Match(_text, cueEnd) is { Success: true } art && art.Index == cueEnd)
            {
                // "laut der New York Times", "nach Angaben des Statistischen Landesamtes", "Laut des Daily Star": a person of
                // the article inside the phrase, else a name-shaped organisation (capitalised words, no inflected adjective)
                var n = art.Groups["n"];
                string[] words = n.Value.Split(' ');
                if (mentions.FirstOrDefault(m => m.Kind == MentionKind.Person && m.Start >= n.Index && m.Start < n.Index + n.Length) is { } pm)
                {
                    return pm;
                }

                static bool Role(string w) => PersonIndex.IsRoleWord(w) || AttributionLexicon.RoleRegex().Match(w) is { Success: true } rw && rw.Length == w.Length;
                if (words.Any(w => Role(w) || Role(w[(w.LastIndexOf('-') + 1)..]) || (w.EndsWith('s') && Role(w[..^1])))
                    || (words.Length > 1 && words[0].EndsWith("en", StringComparison.Ordinal)) || (words.Length == 1 && AttributionLexicon.IsCommonNounShape(words[0])))
                {
                    return null; // "laut der Forschungs-Politikerin", "nach Angaben des Statistischen …", "laut der Polizei": not a name
                }

                return new Mention(n.Index, n.Index + n.Length, MentionKind.Org, null, n.Value, n.Value);
            }

            if (angaben)
            {
                return null;
            }

            for (int i = FirstMentionAtOrAfter(cueEnd); i < article.SourceMentions.Length && article.SourceMentions[i].Span.Start <= cueEnd + 6; i++)
            {
                var sm = article.SourceMentions[i];
                if (sm.Cue is not ("laut" or "according-to"))
                {
                    continue;
                }

                foreach (string w in sm.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    if (_people.Lookup(w) is { } p)
                    {
                        return new Mention(sm.Span.Start, sm.Span.End, MentionKind.Person, p, sm.Name, p.FullName);
                    }
                }

                string first = sm.Name.Split(' ')[0];
                if (AttributionLexicon.RoleRegex().Match(first) is { Success: true } rm && rm.Length == first.Length)
                {
                    return null; // "laut Trainer" without a name the article knows
                }

                return new Mention(sm.Span.Start, sm.Span.End, MentionKind.Org, null, sm.Name, sm.Name);
            }

            return null;
        }

        /// <summary>An organisation as the subject right before the speech verb: a capitalised name ("Big Machine have
        /// twice denied", "Dick Clark Productions, …, denies"), unnamed officials (", prosecutors said"), a German
        /// institution noun ("Die Verbraucherzentrale erläutert"), or "they"/"it" for the organisation that spoke last.</summary>
        private Mention? OrgSubject(int s, int verbStart, int paragraph)
        {
            int from = Math.Max(s, verbStart - 120);
            string before = _text[from..verbStart];
            var m = OrgSubjectRegex().Match(before);
            if (!m.Success)
            {
                return null;
            }

            var g = m.Groups["pro"].Success ? m.Groups["pro"] : m.Groups["grp"].Success ? m.Groups["grp"] : m.Groups["deo"].Success ? m.Groups["deo"] : m.Groups["caps"];
            int at = from + g.Index;
            if (_appositives.LastOrDefault(x => x.NounStart >= s && x.NameEnd <= verbStart && x.NameEnd >= at) is { Name: not null } ap)
            {
                // "The company that runs the AMAs, Dick Clark Productions, denies …": the apposition names the subject
                return new Mention(ap.NameStart, ap.NameEnd, MentionKind.Org, null, ap.Name, ap.Name);
            }

            string name = g.Value;
            if (m.Groups["pro"].Success)
            {
                return _lastOrg is { } lo && paragraph - lo.Paragraph <= 3 ? new Mention(at, at + name.Length, MentionKind.Org, null, name, lo.Name) : null;
            }

            if (m.Groups["grp"].Success)
            {
                return new Mention(at, at + name.Length, MentionKind.Group, null, name, name.ToLowerInvariant() + " (unnamed)");
            }

            // a preposition before the name makes it a place or a time, not a subject ("In Valencia sagte …")
            var pre = _text.AsSpan(s, at - s).TrimEnd();
            if (pre.Length > 0 && pre[^1] is 'e' or 'E' && pre.EndsWith("the", StringComparison.OrdinalIgnoreCase))
            {
                pre = pre[..^3].TrimEnd();
            }

            int ws = pre.LastIndexOf(' ') + 1;
            string prevWord = pre[ws..].ToString();
            string[] parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (Prepositions.Contains(prevWord) || parts.Any(w => _people.Lookup(w) is not null || _people.LookupFirst(w) is not null) || (parts.Length == 1 && AttributionLexicon.NotNames.Contains(name))
                || (AttributionLexicon.RoleRegex().Match(name) is { Success: true } && !parts.Any(AttributionLexicon.OrgWords.Contains)))
            {
                return null;
            }

            if (parts.Length == 1 && _people.PairFor(name) is { } pair)
            {
                return new Mention(at, at + name.Length, MentionKind.Person, null, name, pair); // "Phil said" → Phil Foden
            }

            // German capitalises every noun: there only an acronym ("MVB") or an institution noun names an organisation
            if (m.Groups["caps"].Success && _lang == "de" && !(name.Length >= 2 && name.All(c => char.IsUpper(c) || char.IsDigit(c))))
            {
                return null;
            }

            return new Mention(at, at + name.Length, MentionKind.Org, null, name, name);
        }

        private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
        {
            "in", "at", "from", "to", "of", "on", "near", "across", "im", "aus", "nach", "bei", "von", "vom", "am", "an", "auf", "für", "for", "with", "mit", "gegen", "against", "about", "über",
        };

        /// <summary>The sentence lies in a paragraph that opens with a quotation mark which is not closed before the sentence
        /// (a quotation that runs over several paragraphs).</summary>
        private bool InOpenQuoteParagraph(int paragraph, int sentenceStart)
        {
            var span = article.Paragraphs[paragraph].Span;
            if (span.Length < 2 || _text[span.Start] is not ('“' or '"' or '„' or '»' or '«'))
            {
                return false;
            }

            // a paragraph with no closing mark at all is a quotation that goes on in the next paragraph (looked up once a
            // paragraph, and the marks counted on from the last sentence: per sentence from the paragraph's start was
            // quadratic in a paragraph of a megabyte)
            if (_openQuote.Paragraph != paragraph)
            {
                bool closed = _text.AsSpan(span.Start + 1, span.Length - 1).IndexOfAny("”\"“«»") >= 0;
                _openQuote = (paragraph, closed, span.Start, 0);
            }

            if (_openQuote.Closed || sentenceStart < span.Start)
            {
                return false;
            }

            if (sentenceStart == span.Start)
            {
                return true;
            }

            // an odd number of marks before the sentence: the opening one is still open
            var (_, _, from, marks) = _openQuote;
            if (sentenceStart < from)
            {
                (from, marks) = (span.Start, 0);
            }

            for (int i = from; i < sentenceStart; i++)
            {
                if (_text[i] is '“' or '”' or '"' or '„' or '»' or '«')
                {
                    marks++;
                }
            }

            _openQuote = (paragraph, false, sentenceStart, marks);
            return marks % 2 == 1;
        }

        private (int Paragraph, bool Closed, int CountedTo, int Marks) _openQuote = (-1, false, 0, 0);

        /// <summary>A capitalised name right before ("Kessler said") or right after ("sagte Kessler") a speech verb.</summary>
        private (int Start, int End)? NameNextToVerb(int vs, int ve, int s, int e)
        {
            int b = vs - 1;
            // "Fahmi also clarified": one adverb may stand between the name and the verb
            foreach (string adverb in (ReadOnlySpan<string>)["also ", "then ", "later ", "again ", "auch ", "erneut "])
            {
                if (b - adverb.Length > s && _text.AsSpan(b - adverb.Length + 1, adverb.Length).SequenceEqual(adverb) && _text[b - adverb.Length] == ' ')
                {
                    b -= adverb.Length;
                    break;
                }
            }

            if (b > s && _text[b] == ' ')
            {
                int ws = b;
                while (ws > s && char.IsLetter(_text[ws - 1]))
                {
                    ws--;
                }

                if (IsBareName(ws, b))
                {
                    return (ws, b);
                }
            }

            if (ve + 1 < e && _text[ve] == ' ')
            {
                int we = ve + 1;
                while (we < e && char.IsLetter(_text[we]))
                {
                    we++;
                }

                if (IsBareName(ve + 1, we) && (we >= e || (!char.IsLetter(_text[we]) && _text[we] is not ('\'' or '’'))))
                {
                    return (ve + 1, we);
                }
            }

            return null;
        }

        private bool IsBareName(int start, int end)
        {
            if (end - start < 3 || !char.IsUpper(_text[start]))
            {
                return false;
            }

            string w = _text[start..end];
            return w.Skip(1).All(char.IsLower) && !AttributionLexicon.NotNames.Contains(w) && !AttributionLexicon.GroupWords.Contains(w) && !AttributionLexicon.NotOrgs.Contains(w)
                && !AttributionLexicon.IsCommonNounShape(w) && !(_lang == "de" && w.Length > 10) && w is not ("Sie" or "Er" or "Es" or "Wir" or "Ich" or "They" or "It" or "We");
        }

        private static bool IsTitleLike(ReadOnlySpan<char> inner)
        {
            int words = 0;
            bool start = true;
            foreach (char c in inner)
            {
                if (char.IsLetter(c))
                {
                    if (start)
                    {
                        words++;
                        if (!char.IsUpper(c))
                        {
                            return false;
                        }
                    }

                    start = false;
                }
                else if (char.IsWhiteSpace(c))
                {
                    start = true;
                }
                else if (c is '.' or ',' or '!' or '?' or ':' or ';')
                {
                    return false;
                }
            }

            return words is >= 1 and <= 5;
        }

        /// <summary>German prepositions of place and origin: a capitalised word right after one, without an article,
        /// is a name ("in Osterbrück", "aus Dänemark"), not a common noun ("in der Stadt").</summary>
        private static readonly FrozenSet<string> PlacePrepositions = new[] { "in", "aus", "nach", "bei" }.ToFrozenSet(StringComparer.Ordinal);

        private static readonly FrozenSet<string> EnglishAuxiliaries = new[] { "was", "were", "has", "have", "had" }.ToFrozenSet(StringComparer.Ordinal);

        private static readonly FrozenSet<string> EnglishIrregularPast = new[]
        {
            "won", "lost", "paid", "sold", "found", "left", "took", "fell", "rose", "began", "shut", "broke", "ran", "led",
            "struck", "bought", "brought", "caught", "held", "kept", "met", "spent", "stood", "went", "gave", "sent", "hit", "cut",
        }.ToFrozenSet(StringComparer.Ordinal);

        /// <summary>Nouns of speech and debate: a sentence holding one talks about what was said, not about the event.</summary>
        private static readonly FrozenSet<string> SpeechNouns = new[]
        {
            "remarks", "comments", "comment", "statement", "statements", "debate", "criticism", "interview",
            "Äußerung", "Äußerungen", "Aussage", "Aussagen", "Debatte", "Kommentar", "Kritik", "Interview", "Stellungnahme",
        }.ToFrozenSet(StringComparer.Ordinal);

        private static readonly FrozenSet<string> GermanAuxiliaries = new[] { "hat", "haben", "hatte", "hatten", "wurde", "wurden", "ist", "sind", "war", "waren" }.ToFrozenSet(StringComparer.Ordinal);

        /// <summary>A plain factual sentence without quotation or speech verb that still carries checkable content another
        /// article can repeat (issue 13: the largest class of missed links): 6 to 40 words, a named actor (a person or
        /// organisation the article names) or a place name ("in Osterbrück"; in English any capitalised word after the
        /// first), and a reported event — an English past or perfect form ("has been suspended", "passed", "sold"), a German
        /// perfect or passive (auxiliary and participle: "hat … eingeleitet", "wurden … verkauft"); no noun of speech or debate
        /// (a sentence about statements). Background and furniture rarely have all of these.</summary>
        private static bool PlainFact(string sentence, string lang, List<Mention> mentions)
        {
            var words = TextNormalizer.Words(sentence, lowerCase: false);

            if (words.Count is < 6 or > 40)
            {
                return false;
            }

            if (words.Any(SpeechNouns.Contains))
            {
                return false; // a sentence about statements ("hat mit Äußerungen … gesorgt", "clarified her remarks") is no fact of the event
            }

            bool german = lang == "de";
            bool named = mentions.Any(m => m.Kind is MentionKind.Person or MentionKind.Org && m.Name is not null);
            for (int i = 1; i < words.Count && !named; i++)
            {
                string w = words[i];
                named = char.IsUpper(w[0]) && w.Length > 1 && (german ? PlacePrepositions.Contains(words[i - 1]) : w != "I");
            }

            if (!named)
            {
                return false;
            }

            if (!german)
            {
                return words.Any(w => EnglishAuxiliaries.Contains(w) || EnglishIrregularPast.Contains(w)
                    || (w.Length >= 5 && char.IsLower(w[0]) && w.EndsWith("ed", StringComparison.Ordinal)));
            }

            return words.Any(GermanAuxiliaries.Contains) && words.Any(w => w.Length >= 6 && char.IsLower(w[0]) && (
                w.EndsWith("iert", StringComparison.Ordinal) || (w.IndexOf("ge", StringComparison.Ordinal) is >= 0 and <= 5 && (w.EndsWith('t') || w.EndsWith("en", StringComparison.Ordinal)))));
        }

        private static bool IsQuestion(string sentence)
        {
            var t = sentence.AsSpan().TrimEnd();
            while (t.Length > 0 && (QuoteScanner.IsQuoteMark(t[^1]) || t[^1] == ')'))
            {
                t = t[..^1];
            }

            return t.Length > 0 && t[^1] == '?' && !QuoteScanner.IsQuoteMark(sentence.TrimEnd()[^1]);
        }

        private static int WordCount(ReadOnlySpan<char> s)
        {
            int n = 0;
            bool inWord = false;
            foreach (char c in s)
            {
                bool w = char.IsLetterOrDigit(c);
                if (w && !inWord)
                {
                    n++;
                }

                inWord = w;
            }

            return n;
        }

        /// <summary>Konjunktiv I forms (not the Konjunktiv II "würde/könnte", which narration uses too) outside quotations.</summary>
        private static readonly HashSet<string> KonjunktivOne = new(StringComparer.Ordinal)
        {
            "sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "gebe", "lasse", "suche", "bemühe", "plane",
            "stehe", "liege", "brauche", "erwarte", "halte", "komme", "wisse", "dürfe", "fehle", "bleibe", "treffe", "zahle",
            "führe", "dehne", "gehe", "mache", "sehe", "trage", "biete", "zeige", "gelte", "reiche", "arbeite", "kenne", "nehme",
            "helfe", "sorge", "stamme", "drohe", "hänge", "setze", "wachse", "sinke", "steige", "falle", "gehöre", "bedeute",
            "enthalte", "betreffe", "verfüge", "entspreche", "handle", "spiele", "verliere", "gewinne", "lege",
        };

        private static bool HasKonjunktivOne(string sentence, IReadOnlyList<QuoteRange> quotes, int offset)
        {
            var sb = new System.Text.StringBuilder(sentence);
            foreach (var q in quotes)
            {
                for (int i = Math.Max(q.OpenIndex - offset, 0); i <= Math.Min(q.CloseIndex - offset, sb.Length - 1); i++)
                {
                    sb[i] = ' ';
                }
            }

            return TextNormalizer.Words(sb.ToString()).Any(KonjunktivOne.Contains);
        }

        private static bool HasKonjunktiv(string sentence)
        {
            foreach (var w in TextNormalizer.Words(sentence))
            {
                if (AttributionLexicon.Konjunktiv.Contains(w))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>First speech verb with content: not followed by a meta object only ("clarified her remarks").</summary>
        private (int Start, int End)? FindSpeechVerb(int s, int e, Func<int, bool> inQuote)
        {
            (int, int)? found = null;
            (int, int)? final = null;
            foreach (Match m in Scan(AttributionLexicon.SpeechVerbRegex(), s, e))
            {
                if (inQuote(m.Index) || IsMetaOnly(m.Index + m.Length, e))
                {
                    continue;
                }

                found ??= (m.Index, m.Index + m.Length);
                if (AttributionLexicon.ReportingVerbs.Contains(m.Value) && AtClauseEnd(m.Index + m.Length, e) && ClosingQuoteBefore(m.Index, s) >= 0)
                {
                    final = (m.Index, m.Index + m.Length); // '…," the prosecutor's office said.': the verb after the quotation governs it
                    continue;
                }

                if (AttributionLexicon.ReportingVerbs.Contains(m.Value) && _text.IndexOf(',', m.Index, e - m.Index) < 0)
                {
                    int comma = _text.LastIndexOf(',', m.Index, m.Index - s);
                    if (comma >= 0 && !inQuote(comma) && m.Index - comma <= 80)
                    {
                        final = (m.Index, m.Index + m.Length);
                    }
                }
            }

            if (final is not null)
            {
                return final;
            }

            if (_lang == "de")
            {
                foreach (Match m in Scan(AttributionLexicon.SeparableVerbRegex(), s, e))
                {
                    if (inQuote(m.Index) || (found is { } f && f.Item1 < m.Index))
                    {
                        continue;
                    }

                    string? particle = AttributionLexicon.ParticleFor(m.Groups["v"].Value);
                    if (particle is null)
                    {
                        continue;
                    }

                    var pm = Regex.Match(_text[(m.Index + m.Length)..e], @"\s" + particle + @"(?=\s*(?:[,.;:!?]|$|dass\b))", RegexOptions.None, RegexPolicy.Timeout);
                    if (pm.Success && !IsMetaOnly(m.Index + m.Length, e))
                    {
                        found = (m.Index, m.Index + m.Length);
                        break;
                    }
                }
            }

            return found;
        }

        private bool IsMetaOnly(int afterVerb, int e)
        {
            string rest = _text[afterVerb..e];
            var mm = AttributionLexicon.MetaObjectRegex().Match(rest);
            if (!mm.Success)
            {
                return false;
            }

            string tail = rest[(mm.Index + mm.Length)..];
            return !tail.Contains(',', StringComparison.Ordinal) && !tail.Contains(" that ", StringComparison.Ordinal) && !tail.Contains("dass", StringComparison.Ordinal)
                && !tail.Any(QuoteScanner.IsQuoteMark);
        }

        private List<Mention> FindMentions(int s, int e, Func<int, bool> inQuote)
        {
            var found = new List<Mention>();
            var words = Scan(WordRegex(), s, e).Where(m => !inQuote(m.Index)).ToList();
            for (int i = 0; i < words.Count; i++)
            {
                var w = words[i];
                string word = w.Value;
                if (_people.LookupFirst(word) is { } pf && i + 1 < words.Count && words[i + 1].Value == pf.Surname && words[i + 1].Index == w.Index + w.Length + 1)
                {
                    found.Add(new Mention(w.Index, words[i + 1].Index + words[i + 1].Length, MentionKind.Person, pf, pf.FullName, pf.FullName));
                    i++;
                    continue;
                }

                if (char.IsUpper(word[0]) && _people.Lookup(word) is { } p)
                {
                    found.Add(new Mention(w.Index, w.Index + w.Length, MentionKind.Person, p, word, p.FullName));
                    continue;
                }

                bool pronoun = _lang == "de" ? word is "er" or "Er" or "sie" or "Sie" : word is "he" or "He" or "she" or "She";
                if (pronoun && word is "sie" or "Sie" && IsPluralVerbNeighbour(words, i))
                {
                    continue; // "Sie erwarten", "sagten sie": they, not she
                }

                if (pronoun)
                {
                    found.Add(new Mention(w.Index, w.Index + w.Length, MentionKind.Pronoun, null, word, null));
                    continue;
                }

                if (_people.MainOrgToken is { } org && (word == org || word == org + "s" || word == org + "'s" || word == org + "’s"))
                {
                    int end = w.Index + w.Length;
                    string text = word;
                    if (_people.MainOrg is { } full && full != org && _text.AsSpan(w.Index).StartsWith(full, StringComparison.Ordinal))
                    {
                        end = w.Index + full.Length;
                        text = full;
                    }

                    found.Add(new Mention(w.Index, end, MentionKind.Org, null, text, _people.MainOrg));
                    continue;
                }

                if (i + 1 < words.Count && AttributionLexicon.CompanyNouns.Contains(word + " " + words[i + 1].Value)
                    && (AppositiveBefore(w.Index) ?? _people.MainOrg) is { } referent)
                {
                    found.Add(new Mention(w.Index, words[i + 1].Index + words[i + 1].Length, MentionKind.Org, null, word + " " + words[i + 1].Value, referent));
                    i++;
                    continue;
                }

                if (AttributionLexicon.GroupWords.Contains(word) && (char.IsUpper(word[0]) || i == 0))
                {
                    found.Add(new Mention(w.Index, w.Index + w.Length, MentionKind.Group, null, word, word.ToLowerInvariant() + " (unnamed)"));
                }
            }

            if (found.Count == 0 && words.Count > 0)
            {
                // institution as subject: "Das Weiße Haus schloss …", "The White House said …"
                var inst = InstitutionRegex().Match(_text, s, e - s);
                if (inst.Success && inst.Index == s)
                {
                    string n = inst.Groups["n"].Value;
                    found.Add(new Mention(inst.Groups["n"].Index, inst.Groups["n"].Index + inst.Groups["n"].Length, MentionKind.Org, null, inst.Value, AttributionLexicon.CanonicalInstitution(n) ?? n));
                }
            }

            // role titles: merged into an adjacent name, or resolved to the person with that role
            foreach (Match r in Scan(AttributionLexicon.RoleRegex(), s, e))
            {
                if (inQuote(r.Index) || _text.AsSpan(r.Index + r.Length).StartsWith("'s", StringComparison.Ordinal) || _text.AsSpan(r.Index + r.Length).StartsWith("’s", StringComparison.Ordinal))
                {
                    continue; // "the U.S. Attorney's Office": part of an organisation's name, not a person
                }

                int idx = found.FindIndex(m => m.Kind == MentionKind.Person && m.Start >= r.Index + r.Length && m.Start - (r.Index + r.Length) <= 1);
                if (idx >= 0)
                {
                    var m = found[idx];
                    found[idx] = m with { Start = r.Index, Text = _text[r.Index..m.End] };
                    continue;
                }

                bool apposition = found.Any(m => m.Kind == MentionKind.Person && m.End <= r.Index && r.Index - m.End <= 50
                    && _text.AsSpan(m.End, r.Index - m.End).Contains(','));
                if (apposition)
                {
                    continue;
                }

                string? cat = AttributionLexicon.RoleCategory(r.Value);
                var (person, guessed) = ResolveRole(cat, r.Index);
                // a role compounded with an organisation ("der OpenAI-Chef") is anchored by it: not a bare guess
                guessed &= !(r.Value.IndexOf('-', StringComparison.Ordinal) is > 1 and var hy && char.IsUpper(r.Value[0]) && hy < r.Value.Length - 1);
                if (person is not null)
                {
                    int start = r.Index;
                    // include a preceding article/possessive in the mention text ("der OpenAI-Chef", "the CEO")
                    var before = ArticleBeforeRegex().Match(_text, s, r.Index - s);
                    if (before.Success && before.Index >= s)
                    {
                        start = before.Index;
                    }

                    found.Add(new Mention(start, r.Index + r.Length, MentionKind.Role, person, _text[start..(r.Index + r.Length)], person.FullName) { Guessed = guessed });
                }
                else if (cat is "spokesperson" or "analyst" or "adviser" or "minister" && !found.Any(m => m.Start <= r.Index && m.End >= r.Index + r.Length))
                {
                    // an unnamed title holder: "a spokesman for the agency", "ein Sprecher des Ministeriums"
                    var of = OfPhraseRegex().Match(_text, r.Index + r.Length, e - (r.Index + r.Length));
                    int end = of.Success ? of.Index + of.Length : r.Index + r.Length;
                    string phrase = _text[r.Index..end];
                    // "a WeWork spokesperson", "ein Siemens-Sprecher" has no of-phrase: the capitalised word before the title names the organisation
                    var orgBefore = of.Success ? Match.Empty : OrgBeforeTitleRegex().Match(_text, s, r.Index - s);
                    string? companyBefore = of.Success || !_text.AsSpan(s, r.Index - s).TrimEnd().EndsWith("company", StringComparison.OrdinalIgnoreCase) ? null
                        : AppositiveBefore(r.Index) ?? _people.MainOrg; // "a company spokesperson"
                    string name = of.Success ? $"{r.Value.ToLowerInvariant()} ({ResolveInstitution(of.Groups["o"].Value, r.Index)})"
                        : orgBefore.Success && !IsPersonWord(orgBefore.Groups["o"].Value) ? $"{r.Value.ToLowerInvariant()} ({orgBefore.Groups["o"].Value})"
                        : companyBefore is not null ? $"{r.Value.ToLowerInvariant()} ({companyBefore})"
                        : r.Value.ToLowerInvariant() + " (unnamed)";
                    found.Add(new Mention(r.Index, end, MentionKind.Group, null, phrase, name));
                }
            }

            // outlets as subjects ("The Wall Street Journal reported …") and institutions named by head noun ("according to the agency")
            for (int mi = FirstMentionAtOrAfter(s); mi < article.SourceMentions.Length && article.SourceMentions[mi].Span.Start < e; mi++)
            {
                var sm = article.SourceMentions[mi];
                if (sm.Span.End <= e && sm.Cue is "reported" or "wie-berichtet" && !IsPersonWord(sm.Name)
                    && !(_people.MainOrgToken is { } mo && sm.Name.StartsWith(mo, StringComparison.Ordinal)) && !NotAnOutlet(sm.Name, sm.Span.Start, s))
                {
                    found.Add(new Mention(sm.Span.Start, sm.Span.End, MentionKind.Group, null, sm.Name, sm.Name));
                }
            }

            foreach (Match h in Scan(HeadNounRegex(), s, e))
            {
                if (!inQuote(h.Index) && !found.Any(m => m.Start <= h.Index && m.End > h.Index))
                {
                    string resolved = ResolveInstitution(h.Value, s);
                    if (!string.Equals(resolved, h.Value, StringComparison.Ordinal))
                    {
                        found.Add(new Mention(h.Index, h.Index + h.Length, MentionKind.Org, null, h.Value, resolved));
                    }
                }
            }

            found.Sort((a, b) => a.Start.CompareTo(b.Start));

            // pronouns, in order, against what came before
            var local = new List<(int, Person)>();
            for (int i = 0; i < found.Count; i++)
            {
                var m = found[i];
                if (m.Kind == MentionKind.Pronoun)
                {
                    bool female = m.Text is "she" or "She" || (_lang == "de" && m.Text is "sie" or "Sie");
                    var person = ResolvePronoun(female, local, out bool ambiguous);
                    found[i] = person is null ? m with { Name = null, Ambiguous = ambiguous } : m with { Person = person, Name = person.FullName };
                    if (person is not null)
                    {
                        local.Add((m.Start, person));
                    }
                }
                else if (m.Person is not null)
                {
                    local.Add((m.Start, m.Person));
                }
            }

            found.RemoveAll(m => m.Name is null && !m.Ambiguous);
            return found;
        }

        private void RecordHistory(List<Mention> mentions)
        {
            foreach (var m in mentions)
            {
                if (m.Person is not null)
                {
                    _history.Add((m.Start, m.Person));
                    m.Person.Mentions++;
                }
            }
        }

        /// <summary>Start of the sentence analysed before the current one (-1 before the first).</summary>
        private int _sentenceBefore = -1;

        /// <summary>Where the people who compete for a pronoun of the current sentence start: the sentence before it.</summary>
        private int _pronounWindow;

        /// <summary>The person a pronoun stands for: the last one named before it whose gender fits. Under the precision
        /// policy only when no other person of the pronoun's gender was named since the sentence before began ("Ricardo
        /// Canese … sagte, dass Santiago Peña … . Er …" could be either man), and, when the antecedent's gender is unknown,
        /// no other person at all: otherwise <paramref name="ambiguous"/> and no person.</summary>
        private Person? ResolvePronoun(bool female, List<(int Offset, Person Person)> local, out bool ambiguous)
        {
            ambiguous = false;
            bool Fits(Person p) => p.Gender == Gender.Unknown || (p.Gender == Gender.Female) == female;
            Person? found = null;
            for (int i = local.Count - 1; i >= 0 && found is null; i--)
            {
                if (Fits(local[i].Person))
                {
                    found = local[i].Person;
                }
            }

            for (int i = _history.Count - 1; found is null && i >= 0 && i >= _history.Count - 40; i--)
            {
                if (Fits(_history[i].Person))
                {
                    found = _history[i].Person;
                }
            }

            if (found is null || !precise)
            {
                return found;
            }

            // a rival of the pronoun's own (known) gender always makes it ambiguous; one of unknown gender only when the
            // antecedent's gender is unknown too
            bool Rival(Person p) => p != found && p.FullName != found.FullName && Fits(p) && (p.Gender != Gender.Unknown || found.Gender == Gender.Unknown);
            bool rival = local.Exists(x => Rival(x.Person)) || _history.Exists(x => x.Offset >= _pronounWindow && Rival(x.Person));
            if (rival)
            {
                ambiguous = true;
                return null;
            }

            return found;
        }

        /// <summary>A mention written as a noun phrase with an article ("The group", "Die Landesregierung"), not as a name.</summary>
        private static bool ArticleOpening(string mention) =>
            mention.StartsWith("The ", StringComparison.OrdinalIgnoreCase) || mention.StartsWith("Die ", StringComparison.OrdinalIgnoreCase)
            || mention.StartsWith("Der ", StringComparison.OrdinalIgnoreCase) || mention.StartsWith("Das ", StringComparison.OrdinalIgnoreCase);

        /// <summary>Sentence classes whose named speaker was often wrong on pages the rules were not written on (attribution
        /// bench, per-class table over the 50 dev pages, docs/claims-extraction.md "Session 8"): their speaker is reported
        /// as unknown rather than guessed.</summary>
        private static bool Unreliable(SpeakerRule rule) => rule is SpeakerRule.RoleGuess or SpeakerRule.NoVerbFirstOrganisation;

        /// <summary>The precision policy (session 11's list, re-applied in session 12 on the speaker candidate): sentence classes
        /// under 80 % precision on the dev pages the rules were not written on (val-s9 and val-s10; docs/claims-extraction.md
        /// "Session 11" and "Session 12"). Their claims report the speaker as unknown; unlike <see cref="Unreliable"/> the rules' answer stays the
        /// claim's <see cref="Claim.SpeakerCandidate"/>, which matching and the next sentences read. Per language, since the same
        /// class held in one and not in the other.</summary>
        private static bool Unconfirmed(SpeakerRule cls, string language) => cls switch
        {
            SpeakerRule.Pronoun or SpeakerRule.PronounSubjectBefore or SpeakerRule.PronounGenderUnknown => true,
            SpeakerRule.NoVerbFirstMention or SpeakerRule.BareName or SpeakerRule.Continuation or SpeakerRule.ContinuationOnlyPerson => language == "de",
            _ => false,
        };

        /// <summary>Whether every person named (outside quotations) from <paramref name="from"/> up to <paramref name="to"/>
        /// is the one called <paramref name="name"/>.</summary>
        private bool OnlyPersonSince(int from, int to, string name)
        {
            for (int i = _history.Count - 1; i >= 0 && _history[i].Offset >= from; i--)
            {
                if (_history[i].Offset < to && _history[i].Person.FullName != name)
                {
                    return false;
                }
            }

            return true;
        }

        private (Person? Person, bool Guessed) ResolveRole(string? category, int offset)
        {
            if (category is null)
            {
                return (null, false);
            }

            var holders = _people.People.Where(p => p.Roles.Contains(category)).ToList();
            if (holders.Count == 1)
            {
                return (holders[0], false);
            }

            if (holders.Count > 1)
            {
                for (int i = _history.Count - 1; i >= 0 && i >= _history.Count - 200; i--)
                {
                    if (holders.Contains(_history[i].Person))
                    {
                        return (_history[i].Person, false);
                    }
                }

                return (holders[0], false);
            }

            if (AttributionLexicon.IsSharedRole(category))
            {
                return (null, false); // "der Trainer", "the judge": only a person the article gave that role
            }

            if (category is "analyst" or "adviser" or "spokesperson" or "manager" or "minister")
            {
                // a generic title without a named holder: the most recent person, if any
                return (category == "manager" && _history.Count > 0 ? _history[^1].Person : null, true);
            }

            // "der OpenAI-Chef" with no named CEO: the most recent person without another role; learn the role
            for (int i = _history.Count - 1; i >= 0 && i >= _history.Count - 200; i--)
            {
                var p = _history[i].Person;
                if (p.Roles.Count == 0 && p.FirstOffset < offset)
                {
                    p.Roles.Add(category);
                    return (p, true);
                }
            }

            var candidate = _people.People.Where(p => p.Roles.Count == 0 && p.FirstOffset < offset).OrderByDescending(p => p.Mentions).FirstOrDefault();
            candidate?.Roles.Add(category);
            return (candidate, true);
        }

        private (string? Channel, bool Later) FindChannel(int s, int e, string sentence, Mention? speaker)
        {
            bool later = LaterRegex().IsMatch(sentence);
            var pm = AttributionLexicon.PlatformRegex().Match(_text, s, e - s);
            if (pm.Success)
            {
                string platform = pm.Groups["p"].Value;
                return ((platform == "Twitter" ? "X" : platform) + " (post)", later);
            }

            var em = AttributionLexicon.EventRegex().Match(_text, s, e - s);
            if (em.Success)
            {
                if (em.Groups["named"].Success)
                {
                    return (em.Groups["named"].Value.Trim() + " (conference)", later);
                }

                return (em.Groups["generic"].Value.Trim(), later);
            }

            var om = AttributionLexicon.OtherChannelRegex().Match(_text, s, e - s);
            if (om.Success)
            {
                if (om.Groups["iv"].Success)
                {
                    return ("interview with " + om.Groups["iv"].Value.Trim('„', '“'), later);
                }

                return (om.Groups["rep"].Success ? "remarks to reporters"
                    : om.Groups["st"].Success ? "statement"
                    : om.Groups["blog"].Success ? "blog post"
                    : om.Groups["memo"].Success ? "memo"
                    : om.Groups["letter"].Success ? "letter"
                    : om.Groups["tv"].Value.Trim() + " (TV)", later);
            }

            var told = ToldOutletRegex().Match(_text, s, e - s);
            if (told.Success && !IsPersonWord(told.Groups["o"].Value))
            {
                return ("interview with " + told.Groups["o"].Value, later);
            }

            if (speaker?.Kind == MentionKind.Org && CompanyCueRegex().IsMatch(sentence))
            {
                return ("company statement", later);
            }

            return (null, later);
        }

        /// <summary>Index of the first source mention starting at or after an offset (mentions are sorted).</summary>
        private int FirstMentionAtOrAfter(int offset)
        {
            var mentions = article.SourceMentions;
            int lo = 0, hi = mentions.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (mentions[mid].Span.Start < offset)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        /// <summary>"the agency" → the last "… Agency" named before (capitalised phrase ending in the same head noun).</summary>
        private string ResolveInstitution(string phrase, int before)
        {
            string head = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            if (head.Length < 3)
            {
                return phrase;
            }

            string cap = char.ToUpperInvariant(head[0]) + head[1..];
            int at = before;
            while ((at = _text.LastIndexOf(cap, at - 1, StringComparison.Ordinal)) > 0)
            {
                int start = at;
                int k = at;
                // walk back over capitalised words ("European Medicines Agency")
                while (k > 1 && _text[k - 1] == ' ' && char.IsUpper(_text[WordStart(k - 1)]) && _text[WordStart(k - 1)..(k - 1)] is not ("The" or "Der" or "Die" or "Das" or "A" or "An" or "Ein" or "Eine" or "Dem" or "Den" or "Des"))
                {
                    k = WordStart(k - 1);
                    start = k;
                }

                if (start < at)
                {
                    return _text[start..(at + cap.Length)];
                }

                if (at <= 1)
                {
                    break;
                }
            }

            return phrase;
        }

        private int WordStart(int end)
        {
            int i = end;
            while (i > 0 && char.IsLetter(_text[i - 1]))
            {
                i--;
            }

            return i;
        }

        private IEnumerable<Match> Scan(Regex regex, int s, int e)
        {
            for (var m = regex.Match(_text, s, e - s); m.Success; m = m.NextMatch())
            {
                yield return m;
            }
        }

        private bool IsPersonWord(string s) => s.Split(' ').Any(w => _people.Lookup(w) is not null || _people.LookupFirst(w) is not null);

        private string? FindOutlet(int s, int e)
        {
            var mentions = article.SourceMentions;
            for (int i = FirstMentionAtOrAfter(s); i < mentions.Length && mentions[i].Span.Start < e; i++)
            {
                var m = mentions[i];
                if (m.Span.End > e || m.Cue is "dateline" or "sources")
                {
                    continue;
                }

                if (IsPersonWord(m.Name) || (_people.MainOrgToken is { } org && m.Name.StartsWith(org, StringComparison.Ordinal))
                    || AttributionLexicon.GroupWords.Contains(m.Name) || AttributionLexicon.NotNames.Contains(m.Name))
                {
                    continue;
                }

                return m.Name;
            }

            return null;
        }

        /// <summary>Channel and outlet carried forward per speaker (a speaker keeps talking on the channel
        /// last named); the first named channel also fills that speaker's earlier claims unless it is marked
        /// as later ("später", "later"); claims without an outlet get the article's own outlet, or its single
        /// named source.</summary>
        private void Propagate(List<Draft> drafts)
        {
            var channel = new Dictionary<string, string>(StringComparer.Ordinal);
            var outlet = new Dictionary<string, string>(StringComparer.Ordinal);
            var pending = new Dictionary<string, List<Draft>>(StringComparer.Ordinal);
            foreach (var d in drafts)
            {
                if (d.Speaker is null)
                {
                    continue;
                }

                if (d.Channel is not null)
                {
                    if (!channel.ContainsKey(d.Speaker) && !d.ChannelLater && pending.TryGetValue(d.Speaker, out var earlier))
                    {
                        foreach (var x in earlier)
                        {
                            x.Channel ??= d.Channel;
                        }
                    }

                    channel[d.Speaker] = d.Channel;
                }
                else if (channel.TryGetValue(d.Speaker, out var c))
                {
                    d.Channel = c;
                }
                else
                {
                    (pending.TryGetValue(d.Speaker, out var list) ? list : pending[d.Speaker] = []).Add(d);
                }

                if (d.Outlet is not null)
                {
                    outlet[d.Speaker] = d.Outlet;
                }
                else if (outlet.TryGetValue(d.Speaker, out var o))
                {
                    d.Outlet = o;
                }
            }

            string? fallback = article.Outlet;
            if (fallback is null)
            {
                var sources = article.SourceMentions.Where(m => m.Cue == "sources").Select(m => m.Name).Distinct(StringComparer.Ordinal).ToList();
                if (sources.Count == 1)
                {
                    fallback = sources[0];
                }
            }

            foreach (var d in drafts)
            {
                d.Outlet ??= fallback;
            }
        }
    }

    [GeneratedRegex(@"[\p{L}][\p{L}\d]*(?:[-'’][\p{L}\d]+)*", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex WordRegex();

    /// <summary>A channel phrase ending the clause after a speaker's name: "in the company’s news release", "in a research note".</summary>
    [GeneratedRegex(@"^in (?:a|an|the|his|her|its|their)\s+(?:[\p{L}’'-]+\s+){0,3}(?:release|statement|email|e-mail|interview|report|note|post|letter|memo|call|briefing|speech|tweet|filing)\b[^,;:]{0,30}[.,;]?\s*$", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex ChannelTailRegex();

    /// <summary>Words that open content or another clause between a verb and a later name ("adding that …", "und …").</summary>
    [GeneratedRegex(@"\b(?:that|dass|adding|und|and|wie|ob|weil|because|nachdem|after|while|während)\b|,\s*(?:der|die|das|den|dem|who|which)\b", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex TailOpenerRegex();

    /// <summary>An institution right after a speech verb, ending the clause: "antwortete die Partei des Religiösen Zionismus:",
    /// "sagte die Polizei.", "said the ministry."</summary>
    [GeneratedRegex(@"\G\s*(?<art>der|die|das|the)\s+(?<n>(?<h>[\p{L}-]*(?:[Pp]artei|[Rr]egierung|[Mm]inisterium|[Bb]ehörde|[Gg]ewerkschaft|[Vv]erband|[Pp]olizei|[Ss]taatsanwaltschaft|[Kk]ommission|[Gg]ericht|[Ff]raktion|[Ll]iga|[Vv]erein|[Kk]onzern|[Ss]tadtverwaltung)|party|government|ministry|agency|police|union|department|regulator|court)(?<of>\s+(?:des|der|of(?:\s+the)?)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2})?)(?=\s*(?:[.,;:!?]|$))", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex OrgAfterVerbRegex();

    /// <summary>A capitalised organisation word right before an unnamed title ("a WeWork spokesperson", "the Justice Department spokesman").</summary>
    [GeneratedRegex(@"\b(?:a|an|the|ein|eine|einer)\s+(?<o>\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,2})\s+$", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex OrgBeforeTitleRegex();

    /// <summary>After a speech verb, a definite role noun phrase that ends the clause: "twitterte der 35 Jahre alte Aufbauspieler
    /// und Kapitän von Real", "sagt die Mutter", "said the actor".</summary>
    [GeneratedRegex(@"\G\s*(?<art>der|die|the)\s+(?:[\p{L}\d-]+\s+){0,4}?(?<n>\p{L}[\p{L}-]*)(?:\s+(?:und|and)\s+[\p{L}-]+(?:\s+(?:von|of|der|des)\s+[\p{L}-]+)?)?(?=\s*(?:[.,;!?]|$|kämpferisch|tearfully))", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex RoleAfterVerbRegex();

    /// <summary>"Das sagte …", "Das erklärte …", "That is what … said": the sentence before holds the words.</summary>
    [GeneratedRegex(@"\G(?:Das|Dies|So)\s+(?:sagte|sagt|erklärte|erklärt|betonte|schrieb|berichtete|teilte)\b|\GThat(?:'s| is| was) what\b", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex BackReferenceRegex();

    [GeneratedRegex(@"^\s*(?:that|dass|whether|ob|if|how|wie|why|warum)\b", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex ContentOpenerRegex();

    /// <summary>The subject right before a speech verb (the part of the sentence before the verb is matched, anchored at its end).</summary>
    [GeneratedRegex(@"(?:(?<pro>\b(?:they|They|it|It))|(?<grp>\b(?:prosecutors|police|investigators|authorities|officials|Staatsanwälte|Ermittler|Behörden))|(?<=^|\s)(?:Die|Der|Das|die|der|das)\s+(?<deo>[\p{L}-]*(?:zentrale|verband|ministerium|amt|behörde|partei|gericht|bank|liga|verein|gewerkschaft|institut|kommission|regierung|polizei|staatsanwaltschaft|konzern|agentur|radar)(?:\s+(?:der|des)\s+[\p{L}-]+)?)|(?<=^|[\s,(])(?:(?:The|the)\s+)?(?<caps>(?:\p{Lu}[\p{L}&.'’-]*\s+(?:(?:of|for|the|and)\s+){0,2}){0,6}\p{Lu}[\p{L}&.'’-]*))(?:\s*,[^,]{1,80},|\s*,)?\s+(?:(?:has|have|had|also|twice|again|repeatedly|previously|later|now|then|auch|erneut|bereits)\s+){0,2}$", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex OrgSubjectRegex();

    [GeneratedRegex(@"\b(?:[Tt]he|[Dd]ie|[Dd]er|[Dd]as)\s+(?:company|firm|group|startup|start-up|Unternehmen|Konzern|Firma|Gruppe)\b(?:\s+(?:that|which|die|das|der)\s+[^,.;:]{1,60})?,\s+(?<name>\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,4}),", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex AppositiveOrgRegex();

    [GeneratedRegex(@"(?:\b(?:der|die|das|den|dem|des|the|his|her|its|seine[rnm]?|ihre[rnm]?|a|an|eine[rnm]?)\s+(?:[\p{L}'’-]+\s+){0,2})$", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex ArticleBeforeRegex();

    [GeneratedRegex(@"\G(?:Das|Die|Der|The)\s+(?<n>(?:\p{Lu}[\p{L}-]*\s+){0,2}(?:Haus|House|Regierung|Government|government|Ministerium|Ministry|ministry|Bundesregierung|Landesregierung|Kommission|Commission|commission|Behörde|Aufsichtsbehörde|Agency|agency|regulator|Pentagon|Kreml|Kremlin|Senat|Senate|Parlament|Parliament|Zentralbank|central bank|Fed|Notenbank|Polizei|police|Gericht|court|Staatsanwaltschaft|prosecutors|Gewerkschaft|union|Verband|Kartellamt|Bundeskartellamt|EU-Kommission|Weiße Haus|US-Regierung|US-Notenbank|EZB))\b", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex InstitutionRegex();

    [GeneratedRegex(@"\G\s+(?:for|of|at|des|der|von|vom|bei)\s+(?:the\s+|dem\s+|der\s+)?(?<o>\p{Lu}?[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,3})", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex OfPhraseRegex();

    [GeneratedRegex(@"\b(?:the|die|das|der)\s+(?:agency|ministry|regulator|government|commission|court|police|union|watchdog|Behörde|Ministerium|Regierung|Kommission|Gericht|Polizei|Gewerkschaft|Aufsicht)\b", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex HeadNounRegex();

    [GeneratedRegex(@"\b(?:später|danach|darauf|anschließend|zuvor|later|earlier|afterwards|subsequently)\b", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex LaterRegex();

    [GeneratedRegex(@"\Gtold\s+(?:the\s+)?(?<o>\p{Lu}[\p{L}&.-]*(?:\s\p{Lu}[\p{L}&.-]*){0,3})|\btold\s+(?:the\s+)?(?<o>\p{Lu}[\p{L}&.-]*(?:\s\p{Lu}[\p{L}&.-]*){0,3})", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex ToldOutletRegex();

    /// <summary>An article and a capitalised name after a source cue ("der New York Times", "des Daily Star").</summary>
    [GeneratedRegex(@"\s+(?:der|des|dem|die|das)\s+(?<n>\p{Lu}(?:[\p{L}&-]|\.(?=\p{L}))*(?: \p{Lu}(?:[\p{L}&-]|\.(?=\p{L}))*){0,3})", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex ArticleSourceRegex();

    /// <summary>A source phrase ending right before a mention: "According to", "laut", "nach Angaben".</summary>
    [GeneratedRegex(@"(?:\b[Aa]ccording to|\b[Ll]aut|\b[Nn]ach (?:eigenen )?Angaben)\s*(?:the\s+|des\s+|der\s+|dem\s+)?$", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex SourcePhraseRegex();

    /// <summary>A plan or forecast with a year: "plans to … in 2027", "will … by 2030", "will … 2027 beantragen", "soll bis 2030 …".</summary>
    [GeneratedRegex(@"\b(?:plans? to|intends? to|aims? to|expects? to|is expected to|will|wants? to|wollen|plant|planen|beabsichtigt|soll|sollen)\b[^.;:!?]{0,80}?\b(?:19|20)\d\d\b|\b(?:19|20)\d\d\b[^.;:!?]{0,40}?\b(?:beantragen|einreichen|vorlegen|abschließen|erreichen|starten|planen|plant)\b", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex PlanWithYearRegex();

    [GeneratedRegex(@"according to the (?:company|firm|group)|nach eigenen Angaben|(?:teilte|erklärte) das Unternehmen|the company said|das Unternehmen (?:erwartet|plant|rechnet)|erwartet das Unternehmen", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex CompanyCueRegex();
}
