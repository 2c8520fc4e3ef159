using System.Text;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.References;
using SourceCheck.Text;

namespace SourceCheck.Tests.References;

/// <summary><see cref="ReferenceReader.ReadFile"/> (CSL-JSON parsed from the file's bytes) gives what reading the
/// text and then <see cref="ReferenceReader.Read"/> gives, for every kind of file: the items, the format, the
/// diagnostics with their positions and the encoding warning.</summary>
public sealed class ReferenceReaderFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sourcecheck-readfile-");

    public void Dispose() => _dir.Delete(recursive: true);

    private const string TwoItems = """
        [
          {"id": "a", "type": "article-journal", "title": "Über „Flüsse“ — ein Test 🌊", "author": [{"family": "Müller", "given": "Jörg"}], "issued": {"date-parts": [[2020, 5]]}},
          {"id": "b", "type": "book", "title": "Second", "author": [{"literal": "Foo Institute"}], "note": "original-date: 1901"}
        ]
        """;

    private (ReferenceReadResult Fast, ReferenceReadResult Slow, string? FastWarning, string? SlowWarning) Both(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        var fast = ReferenceReader.ReadFile(path, name, out string? fastWarning);
        string text = TextFile.Read(path, name, out string? slowWarning);
        return (fast, ReferenceReader.Read(text, InputFormat.Auto, name), fastWarning, slowWarning);
    }

    private static void AssertSame(ReferenceReadResult fast, ReferenceReadResult slow)
    {
        Assert.Equal(slow.Format, fast.Format);
        Assert.Equal(CslJson.Serialize(slow.Items), CslJson.Serialize(fast.Items));
        Assert.Equal(slow.Diagnostics.Select(d => d.ToString()), fast.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("refs.json", false)]
    [InlineData("refs.json", true)]
    [InlineData("refs.txt", false)]
    [InlineData("refs", true)]
    public void Should_read_csl_json_as_the_text_path_does(string name, bool bom)
    {
        byte[] body = Encoding.UTF8.GetBytes(TwoItems);
        var (fast, slow, fw, sw) = Both(name, bom ? [0xEF, 0xBB, 0xBF, .. body] : body);
        AssertSame(fast, slow);
        Assert.Equal(InputFormat.CslJson, fast.Format);
        Assert.Equal(2, fast.Items.Count);
        Assert.Equal("Über „Flüsse“ — ein Test 🌊", fast.Items[0].GetString("title"));
        Assert.Null(fw);
        Assert.Null(sw);
    }

    [Theory]
    [InlineData("[\n  {\"id\": \"a\", \"title\": }\n]\n")] // invalid JSON: line and column of the parser
    [InlineData("[{\"id\": \"a\", \"title\": \"half \\ud800 pair\"}]")] // an escaped lone surrogate
    public void Should_report_bad_json_at_the_same_place(string json)
    {
        var (fast, slow, _, _) = Both("bad.json", Encoding.UTF8.GetBytes(json));
        AssertSame(fast, slow);
        Assert.Contains(fast.Diagnostics, d => d.Code == DiagnosticCodes.InvalidJson);
    }

    [Fact]
    public void Should_take_a_reference_list_in_brackets_for_text()
    {
        var (fast, slow, _, _) = Both("list.txt", Encoding.UTF8.GetBytes("[1] Marsh, I. (2020). Quiet rivers. Fen Books.\n[2] Oduya, K. (2021). Fishing rights. Lake Times.\n"));
        AssertSame(fast, slow);
        Assert.Equal(InputFormat.Text, fast.Format);
    }

    [Fact]
    public void Should_decide_a_long_whitespace_head_on_the_whole_file()
    {
        // the opening bracket and its next character lie beyond the first 4 KB: the text path decides
        byte[] body = Encoding.UTF8.GetBytes(new string(' ', 5000) + "[" + new string('\n', 5000) + "{\"id\": \"x\", \"title\": \"Far\"}]");
        var (fast, slow, _, _) = Both("far", body);
        AssertSame(fast, slow);
        Assert.Equal(InputFormat.CslJson, fast.Format);
        Assert.Single(fast.Items);
    }

    [Fact]
    public void Should_keep_the_encoding_warning_of_invalid_utf8()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("[{\"id\": \"a\", \"title\": \"caf"), 0xE9, .. Encoding.UTF8.GetBytes("\"}]")];
        var (fast, slow, fw, sw) = Both("latin.json", body);
        AssertSame(fast, slow);
        Assert.NotNull(fw);
        Assert.Equal(sw, fw);
        Assert.Equal("café", fast.Items[0].GetString("title"));
    }

    [Fact]
    public void Should_refuse_binary_content_as_the_text_path_does()
    {
        string path = Path.Combine(_dir.FullName, "nul.json");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("[{\"id\": \"a\"}]"), 0, 1, 2]);
        var fast = Assert.Throws<InputException>(() => ReferenceReader.ReadFile(path, "nul.json", out _));
        var slow = Assert.Throws<InputException>(() => TextFile.Read(path, "nul.json"));
        Assert.Equal(slow.Message, fast.Message);
        Assert.Contains(DiagnosticCodes.BinaryInput, fast.Message);
    }

    [Fact]
    public void Should_read_utf16_with_its_byte_order_mark()
    {
        var (fast, slow, _, _) = Both("wide.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(TwoItems)]);
        AssertSame(fast, slow);
        Assert.Equal(2, fast.Items.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(100_000)]
    public void Should_read_a_file_of_any_length_whole(int length)
    {
        string path = Path.Combine(_dir.FullName, "len.bin");
        byte[] data = [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))];
        File.WriteAllBytes(path, data);
        Assert.Equal(data, InputLimits.ReadAllBytes(path, 1_000_000));
        Assert.Equal(data, InputLimits.ReadAllBytes(path, length)); // exactly at the limit
        if (length > 0)
        {
            Assert.Throws<InputTooLargeException>(() => InputLimits.ReadAllBytes(path, length - 1));
        }
    }

    [Fact]
    public void Should_count_control_characters_after_a_long_clean_stretch()
    {
        // the vectorised scan starts at the first control character: the count over the whole text is unchanged
        string text = new string('a', 1000) + new string('\u0001', 200);
        Assert.Throws<InputException>(() => TextFile.CheckText(text, "x"));
        Assert.Equal(text[..1100], TextFile.CheckText(text[..1100], "x")); // 100 of 1,100: not more than a tenth
    }

    [Fact]
    public void Should_replace_a_lone_surrogate_after_a_long_clean_stretch()
    {
        string text = new string('a', 500) + "\uD83C\uDF0A" + "b\uDC00c";
        Assert.Equal(new string('a', 500) + "\uD83C\uDF0A" + "b\uFFFDc", TextNormalizer.ReplaceLoneSurrogates(text));
        string clean = new('z', 300);
        Assert.Same(clean, TextNormalizer.ReplaceLoneSurrogates(clean));
    }
}
