namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14): news boxes and press releases give the year after the author and
/// the full date later — "Copernicus Climate Change Service (2024): Global Climate Highlights 2023, 9 January 2024.",
/// "World Meteorological Organization (2024): …. Press release, 12 January 2024." A later day-month-year (or
/// month-day-year) date of the same year as the first date, not after an access or archive cue, is the publication
/// date (the tagger had read "12" as a volume and the rest as an access date); the assembler then takes the fuller
/// date.</summary>
internal static class LaterFullDate
{
    public static void Relabel(string text, List<RefToken> tokens, WordClass[] classes, int[] labels, int count)
    {
        int year = -1;
        int firstDateEnd = -1;
        for (int t = 0; t < count; t++)
        {
            if (labels[t] != TagLabels.Date)
            {
                if (year >= 0)
                {
                    break;
                }

                continue;
            }

            if ((classes[t] & WordClass.Month) != 0)
            {
                return; // the first date already has its month
            }

            if (tokens[t].Kind == RefTokenKind.Number && tokens[t].Length == 4 && int.TryParse(text.AsSpan(tokens[t].Start, 4), out int y))
            {
                year = y;
            }

            firstDateEnd = t;
        }

        if (year < 0)
        {
            return;
        }

        for (int t = firstDateEnd + 1; t + 2 < count; t++)
        {
            if ((classes[t] & WordClass.Month) == 0)
            {
                continue;
            }

            int from;
            int to;
            if (t > 0 && IsDay(text, tokens[t - 1]) && IsYear(text, tokens[t + 1], year))
            {
                from = t - 1; // "9 January 2024"
                to = t + 1;
            }
            else if (t > 1 && tokens[t - 1].IsPunct(text, '.') && IsDay(text, tokens[t - 2]) && IsYear(text, tokens[t + 1], year))
            {
                from = t - 2; // "9. Januar 2024"
                to = t + 1;
            }
            else if (IsDay(text, tokens[t + 1]) && tokens[t + 2].IsPunct(text, ',') && t + 3 < count && IsYear(text, tokens[t + 3], year))
            {
                from = t; // "January 9, 2024"
                to = t + 3;
            }
            else
            {
                continue;
            }

            if (AfterCue(text, tokens, from) || labels[from] == TagLabels.Date)
            {
                return;
            }

            for (int k = from; k <= to; k++)
            {
                labels[k] = TagLabels.Date;
            }

            return;
        }
    }

    /// <summary>An access or archive cue among the four tokens before the date ("accessed 12 January 2024",
    /// "Archived from the original on 20 March 2014").</summary>
    private static bool AfterCue(string text, List<RefToken> tokens, int from)
    {
        for (int k = Math.Max(0, from - 4); k < from; k++)
        {
            var w = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (tokens[k].Kind == RefTokenKind.Word && (AccessDates.IsAccessCue(w) || w.Equals("archived", StringComparison.OrdinalIgnoreCase)
                || w.Equals("original", StringComparison.OrdinalIgnoreCase) || w.Equals("archiviert", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDay(string text, RefToken tok) =>
        tok.Kind == RefTokenKind.Number && tok.Length <= 2 && int.TryParse(text.AsSpan(tok.Start, tok.Length), out int d) && d is >= 1 and <= 31;

    private static bool IsYear(string text, RefToken tok, int year) =>
        tok.Kind == RefTokenKind.Number && tok.Length == 4 && int.TryParse(text.AsSpan(tok.Start, 4), out int y) && y == year;
}
