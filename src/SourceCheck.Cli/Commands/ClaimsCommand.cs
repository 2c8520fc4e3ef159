using System.CommandLine;
using System.Globalization;
using SourceCheck.Claims;
using SourceCheck.Cli.Infrastructure;
using Spectre.Console;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck claims FILE… [--json] [--lang de|en] [-o FILE]</c>: check-worthy claims of each
/// article (text or HTML) with attribution (speaker, channel, reporting outlet) and normalised figures.</summary>
public static class ClaimsCommand
{
    public const string Schema = ClaimsJson.Schema;

    public static Command Create(CliEnvironment env)
    {
        var files = new Argument<string[]>("FILE") { Description = "Article files (text or HTML), or - for standard input", Arity = ArgumentArity.OneOrMore };
        var format = CliFormat.Create(Schema, "text", "json");
        var lang = new Option<string?>("--lang") { Description = "Language of the articles (default: detected)" };
        lang.AcceptOnlyFromAmong("de", "en");
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output" };
        var command = new Command("claims", "Extract check-worthy claims with speaker, channel, reporting outlet and figures")
        {
            files, format.To, format.Json, lang, output,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) ?? [];
            var inputs = paths.Select(p => CliIO.ReadInput(env, p)).Select(i => new ArticleInput(i.Name, i.Text)).ToList();
            // The same document ids, hence the same claim ids, as 'check'.
            var documents = Articles.ExtractClaims(inputs, parse.GetValue(lang));
            foreach (var document in documents)
            {
                CliIO.ReportDiagnostics(env, document.Diagnostics);
            }

            string rendered = format.IsJson(parse) ? ClaimsJson.Write(documents) : RenderTable(env, documents);
            CliIO.WriteOutput(env, parse.GetValue(output), rendered);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string RenderTable(CliEnvironment env, IReadOnlyList<ArticleClaims> documents)
    {
        var sw = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(sw),
            Ansi = env.Color && !env.OutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = env.Color && !env.OutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(80, env.Width);
        foreach (var (name, article, claims, _) in documents)
        {
            console.WriteLine($"{name}: {article.Language}, {claims.Count} claims" + (article.Title is null ? string.Empty : $" — {article.Title}"));
            if (claims.Count > LongTable.MaxLaidOutRows)
            {
                LongTable.Write(sw, ["Id", "Offsets", "Claim", "Quote", "Speaker", "Channel / outlet", "Figures"], claims.Select(c => (IReadOnlyList<string>)[
                    c.Id, $"{c.Span.Start}-{c.Span.End}", c.Text.Length > 160 ? c.Text[..157] + "…" : c.Text, c.Quote.ToString().ToLowerInvariant(),
                    SpeakerCell(c), ChannelCell(c), FiguresCell(c)]), claims.Count);
                continue;
            }

            // up to LongTable.MaxLaidOutRows rows: one table laid out by Spectre (longer ones are one line a row, above)
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumn("Id");
            table.AddColumn("Offsets");
            table.AddColumn("Claim");
            table.AddColumn("Quote");
            table.AddColumn("Speaker");
            table.AddColumn("Channel / outlet");
            table.AddColumn("Figures");
            foreach (var c in claims)
            {
                table.AddRow(
                    Markup.Escape(c.Id),
                    $"{c.Span.Start}-{c.Span.End}",
                    Markup.Escape(c.Text.Length > 160 ? c.Text[..157] + "…" : c.Text),
                    c.Quote.ToString().ToLowerInvariant(),
                    Markup.Escape(SpeakerCell(c)),
                    Markup.Escape(ChannelCell(c)),
                    Markup.Escape(FiguresCell(c)));
            }

            console.Write(table);
        }

        return sw.ToString();
    }

    private static string SpeakerCell(Claim c) => c.Speaker is null ? "-" : c.SpeakerMention is { } m && m != c.Speaker ? $"{c.Speaker} ({m})" : c.Speaker;

    private static string ChannelCell(Claim c) => string.Join(" / ", new[] { c.Channel, c.ReportingOutlet }.Where(x => x is not null)) is { Length: > 0 } s ? s : "-";

    private static string FiguresCell(Claim c) => string.Join("; ", c.Figures.Select(FormatFigure)) is { Length: > 0 } s ? s : "-";

    internal static string FormatFigure(Figure f)
    {
        string v = f.Value.ToString("G4", CultureInfo.InvariantCulture);
        string range = f.ValueMax is { } max ? $"{v}..{max.ToString("G4", CultureInfo.InvariantCulture)}" : v;
        return $"{f.Text} = {range}{(f.Unit is null ? string.Empty : " " + f.Unit)}";
    }
}
