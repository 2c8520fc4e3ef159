using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using SourceCheck.Claims;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Cli.Review;
using SourceCheck.Csl;
using SourceCheck.Storage;
using SourceCheck.Text;

namespace SourceCheck.Cli.Commands;

/// <summary>Hidden <c>sourcecheck __ingest-stress --db FILE [--count N] [--claims M] [--prefix P]</c>: ingests N
/// generated documents of M claims each, printing "ingesting K" before and "committed K" after each transaction.
/// The robustness tests run it as a child process, kill it with SIGKILL mid-ingest, or run two at once on one file.</summary>
public static class IngestStressCommand
{
    public static Command Create(CliEnvironment env)
    {
        var db = StoreCli.CreateDbOption();
        var count = new Option<int>("--count") { DefaultValueFactory = _ => 100 };
        var claimsPerDocument = new Option<int>("--claims") { DefaultValueFactory = _ => 50 };
        var prefix = new Option<string>("--prefix") { DefaultValueFactory = _ => "doc" };
        var command = new Command("__ingest-stress", "Test helper: ingest generated documents in a loop") { db, count, claimsPerDocument, prefix };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            using var store = StoreCli.Open(env, parse.GetValue(db));
            int n = parse.GetValue(count);
            int m = Math.Max(1, parse.GetValue(claimsPerDocument));
            string p = parse.GetValue(prefix) ?? "doc";
            for (int k = 1; k <= n; k++)
            {
                var (document, references, claims) = Generate(p, k, m);
                env.Out.WriteLine($"ingesting {k}");
                env.Out.Flush();
                store.Ingest(document, references, claims);
                env.Out.WriteLine($"committed {k}");
                env.Out.Flush();
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A deterministic document "P-K" with M claims (and a few references).</summary>
    public static (DocumentInput Document, IReadOnlyList<ReferenceInput> References, IReadOnlyList<Claim> Claims) Generate(string prefix, int k, int m)
    {
        string source = $"{prefix}-{k.ToString(CultureInfo.InvariantCulture)}.txt";
        var text = new StringBuilder();
        var claims = new List<Claim>(m);
        for (int i = 0; i < m; i++)
        {
            string sentence = string.Create(CultureInfo.InvariantCulture,
                $"Quelle {prefix} Nummer {k} berichtet in Satz {i}, dass Regierungen {i % 7} Milliarden für Rechenzentren ausgeben wollen, sagte Sprecherin {i % 13}.");
            int start = text.Length;
            text.Append(sentence).Append(' ');
            claims.Add(new Claim($"{source}-c{i + 1}", source, "de", sentence, new TextSpan(start, sentence.Length), QuoteKind.Indirect,
                null, "Sprecherin " + (i % 13).ToString(CultureInfo.InvariantCulture), null, "Pressekonferenz", null, ImmutableArray<Figure>.Empty));
        }

        var references = Enumerable.Range(1, 3).Select(r => new ReferenceInput(
            new CslItem($"ref{r}", "article-newspaper").SetString("title", $"Bericht {prefix} {k} Teil {r}"), r)).ToList();
        return (new DocumentInput(source, text.ToString()) { Outlet = prefix, Language = "de" }, references, claims);
    }
}
