using System.CommandLine;

namespace SourceCheck.Cli.Infrastructure;

/// <summary>The one output-format flag every command spells the same: <c>--to FORMAT</c> (<c>-t</c>), with
/// <c>--json</c> kept as an alias of <c>--to json</c> where it existed.</summary>
internal sealed class CliFormat
{
    private CliFormat(Option<string> to, Option<bool> json)
    {
        To = to;
        Json = json;
    }

    public Option<string> To { get; }

    public Option<bool> Json { get; }

    /// <summary>--to with the first format as default, and --json; <paramref name="schema"/> names the JSON schema in the help.</summary>
    public static CliFormat Create(string schema, params string[] formats)
    {
        var to = new Option<string>("--to", "-t") { Description = $"Output format (json: schema {schema})", DefaultValueFactory = _ => formats[0] };
        to.AcceptOnlyFromAmong(formats);
        var json = new Option<bool>("--json") { Description = "Same as --to json" };
        return new CliFormat(to, json);
    }

    /// <summary>The chosen format (--json wins over --to).</summary>
    public string Get(ParseResult parse) => parse.GetValue(Json) ? "json" : parse.GetValue(To)!;

    public bool IsJson(ParseResult parse) => Get(parse) == "json";
}
