using SourceCheck.Text;

namespace SourceCheck.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text) => [.. SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length))];

    public sealed class Split
    {
        [Theory]
        [InlineData("Das kostet z. B. 5 Euro. Danach ist Schluss.", "Das kostet z. B. 5 Euro.|Danach ist Schluss.")]
        [InlineData("Er sprach u. a. über Steuern, d. h. über Geld. Sie schwieg.", "Er sprach u. a. über Steuern, d. h. über Geld.|Sie schwieg.")]
        [InlineData("Dr. Meier und Prof. Schulz kamen am 6. November nach Berlin. Es regnete.", "Dr. Meier und Prof. Schulz kamen am 6. November nach Berlin.|Es regnete.")]
        [InlineData("Sie belegte den 3. Platz. Nr. 5 folgte.", "Sie belegte den 3. Platz.|Nr. 5 folgte.")]
        [InlineData("Es kamen ca. 300 Gäste bzw. Mitglieder. Gut so.", "Es kamen ca. 300 Gäste bzw. Mitglieder.|Gut so.")]
        [InlineData("Der Kurs stieg um 3,5 Prozent. Danach fiel er.", "Der Kurs stieg um 3,5 Prozent.|Danach fiel er.")]
        [InlineData("„Das ist gut.“ Danach ging er.", "„Das ist gut.“|Danach ging er.")]
        [InlineData("Er sagte: »Wir bleiben.« Sie nickte.", "Er sagte: »Wir bleiben.«|Sie nickte.")]
        [InlineData("Sie sagte «Nein.» Dann ging sie.", "Sie sagte «Nein.»|Dann ging sie.")]
        [InlineData("„Wir wachsen. Wir investieren“, sagte sie. Dann ging sie.", "„Wir wachsen. Wir investieren“, sagte sie.|Dann ging sie.")]
        [InlineData("Auf X schrieb sie das. „Es war ein Fehler.“", "Auf X schrieb sie das.|„Es war ein Fehler.“")]
        public void Should_split_german_text(string text, string expected)
        {
            Assert.Equal(expected.Split('|'), Sentences(text));
        }

        [Theory]
        [InlineData("Mr. Smith works for Acme Inc. in the U.S. and earns $3.5 million. He is happy.", "Mr. Smith works for Acme Inc. in the U.S. and earns $3.5 million.|He is happy.")]
        [InlineData("The company moved to the U.S. The move was costly.", "The company moved to the U.S.|The move was costly.")]
        [InlineData("J. P. Morgan raised its target on Jan. 5. Shares rose.", "J. P. Morgan raised its target on Jan. 5.|Shares rose.")]
        [InlineData("\"We will win. We always win,\" she said. Then she left.", "\"We will win. We always win,\" she said.|Then she left.")]
        [InlineData("She wrote on X. \"I used the word 'backstop' and it muddied the point.\"", "She wrote on X.|\"I used the word 'backstop' and it muddied the point.\"")]
        [InlineData("‘It is over.’ He left.", "‘It is over.’|He left.")]
        [InlineData("“It is over.” He left.", "“It is over.”|He left.")]
        [InlineData("Is it true? Yes! It is.", "Is it true?|Yes!|It is.")]
        [InlineData("Osei's plan can't work. It's dead.", "Osei's plan can't work.|It's dead.")]
        [InlineData("The vote is on Nov. 5 in Ohio. Polls open early.", "The vote is on Nov. 5 in Ohio.|Polls open early.")]
        [InlineData("Acme Corp. The rival fell.", "Acme Corp.|The rival fell.")]
        public void Should_split_english_text(string text, string expected)
        {
            Assert.Equal(expected.Split('|'), Sentences(text));
        }

        [Fact]
        public void Should_end_headline_lines_without_punctuation()
        {
            string text = "Big news today\n\nThe firm said it grew. It hired staff.\nBusiness Check\n  • First point?\n    The answer follows.";
            Assert.Equal(["Big news today", "The firm said it grew.", "It hired staff.", "Business Check", "First point?", "The answer follows."], Sentences(text));
        }

        [Fact]
        public void Should_join_hard_wrapped_lines_that_continue_in_lower_case()
        {
            string text = "The company said on Monday that it would cut about four hundred jobs\nin its home market. Shares fell.";
            Assert.Equal(["The company said on Monday that it would cut about four hundred jobs\nin its home market.", "Shares fell."], Sentences(text));
        }

        [Fact]
        public void Should_return_offsets_into_the_original_text()
        {
            string text = "  Erster Satz.  Zweiter Satz!\n\nDritter";
            var spans = SentenceSplitter.Split(text);
            Assert.Equal([2, 16, 31], spans.Select(s => s.Start));
            Assert.Equal("Zweiter Satz!", text.Substring(spans[1].Start, spans[1].Length));
        }

        [Fact]
        public void Should_split_ten_thousand_sentences_quickly()
        {
            string text = string.Concat(Enumerable.Repeat("Dr. Meier sagte am 6. November, der Umsatz steige um 3,5 Prozent. „Das ist gut“, so der Chef. ", 5000));
            var spans = SentenceSplitter.Split(text);
            Assert.Equal(10000, spans.Count);
        }
    }
}
