using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SourceCheck.Cli.Infrastructure;

/// <summary>Usage checks System.CommandLine leaves to the application: a token that looks like an option but
/// names none ("--format" on <c>check</c>) is an unknown option, not a file name; unknown options and commands
/// get a "did you mean" from the names the command knows.</summary>
internal static class CliUsage
{
    private static readonly HashSet<string> OutputFormatSpellings = new(StringComparer.OrdinalIgnoreCase) { "format", "output-format", "fmt", "output-type" };

    /// <summary>Usage errors of a parse that System.CommandLine accepted or reported without suggestions.</summary>
    public static List<string> Errors(ParseResult parse)
    {
        var errors = new List<string>();
        var command = parse.CommandResult.Command;
        var unknown = new List<string>();
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
        {
            unknown.AddRange(argument.Tokens.Select(t => t.Value).Where(LooksLikeOption));
        }

        unknown.AddRange(parse.UnmatchedTokens.Where(LooksLikeOption));
        foreach (string token in unknown.Distinct(StringComparer.Ordinal))
        {
            string name = token.Split('=', 2)[0];
            errors.Add($"unknown option '{name}' for '{CommandPath(command)}'{Suggestion(name, OptionNames(parse.CommandResult))}");
        }

        // After an unknown option its value is left over too ('--styel apa'): report the option only.
        foreach (string token in unknown.Count > 0 ? [] : parse.UnmatchedTokens.Where(t => !LooksLikeOption(t)))
        {
            var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
            errors.Add(names.Count > 0
                ? $"unknown command '{token}'{Suggestion(token, names)}"
                : $"unexpected argument '{token}' for '{CommandPath(command)}'");
        }

        return errors;
    }

    /// <summary>A System.CommandLine parse error, with a suggestion added for an unknown command or option.</summary>
    public static string Describe(ParseError error, ParseResult parse)
    {
        string message = error.Message;
        const string prefix = "Unrecognized command or argument '";
        if (message.StartsWith(prefix, StringComparison.Ordinal) && message.IndexOf('\'', prefix.Length) is int end and > 0)
        {
            string token = message[prefix.Length..end];
            var command = parse.CommandResult.Command;
            return LooksLikeOption(token)
                ? $"unknown option '{token}' for '{CommandPath(command)}'{Suggestion(token, OptionNames(parse.CommandResult))}"
                : command.Subcommands.Count > 0
                    ? $"unknown command '{token}'{Suggestion(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"
                    : $"unexpected argument '{token}' for '{CommandPath(command)}'";
        }

        return message;
    }

    /// <summary>True for "-x" and "--xyz" (not "-", not a negative number).</summary>
    public static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
        {
            names.Add(c is RootCommand ? "sourcecheck" : c.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static List<string> OptionNames(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
        {
            foreach (var option in c.Command.Options.Where(o => !o.Hidden && (o.Recursive || ReferenceEquals(c, result))))
            {
                names.Add(option.Name);
                names.AddRange(option.Aliases);
            }
        }

        return names;
    }

    /// <summary>"; did you mean '--to'?" for the closest names (edit distance at most a third of the length, at least 2), or "".</summary>
    public static string Suggestion(string typed, IEnumerable<string> candidates)
    {
        string bare = typed.TrimStart('-');
        var names = candidates.ToList();
        if (OutputFormatSpellings.Contains(bare) && names.Contains("--to"))
        {
            // Other tools' spellings of the one output-format flag.
            return "; did you mean '--to'?";
        }

        candidates = names;
        var close = candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(bare, c.TrimStart('-'))))
            .Where(c => c.Distance <= Math.Max(2, bare.Length / 3)
                || (bare.Length >= 3 && c.Name.TrimStart('-').StartsWith(bare, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => $"'{c.Name}'")
            .ToList();
        return close.Count == 0 ? string.Empty : $"; did you mean {string.Join(" or ", close)}?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
