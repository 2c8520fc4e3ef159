namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14, session 11): German "In: Bild vom 20.04.2005", "in: Süddeutsche
/// Zeitung vom 14.03.2025" — "vom" ("of the") joins the newspaper to its date and belongs to neither. The tagger
/// sometimes keeps it at the end of the container; a "vom" labelled container right before a number is other.</summary>
internal static class VomDate
{
    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        if (!text.Contains(" vom ", StringComparison.Ordinal))
        {
            return;
        }

        for (int t = 1; t + 1 < count; t++)
        {
            if (t + 5 < count && tokens[t].Kind == RefTokenKind.Word && text.AsSpan(tokens[t].Start, tokens[t].Length) is "vom"
                && IsNumericDay(text, tokens, t + 1))
            {
                // "vom 14.11.2023": the whole day is the date, whatever part of it the tagger gave the container
                labels[t] = TagLabels.O;
                for (int k = t + 1; k <= t + 5; k++)
                {
                    labels[k] = TagLabels.Date;
                }

                continue;
            }

            if (labels[t] == TagLabels.Container && labels[t - 1] == TagLabels.Container && tokens[t + 1].Kind == RefTokenKind.Number
                && tokens[t].Kind == RefTokenKind.Word && text.AsSpan(tokens[t].Start, tokens[t].Length) is "vom")
            {
                labels[t] = TagLabels.O;
            }
        }
    }

    /// <summary>"14.11.2023" from token <paramref name="t"/>: day, full stop, month, full stop, four-digit year.</summary>
    private static bool IsNumericDay(string text, List<RefToken> tokens, int t) =>
        tokens[t].Kind == RefTokenKind.Number && tokens[t].Length <= 2 && IsStop(text, tokens[t + 1])
        && tokens[t + 2].Kind == RefTokenKind.Number && tokens[t + 2].Length <= 2 && IsStop(text, tokens[t + 3])
        && tokens[t + 4].Kind == RefTokenKind.Number && tokens[t + 4].Length == 4;

    private static bool IsStop(string text, RefToken tok) => tok.Kind == RefTokenKind.Punct && tok.Length == 1 && text[tok.Start] == '.';
}
