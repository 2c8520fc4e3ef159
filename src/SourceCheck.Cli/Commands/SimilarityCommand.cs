using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SourceCheck.Claims.Matching;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Text;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck similarity --pairs FILE.jsonl [--threshold X] [-o FILE]</c>: input lines
/// <c>{"id","a","b"}</c> (optional lang_a/lang_b), output lines <c>{"id","score","label"}</c>.</summary>
public static class SimilarityCommand
{
    public static Command Create(CliEnvironment env)
    {
        var pairs = new Option<string>("--pairs") { Description = "JSON Lines file of pairs {\"id\",\"a\",\"b\"[,\"lang_a\",\"lang_b\"]}, or - for standard input (the default)", DefaultValueFactory = _ => "-" };
        var threshold = new Option<double?>("--threshold") { Description = "Label 1 from this score (default: learned threshold, same-language or cross-language)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output" };
        var command = new Command("similarity", "Score sentence pairs: same claim (paraphrase/translation) or not") { pairs, threshold, output };
        command.SetAction(parse =>
        {
            var (text, name) = CliIO.ReadInput(env, parse.GetValue(pairs));
            var items = SentencePairs.ReadJsonl(text, name);

            var lexicon = BilingualLexicon.Default;
            if (!lexicon.CrossLanguageAvailable && items.Any(SentencePairs.IsCross))
            {
                env.Error.WriteLine($"warning: {lexicon.Warning}");
            }

            var scorer = new SimilarityScorer(lexicon, new IdfTable());
            var scores = SentencePairs.Scores(scorer, items);
            double? t = parse.GetValue(threshold);
            var sb = new StringBuilder();
            for (int i = 0; i < items.Count; i++)
            {
                var p = items[i];
                string la = p.LangA ?? LanguageGuesser.Guess(p.A);
                string lb = p.LangB ?? LanguageGuesser.Guess(p.B);
                double score = scores[i];
                int label = score >= (t ?? SimilarityScorer.DefaultThreshold(la, lb)) ? 1 : 0;
                sb.Append("{\"id\": ").Append(System.Text.Json.Nodes.JsonValue.Create(p.Id).ToJsonString())
                    .Append(", \"score\": ").Append(score.ToString("0.######", CultureInfo.InvariantCulture))
                    .Append(", \"label\": ").Append(label).Append("}\n");
            }

            CliIO.WriteOutput(env, parse.GetValue(output), sb.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }
}
