using System.Text.Json.Nodes;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;

namespace SourceCheck.Tests.Csl;

public sealed class CslJsonTests
{
    private const string Sample = """
        [{"id":"wile2025","type":"article-newspaper","title":"OpenAI's Sam Altman backtracks",
          "author":[{"family":"Wile","given":"R."},{"literal":"The Tech Buzz Team"},
                    {"family":"Beethoven","given":"Ludwig","non-dropping-particle":"van","suffix":"Jr.","comma-suffix":true}],
          "issued":{"date-parts":[[2025,11,6]]},"accessed":{"date-parts":[[2025,11],[2025,"12"]],"circa":true},
          "volume":3,"page":"12-14","container-title":"NBC News","x-unknown":{"a":[1,2]},"custom":{"k":"v"}}]
        """;

    public sealed class Parse
    {
        [Fact]
        public void Should_read_names_dates_and_numbers()
        {
            var result = CslJson.Parse(Sample);
            Assert.True(result.Success);
            var item = Assert.Single(result.Value!);
            Assert.Equal("article-newspaper", item.Type);
            Assert.Equal(3, item.Authors.Count);
            Assert.Equal("The Tech Buzz Team", item.Authors[1].Literal);
            Assert.Equal("van", item.Authors[2].NonDroppingParticle);
            Assert.True(item.Authors[2].CommaSuffix);
            Assert.Equal(new DateParts(2025, 11, 6), item.Issued!.Start);
            var accessed = item.GetDate("accessed")!;
            Assert.True(accessed.IsRange);
            Assert.True(accessed.Circa);
            Assert.Equal(new DateParts(2025, 11), accessed.Start);
            Assert.Equal("3", item["volume"]);
            Assert.True(item.IsNumeric("volume"));
        }

        [Fact]
        public void Should_report_invalid_json_with_line_and_column()
        {
            var result = CslJson.Parse("[\n  {\"id\": 1,,}\n]", "bad.json");
            Assert.False(result.Success);
            var d = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticCodes.InvalidJson, d.Code);
            Assert.Equal(2, d.Span.Line);
            Assert.True(d.Span.Column > 1);
        }

        [Fact]
        public void Should_read_edtf_string_dates()
        {
            var result = CslJson.Parse("""[{"id":"a","type":"book","issued":"2025-11-09/2025-12"}]""");
            var date = result.Value![0].Issued!;
            Assert.Equal(new DateParts(2025, 11, 9), date.Start);
            Assert.Equal(new DateParts(2025, 12), date.End);
        }
    }

    public sealed class Serialize
    {
        [Fact]
        public void Should_round_trip_losslessly_including_unknown_fields()
        {
            // date-parts given as strings are normalised to numbers; everything else is kept as written.
            string sample = Sample.Replace("\"12\"", "12", StringComparison.Ordinal);
            var first = CslJson.Parse(sample).Value!;
            string written = CslJson.Serialize(first);
            var again = CslJson.Parse(written).Value!;
            Assert.Equal(written, CslJson.Serialize(again));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sample), JsonNode.Parse(written)), written);
        }

        [Fact]
        public void Should_round_trip_through_yaml()
        {
            var items = CslJson.Parse(Sample).Value!;
            string yaml = CslYaml.Serialize(items);
            var back = CslYaml.Parse(yaml);
            Assert.True(back.Success, string.Join("\n", back.Diagnostics) + yaml);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CslJson.Serialize(items)), JsonNode.Parse(CslJson.Serialize(back.Value!))), yaml + CslJson.Serialize(back.Value!));
        }
    }
}
