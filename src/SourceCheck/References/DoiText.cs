namespace SourceCheck.References;

/// <summary>The one reading of a DOI inside text (issue 16: the parser, the RIS reader, the de-duplicator, the work locator
/// and the OpenAlex reader each cut it out with their own rules): the bare DOI "10.1234/abc" from a DOI field, a doi.org
/// address or "doi:10.…". It starts at the first "10.", needs a slash after its prefix and ends at the first white space,
/// comma, or semicolon not followed by a digit ("…151502,arXiv:…", "10.1/a; 10.2/b"; SICI DOIs hold ";2-"), or a MEDLINE "[doi]"/"[pii]" marker; full stops at
/// its end are the sentence's, and so is a closing bracket unless it closes one opened
/// inside the DOI (SICI DOIs such as "10.1002/(SICI)1097-4571(199806)49:8&lt;693::AID-ASI4&gt;3.0.CO;2-O" keep theirs).
/// Case is kept (a DOI is printed as written); <see cref="Key"/> is the form two DOIs are compared in.</summary>
internal static class DoiText
{
    /// <summary>The bare DOI in <paramref name="text"/>, case kept; null when it holds none.</summary>
    internal static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        int at = text.IndexOf("10.", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        int end = at;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != ','
            && !(text[end] == ';' && (end + 1 == text.Length || !char.IsAsciiDigit(text[end + 1])))
            && !(text[end] == '[' && (text.AsSpan(end).StartsWith("[doi]", StringComparison.OrdinalIgnoreCase)
                || text.AsSpan(end).StartsWith("[pii]", StringComparison.OrdinalIgnoreCase))))
        {
            end++;
        }

        var doi = text.AsSpan(at, end - at);
        while (doi.Length > 0)
        {
            char last = doi[^1];
            bool punctuation = last is '.' or ',' or ';'
                || (last == ')' && doi.Count('(') < doi.Count(')'))
                || (last == ']' && doi.Count('[') < doi.Count(']'));
            if (!punctuation)
            {
                break;
            }

            doi = doi[..^1];
        }

        int slash = doi.IndexOf('/');
        return slash > 3 && slash < doi.Length - 1 ? doi.ToString() : null;
    }

    /// <summary>The DOI in the form two DOIs are compared in (lower case: DOIs are case-insensitive); null when there is none.
    /// "doi:10.1000/ABC" and "https://dx.doi.org/10.1000/abc" have one key.</summary>
    internal static string? Key(string? text) => Find(text)?.ToLowerInvariant();
}
