using System.CommandLine;
using System.Globalization;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.References;
using SourceCheck.Verification;
using Spectre.Console;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck verify [REFERENCES] [--page-dir DIR | --online] [--allow-private] [--timeout S] [--json]
/// [--fail-on SEVERITY]</c>: checks each reference against the page it cites.</summary>
public static class VerifyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string?>("REFERENCES") { Description = "References (CSL-JSON, YAML, BibTeX, RIS, bibliography text or HTML), or - for standard input", Arity = ArgumentArity.ZeroOrOne };
        var pageDir = new Option<string?>("--page-dir") { Description = "Read saved pages from DIR (pages.json / index.tsv manifest, or files named after the URL)" };
        var online = new Option<bool>("--online") { Description = "Fetch the pages (guarded; cached in the user cache folder)" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow fetching from private, loopback and link-local addresses" };
        var timeout = new Option<double>("--timeout") { Description = "Fetch time limit per page in seconds", DefaultValueFactory = _ => 30 };
        var format = CliFormat.Create("sourcecheck-verify/1", "text", "json");
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding has at least this severity" };
        failOn.AcceptOnlyFromAmong("info", "warning", "error");
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the page cache" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output" };
        var command = new Command("verify", "Check references against the pages they cite: headline, authors, date, outlet, link state, paywall")
        {
            file, pageDir, online, allowPrivate, timeout, format.To, format.Json, failOn, noCache, output,
        };
        command.SetAction(parse =>
        {
            string? dir = parse.GetValue(pageDir);
            bool isOnline = parse.GetValue(online);
            if (dir is null == !isOnline)
            {
                throw new CliException("give exactly one of --page-dir DIR or --online", ExitCodes.Usage);
            }

            var (text, name) = CliIO.ReadInput(env, parse.GetValue(file));
            var read = ReferenceReader.Read(text, InputFormat.Auto, name);
            CliIO.ReportDiagnostics(env, read.Diagnostics, name);
            if (read.Items.Count == 0)
            {
                throw new CliException($"{name}: no references found");
            }

            IPageSource source;
            PageFetcher? fetcher = null;
            if (dir is not null)
            {
                string full = Path.GetFullPath(dir, env.CurrentDirectory);
                if (!Directory.Exists(full))
                {
                    throw new CliException($"{dir}: no such directory");
                }

                source = new DirectoryPageSource(full);
            }
            else
            {
                fetcher = new PageFetcher(new AddressGuard(parse.GetValue(allowPrivate)), Options(parse.GetValue(timeout)), env.Time);
                source = new OnlinePageSource(fetcher, parse.GetValue(noCache) ? null : new PageCache(null, env.Time));
            }

            IReadOnlyList<VerificationResult> results;
            try
            {
                results = new CitationVerifier(source).VerifyAllAsync(read.Items).GetAwaiter().GetResult();
            }
            finally
            {
                fetcher?.Dispose();
            }

            string rendered = format.IsJson(parse) ? ReportJson.Write(ReportJson.Verify(results)) : Render(env, results);
            CliIO.WriteOutput(env, parse.GetValue(output), rendered);
            if (parse.GetValue(failOn) is { } level)
            {
                var threshold = level switch { "error" => FindingSeverity.Error, "warning" => FindingSeverity.Warning, _ => FindingSeverity.Info };
                if (results.SelectMany(r => r.Findings).Any(f => f.Severity >= threshold))
                {
                    return ExitCodes.Findings;
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static FetchOptions Options(double seconds)
    {
        var total = TimeSpan.FromSeconds(seconds is > 0 and < 3600 ? seconds : 30);
        return new FetchOptions
        {
            TotalTimeout = total,
            ConnectTimeout = total < TimeSpan.FromSeconds(10) ? total : TimeSpan.FromSeconds(10),
            IdleTimeout = total < TimeSpan.FromSeconds(10) ? total : TimeSpan.FromSeconds(10),
        };
    }

    private static string Render(CliEnvironment env, IReadOnlyList<VerificationResult> results)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = PageCommand.Console(env, writer);
        var table = new Table().AddColumn("reference").AddColumn("finding").AddColumn("severity").AddColumn("cited").AddColumn("page").AddColumn("evidence");
        foreach (var r in results)
        {
            if (r.Findings.Count == 0)
            {
                table.AddRow(Markup.Escape(r.Item.Id), "ok", string.Empty, string.Empty, string.Empty, Markup.Escape(r.Url ?? string.Empty));
                continue;
            }

            foreach (var f in r.Findings)
            {
                table.AddRow(Markup.Escape(r.Item.Id), Markup.Escape(f.Type), ReportJson.Severity(f.Severity), Markup.Escape(f.Cited ?? "-"),
                    Markup.Escape(f.Page ?? "-"), Markup.Escape(f.Evidence));
            }
        }

        console.Write(table);
        var all = results.SelectMany(r => r.Findings).ToList();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{CliText.Count(results.Count, "reference")}, {CliText.Count(all.Count, "finding")} ({CliText.Count(all.Count(f => f.Severity == FindingSeverity.Error), "error")}, {CliText.Count(all.Count(f => f.Severity == FindingSeverity.Warning), "warning")}, {all.Count(f => f.Severity == FindingSeverity.Info)} info)"));
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
