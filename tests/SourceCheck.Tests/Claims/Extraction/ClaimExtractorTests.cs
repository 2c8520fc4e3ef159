using SourceCheck.Claims;

namespace SourceCheck.Tests.Claims.Extraction;

public sealed class ClaimExtractorTests
{
    private static Claim Find(IReadOnlyList<Claim> claims, string fragment) =>
        claims.Single(c => c.Text.Contains(fragment, StringComparison.Ordinal));

    public sealed class Extract
    {
        private const string English =
            "Acme plans to cut jobs\n\n" +
            "LONDON, May 3 (Harbour Wire) - Acme Corp. will cut about 500 jobs this year, Chief Executive Jane Doe said on Monday.\n\n" +
            "\"We have no other choice,\" she said at the Northern Retail Summit.\n\n" +
            "Tom Baker, the company's finance chief, told Reuters that savings would reach $40 million.\n\n" +
            "The CEO later wrote in a LinkedIn post that no store would close.\n\n" +
            "Is this the end? Nobody knows.\n\n" +
            "A spokesperson did not immediately respond to a request for comment.\n";

        private const string German =
            "Lindhaus streicht Stellen\n\n" +
            "Die Finanzchefin des Maschinenbauers Lindhaus, Petra Lind, sagte am Dienstag, man plane keine Entlassungen. " +
            "Später schrieb sie auf der Plattform X, die Zahlen seien solide. " +
            "„Wir wachsen um 4 Prozent“, betonte Lind laut „Handelsblatt“.\n\n" +
            "Die Finanzchefin erklärte außerdem, der Umsatz werde zweistellige Millionenbeträge erreichen.\n\n" +
            "Konzernchef Udo Brand hat nach eigenen Worten keine Pläne für einen Börsengang. Er erwartet, dass die Nachfrage steigt.\n\n" +
            "✓ 100% DSGVO-konform\n\n" +
            "Wie geht es weiter?\n";

