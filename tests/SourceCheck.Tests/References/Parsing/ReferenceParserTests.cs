using System.Text.RegularExpressions;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.References;
using SourceCheck.Tests.Support;
using SourceCheck.Text;

namespace SourceCheck.Tests.References.Parsing;

public sealed class ReferenceParserTests
{
    private static string Authors(CslItem item) =>
        string.Join(" | ", item.Authors.Select(a => a.Literal ?? $"{a.NonDroppingParticle} {a.Family}, {a.Given}".Trim()));

    public sealed class Parse
    {
        /// <summary>The "Bibliography: - …" list of the seed article, split on " - " here (block splitting is
        /// not this parser's job); the page boilerplate glued to the last entry is cut off.</summary>
        private static List<string> SeedEntries()
        {
            string text = File.ReadAllText(SharedData.Require("seeds/001_24f15e50664b9831.txt"));
            int at = text.LastIndexOf("Bibliography:", StringComparison.Ordinal);
            Assert.True(at >= 0);
            string block = text[(at + "Bibliography:".Length)..];
            int newline = block.IndexOf('\n', StringComparison.Ordinal);
            if (newline > 0)
            {
                block = block[..newline];
            }

            var entries = block.Split(" - ", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim().TrimStart('-', ' ')).ToList();
            var glued = Regex.Match(entries[^1], @"^(.*?\.)(?=[A-ZÄÖÜ][a-zäöü]+\s)", RegexOptions.None, TimeSpan.FromSeconds(1));
            if (glued.Success)
            {
                entries[^1] = glued.Groups[1].Value;
            }

            return entries;
        }

        // the seed entries are strict APA news references: an independent regular expression is the oracle
        private static readonly Regex ApaNews = new(
            @"^(?<authors>.*?)\s*\((?<year>\d{4}), (?<month>[A-Z][a-z]+) (?<day>\d{1,2})\)\.\s+(?<title>.+)\.\s+(?<outlet>[^.]+)\.$",
            RegexOptions.None, TimeSpan.FromSeconds(1));

        [SkippableFact]
        public void Should_parse_the_ten_seed_references_exactly()
        {
            var entries = SeedEntries();
            Assert.Equal(10, entries.Count);
            int unsigned = 0;
            foreach (string entry in entries)
            {
                var m = ApaNews.Match(entry);
                Assert.True(m.Success, entry);
                var result = ReferenceParser.Parse(entry);
                var item = result.Item;
                Assert.Equal(m.Groups["title"].Value, item.Title);
                Assert.Equal(m.Groups["outlet"].Value, item["container-title"]);
                Assert.Equal("article-newspaper", item.Type);
                var month = DateTime.ParseExact(m.Groups["month"].Value, "MMMM", System.Globalization.CultureInfo.InvariantCulture).Month;
                Assert.Equal(new DateParts(int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture), month,
                    int.Parse(m.Groups["day"].Value, System.Globalization.CultureInfo.InvariantCulture)), item.Issued?.Start);

                string authors = m.Groups["authors"].Value;
                if (authors.Length == 0)
                {
                    unsigned++;
                    Assert.Empty(item.Authors);
                    continue;
                }

                var persons = Regex.Matches(authors, @"([A-Z][\w'’-]+), ([A-Z])\.", RegexOptions.None, TimeSpan.FromSeconds(1));
                if (persons.Count == 0)
                {
                    var only = Assert.Single(item.Authors);
                    Assert.Equal(authors.TrimEnd('.'), only.Literal);
                }
                else
                {
                    Assert.Equal(persons.Select(p => p.Groups[1].Value + ", " + p.Groups[2].Value + "."), item.Authors.Select(a => $"{a.Family}, {a.Given}"));
                }
            }

            Assert.Equal(2, unsigned);
            Assert.Contains(entries, e => ReferenceParser.Parse(e).Item.Authors is [{ Literal: "The Tech Buzz Team" }]);
        }

        public static TheoryData<string, string, string, string, string?, string> Styles => new()
        {
            // text | authors | title | container-title | issued | type
            { "Lindqvist, A., & Moreau, P. (2024, March 3). Harbour cranes idle as port strike enters second week. The Baltic Courier.",
              "Lindqvist, A. | Moreau, P.", "Harbour cranes idle as port strike enters second week", "The Baltic Courier", "2024-03-03", "article-newspaper" },
            { "The Data Desk Team. (2025, January 9). Why rural broadband maps keep getting it wrong. The Civic Wire.",
              "The Data Desk Team", "Why rural broadband maps keep getting it wrong", "The Civic Wire", "2025-01-09", "article-newspaper" },
            { "(2025, June 2). Flooding closes three bridges in the valley. Evening Ledger.",
              "", "Flooding closes three bridges in the valley", "Evening Ledger", "2025-06-02", "article-newspaper" },
            { "Brandt, Helena. “Council Votes to Keep Night Trains Running.” The Northern Observer, 12 Feb. 2025, www.northernobserver.com/night-trains. Accessed 14 Feb. 2025.",
              "Brandt, Helena", "Council Votes to Keep Night Trains Running", "The Northern Observer", "2025-02-12", "article-newspaper" },
            { "Schneider, T. (2025): Bahn kündigt neue Sprinterzüge an. In: Rheinische Rundschau, 4.3.2025.",
              "Schneider, T.", "Bahn kündigt neue Sprinterzüge an", "Rheinische Rundschau", "2025-03-04", "article-newspaper" },
            { "Okonkwo, B. (2023). Measuring trust in local news. Journal of Media Studies, 41(2), 117–134. https://doi.org/10.5555/jms.2023.0412",
              "Okonkwo, B.", "Measuring trust in local news", "Journal of Media Studies", "2023", "article-journal" },
        };

