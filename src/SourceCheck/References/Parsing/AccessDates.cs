namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding: a date that follows an access cue ("Retrieved 2012-08-18", "Accessed
/// 3 May 2024", "Abgerufen am 09.11.2022", "Zugriff: 15.03.2025", "Abruf am …", "Stand: …", "consulté le …", Dutch
/// "Geraadpleegd op 14 maart 2023", Portuguese "Acesso em: 10 mar. 2023", Spanish "[consulta: 15 marzo 2024]", NLM
/// "[cited 2023 Mar 1]")
/// is the access date, never the publication date, a page or a DOI; "Archived from the original on …" is a
/// note. The tagger learns these from few examples, so the cue decides.</summary>
internal static class AccessDates
{
    public static void Relabel(string text, List<RefToken> tokens, WordClass[] classes, int[] labels, int count)
    {
        for (int t = 0; t < count; t++)
        {
            var tok = tokens[t];
            if (tok.Kind != RefTokenKind.Word)
            {
                continue;
            }

            var word = text.AsSpan(tok.Start, tok.Length);
            int label;
            if (IsAccessCue(word))
            {
                label = TagLabels.Accessed;
            }
            else if (word.Equals("archived", StringComparison.OrdinalIgnoreCase) || word.Equals("archiviert", StringComparison.OrdinalIgnoreCase))
            {
                label = TagLabels.O; // "Archived from the original on 2012-08-18": neither published nor accessed then
            }
            else
            {
                continue;
            }

            int end = DateAfter(text, tokens, classes, t + 1, count);
            if (end <= t + 1)
            {
                if (label == TagLabels.Accessed && t + 1 < count && tokens[t + 1].Kind == RefTokenKind.Word
                    && text.AsSpan(tokens[t + 1].Start, tokens[t + 1].Length).Equals("from", StringComparison.OrdinalIgnoreCase))
                {
                    labels[t] = TagLabels.O; // "Retrieved from https://…" without a date: label words, no field
                    labels[t + 1] = TagLabels.O;
                }

                continue;
            }

            for (int k = t; k < end; k++)
            {
                // The cue and fillers are label words (other); the date itself is the access date.
                bool datePart = label == TagLabels.Accessed && k > t && (tokens[k].Kind == RefTokenKind.Number
                    || (classes[k] & WordClass.Month) != 0 || (tokens[k].Kind == RefTokenKind.Word && tokens[k].Length >= 3 && DateText.AnyMonth.ContainsKey(text.AsSpan(tokens[k].Start, tokens[k].Length))) || (tokens[k].Kind == RefTokenKind.Punct && k > t + 1 && IsDatePart(tokens, classes, k - 1)));
                labels[k] = datePart ? TagLabels.Accessed : TagLabels.O;
            }

            t = end - 1;
        }
    }

    private static bool IsDatePart(List<RefToken> tokens, WordClass[] classes, int k) =>
        tokens[k].Kind == RefTokenKind.Number || (classes[k] & WordClass.Month) != 0;

    /// <summary>Words that introduce an access date (case-insensitive; "Stand" only in its two usual spellings,
    /// since it is also an ordinary English word).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AccessCues = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "retrieved", "accessed", "abgerufen", "abruf", "aufgerufen", "zugriff", "zugegriffen", "abrufdatum", "zugriffsdatum",
        "consulted", "consulté", "consultado", "viewed",
        "geraadpleegd", "bezocht", "consulta", "acesso", "acessado", "cited", "hämtad", "dostęp",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words allowed between an access cue and its date ("am", "on", "from the original on", "vom", …).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Fillers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "am", "on", "from", "the", "original", "den", "le", "el", "at", "vom", "last", "date", "op", "em", "en", "in",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    internal static bool IsAccessCue(ReadOnlySpan<char> w) =>
        AccessCues.Contains(w) || w.Equals("stand", StringComparison.Ordinal) || w.Equals("Stand", StringComparison.Ordinal);

    /// <summary>The end (exclusive) of a date that starts after fillers ("am", "on", ":", "from the original on");
    /// the start when no date follows (a day/month/year number or a month name is required).</summary>
    private static int DateAfter(string text, List<RefToken> tokens, WordClass[] classes, int start, int count)
    {
        int k = start;
        int lastDatePart = -1;
        bool year = false;
        int fillers = 0;
        while (k < count)
        {
            var tok = tokens[k];
            var s = text.AsSpan(tok.Start, tok.Length);
            if (tok.Kind == RefTokenKind.Number)
            {
                if (s.Length > 4 || (year && s.Length == 4))
                {
                    break;
                }

                year |= s.Length == 4;
                lastDatePart = k;
            }
            else if (tok.Kind == RefTokenKind.Word && ((classes[k] & WordClass.Month) != 0 || (s.Length >= 3 && DateText.AnyMonth.ContainsKey(s))))
            {
                lastDatePart = k;
            }
            else if (tok.Kind == RefTokenKind.Punct && s.Length == 1 && s[0] is '.' or ',' or '-' or '/' or ':' or '–')
            {
                if (year && s[0] is '.' or ',' && lastDatePart == k - 1 && (k + 1 >= count || tokens[k + 1].Kind != RefTokenKind.Number))
                {
                    break; // the sentence ends after the year
                }
            }
            else if (tok.Kind == RefTokenKind.Word && lastDatePart < 0 && fillers < 5 && IsFiller(s))
            {
                fillers++;
            }
            else
            {
                break;
            }

            k++;
        }

        return lastDatePart < 0 ? start : lastDatePart + 1;
    }

    private static bool IsFiller(ReadOnlySpan<char> w) => Fillers.Contains(w);
}
