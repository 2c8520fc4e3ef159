using System.Collections.Immutable;

namespace SourceCheck.Formatting;

internal enum TextCase : byte { None, Lowercase, Uppercase, CapitalizeFirst, CapitalizeAll, Sentence, Title }

internal enum TermForm : byte { Long, Short, Verb, VerbShort, Symbol }

internal enum Plural : byte { Contextual, Always, Never }

/// <summary>Attributes every rendering element may carry.</summary>
internal sealed record Decor
{
    public static readonly Decor None = new();

    public Formatting Format { get; init; }

    public string? Prefix { get; init; }

    public string? Suffix { get; init; }

    public DisplayMode Display { get; init; }

    public bool Quotes { get; init; }

    public bool StripPeriods { get; init; }

    public TextCase TextCase { get; init; }
}

internal abstract class Element
{
    public Decor Decor { get; init; } = Decor.None;

    public int Line { get; init; }
}

internal enum TextSource : byte { Variable, Macro, Term, Value }

internal sealed class TextElement : Element
{
    public TextSource Source { get; init; }

    public string Name { get; init; } = string.Empty;

    public TermForm Form { get; init; }

    public bool PluralTerm { get; init; }

    /// <summary>Resolved macro (filled in after parsing).</summary>
    public Macro? Macro { get; set; }
}

internal sealed class Macro
{
    public required string Name { get; init; }

    public ImmutableArray<Element> Children { get; set; } = [];

    /// <summary>The macro's own body holds a <c>&lt;date&gt;</c> (macros it calls not counted): in a sort key it
    /// yields only its dates' sort strings, as citeproc-js's "macro-has-date".</summary>
    public bool HasDate { get; set; }
}

internal enum NumberForm : byte { Numeric, Ordinal, LongOrdinal, Roman }

internal sealed class NumberElement : Element
{
    public required string Variable { get; init; }

    public NumberForm Form { get; init; }
}

internal sealed class LabelElement : Element
{
    public string Variable { get; init; } = string.Empty;

    public TermForm Form { get; init; }

    public Plural Plural { get; init; }
}

internal enum DatePartName : byte { Year, Month, Day }

internal enum DatePartForm : byte { Default, Numeric, NumericLeadingZeros, Ordinal, Long, Short }

internal sealed class DatePart
{
    public DatePartName Name { get; init; }

    public DatePartForm Form { get; init; }

    public string? RangeDelimiter { get; init; }

    public Decor Decor { get; init; } = Decor.None;

    public bool HasFormAttr { get; init; }

    public bool HasTextCaseAttr { get; init; }

    public bool HasPrefix { get; init; }

    public bool HasSuffix { get; init; }
}

internal sealed class DateElement : Element
{
    public required string Variable { get; init; }

    /// <summary>"text" or "numeric" for localized dates, null otherwise.</summary>
    public string? Form { get; init; }

    /// <summary>year-month-day (3), year-month (2) or year (1).</summary>
    public int PartsLimit { get; init; } = 3;

    public ImmutableArray<DatePart> Parts { get; init; } = [];

    public string? Delimiter { get; init; }
}

/// <summary>Inheritable name options (null = not given here).</summary>
internal sealed record NameOptions
{
    public string? And { get; init; }

    public string? Delimiter { get; init; }

    public string? DelimiterPrecedesEtAl { get; init; }

    public string? DelimiterPrecedesLast { get; init; }

    public int? EtAlMin { get; init; }

    public int? EtAlUseFirst { get; init; }

    public bool? EtAlUseLast { get; init; }

    public int? EtAlSubsequentMin { get; init; }

    public int? EtAlSubsequentUseFirst { get; init; }

    public bool? Initialize { get; init; }

    public string? InitializeWith { get; init; }

    public string? NameAsSortOrder { get; init; }

    public string? SortSeparator { get; init; }

    public string? Form { get; init; }

    public static readonly NameOptions Empty = new();

    /// <summary>The last few merges of this with a parent (pairs parent, result; the arrays are never changed once
    /// published): a style merges the same options for every item.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<NameOptions, NameOptions[]> OverCache = new();

    /// <summary>This over <paramref name="parent"/>: values given here win.</summary>
    public NameOptions Over(NameOptions? parent)
    {
        if (parent is null || ReferenceEquals(parent, Empty))
        {
            return this;
        }

        if (ReferenceEquals(this, Empty))
        {
            return parent;
        }

        OverCache.TryGetValue(this, out var cached);
        if (cached is not null)
        {
            for (int i = 0; i < cached.Length; i += 2)
            {
                if (ReferenceEquals(cached[i], parent))
                {
                    return cached[i + 1];
                }
            }
        }

        var merged = Merge(parent);
        int keep = Math.Min(cached?.Length ?? 0, 6);
        var next = new NameOptions[keep + 2];
        next[0] = parent;
        next[1] = merged;
        if (keep > 0)
        {
            Array.Copy(cached!, 0, next, 2, keep);
        }

        OverCache.AddOrUpdate(this, next);
        return merged;
    }

