using DiffPlex;
using DiffPlex.Model;

namespace SourceCheck.Cli.Review;

/// <summary>A run of text in one side of a word diff: unchanged, or deleted (left side) / inserted (right side).</summary>
public readonly record struct DiffSegment(string Text, bool Changed);

/// <summary>Word-level diff of two claims (DiffPlex over word and punctuation tokens): the words only in the
/// left claim are marked deleted, the words only in the right claim inserted.</summary>
public static class WordDiff
{
    public static (IReadOnlyList<DiffSegment> Left, IReadOnlyList<DiffSegment> Right) Compute(string left, string right)
    {
        var result = new Differ().CreateCustomDiffs(left, right, false, Chunk);
        var deleted = new bool[result.PiecesOld.Length];
        var inserted = new bool[result.PiecesNew.Length];
        foreach (DiffBlock block in result.DiffBlocks)
        {
            for (int i = 0; i < block.DeleteCountA; i++)
            {
                deleted[block.DeleteStartA + i] = true;
            }

            for (int i = 0; i < block.InsertCountB; i++)
            {
                inserted[block.InsertStartB + i] = true;
            }
        }

        return (Merge(result.PiecesOld, deleted), Merge(result.PiecesNew, inserted));
    }

    /// <summary>Tokens: runs of letters/digits, runs of white space, and single other characters.</summary>
    public static string[] Chunk(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            if (char.IsLetterOrDigit(text[i]))
            {
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }
            }
            else if (char.IsWhiteSpace(text[i]))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            tokens.Add(text[start..i]);
        }

        return [.. tokens];
    }

    private static List<DiffSegment> Merge(string[] pieces, bool[] changed)
    {
        // White space between two changed pieces belongs to the change, so "[-ihre eigene-]" stays one run.
        for (int i = 1; i < pieces.Length - 1; i++)
        {
            if (!changed[i] && string.IsNullOrWhiteSpace(pieces[i]) && changed[i - 1] && changed[i + 1])
            {
                changed[i] = true;
            }
        }

        var segments = new List<DiffSegment>();
        var sb = new System.Text.StringBuilder();
        bool current = false;
        for (int i = 0; i < pieces.Length; i++)
        {
            if (i > 0 && changed[i] != current && sb.Length > 0)
            {
                segments.Add(new DiffSegment(sb.ToString(), current));
                sb.Clear();
            }

            current = changed[i];
            sb.Append(pieces[i]);
        }

        if (sb.Length > 0)
        {
            segments.Add(new DiffSegment(sb.ToString(), current));
        }

        return segments;
    }
}
