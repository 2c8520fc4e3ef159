using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.References;

/// <summary>One merge: <see cref="MergedId"/> was folded into <see cref="KeptId"/> for <see cref="Reason"/>;
/// <see cref="AddedFields"/> came from the duplicate, <see cref="Conflicts"/> differed (the first item's value was kept).</summary>
internal sealed record DuplicateMerge(string KeptId, string MergedId, string Reason, IReadOnlyList<string> AddedFields, IReadOnlyList<string> Conflicts);

internal sealed record DeduplicationResult(IReadOnlyList<CslItem> Items, IReadOnlyList<DuplicateMerge> Merges, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Merges duplicate references within one input: same normalised DOI, or same normalised title + year +
/// first author's family name (or both without author). The first occurrence is kept and gains every field only
/// the duplicate has; on conflicting values the first wins and the conflict is listed. Each merge is recorded
/// and reported as an SC2010 info diagnostic. Input items are not modified (merged items are copies).</summary>
internal static class Deduplicator
{
    public static DeduplicationResult Merge(IReadOnlyList<CslItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var kept = new List<CslItem>();
        var byDoi = new Dictionary<string, int>(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, int>(StringComparer.Ordinal);
        var merges = new List<DuplicateMerge>();
        var diagnostics = new List<Diagnostic>();
        bool[] copied = new bool[items.Count];
        var original = new List<int>();
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            string? doi = NormaliseDoi(item.GetString("DOI"));
            string? titleKey = TitleKey(item);
            int target = -1;
            string reason = string.Empty;
            if (doi is not null && byDoi.TryGetValue(doi, out int d))
            {
                target = d;
                reason = $"same DOI {doi}";
            }
            else if (titleKey is not null && byTitle.TryGetValue(titleKey, out int t))
            {
                target = t;
                reason = "same title, year and first author";
            }

            if (target < 0)
            {
                kept.Add(item);
                original.Add(i);
                int index = kept.Count - 1;
                if (doi is not null)
                {
                    byDoi.TryAdd(doi, index);
                }

                if (titleKey is not null)
                {
                    byTitle.TryAdd(titleKey, index);
                }

                continue;
            }

            if (!copied[original[target]])
            {
                kept[target] = kept[target].Clone();
                copied[original[target]] = true;
            }

            var (added, conflicts) = Fold(kept[target], item);
            if (doi is not null)
            {
                byDoi.TryAdd(doi, target);
            }

            if (titleKey is not null)
            {
                byTitle.TryAdd(titleKey, target);
            }

            var merge = new DuplicateMerge(kept[target].Id, item.Id, reason, added, conflicts);
            merges.Add(merge);
            string conflictText = conflicts.Count == 0 ? string.Empty : $"; differing {string.Join(", ", conflicts)} (kept the first)";
            diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateMerged, Severity.Info, TextSpan.Empty,
                $"item {i + 1} ('{item.Id}') merged into '{kept[target].Id}': {reason}{conflictText}"));
        }

        return new DeduplicationResult(kept, merges, diagnostics);
    }

    private static (List<string> Added, List<string> Conflicts) Fold(CslItem into, CslItem from)
    {
        var added = new List<string>();
        var conflicts = new List<string>();
        if (into.Type != from.Type && into.Type == "document")
        {
            into.Type = from.Type;
            added.Add("type");
        }
        else if (into.Type != from.Type)
        {
            conflicts.Add("type");
        }

        var intoNode = CslJson.ToNode(into);
        var fromNode = CslJson.ToNode(from);
        foreach (var key in from.Keys)
        {
            if (!into.Has(key))
            {
                CopyField(into, from, key);
                added.Add(key);
            }
            else if (!JsonNode.DeepEquals(intoNode[key], fromNode[key]) && !SameText(into.GetString(key), from.GetString(key)))
            {
                conflicts.Add(key);
            }
        }

        return (added, conflicts);
    }

    private static bool SameText(string? a, string? b) => a is not null && b is not null && TextFolding.Key(a) == TextFolding.Key(b);

    private static void CopyField(CslItem into, CslItem from, string key)
    {
        switch (from.GetRaw(key))
        {
            case string s:
                into.SetString(key, s, from.IsNumeric(key));
                break;
            case IReadOnlyList<CslName> names:
                into.SetNames(key, names);
                break;
            case CslDate date:
                into.SetDate(key, date);
                break;
            case JsonNode node:
                into.SetExtra(key, node.DeepClone());
                break;
        }
    }

    /// <summary>Lower-case DOI from "10." on (URL/doi: prefixes and trailing punctuation removed), or null.</summary>
    public static string? NormaliseDoi(string? doi) => DoiText.Key(doi);

    /// <summary>Normalised title + year + first author family (or literal) — null without a title.</summary>
    public static string? TitleKey(CslItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        string title = TextFolding.Key(StripMarkup(item.Title ?? string.Empty));
        if (title.Length == 0)
        {
            return null;
        }

        string year = item.Issued?.Start?.Year.ToString(CultureInfo.InvariantCulture) ?? item.Issued?.Literal ?? string.Empty;
        var authors = item.Authors.Count > 0 ? item.Authors : item.GetNames("editor");
        var first = authors.Count > 0 ? authors[0] : null;
        string author = first is null ? string.Empty : TextFolding.Key(first.Family ?? first.Literal ?? string.Empty);
        return $"{title}|{year}|{author}";
    }

    private static string StripMarkup(string s)
    {
        if (s.IndexOf('<', StringComparison.Ordinal) < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        bool inTag = false;
        foreach (char c in s)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