        [Fact]
        public void Should_skip_headline_question_boilerplate_and_non_responses()
        {
            var claims = ClaimExtractor.Extract(English, "en1");
            Assert.DoesNotContain(claims, c => c.Text.StartsWith("Acme plans", StringComparison.Ordinal));
            Assert.DoesNotContain(claims, c => c.Text.Contains("Is this the end", StringComparison.Ordinal));
            Assert.DoesNotContain(claims, c => c.Text.Contains("did not immediately respond", StringComparison.Ordinal));
            var german = ClaimExtractor.Extract(German, "de1");
            Assert.DoesNotContain(german, c => c.Text.Contains("DSGVO", StringComparison.Ordinal) || c.Text.Contains("Wie geht", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_start_the_first_claim_after_the_dateline()
        {
            var claim = ClaimExtractor.Extract(English, "en1")[0];
            Assert.StartsWith("Acme Corp. will cut", claim.Text, StringComparison.Ordinal);
            Assert.Equal(claim.Text, English.Substring(claim.Span.Start, claim.Span.Length));
            Assert.Equal("Harbour Wire", claim.ReportingOutlet);
        }

        [Fact]
        public void Should_attribute_english_reported_speech_pronouns_and_titles()
        {
            var claims = ClaimExtractor.Extract(English, "en1");
            var first = Find(claims, "will cut about 500 jobs");
            Assert.Equal("Jane Doe", first.Speaker);
            Assert.Equal(QuoteKind.Indirect, first.Quote);
            Assert.Equal(500, Assert.Single(first.Figures).Value);

            var quote = Find(claims, "We have no other choice");
            Assert.Equal(QuoteKind.Direct, quote.Quote);
            Assert.Equal("We have no other choice", quote.QuotedWords);
            Assert.Equal("Jane Doe", quote.Speaker);
            Assert.Equal("she", quote.SpeakerMention);
            Assert.Equal("Northern Retail Summit (conference)", quote.Channel);

            var told = Find(claims, "told Reuters");
            Assert.Equal("Tom Baker", told.Speaker);
            Assert.Equal("Reuters", told.ReportingOutlet);
            Assert.Equal("interview with Reuters", told.Channel);

            var ceo = Find(claims, "LinkedIn post");
            Assert.Equal("Jane Doe", ceo.Speaker);
            Assert.Equal("LinkedIn (post)", ceo.Channel);
        }

        [Fact]
        public void Should_attribute_german_indirect_speech_channels_and_outlets()
        {
            var claims = ClaimExtractor.Extract(German, "de1");
            Assert.All(claims, c => Assert.Equal("de", c.Language));
            var first = Find(claims, "man plane keine Entlassungen");
            Assert.Equal("Petra Lind", first.Speaker);
            Assert.Equal(QuoteKind.Indirect, first.Quote);

            var post = Find(claims, "auf der Plattform X");
            Assert.Equal("Petra Lind", post.Speaker);
            Assert.Equal("sie", post.SpeakerMention);
            Assert.Equal("X (post)", post.Channel);

            var quote = Find(claims, "Wir wachsen");
            Assert.Equal(QuoteKind.Direct, quote.Quote);
            Assert.Equal("Wir wachsen um 4 Prozent", quote.QuotedWords);
            Assert.Equal("Handelsblatt", quote.ReportingOutlet);
            Assert.Equal("percent", Assert.Single(quote.Figures).Unit);

            var title = Find(claims, "Die Finanzchefin erklärte");
            Assert.Equal("Petra Lind", title.Speaker);
            var range = Assert.Single(title.Figures);
            Assert.Equal(1e7, range.Value);
            Assert.Equal(9.9e7, range.ValueMax);

            Assert.Equal("Udo Brand", Find(claims, "nach eigenen Worten").Speaker);
            var er = Find(claims, "Er erwartet");
            Assert.Equal("Udo Brand", er.Speaker);
            Assert.Equal(QuoteKind.Indirect, er.Quote);
        }

        [Fact]
        public void Should_accept_an_article_and_give_offsets_into_its_text()
        {
            var article = SourceCheck.Documents.ArticleReader.FromText(German, "x.txt");
            var claims = ClaimExtractor.Extract(article, "x");
            Assert.NotEmpty(claims);
            Assert.All(claims, c => Assert.Equal(c.Text, German.Substring(c.Span.Start, c.Span.Length)));
            Assert.Equal(Enumerable.Range(1, claims.Count).Select(i => $"x-c{i}"), claims.Select(c => c.Id));
        }

        [Fact]
        public void Should_not_read_plural_sie_as_the_last_woman_named()
        {
            string text = "Titel\n\nFinanzchefin Petra Lind sagte, die Zahlen seien solide. Die Anleger bleiben skeptisch. Sie erwarten, dass die Kosten steigen.\n";
            var claims = ClaimExtractor.Extract(text, "p", "de");
            Assert.Equal("Petra Lind", claims.Single(c => c.Text.Contains("solide", StringComparison.Ordinal)).Speaker);
            Assert.NotEqual("Petra Lind", claims.Single(c => c.Text.StartsWith("Sie erwarten", StringComparison.Ordinal)).Speaker);
        }

        [Fact]
        public void Should_survive_pathological_input()
        {
            string quotes = new string('„', 50_000) + " " + string.Concat(Enumerable.Repeat("Er sagte, es seien 5 Prozent. ", 100));
            Assert.InRange(ClaimExtractor.Extract(quotes, "q", "de").Count, 90, 100);
            string apostrophes = string.Concat(Enumerable.Repeat("x 'a ", 100_000));
            Assert.Empty(ClaimExtractor.Extract(apostrophes, "a", "en"));
            Assert.Empty(ClaimExtractor.Extract(string.Empty, "e"));
        }

        [Fact]
        public void Should_extract_every_sentence_of_a_long_repetitive_text()
        {
            string block = "Konzernchef Udo Brand sagte am 6. November, der Umsatz steige um 3,5 Prozent auf 1,2 Milliarden Euro. " +
                "„Wir wachsen weiter“, betonte er laut „Handelsblatt“. ";
            string text = "Titel\n\n" + string.Concat(Enumerable.Repeat(block, 5000));
            var claims = ClaimExtractor.Extract(text, "big", "de");
            Assert.Equal(10000, claims.Count);
            Assert.All(claims, c => Assert.Equal("Udo Brand", c.Speaker));
        }
    }
}

public sealed class ClaimExtractorInstitutionTests
{
    public sealed class Extract
    {
        private const string English =
            "Regulator opens probe into pen recall\n\n" +
            "BRUSSELS (Continental Press) - The European Medicines Agency has opened a review of the recall, a spokesman for the agency said on Wednesday.\n\n" +
            "According to the agency, 14 cases of under-dosing had been reported by March.\n\n" +
            "The Wall Street Journal reported that the maker had known about the fault since January.\n";

        private const string German =
            "Aufsicht prüft Rückruf\n\n" +
            "Vorstandschefin Ingrid Solberg sagte dem Sender Bloomberg TV, das Unternehmen habe „nichts zu verbergen“. " +
            "Etwa ein Drittel der Pens sei bereits ersetzt worden, fügte sie hinzu.\n\n" +
            "Das Weiße Haus schloss eine Rettung mit Steuergeld aus.\n";

        [Fact]
        public void Should_attribute_unnamed_spokespeople_institutions_and_outlets()
        {
            var claims = ClaimExtractor.Extract(English, "e2");
            Assert.Equal("spokesman (European Medicines Agency)", claims.Single(c => c.Text.Contains("spokesman", StringComparison.Ordinal)).Speaker);
            Assert.Equal("European Medicines Agency", claims.Single(c => c.Text.StartsWith("According to the agency", StringComparison.Ordinal)).Speaker);
            var wsj = claims.Single(c => c.Text.Contains("reported that", StringComparison.Ordinal));
            Assert.Equal("Wall Street Journal", wsj.Speaker);
            Assert.Equal("Wall Street Journal", wsj.ReportingOutlet);
        }

        [Fact]
        public void Should_handle_german_separable_verbs_dative_interviews_and_institutions()
        {
            var claims = ClaimExtractor.Extract(German, "g2");
            var interview = claims.Single(c => c.Text.Contains("Bloomberg TV", StringComparison.Ordinal));
            Assert.Equal("Ingrid Solberg", interview.Speaker);
            Assert.Equal("interview with Bloomberg TV", interview.Channel);
            var added = claims.Single(c => c.Text.Contains("fügte sie hinzu", StringComparison.Ordinal));
            Assert.Equal("Ingrid Solberg", added.Speaker);
            Assert.Equal(QuoteKind.Indirect, added.Quote);
            Assert.Equal("White House", claims.Single(c => c.Text.Contains("Weiße Haus", StringComparison.Ordinal)).Speaker);
        }
    }
}
