using System.CommandLine;
using System.Globalization;
using SourceCheck.Diagnostics;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Documents.Web;
using SourceCheck.Text;
using SourceCheck.Verification;
using Spectre.Console;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck page FILE|URL [--url URL] [--json] [--allow-private] [--timeout S]</c>: shows what
/// SourceCheck reads from one page, each value with its provenance.</summary>
public static class PageCommand
{
    public static Command Create(CliEnvironment env)
    {
        var input = new Argument<string>("FILE|URL") { Description = "A saved HTML page, - for standard input, or an http(s) URL to fetch" };
        var url = new Option<string?>("--url") { Description = "The page's address (for a saved file: resolves relative links, URL dates)" };
        var format = CliFormat.Create("sourcecheck-page/1", "text", "json");
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow fetching from private, loopback and link-local addresses" };
        var timeout = new Option<double>("--timeout") { Description = "Fetch time limit in seconds", DefaultValueFactory = _ => 30 };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output" };
        var command = new Command("page", "Show what SourceCheck reads from a web page: title, authors, dates, site, canonical URL, language, DOI, paywall, body text")
        {
            input, url, format.To, format.Json, allowPrivate, timeout, output,
        };
        command.SetAction(parse =>
        {
            string target = parse.GetValue(input)!;
            FetchResult? fetch = null;
            WebPage page;
            if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                var fetched = Pages.Fetch(target, VerifyCommand.Options(parse.GetValue(timeout)), parse.GetValue(allowPrivate), parse.GetValue(url), env.Time);
                fetch = fetched.Fetch;
                if (fetched.Page is null)
                {
                    throw CliException.At(DiagnosticCodes.FetchFailed, target, $"{fetch.Error}: {fetch.ErrorMessage ?? (fetch.Status is { } s ? $"HTTP {s}" : "no page")}");
                }

                if (fetch.IsHttpError)
                {
                    env.Error.WriteLine($"warning: {target}: HTTP {fetch.Status}");
                }

                page = fetched.Page;
            }
            else
            {
                page = Pages.Read(ReadBytes(env, target), parse.GetValue(url));
            }

            string rendered = format.IsJson(parse) ? Pages.ToJson(page, fetch) : Render(env, page, fetch);
            CliIO.WriteOutput(env, parse.GetValue(output), rendered);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static byte[] ReadBytes(CliEnvironment env, string path)
    {
        if (path == "-")
        {
            var (text, _) = CliIO.ReadInput(env, "-");
            return System.Text.Encoding.UTF8.GetBytes(text);
        }

        string full = Path.GetFullPath(path, env.CurrentDirectory);
        if (!File.Exists(full))
        {
            throw CliException.At(DiagnosticCodes.InputNotFound, path, "no such file");
        }

        try
        {
            byte[] bytes = InputLimits.ReadAllBytes(full, InputLimits.MaxInputBytes);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                bytes = InputLimits.Gunzip(bytes, path);
            }

            return bytes;
        }
        catch (InputTooLargeException ex)
        {
            throw new CliException(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw CliException.At(DiagnosticCodes.InputUnreadable, path, ex is InvalidDataException ? "cannot read: not valid gzip data" : "cannot read the file");
        }
    }

    internal static IAnsiConsole Console(CliEnvironment env, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = env.Color && !env.OutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = env.Color && !env.OutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = env.Width;
        return console;
    }

    private static string Render(CliEnvironment env, WebPage page, FetchResult? fetch)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = Console(env, writer);
        var m = page.Metadata;
        var table = new Table().AddColumn("field").AddColumn("value").AddColumn("source");
        void Row(string field, string? value, string? source) =>
            table.AddRow(Markup.Escape(field), Markup.Escape(value ?? "-"), Markup.Escape(source ?? string.Empty));
        if (fetch is not null)
        {
            Row("fetched", $"{fetch.Status} {fetch.FinalUrl}", string.Join(" -> ", fetch.Chain.Select(h => h.Status)));
        }

        Row("title", m.Title?.Value, m.Title?.Source);
        if (m.Authors.IsDefaultOrEmpty)
        {
            Row("authors", null, null);
        }

        foreach (var a in m.Authors)
        {
            Row("author", a.Value, a.Source);
        }

        Row("published", m.Published?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Published?.Source);
        Row("modified", m.Modified?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Modified?.Source);
        Row("site", m.Site?.Value, m.Site?.Source);
        Row("canonical", m.CanonicalUrl?.Value, m.CanonicalUrl?.Source);
        Row("language", m.Language?.Value, m.Language?.Source);
        Row("doi", m.Doi?.Value, m.Doi?.Source);
        Row("paywall", m.Paywall is { } pw ? $"yes: {pw.Value.Evidence}" : "no", m.Paywall?.Source);
        Row("body", $"{page.Body.Length} characters, {page.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length} paragraphs", page.BodySource);
        console.Write(table);
        writer.WriteLine();
        writer.WriteLine(page.Body);
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
