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

    /// <summary>Reads CSL-JSON (an array of items, or one item). Never throws on bad input: an unreadable document
    /// gives a failed result with a positioned <see cref="Diagnostic"/> (<paramref name="source"/> names the input in it);
    /// items with problems are kept with warnings. Unknown keys are kept, so a round trip loses nothing.</summary>
    public static ParseResult<IReadOnlyList<CslItem>> Parse(string json, string? source = null) =>
        // A string in memory can hold lone surrogates (a file read as UTF-8 cannot): U+FFFD, as a file would.
        Parse(() => JsonDocument.Parse(TextNormalizer.ReplaceLoneSurrogates(json), DocumentOptions), () => json, source);

    /// <summary>As <see cref="Parse(string, string?)"/> on valid UTF-8 (no byte order mark), parsed where it lies: a
    /// large file is not copied into a UTF-16 string and back (the same parser, so the same items and diagnostics).</summary>
    internal static ParseResult<IReadOnlyList<CslItem>> ParseUtf8(ReadOnlyMemory<byte> utf8, string? source) =>
        Parse(() => JsonDocument.Parse(utf8, DocumentOptions), () => Encoding.UTF8.GetString(utf8.Span), source);

    private static ParseResult<IReadOnlyList<CslItem>> Parse(Func<JsonDocument> parse, Func<string> text, string? source)
    {
        var diagnostics = new List<Diagnostic>();
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0) + 1;
            int column = (int)(ex.BytePositionInLine ?? 0) + 1;
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error, new TextSpan(0, 0, line, column),
                $"invalid JSON: {FirstSentence(ex.Message)}", source));
            return ParseResult<IReadOnlyList<CslItem>>.Fail(diagnostics);
        }

        using (document)
        {
            try
            {
                return FromElement(document.RootElement, source, diagnostics);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or JsonException or FormatException)
            {
                // Values the document only checks when read: a string with a lone surrogate escape ("\ud800").
                var (line, column, what) = LoneSurrogate(text()) is { } at ? (at.Line, at.Column, "a \\u escape that is half of a surrogate pair")
                    : (1, 1, FirstSentence(ex.Message));
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error, new TextSpan(0, 0, line, column),
                    $"invalid JSON value: {what}", source));
                return ParseResult<IReadOnlyList<CslItem>>.Fail(diagnostics);
            }
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

    /// <summary>Reads items from an already parsed JSON tree (the YAML reader's): written out and read by the one
    /// CSL-JSON item reader below.</summary>
    public static ParseResult<IReadOnlyList<CslItem>> FromNode(JsonNode? root, string? source, List<Diagnostic>? diagnostics = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = WriterOptions.Encoder, SkipValidation = true }))
        {
            if (root is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                root.WriteTo(writer);
            }
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 1000 });
        return FromElement(document.RootElement, source, diagnostics ?? []);
    }

    // Items are read from a JsonDocument (one pass of the parser over the UTF-8 text, values read in place) rather than
    // a JsonNode tree: for 10,000 items this reader allocated a node, a dictionary and a boxed value per property
    // (issue 18: the read was a third of `format`). Keys the model does not know are kept as JsonNode copies.
    private static ParseResult<IReadOnlyList<CslItem>> FromElement(JsonElement root, string? source, List<Diagnostic> diagnostics)
    {
        JsonElement array;
        if (root.ValueKind == JsonValueKind.Array)
        {
            array = root;
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var inner) && inner.ValueKind == JsonValueKind.Array)
        {
            array = inner;
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            return ParseResult<IReadOnlyList<CslItem>>.Ok([ReadItem(root, 0, source, diagnostics)], diagnostics);
        }
        else
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NotAnArray, Severity.Error, new TextSpan(0, 0, 1, 1),
                "CSL-JSON input must be an array of items (or one item object)", source));
            return ParseResult<IReadOnlyList<CslItem>>.Fail(diagnostics);
        }

        var items = new List<CslItem>(array.GetArrayLength());
        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(ItemDiagnostic(DiagnosticCodes.ItemNotObject, Severity.Error, i, "is not a JSON object", source));
            }
            else
            {
                items.Add(ReadItem(element, i, source, diagnostics));
            }

            i++;
        }

        return ParseResult<IReadOnlyList<CslItem>>.Ok(items, diagnostics);
    }

    /// <summary>A property's name and variable kind; a CSL variable's name is the one shared string of
    /// <see cref="CslVariables"/> (10,000 items: no new string for each of their keys).</summary>
    private static string PropertyName(JsonProperty property, out VariableKind? kind)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= 32 && raw.IndexOf((byte)'\\') < 0 && System.Text.Ascii.IsValid(raw))
        {
            Span<char> chars = stackalloc char[raw.Length];
            System.Text.Ascii.ToUtf16(raw, chars, out int written);
            if (CslVariables.TryKindOf(chars[..written], out string variable, out var k))
            {
                kind = k;
                return variable;
            }
        }

        string name = property.Name;
        kind = CslVariables.KindOf(name);
        return name;
    }

    private static CslItem ReadItem(JsonElement obj, int index, string? source, List<Diagnostic> diagnostics)
    {
        string id;
        bool idIsNumber = false;
        bool hasId = obj.TryGetProperty("id", out var idValue);
        if (hasId && idValue.ValueKind == JsonValueKind.String)
        {
            id = idValue.GetString()!;
        }
        else if (hasId && idValue.ValueKind == JsonValueKind.Number)
        {
            id = idValue.GetRawText();
            idIsNumber = true;
        }
        else
        {
            id = "item-" + (index + 1).ToString(CultureInfo.InvariantCulture);
            diagnostics.Add(ItemDiagnostic(DiagnosticCodes.MissingId, Severity.Warning, index, $"has no id; using \"{id}\"", source));
        }

        bool hasType = obj.TryGetProperty("type", out var typeValue) && typeValue.ValueKind != JsonValueKind.Null;
        string type = hasType && typeValue.ValueKind == JsonValueKind.String ? typeValue.GetString()! : "document";
        var item = new CslItem(id, type) { IdIsNumber = idIsNumber };
        if (!hasType)
        {
            diagnostics.Add(ItemDiagnostic(DiagnosticCodes.BadFieldValue, Severity.Warning, index, "has no type; using \"document\"", source));
        }

        foreach (var property in obj.EnumerateObject())
        {
            string key = PropertyName(property, out var kind);
            if (key is "id" or "type")
            {
                continue;
            }

            var node = property.Value;
            if (node.ValueKind == JsonValueKind.Null)
            {
                item.SetExtra(key, null);
                continue;
            }

            switch (kind)
            {
                case VariableKind.Name when node.ValueKind == JsonValueKind.Array:
                    var names = new List<CslName>(node.GetArrayLength());
                    foreach (var n in node.EnumerateArray())
                    {
                        if (ReadName(n, index, key, source, diagnostics) is { } name)
                        {
                            names.Add(name);
                        }
                    }

                    item.SetNames(key, names);
                    break;
                case VariableKind.Date when ReadDate(node) is { } date:
                    item.SetDate(key, date);
                    break;
                case VariableKind.Standard or VariableKind.Number when node.ValueKind is JsonValueKind.String:
                    item.SetString(key, node.GetString()!);
                    break;
                case VariableKind.Standard or VariableKind.Number when node.ValueKind is JsonValueKind.Number:
                    item.SetString(key, node.GetRawText(), numeric: true);
                    break;
                case VariableKind.Standard or VariableKind.Number when node.ValueKind is JsonValueKind.True or JsonValueKind.False:
                case null:
                    item.SetExtra(key, Copy(node));
                    break;
                default:
                    diagnostics.Add(ItemDiagnostic(DiagnosticCodes.BadFieldValue, Severity.Warning, index,
                        $"field \"{key}\" has an unexpected shape; kept as it is", source));
                    item.SetExtra(key, Copy(node));
                    break;
            }
        }

        return item;
    }

    /// <summary>A value kept as it is (a key the model does not know), as a tree of its own.</summary>
    private static JsonNode? Copy(JsonElement value) => JsonNode.Parse(value.GetRawText(), documentOptions: DocumentOptions);

    /// <summary>A scalar as text: strings as they are, numbers and booleans as written; null for objects, arrays and null.</summary>
    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    private static string? Scalar(JsonElement obj, string key) => obj.TryGetProperty(key, out var v) ? Scalar(v) : null;

    private static CslName? ReadName(JsonElement node, int index, string key, string? source, List<Diagnostic> diagnostics)
    {
        if (node.ValueKind == JsonValueKind.String)
        {
            return CslName.Institution(node.GetString()!);
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(ItemDiagnostic(DiagnosticCodes.BadFieldValue, Severity.Warning, index, $"a name in \"{key}\" is not an object; skipped", source));
            return null;
        }

        Dictionary<string, JsonNode?>? extra = null;
        bool? parseNames = null;
        foreach (var property in node.EnumerateObject())
        {
            switch (property.Name)
            {
                case "family" or "given" or "dropping-particle" or "non-dropping-particle" or "suffix" or "comma-suffix" or "static-ordering" or "literal":
                    break;
                case "parse-names":
                    parseNames = property.Value.ValueKind == JsonValueKind.Null ? null : Truthy(property.Value);
                    break;
                default:
                    extra ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                    extra[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : Copy(property.Value);
                    break;
            }
        }

        return new CslName
        {
            Family = Scalar(node, "family"),
            Given = Scalar(node, "given"),
            DroppingParticle = Scalar(node, "dropping-particle"),
            NonDroppingParticle = Scalar(node, "non-dropping-particle"),
            Suffix = Scalar(node, "suffix"),
            CommaSuffix = node.TryGetProperty("comma-suffix", out var cs) && Truthy(cs),
            StaticOrdering = node.TryGetProperty("static-ordering", out var so) && Truthy(so),
            Literal = Scalar(node, "literal"),
            ParseNames = parseNames,
            Extra = extra ?? CslName.EmptyExtra,
        };
    }

    private static bool Truthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString() is not ("" or "0" or "false"),
        JsonValueKind.Number => value.TryGetDouble(out double d) && d != 0,
        _ => false,
    };

    /// <summary>Reads a CSL date object, or an EDTF/ISO string ("2025-11-09", "2025-11/2025-12").</summary>
    private static CslDate? ReadDate(JsonElement node)
    {
        if (node.ValueKind == JsonValueKind.String)
        {
            string text = node.GetString()!;
            return ParseEdtf(text) ?? new CslDate { Raw = text };
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var parts = ImmutableArray.CreateBuilder<DateParts>();
        if (node.TryGetProperty("date-parts", out var outer) && outer.ValueKind == JsonValueKind.Array)
        {
            int taken = 0;
            foreach (var inner in outer.EnumerateArray())
            {
                if (inner.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                if (taken++ == 2)
                {
                    break;
                }

                int? year = null, month = null, day = null;
                int k = 0;
                foreach (var value in inner.EnumerateArray())
                {
                    switch (k++)
                    {
                        case 0:
                            year = ToInt(value);
                            break;
                        case 1:
                            month = ToInt(value);
                            break;
                        case 2:
                            day = ToInt(value);
                            break;
                    }
                }

                if (year is null)
                {
                    continue;
                }

                parts.Add(new DateParts(year.Value, month, day));
            }
        }

        Dictionary<string, JsonNode?>? extra = null;
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name is not ("date-parts" or "season" or "circa" or "literal" or "raw"))
            {
                extra ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                extra[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : Copy(property.Value);
            }
        }

        return new CslDate
        {
            Parts = parts.ToImmutable(),
            Season = Scalar(node, "season"),
            Circa = node.TryGetProperty("circa", out var circa) && Truthy(circa),
            Literal = node.TryGetProperty("literal", out var lv) && lv.ValueKind == JsonValueKind.String ? lv.GetString() : null,
            Raw = node.TryGetProperty("raw", out var rv) && rv.ValueKind == JsonValueKind.String ? rv.GetString() : null,
            Extra = extra ?? CslName.EmptyExtra,
        };
    }

    private static int? ToInt(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when double.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => (int)d,
        JsonValueKind.String when int.TryParse(value.GetString()!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int p) => p,
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

    /// <summary>The items as an indented CSL-JSON array (keys in the order they were set, LF line ends).</summary>
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

    /// <summary>One item as a JSON object (a copy: changing it does not change the item).</summary>
    public static JsonObject ToNode(CslItem item) => (JsonObject)JsonNode.Parse(SerializeLine(item))!;

    /// <summary>Writes one item as a JSON object to <paramref name="writer"/>.</summary>
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
