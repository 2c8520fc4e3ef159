using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Csl;

/// <summary>CSL-JSON reading and writing. Reading is lossless: keys the model does not know are kept
/// as raw JSON and written back unchanged. Problems are diagnostics (with line/column for syntax errors
/// and the entry number for item problems), never exceptions.</summary>
public static class CslJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
        AllowDuplicateProperties = false,
    };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static ParseResult<IReadOnlyList<CslItem>> Parse(string json, string? source = null)
    {
        var diagnostics = new List<Diagnostic>();
        JsonNode? root;
        try
        {
            // A string in memory can hold lone surrogates (a file read as UTF-8 cannot): U+FFFD, as a file would.
            root = JsonNode.Parse(TextNormalizer.ReplaceLoneSurrogates(json), documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0) + 1;
            int column = (int)(ex.BytePositionInLine ?? 0) + 1;
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error, new TextSpan(0, 0, line, column),
                $"invalid JSON: {FirstSentence(ex.Message)}", source));
            return ParseResult<IReadOnlyList<CslItem>>.Fail(diagnostics);
        }

        try
        {
            return FromNode(root, source, diagnostics);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or JsonException or FormatException)
        {
            // Values the tree only checks when read: a string with a lone surrogate escape ("\ud800"), a duplicate key.
            var (line, column, what) = LoneSurrogate(json) is { } at ? (at.Line, at.Column, "a \\u escape that is half of a surrogate pair")
                : (1, 1, FirstSentence(ex.Message));
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error, new TextSpan(0, 0, line, column),
                $"invalid JSON value: {what}", source));
            return ParseResult<IReadOnlyList<CslItem>>.Fail(diagnostics);
        }
    }

    /// <summary>Line and column of the first escaped lone surrogate (\uD800-\uDFFF not in a high-low pair), if any.</summary>
    private static (int Line, int Column)? LoneSurrogate(string json)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i + 5 < json.Length; i++)
        {
            if (json[i] == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if (json[i] != '\\')
            {
                continue;
            }

            if (json[i + 1] != 'u' || !ushort.TryParse(json.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ushort u))
            {
                i++; // an escaped character (also an escaped backslash)
                continue;
            }

            if (char.IsHighSurrogate((char)u) && i + 11 < json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                && ushort.TryParse(json.AsSpan(i + 8, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ushort low) && char.IsLowSurrogate((char)low))
            {
                i += 11;
                continue;
            }

            if (char.IsSurrogate((char)u))
            {
                return (line, i - lineStart + 1);
            }

            i += 5;
        }

        return null;
    }

    /// <summary>Reads items from an already parsed JSON tree (also used by the YAML reader).</summary>
    public static ParseResult<IReadOnlyList<CslItem>> FromNode(JsonNode? root, string? source, List<Diagnostic>? diagnostics = null)
    {
        diagnostics ??= [];
        JsonArray? array = root switch
        {
            JsonArray a => a,
            JsonObject o when o["items"] is JsonArray inner => inner,
            JsonObject o => [o.DeepClone()],
            _ => null,
        };
        if (array is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NotAnArray, Severity.Error, new TextSpan(0, 0, 1, 1),
                "CSL-JSON input must be an array of items (or one item object)", source));
            return ParseResult<IReadOnlyList<CslItem>>.Fail(diagnostics);
        }

        var items = new List<CslItem>(array.Count);
        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject obj)
            {
                diagnostics.Add(ItemDiagnostic(DiagnosticCodes.ItemNotObject, Severity.Error, i, "is not a JSON object", source));
                continue;
            }

            items.Add(ReadItem(obj, i, source, diagnostics));
        }

        return ParseResult<IReadOnlyList<CslItem>>.Ok(items, diagnostics);
    }

    public static CslItem ReadItem(JsonObject obj, int index, string? source, List<Diagnostic> diagnostics)
    {
        string id;
        bool idIsNumber = false;
        switch (obj["id"])
        {
            case JsonValue v when v.TryGetValue(out string? s):
                id = s;
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                id = v.ToJsonString();
                idIsNumber = true;
                break;
            default:
                id = "item-" + (index + 1).ToString(CultureInfo.InvariantCulture);
                diagnostics.Add(ItemDiagnostic(DiagnosticCodes.MissingId, Severity.Warning, index, $"has no id; using \"{id}\"", source));
                break;
        }

        string type = obj["type"] is JsonValue tv && tv.TryGetValue(out string? t) ? t : "document";
        var item = new CslItem(id, type) { IdIsNumber = idIsNumber };
        if (obj["type"] is null)
        {
            diagnostics.Add(ItemDiagnostic(DiagnosticCodes.BadFieldValue, Severity.Warning, index, "has no type; using \"document\"", source));
        }

        foreach (var (key, node) in obj)
        {
            if (key is "id" or "type")
            {
                continue;
            }

            if (node is null)
            {
                item.SetExtra(key, null);
                continue;
            }

            switch (CslVariables.KindOf(key))
            {
                case VariableKind.Name when node is JsonArray names:
                    item.SetNames(key, names.Select(n => ReadName(n, index, key, source, diagnostics)).Where(n => n is not null)!);
                    break;
                case VariableKind.Date when ReadDate(node) is { } date:
                    item.SetDate(key, date);
                    break;
                case VariableKind.Standard or VariableKind.Number when node is JsonValue value:
                    if (value.TryGetValue(out string? str))
                    {
                        item.SetString(key, str);
                    }
                    else if (value.GetValueKind() == JsonValueKind.Number)
                    {
                        item.SetString(key, value.ToJsonString(), numeric: true);
                    }
                    else
                    {
                        item.SetExtra(key, node.DeepClone());
                    }

                    break;
                case null:
                    item.SetExtra(key, node.DeepClone());
                    break;
                default:
                    diagnostics.Add(ItemDiagnostic(DiagnosticCodes.BadFieldValue, Severity.Warning, index,
                        $"field \"{key}\" has an unexpected shape; kept as it is", source));
                    item.SetExtra(key, node.DeepClone());
                    break;
            }
        }

        return item;
    }

    private static CslName? ReadName(JsonNode? node, int index, string key, string? source, List<Diagnostic> diagnostics)
    {
        if (node is JsonValue v && v.TryGetValue(out string? literal))
        {
            return CslName.Institution(literal);
        }

        if (node is not JsonObject obj)
        {
            diagnostics.Add(ItemDiagnostic(DiagnosticCodes.BadFieldValue, Severity.Warning, index, $"a name in \"{key}\" is not an object; skipped", source));
            return null;
        }

        var extra = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        string? Str(string k) => obj[k] is JsonValue jv ? (jv.TryGetValue(out string? s) ? s : jv.ToJsonString()) : null;
        foreach (var (k, n) in obj)
        {
            if (k is not ("family" or "given" or "dropping-particle" or "non-dropping-particle" or "suffix"
                or "comma-suffix" or "static-ordering" or "literal" or "parse-names"))
            {
                extra[k] = n?.DeepClone();
            }
        }

        return new CslName
        {
            Family = Str("family"),
            Given = Str("given"),
            DroppingParticle = Str("dropping-particle"),
            NonDroppingParticle = Str("non-dropping-particle"),
            Suffix = Str("suffix"),
            CommaSuffix = Truthy(obj["comma-suffix"]),
            StaticOrdering = Truthy(obj["static-ordering"]),
            Literal = Str("literal"),
            ParseNames = obj["parse-names"] is null ? null : Truthy(obj["parse-names"]),
            Extra = extra.Count == 0 ? CslName.EmptyExtra : extra,
        };
    }

    private static bool Truthy(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out string? s) => s is not ("" or "0" or "false"),
        JsonValue v when v.TryGetValue(out double d) => d != 0,
        _ => false,
    };

    /// <summary>Reads a CSL date object, or an EDTF/ISO string ("2025-11-09", "2025-11/2025-12").</summary>
    public static CslDate? ReadDate(JsonNode node)
    {
        if (node is JsonValue v && v.TryGetValue(out string? text))
        {
            return ParseEdtf(text) ?? new CslDate { Raw = text };
        }

        if (node is not JsonObject obj)
        {
            return null;
        }

        var parts = ImmutableArray.CreateBuilder<DateParts>();
        if (obj["date-parts"] is JsonArray outer)
        {
            foreach (var inner in outer.OfType<JsonArray>().Take(2))
            {
                var nums = inner.Select(ToInt).ToList();
                if (nums.Count == 0 || nums[0] is null)
                {
                    continue;
                }

                parts.Add(new DateParts(nums[0]!.Value, nums.Count > 1 ? nums[1] : null, nums.Count > 2 ? nums[2] : null));
            }
        }

        var extra = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (k, n) in obj)
        {
            if (k is not ("date-parts" or "season" or "circa" or "literal" or "raw"))
            {
                extra[k] = n?.DeepClone();
            }
        }

        return new CslDate
        {
            Parts = parts.ToImmutable(),
            Season = obj["season"] is JsonValue sv ? (sv.TryGetValue(out string? ss) ? ss : sv.ToJsonString()) : null,
            Circa = Truthy(obj["circa"]),
            Literal = obj["literal"] is JsonValue lv && lv.TryGetValue(out string? ls) ? ls : null,
            Raw = obj["raw"] is JsonValue rv && rv.TryGetValue(out string? rs) ? rs : null,
            Extra = extra.Count == 0 ? CslName.EmptyExtra : extra,
        };
    }

    private static int? ToInt(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => (int)d,
        JsonValue v when v.TryGetValue(out string? s) && int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int p) => p,
        _ => null,
    };

    /// <summary>Parses the EDTF subset used in CSL-JSON: YYYY, YYYY-MM, YYYY-MM-DD, and ranges with "/".</summary>
    public static CslDate? ParseEdtf(string text)
    {
        text = text.Trim();
        bool circa = text.EndsWith('~') || text.EndsWith('?');
        text = text.TrimEnd('~', '?');
        var pieces = text.Split('/');
        if (pieces.Length is < 1 or > 2)
        {
            return null;
        }

        var parts = ImmutableArray.CreateBuilder<DateParts>();
        foreach (var piece in pieces)
        {
            var segs = piece.Split('-');
            if (segs.Length is < 1 or > 3 || segs.Any(s => s.Length == 0 || !s.All(char.IsAsciiDigit)) || segs[0].Length != 4
                || segs.Skip(1).Any(s => s.Length > 2))
            {
                return null;
            }

            int year = int.Parse(segs[0], CultureInfo.InvariantCulture);
            int? month = segs.Length > 1 ? int.Parse(segs[1], CultureInfo.InvariantCulture) : null;
            int? day = segs.Length > 2 ? int.Parse(segs[2], CultureInfo.InvariantCulture) : null;
            if (month is < 1 or > 24 || day is < 1 or > 31)
            {
                return null;
            }

            parts.Add(new DateParts(year, month, day));
        }

        return new CslDate { Parts = parts.ToImmutable(), Circa = circa };
    }

    // ---------------------------------------------------------------- writing

    public static string Serialize(IEnumerable<CslItem> items)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                WriteItem(writer, item);
            }

            writer.WriteEndArray();
        }

        return Utf8Output.ToText(stream);
    }

    /// <summary>One item as compact single-line JSON (for JSON Lines output).</summary>
    public static string SerializeLine(CslItem? item)
    {
        if (item is null)
        {
            return "{}";
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = WriterOptions.Encoder }))
        {
            WriteItem(writer, item);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static JsonObject ToNode(CslItem item) => (JsonObject)JsonNode.Parse(SerializeLine(item))!;

    public static void WriteItem(Utf8JsonWriter writer, CslItem item)
    {
        writer.WriteStartObject();
        if (item.IdIsNumber && double.TryParse(item.Id, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            writer.WritePropertyName("id");
            writer.WriteRawValue(item.Id);
        }
        else
        {
            writer.WriteString("id", item.Id);
        }

        writer.WriteString("type", item.Type);
        foreach (var key in item.Keys)
        {
            switch (item.GetRaw(key))
            {
                case string s when item.IsNumeric(key) && IsJsonNumber(s):
                    writer.WritePropertyName(key);
                    writer.WriteRawValue(s);
                    break;
                case string s:
                    writer.WriteString(key, s);
                    break;
                case IReadOnlyList<CslName> names:
                    writer.WritePropertyName(key);
                    writer.WriteStartArray();
                    foreach (var name in names)
                    {
                        WriteName(writer, name);
                    }

                    writer.WriteEndArray();
                    break;
                case CslDate date:
                    writer.WritePropertyName(key);
                    WriteDate(writer, date);
                    break;
                case JsonNode node:
                    writer.WritePropertyName(key);
                    node.WriteTo(writer);
                    break;
            }
        }

        foreach (var key in item.NullKeys)
        {
            writer.WriteNull(key);
        }

        writer.WriteEndObject();
    }

    private static bool IsJsonNumber(string s) =>
        s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) && !s.StartsWith('+') && !s.StartsWith('.');

    private static void WriteName(Utf8JsonWriter writer, CslName name)
    {
        writer.WriteStartObject();
        void Opt(string key, string? value)
        {
            if (value is not null)
            {
                writer.WriteString(key, value);
            }
        }

        Opt("family", name.Family);
        Opt("given", name.Given);
        Opt("dropping-particle", name.DroppingParticle);
        Opt("non-dropping-particle", name.NonDroppingParticle);
        Opt("suffix", name.Suffix);
        if (name.CommaSuffix)
        {
            writer.WriteBoolean("comma-suffix", true);
        }

        if (name.StaticOrdering)
        {
            writer.WriteBoolean("static-ordering", true);
        }

        Opt("literal", name.Literal);
        if (name.ParseNames is { } pn)
        {
            writer.WriteBoolean("parse-names", pn);
        }

        foreach (var (k, v) in name.Extra)
        {
            writer.WritePropertyName(k);
            if (v is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                v.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter writer, CslDate date)
    {
        writer.WriteStartObject();
        if (!date.Parts.IsDefaultOrEmpty)
        {
            writer.WritePropertyName("date-parts");
            writer.WriteStartArray();
            foreach (var p in date.Parts)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(p.Year);
                if (p.Month is { } m)
                {
                    writer.WriteNumberValue(m);
                    if (p.Day is { } d)
                    {
                        writer.WriteNumberValue(d);
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        if (date.Season is { } season)
        {
            if (int.TryParse(season, NumberStyles.None, CultureInfo.InvariantCulture, out int sn))
            {
                writer.WriteNumber("season", sn);
            }
            else
            {
                writer.WriteString("season", season);
            }
        }

        if (date.Circa)
        {
            writer.WriteBoolean("circa", true);
        }

        if (date.Literal is not null)
        {
            writer.WriteString("literal", date.Literal);
        }

        if (date.Raw is not null)
        {
            writer.WriteString("raw", date.Raw);
        }

        foreach (var (k, v) in date.Extra)
        {
            writer.WritePropertyName(k);
            if (v is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                v.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static Diagnostic ItemDiagnostic(string code, Severity severity, int index, string message, string? source) =>
        new(code, severity, TextSpan.Empty, $"entry {index + 1} {message}", source);

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
