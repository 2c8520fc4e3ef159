using System.CommandLine;
using System.Globalization;
using System.Text;
using SourceCheck.Claims;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Cli.Review;
using SourceCheck.Storage;
using Spectre.Console;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck trace TEXT|CLAIM-ID [--db FILE] [--json]</c>: every stored claim that says it, as
/// speaker → channel → first outlet → later outlets (by date), with link types.</summary>
public static class TraceCommand
{
    public const string Schema = TraceJson.Schema;

    public static Command Create(CliEnvironment env)
    {
        var query = new Argument<string>("TEXT|CLAIM-ID") { Description = "Words of the claim, or a stored claim id (e.g. 42 or #42)" };
        var db = StoreCli.CreateDbOption();
        var format = CliFormat.Create(Schema, "text", "json");
        var depth = new Option<int>("--depth") { Description = "Follow stored links this many hops from text matches", DefaultValueFactory = _ => 4 };
        var command = new Command("trace", "Who said this first, and who repeated it: stored claims that say it, grouped speaker → channel → outlets")
        {
            query, db, format.To, format.Json, depth,
        };
        command.SetAction(parse =>
        {
            string text = parse.GetValue(query) ?? string.Empty;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new CliException("give the words of a claim or a claim id", ExitCodes.Usage);
            }

            using var store = StoreCli.Open(env, parse.GetValue(db));
            var result = store.Trace(text, Math.Clamp(parse.GetValue(depth), 0, 20));
            if (format.IsJson(parse))
            {
                CliIO.WriteOutput(env, null, TraceJson.Write(result));
            }
            else
            {
                Render(StoreCli.Console(env, env.Out, env.OutputRedirected), result);
            }

            if (result.IsEmpty)
            {
                env.Error.WriteLine($"no stored claim says this (searched {store.Path} for: {string.Join(' ', result.Terms)})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Render(IAnsiConsole console, TraceResult result)
    {
        int documents = result.Claims.Select(c => c.Document.Id).Distinct().Count();
        console.MarkupLine($"[bold]Trace[/] {Markup.Escape(Quote(result.Query))}: {result.Claims.Length} claim(s) in {documents} document(s)"
            + $" [grey](terms: {Markup.Escape(string.Join(' ', result.Terms))})[/]");
        foreach (var speaker in result.Speakers)
        {
            var tree = new Tree(new Markup("[bold]" + Markup.Escape(speaker.Speaker ?? "(speaker not named)") + "[/]"));
            foreach (var channel in speaker.Channels)
            {
                var channelNode = tree.AddNode(new Markup("via " + Markup.Escape(channel.Channel ?? "(channel not named)")));
                for (int i = 0; i < channel.Outlets.Length; i++)
                {
                    var outlet = channel.Outlets[i];
                    var outletNode = channelNode.AddNode(new Markup(OutletLabel(outlet, i)));
                    foreach (var claim in outlet.Claims)
                    {
                        var claimNode = outletNode.AddNode(new Markup(ClaimLabel(claim)));
                        foreach (var link in claim.Links)
                        {
                            claimNode.AddNode(new Markup(Markup.Escape(
                                $"{link.Type.ToName()} ↔ #{link.OtherClaimId} (score {link.Score.ToString("0.00", CultureInfo.InvariantCulture)}, {link.Status.ToName()})")));
                        }
                    }
                }
            }

            console.Write(tree);
        }
    }

    private static string OutletLabel(TraceOutlet outlet, int index)
    {
        var sb = new StringBuilder();
        sb.Append(index == 0 ? "[green]first[/] " : "then ");
        sb.Append("[bold]").Append(Markup.Escape(outlet.Outlet)).Append("[/]");
        if (outlet.Document is { } doc)
        {
            sb.Append(" · ").Append(Markup.Escape(doc.Date ?? "no date"));
            sb.Append(" · ").Append(Markup.Escape(doc.Source));
            if (!outlet.Credits.IsEmpty)
            {
                sb.Append(" · credits ").Append(Markup.Escape(string.Join(", ", outlet.Credits)));
            }
        }
        else
        {
            sb.Append(" [grey](credited by ").Append(Markup.Escape(string.Join(", ", outlet.CreditedBy))).Append("; not in the store)[/]");
        }

        return sb.ToString();
    }

    private static string ClaimLabel(TraceClaim claim)
    {
        string how = claim.Coverage is { } cov
            ? $"text match {cov.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal)}"
            : $"via links ({claim.Depth} hop{(claim.Depth == 1 ? string.Empty : "s")})";
        var c = claim.Claim.Claim;
        return $"#{claim.Claim.Id} {Markup.Escape(Quote(Shorten(c.Text, 160)))} [grey]({Markup.Escape(how)}; {c.Span.Start}–{c.Span.End})[/]";
    }

    private static string Quote(string s) => "\u201C" + s + "\u201D";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
