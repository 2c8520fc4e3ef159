using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.Claims;

/// <summary>Extracts check-worthy claims from an article's text. PLACEHOLDER body (one claim per naive
/// sentence): the real extractor (sentence segmentation, quotes, attribution, figures) replaces it; the
/// signature is the contract the matcher and the CLI use.</summary>
public static partial class ClaimExtractor
{
    /// <param name="text">The article text (offsets in claims refer to it).</param>
    /// <param name="documentId">Document id/file name stored in each claim.</param>
    /// <param name="language">"de" or "en"; null to detect.</param>
    public static IReadOnlyList<Claim> Extract(string text, string documentId, string? language = null)
    {
        var claims = new List<Claim>();
        foreach (Match m in SentenceRegex().Matches(text))
        {
            string sentence = m.Value.Trim();
            if (sentence.Length < 20)
            {
                continue;
            }

            int start = m.Index + (m.Value.Length - m.Value.TrimStart().Length);
            claims.Add(new Claim($"{documentId}-c{claims.Count + 1}", documentId, language ?? "en", sentence,
                new TextSpan(start, sentence.Length), QuoteKind.None, null, null, null, null, null, ImmutableArray<Figure>.Empty));
        }

        return claims;
    }

    [GeneratedRegex(@"[^.!?\n]+[.!?]?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SentenceRegex();
}
