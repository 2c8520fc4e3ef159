using SourceCheck.Csl;
using SourceCheck.References.Parsing;
using SourceCheck.References.Parsing.Training;

namespace SourceCheck.Tests.References.Parsing;

public sealed class FieldTextTests
{
    public sealed class DateParse
    {
        [Theory]
        [InlineData("2025, November 6", 2025, 11, 6)]
        [InlineData("6.11.2025", 2025, 11, 6)]
        [InlineData("3 Oct. 2025", 2025, 10, 3)]
        [InlineData("2025 Nov 1", 2025, 11, 1)]
        [InlineData("March 12, 2025", 2025, 3, 12)]
        [InlineData("2025, 18 de julio", 2025, 7, 18)]
        [InlineData("24 janvier 2024", 2024, 1, 24)]
        [InlineData("12. März 2024", 2024, 3, 12)]
        [InlineData("2025-11-06", 2025, 11, 6)]
        [InlineData("11/6/2025", 2025, 11, 6)]
        [InlineData("1994b", 1994, null, null)]
        [InlineData("septembre 2014", 2014, 9, null)]
        public void Should_read_dates_in_several_languages(string text, int year, int? month, int? day)
        {
            var date = DateText.Parse(text);
            Assert.Equal(new DateParts(year, month, day), date?.Start);
            Assert.Equal(text, date?.Raw);
        }

        [Theory]
        [InlineData("n.d.")]
        [InlineData("o. J.")]
        [InlineData("(n.d.)")]
        public void Should_read_no_date(string text) => Assert.Null(DateText.Parse(text));

        [Fact]
        public void Should_read_ranges_and_seasons()
        {
            Assert.True(DateText.Parse("1994–1996")!.IsRange);
            Assert.Equal("1", DateText.Parse("Spring 2020")!.Season);
        }
    }

    public sealed class NameParse
    {
        [Theory]
        [InlineData("Wile, R.", "Wile", "R.", null)]
        [InlineData("Pérez-Higueras JJ", "Pérez-Higueras", "JJ", null)]
        [InlineData("J. P. Collman", "Collman", "J. P.", null)]
        [InlineData("MARTIN Julie", "MARTIN", "Julie", null)]
        [InlineData("Maria Fernández", "Fernández", "Maria", null)]
        [InlineData("de la Macorra JC", "Macorra", "JC", "de la")]
        [InlineData("Daly, M. (Host)", "Daly", "M.", null)]
        public void Should_split_persons(string raw, string family, string given, string? particle)
        {
            var name = NameText.Parse(raw)!;
            Assert.Equal(family, name.Family);
            Assert.Equal(given, name.Given);
            Assert.Equal(particle, name.NonDroppingParticle);
        }

        [Theory]
        [InlineData("The Tech Buzz Team")]
        [InlineData("International Energy Agency")]
        [InlineData("Wikipedia contributors")]
        [InlineData("dpa")]
        public void Should_keep_corporate_names_whole(string raw) => Assert.Equal(raw, NameText.Parse(raw)!.Literal);
    }

    public sealed class Training
    {
        private static readonly Dictionary<string, IReadOnlyList<string>> Fields = new()
        {
            ["author"] = ["Wile, R.", "Kopack, S."],
            ["date"] = ["2025, November 6"],
            ["title"] = ["Altman backtracks on backstop talk"],
            ["container-title"] = ["NBC News"],
        };

        private const string Text = "Wile, R., & Kopack, S. (2025, November 6). Altman backtracks on backstop talk. NBC News.";

        [Fact]
        public void Should_align_gold_fields_to_tokens()
        {
            Assert.True(Aligner.TryAlign(Text, Fields, out var labels, out var failed), failed);
            var tokens = RefTokenizer.Tokenize(Text);
            string Label(string token) => TagLabels.Display[labels[tokens.FindIndex(t => Text.Substring(t.Start, t.Length) == token)]];
            Assert.Equal("author-B", Label("Wile"));
            Assert.Equal("author", Label("&"));
            Assert.Equal("author-B", Label("Kopack"));
            Assert.Equal("date", Label("November"));
            Assert.Equal("title", Label("backstop"));
            Assert.Equal("container-title", Label("NBC"));
            Assert.Equal("other", Label("("));
        }

        [Fact]
        public void Should_train_reproducibly_with_a_fixed_seed()
        {
            Assert.True(Aligner.TryAlign(Text, Fields, out var labels, out _));
            var data = new[] { new TrainingSequence(Text, labels, 3) };
            var options = new TrainerOptions { BucketBits = 12, Epochs = 3, Seed = 7 };
            var a = TaggerTrainer.TrainToBytes(data, options);
            var b = TaggerTrainer.TrainToBytes(data, options);
            Assert.Equal(a, b);
            var model = TaggerModel.Load(new MemoryStream(a));
            var parsed = SourceCheck.References.ReferenceParser.Parse(Text, null, default, model);
            Assert.Equal("Altman backtracks on backstop talk", parsed.Item.Title);
        }
    }
}