        [Theory]
        [MemberData(nameof(Styles))]
        public void Should_read_authors_title_container_date_and_type(string text, string authors, string title, string container, string? issued, string type)
        {
            var item = ReferenceParser.Parse(text).Item;
            Assert.Equal(authors, Authors(item));
            Assert.Equal(title, item.Title);
            Assert.Equal(container, item["container-title"]);
            Assert.Equal(issued, item.Issued?.ToString());
            Assert.Equal(type, item.Type);
        }

        [Fact]
        public void Should_normalise_doi_and_split_volume_issue_pages()
        {
            var item = ReferenceParser.Parse("Okonkwo, B. (2023). Measuring trust in local news. Journal of Media Studies, 41(2), 117–134. https://doi.org/10.5555/jms.2023.0412.").Item;
            Assert.Equal("41", item["volume"]);
            Assert.Equal("2", item["issue"]);
            Assert.Equal("117–134", item["page"]);
            Assert.Equal("10.5555/jms.2023.0412", item["DOI"]);
        }

        [Fact]
        public void Should_read_no_date_and_retrieved_date_of_a_web_page()
        {
            var item = ReferenceParser.Parse("Harbour Safety Board. (n.d.). How to report a lost dinghy. Retrieved March 4, 2025, from https://www.harboursafety.example.org/lost-dinghy").Item;
            Assert.Null(item.Issued);
            Assert.Equal("Harbour Safety Board", Assert.Single(item.Authors).Literal);
            Assert.Equal(new DateParts(2025, 3, 4), item.GetDate("accessed")?.Start);
            Assert.Equal("https://www.harboursafety.example.org/lost-dinghy", item["URL"]);
            Assert.Equal("webpage", item.Type);
        }

        [Fact]
        public void Should_keep_field_spans_relative_to_the_origin()
        {
            const string text = "Lindqvist, A. (2024, March 3). Harbour cranes idle. The Baltic Courier.";
            var result = ReferenceParser.Parse(text, "x", new TextSpan(1000, text.Length, 7, 3));
            Assert.Equal("x", result.Item.Id);
            foreach (var field in result.Fields)
            {
                Assert.InRange(field.Span.Start, 1000, 1000 + text.Length);
                Assert.Equal(7, field.Span.Line);
                Assert.Equal(3 + field.Span.Start - 1000, field.Span.Column);
                Assert.InRange(field.Confidence, 0, 1);
            }

            var title = Assert.Single(result.Fields, f => f.Name == "title");
            Assert.Equal("Harbour cranes idle", text.Substring(title.Span.Start - 1000, title.Span.Length));
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("!!! ??? ---")]
        [InlineData("\0\u0001\u0002")]
        public void Should_report_a_diagnostic_for_empty_or_garbage_input(string text)
        {
            var result = ReferenceParser.Parse(text);
            var d = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticCodes.UnparsedReference, d.Code);
            Assert.Empty(result.Fields);
        }

        [Fact]
        public void Should_truncate_a_huge_reference_with_a_diagnostic()
        {
            string text = string.Concat(Enumerable.Repeat("Word (1999). ", 3000));
            var result = ReferenceParser.Parse(text);
            Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ReferenceTruncated);
        }

        [Fact]
        public void Should_give_the_same_result_every_time()
        {
            const string text = "[3] J. Alvarez, “Drought forces canal to cut transits,” Global Shipping Times, Aug. 21, 2025.";
            string first = CslJson.SerializeLine(ReferenceParser.Parse(text, "a").Item);
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(first, CslJson.SerializeLine(ReferenceParser.Parse(text, "a").Item));
            }
        }
    }

    public sealed class Explain
    {
        [Theory]
        [InlineData("Wile, R., & Kopack, S. (2025, November 6). OpenAI's Sam Altman backtracks. NBC News.")]
        [InlineData("“About Us.” FactCheck Hub, www.factcheckhub.example/about. Accessed 8 Nov. 2025.")]
        [InlineData("")]
        public void Should_return_one_tag_per_token_covering_the_text(string text)
        {
            var tags = ReferenceParser.Explain(text);
            int pos = 0;
            foreach (var tag in tags)
            {
                Assert.True(tag.Span.Start >= pos);
                Assert.True(string.IsNullOrWhiteSpace(text[pos..tag.Span.Start]));
                Assert.Equal(tag.Token, text.Substring(tag.Span.Start, tag.Span.Length));
                Assert.InRange(tag.Confidence, 0, 1);
                Assert.False(string.IsNullOrEmpty(tag.Label));
                pos = tag.Span.End;
            }

            Assert.True(string.IsNullOrWhiteSpace(text[pos..]));
        }

        [Fact]
        public void Should_label_the_title_tokens()
        {
            var tags = ReferenceParser.Explain("Wile, R., & Kopack, S. (2025, November 6). OpenAI backtracks on backstop talk. NBC News.");
            Assert.Equal("title", tags.Single(t => t.Token == "backstop").Label);
            Assert.Equal("author-B", tags.Single(t => t.Token == "Wile").Label);
            Assert.Equal("date", tags.Single(t => t.Token == "November").Label);
        }
    }
}
