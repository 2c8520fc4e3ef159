using System.Text.Json;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Claims.Extraction;

public sealed class ClaimsCommandTests
{
    public sealed class Run
    {
        [Fact]
        public void Should_write_json_with_schema_metadata_and_exact_offsets()
        {
            string en = SharedData.Fixture("claims/en-veltrix.txt");
            string de = SharedData.Fixture("claims/de-veltrix.txt");
            var result = CliRunner.Run(null, "claims", "--json", en, de);
            Assert.Equal(0, result.ExitCode);
            using var doc = JsonDocument.Parse(result.Out);
            Assert.Equal("sourcecheck-claims/1", doc.RootElement.GetProperty("schema").GetString());
            var docs = doc.RootElement.GetProperty("documents").EnumerateArray().ToList();
            Assert.Equal(2, docs.Count);
            Assert.Equal("Meridian Wire", docs[0].GetProperty("outlet").GetString());
            Assert.Equal("de", docs[1].GetProperty("language").GetString());
            foreach (var (d, path) in docs.Zip([en, de]))
            {
                string text = File.ReadAllText(path);
                var claims = d.GetProperty("claims").EnumerateArray().ToList();
                Assert.NotEmpty(claims);
                foreach (var c in claims)
                {
                    int start = c.GetProperty("start").GetInt32(), end = c.GetProperty("end").GetInt32();
                    Assert.Equal(text[start..end], c.GetProperty("text").GetString());
                    foreach (string key in new[] { "id", "quote", "quoted_words", "speaker", "speaker_mention", "channel", "reporting_outlet", "figures" })
                    {
                        Assert.True(c.TryGetProperty(key, out _), key);
                    }
                }
            }

            var haddad = docs[0].GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("text").GetString()!.Contains("told Reuters", StringComparison.Ordinal));
            Assert.Equal("Omar Haddad", haddad.GetProperty("speaker").GetString());
            Assert.Equal("Reuters", haddad.GetProperty("reporting_outlet").GetString());
            var figure = Assert.Single(haddad.GetProperty("figures").EnumerateArray());
            Assert.Equal(1.8e9, figure.GetProperty("value").GetDouble());
            Assert.Equal("USD", figure.GetProperty("unit").GetString());

            var deQuote = docs[1].GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("text").GetString()!.Contains("nicht zur Debatte", StringComparison.Ordinal));
            Assert.Equal("Omar Haddad", deQuote.GetProperty("speaker").GetString());
            Assert.Equal("nicht zur Debatte", deQuote.GetProperty("quoted_words").GetString());
        }

        [Fact]
        public void Should_print_a_table_and_read_standard_input()
        {
            string text = File.ReadAllText(SharedData.Fixture("claims/de-veltrix.txt"));
            var result = CliRunner.Run(text, "claims", "-", "--lang", "de");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Laura Brennan", result.Out, StringComparison.Ordinal);
            Assert.Contains("claims", result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b[", result.Out, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_read_html_articles()
        {
            var result = CliRunner.Run(null, "claims", "--json", SharedData.Fixture("claims/en-veltrix.html"));
            Assert.Equal(0, result.ExitCode);
            using var doc = JsonDocument.Parse(result.Out);
            var d = doc.RootElement.GetProperty("documents")[0];
            Assert.Equal("Meridian Wire", d.GetProperty("outlet").GetString());
            Assert.Equal(1, d.GetProperty("links").GetInt32());
            var claims = d.GetProperty("claims").EnumerateArray().ToList();
            Assert.Contains(claims, c => c.GetProperty("speaker").GetString() == "Laura Brennan" && c.GetProperty("quote").GetString() == "direct");
            Assert.DoesNotContain(claims, c => c.GetProperty("text").GetString()!.Contains("Injected", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_report_usage_and_input_errors_with_exit_codes()
        {
            Assert.Equal(2, CliRunner.Run(null, "claims", "--lang", "fr", "x.txt").ExitCode);
            var missing = CliRunner.Run(null, "claims", "no-such-file.txt");
            Assert.Equal(3, missing.ExitCode);
            Assert.Contains("no such file", missing.Error, StringComparison.Ordinal);
        }
    }
}
