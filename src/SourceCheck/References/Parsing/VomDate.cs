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
            if (labels[t] == TagLabels.Container && labels[t - 1] == TagLabels.Container && tokens[t + 1].Kind == RefTokenKind.Number
                && tokens[t].Kind == RefTokenKind.Word && text.AsSpan(tokens[t].Start, tokens[t].Length) is "vom")
            {
                labels[t] = TagLabels.O;
            }
        }
    }
}
