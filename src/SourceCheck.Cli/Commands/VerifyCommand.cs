using System.CommandLine;
using System.Globalization;
using SourceCheck.Diagnostics;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.References;
using SourceCheck.Verification;
using Spectre.Console;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck verify [REFERENCES] [--page-dir DIR] [--online | --offline] [--allow-private] [--timeout S] [--json]
/// [--fail-on SEVERITY] [--contact EMAIL]</c>: finds each cited work, gives a verdict and compares it with the reference.</summary>
public static class VerifyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string?>("REFERENCES") { Description = "References (CSL-JSON, YAML, BibTeX, RIS, bibliography text or HTML), or - for standard input", Arity = ArgumentArity.ZeroOrOne };
        var pageDir = new Option<string?>("--page-dir") { Description = "Read saved pages from DIR (pages.json / index.tsv manifest, or files named after the URL)" };
        var online = new Option<bool>("--online") { Description = "Fetch the pages and search DOI, Crossref, OpenAlex and the Internet Archive (guarded; cached in the user cache folder)" };
        var offline = new Option<bool>("--offline") { Description = "Send no request: only the cache and --page-dir; each reference says what it would search" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow fetching from private, loopback and link-local addresses" };
        var timeout = new Option<double>("--timeout") { Description = "Fetch time limit per page in seconds", DefaultValueFactory = _ => 30 };
        var format = CliFormat.Create("sourcecheck-verify/2", "text", "json");
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding has at least this severity" };
        failOn.AcceptOnlyFromAmong("info", "warning", "error");
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the page cache" };
        var contact = new Option<string?>("--contact") { Description = "Contact address for the User-Agent and Crossref/OpenAlex mailto (default: $SOURCECHECK_CONTACT)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output" };
        var command = new Command("verify", "Check references: find each cited work (own URL, DOI, Crossref, OpenAlex, the outlet in the Internet Archive), give a verdict and compare headline, authors, date, outlet, link state, paywall")
        {
            file, pageDir, online, offline, allowPrivate, timeout, format.To, format.Json, failOn, noCache, contact, output,
        };
        command.SetAction(parse =>
        {
            string? dir = parse.GetValue(pageDir);
            bool isOnline = parse.GetValue(online);
            bool isOffline = parse.GetValue(offline);
            if (isOnline && isOffline)
            {
                throw new CliException("give only one of --online or --offline", ExitCodes.Usage);
            }

            if (dir is null && !isOnline && !isOffline)
            {
                throw new CliException("give --page-dir DIR, --online or --offline", ExitCodes.Usage);
            }

            var (text, name) = CliIO.ReadInput(env, parse.GetValue(file));
            var read = Bibliography.Parse(text, InputFormat.Auto, name);
            CliIO.ReportDiagnostics(env, read.Diagnostics, name);
            if (read.Items.Count == 0)
            {
                throw CliException.At(DiagnosticCodes.NoBibliographyFound, name, "no references found");
            }

            if (dir is not null && !Directory.Exists(Path.GetFullPath(dir, env.CurrentDirectory)))
            {
                throw CliException.At(DiagnosticCodes.InputNotFound, dir, "no such folder (--page-dir)");
            }

            var endpoints = ServiceEndpoints.FromEnvironment(env.GetEnvironmentVariable);
            if (parse.GetValue(contact) is { Length: > 0 } mail)
            {
                endpoints = endpoints with { Contact = mail.Trim() };
            }

            var report = Bibliography.Verify(read.Items, new VerifyOptions
            {
                PageDirectory = dir is null ? null : Path.GetFullPath(dir, env.CurrentDirectory),
                Online = isOnline,
                AllowPrivate = parse.GetValue(allowPrivate),
                Fetch = Options(parse.GetValue(timeout)),
                UseCache = !parse.GetValue(noCache),
                Services = endpoints,
                Time = env.Time,
            });
            var (results, verdicts) = (report.Results, report.Verdicts);
            string rendered = format.IsJson(parse) ? report.ToJson() : Render(env, results, verdicts);
            CliIO.WriteOutput(env, parse.GetValue(output), rendered);
            if (parse.GetValue(failOn) is { } level)
            {
                var threshold = level switch { "error" => FindingSeverity.Error, "warning" => FindingSeverity.Warning, _ => FindingSeverity.Info };
                if (report.AllFindings().Any(f => f.Severity >= threshold))
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

    private static string Render(CliEnvironment env, IReadOnlyList<VerificationResult> results, IReadOnlyList<ReferenceVerdict> verdicts)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = PageCommand.Console(env, writer);
        var all = results.SelectMany(r => r.Findings).ToList();
        if (all.Count > 0 || results.Any(r => r.Fetch is not null))
        {
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
                    table.AddRow(Markup.Escape(r.Item.Id), Markup.Escape(f.Type.ToName()), f.Severity.ToName(), Markup.Escape(f.Cited ?? "-"),
                        Markup.Escape(f.Page ?? "-"), Markup.Escape(f.Evidence));
                }
            }

            console.Write(table);
        }

        var verdictTable = new Table().AddColumn("reference").AddColumn("verdict").AddColumn("fields").AddColumn("link").AddColumn("why");
        foreach (var v in verdicts)
        {
            string why = v.Reason + (v.ArchivedUrl is not null ? $" (archived copy: {v.ArchivedUrl})" : string.Empty)
                + string.Concat(v.Notices.Select(n => $"; {n.Type} notice {n.Doi}"));
            verdictTable.AddRow(Markup.Escape(v.Item.Id), v.Verdict, Markup.Escape(string.Join(", ", v.Fields)), v.Link, Markup.Escape(why));
        }

        console.Write(verdictTable);
        foreach (var v in verdicts.Where(v => v.Verdict is Verdicts.Unchecked or Verdicts.NotFound && v.Searches.Count > 0))
        {
            writer.WriteLine($"{v.Item.Id}: {(v.Verdict == Verdicts.Unchecked ? "searches to make" : "searched")}:");
            foreach (var s in v.Searches)
            {
                writer.WriteLine($"  {s.Service}: {s.What} — {s.Url} ({s.Outcome})");
            }
        }

        foreach (var v in verdicts.Where(v => v.Passages.Count > 0))
        {
            foreach (var p in v.Passages)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{v.Item.Id} claim {p.ClaimId}: {p.Status} ({p.Score:0.00}){(p.Passage is not null && p.Status != PassageStatuses.NotInPage ? $" at {p.Start}: \"{p.Passage}\"" : string.Empty)}"));
            }
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{CliText.Count(results.Count, "reference")}, {CliText.Count(all.Count, "finding")} ({CliText.Count(all.Count(f => f.Severity == FindingSeverity.Error), "error")}, {CliText.Count(all.Count(f => f.Severity == FindingSeverity.Warning), "warning")}, {all.Count(f => f.Severity == FindingSeverity.Info)} info)"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verdicts: {verdicts.Count(v => v.Verdict == Verdicts.Verified)} verified, {verdicts.Count(v => v.Verdict == Verdicts.Mismatch)} mismatch, {verdicts.Count(v => v.Verdict == Verdicts.NotFound)} not_found, {verdicts.Count(v => v.Verdict == Verdicts.Unchecked)} unchecked; {verdicts.Count(v => v.Link == LinkStates.Dead)} dead links; slowest reference {(verdicts.Count == 0 ? 0 : verdicts.Max(v => v.Elapsed.TotalMilliseconds)):0} ms"));
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
