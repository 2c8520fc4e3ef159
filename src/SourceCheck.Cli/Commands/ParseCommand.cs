using System.CommandLine;
using System.Globalization;
using System.Text;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.References;
using SourceCheck.References.BibTex;
using SourceCheck.References.Ris;
using Spectre.Console;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck parse [FILE|-] [--from …] [--to …] [--one-per-line] [--no-dedup] [--explain] [-o FILE]</c>:
/// finds and parses references and writes them as CSL-JSON, CSL-YAML, BibTeX or RIS. Diagnostics go to stderr;
/// any error gives exit code 3 and nothing is written to an -o file (an existing file is left as it was).</summary>
public static class ParseCommand
{
    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string?>("FILE") { Description = "Input file, or - for standard input", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string>("--from") { Description = "Input format (auto: by extension and content)", DefaultValueFactory = _ => "auto" };
        from.AcceptOnlyFromAmong("auto", "text", "html", "bibtex", "ris", "csl-json", "yaml");
        var to = new Option<string>("--to", "-t") { Description = "Output format", DefaultValueFactory = _ => "csl-json" };
        to.AcceptOnlyFromAmong("csl-json", "yaml", "bibtex", "ris");
        var onePerLine = new Option<bool>("--one-per-line") { Description = "Each input line is one reference; writes JSON Lines in input order ({} for an empty line)" };
        var noDedup = new Option<bool>("--no-dedup") { Description = "Keep duplicate references (default: merge same DOI or same title+year+first author)" };
        var explain = new Option<bool>("--explain") { Description = "Show each token of each reference with its label and confidence (a table)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output" };

        var command = new Command("parse", "Find and parse references (bibliography text, HTML, BibTeX, RIS, CSL-JSON/YAML) into CSL-JSON, YAML, BibTeX or RIS")
        {
            file, from, to, onePerLine, noDedup, explain, output,
        };
        command.SetAction(parse =>
        {
            var (text, name) = CliIO.ReadInput(env, parse.GetValue(file));
            var format = ParseFormat(parse.GetValue(from)!);
            string? outPath = parse.GetValue(output);
            if (parse.GetValue(onePerLine))
            {
                return OnePerLine(env, text, name, outPath);
            }

            if (format == InputFormat.Auto)
            {
                string? fileName = name == "<stdin>" ? null : name;
                format = ReferenceReader.Detect(text, fileName);
                if (ReferenceReader.Detect(string.Empty, fileName) == InputFormat.Text)
                {
                    // Decided by content, not by extension: say what the input was taken for.
                    env.Error.WriteLine($"{name}: note: read as {FormatName(format)}: {ReferenceReader.Sniff(text).Reason} (choose with --from)");
                }
            }

            if (parse.GetValue(explain))
            {
                return Explain(env, text, format, name, outPath);
            }

            var result = ReferenceReader.Read(text, format, name);
            var diagnostics = new List<Diagnostic>(result.Diagnostics);
            var items = result.Items;
            if (!parse.GetValue(noDedup) && items.Count > 1)
            {
                var dedup = Deduplicator.Merge(items);
                items = dedup.Items;
                diagnostics.AddRange(dedup.Diagnostics);
            }

            var writeDiagnostics = new List<Diagnostic>();
            string rendered = parse.GetValue(to) switch
            {
                "yaml" => CslYaml.Serialize(items),
                "bibtex" => BibTexWriter.Write(items, writeDiagnostics),
                "ris" => RisWriter.Write(items, writeDiagnostics),
                _ => CslJson.Serialize(items),
            };
            diagnostics.AddRange(writeDiagnostics);
            CliIO.ReportDiagnostics(env, diagnostics, name);
            bool errors = diagnostics.Any(d => d.Severity == Severity.Error);
            return Finish(env, outPath, rendered, errors, items.Count);
        });
        return command;
    }

    /// <summary>On errors: nothing goes to an -o file; stdout still gets what could be read (nothing when no item).</summary>
    private static int Finish(CliEnvironment env, string? outPath, string rendered, bool errors, int count)
    {
        if (!errors)
        {
            CliIO.WriteOutput(env, outPath, rendered);
            return ExitCodes.Ok;
        }

        if (!string.IsNullOrEmpty(outPath) && outPath != "-")
        {
            env.Error.WriteLine($"note: not writing {outPath} because the input has errors (above)");
        }
        else if (count > 0)
        {
            CliIO.WriteOutput(env, null, rendered);
        }

        return ExitCodes.InputError;
    }

