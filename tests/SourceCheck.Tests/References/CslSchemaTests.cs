using System.Text.Json.Nodes;
using SourceCheck.Csl;
using SourceCheck.References;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.References;

public sealed class CslSchemaTests
{
    private static MiniJsonSchema Schema() => MiniJsonSchema.Load(SharedData.Require("csl-schema/csl-data.json"));

    private static void AssertValid(MiniJsonSchema schema, IReadOnlyList<CslItem> items)
    {
        Assert.NotEmpty(items);
        var errors = schema.Validate(JsonNode.Parse(CslJson.Serialize(items)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    public sealed class Validate
    {
        [SkippableTheory]
        [InlineData("sample.bib")]
        [InlineData("sample.ris")]
        [InlineData("sample-article.txt")]
        [InlineData("sample.json")]
        public void Should_accept_what_the_readers_produce_from_the_fixtures(string fixture)
        {
            var schema = Schema();
            var result = ReferenceReader.Read(File.ReadAllText(SharedData.Fixture(fixture)), InputFormat.Auto, fixture);
            AssertValid(schema, result.Items);
            AssertValid(schema, Deduplicator.Merge(result.Items).Items);
        }

        [SkippableFact]
        public void Should_accept_the_parsed_seed_and_dev_blocks()
        {
            var schema = Schema();
            var seed = ReferenceReader.Read(File.ReadAllText(SharedData.Require("seeds/001_24f15e50664b9831.txt")));
            AssertValid(schema, seed.Items);
            var blocks = JsonNode.Parse(File.ReadAllText(SharedData.Require("refparse/blocks-dev.json")))!.AsArray();
            foreach (var block in blocks)
            {
                AssertValid(schema, ReferenceReader.Read(block!["text"]!.GetValue<string>(), InputFormat.Text).Items);
            }
        }

        [SkippableTheory]
        [InlineData("""[{"id":"a"}]""", "missing required property 'type'")]
        [InlineData("""[{"id":"a","type":"newspaper"}]""", "not one of the allowed values")]
        [InlineData("""[{"id":"a","type":"book","titel":"x"}]""", "'titel' is not allowed")]
        [InlineData("""[{"id":"a","type":"book","author":[{"family":"X","middle":"Y"}]}]""", "matches no anyOf")]
        [InlineData("""[{"id":"a","type":"book","issued":{"date-parts":[[2020,1,2,3]]}}]""", "at most 3")]
        [InlineData("""[{"id":"a","type":"book","issued":{"date-parts":[]}}]""", "at least 1")]
        [InlineData("""[{"id":true,"type":"book"}]""", "expected string|number")]
        [InlineData("""{"id":"a","type":"book"}""", "expected array")]
        public void Should_reject_invalid_documents(string json, string expected)
        {
            var errors = Schema().Validate(JsonNode.Parse(json));
            Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        }
    }
}
