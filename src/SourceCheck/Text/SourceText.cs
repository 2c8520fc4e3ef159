namespace SourceCheck.Text;

/// <summary>Text with a name (file, "-" for stdin) and a line index so that offsets map to line/column.</summary>
internal sealed class SourceText
{
    private int[]? _lineStarts;

    public SourceText(string text, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Name = name ?? "<input>";
    }

    public string Text { get; }

    public string Name { get; }

    public int Length => Text.Length;

    /// <summary>Returns the 1-based (line, column) of an offset.</summary>
    public (int Line, int Column) GetLineColumn(int offset)
    {
        _lineStarts ??= ComputeLineStarts(Text);
        offset = Math.Clamp(offset, 0, Text.Length);
        int index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>A span between two offsets, with the line and column of its start filled in.</summary>
    public TextSpan Span(int start, int end)
    {
        var (line, column) = GetLineColumn(start);
        return new TextSpan(start, Math.Max(0, end - start), line, column);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
