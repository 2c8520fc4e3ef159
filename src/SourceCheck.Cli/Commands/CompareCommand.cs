using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SourceCheck.Claims;
using SourceCheck.Documents;
using SourceCheck.Claims.Matching;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Text;
using Spectre.Console;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck compare FILE… [--json] [--threshold X] [-o FILE]</c>: claims of each file, then
/// flagged cross-document links (exact_quote, paraphrase, translation, contradiction, number_mismatch,
/// misattribution, misquote) with score and evidence.</summary>
public static class CompareCommand
{
    public const string Schema = "sourcecheck-compare/1";

    public static Command Create(CliEnvironment env)
    {
        var files = new Argument<string[]>("FILE") { Description = "Article files (plain text) to compare; at least two", Arity = ArgumentArity.OneOrMore };
        var format = CliFormat.Create(Schema, "text", "json");
        var threshold = new Option<double?>("--threshold") { Description = "Minimum link score in [0,1] (default 0.3)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output" };
        var command = new Command("compare", "Find claims repeated, translated, paraphrased or distorted across articles")
        {
            files, format.To, format.Json, threshold, output,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) ?? [];
            if (paths.Length < 2)
            {
                throw new CliException("compare needs at least two files", ExitCodes.Usage);
            }

            double? t = parse.GetValue(threshold);
            if (t is < 0 or > 1)
            {
                throw new CliException("--threshold must be between 0 and 1", ExitCodes.Usage);
            }

            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var claims = new List<Claim>();
            var names = new List<string>();
            foreach (string path in paths)
            {
                var (text, name) = CliIO.ReadInput(env, path);
                string id = UniqueName(name, names);
                names.Add(id);
                var read = ArticleReader.ReadFile(text, id);
                CliIO.ReportDiagnostics(env, read.Diagnostics);
                texts[id] = read.Article.Text;
                claims.AddRange(ClaimExtractor.Extract(read.Article, id));
                claims.AddRange(HeadlineClaims.FromText(read.Article.Text, id));
            }

            var lexicon = BilingualLexicon.Default;
            if (!lexicon.CrossLanguageAvailable)
            {
                env.Error.WriteLine($"warning: {lexicon.Warning}");
            }

            var options = t is double v ? new MatchOptions { Threshold = v } : MatchOptions.Default;
            var links = Order(ClaimMatcher.Match(claims, options), names);
            string rendered = format.IsJson(parse)
                ? RenderJson(links, names, claims.Count, lexicon.CrossLanguageAvailable)
                : RenderTable(env, links, claims.Count);
            CliIO.WriteOutput(env, parse.GetValue(output), rendered);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string UniqueName(string name, List<string> taken)
    {
        string baseName = name == "<stdin>" ? name : Path.GetFileName(name);
        string id = baseName;
        for (int n = 2; taken.Contains(id); n++)
        {
            id = $"{baseName}#{n}";
        }

        return id;
    }

    private static List<ClaimLink> Order(IReadOnlyList<ClaimLink> links, List<string> names)
    {
        int Rank(Claim c) => names.IndexOf(c.DocumentId);
        return links
            .Select(l => Rank(l.A) < Rank(l.B) || (Rank(l.A) == Rank(l.B) && l.A.Span.Start <= l.B.Span.Start) ? l : l with { A = l.B, B = l.A })
            .OrderBy(l => Rank(l.A)).ThenBy(l => l.A.Span.Start).ThenBy(l => Rank(l.B)).ThenBy(l => l.B.Span.Start)
            .ToList();
    }

    internal static string RenderJson(IReadOnlyList<ClaimLink> links, IReadOnlyList<string> files, int claimCount, bool crossLanguage)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteStartArray("files");
            foreach (string f in files)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteNumber("claims", claimCount);
            w.WriteBoolean("cross_language", crossLanguage);
            w.WriteStartArray("links");
            foreach (var l in links)
            {
                ClaimJson.WriteLink(w, l, c => c.DocumentId);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static string RenderTable(CliEnvironment env, IReadOnlyList<ClaimLink> links, int claimCount)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = Math.Max(80, env.Width);
        var table = new Table().AddColumns("type", "score", "A", "B", "evidence");
        foreach (var l in links)
        {
            table.AddRow(
                Markup.Escape(l.Type.ToName()),
                l.Score.ToString("0.00", CultureInfo.InvariantCulture),
                Markup.Escape($"{l.A.DocumentId}@{l.A.Span.Start}: {Short(l.A.Text)}"),
                Markup.Escape($"{l.B.DocumentId}@{l.B.Span.Start}: {Short(l.B.Text)}"),
                Markup.Escape(string.Join("; ", l.Evidence)));
        }

        console.Write(table);
        writer.WriteLine($"{links.Count} link(s) among {claimCount} claim(s)");
        return writer.ToString();
    }

    private static string Short(string text) => text.Length <= 90 ? text : text[..87] + "…";
}
