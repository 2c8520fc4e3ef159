namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14): a bare host name written as the name of a web site
/// ("R advantages and disadvantages. www.javatpoint.com. (n.d.). Retrieved … from https://www.javatpoint.com/r-…")
/// is the container when the reference also gives a full address: the full address is the URL, the host name the
/// site. A host alone (no other address) stays the URL.</summary>
internal static class SiteName
{
    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        int bare = -1;
        bool fullAddress = false;
        for (int t = 0; t < count; t++)
        {
            var tok = tokens[t];
            if (tok.Kind != RefTokenKind.Url)
            {
                if (labels[t] == TagLabels.Container)
                {
                    return;
                }

                continue;
            }

            var s = text.AsSpan(tok.Start, tok.Length);
            bool isBare = !s.Contains("://", StringComparison.Ordinal) && s.TrimEnd('/').IndexOf('/') < 0;
            if (isBare && bare < 0)
            {
                bare = t;
            }
            else if (!isBare)
            {
                fullAddress = true;
            }
        }

        if (bare >= 0 && fullAddress)
        {
            labels[bare] = TagLabels.Container;
        }
    }
}
