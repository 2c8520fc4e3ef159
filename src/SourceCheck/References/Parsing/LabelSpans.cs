using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.References.Parsing;

/// <summary>For the layout passes that read a reference with a regular expression: gives every token wholly inside a
/// character span of the reference one label.</summary>
internal static class LabelSpans
{
    public static void Set(List<RefToken> tokens, int[] labels, int count, int from, int to, int label)
    {
        for (int t = 0; t < count; t++)
        {
            if (tokens[t].Start >= from && tokens[t].End <= to)
            {
                labels[t] = label;
            }
        }
    }

    /// <summary>The span of a matched group (nothing when the group did not take part).</summary>
    public static void Set(List<RefToken> tokens, int[] labels, int count, Group g, int label)
    {
        if (g.Success)
        {
            Set(tokens, labels, count, g.Index, g.Index + g.Length, label);
        }
    }
}
