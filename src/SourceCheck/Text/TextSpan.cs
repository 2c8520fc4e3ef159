namespace SourceCheck.Text;

/// <summary>A range of characters in a source text: start offset (0-based, UTF-16) and length,
/// plus the 1-based line and column of the start, so that every diagnostic can say where.</summary>
public readonly record struct TextSpan(int Start, int Length, int Line = 0, int Column = 0)
{
    public int End => Start + Length;

    public static TextSpan Empty { get; }

    public bool IsEmpty => Length == 0 && Line == 0;

    public static TextSpan FromBounds(int start, int end, int line = 0, int column = 0) => new(start, end - start, line, column);

    public override string ToString() => Line > 0 ? $"{Line}:{Column}" : Start == 0 ? "1:1" : $"@{Start}";
}
