using System.CommandLine;
using System.Globalization;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Cli.Review;
using SourceCheck.Storage;
using Spectre.Console;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck search WORDS [--db FILE] [--limit N] [--json]</c>: stored claims containing every salient
/// word (diacritics folded, light stemming), best match first.</summary>
public static class SearchCommand
{
    public const string Schema = SearchJson.Schema;

    public static Command Create(CliEnvironment env)
    {
        var words = new Argument<string>("WORDS") { Description = "Words the claims must contain (stop words are ignored; \"Bürgschaft\" also finds \"Bürgschaften\")" };
        var db = StoreCli.CreateDbOption();
        var format = CliFormat.Create(Schema, "text", "json");
        var limit = new Option<int>("--limit") { Description = "Show at most this many claims", DefaultValueFactory = _ => 20 };
        var command = new Command("search", $"Full-text search over stored claims (text, speaker, credited outlet); ranks the newest {StoreLocation.SearchRankWindow} matches")
        {
            words, db, format.To, format.Json, limit,
        };
        command.SetAction(parse =>
        {
            string text = parse.GetValue(words) ?? string.Empty;
            var terms = StoreLocation.SearchTerms(text);
            if (terms.Count == 0)
            {
                throw new CliException("give at least one word that is not a stop word", ExitCodes.Usage);
            }

            using var store = StoreCli.Open(env, parse.GetValue(db));
            var hits = store.Search(text, Math.Clamp(parse.GetValue(limit), 1, 1000));
            if (format.IsJson(parse))
            {
                CliIO.WriteOutput(env, null, SearchJson.Write(text, terms, hits));
            }
            else
            {
                Render(StoreCli.Console(env, env.Out, env.OutputRedirected), hits);
            }

            if (hits.Count == 0)
            {
                env.Error.WriteLine($"no stored claim contains: {string.Join(' ', terms)} (searched {store.Path})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("#", "date", "outlet", "speaker", "claim");
        foreach (var hit in hits)
        {
            var c = hit.Claim.Claim;
            table.AddRow(
                Markup.Escape(hit.Claim.Id.ToString(CultureInfo.InvariantCulture)),
                Markup.Escape(hit.Document.Date ?? string.Empty),
                Markup.Escape(hit.Document.Outlet ?? hit.Document.Source),
                Markup.Escape(c.Speaker ?? string.Empty),
                Markup.Escape(c.Text));
        }

        console.Write(table);
    }
}
