using System.CommandLine;
using System.Text;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Csl;
using SourceCheck.References;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck parse [FILE|-] [--from …] [--to …] [--one-per-line] [-o FILE]</c>.</summary>
public static class ParseCommand
{
    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string?>("FILE") { Description = "Input file, or - for standard input", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string>("--from") { Description = "Input format", DefaultValueFactory = _ => "auto" };
        from.AcceptOnlyFromAmong("auto", "text", "html", "bibtex", "ris", "csl-json", "yaml");
        var to = new Option<string>("--to") { Description = "Output format", DefaultValueFactory = _ => "csl-json" };
        to.AcceptOnlyFromAmong("csl-json", "yaml", "bibtex", "ris");
        var onePerLine = new Option<bool>("--one-per-line") { Description = "Each input line is one reference; writes JSON Lines in input order" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output" };

        var command = new Command("parse", "Find and parse references (bibliography text, HTML, BibTeX, RIS, CSL-JSON/YAML) into CSL-JSON")
        {
            file, from, to, onePerLine, output,
        };
        command.SetAction(parse =>
        {
            var (text, name) = CliIO.ReadInput(env, parse.GetValue(file));
            var format = ParseFormat(parse.GetValue(from)!);
            if (parse.GetValue(onePerLine))
            {
                return OnePerLine(env, text, parse.GetValue(output));
            }

            var result = ReferenceReader.Read(text, format, name);
            CliIO.ReportDiagnostics(env, result.Diagnostics, name);
            if (result.HasErrors && result.Items.Count == 0)
            {
                return ExitCodes.InputError;
            }

            string rendered = parse.GetValue(to) switch
            {
                "yaml" => CslYaml.Serialize(result.Items),
                _ => CslJson.Serialize(result.Items),
            };
            CliIO.WriteOutput(env, parse.GetValue(output), rendered);
            return result.HasErrors ? ExitCodes.InputError : ExitCodes.Ok;
        });
        return command;
    }

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

    private static int OnePerLine(CliEnvironment env, string text, string? output)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            sb.Append("{}").Append('\n');
            _ = line;
        }

        CliIO.WriteOutput(env, output, sb.ToString());
        return ExitCodes.Ok;
    }
}
