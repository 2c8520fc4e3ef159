using System.Globalization;
using System.Text.Json.Nodes;

namespace SourceCheck.Tests.References;

/// <summary>A small JSON Schema (draft-07 subset) validator for tests: type, enum, properties,
/// additionalProperties (bool or schema), items, anyOf, $ref to #/definitions/…, required, minItems, maxItems.
/// Returns the list of violations with JSON paths (empty = valid). No package for this is available here.</summary>
public sealed class MiniJsonSchema(JsonNode root)
{
    public static MiniJsonSchema Load(string path) => new(JsonNode.Parse(File.ReadAllText(path))!);

    public List<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonNode schema, JsonNode? value, string path, List<string> errors)
    {
        if (schema is not JsonObject s)
        {
            return;
        }

        if (s["$ref"] is JsonValue refValue)
        {
            Check(Resolve(refValue.GetValue<string>()), value, path, errors);
        }

        if (s["type"] is { } type)
        {
            var allowed = type is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!allowed.Any(t => IsType(value, t)))
            {
                errors.Add($"{path}: expected {string.Join("|", allowed)}, found {Describe(value)}");
                return;
            }
        }

        if (s["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString()} is not one of the allowed values");
        }

        if (s["anyOf"] is JsonArray anyOf)
        {
            var branchErrors = new List<string>();
            bool any = false;
            foreach (var branch in anyOf)
            {
                var e = new List<string>();
                Check(branch!, value, path, e);
                if (e.Count == 0)
                {
                    any = true;
                    break;
                }

                branchErrors.AddRange(e);
            }

            if (!any)
            {
                errors.Add($"{path}: matches no anyOf branch ({string.Join("; ", branchErrors)})");
            }
        }

        if (value is JsonObject obj)
        {
            var props = s["properties"] as JsonObject;
            if (s["required"] is JsonArray required)
            {
                foreach (var r in required)
                {
                    string name = r!.GetValue<string>();
                    if (!obj.ContainsKey(name))
                    {
                        errors.Add($"{path}: missing required property '{name}'");
                    }
                }
            }

            foreach (var (key, child) in obj)
            {
                if (props?[key] is { } propSchema)
                {
                    Check(propSchema, child, $"{path}.{key}", errors);
                }
                else if (s["additionalProperties"] is JsonValue ap && ap.TryGetValue(out bool allowedExtra))
                {
                    if (!allowedExtra)
                    {
                        errors.Add($"{path}: property '{key}' is not allowed");
                    }
                }
                else if (s["additionalProperties"] is JsonObject apSchema)
                {
                    Check(apSchema, child, $"{path}.{key}", errors);
                }
            }
        }

        if (value is JsonArray arr)
        {
            if (s["minItems"] is JsonValue min && arr.Count < min.GetValue<int>())
            {
                errors.Add($"{path}: {arr.Count} items, at least {min} required");
            }

            if (s["maxItems"] is JsonValue max && arr.Count > max.GetValue<int>())
            {
                errors.Add($"{path}: {arr.Count} items, at most {max} allowed");
            }

            if (s["items"] is JsonObject itemSchema)
            {
                for (int i = 0; i < arr.Count; i++)
                {
                    Check(itemSchema, arr[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", errors);
                }
            }
        }
    }

    private JsonNode Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"only local $ref is supported: {reference}");
        }

        JsonNode node = root;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"unresolved $ref {reference}");
        }

        return node;
    }

    private static bool IsType(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String,
        "number" => value is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number,
        "integer" => value is JsonValue i && i.GetValueKind() == System.Text.Json.JsonValueKind.Number && decimal.TryParse(i.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Truncate(d),
        "boolean" => value is JsonValue b && b.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
        _ => false,
    };

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "?",
    };
}
