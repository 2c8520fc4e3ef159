using SourceCheck.Claims;
using SourceCheck.Diagnostics;
using SourceCheck.Documents;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Claims.Extraction;

/// <summary>Speakers grounded in the sentence (issue 13): the subject of the speech verb or the source phrase that
/// governs the quote, never the person the words are about. Texts written for these tests.</summary>
public sealed class AttributionTests
{
    private static string? SpeakerOf(string text, string fragment, string? lang = null) =>
        ClaimExtractor.Extract(text, "t", lang).Single(c => c.Text.Contains(fragment, StringComparison.Ordinal)).Speaker;

    public sealed class Speakers
    {
        [Fact]
        public void Should_take_the_name_after_a_role_title_and_keep_name_particles()
        {
            const string text = "Derby verloren\n\nDie Gäste verloren am Abend deutlich.\n\n" +
                "„Wir waren heute nicht wach genug“, sagte Hafenstädter Trainer Jürgen Wellmann bei „Radio Nord“.\n\n" +
                "„Jeder von uns muss sich jetzt hinterfragen“, sagte Kapitän Marten van Holst nach dem Spiel.\n";
            Assert.Equal("Jürgen Wellmann", SpeakerOf(text, "nicht wach genug", "de"));
            Assert.Equal("Marten van Holst", SpeakerOf(text, "hinterfragen", "de"));
        }

        [Fact]
        public void Should_not_take_the_person_a_that_clause_is_about()
        {
            const string text = "Fight fallout\n\nThe league met on Monday.\n\n" +
                "Darnell Okafor, via a radio show, said that Rick Lumsden should be fined by the league for starting the fight.\n\n" +
                "Rick Lumsden did not play on Sunday.\n";
            Assert.Equal("Darnell Okafor", SpeakerOf(text, "should be fined", "en"));
        }

        [Fact]
        public void Should_give_the_words_to_the_source_the_laut_cue_governs()
        {
            const string text = "Hitze auf den Gleisen\n\nDie Bahnen fielen aus, sagte Pressesprecherin Ina Kolbe.\n\n" +
                "Laut KVG müssen die alten Wagen dann mehrere Stunden im Depot abkühlen.\n";
            Assert.Equal("KVG", SpeakerOf(text, "im Depot abkühlen", "de"));
        }

        [Fact]
        public void Should_answer_unknown_for_a_pronoun_that_two_people_of_its_gender_could_take()
        {
            // session 10: "er" after a sentence naming two men is either of them; with one man it is him
            const string two = "Streit um Ausschreibungen\n\nDie Behörde prüft die Verträge.\n\n" +
                "Thomas Berger sagte am Montag, dass Michael Wolf die Verfassung missachte.\n\n" +
                "Der Kongress müsse alle Verträge prüfen können, sagte er weiter.\n";
            Assert.Null(SpeakerOf(two, "alle Verträge prüfen", "de"));
            const string one = "Streit um Ausschreibungen\n\nDie Behörde prüft die Verträge.\n\n" +
                "Thomas Berger sagte am Montag, dass die Regierung die Verfassung missachte.\n\n" +
                "Der Kongress müsse alle Verträge prüfen können, sagte er weiter.\n";
            Assert.Equal("Thomas Berger", SpeakerOf(one, "alle Verträge prüfen", "de"));
        }

