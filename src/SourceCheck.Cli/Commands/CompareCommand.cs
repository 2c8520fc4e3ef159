using System.CommandLine;
using System.Globalization;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Cli.Infrastructure;
using Spectre.Console;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck compare FILE… [--json] [--threshold X] [-o FILE]</c>: claims of each file, then
/// flagged cross-document links (exact_quote, paraphrase, translation, contradiction, number_mismatch,
/// misattribution, misquote) with score and evidence.</summary>
public static class CompareCommand
{
    public const string Schema = ComparisonJson.Schema;

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

            var inputs = paths.Select(p => CliIO.ReadInput(env, p)).Select(i => new ArticleInput(i.Name, i.Text)).ToList();
            var comparison = Articles.Compare(inputs, t is double v ? new MatchOptions { Threshold = v } : null);
            CliIO.ReportDiagnostics(env, comparison.Warnings);
            if (comparison.CrossLanguageWarning is { } warning)
            {
                env.Error.WriteLine($"warning: {warning}");
            }

            string rendered = format.IsJson(parse)
                ? ComparisonJson.Write(comparison)
                : RenderTable(env, comparison.Links, comparison.ClaimCount);
            CliIO.WriteOutput(env, parse.GetValue(output), rendered);
            return ExitCodes.Ok;
        });
        return command;
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
        if (links.Count > LongTable.MaxLaidOutRows)
        {
            LongTable.Write(writer, ["type", "score", "A", "B", "evidence"], links.Select(l => (IReadOnlyList<string>)[
                l.Type.ToName(),
                l.Score.ToString("0.00", CultureInfo.InvariantCulture),
                $"{l.A.DocumentId}@{l.A.Span.Start}: {Short(l.A.Text)}",
                $"{l.B.DocumentId}@{l.B.Span.Start}: {Short(l.B.Text)}",
                string.Join("; ", l.Evidence)]), links.Count);
            writer.WriteLine($"{links.Count} link(s) among {claimCount} claim(s)");
            return writer.ToString();
        }

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