    private NameOptions Merge(NameOptions parent)
    {
        return new NameOptions
        {
            And = And ?? parent.And,
            Delimiter = Delimiter ?? parent.Delimiter,
            DelimiterPrecedesEtAl = DelimiterPrecedesEtAl ?? parent.DelimiterPrecedesEtAl,
            DelimiterPrecedesLast = DelimiterPrecedesLast ?? parent.DelimiterPrecedesLast,
            EtAlMin = EtAlMin ?? parent.EtAlMin,
            EtAlUseFirst = EtAlUseFirst ?? parent.EtAlUseFirst,
            EtAlUseLast = EtAlUseLast ?? parent.EtAlUseLast,
            EtAlSubsequentMin = EtAlSubsequentMin ?? parent.EtAlSubsequentMin,
            EtAlSubsequentUseFirst = EtAlSubsequentUseFirst ?? parent.EtAlSubsequentUseFirst,
            Initialize = Initialize ?? parent.Initialize,
            InitializeWith = InitializeWith ?? parent.InitializeWith,
            NameAsSortOrder = NameAsSortOrder ?? parent.NameAsSortOrder,
            SortSeparator = SortSeparator ?? parent.SortSeparator,
            Form = Form ?? parent.Form,
        };
    }
}

internal sealed class NamePartElement
{
    private Decor? _innerDecor;

    public required string Name { get; init; }

    public Decor Decor { get; init; } = Decor.None;

    /// <summary>The decoration without affixes (each piece of a name part is formatted on its own; the affixes go
    /// around the whole part). Made once; a race makes equal copies.</summary>
    internal Decor InnerDecor => _innerDecor ??= Decor with { Prefix = null, Suffix = null } is var d && d == Decor.None ? Decor.None : d;
}

internal sealed class NameElement
{
    public NameOptions Options { get; init; } = NameOptions.Empty;

    public Decor Decor { get; init; } = Decor.None;

    public NamePartElement? Given { get; init; }

    public NamePartElement? Family { get; init; }
}

internal sealed class NamesElement : Element
{
    public ImmutableArray<string> Variables { get; init; } = [];

    public NameElement? Name { get; init; }

    public Decor? EtAlDecor { get; init; }

    public string EtAlTerm { get; init; } = "et-al";

    public LabelElement? Label { get; init; }

    public bool LabelBeforeName { get; init; }

    public ImmutableArray<Element>? Substitute { get; init; }

    public string? Delimiter { get; init; }

    /// <summary>True when the element had no &lt;name&gt; child.</summary>
    public bool ImplicitName { get; init; }
}

internal sealed class GroupElement : Element
{
    public ImmutableArray<Element> Children { get; init; } = [];

    public string? Delimiter { get; init; }
}

internal enum MatchMode : byte { All, Any, None }

internal sealed record Condition(string Kind, ImmutableArray<string> Values)
{
    /// <summary>For a "variable" condition, the kind of each tested variable (name, date, other), looked up once
    /// when the style is compiled instead of for every item.</summary>
    internal Csl.VariableKind?[] ValueKinds { get; } = Kind == "variable" ? [.. Values.Select(Csl.CslVariables.KindOf)] : [];

    /// <summary>For a "variable" condition, a small number per tested variable whose presence depends on the item
    /// alone (a rendering pass memoizes it), -1 for the others (locator, citation-number, year-suffix, ...).</summary>
    internal int[] ValueIds { get; } = Kind == "variable" ? [.. Values.Select(VariableIds.Of)] : [];

    // equality as the positional record's (the derived kinds are not part of it)
    public bool Equals(Condition? other) => other is not null && Kind == other.Kind && Values.Equals(other.Values);

    public override int GetHashCode() => HashCode.Combine(Kind, Values);
}

internal sealed class ChooseBranch
{
    public ImmutableArray<Condition> Conditions { get; init; } = [];

    public MatchMode Match { get; init; }

    public ImmutableArray<Element> Children { get; init; } = [];
}

internal sealed class ChooseElement : Element
{
    public ImmutableArray<ChooseBranch> Branches { get; init; } = [];
}

/// <summary>Small numbers for variable names tested in conditions (for the per-rendering memo of
/// <see cref="Conditions"/>); bounded, names past the bound get -1.</summary>
internal static class VariableIds
{
    private const int Max = 512;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static int _next;

    public static int Count => Volatile.Read(ref _next);

    public static int Of(string name)
    {
        // variables whose value depends on the cite or the processing state, not on the item alone
        if (name is "locator" or "citation-number" or "first-reference-note-number" or "year-suffix" or "citation-label")
        {
            return -1;
        }

        if (Ids.TryGetValue(name, out int id))
        {
            return id;
        }

        if (Volatile.Read(ref _next) >= Max)
        {
            return -1;
        }

        return Ids.GetOrAdd(name, static _ =>
        {
            int n = Interlocked.Increment(ref _next) - 1;
            return n < Max ? n : -1;
        });
    }
}

internal sealed record SortKey(string? Variable, Macro? Macro, bool Descending, int? NamesMin, int? NamesUseFirst, bool? NamesUseLast);

internal sealed class Layout
{
    public ImmutableArray<Element> Children { get; init; } = [];

    public Decor Decor { get; init; } = Decor.None;

    public string? Delimiter { get; init; }

    public string? Locale { get; init; }
}

internal sealed class Section
{
    public ImmutableArray<Layout> Layouts { get; init; } = [];

    public Layout Layout => Layouts[0];

    public ImmutableArray<SortKey> Sort { get; init; } = [];

    public NameOptions Names { get; init; } = NameOptions.Empty;

    public string? NamesDelimiter { get; init; }

    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public string? Opt(string name) => Options.TryGetValue(name, out var v) ? v : null;
}
