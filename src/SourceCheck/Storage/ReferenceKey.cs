using System.Text;
using SourceCheck.Csl;
using SourceCheck.References;

namespace SourceCheck.Storage;

/// <summary>Normalised key used to find the same reference across documents: the DOI when there is one,
/// else the URL without scheme/"www."/trailing slash, else first author's family name + year + the
/// first words of the title, all folded (lower case, no diacritics or punctuation).</summary>
internal static class ReferenceKey
{
    public static string For(CslItem item)
    {
        // One DOI identity with the de-duplicator: "doi:10.1000/ABC" and "https://dx.doi.org/10.1000/abc" are one work.
        if (Deduplicator.NormaliseDoi(item.GetString("DOI")) is { } doi)
        {
            return "doi:" + doi;
        }

        var sb = new StringBuilder();
        var names = item.GetNames("author");
        if (names.Count == 0)
        {
            names = item.GetNames("editor");
        }

        string firstName = names.Count > 0 ? names[0].Family ?? names[0].Literal ?? string.Empty : string.Empty;
        sb.Append(string.Join('-', SearchTerms.Tokens(firstName)));
        sb.Append('|');
        var issued = item.GetDate("issued");
        if (issued is { Parts.Length: > 0 })
        {
            sb.Append(issued.Parts[0].Year);
        }

        sb.Append('|');
        string title = item.GetString("title") ?? string.Empty;
        sb.Append(string.Join(' ', SearchTerms.Tokens(title).Take(8)));
        if (sb.Length <= 2 && item.GetString("URL") is { Length: > 0 } url)
        {
            return "url:" + NormaliseUrl(url);
        }

        return sb.ToString();
    }

    private static string NormaliseUrl(string url)
    {
        string u = url.Trim().ToLowerInvariant();
        foreach (var prefix in new[] { "https://", "http://" })
        {
            if (u.StartsWith(prefix, StringComparison.Ordinal))
            {
                u = u[prefix.Length..];
            }
        }

        if (u.StartsWith("www.", StringComparison.Ordinal))
        {
            u = u[4..];
        }

        return u.TrimEnd('/');
    }
}
