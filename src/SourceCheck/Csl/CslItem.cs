using System.Text.Json.Nodes;

namespace SourceCheck.Csl;

/// <summary>One reference in the CSL-JSON data model. Variables are kept in insertion order; values are
/// strings (standard and number variables), name lists, dates, or — for keys this model does not know —
/// the raw JSON, so that a read/write round trip loses nothing.</summary>
public sealed class CslItem
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _numeric = new(StringComparer.Ordinal);

    /// <summary>An item with no variables yet. <paramref name="type"/> is a CSL item type ("article-journal", "book", "webpage", …).</summary>
    public CslItem(string id, string type = "document")
    {
        Id = id;
        Type = type;
    }

    /// <summary>The citation key ("smith2020"); unique within one list.</summary>
    public string Id { get; set; }

    /// <summary>True when the input gave the id as a JSON number (written back the same way).</summary>
    public bool IdIsNumber { get; set; }

    /// <summary>The CSL item type ("article-journal", "book", …).</summary>
    public string Type { get; set; }

    /// <summary>The variables set, in the order they were set (CSL-JSON keys: "title", "author", "issued", …).</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>How many variables are set.</summary>
    public int Count => _values.Count;

    /// <summary>Whether variable <paramref name="key"/> is set (of any kind).</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>A string or number variable: null when unset or not a string; setting null removes it.</summary>
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

    /// <summary>The string or number variable <paramref name="key"/> as text, or null when unset or of another kind.</summary>
    public string? GetString(string key) => _values.TryGetValue(key, out var v) ? v as string : null;

    /// <summary>The name variable <paramref name="key"/> ("author", "editor", …); empty when unset.</summary>
    public IReadOnlyList<CslName> GetNames(string key) =>
        _values.TryGetValue(key, out var v) && v is IReadOnlyList<CslName> names ? names : [];

    /// <summary>The date variable <paramref name="key"/> ("issued", "accessed", …), or null.</summary>
    public CslDate? GetDate(string key) => _values.TryGetValue(key, out var v) ? v as CslDate : null;

    /// <summary>A variable this model does not know, as the raw JSON it was read from, or null.</summary>
    public JsonNode? GetExtra(string key) => _values.TryGetValue(key, out var v) ? v as JsonNode : null;

    /// <summary>The stored value of <paramref name="key"/> whatever its kind (string, name list, <see cref="CslDate"/> or <see cref="JsonNode"/>), or null.</summary>
    public object? GetRaw(string key) => _values.GetValueOrDefault(key);

    /// <summary>Whether a number variable was given as a JSON number.</summary>
    public bool IsNumeric(string key) => _numeric.Contains(key);

    /// <summary>Sets a string variable; <paramref name="numeric"/> writes it back as a JSON number. Returns this item.</summary>
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

    /// <summary>Sets a name variable; an empty list removes it. Returns this item.</summary>
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

    /// <summary>Sets a date variable. Returns this item.</summary>
    public CslItem SetDate(string key, CslDate date)
    {
        _values[key] = date;
        return this;
    }

    /// <summary>Keeps a variable this model does not know as raw JSON; null records a JSON null. Returns this item.</summary>
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

    /// <summary>Removes variable <paramref name="key"/>; false when it was not set.</summary>
    public bool Remove(string key)
    {
        _numeric.Remove(key);
        _nulls.Remove(key);
        return _values.Remove(key);
    }

    /// <summary>A deep copy (raw JSON values are cloned; names and dates are immutable and shared).</summary>
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

    /// <summary>The "title" variable, or null.</summary>
    public string? Title => GetString("title");

    /// <summary>The "author" names; empty when none.</summary>
    public IReadOnlyList<CslName> Authors => GetNames("author");

    /// <summary>The "issued" date, or null.</summary>
    public CslDate? Issued => GetDate("issued");

    /// <summary>"id (type): title", for debugging.</summary>
    public override string ToString() => $"{Id} ({Type}): {Title}";
}
