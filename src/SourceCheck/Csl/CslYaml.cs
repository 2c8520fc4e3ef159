using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SourceCheck.Diagnostics;
using SourceCheck.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SourceCheck.Csl;

/// <summary>CSL-YAML (as pandoc writes it: a list of items, optionally under a <c>references:</c> key
/// in a front-matter block). Reading goes YAML → JSON tree → the CSL-JSON reader, so both formats keep
/// exactly the same fields.</summary>
internal static class CslYaml
{
    /// <summary>Deepest nesting of mappings and sequences read (deeper input gets SC1010 at the place it passes).</summary>
    public const int MaxDepth = 64;

    /// <summary>At most this many nodes are produced in all, counting each alias as the nodes it stands for
    /// (an "alias bomb" gets SC1010 instead of gigabytes), plus two nodes per input character.</summary>
    public const int NodeBudget = 100_000;

    public static ParseResult<IReadOnlyList<CslItem>> Parse(string yaml, string? source = null)
    {
        var diagnostics = new List<Diagnostic>();
        JsonNode? root;
        var last = new Mark?[1];
        try
        {
            using var reader = new StringReader(StripFrontMatterFence(TextNormalizer.ReplaceLoneSurrogates(yaml)));
            root = Build(new Parser(reader), NodeBudget + 2L * yaml.Length, out bool empty, last);
            if (empty)
            {
                return ParseResult<IReadOnlyList<CslItem>>.Ok([], diagnostics);
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidYaml, Severity.Error,
                new TextSpan(0, 0, Math.Max(1, (int)ex.Start.Line), Math.Max(1, (int)ex.Start.Column)), $"invalid YAML: {FirstLine(ex.Message)}", source));
            return ParseResult<IReadOnlyList<CslItem>>.Fail(diagnostics);
        }
        catch (InvalidOperationException)
        {
            // The YAML library's own state errors on some broken inputs: reported where reading stopped.
            var at = last[0];
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidYaml, Severity.Error,
                new TextSpan(0, 0, Math.Max(1, (int)(at?.Line ?? 1)), Math.Max(1, (int)(at?.Column ?? 1))), "invalid YAML: cannot be read past here", source));
            return ParseResult<IReadOnlyList<CslItem>>.Fail(diagnostics);
        }

        if (root is JsonObject obj && obj["references"] is JsonArray refs)
        {
            root = refs;
            obj.Remove("references");
        }

        try
        {
            return CslJson.FromNode(root, source, diagnostics);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidYaml, Severity.Error, new TextSpan(0, 0, 1, 1),
                $"a value cannot be read as CSL: {ex.Message}", source));
            return ParseResult<IReadOnlyList<CslItem>>.Fail(diagnostics);
        }
    }

    private static string FirstLine(string message)
    {
        // YamlDotNet prefixes "(Line: 1, Col: 2, Idx: 1) - (Line: ...): "; the position is in the diagnostic already.
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    /// <summary>Reads the first document from the event stream with an explicit stack (no recursion that the
    /// input's depth controls). Anchors are registered when their node is complete, so an alias inside its own
    /// anchor is an unknown alias (no cycle); every node an alias copies counts against <paramref name="budget"/>.</summary>
    private static JsonNode? Build(IParser parser, long budget, out bool empty, Mark?[] last)
    {
        var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        // One frame per open collection: the node, its anchor, pending key (mappings), nodes produced inside.
        var stack = new Stack<Frame>();
        JsonNode? root = null;
        bool haveRoot = false;
        long produced = 0;
        empty = true;

        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        empty = false;
        while (!haveRoot)
        {
            ParsingEvent ev = parser.Current ?? throw new YamlException(last[0] ?? Mark.Empty, last[0] ?? Mark.Empty, "unexpected end of YAML");
            last[0] = ev.Start;
            parser.MoveNext();
            JsonNode? value;
            long size;
            switch (ev)
            {
                case MappingStart ms:
                    Check(stack.Count, ev);
                    stack.Push(new Frame(new JsonObject(), ms.Anchor.IsEmpty ? null : ms.Anchor.Value, ev.Start));
                    Count(ref produced, 1, budget, ev);
                    continue;
                case SequenceStart ss:
                    Check(stack.Count, ev);
                    stack.Push(new Frame(new JsonArray(), ss.Anchor.IsEmpty ? null : ss.Anchor.Value, ev.Start));
                    Count(ref produced, 1, budget, ev);
                    continue;
                case Scalar sc:
                    value = ScalarValue(sc.Value, sc.Style);
                    size = 1;
                    Count(ref produced, 1, budget, ev);
                    if (!sc.Anchor.IsEmpty)
                    {
                        anchors[sc.Anchor.Value] = value;
                        sizes[sc.Anchor.Value] = 1;
                    }

                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out JsonNode? target))
                    {
                        throw new YamlException(ev.Start, ev.End,
                            $"alias *{alias.Value.Value} refers to an anchor that is not complete here (unknown or refers to itself)");
                    }

                    size = sizes[alias.Value.Value];
                    Count(ref produced, size, budget, ev);
                    value = target?.DeepClone();
                    break;
                case MappingEnd or SequenceEnd:
                    var done = stack.Pop();
                    value = done.Node;
                    size = done.Size + 1;
                    if (done.Anchor is not null)
                    {
                        anchors[done.Anchor] = value;
                        sizes[done.Anchor] = size;
                    }

                    break;
                default:
                    throw new YamlException(ev.Start, ev.End, $"unexpected YAML event {ev.GetType().Name}");
            }

            if (stack.Count == 0)
            {
                root = value;
                haveRoot = true;
                break;
            }

            var top = stack.Peek();
            top.Size += size;
            if (top.Node is JsonArray array)
            {
                array.Add(value);
            }
            else if (top.Key is null)
            {
                if (ev is not Scalar)
                {
                    throw new YamlException(ev.Start, ev.End, "a mapping key must be a plain value, not a mapping or list");
                }

                top.Key = value?.ToString() ?? string.Empty;
            }
            else
            {
                var map = (JsonObject)top.Node;
                if (map.ContainsKey(top.Key))
                {
                    throw new YamlException(top.KeyAt, top.KeyAt, $"duplicate key \"{top.Key}\"");
                }

                map[top.Key] = value;
                top.Key = null;
            }

            if (top.Node is JsonObject && top.Key is not null)
            {
                top.KeyAt = ev.Start;
            }
        }

        return root;
    }

    private static void Check(int depth, ParsingEvent ev)
    {
        if (depth >= MaxDepth)
        {
            throw new YamlException(ev.Start, ev.End, $"nested deeper than {MaxDepth} levels");
        }
    }

    private static void Count(ref long produced, long add, long budget, ParsingEvent ev)
    {
        produced += add;
        if (produced > budget)
        {
            throw new YamlException(ev.Start, ev.End, $"aliases expand to more than {budget:N0} values (alias bomb?)");
        }
    }

    private sealed class Frame(JsonNode node, string? anchor, Mark start)
    {
        public JsonNode Node { get; } = node;
        public string? Anchor { get; } = anchor;
        public Mark Start { get; } = start;
        public string? Key { get; set; }
        public Mark KeyAt { get; set; } = start;
        public long Size { get; set; }
    }

    private static string StripFrontMatterFence(string yaml)
    {
        // A pandoc-style "---\n...\n---" block: the first document is read; a closing "..." or "---" ends it.
        return yaml.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static JsonNode? ScalarValue(string? text, ScalarStyle style)
    {
        string value = TextNormalizer.ReplaceLoneSurrogates(text ?? string.Empty);
        if (style is ScalarStyle.Plain)
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
    private static string Quote(string s) => "\"" + JsonEncodedText.Encode(s, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() + "\"";
}
