using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SourceCheck.Diagnostics;
using SourceCheck.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SourceCheck.Csl;

/// <summary>CSL-YAML (as pandoc writes it: a list of items, optionally under a <c>references:</c> key
/// in a front-matter block). Reading goes YAML → JSON tree → the CSL-JSON reader, so both formats keep
/// exactly the same fields.</summary>
public static class CslYaml
{
    public static ParseResult<IReadOnlyList<CslItem>> Parse(string yaml, string? source = null)
    {
        var diagnostics = new List<Diagnostic>();
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(StripFrontMatterFence(yaml));
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidYaml, Severity.Error,
                new TextSpan(0, 0, (int)ex.Start.Line, (int)ex.Start.Column), $"invalid YAML: {ex.Message}", source));
            return ParseResult<IReadOnlyList<CslItem>>.Fail(diagnostics);
        }

        if (stream.Documents.Count == 0)
        {
            return ParseResult<IReadOnlyList<CslItem>>.Ok([], diagnostics);
        }

        JsonNode? root = ToJson(stream.Documents[0].RootNode);
        if (root is JsonObject obj && obj["references"] is JsonArray refs)
        {
            root = refs.DeepClone();
        }

        return CslJson.FromNode(root, source, diagnostics);
    }

    private static string StripFrontMatterFence(string yaml)
    {
        // A pandoc-style "---\n...\n---" block: YamlDotNet reads the first document; a closing "..." or "---" ends it.
        return yaml.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? string.Empty, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        string value = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.Plain)
        {
            if (value is "" or "~" or "null" or "Null" or "NULL")
            {
                return null;
            }

            if (value is "true" or "True" or "TRUE")
            {
                return JsonValue.Create(true);
            }

            if (value is "false" or "False" or "FALSE")
            {
                return JsonValue.Create(false);
            }

            if (value.Length < 16 && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)
                && !(value.Length > 1 && value[0] == '0'))
            {
                return JsonValue.Create(l);
            }
        }

        return JsonValue.Create(value);
    }

    public static string Serialize(IEnumerable<CslItem> items)
    {
        var root = JsonNode.Parse(CslJson.Serialize(items))!;
        var sb = new StringBuilder();
        sb.Append("---\nreferences:\n");
        foreach (var item in root.AsArray())
        {
            WriteNode(sb, item, 1, inSequence: true);
        }

        sb.Append("...\n");
        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, JsonNode? node, int indent, bool inSequence)
    {
        string pad = new(' ', indent * 2 - 2);
        switch (node)
        {
            case JsonObject obj:
                bool first = true;
                foreach (var (key, value) in obj)
                {
                    sb.Append(first && inSequence ? pad + "- " : pad + "  ");
                    first = false;
                    sb.Append(Key(key)).Append(':');
                    WriteValue(sb, value, indent + 1);
                }

                if (first)
                {
                    sb.Append(pad).Append("- {}\n");
                }

                break;
            default:
                sb.Append(pad).Append("- ");
                sb.Append(ScalarText(node)).Append('\n');
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count == 0:
                sb.Append(" {}\n");
                break;
            case JsonObject obj:
                sb.Append('\n');
                string pad = new(' ', indent * 2);
                foreach (var (k, v) in obj)
                {
                    sb.Append(pad).Append(Key(k)).Append(':');
                    WriteValue(sb, v, indent + 1);
                }

                break;
            case JsonArray arr when arr.Count == 0:
                sb.Append(" []\n");
                break;
            case JsonArray arr when arr.All(x => x is JsonValue):
                sb.Append(" [").Append(string.Join(", ", arr.Select(ScalarText))).Append("]\n");
                break;
            case JsonArray arr:
                sb.Append('\n');
                foreach (var element in arr)
                {
                    if (element is JsonObject)
                    {
                        WriteNode(sb, element, indent + 1, inSequence: true);
                    }
                    else if (element is JsonArray inner)
                    {
                        sb.Append(new string(' ', indent * 2)).Append("- [")
                          .Append(string.Join(", ", inner.Select(ScalarText))).Append("]\n");
                    }
                    else
                    {
                        sb.Append(new string(' ', indent * 2)).Append("- ").Append(ScalarText(element)).Append('\n');
                    }
                }

                break;
            default:
                sb.Append(' ').Append(ScalarText(value)).Append('\n');
                break;
        }
    }

    private static string Key(string key) => IsPlainSafe(key) ? key : Quote(key);

    private static string ScalarText(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    private static bool IsPlainSafe(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Double-quoted YAML scalar (JSON string escaping is valid YAML).</summary>
    private static string Quote(string s) => JsonSerializer.Serialize(s, QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
