using System.CommandLine;
using System.Text;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck format [FILE|-] [--style apa|NAME|FILE.csl] [--locale en-US] [--to text|html|markdown|rtf]
/// [--cite ID[,ID…]] [--bibliography|--citations] [--locales DIR] [-o FILE]</c>.</summary>
public static class FormatCommand
{
    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string?>("FILE") { Description = "References (CSL-JSON, CSL-YAML, BibTeX, RIS or bibliography text), or - for standard input", Arity = ArgumentArity.ZeroOrOne };
        var style = new Option<string>("--style", "-s") { Description = "Style: a short name (apa, mla, chicago, ieee, harvard, din), a name in the user styles folder, a .csl file, or the file name, title or id of an installed official style (nature, vancouver, harvard-cite-them-right; see `sourcecheck styles`)", DefaultValueFactory = _ => "apa" };
        var locale = new Option<string?>("--locale", "-l") { Description = "An installed locale such as en-US, en-GB, de-DE (default: the style's default-locale, else en-US)" };
        var localesDir = new Option<string?>("--locales") { Description = "Folder with locales-xx-XX.xml files to use instead of the built-in locales" };
        var to = new Option<string>("--to", "-t") { Description = "Output format", DefaultValueFactory = _ => "text" };
        to.AcceptOnlyFromAmong("text", "html", "markdown", "rtf");
        var cite = new Option<string[]>("--cite", "-c") { Description = "Render an in-text citation of these ids (comma-separated; repeat for several citations)", AllowMultipleArgumentsPerToken = true };
        var bibOnly = new Option<bool>("--bibliography") { Description = "Only the bibliography" };
        var citesOnly = new Option<bool>("--citations") { Description = "Only the citations" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output" };
        var command = new Command("format", "Format references with a CSL style: bibliography and in-text citations")
        {
            file, style, locale, localesDir, to, cite, bibOnly, citesOnly, output,
        };
        command.SetAction(parse =>
        {
            var catalog = new StyleCatalog(env.GetEnvironmentVariable, env.CurrentDirectory);
            string styleName = parse.GetValue(style)!;
            string? localesFolder = parse.GetValue(localesDir) is { } dir ? Path.GetFullPath(dir, env.CurrentDirectory) : null;
            BibliographyStyle loaded;
            try
            {
                loaded = BibliographyStyle.Load(styleName, parse.GetValue(locale), catalog, localesFolder);
            }
            catch (DiagnosticException ex) when (ex.Diagnostics.Any(d => d.Code == DiagnosticCodes.CslLocaleNotFound))
            {
                throw StylesCommand.LocaleNotFound(ex);
            }
            catch (DiagnosticException ex) when (ex.Diagnostics.Any(d => d.Code == DiagnosticCodes.CslStyleNotFound))
            {
                throw StylesCommand.StyleNotFound(catalog, styleName);
            }
            catch (DiagnosticException ex)
            {
                // each error is printed positioned; no unpositioned summary line after them (issue 15: every exit-3 line positioned)
                CliIO.ReportDiagnostics(env, ex.Diagnostics);
                return ExitCodes.InputError;
            }

            CliIO.ReportDiagnostics(env, loaded.Diagnostics.Where(d => d.Severity != Severity.Info), loaded.Source);

            var (refs, name) = CliIO.ReadReferences(env, parse.GetValue(file));
            CliIO.ReportDiagnostics(env, refs.Diagnostics, name);
            if (refs.Items.Count == 0)
            {
                env.Error.WriteLine(Diagnostic.At(name, DiagnosticCodes.NoBibliographyFound, "no references found"));
                return ExitCodes.InputError;
            }

            var citations = new List<IReadOnlyList<string>>();
            foreach (var group in parse.GetValue(cite) ?? [])
            {
                var ids = group.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                foreach (var id in ids.Where(id => refs.Items.All(i => i.Id != id)))
                {
                    throw CliException.At(DiagnosticCodes.CslItemNotFound, name, $"--cite: no reference with id '{id}'");
                }

                citations.Add(ids);
            }

            bool wantBib = !parse.GetValue(citesOnly);
            bool wantCites = !parse.GetValue(bibOnly);
            if (citations.Count == 0 && wantCites && !wantBib)
            {
                // --citations without --cite: one citation per reference
                citations.AddRange(refs.Items.Select(i => (IReadOnlyList<string>)[i.Id]));
            }

            var format = parse.GetValue(to) switch
            {
                "html" => OutputFormat.Html,
                "markdown" => OutputFormat.Markdown,
                "rtf" => OutputFormat.Rtf,
                _ => OutputFormat.Text,
            };
            var rendered = loaded.Format(refs.Items, wantCites ? citations : [], format, bibliography: wantBib);
            CliIO.ReportDiagnostics(env, rendered.Warnings);
            CliIO.WriteOutput(env, parse.GetValue(output), rendered.Text);
            return refs.HasErrors ? ExitCodes.InputError : ExitCodes.Ok;
        });
        return command;
    }
}
