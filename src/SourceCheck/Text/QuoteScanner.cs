namespace SourceCheck.Text;

/// <summary>A quotation in a text: the offsets of the opening and closing marks (closing exclusive end
/// = <see cref="CloseIndex"/> + 1) and the nesting depth (0 = top level).</summary>
internal readonly record struct QuoteRange(int OpenIndex, int CloseIndex, int Depth)
{
    /// <summary>Start of the quoted words (after the opening mark).</summary>
    public int InnerStart => OpenIndex + 1;

    /// <summary>End of the quoted words (before the closing mark).</summary>
    public int InnerEnd => CloseIndex;
}

/// <summary>Finds quotations in „…“ "…" «…» »…« ‘…’ “…” ‚…‘ '…' marks in one linear pass. Apostrophes
/// (can't, Osei's, companies') are told apart from single quotes by their neighbours; a quote that is
/// not closed before a blank line is dropped.</summary>
internal static class QuoteScanner
{
    /// <summary>True for characters that can open or close a quotation.</summary>
    public static bool IsQuoteMark(char c) => c is '"' or '\'' or '„' or '“' or '”' or '‚' or '‘' or '’' or '«' or '»' or '‹' or '›';

    public static IReadOnlyList<QuoteRange> Find(string text) => Find(text, 0, text.Length);

    public static IReadOnlyList<QuoteRange> Find(string text, int start, int end)
    {
        var result = new List<QuoteRange>();
        var stack = new List<(char Open, int Index)>(4);
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c == '\n' && i + 1 < end && text[i + 1] == '\n')
            {
                stack.Clear();
                continue;
            }

            if (!IsQuoteMark(c))
            {
                continue;
            }

            char prev = i > start ? text[i - 1] : ' ';
            char next = i + 1 < end ? text[i + 1] : ' ';
            bool letterBoth = char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next);
            if ((c is '\'' or '’') && letterBoth)
            {
                continue; // apostrophe inside a word
            }

            // Closing the innermost open quote?
            int match = -1;
            for (int k = stack.Count - 1; k >= 0; k--)
            {
                if (Closes(stack[k].Open, c) && CanClose(prev, next, c))
                {
                    match = k;
                    break;
                }

                if (stack[k].Open is not ('\'' or '‘' or '‚'))
                {
                    break; // only unclosed single quotes may be skipped over
                }
            }

            if (match >= 0)
            {
                int depth = match;
                result.Add(new QuoteRange(stack[match].Index, i, depth));
                stack.RemoveRange(match, stack.Count - match);
                continue;
            }

            if (CanOpen(prev, next, c))
            {
                if (stack.Count >= 16)
                {
                    stack.RemoveAt(0); // bounded nesting keeps the pass linear on pathological input
                }

                stack.Add((c, i));
            }
        }

        result.Sort((a, b) => a.OpenIndex.CompareTo(b.OpenIndex));
        return result;
    }

    /// <summary>Top-level quotations only (nested ones such as ‚Backstop‘ inside „…“ left out).</summary>
    public static IReadOnlyList<QuoteRange> FindTopLevel(string text, int start, int end)
    {
        var all = Find(text, start, end);
        var top = new List<QuoteRange>(all.Count);
        int coveredUntil = -1;
        foreach (var q in all)
        {
            if (q.OpenIndex < coveredUntil)
            {
                continue;
            }

            top.Add(q);
            coveredUntil = q.CloseIndex;
        }

        return top;
    }

    private static bool Closes(char open, char close) => open switch
    {
        '„' => close is '“' or '”' or '"',
        '“' => close is '”' or '"' or '“',
        '”' => close is '”',
        '"' => close is '"' or '”' or '“',
        '«' => close is '»',
        '»' => close is '«',
        '‹' => close is '›',
        '›' => close is '‹',
        '‚' => close is '‘' or '’' or '\'',
        '‘' => close is '’' or '\'' or '‘',
        '\'' => close is '\'' or '’',
        _ => false,
    };

    private static bool CanOpen(char prev, char next, char c)
    {
        if (c is '„' or '«' or '‚' or '‹')
        {
            return !char.IsWhiteSpace(next);
        }

        if (c == '»' || c == '›')
        {
            return !char.IsWhiteSpace(next);
        }

        bool prevOk = char.IsWhiteSpace(prev) || prev is '(' or '[' or '—' or '–' or '-' or ':' or '/' || IsQuoteMark(prev);
        return prevOk && !char.IsWhiteSpace(next);
    }

    private static bool CanClose(char prev, char next, char c)
    {
        if (c is '\'' or '’')
        {
            // closing single quote: not followed by a letter
            return !char.IsWhiteSpace(prev) && !char.IsLetterOrDigit(next);
        }

        return !char.IsWhiteSpace(prev) || c is '“' or '»' or '«';
    }
}