    internal static string FormatName(InputFormat format) => format switch
    {
        InputFormat.Text => "text",
        InputFormat.Html => "html",
        InputFormat.BibTex => "bibtex",
        InputFormat.Ris => "ris",
        InputFormat.CslJson => "csl-json",
        InputFormat.Yaml => "yaml",
        _ => "auto",
    };

    internal static InputFormat ParseFormat(string value) => value switch
    {
        "text" => InputFormat.Text,
        "html" => InputFormat.Html,
        "bibtex" => InputFormat.BibTex,
        "ris" => InputFormat.Ris,
        "csl-json" => InputFormat.CslJson,
        "yaml" => InputFormat.Yaml,
        _ => InputFormat.Auto,
    };

    private static int OnePerLine(CliEnvironment env, string text, string name, string? output)
    {
        var sb = new StringBuilder();
        var diagnostics = new List<Diagnostic>();
        var source = new SourceCheck.Text.SourceText(text, name);
        string normalised = text.EndsWith('\n') ? text[..^1] : text;
        int offset = 0;
        int lineNo = 0;
        var items = new List<CslItem?>();
        foreach (var raw in normalised.Split('\n'))
        {
            lineNo++;
            string line = raw.TrimEnd('\r');
            int start = offset;
            offset += raw.Length + 1;
            string trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                items.Add(null);
                continue;
            }

            if (trimmed.Length > ReferenceReader.MaxEntryLength)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InputTooLarge, Severity.Error, source.Span(start, start + line.Length),
                    $"line {lineNo} is {trimmed.Length:N0} characters long (limit {ReferenceReader.MaxEntryLength:N0}); not a reference", name));
                items.Add(null);
                continue;
            }

            int lead = line.Length - line.TrimStart().Length;
            var entry = new ReferenceEntry(trimmed, source.Span(start + lead, start + lead + trimmed.Length));
            var parsed = ReferenceReader.ParseOne(entry, lineNo, diagnostics, name);
            items.Add(parsed.Item.Count == 0 ? null : parsed.Item);
        }

        ReferenceIds.Assign([.. items.OfType<CslItem>()]);
        foreach (var item in items)
        {
            sb.Append(CslJson.SerializeLine(item)).Append('\n');
        }

        CliIO.ReportDiagnostics(env, diagnostics, name);
        bool errors = diagnostics.Any(d => d.Severity == Severity.Error);
        return Finish(env, output, sb.ToString(), errors, items.Count);
    }

    private static int Explain(CliEnvironment env, string text, InputFormat format, string name, string? output)
    {
        if (format is not (InputFormat.Text or InputFormat.Html))
        {
            throw new CliException("--explain works on reference text (plain text or HTML), not on " + format, ExitCodes.Usage);
        }

        var diagnostics = new List<Diagnostic>();
        string guarded = ReferenceReader.BlankOverlongLines(text, diagnostics, name);
        var blocks = format == InputFormat.Html ? HtmlBibliographyDetector.Detect(guarded) : BibliographyDetector.Detect(guarded);
        var entries = blocks.SelectMany(b => b.Entries).ToList();
        if (entries.Count == 0)
        {
            entries.AddRange(BibliographyDetector.Lines(guarded));
        }

        var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(60, env.Width);
        int n = 0;
        foreach (var entry in entries)
        {
            n++;
            if (entry.Text.Length > ReferenceReader.MaxEntryLength)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InputTooLarge, Severity.Error, entry.Span,
                    $"entry {n} is {entry.Text.Length:N0} characters long; not explained", name));
                continue;
            }

            var table = new Table().Border(TableBorder.Simple).Title($"entry {n} (line {entry.Span.Line})");
            table.AddColumn("token");
            table.AddColumn("label");
            table.AddColumn(new TableColumn("confidence").RightAligned());
            foreach (var tag in ReferenceParser.Explain(entry.Text))
            {
                table.AddRow(Markup.Escape(tag.Token), Markup.Escape(tag.Label), tag.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
            }

            console.Write(table);
        }

        CliIO.ReportDiagnostics(env, diagnostics, name);
        bool errors = diagnostics.Any(d => d.Severity == Severity.Error);
        return Finish(env, output, writer.ToString(), errors || entries.Count == 0, entries.Count);
    }
}
