using System.CommandLine;
using System.Globalization;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.References;
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
                var detected = Bibliography.Detect(text, name == "<stdin>" ? null : name);
                format = detected.Format;
                if (detected.ContentReason is { } reason)
                {
                    // Decided by content, not by extension: say what the input was taken for.
                    env.Error.WriteLine($"{name}: note: read as {FormatName(format)}: {reason} (choose with --from)");
                }
            }

            if (parse.GetValue(explain))
            {
                return Explain(env, text, format, name, outPath);
            }

            var converted = Bibliography.Convert(text, new ConvertOptions
            {
                From = format,
                Source = name,
                Deduplicate = !parse.GetValue(noDedup),
                To = parse.GetValue(to) switch
                {
                    "yaml" => ReferenceOutputFormat.Yaml,
                    "bibtex" => ReferenceOutputFormat.BibTex,
                    "ris" => ReferenceOutputFormat.Ris,
                    _ => ReferenceOutputFormat.CslJson,
                },
            });
            CliIO.ReportDiagnostics(env, converted.Diagnostics, name);
            return Finish(env, outPath, converted.Text, converted.HasErrors, converted.Items.Count);
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
        var converted = Bibliography.ConvertLines(text, name);
        CliIO.ReportDiagnostics(env, converted.Diagnostics, name);
        // one output line per input line: there is always something for standard output
        return Finish(env, output, converted.Text, converted.HasErrors, count: 1);
    }

    private static int Explain(CliEnvironment env, string text, InputFormat format, string name, string? output)
    {
        if (format is not (InputFormat.Text or InputFormat.Html))
        {
            throw new CliException("--explain works on reference text (plain text or HTML), not on " + format, ExitCodes.Usage);
        }

        var explained = Bibliography.Explain(text, format, name);
        var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(60, env.Width);
        foreach (var entry in explained.Entries)
        {
            var table = new Table().Border(TableBorder.Simple).Title($"entry {entry.Number} (line {entry.Line})");
            table.AddColumn("token");
            table.AddColumn("label");
            table.AddColumn(new TableColumn("confidence").RightAligned());
            foreach (var tag in entry.Tokens)
            {
                table.AddRow(Markup.Escape(tag.Token), Markup.Escape(tag.Label), tag.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
            }

            console.Write(table);
        }

        CliIO.ReportDiagnostics(env, explained.Diagnostics, name);
        return Finish(env, output, writer.ToString(), explained.HasErrors || explained.EntryCount == 0, explained.EntryCount);
    }
}
