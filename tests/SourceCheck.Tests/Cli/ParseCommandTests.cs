using System.Text.Json;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Cli;

public sealed class ParseCommandTests
{
    private static JsonElement[] Array(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().ToArray();

    public sealed class Errors
    {
        [Fact]
        public void Should_exit_3_without_stack_trace_on_invalid_json()
        {
            var r = CliRunner.Run("[{\"id\": }", "parse", "--from", "csl-json", "-");
            Assert.Equal(3, r.ExitCode);
            Assert.Contains("SC1001", r.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, r.Out);
        }

        [Fact]
        public void Should_exit_2_on_unknown_option()
        {
            var r = CliRunner.Run(null, "parse", "--to", "nonsense");
            Assert.Equal(2, r.ExitCode);
        }

        [Fact]
        public void Should_refuse_binary_input()
        {
            var r = CliRunner.Run("abc\0def", "parse", "-");
            Assert.Equal(3, r.ExitCode);
            Assert.Contains("binary", r.Error, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("--from", "text")]
        [InlineData("--one-per-line", "--from=text")]
        public void Should_reject_a_20_mb_single_line_with_its_position(string option, string value)
        {
            string huge = new('x', 20 * 1024 * 1024);
            var r = CliRunner.Run(huge, "parse", option, value, "-");
            Assert.Equal(3, r.ExitCode);
            Assert.Contains("line 1", r.Error, StringComparison.Ordinal);
            Assert.Contains("SC1051", r.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_report_unbalanced_bibtex_braces_with_line_and_column()
        {
            const string bib = "@article{a,\n  title = {Open {brace},\n  year = 2020,\n}\n\n@book{b, title = {Fine}}\n";
            var r = CliRunner.Run(bib, "parse", "--from", "bibtex", "-");
            Assert.Equal(3, r.ExitCode);
            Assert.Contains("<stdin>:2:3: error SC1021", r.Error, StringComparison.Ordinal);
            Assert.Contains("entry 1 (a)", r.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_not_overwrite_an_existing_output_file_on_error()
        {
            string dir = Directory.CreateTempSubdirectory("sc-parse-").FullName;
            try
            {
                string target = Path.Combine(dir, "out.json");
                File.WriteAllText(target, "keep");
                var r = CliRunner.RunIn(dir, "[{\"id\": }", "parse", "--from", "csl-json", "-o", "out.json", "-");
                Assert.Equal(3, r.ExitCode);
                Assert.Equal("keep", File.ReadAllText(target));
                Assert.Single(Directory.GetFiles(dir));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Should_exit_3_when_no_bibliography_is_found()
        {
            var r = CliRunner.Run("Nothing here but the weather.", "parse", "-");
            Assert.Equal(3, r.ExitCode);
            Assert.Contains("SC2001", r.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_refuse_explain_on_bibtex()
        {
            var r = CliRunner.Run("@misc{a, title={T}}", "parse", "--explain", "--from", "bibtex", "-");
            Assert.Equal(2, r.ExitCode);
        }
    }

    public sealed class Output
    {
        [SkippableFact]
        public void Should_find_the_ten_seed_references()
        {
            string seed = SharedData.Require("seeds/001_24f15e50664b9831.txt");
            var r = CliRunner.Run(null, "parse", seed);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(10, Array(r.Out).Length);
        }

        [Fact]
        public void Should_write_one_json_line_per_input_line_in_order()
        {
            const string input = "Marsh, I. (2020). Quiet rivers. Fen Books.\n\nLund, M. (2019). Harbour lights. Quay Press.\n";
            var r = CliRunner.Run(input, "parse", "--one-per-line", "-");
            Assert.Equal(0, r.ExitCode);
            var lines = r.Out.Split('\n', StringSplitOptions.None);
            Assert.Equal(4, lines.Length); // three lines and the final newline
            Assert.Equal("{}", lines[1]);
            Assert.Contains("Quiet rivers", lines[0], StringComparison.Ordinal);
            Assert.Contains("Harbour lights", lines[2], StringComparison.Ordinal);
            Assert.All(lines[..3], l => JsonDocument.Parse(l).Dispose());
        }

        [Fact]
        public void Should_print_an_explain_table()
        {
            var r = CliRunner.Run("References\nMarsh, I. (2020). Quiet rivers. Fen Books.\n", "parse", "--explain", "-");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("label", r.Out, StringComparison.Ordinal);
            Assert.Contains("confidence", r.Out, StringComparison.Ordinal);
            Assert.Contains("entry 1", r.Out, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("sample.bib", "ris", "TY  - JOUR")]
        [InlineData("sample.ris", "bibtex", "@article{")]
        [InlineData("sample.bib", "yaml", "- id: \"ostrander2021\"")]
        [InlineData("sample.ris", "csl-json", "\"type\": \"article-newspaper\"")]
        public void Should_convert_between_formats(string fixture, string to, string expected)
        {
            var r = CliRunner.Run(null, "parse", SharedData.Fixture(fixture), "--to", to);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains(expected, r.Out, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_merge_duplicates_unless_told_not_to()
        {
            const string json = """[{"id":"a","type":"book","title":"T","DOI":"10.1/x"},{"id":"b","type":"book","title":"T2","DOI":"https://doi.org/10.1/X"}]""";
            var merged = CliRunner.Run(json, "parse", "--from", "csl-json", "-");
            Assert.Equal(0, merged.ExitCode);
            Assert.Single(Array(merged.Out));
            Assert.Contains("SC2010", merged.Error, StringComparison.Ordinal);
            var kept = CliRunner.Run(json, "parse", "--from", "csl-json", "--no-dedup", "-");
            Assert.Equal(2, Array(kept.Out).Length);
        }

        [Fact]
        public void Should_write_the_output_file_on_success()
        {
            string dir = Directory.CreateTempSubdirectory("sc-parse-").FullName;
            try
            {
                var r = CliRunner.RunIn(dir, null, "parse", SharedData.Fixture("sample.ris"), "-o", "out.json");
                Assert.Equal(0, r.ExitCode);
                Assert.Equal(8, Array(File.ReadAllText(Path.Combine(dir, "out.json"))).Length);
                Assert.Equal(string.Empty, r.Out);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
