using System.Text;
using System.Text.RegularExpressions;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;
using SourceCheck.Fuzzing;
using SourceCheck.Tests.Support;
using SourceCheck.Text;

namespace SourceCheck.Tests.Robustness;

/// <summary>Issue 15: every exit-3 message is positioned (<c>FILE:LINE:COL: error SCnnnn: …</c>, 1:1 for a whole-file
/// problem), and a style that multiplies its output stops at the output budget (SC3014) at the element's line.</summary>
public sealed class PositionedErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sc-positioned-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static void AssertAt(CliRunner.Result r, string file, string position, string code)
    {
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.DoesNotContain("Exception", r.Error, StringComparison.Ordinal);
        string expected = $"{file}:{position}: error {code}: ";
        Assert.True(r.Error.Split('\n').Any(l => l.StartsWith(expected, StringComparison.Ordinal)), $"expected a line starting '{expected}', got: {r.Error}");
    }

    [Fact]
    public void Binary_input_names_the_line_and_column_of_the_nul()
    {
        string path = Write("bin.txt", "Smith, J. (2020). Title.\nab\0cd\n");
        AssertAt(CliRunner.Run(null, "parse", path), path, "2:3", DiagnosticCodes.BinaryInput);
        string controls = Write("controls.txt", "ok line\n" + new string('\u0001', 50) + "\n");
        AssertAt(CliRunner.Run(null, "claims", controls), controls, "2:1", DiagnosticCodes.BinaryInput);
    }

    [Fact]
    public void Missing_file_and_directory_are_positioned_at_1_1()
    {
        string missing = Path.Combine(_dir, "nope.txt");
        AssertAt(CliRunner.Run(null, "parse", missing), missing, "1:1", DiagnosticCodes.InputNotFound);
        AssertAt(CliRunner.Run(null, "claims", _dir), _dir, "1:1", DiagnosticCodes.InputIsDirectory);
        AssertAt(CliRunner.Run(null, "page", missing), missing, "1:1", DiagnosticCodes.InputNotFound);
    }

    [Fact]
    public void Style_over_the_size_limit_is_positioned()
    {
        string style = Path.Combine(_dir, "big.csl");
        using (var w = new StreamWriter(style))
        {
            w.Write("<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\"><!--");
            var chunk = new string('x', 1 << 16);
            for (int i = 0; i < 70; i++)
            {
                w.Write(chunk);
            }

            w.Write("--></style>");
        }

        AssertAt(CliRunner.Run(null, "format", SharedData.Fixture("sample.json"), "--style", style), style, "1:1", DiagnosticCodes.InputTooLarge);
    }

    [Fact]
    public void Missing_page_folder_is_positioned_in_check_and_verify()
    {
        string nope = Path.Combine(_dir, "no-pages");
        string article = SharedData.Fixture("sample-article.txt");
        AssertAt(CliRunner.Run(null, "check", article, "--no-store", "--page-dir", nope), nope, "1:1", DiagnosticCodes.InputNotFound);
        AssertAt(CliRunner.Run(null, "verify", SharedData.Fixture("sample.json"), "--page-dir", nope), nope, "1:1", DiagnosticCodes.InputNotFound);
    }

    [Fact]
    public void Output_that_cannot_be_written_is_positioned()
    {
        string input = SharedData.Fixture("sample.json");
        AssertAt(CliRunner.Run(null, "parse", input, "-o", _dir), _dir, "1:1", DiagnosticCodes.OutputNotWritable);
        string inMissingFolder = Path.Combine(_dir, "no", "out.json");
        AssertAt(CliRunner.Run(null, "parse", input, "-o", inMissingFolder), inMissingFolder, "1:1", DiagnosticCodes.OutputNotWritable);
    }

    [Fact]
    public void Unknown_cite_id_and_unknown_style_are_positioned()
    {
        string input = SharedData.Fixture("sample.json");
        AssertAt(CliRunner.Run(null, "format", input, "--cite", "no-such-id"), input, "1:1", DiagnosticCodes.CslItemNotFound);
        AssertAt(CliRunner.Run(null, "format", input, "--style", "zzqx-no-such-style"), "zzqx-no-such-style", "1:1", DiagnosticCodes.CslStyleNotFound);
    }

    [Fact]
    public void Store_that_is_not_a_database_is_positioned()
    {
        string db = Write("not.db", new string('x', 4096));
        string article = SharedData.Fixture("sample-article.txt");
        AssertAt(CliRunner.Run(null, "check", article, "--db", db), db, "1:1", DiagnosticCodes.StoreNotADatabase);
    }

    [Fact]
    public void Input_too_large_is_positioned()
    {
        var e = Assert.Throws<InputTooLargeException>(() => InputLimits.ReadBounded(new MemoryStream(new byte[100]), 10, "x.bin"));
        Assert.StartsWith("x.bin:1:1: error SC1051: ", e.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ CSL output budget

    private static readonly string LongTitle = string.Concat(Enumerable.Repeat("A very long title of a work ", 80)); // 2,240 characters

    private static CslItem Item() => new CslItem("a", "book").SetString("title", LongTitle);

    private static Locale English() => new("en-US", [LocaleData.Parse(EmbeddedLocales.Get("en-US")!).Value!]);

    [Fact]
    public void Macro_repeating_a_long_title_stops_at_the_output_budget_with_the_line()
    {
        // 2^16 title renders (about 147 M characters) fit the expansion budget; the output budget stops them.
        string xml = FuzzEngine.MacroLaughs(17).Replace("<macro name=\"m0\">", "\n<macro name=\"m0\">", StringComparison.Ordinal);
        var style = Style.Parse(xml, "laughs.csl");
        Assert.True(style.Success, string.Join("; ", style.Diagnostics));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<DiagnosticException>(() => new CslProcessor(style.Value!, English(), [Item()]).Process([]));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 200L << 20, "stopped early");
        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(DiagnosticCodes.CslOutputBudget, d.Code);
        Assert.Equal("laughs.csl", d.Source);
        Assert.Equal(2, d.Span.Line); // the <text variable="title"/> inside macro m0
        Assert.Matches(new Regex(@"^laughs\.csl:2:1: error SC3014: the output of item 'a' passes ", RegexOptions.None, TimeSpan.FromSeconds(1)), d.ToString());
    }

    [Fact]
    public void Huge_affixes_and_delimiters_stop_at_the_output_budget()
    {
        string prefix = new('p', 300_000);
        var affix = Style.Parse(FuzzEngine.StyleWith($"<text variable=\"title\" prefix=\"{prefix}\"/>"), "affix.csl");
        var e1 = Assert.Throws<DiagnosticException>(() => new CslProcessor(affix.Value!, English(), [Item()]).Process([]));
        Assert.Equal(DiagnosticCodes.CslOutputBudget, e1.Diagnostics[0].Code);

        string many = FuzzEngine.Repeat("<text variable=\"title\"/>", 60);
        var delimited = Style.Parse(FuzzEngine.StyleWith($"<group delimiter=\"{new string('d', 5_000)}\">{many}</group>"), "delim.csl");
        var e2 = Assert.Throws<DiagnosticException>(() => new CslProcessor(delimited.Value!, English(), [Item()]).Process([]));
        Assert.Equal(DiagnosticCodes.CslOutputBudget, e2.Diagnostics[0].Code);
    }

    [Fact]
    public void Output_budget_leaves_ordinary_styles_and_long_data_alone()
    {
        // a title of 200,000 characters printed twice is 8 times less than its own share of the budget
        var big = new CslItem("b", "book").SetString("title", new string('t', 200_000));
        var twice = Style.Parse(FuzzEngine.StyleWith("<text variable=\"title\"/><text variable=\"title\" prefix=\" \"/>"), "twice.csl");
        var result = new CslProcessor(twice.Value!, English(), [big]).Process([]);
        Assert.Equal(400_001, Assert.Single(result.Bibliography).Length);

        var apa = Style.Parse(EmbeddedLocales.GetStyle("apa")!, "apa");
        var items = CslJson.Parse(File.ReadAllText(SharedData.Fixture("sample.json"))).Value!;
        var formatted = new CslProcessor(apa.Value!, English(), items).Process([]);
        Assert.Equal(items.Count, formatted.Bibliography.Count);
    }

    /// <summary>Campaign s12a find: CSL-JSON date parts far below int.MinValue are kept as int.MinValue, and rendering that
    /// year (full, short, citation label) or an ordinal of it negated it: "Negating the minimum value of a twos complement
    /// number", an unpositioned exit 3 of `format`.</summary>
    [Fact]
    public void Years_and_ordinals_at_the_int_limits_render()
    {
        var items = CslJson.Parse("[{\"id\": \"n\", \"type\": \"book\", \"title\": \"T\", \"edition\": \"-2147483648\", \"issued\": {\"date-parts\": [[-100000000000000000000, 0, 99]]}}]").Value!;
        Assert.Equal(int.MinValue, Assert.Single(items).GetDate("issued")?.Start?.Year);
        foreach (string name in new[] { "chicago-author-date", "apa", "ieee" })
        {
            var style = Style.Parse(EmbeddedLocales.GetStyle(name)!, name);
            var result = new CslProcessor(style.Value!, English(), items).Process([]);
            Assert.Contains("2147483648", Assert.Single(result.Bibliography), StringComparison.Ordinal);
        }

        var shortYear = Style.Parse(FuzzEngine.StyleWith("<date variable=\"issued\"><date-part name=\"year\" form=\"short\"/></date><number variable=\"edition\" form=\"ordinal\"/>"), "short.csl");
        Assert.Contains("48", Assert.Single(new CslProcessor(shortYear.Value!, English(), items).Process([]).Bibliography), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_command_reports_the_output_budget_positioned()
    {
        string items = Write("items.json", CslJson.Serialize([Item()]));
        string style = Write("laughs.csl", FuzzEngine.MacroLaughs(17).Replace("<macro name=\"m0\">", "\n<macro name=\"m0\">", StringComparison.Ordinal));
        AssertAt(CliRunner.Run(null, "format", items, "--style", style), style, "2:1", DiagnosticCodes.CslOutputBudget);
    }

    /// <summary>Campaign find (session 9, a byte mutant of harvard.csl): after the positioned SC3001 the format command
    /// printed an unpositioned summary "error: FILE: the style has 1 error(s)"; `parse -o` on bad input printed
    /// "error: not writing …". Every error line of an exit 3 is positioned now.</summary>
    [Fact]
    public void Every_error_line_of_a_broken_style_or_a_refused_output_is_positioned()
    {
        string style = Write("broken.csl", "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\">\n<citation><layout><text variable=\"title\"/></layuot></citation></style>");
        var r = CliRunner.Run(null, "format", SharedData.Fixture("sample.json"), "--style", style);
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains(r.Error.Split('\n'), l => l.StartsWith(style + ":2:", StringComparison.Ordinal) && l.Contains("error " + DiagnosticCodes.CslXmlSyntax, StringComparison.Ordinal));
        AssertEveryErrorLinePositioned(r);

        string bad = Write("bad.json", "[{\"id\": \"a\", \"type\": \"book\", \"title\": \"x\"},\n {\"id\": ]");
        var p = CliRunner.Run(null, "parse", bad, "-o", Path.Combine(_dir, "out.json"));
        Assert.Equal(ExitCodes.InputError, p.ExitCode);
        AssertEveryErrorLinePositioned(p);
        Assert.False(File.Exists(Path.Combine(_dir, "out.json")));
    }

    private static void AssertEveryErrorLinePositioned(CliRunner.Result r)
    {
        var errorLines = r.Error.Split('\n').Where(l => l.StartsWith("error", StringComparison.Ordinal) || l.Contains(" error ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(errorLines);
        Assert.All(errorLines, l => Assert.Matches(@"^.+:\d+:\d+: error SC\d{4}: ", l));
    }
}
