using System.Text.Json;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Claims.Matching;

public sealed class CommandTests
{
    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sc-match-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public sealed class Compare
    {
        [Fact]
        public void Should_write_links_with_offsets_and_text_as_json()
        {
            string dir = TempDir();
            File.WriteAllText(Path.Combine(dir, "one.txt"), "Local news.\n\nThe city council approved a budget of 12 million dollars for public libraries on Tuesday evening, the mayor said.\n");
            File.WriteAllText(Path.Combine(dir, "two.txt"), "Report.\n\nOn Tuesday evening the city council approved a budget of 12 million dollars for the public libraries, the mayor said.\n");
            var result = CliRunner.RunIn(dir, null, "compare", "one.txt", "two.txt", "--json");
            Assert.Equal(0, result.ExitCode);
            using var doc = JsonDocument.Parse(result.Out);
            Assert.Equal("sourcecheck-compare/1", doc.RootElement.GetProperty("schema").GetString());
            var link = doc.RootElement.GetProperty("links").EnumerateArray().First();
            var a = link.GetProperty("a");
            Assert.Equal("one.txt", a.GetProperty("file").GetString());
            string text = File.ReadAllText(Path.Combine(dir, "one.txt"));
            Assert.Equal(a.GetProperty("text").GetString(), text[a.GetProperty("start").GetInt32()..a.GetProperty("end").GetInt32()]);
            Assert.Equal("paraphrase", link.GetProperty("type").GetString());
            Assert.InRange(link.GetProperty("score").GetDouble(), 0.3, 1.0);
        }

        [Fact]
        public void Should_print_a_table_and_reject_a_bad_threshold()
        {
            string dir = TempDir();
            File.WriteAllText(Path.Combine(dir, "one.txt"), "Budget.\n\nThe city council approved a budget of 12 million dollars for public libraries on Tuesday evening, the mayor said.");
            File.WriteAllText(Path.Combine(dir, "two.txt"), "Libraries.\n\nOn Tuesday evening the city council approved a budget of 12 million dollars for the public libraries, the mayor said.");
            var table = CliRunner.RunIn(dir, null, "compare", "one.txt", "two.txt");
            Assert.Equal(0, table.ExitCode);
            Assert.Contains("paraphrase", table.Out, StringComparison.Ordinal);
            Assert.Contains("1 link(s)", table.Out, StringComparison.Ordinal);
            Assert.Equal(2, CliRunner.RunIn(dir, null, "compare", "one.txt", "two.txt", "--threshold", "3").ExitCode);
            Assert.Equal(3, CliRunner.RunIn(dir, null, "compare", "one.txt", "missing.txt").ExitCode);
        }
    }

    public sealed class Similarity
    {
        [Fact]
        public void Should_score_each_pair_line()
        {
            string input = """
                {"id": "p1", "a": "The bank raised interest rates on Thursday.", "b": "On Thursday the bank raised interest rates."}
                {"id": "p2", "a": "The bank raised interest rates on Thursday.", "b": "Children played football in the park."}
                """;
            var result = CliRunner.Run(input, "similarity", "--pairs", "-");
            Assert.Equal(0, result.ExitCode);
            var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["p1", "p2"], lines.Select(l => l.GetProperty("id").GetString()));
            Assert.True(lines[0].GetProperty("score").GetDouble() > lines[1].GetProperty("score").GetDouble());
            Assert.Equal(1, lines[0].GetProperty("label").GetInt32());
            Assert.Equal(0, lines[1].GetProperty("label").GetInt32());
        }

        [Fact]
        public void Should_fail_on_input_that_is_not_json_lines()
        {
            var result = CliRunner.Run("not json\n", "similarity", "--pairs", "-");
            Assert.Equal(3, result.ExitCode);
            Assert.Contains("JSON Lines", result.Error, StringComparison.Ordinal);
        }
    }
}
