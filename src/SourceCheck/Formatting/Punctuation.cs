namespace SourceCheck.Formatting;

/// <summary>Punctuation clean-up over a finished rendering tree: duplicate punctuation at affix and delimiter
/// boundaries collapses, doubled spaces merge, and (for locales that want it) periods and commas move inside
/// closing quotation marks.</summary>
internal static class Punctuation
{
    private readonly record struct Tok(RText? Leaf, RSpan? QuoteEnd);

    private static void Walk(RNode node, List<Tok> into)
    {
        if (node is RText t)
        {
            into.Add(new Tok(t, null));
            return;
        }

        var s = (RSpan)node;
        foreach (var c in s.Children)
        {
            Walk(c, into);
        }

        if (s.Quotes)
        {
            into.Add(new Tok(null, s));
        }
    }

    private const int Keep = 0;
    private const int Drop = 1;
    private const int Replace = 2;

    /// <summary>What happens when punctuation <paramref name="next"/> follows text ending in <paramref name="prev"/>
    /// (citeproc-js's table): drop the new mark, let it replace the old one, or keep both.</summary>
    private static int Action(char prev, char next) => (prev, next) switch
    {
        (':', ':') or (';', ':') or ('!', ':') or ('?', ':') => Drop,
        (':', '.') or ('.', '.') or (';', '.') or ('!', '.') or ('?', '.') => Drop,
        (';', ';') or ('!', '!') or ('?', '?') or (',', ',') => Drop,
        (':', '!') or (';', '!') or (':', '?') or (';', '?') => Replace,
        _ => Keep,
    };

    [ThreadStatic]
    private static List<Tok>? _toks;

    public static void Fix(RNode root, Locale locale)
    {
        var toks = _toks ?? new List<Tok>(64);
        _toks = null;
        try
        {
            Fix(root, locale, toks);
        }
        finally
        {
            toks.Clear();
            _toks = toks;
        }
    }

    private static void Fix(RNode root, Locale locale, List<Tok> toks)
    {
        Walk(root, toks);
        RText? prev = null;
        bool quoteBetween = false;
        RSpan? lastQuote = null;
        RText? lastInQuote = null;
        // the closing quote (and the text inside it) that came right before prev, if any
        RSpan? prevQuote = null;
        RText? prevInQuote = null;
        for (int i = 0; i < toks.Count; i++)
        {
            var t = toks[i];
            if (t.QuoteEnd is not null)
            {
                quoteBetween = true;
                lastQuote = t.QuoteEnd;
                lastInQuote = prev;
                continue;
            }

            var leaf = t.Leaf!;
            if (leaf.Text.Length == 0)
            {
                continue;
            }

            if (prev is not null)
            {
                char nc = leaf.Text[0];
                if (quoteBetween && lastQuote is not null && lastInQuote is not null && locale.PunctuationInQuote
                    && (leaf.NoCase || !lastQuote.FromMarkup) && !leaf.StaysOutsideQuote)
                {
                    // punctuation after a closing quote: periods, commas, question and exclamation marks move
                    // inside; colons and semicolons stay outside (both collapse with the mark inside the quote)
                    MoveIntoQuote(leaf, lastInQuote);
                }
                else if (!quoteBetween)
                {
                    string p = prev.Text;
                    char pc = p[^1];
                    int action = Action(pc, nc);
                    if (action == Drop)
                    {
                        leaf.Text = leaf.Text[1..];
                    }
                    else if (action == Replace)
                    {
                        prev.Text = prev.Text[..^1];
                        if (prev.Text.Length == 0 && prevQuote is not null && prevInQuote is not null && locale.PunctuationInQuote
                            && (leaf.NoCase || !prevQuote.FromMarkup))
                        {
                            // "“colon”:" + "!": the mark replacing the colon now follows the quote
                            MoveIntoQuote(leaf, prevInQuote);
                        }
                    }
                    else if (nc == ' ' && pc == ' ')
                    {
                        leaf.Text = leaf.Text[1..];
                    }
                }

                if (leaf.Text.Length == 0)
                {
                    continue;
                }
            }

            prevQuote = quoteBetween ? lastQuote : null;
            prevInQuote = quoteBetween ? lastInQuote : null;
            prev = leaf;
            quoteBetween = false;
        }
    }

    private static void MoveIntoQuote(RText leaf, RText inQuote)
    {
        while (leaf.Text.Length > 0)
        {
            char nc = leaf.Text[0];
            string inner = inQuote.Text;
            char ic = inner.Length > 0 ? inner[^1] : ' ';
            if (nc is '.' or ',' or '!' or '?')
            {
                switch (Action(ic, nc))
                {
                    case Drop:
                        break;
                    case Replace:
                        inQuote.Text = inner[..^1] + nc;
                        break;
                    default:
                        inQuote.Text = inner + nc;
                        break;
                }

                leaf.Text = leaf.Text[1..];
                continue;
            }

            if (nc is ':' or ';' && Action(ic, nc) == Drop)
            {
                leaf.Text = leaf.Text[1..];
            }

            return;
        }
    }
}