        [Fact]
        public void Should_give_the_words_to_the_outlet_after_laut_der_and_end_the_name_with_the_sentence()
        {
            const string text = "Umbau im Weißen Haus\n\nDie Arbeiten beginnen im Sommer.\n\n" +
                "Laut der New York Times plant der Präsident einen neuen Ballsaal.\n\n" +
                "Laut der Forschungs-Politikerin bestünden dabei große Lücken.\n";
            Assert.Equal("New York Times", SpeakerOf(text, "neuen Ballsaal", "de"));
            // the phrase after the cue ends with the sentence: no "Politikerin Lücken. Problematisch" as a name
            Assert.DoesNotContain(ClaimExtractor.Extract(text + "Problematisch sei die Finanzierung.\n", "t", "de"),
                c => c.Speaker is { } sp && sp.Contains("Lücken", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_name_the_speaker_between_the_closing_quote_and_the_verb_or_none()
        {
            const string text = "Threat case\n\nA caller threatened Senator Alma Reyes in March.\n\n" +
                "During the call, the man called Reyes a \"traitor\" and said, \"someone should stop her for good,\" the prosecutor's office said.\n";
            string? speaker = SpeakerOf(text, "stop her for good", "en");
            Assert.NotEqual("Alma Reyes", speaker); // the threatened person is never the speaker
        }

        [Fact]
        public void Should_let_organisations_speak_as_subjects()
        {
            const string text = "Label dispute\n\nSinger Nora Quill wants to perform her old songs at the awards.\n\n" +
                "Greyline Records have twice denied doing anything wrong.\n\n" +
                "The man who reported it was fired, prosecutors said.\n";
            Assert.Equal("Greyline Records", SpeakerOf(text, "denied doing anything wrong", "en"));
            Assert.Equal("prosecutors (unnamed)", SpeakerOf(text, "was fired", "en"));
        }

        [Fact]
        public void Should_continue_a_quotation_over_paragraphs_and_reported_speech_over_a_paragraph_break()
        {
            const string english = "A new season\n\nThe striker spoke about his family.\n\n" +
                "Speaking to the club, Tomas Engel said: \"I was there when my daughter was born.\n\n" +
                "\"I am not one for crying in front of people, but it was a special moment for all of us.\n\n" +
                "\"Your whole life changes after that, believe me.\"\n";
            Assert.Equal("Tomas Engel", SpeakerOf(english, "not one for crying", "en"));
            const string german = "Schäden an der Autobahn\n\n" +
                "Bernd Sauter leitet die Außenstelle Kassel. Er erklärte im Interview, bei Hitze dehne sich der Beton aus. Das führe zu großer Spannung.\n\n" +
                "Vorbeugende Tempolimits seien deshalb nicht ausgeschlossen.\n\n" +
                "Die Reparaturen würden noch Jahre dauern, sagte Sauter.\n";
            Assert.Equal("Bernd Sauter", SpeakerOf(german, "großer Spannung", "de"));
            // a German continuation beyond its paragraph was right in under 80 % of cases on pages the rules were not written
            // on (session 11): reported unknown, while the rules' answer stays the candidate that matching reads
            var tempo = ClaimExtractor.Extract(german, "t", "de").Single(c => c.Text.Contains("Tempolimits seien", StringComparison.Ordinal));
            Assert.Null(tempo.Speaker);
            Assert.Equal("Bernd Sauter", tempo.SpeakerCandidate);
            Assert.DoesNotContain(ClaimExtractor.Extract(german, "t", "de"), c => c.Speaker is "Außenstelle Kassel");
        }

        [Fact]
        public void Should_give_the_sentence_before_das_sagte_to_that_speaker()
        {
            const string text = "Neue Fugenmasse\n\nIn Kassel wurde beim Gleisbau eine andere Fugenmasse verwendet. Das sagte Jonas Riedel, Sprecher der KVG, im Interview.\n";
            Assert.Equal("Jonas Riedel", SpeakerOf(text, "andere Fugenmasse verwendet", "de"));
        }
    }

    /// <summary>Session 8: classes fixed or answered with "unknown" (see docs/claims-extraction.md, "Session 8").</summary>
    public sealed class Precision
    {
        [Fact]
        public void Should_name_the_main_organisation_by_its_whole_name()
        {
            const string text = "Harbor Leasing raises its outlook\n\nHarbor Leasing reported higher earnings on Tuesday.\n\n" +
                "Harbor Leasing’s chief executive Mara Quist said demand stayed strong.\n\n" +
                "Harbor Leasing shares rose 4 percent in early trading.\n\n" +
                "Company management said revenue in 2025 will grow by 3.5 percent.\n";
            Assert.Equal("Harbor Leasing", SpeakerOf(text, "will grow by 3.5 percent", "en"));
        }

        [Fact]
        public void Should_not_take_a_title_before_a_given_name_as_part_of_the_name()
        {
            const string text = "Rente mit 70?\n\nDie Debatte geht weiter.\n\n" +
                "Eine Erhöhung des Rentenalters löse das Problem nicht, sagt Arbeitswissenschaftler Thomas Brenning.\n";
            Assert.Equal("Thomas Brenning", SpeakerOf(text, "Rentenalters", "de"));
        }

        [Fact]
        public void Should_not_take_a_name_after_a_contracted_article_as_a_person()
        {
            const string text = "Treffen in Washington\n\nDer Präsident empfing die Gäste im Weißen Haus am Montag.\n\n" +
                "„Wir werden die Gespräche fortsetzen“, sagte Karla Dunst im Weißen Haus.\n";
            Assert.Equal("Karla Dunst", SpeakerOf(text, "Gespräche fortsetzen", "de"));
            Assert.DoesNotContain(ClaimExtractor.Extract(text, "t", "de"), c => c.Speaker == "Weißen Haus");
        }

        [Fact]
        public void Should_answer_unknown_for_a_role_no_named_person_holds()
        {
            // "der Anwalt" was never given to anyone: the most recent person (the accused) is a guess, not the speaker
            const string text = "Prozess in Köln\n\nDer Angeklagte Ralf Obermeier schwieg am ersten Tag.\n\n" +
                "Die Vorwürfe seien haltlos und würden im Verfahren widerlegt, sagte der Anwalt.\n";
            Assert.Null(SpeakerOf(text, "Vorwürfe seien haltlos", "de"));
        }

        [Fact]
        public void Should_keep_a_role_compounded_with_an_organisation()
        {
            const string text = "KI-Pläne\n\nSam Keller leitet Lumora seit 2021.\n\n" +
                "Der Lumora-Chef sagte, das Unternehmen werde 2026 neue Modelle vorstellen.\n";
            Assert.Equal("Sam Keller", SpeakerOf(text, "neue Modelle vorstellen", "de"));
        }

        [Fact]
        public void Should_not_give_a_sentence_without_a_speech_verb_to_the_organisation_it_opens_with()
        {
            const string text = "Tarifstreit\n\nDer Verband kritisierte den Entwurf scharf, sagte Tjark Olsen.\n\n" +
                "Die Landesregierung verkenne die Lage der Beschäftigten völlig und müsse nachbessern.\n";
            Assert.NotEqual("Landesregierung", SpeakerOf(text, "verkenne die Lage", "de"));
        }
    }

    public sealed class ReadFile
    {
        [Fact]
        public void Should_note_an_html_page_without_a_body()
        {
            var (article, notes) = ArticleReader.ReadFile("<!doctype html><html><head><title>Leer</title></head><body><nav><a href=\"/\">Start</a></nav></body></html>", "leer.html");
            var note = Assert.Single(notes);
            Assert.Equal(DiagnosticCodes.HtmlWithoutBody, note.Code);
            Assert.Equal(Severity.Warning, note.Severity);
            Assert.Empty(ClaimExtractor.Extract(article, "leer"));
        }

        [Fact]
        public void Should_read_html_through_the_page_reader_and_plain_text_unchanged()
        {
            string html = "<!doctype html><html lang=\"en\"><head><title>Port reopens</title><meta property=\"og:site_name\" content=\"Harbour Wire\"></head><body>" +
                "<nav><a href=\"/\">Home</a></nav><article><h1>Port reopens</h1>" +
                "<p>The port of Estrel reopened on Tuesday after a week of repairs, harbour master Ilse Varga said in a statement to reporters.</p>" +
                "<p>\"We expect normal traffic again by Friday, and the backlog will be cleared within ten days,\" Varga said.</p>" +
                "<p>The repairs cost about 2.4 million euros, according to the city council, which paid for most of the work.</p></article>" +
                "<aside class=\"related\"><p>Related: Five things to know about the port strike of last year and what came after it.</p></aside></body></html>";
            var (article, notes) = ArticleReader.ReadFile(html, "port.html");
            Assert.Empty(notes);
            Assert.StartsWith("Port reopens\n\n", article.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Five things to know", article.Text, StringComparison.Ordinal);
            Assert.Equal("Harbour Wire", article.Outlet);
            const string text = "Title line\n\nA sentence that somebody said, Mara Hollis said.\n";
            Assert.Equal(text, ArticleReader.ReadFile(text, "t.txt").Article.Text);
        }
    }

    public sealed class Scorer
    {
        [Theory]
        [InlineData("Kauert", "Steffen Kauert", true)]
        [InlineData("U.S. Attorney’s Office for the Western District of New York", "U.S. Attorney's Office", true)]
        [InlineData("Mason Rudolph", "Sheldon Richardson", false)]
        [InlineData("Office", "U.S. Attorney's Office", true)]
        [InlineData("U.S.", "U.S. Attorney's Office", false)]
        [InlineData("James Van", "James Van Der Beek", false)]
        public void Should_match_speakers_by_name_tokens(string predicted, string gold, bool expected) =>
            Assert.Equal(expected, AttributionEvaluation.SpeakerMatches(predicted, [gold]));

        [Fact]
        public void Should_count_unknown_and_false_speakers_apart_and_furniture_in_claims()
        {
            var gold = new GoldArticle("x", "en", "dev", "f", [
                new GoldQuote("costs will rise", "indirect", "Ada Brook", []),
                new GoldQuote("prices will fall", "indirect", "Ada Brook", []),
                new GoldQuote("nobody knows", "direct", "Ada Brook", []),
                new GoldQuote("an unnamed source", "indirect", null, [])], [("Photo: Archive", "credit"), ("Read more here", "link-prompt")]);
            Claim C(string text, string? speaker) => new("x-c", "x", "en", text, new SourceCheck.Text.TextSpan(0, text.Length), QuoteKind.Indirect, null, speaker, null, null, null, []);
            var score = AttributionEvaluation.Score([(gold, [C("Brook said costs will rise.", "Ada Brook"), C("Then prices will fall, Tom Reed said.", "Tom Reed"),
                C("It was an unnamed source. Photo: Archive", null)])]);
            Assert.Equal(4, score.Quotes);
            Assert.Equal(3, score.Found);
            Assert.Equal(3, score.Named);
            Assert.Equal(1, score.SpeakerRight);
            Assert.Equal(1, score.FalseSpeaker);
            Assert.Equal(1, score.Unknown);
            Assert.Equal(0, score.NamedWhereGoldUnnamed);
            Assert.Equal(1, score.Unnamed);
            var named = AttributionEvaluation.Score([(gold, [C("It was an unnamed source, Tom Reed said.", "Tom Reed")])]);
            Assert.Equal(1, named.NamedWhereGoldUnnamed);
            Assert.Equal(0, named.FalseSpeaker); // counted apart: speaker accuracy is over named quotes
            Assert.Equal(2, score.Furniture);
            Assert.Equal(1, score.FurnitureKeptOut);
        }
    }

    /// <summary>Session 6 classes (structure, not records): quotations over several sentences, possessives and
    /// prepositional phrases, appositions that name "the group", sentence-initial adverbs.</summary>
    public sealed class SentenceStructure
    {
        [Fact]
        public void Should_give_a_quotation_over_sentences_to_the_person_introducing_it_not_to_a_name_inside_it()
        {
            const string text = "Bilanz vorgelegt\n\nDie Bank hat am Montag ihre Zahlen vorgelegt.\n\n" +
                "Der Vorstandschef Henrik Albers lobte die Arbeit des Teams. „Lena Vogt hat das Haus durch ein schwieriges Jahr geführt " +
                "und die Kosten deutlich gesenkt. Wir haben ihr als Finanzchefin sehr viel zu verdanken.“\n\n";
            Assert.Equal("Henrik Albers", SpeakerOf(text, "durch ein schwieriges Jahr", "de"));
            Assert.Equal("Henrik Albers", SpeakerOf(text, "sehr viel zu verdanken", "de"));
        }

        [Fact]
        public void Should_never_take_an_owner_or_a_name_after_a_preposition_as_the_speaker()
        {
            const string text = "Fund update\n\nNadia Reyes chairs the board of the fund. Darnell Okafor runs its daily business.\n\n" +
                "During the call, Okafor also clarified Reyes’s plan was approved by the board in March.\n\n";
            Assert.Equal("Darnell Okafor", SpeakerOf(text, "plan was approved", "en"));

            const string german = "Wahlkampf\n\nJana Kolb führt die Partei seit zwei Jahren. Tobias Brandt kritisierte sie am Sonntag scharf.\n\n" +
                "Vor Brandts Interview wurde ein Gespräch mit Kolb gesendet. Darin betonte Kolb, dass sie die Reform weiter unterstützen werde.\n\n";
            Assert.Equal("Jana Kolb", SpeakerOf(german, "die Reform weiter unterstützen", "de"));
        }

        [Fact]
        public void Should_resolve_the_group_to_the_organisation_its_apposition_named()
        {
            const string text = "Drivers protest\n\nRidewell Inc cut the pay of its drivers on Monday. Ridewell said the cut was needed.\n\n" +
                "The group that speaks for the drivers, Fair Fleet Alliance, sent a letter to the company on Tuesday.\n\n" +
                "The group said the company had ignored every earlier letter from its members.\n\n" +
                "The company that owns the vans, Harbor Leasing, denies that the contracts were changed.\n\n";
            Assert.Equal("Fair Fleet Alliance", SpeakerOf(text, "ignored every earlier letter", "en"));
            Assert.Equal("Harbor Leasing", SpeakerOf(text, "contracts were changed", "en"));
        }
    }

    /// <summary>Session 7: the subject after the verb, appositions, organisations speaking through an unnamed title, names
    /// with a possessive. Texts written for these tests.</summary>
    public sealed class SubjectAfterVerb
    {
        [Fact]
        public void Should_name_a_person_called_by_one_name_by_the_full_name_the_article_gives_once()
        {
            // session 9: "Anwar" (as subject before the verb) for Prime Minister Datuk Seri Anwar Ibrahim named in full only in a possessive
            const string text = "Travel costs\n\nPUTRAJAYA, Nov 22 — Companies did not pay for Prime Minister Datuk Seri Anwar Ibrahim’s recent trips abroad, " +
                "Communications Minister Fahmi Fadzil said today.\n\nIn Parliament yesterday, Anwar explained the government’s new plan to cut travel " +
                "costs was to invite companies such as Petronas and Proton to take part.\n\n";
            Assert.Equal("Anwar Ibrahim", SpeakerOf(text, "new plan to cut travel", "en"));
        }

        [Fact]
        public void Should_not_take_an_adverb_or_a_noun_in_a_phrase_before_berichtete_for_an_outlet()
        {
            // session 9: "So berichtete …" gave the speaker "So", "von einem ruhigen Vormittag berichtete" the speaker "Vormittag"
            const string text = "Rauch über der Stadt\n\nAm Montag blieben viele Kinder zu Hause.\n\n" +
                "So berichtete die Lienzer Bürgermeisterin Elisabeth Blanik, dass im größten Kindergarten der Stadt von 153 Kindern nur 57 kamen.\n\n" +
                "„Die Älteren haben sich wohl entschieden, lieber auszuschlafen“, schmunzelte Blanik, die ansonsten von einem ruhigen Vormittag " +
                "berichtete: „Wo nur so wenige Kinder in den Schulen waren, ist es nach meinen Informationen ruhig zugegangen.“\n\n";
            Assert.Equal("Elisabeth Blanik", SpeakerOf(text, "von 153 Kindern nur 57 kamen", "de"));
            Assert.NotEqual("Vormittag", SpeakerOf(text, "lieber auszuschlafen", "de"));
        }

        [Fact]
        public void Should_take_an_institution_after_the_verb_not_the_person_named_before()
        {
            const string text = "Streit im Bündnis\n\nJonas Weber griff die Partnerpartei am Montag scharf an.\n\n" +
                "Auf Webers Interview antwortete die Partei der Grünen Mitte: „Wir weisen die persönlichen Angriffe auf unsere Vorsitzende entschieden zurück.“\n";
            Assert.Equal("Partei der Grünen Mitte", SpeakerOf(text, "persönlichen Angriffe", "de"));
        }

        [Fact]
        public void Should_take_the_name_in_apposition_after_a_role_phrase()
        {
            const string text = "Tanker gestoppt\n\nDie Küstenwache hat einen Tanker festgesetzt.\n\n" +
                "Das Schiff stehe auf einer Sanktionsliste und die Behörde habe die Beschlagnahme beantragt, sagte die Sprecherin des Hafenamts, Lea Brandt.\n";
            Assert.Equal("Lea Brandt", SpeakerOf(text, "Sanktionsliste", "de"));
        }

        [Fact]
        public void Should_know_a_person_with_an_unknown_given_name_after_the_verb()
        {
            const string text = "Gesund durch den Winter\n\nViele Menschen greifen im Winter zu Tabletten.\n\n" +
                "«Vitamin C verkürzt eine Erkältung kaum, wenn man es erst nach dem Ausbruch nimmt», sagt die Ernährungsberaterin Ilka Dovren gegenüber dem Sender.\n";
            Assert.Equal("Ilka Dovren", SpeakerOf(text, "Vitamin C", "de"));
        }

        [Fact]
        public void Should_take_the_name_before_a_channel_phrase_and_the_organisation_of_a_company_spokesperson()
        {
            const string text = "Harbor Leasing cuts outlook\n\nHarbor Leasing lowered its forecast on Tuesday. Harbor Leasing shares fell 5 % in early trading.\n\n" +
                "“Our third-quarter results reflected broad growth across the fleet business,” said CEO Dana Whitlock in the company’s news release.\n\n" +
                "A company spokesperson said in an email that “we have received an inquiry from the regulator and are cooperating fully.”\n";
            Assert.Equal("Dana Whitlock", SpeakerOf(text, "third-quarter results", "en"));
            // the article's organisation as the main-organisation finder names it (its first word here: a known limit, see docs)
            Assert.Contains("Harbor", SpeakerOf(text, "received an inquiry", "en"), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_not_let_a_possessive_hide_a_name()
        {
            const string text = "Trips abroad\n\nPrivate firms did not pay for Prime Minister Anwar Karimov’s trips abroad, a minister said on Friday.\n\n" +
                "Anwar said the firms covered about 75 per cent of the costs of the chartered plane.\n";
            Assert.Equal("Anwar Karimov", SpeakerOf(text, "75 per cent", "en"));
        }
    }

    /// <summary>Page text: a name's hover-card is not part of the sentence; a "paywall" container that holds the delivered
    /// paragraphs is article text.</summary>
    public sealed class PageText
    {
        private static string Read(string html) =>
            ArticleReader.FromPage(SourceCheck.Documents.Web.PageReader.Read(System.Text.Encoding.UTF8.GetBytes(html)), "p").Article.Text;

        [Fact]
        public void Should_drop_hover_cards_and_keep_delivered_paywall_paragraphs()
        {
            const string para = "The harbour authority said on Monday that the new quay will open next spring after two years of delays and cost overruns. ";
            string html = "<html><head><title>Quay opens</title></head><body><article><h1>Quay opens</h1>" +
                "<p>" + para + "A man threatened Rep. <span class=\"rollover-people\"><a href=\"/p/1\">Mara Quist</a><span class=\"rollover-people-block\">" +
                "<a href=\"/p/1\">Mara Quist</a><a href=\"/s/2\">Senators call for port security coordinator</a></span></span> (D-Maine), officials said.</p>" +
                "<p>" + para + para + "</p>" +
                "<div class=\"paywall\"><p>“We are largely on track with these investments and expect the quay to pay for itself within ten years,” said the director.</p>" +
                "<p>" + para + para + para + "</p></div></article></body></html>";
            string text = Read(html);
            Assert.True(text.Contains("Mara Quist (D-Maine), officials said.", StringComparison.Ordinal), text);
            Assert.DoesNotContain("Mara QuistMara Quist", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Senators call for", text, StringComparison.Ordinal);
            Assert.Contains("We are largely on track", text, StringComparison.Ordinal);
        }
    }

    /// <summary>The hand-annotated gold on real pages (fixtures/attribution/gold.jsonl over ../shared/webmeta): its
    /// shape, and the development figures (the validation part is scored by the bench, see docs/claims-extraction.md).</summary>
    public sealed class Gold
    {
        private static IReadOnlyList<GoldArticle> Load() =>
            AttributionEvaluation.ReadGold(File.ReadAllText(SharedData.Fixture("attribution/gold.jsonl")));

        [Fact]
        public void Should_hold_sixty_nine_german_and_sixty_nine_english_articles_with_a_held_out_part()
        {
            var gold = Load();
            Assert.Equal(69, gold.Count(g => g.Language == "de"));
            Assert.Equal(69, gold.Count(g => g.Language == "en"));
            // session 13: the held-out part is val-s13 (6 German, 6 English pages); val-s12 is development now
            Assert.Equal(12, gold.Count(g => g.Origin == "val-s12" && g.Split == "dev"));
            Assert.Equal(6, gold.Count(g => g.Language == "de" && g.Split == "val"));
            Assert.Equal(6, gold.Count(g => g.Language == "en" && g.Split == "val"));
            Assert.All(gold.Where(g => g.Split == "val"), g => Assert.Equal("val-s13", g.Origin));
            Assert.All(gold.SelectMany(g => g.Quotes), q => Assert.InRange(q.Anchor.Length, 8, 90));
        }

        [SkippableFact]
        public void Should_reach_the_development_figures_on_real_pages()
        {
            string webmeta = SharedData.Require("webmeta");
            var runs = Load().Where(g => g.Split == "dev")
                .Select(g => (g, ClaimExtractor.Extract(AttributionEvaluation.ReadPage(webmeta, g), g.Id))).ToList();
            var score = AttributionEvaluation.Score(runs);
            // session 12: dev = 114 pages (val-s11 added); the precision policy (session 11 list: classes under 80 % on untuned dev
            // pages answer "unknown", docs/claims-extraction.md "Session 12") measured 52.5 % (de 38.3, en 68.1) with 63 false
            // names (123 without it); the false-name ceiling is the point, the floors leave room. Session 13: dev = 126 pages
            // (val-s12 added): 51.7 % (de 37.0) with 66 false names. Re-opening German first mentions without a speech verb
            // (82 % on dev) was not shipped: 10/16 on pages the rules were not written on, 3 more false names held out
            Assert.True(AttributionScore.Rate(score.SpeakerRight, score.Named) >= 0.48, score.ToString());
            Assert.True(AttributionScore.Rate(score.RightDe, score.NamedDe) >= 0.32, score.ToString());
            Assert.True(AttributionScore.Rate(score.RightEn, score.NamedEn) >= 0.64, score.ToString());
            Assert.True(AttributionScore.Rate(score.FurnitureKeptOut, score.Furniture) >= 0.95, score.ToString());
            Assert.True(AttributionScore.Rate(score.Found, score.Quotes) >= 0.86, score.ToString());
            Assert.True(score.FalseSpeaker <= 75, score.ToString());
        }
    }
}
