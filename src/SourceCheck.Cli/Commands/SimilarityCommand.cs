using System.CommandLine;
using SourceCheck.Cli.Infrastructure;

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
            var scored = Articles.ScorePairs(text, name, parse.GetValue(threshold));
            if (scored.Warning is not null)
            {
                env.Error.WriteLine($"warning: {scored.Warning}");
            }

            CliIO.WriteOutput(env, parse.GetValue(output), scored.ToJsonLines());
            return ExitCodes.Ok;
        });
        return command;
    }
}
