namespace SourceCheck.Text;

/// <summary>A range of characters in a source text: start offset (0-based, UTF-16) and length,
/// plus the 1-based line and column of the start, so that every diagnostic can say where.</summary>
public readonly record struct TextSpan(int Start, int Length, int Line = 0, int Column = 0)
{
    /// <summary>The offset just past the span.</summary>
    public int End => Start + Length;

    /// <summary>No position (offset 0, length 0, line unknown).</summary>
    public static TextSpan Empty { get; }

    /// <summary>True for <see cref="Empty"/>: no length and no line.</summary>
    public bool IsEmpty => Length == 0 && Line == 0;

    /// <summary>The span from <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    public static TextSpan FromBounds(int start, int end, int line = 0, int column = 0) => new(start, end - start, line, column);

    /// <summary>"line:column" when the line is known, else "@offset" ("1:1" at offset 0).</summary>
    public override string ToString() => Line > 0 ? $"{Line}:{Column}" : Start == 0 ? "1:1" : $"@{Start}";
}
