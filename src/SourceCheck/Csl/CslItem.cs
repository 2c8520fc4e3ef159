using System.Text.Json.Nodes;

namespace SourceCheck.Csl;

/// <summary>One reference in the CSL-JSON data model. Variables are kept in insertion order; values are
/// strings (standard and number variables), name lists, dates, or — for keys this model does not know —
/// the raw JSON, so that a read/write round trip loses nothing.</summary>
public sealed class CslItem
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _numeric = new(StringComparer.Ordinal);

    public CslItem(string id, string type = "document")
    {
        Id = id;
        Type = type;
    }

    public string Id { get; set; }

    /// <summary>True when the input gave the id as a JSON number (written back the same way).</summary>
    public bool IdIsNumber { get; set; }

    public string Type { get; set; }

    public IEnumerable<string> Keys => _values.Keys;

    public int Count => _values.Count;

    public bool Has(string key) => _values.ContainsKey(key);

    public string? this[string key]
    {
        get => GetString(key);
        set
        {
            if (value is null)
            {
                Remove(key);
            }
            else
            {
                SetString(key, value);
            }
        }
    }

    public string? GetString(string key) => _values.TryGetValue(key, out var v) ? v as string : null;

    public IReadOnlyList<CslName> GetNames(string key) =>
        _values.TryGetValue(key, out var v) && v is IReadOnlyList<CslName> names ? names : [];

    public CslDate? GetDate(string key) => _values.TryGetValue(key, out var v) ? v as CslDate : null;

    public JsonNode? GetExtra(string key) => _values.TryGetValue(key, out var v) ? v as JsonNode : null;

    public object? GetRaw(string key) => _values.GetValueOrDefault(key);

    /// <summary>Whether a number variable was given as a JSON number.</summary>
    public bool IsNumeric(string key) => _numeric.Contains(key);

    public CslItem SetString(string key, string value, bool numeric = false)
    {
        _values[key] = value;
        if (numeric)
        {
            _numeric.Add(key);
        }
        else
        {
            _numeric.Remove(key);
        }

        return this;
    }

    public CslItem SetNames(string key, IEnumerable<CslName> names)
    {
        var list = names.ToList();
        if (list.Count == 0)
        {
            Remove(key);
        }
        else
        {
            _values[key] = list.AsReadOnly();
        }

        return this;
    }

    public CslItem SetDate(string key, CslDate date)
    {
        _values[key] = date;
        return this;
    }

    public CslItem SetExtra(string key, JsonNode? value)
    {
        if (value is null)
        {
            _values.Remove(key);
            _nulls.Add(key);
        }
        else
        {
            _values[key] = value;
            _nulls.Remove(key);
        }

        return this;
    }

    private readonly HashSet<string> _nulls = new(StringComparer.Ordinal);

    /// <summary>Keys that were present with a JSON null value (kept for a lossless round trip).</summary>
    public IReadOnlyCollection<string> NullKeys => _nulls;

    public bool Remove(string key)
    {
        _numeric.Remove(key);
        _nulls.Remove(key);
        return _values.Remove(key);
    }

    public CslItem Clone()
    {
        var copy = new CslItem(Id, Type) { IdIsNumber = IdIsNumber };
        foreach (var (key, value) in _values)
        {
            copy._values[key] = value is JsonNode node ? node.DeepClone() : value;
        }

        copy._numeric.UnionWith(_numeric);
        copy._nulls.UnionWith(_nulls);
        return copy;
    }

    public string? Title => GetString("title");

    public IReadOnlyList<CslName> Authors => GetNames("author");

    public CslDate? Issued => GetDate("issued");

    public override string ToString() => $"{Id} ({Type}): {Title}";
}
