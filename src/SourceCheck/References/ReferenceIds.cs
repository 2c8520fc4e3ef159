using System.Globalization;
using System.Text;
using SourceCheck.Csl;
using SourceCheck.Text;

namespace SourceCheck.References;

/// <summary>Stable, readable item ids: first author's family name (or first word of a corporate name, or of
/// the title) plus the year — "wile2025" — with "a", "b", … added on clashes ("wile2025a"), "ref-N" when
/// nothing usable is there. Deterministic: the same input gives the same ids.</summary>
internal static class ReferenceIds
{
    private static readonly HashSet<string> Skip = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "der", "die", "das", "le", "la", "les", "el", "los", "il", "de", "of", "von", "van",
    };

    /// <summary>The key part for one item (no clash handling), or null.</summary>
    public static string? KeyFor(CslItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        string? word = null;
        foreach (var variable in new[] { "author", "editor", "translator" })
        {
            var names = item.GetNames(variable);
            if (names.Count > 0)
            {
                var n = names[0];
                word = n.Family is { Length: > 0 } f ? LastUsefulWord(f, last: true) : FirstUsefulWord(n.Literal ?? n.Given ?? string.Empty);
                break;
            }
        }

        word ??= FirstUsefulWord(item.Title ?? string.Empty);
        string letters = TextFolding.AsciiKey(word ?? string.Empty);
        if (letters.Length == 0)
        {
            return null;
        }

        if (letters.Length > 20)
        {
            letters = letters[..20];
        }

        var year = item.Issued?.Start?.Year;
        return year is { } y ? letters + y.ToString(CultureInfo.InvariantCulture) : letters;
    }

    /// <summary>Gives every item an id: keeps ids already unique and meaningful when <paramref name="keepExisting"/>,
    /// else derives keys; clashes get "a", "b", ….</summary>
    public static void Assign(IReadOnlyList<CslItem> items, bool keepExisting = false)
    {
        ArgumentNullException.ThrowIfNull(items);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var keys = new string[items.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            keys[i] = keepExisting && !string.IsNullOrEmpty(items[i].Id) ? items[i].Id : KeyFor(items[i]) ?? $"ref-{i + 1}";
            counts[keys[i]] = counts.GetValueOrDefault(keys[i]) + 1;
        }

        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            string key = keys[i];
            string id = key;
            if (counts[key] > 1 || taken.Contains(id))
            {
                // The first of a clashing group keeps the bare key; the others get a, b, … (wile2025, wile2025a).
                int n = next.GetValueOrDefault(key);
                do
                {
                    id = n == 0 ? key : key + Suffix(n - 1);
                    n++;
                }
                while (taken.Contains(id));

                next[key] = n;
            }

            taken.Add(id);
            items[i].Id = id;
            items[i].IdIsNumber = false;
        }
    }

    private static string Suffix(int n) => n < 26 ? ((char)('a' + n)).ToString() : Suffix((n / 26) - 1) + (char)('a' + (n % 26));

    private static string? FirstUsefulWord(string text)
    {
        foreach (var w in text.Split([' ', '\t', '-', '’', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            string f = TextFolding.AsciiKey(w);
            if (f.Length > 0 && !Skip.Contains(f))
            {
                return w;
            }
        }

        return null;
    }

    private static string? LastUsefulWord(string text, bool last)
    {
        var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : last ? words[^1] : words[0];
    }
}
