namespace SourceCheck.Cli.Infrastructure;

/// <summary>Tables too long for the terminal table layout. Spectre measures every cell of a table (Unicode widths,
/// wrapping) before it writes a row — about half a millisecond a row: the 30,000 links of two 500 KB articles took
/// 15 s in <c>compare</c>, a 60,000-claim table 12 s in <c>claims</c> (session-9 campaign). Above
/// <see cref="MaxLaidOutRows"/> rows a command writes one line per row instead: cells joined by " | ", line breaks
/// inside a cell as spaces, nothing wrapped; <c>--to json</c> stays the form for programs.</summary>
internal static class LongTable
{
    /// <summary>Rows up to which a table is laid out by Spectre (a table a person reads on screen).</summary>
    internal const int MaxLaidOutRows = 1_000;

    internal static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int rowCount)
    {
        writer.WriteLine($"({rowCount} rows, one line each: the table layout stops at {MaxLaidOutRows} rows; --to json gives every field)");
        writer.WriteLine(string.Join(" | ", headers));
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(" | ");
                }

                writer.Write(row[i].ReplaceLineEndings(" "));
            }

            writer.WriteLine();
        }
    }
}
