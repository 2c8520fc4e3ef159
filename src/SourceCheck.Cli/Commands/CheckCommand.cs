using System.CommandLine;
using SourceCheck.Checking;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Cli.Review;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;
using SourceCheck.Reports;
using SourceCheck.Storage;
using SourceCheck.Verification;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck check ARTICLE… [--sources FILE…] [--style apa] [--db FILE] [--to text|json|markdown|html]</c>:
/// argument binding and rendering over <see cref="Checker"/>, which runs the job.</summary>
public static class CheckCommand
{
    public static Command Create(CliEnvironment env)
    {
        var articles = new Argument<string[]>("ARTICLE") { Description = "Article files (text or HTML); - for standard input", Arity = ArgumentArity.OneOrMore };
        var sources = new Option<string[]>("--sources") { Description = "Pages or articles the articles cite (matched for claims too)", AllowMultipleArgumentsPerToken = true };
        var style = new Option<string>("--style", "-s") { Description = "CSL style for the references: apa, mla, chicago, ieee, harvard, din, a name in the user styles folder, or a .csl file", DefaultValueFactory = _ => "apa" };
        var locale = new Option<string?>("--locale", "-l") { Description = "Locale for formatting (default: the style's)" };
        var db = StoreCli.CreateDbOption();
        var noStore = new Option<bool>("--no-store") { Description = "Do not read or write the store" };
        var to = new Option<string>("--to", "-t") { Description = "Report format", DefaultValueFactory = _ => "text" };
        to.AcceptOnlyFromAmong("text", "json", "markdown", "html");
        var pageDir = new Option<string?>("--page-dir") { Description = "Verify references against saved pages in DIR (see 'verify')" };
        var online = new Option<bool>("--online") { Description = "Verify references by fetching their URLs" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow fetching private and loopback addresses" };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when the report has: unsourced, links, findings" };
        failOn.AcceptOnlyFromAmong("unsourced", "links", "findings");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE" };
        var command = new Command("check", "Check an article's sourcing: references in a style, claims, claims with no source, cross-article links, verification")
        {
            articles, sources, style, locale, db, noStore, to, pageDir, online, allowPrivate, failOn, output,
        };
        command.SetAction(parse =>
        {
            var inputs = new List<CheckInput>();
            foreach (var path in parse.GetValue(articles) ?? [])
            {
                var (text, name) = CliIO.ReadInput(env, path);
                inputs.Add(new CheckInput(name, text));
            }

            foreach (var path in parse.GetValue(sources) ?? [])
            {
                var (text, name) = CliIO.ReadInput(env, path);
                inputs.Add(new CheckInput(name, text, IsSource: true));
            }

            string format = parse.GetValue(to)!;
            Checker checker;
            try
            {
                var catalog = new StyleCatalog(env.GetEnvironmentVariable, env.CurrentDirectory);
                checker = new Checker(new CheckerOptions
                {
                    Style = parse.GetValue(style)!,
                    Locale = StylesCommand.CheckLocale(catalog, parse.GetValue(locale), null),
                    BibliographyFormat = format switch
                    {
                        "html" => OutputFormat.Html,
                        "markdown" => OutputFormat.Markdown,
                        _ => OutputFormat.Text,
                    },
                    Styles = catalog,
                    OpenStore = parse.GetValue(noStore) ? null : StoreCli.Opener(env, StoreCli.ResolvePath(env, parse.GetValue(db))),
                    PageDirectory = parse.GetValue(pageDir) is { } dir ? Path.GetFullPath(dir, env.CurrentDirectory) : null,
                    Online = parse.GetValue(online),
                    AllowPrivate = parse.GetValue(allowPrivate),
                    Services = ServiceEndpoints.FromEnvironment(env.GetEnvironmentVariable),
                    Time = env.Time,
                    Progress = env.ErrorRedirected ? null : new Progress<string>(m => env.Error.WriteLine($"… {m}")),
                    RunArguments = [.. parse.Tokens.Select(t => t.Value)],
                });
            }
            catch (DiagnosticException ex)
            {
                CliIO.ReportDiagnostics(env, ex.Diagnostics);
                return ExitCodes.InputError;
            }

            CheckReport report;
            try
            {
                report = checker.Check(inputs);
            }
            catch (StoreException ex)
            {
                throw new CliException(CliException.FileLevel(ex.Code, ex.Message));
            }

            string rendered = CheckReportRenderer.Render(report, format switch
            {
                "json" => ReportFormat.Json,
                "markdown" => ReportFormat.Markdown,
                "html" => ReportFormat.Html,
                _ => ReportFormat.Text,
            });
            CliIO.WriteOutput(env, parse.GetValue(output), rendered);
            return parse.GetValue(failOn) switch
            {
                "unsourced" when report.UnsourcedCount > 0 => ExitCodes.Findings,
                "links" when report.Links.Length > 0 => ExitCodes.Findings,
                "findings" when report.Findings.Length > 0 => ExitCodes.Findings,
                _ => ExitCodes.Ok,
            };
        });
        return command;
    }
}
