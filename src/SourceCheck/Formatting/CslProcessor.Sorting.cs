using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Formatting;

// Sorting: sort keys (citeproc-js's key strings and collation) and the order of bibliography and cites.
internal sealed partial class CslProcessor
{
    internal List<CslItem> SortBibliography(List<CslItem> registry)
    {
        var sec = _style.Bibliography;
        if (sec is null || sec.Sort.IsEmpty)
        {
            return [.. registry];
        }

        // provisional citation numbers in registry order (sort keys may use them)
        for (int i = 0; i < registry.Count; i++)
        {
            _state[registry[i].Id].CitationNumber = i + 1;
        }

        return SortItems(registry, sec);
    }

    private static readonly string Pending = new('\0', 1);

    private List<CslItem> SortItems(List<CslItem> items, Section sec)
    {
        // keys are computed lazily: most comparisons are decided by the first key
        int nk = sec.Sort.Length;
        var keys = new string?[items.Count][];
        var idx = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            var row = new string?[nk];
            for (int k = 0; k < nk; k++)
            {
                row[k] = Pending;
            }

            keys[i] = row;
            idx[i] = i;
        }

        string? Key(int i, int k)
        {
            var v = keys[i][k];
            if (ReferenceEquals(v, Pending))
            {
                v = SortValue(items[i], sec.Sort[k], sec);
                keys[i][k] = v;
            }

            return v;
        }

        if (nk > 0 && items.Count >= 256)
        {
            ForEachIndex(items.Count, items.Count, i => keys[i][0] = SortValue(items[i], sec.Sort[0], sec));
        }

        Array.Sort(idx, (a, b) =>
        {
            for (int k = 0; k < nk; k++)
            {
                int r = CompareOne(Key(a, k), Key(b, k), sec.Sort[k].Descending);
                if (r != 0)
                {
                    return r;
                }
            }

            return a.CompareTo(b);
        });
        var sorted = new List<CslItem>(idx.Length);
        foreach (int i in idx)
        {
            sorted.Add(items[i]);
        }

        return sorted;
    }

    // citeproc-js: sensitivity "base" (no case, no accents), numeric (2 before 10); punctuation is gone from the keys
    private const CompareOptions SortCompareOptions = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace
        | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth | CompareOptions.NumericOrdering;

    private int CompareOne(string? x, string? y, bool descending)
    {
        if (x is null && y is null)
        {
            return 0;
        }

        if (x is null)
        {
            return 1;
        }

        if (y is null)
        {
            return -1;
        }

        int r = _compare.Compare(x, y, SortCompareOptions);
        return descending ? -r : r;
    }

    private string? SortValue(CslItem item, SortKey key, Section sec)
    {
        var ctx = RentCtx(item, sec, bib: ReferenceEquals(sec, _style.Bibliography));
        try
        {
            return SortValue(ctx, item, key);
        }
        finally
        {
            ReturnCtx(ctx);
        }
    }

    private string? SortValue(Ctx ctx, CslItem item, SortKey key)
    {
        var sec = ctx.Section;
        ctx.SortMode = true;
        ctx.SortKey = key;
        ctx.NameOpts = sec.Names.Over(_style.Names);
        ctx.NamesDelimiter = sec.NamesDelimiter ?? _style.NamesDelimiter;
        if (key.Macro is not null)
        {
            var node = Renderer.RenderMacroBody(ctx, key.Macro);
            string s = Rich.Plain(node);
            return CleanSortString(s);
        }

        string v = key.Variable!;
        switch (CslVariables.KindOf(v))
        {
            case VariableKind.Name:
            {
                var names = item.GetNames(v);
                if (names.Count == 0)
                {
                    return null;
                }

                var el = new NamesElement { Variables = [v], Name = new NameElement { Options = SortNameOptions } };
                var node = Names.Render(ctx, el);
                string s = Rich.Plain(node);
                return CleanSortString(s);
            }

            case VariableKind.Date:
            {
                var d = item.GetDate(v);
                return d is null || d.Parts.IsDefaultOrEmpty ? null : Dates.SortString(d);
            }

            case VariableKind.Number:
            {
                string? s = Renderer.StringVar(ctx, v);
                if (s is null)
                {
                    return null;
                }

                return Numbers.LeadingNumber(s) is { } n ? n.ToString("D8", CultureInfo.InvariantCulture) : s;
            }

            default:
            {
                if (v == "citation-number")
                {
                    return _state[item.Id].CitationNumber.ToString("D8", CultureInfo.InvariantCulture);
                }

                string? s = Renderer.StringVar(ctx, v);
                return s is null ? null : CleanSortString(Rich.Plain(Rich.ParseMarkup(s)));
            }
        }
    }

    private static readonly NameOptions SortNameOptions = new() { NameAsSortOrder = "all" };

    /// <summary>
    /// A text sort key as citeproc-js builds and compares it: every space becomes "|" (a symbol, so word boundaries
    /// still count and sort before any letter or digit: "de Smith" before "Design") and one "|" ends the key; the
    /// comparison (citeproc-js: <c>Intl.Collator(lang, {sensitivity: "base", ignorePunctuation: true, numeric: true})</c>
    /// on lowercased keys) ignores punctuation and other white space entirely, which is the same as deleting them here
    /// ("U.S." sorts as "us", "d’Alembert" as "dalembert"); case and accents are ignored by <see cref="CompareOne"/>.
    /// </summary>
    internal static string? CleanSortString(string s)
    {
        var sb = new StringBuilder(s.Length + 1);
        foreach (char ch in s.AsSpan().Trim())
        {
            if (ch == ' ')
            {
                sb.Append('|');
                continue;
            }

            if (char.IsWhiteSpace(ch) || char.IsControl(ch) || char.IsPunctuation(ch))
            {
                continue;
            }

            sb.Append(ch);
        }

        if (sb.Length == 0)
        {
            return null;
        }

        sb.Append('|');
        return sb.ToString();
    }
}
