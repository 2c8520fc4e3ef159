using SourceCheck.Diagnostics;
using SourceCheck.References;
using SourceCheck.Text;

namespace SourceCheck.Claims;

/// <summary>The titles of the works an article cites, as claims of that article: a cited headline ("Sam Altman
/// says OpenAI does not want a government bailout") is a statement the article relies on, so other articles'
/// claims can be matched against it. Each claim's span is the title's place in the article text.</summary>
internal static class HeadlineClaims
{
    public static IReadOnlyList<Claim> FromText(string text, string documentId)
    {
        ArgumentNullException.ThrowIfNull(text);
        var claims = new List<Claim>();
        var blocks = BibliographyDetector.Detect(text);
        int number = 0;
        foreach (var entry in blocks.SelectMany(b => b.Entries))
        {
            var parsed = ReferenceReader.ParseOne(entry, ++number, new List<Diagnostic>(), documentId);
            var title = parsed.Fields.FirstOrDefault(f => f.Name == "title");
            if (title is null || title.Span.Length < 12 || title.Span.End > text.Length)
            {
                continue;
            }

            string slice = text.Substring(title.Span.Start, title.Span.Length);
            claims.Add(new Claim($"{documentId}-h{claims.Count + 1}", documentId, LanguageGuesser.Guess(slice), slice, title.Span,
                QuoteKind.None, null, null, null, null, parsed.Item.GetString("container-title"), []));
        }

        return claims;
    }
}
