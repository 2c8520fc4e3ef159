using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SourceCheck.Claims.Matching;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Diagnostics;
using SourceCheck.Documents.Web;
using SourceCheck.Formatting;
using SourceCheck.Fuzzing;
using SourceCheck.References.BibTex;
using SourceCheck.Tests.Support;
using SourceCheck.Text;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Robustness;

/// <summary>Issue 15: the crafted hostile inputs, each a regression test (crashes, blow-ups, hangs, holes, raw errors).</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sc-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Fuzz(string name) => SharedData.Fixture(Path.Combine("fuzz", name));

    private static readonly Regex Positioned = new(@"^\S.*?:\d+:\d+: (error|warning) SC\d{4}: ", RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    private static (CliRunner.Result Result, double Seconds) Timed(params string[] args)
    {
        var watch = Stopwatch.StartNew();
        var result = CliRunner.Run(null, args);
        return (result, watch.Elapsed.TotalSeconds);
    }

    private static void AssertPositionedError(CliRunner.Result r, string code)
    {
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.DoesNotContain("Exception", r.Error, StringComparison.Ordinal);
        Assert.Matches(Positioned, r.Error);
        Assert.Contains(code, r.Error, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ 1. crashes and blow-ups

    [Fact]
    public void Yaml_anchor_referring_to_itself_is_a_positioned_error()
    {
        var r = CliRunner.Run(null, "parse", Fuzz("yaml-self-anchor.yaml"));
        AssertPositionedError(r, "SC1010");
        Assert.Contains(":1:30:", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_alias_bomb_stops_at_the_budget()
    {
        var (r, seconds) = Timed("parse", Fuzz("yaml-alias-bomb.yaml"));
        AssertPositionedError(r, "SC1010");
        Assert.Contains("alias", r.Error, StringComparison.Ordinal);
        Assert.True(seconds < 10, $"{seconds} s");
    }

    [Fact]
    public void Yaml_aliases_within_budget_are_expanded()
    {
        string path = Write("ok.yaml", "- &p {id: a, type: book, title: T}\n- {id: b, type: book, title: U, note: x}\n");
        var r = CliRunner.Run(null, "parse", path, "--to", "csl-json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"U\"", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_nested_100000_deep_is_refused_with_its_position()
    {
        string path = Write("deep.yaml", new string('[', 100_000) + new string(']', 100_000));
        AssertPositionedError(CliRunner.Run(null, "parse", path), "SC1010");
    }

    [Fact]
    public void Yaml_mapping_key_that_is_a_list_is_a_diagnostic_not_a_cast_exception()
    {
        string path = Write("key.yaml", "- {[a]: 1}\n");
        AssertPositionedError(CliRunner.Run(null, "parse", path), "SC1010");
    }

    [Fact]
    public void Csl_billion_laughs_through_macros_is_refused()
    {
        string items = SharedData.Fixture("sample.json");
        var (r, seconds) = Timed("format", items, "--style", Fuzz("csl-macro-laughs.csl"));
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("SC3012", r.Error, StringComparison.Ordinal);
        Assert.True(seconds < 10, $"{seconds} s");
    }

    [Fact]
    public void Csl_12000_chained_macros_and_20000_nested_groups_do_not_overflow_the_stack()
    {
        string items = SharedData.Fixture("sample.json");
        var chain = CliRunner.Run(null, "format", items, "--style", Write("chain.csl", FuzzEngine.MacroChain(12_000)));
        Assert.Equal(ExitCodes.InputError, chain.ExitCode);
        Assert.Contains("SC3012", chain.Error, StringComparison.Ordinal);

        string groups = FuzzEngine.StyleWith(FuzzEngine.Repeat("<group>", 20_000) + "<text value=\"x\"/>" + FuzzEngine.Repeat("</group>", 20_000));
        var nested = CliRunner.Run(null, "format", items, "--style", Write("groups.csl", groups));
        AssertPositionedError(nested, "SC3001");
    }

    [Fact]
    public void Title_markup_nested_20000_deep_renders_in_every_format()
    {
        // session 13: <i><b><sup> 20,000 deep in a title aborted the process (stack overflow in the recursive renderers)
        string Deep(int depth, string word) =>
            string.Concat(Enumerable.Range(0, depth).Select(k => new[] { "<i>", "<b>", "<sup>" }[k % 3])) + word
            + string.Concat(Enumerable.Range(0, depth).Reverse().Select(k => new[] { "</i>", "</b>", "</sup>" }[k % 3]));
        string items = Write("deep.json", "[{\"id\": \"d\", \"type\": \"book\", \"title\": \"" + Deep(20_000, "Tiefentitel") + "\", \"issued\": {\"date-parts\": [[2020]]}},"
            + " {\"id\": \"q\", \"type\": \"book\", \"title\": \"" + new string('\u201C', 20_000) + "Zitat" + new string('\u201D', 20_000) + "\"}]");
        foreach (string to in new[] { "text", "markdown", "rtf", "html" })
        {
            var r = CliRunner.Run(null, "format", items, "--style", "apa", "--to", to);
            Assert.True(r.ExitCode == 0, $"{to}: exit {r.ExitCode}: {r.Error}");
            Assert.Contains("Tiefentitel", r.Out, StringComparison.Ordinal);
            Assert.Contains("Zitat", r.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Markup_deeper_than_the_limit_is_read_flat_and_shallower_markup_is_kept()
    {
        int depth = Rich.MaxMarkupDepth + 50;
        var deep = Rich.ParseMarkup(new string('\u201C', depth) + "x" + new string('\u201D', depth));
        Assert.True(Depth(deep) <= Rich.MaxMarkupDepth + 1, $"depth {Depth(deep)}");
        // the quotation marks beyond the limit stay characters, in pairs; the rest are quotation spans
        string plain = Rich.Plain(deep);
        Assert.Equal(50, plain.Count(c => c == '\u201C'));
        Assert.Equal(50, plain.Count(c => c == '\u201D'));
        Assert.Contains("x", plain, StringComparison.Ordinal);

        var tags = Rich.ParseMarkup(string.Concat(Enumerable.Repeat("<i>", depth)) + "y" + string.Concat(Enumerable.Repeat("</i>", depth)) + " <b>z</b>");
        Assert.Equal("y z", Rich.Plain(tags));
        Assert.True(Depth(tags) <= Rich.MaxMarkupDepth + 1, $"depth {Depth(tags)}");

        static int Depth(RNode node) => node is RSpan s ? 1 + Enumerable.Range(0, s.Count).Select(i => Depth(s[i])).DefaultIfEmpty(0).Max() : 0;
    }

    [Fact]
    public void Official_styles_stay_within_the_expansion_budget()
    {
        foreach (string name in EmbeddedLocales.StyleNames())
        {
            var parsed = Style.Parse(EmbeddedLocales.GetStyle(name)!, name);
            Assert.DoesNotContain(parsed.Diagnostics, d => d.Code == "SC3012");
        }
    }

    [Fact]
    public void Bibtex_50000_nested_braces_and_nested_accents_are_linear()
    {
        string braces = Write("braces.bib", "@article{a, title={" + new string('{', 50_000) + "x" + new string('}', 50_000) + "}}\n");
        var (r1, s1) = Timed("parse", braces, "--to", "csl-json");
        Assert.Equal(0, r1.ExitCode);
        Assert.Contains("x", r1.Out, StringComparison.Ordinal);

        string accents = Write("accents.bib", "@article{a, title={" + FuzzEngine.Repeat("\\\"{", 60_000) + "o" + new string('}', 60_000) + "}}\n");
        var (r2, s2) = Timed("parse", accents, "--to", "csl-json");
        Assert.Equal(0, r2.ExitCode);
        Assert.True(s1 < 10 && s2 < 10, $"{s1} s, {s2} s");
    }

    [Fact]
    public void Latex_converter_keeps_ordinary_nesting()
    {
        Assert.Equal("Über <i>die</i> Sache", Latex.ToUnicode("{\\\"U}ber \\textit{die} Sache", protectCase: false));
    }

    [Fact]
    public void Gzip_page_bomb_stops_at_the_decompression_limit()
    {
        string path = Path.Combine(_dir, "bomb.html.gz");
        using (var file = File.Create(path))
        using (var gz = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++)
            {
                gz.Write(zeros);
            }
        }

        var r = CliRunner.Run(null, "page", path);
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("SC1051", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Device_files_are_read_only_up_to_the_limit()
    {
        Skip.IfNot(File.Exists("/dev/zero"));
        var style = CliRunner.Run(null, "format", SharedData.Fixture("sample.json"), "--style", "/dev/zero");
        Assert.Equal(ExitCodes.InputError, style.ExitCode);
        Assert.Contains("SC1051", style.Error, StringComparison.Ordinal);
        var input = CliRunner.Run(null, "parse", "/dev/zero");
        Assert.Equal(ExitCodes.InputError, input.ExitCode);
        Assert.Contains("SC1051", input.Error, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ 2. hangs and super-linear time

    [Fact]
    public void Html_nested_100000_deep_is_cut_in_every_reader()
    {
        string path = Write("deep.html", "<html><body>" + FuzzEngine.Repeat("<div>", 100_000) + "Der Minister sagte, die Kosten stiegen um 40 Prozent." + "</body></html>");
        foreach (var args in new[] { new[] { "claims", path }, ["parse", path, "--from", "html"], ["page", path] })
        {
            var (r, seconds) = Timed(args);
            Assert.DoesNotContain("Exception", r.Error, StringComparison.Ordinal);
            Assert.True(seconds < 10, $"{string.Join(' ', args)}: {seconds} s");
        }
    }

    [Fact]
    public void Page_with_20000_paragraphs_is_read_in_linear_time()
    {
        double Time(int n)
        {
            string html = "<html><body><article>" + FuzzEngine.Repeat("<p>The council spent money on roads in the town, it said.</p>", n) + "</article></body></html>";
            var watch = Stopwatch.StartNew();
            var page = PageReader.Read(html);
            Assert.Contains("council", page.Body, StringComparison.Ordinal);
            return watch.Elapsed.TotalSeconds;
        }

        // The best of two runs per size: a busy machine adds time to one run, never takes it away, so the
        // minimum is the figure that shows the algorithm's shape rather than the load.
        double Best(int n) => Math.Min(Time(n), Time(n));
        Time(500); // warm-up
        double small = Best(5_000), large = Best(20_000);
        Assert.True(large < 10, $"{large} s");
        Assert.True(large < small * 10 + 0.5, $"5,000: {small} s, 20,000: {large} s (quadratic would be 16x)");
    }

    /// <summary>Session 10 held-out campaign: 19,000 unclosed <c>&lt;blockquote&gt;</c>s (1.9 MB) took 27 s CPU in
    /// <c>page</c> — the body scorer read each paragraph's <c>TextContent</c> to count its commas, and each of the
    /// 400 nested blockquotes (the nesting cut) held the rest of the page. Counted bottom-up now: the nested page
    /// allocates about what the same paragraphs closed one by one do (allocation, not time: load cannot move it).</summary>
    [Fact]
    public void Page_of_unclosed_nested_blockquotes_does_not_copy_the_text_per_level()
    {
        static long Allocated(string html)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var page = PageReader.Read(html);
            Assert.Contains("Regierung", page.Body, StringComparison.Ordinal);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        const string Quote = "<blockquote><p>„Die Regierung plant neue Regeln, sagte sie, für den Markt.“</p><cite>Anna Schulz</cite>";
        string nested = "<html><body><article>" + FuzzEngine.Repeat(Quote, 3_000) + "</article></body></html>";
        string closed = "<html><body><article>" + FuzzEngine.Repeat(Quote + "</blockquote>", 3_000) + "</article></body></html>";
        Allocated(closed); // warm-up
        long flat = Allocated(closed), deep = Allocated(nested);
        Assert.True(deep < 3 * flat, $"nested {deep / 1048576.0:0.0} MB, closed {flat / 1048576.0:0.0} MB");
    }

    /// <summary>Session 10 held-out campaign: a RIS record followed by 1.9 MB of lines without a tag (continuations of
    /// its title) was killed after 120 s — each line was joined by copying the whole value so far. Joined once now:
    /// the same value, and allocation proportional to the input.</summary>
    [Fact]
    public void Ris_continuation_lines_are_joined_in_linear_time()
    {
        string Ris(int lines) => "TY  - JOUR\nTI  - start\n" + string.Concat(Enumerable.Range(0, lines).Select(i => $"  continued line {i} without a tag \r\n")) + "AU  - Smith, J.\nER  - \n";
        var small = global::SourceCheck.References.Ris.RisReader.Records(Ris(3), []);
        Assert.Equal("start continued line 0 without a tag continued line 1 without a tag continued line 2 without a tag", Assert.Single(small)[1].Value);
        Assert.Equal("Smith, J.", small[0][2].Value);

        string big = Ris(40_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var records = global::SourceCheck.References.Ris.RisReader.Records(big, []);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.EndsWith("continued line 39999 without a tag", records[0][1].Value, StringComparison.Ordinal);
        Assert.True(allocated < 40L * big.Length, $"{allocated / 1048576.0:0} MB allocated for {big.Length / 1048576.0:0.0} M characters");
    }

    [Fact]
    public void Unclosed_blockquotes_around_closed_paragraphs_reach_the_depth_limit()
    {
        // each "</p>" used to lower the depth although "<p>" (closed implicitly) never raised it
        string nested = FuzzEngine.Repeat("<blockquote><p>„Die Preise steigen.“</p><cite>Anna</cite>", 1_000);
        Assert.True(HtmlInput.DepthCut(nested) > 0);
        Assert.Equal(-1, HtmlInput.DepthCut(FuzzEngine.Repeat("<blockquote><p>„Die Preise steigen.“</p><cite>Anna</cite></blockquote>", 1_000)));
        Assert.Equal(-1, HtmlInput.DepthCut("<div>" + FuzzEngine.Repeat("<p>Text</p><li>x</li><br/>", 1_000) + "</div>"));
    }

    [Fact]
    public void Frames_are_blanked_before_parsing_and_everything_else_keeps_its_place()
    {
        // session 12: each <iframe> cost the tree builder ~0.4 ms (20,000 frames in 1.6 MB: 10 s in `page`)
        string html = "<html><body><p>Vorher.</p><IFRAME src=\"x\">\n<p>fallback</p></iframe><p>Nachher.</p>"
            + "<script type=\"application/ld+json\">{\"articleBody\": \"<iframe>kept</iframe>\"}</script><!-- <iframe>c</iframe> --></body></html>";
        string blanked = HtmlInput.Bound(html, out bool deep);
        Assert.False(deep);
        Assert.Equal(html.Length, blanked.Length);
        Assert.Equal(html.Count(c => c == '\n'), blanked.Count(c => c == '\n'));
        Assert.DoesNotContain("fallback", blanked, StringComparison.Ordinal);
        Assert.DoesNotContain("IFRAME", blanked, StringComparison.Ordinal);
        Assert.Equal(html.IndexOf("<p>Nachher.", StringComparison.Ordinal), blanked.IndexOf("<p>Nachher.", StringComparison.Ordinal));
        Assert.Contains("<iframe>kept</iframe>", blanked, StringComparison.Ordinal);
        Assert.Contains("<!-- <iframe>c</iframe> -->", blanked, StringComparison.Ordinal);
        // a frame that never closes is left to the parser
        Assert.Equal("<p>a</p><iframe><p>b</p>", HtmlInput.Bound("<p>a</p><iframe><p>b</p>", out _));

        // one walk finds both (session 13): a frame's raw content does not count for the nesting, and a page cut for
        // its depth has its frames before the cut blanked
        string framedDivs = "<iframe>" + FuzzEngine.Repeat("<div>", 500) + "</iframe><p>x</p>";
        Assert.Equal(-1, HtmlInput.DepthCut(framedDivs));
        string deepAfterFrame = "<p>a</p><iframe><p>fallback</p></iframe>" + FuzzEngine.Repeat("<div>", 500) + "Text";
        string bounded = HtmlInput.Bound(deepAfterFrame, out bool tooDeep);
        Assert.True(tooDeep);
        Assert.DoesNotContain("fallback", bounded, StringComparison.Ordinal);
        Assert.Equal(deepAfterFrame.IndexOf("<div>", StringComparison.Ordinal) + (5 * HtmlInput.MaxDepth), bounded.Length);

        string page = "<html><body><article>" + FuzzEngine.Repeat("<iframe src=\"v\"><p>fallback</p></iframe><p>Die Preise steigen weiter, sagte Anna Schulz am Montag.</p>", 50) + "</article></body></html>";
        using var doc = HtmlInput.Parse(page, out _);
        Assert.Empty(doc.QuerySelectorAll("iframe"));
        Assert.Equal(50, doc.QuerySelectorAll("p").Length);
    }

    [Fact]
    public void Duplicate_bibtex_keys_are_linear_and_ids_unique()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 40_000; i++)
        {
            sb.Append("@misc{k").Append(i % 7).Append(", title={T").Append(i).Append("}}\n");
        }

        var watch = Stopwatch.StartNew();
        var result = BibTexReader.Read(sb.ToString(), "dup.bib");
        Assert.True(watch.Elapsed.TotalSeconds < 10, $"{watch.Elapsed.TotalSeconds} s");
        Assert.Equal(40_000, result.Value!.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Similarity_of_a_2MB_line_is_bounded()
    {
        string line = FuzzEngine.Repeat("council spent money ", 100_000);
        var watch = Stopwatch.StartNew();
        double score = SimilarityScorer.Score(line, line + " roads", "en", "en");
        Assert.InRange(score, 0, 1);
        Assert.True(watch.Elapsed.TotalSeconds < 10, $"{watch.Elapsed.TotalSeconds} s");
    }

    // ------------------------------------------------------------------ 3. security

    [Theory]
    [InlineData("2002:7f00:1::")]            // 6to4 of 127.0.0.1
    [InlineData("2002:c0a8:101::1")]         // 6to4 of 192.168.1.1
    [InlineData("::ffff:0:7f00:1")]          // SIIT 127.0.0.1
    [InlineData("::ffff:10.0.0.1")]          // IPv4-mapped
    [InlineData("::127.0.0.1")]              // IPv4-compatible
    [InlineData("64:ff9b::a9fe:a9fe")]       // NAT64 of 169.254.169.254
    [InlineData("64:ff9b:1::808:808")]       // local-use NAT64
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo, client 192.0.2.45 (documentation)
    [InlineData("2001:0:7f00:1::1")]         // Teredo, server 127.0.0.1
    [InlineData("100::1")]
    [InlineData("2001:10::1")]
    [InlineData("2001:20::1")]
    [InlineData("2001:2::1")]
    [InlineData("2001:db8::1")]
    [InlineData("3fff::1")]
    [InlineData("5f00::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("ff02::1")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("4000::1")]                  // outside 2000::/3
    [InlineData("192.88.99.1")]
    [InlineData("100.64.0.1")]
    [InlineData("198.18.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("0.1.2.3")]
    public void Address_guard_refuses_special_purpose_and_embedded_forms(string address)
    {
        Assert.True(AddressGuard.IsNonPublic(IPAddress.Parse(address), out string kind), address);
        Assert.NotEmpty(kind);
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    [InlineData("2002:5db8:d822::1")]        // 6to4 of a public address
    [InlineData("64:ff9b::5db8:d822")]       // NAT64 of a public address
    [InlineData("::ffff:93.184.216.34")]
    [InlineData("2001:4:112::1")]            // AS112-v6, globally reachable
    public void Address_guard_allows_public_addresses(string address)
    {
        Assert.False(AddressGuard.IsNonPublic(IPAddress.Parse(address), out string kind), kind);
    }

    [Fact]
    public void Page_cached_under_allow_private_is_not_served_without_it()
    {
        var cache = new PageCache(Path.Combine(_dir, "cache"));
        var page = new FetchResult
        {
            RequestedUrl = "http://intranet.example/a", FinalUrl = "http://intranet.example/a", Status = 200, Chain = [],
            ContentType = "text/html", Body = "<p>x</p>"u8.ToArray(), FetchedAt = DateTimeOffset.UtcNow, Origin = "network",
        };
        cache.Put(page, new AddressGuard(allowPrivate: true));
        Assert.Null(cache.Get(page.RequestedUrl, TimeSpan.FromDays(7), AddressGuard.Default));
        Assert.NotNull(cache.Get(page.RequestedUrl, TimeSpan.FromDays(7), new AddressGuard(allowPrivate: true)));

        cache.Put(page, AddressGuard.Default);
        Assert.NotNull(cache.Get(page.RequestedUrl, TimeSpan.FromDays(7), AddressGuard.Default));
    }

    [Fact]
    public void Cached_page_at_a_private_address_literal_is_rechecked()
    {
        var cache = new PageCache(Path.Combine(_dir, "cache"));
        var page = new FetchResult
        {
            RequestedUrl = "http://127.0.0.1:8080/a", FinalUrl = "http://127.0.0.1:8080/a", Status = 200, Chain = [],
            ContentType = "text/html", Body = "<p>x</p>"u8.ToArray(), FetchedAt = DateTimeOffset.UtcNow, Origin = "network",
        };
        cache.Put(page, AddressGuard.Default); // even if it was (wrongly) recorded as public
        Assert.Null(cache.Get(page.RequestedUrl, TimeSpan.FromDays(7), AddressGuard.Default));
    }

    [Fact]
    public async Task Page_folder_manifest_cannot_leave_the_folder()
    {
        Write("sibling/secret.html", "<html><head><title>SECRET</title></head></html>");
        Write("pages-other/secret.html", "<html><head><title>SECRET</title></head></html>");
        string dir = Path.Combine(_dir, "pages");
        Directory.CreateDirectory(dir);
        File.CreateSymbolicLink(Path.Combine(dir, "link.html"), Path.Combine(_dir, "sibling", "secret.html"));
        string secret = Path.Combine(_dir, "sibling", "secret.html").Replace("\\", "\\\\", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "pages.json"),
            "{\"https://a.example/1\": \"../sibling/secret.html\", \"https://a.example/2\": \"" + secret + "\", "
            + "\"https://a.example/3\": \"link.html\", \"https://a.example/4\": \"../pages-other/secret.html\", "
            + "\"https://a.example/5\": {\"file\": \"ok.html\", \"status\": \"404\"}}");
        File.WriteAllText(Path.Combine(dir, "ok.html"), "<html></html>");
        var source = new DirectoryPageSource(dir);
        for (int i = 1; i <= 4; i++)
        {
            var r = await source.GetAsync($"https://a.example/{i}");
            Assert.Null(r.Body);
            Assert.Contains("not a file inside", r.ErrorMessage, StringComparison.Ordinal);
        }

        var five = await source.GetAsync("https://a.example/5");
        Assert.Equal(404, five.Status);
    }

    [Fact]
    public void Mistyped_page_dir_is_an_error()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new DirectoryPageSource(Path.Combine(_dir, "nope")));
    }

    [Fact]
    public void Output_refuses_devices_fifos_and_symlinks()
    {
        string input = SharedData.Fixture("sample.json");
        if (File.Exists("/dev/null"))
        {
            var dev = CliRunner.Run(null, "parse", input, "-o", "/dev/null");
            Assert.Equal(ExitCodes.InputError, dev.ExitCode);
            Assert.Contains("device", dev.Error, StringComparison.Ordinal);
            Assert.True(File.Exists("/dev/null"));
        }

        string target = Write("target.json", "keep");
        string link = Path.Combine(_dir, "link.json");
        File.CreateSymbolicLink(link, target);
        var viaLink = CliRunner.Run(null, "parse", input, "-o", link);
        Assert.Equal(ExitCodes.InputError, viaLink.ExitCode);
        Assert.Equal("keep", File.ReadAllText(target));

        if (!OperatingSystem.IsWindows() && File.Exists("/usr/bin/mkfifo"))
        {
            string fifo = Path.Combine(_dir, "fifo");
            Process.Start("/usr/bin/mkfifo", fifo)!.WaitForExit();
            Assert.Equal(FileKind.Special, InputLimits.KindOf(fifo));
            var r = CliRunner.Run(null, "parse", input, "-o", fifo);
            Assert.Equal(ExitCodes.InputError, r.ExitCode);
        }

        string regular = Path.Combine(_dir, "out.json");
        Assert.Equal(0, CliRunner.Run(null, "parse", input, "-o", regular).ExitCode);
        Assert.True(File.Exists(regular));
    }

    [Fact]
    public void Terminal_writer_neutralises_escape_sequences_but_keeps_colour()
    {
        var sink = new StringWriter();
        var writer = new TerminalSafeWriter(sink, allowColor: true);
        writer.Write("a\u001b]0;pwned\u0007b\u001b[2Jc\u001b[31mred\u001b[0m\u009b");
        writer.Flush();
        string s = sink.ToString();
        Assert.DoesNotContain("\u001b]", s, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[2J", s, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", s, StringComparison.Ordinal);
        Assert.DoesNotContain("\u009b", s, StringComparison.Ordinal);
        Assert.Contains("\u001b[31mred\u001b[0m", s, StringComparison.Ordinal);
        Assert.Contains("␛]0;pwned␇b", s, StringComparison.Ordinal);

        var plain = new StringWriter();
        var noColour = new TerminalSafeWriter(plain, allowColor: false);
        noColour.Write("\u001b[31mx\n");
        noColour.Flush();
        Assert.Equal("␛[31mx\n", plain.ToString());
    }

    [Fact]
    public void Markdown_text_from_articles_cannot_carry_markup()
    {
        string md = TerminalText.Markdown("<script>alert(1)</script><img src=x onerror=alert(1)> a|b \u001b[2J");
        Assert.DoesNotContain("<script", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", md, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", md, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", md, StringComparison.Ordinal);
        Assert.Contains("a\\|b", md, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ 4. honest errors

    [Fact]
    public void Invalid_utf8_is_reported_with_its_position_not_re_decoded()
    {
        var r = CliRunner.Run(null, "claims", "--json", Fuzz("utf8-one-bad-byte.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(":2:4: warning SC1056", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("BÃ¼rgschaften", r.Out, StringComparison.Ordinal);

        string latin1 = Path.Combine(_dir, "latin1.txt");
        File.WriteAllBytes(latin1, Encoding.Latin1.GetBytes("Die B\u00fcrgschaften stiegen.\n"));
        string text = TextFile.Decode(File.ReadAllBytes(latin1), out string? warning);
        Assert.Contains("Bürgschaften", text, StringComparison.Ordinal);
        Assert.Contains("Windows-1252", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_longer_than_308_digits_does_not_fail_json()
    {
        var r = CliRunner.Run(null, "claims", "--json", Fuzz("article-huge-number.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("nfinit", r.Error + r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Csl_json_lone_surrogate_and_duplicate_key_are_positioned()
    {
        var lone = CliRunner.Run(null, "parse", Fuzz("json-lone-surrogate.json"));
        AssertPositionedError(lone, "SC1001");
        Assert.Contains(":1:36:", lone.Error, StringComparison.Ordinal);
        AssertPositionedError(CliRunner.Run(null, "parse", Fuzz("json-duplicate-key.json")), "SC1001");
    }

    [Fact]
    public void Similarity_reports_the_bad_line()
    {
        var r = CliRunner.Run(null, "similarity", "--pairs", Fuzz("pairs-bad-line.jsonl"));
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("pairs-bad-line.jsonl:2:1: error SC1003", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_after_the_first_8KiB_is_refused()
    {
        string path = Path.Combine(_dir, "mixed.txt");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(new string('a', 20_000)), 0, 1, 2, 3]);
        var r = CliRunner.Run(null, "claims", path);
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("SC1050", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_file_diagnostics_are_positioned_at_1_1_not_at_offset_0()
    {
        var d = new Diagnostic("SC2001", Severity.Error, default, "x", "f.txt");
        Assert.Equal("f.txt:1:1: error SC2001: x", d.ToString());
    }

    [Fact]
    public void Lone_surrogates_from_escapes_do_not_break_normalisation()
    {
        Assert.Equal("a\uFFFDbö", Latex.ToUnicode("a\ud800b\\\"{o}"));
        Assert.Equal("\ud83d\ude00", TextNormalizer.ReplaceLoneSurrogates("\ud83d\ude00"));
    }
}
