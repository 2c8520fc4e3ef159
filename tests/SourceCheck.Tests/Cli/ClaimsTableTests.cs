using System.Text;
using System.Text.RegularExpressions;
using SourceCheck.Tests.Support;
using Xunit;

namespace SourceCheck.Tests.Cli;

/// <summary>Issue 15 (session-9 campaign): the text table of <c>claims</c> is laid out by Spectre up to
/// <see cref="SourceCheck.Cli.Infrastructure.LongTable.MaxLaidOutRows"/> rows and one line a row past it, so 60,000 claims
/// no longer take 15 s and 890 MB in one table; every claim gets its row and the header comes once.</summary>
public sealed class ClaimsTableTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sc-claims-table-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_table_up_to_the_layout_limit_is_one_table_with_every_row_and_one_header()
    {
        string[] names = ["Anna Schulz", "Ben Carter", "Eva Müller", "Jane Doe"];
        var text = new StringBuilder();
        int n = SourceCheck.Cli.Infrastructure.LongTable.MaxLaidOutRows - 3;
        for (int i = 0; i < n; i++)
        {
            text.Append($"„Das ist Aussage {i} zum Thema Preise“, sagte {names[i % names.Length]}.\n\n");
        }

        string path = Path.Combine(_dir, "a.txt");
        File.WriteAllText(path, text.ToString());
        var r = CliRunner.Run(null, "claims", path, "--lang", "de");
        Assert.Equal(0, r.ExitCode);
        int claims = int.Parse(Regex.Match(r.Out, @"a\.txt: de, (\d+) claims", RegexOptions.None, TimeSpan.FromSeconds(10)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(claims, SourceCheck.Cli.Infrastructure.LongTable.MaxLaidOutRows * 9 / 10, SourceCheck.Cli.Infrastructure.LongTable.MaxLaidOutRows);
        Assert.DoesNotContain("one line each", r.Out, StringComparison.Ordinal);
        var ids = Regex.Matches(r.Out, @"a\.txt-c(\d+)\b", RegexOptions.None, TimeSpan.FromSeconds(10)).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, claims), ids);
        Assert.Single(Regex.Matches(r.Out, @"\bOffsets\b", RegexOptions.None, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_table_past_the_layout_limit_is_one_line_per_row()
    {
        var text = new StringBuilder();
        int n = SourceCheck.Cli.Infrastructure.LongTable.MaxLaidOutRows + 20;
        for (int i = 0; i < n; i++)
        {
            text.Append($"„Das ist Aussage {i} zum Thema Preise“, sagte Anna Schulz.\n\n");
        }

        string path = Path.Combine(_dir, "long.txt");
        File.WriteAllText(path, text.ToString());
        var r = CliRunner.Run(null, "claims", path, "--lang", "de");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("one line each", r.Out, StringComparison.Ordinal);
        var rows = r.Out.Split('\n').Where(l => l.StartsWith("long.txt-c", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count > SourceCheck.Cli.Infrastructure.LongTable.MaxLaidOutRows, $"{rows.Count} rows");
        Assert.All(rows, l => Assert.Equal(6, Regex.Count(l, @" \| ", RegexOptions.None, TimeSpan.FromSeconds(10))));
        Assert.Contains(rows, l => l.Contains("Anna Schulz", StringComparison.Ordinal));
    }
}
