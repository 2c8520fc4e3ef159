using SourceCheck.Claims;
using SourceCheck.Documents;

namespace SourceCheck;

/// <summary>Front door for articles: read one (plain text or HTML) and extract its check-worthy claims with
/// speaker, channel, reporting outlet and normalised figures (German and English).</summary>
/// <example>
/// <code>
/// foreach (var claim in Articles.ExtractClaims(text))
///     Console.WriteLine($"{claim.Id}: {claim.Text} ({claim.Speaker})");
/// </code>
/// </example>
public static class Articles
{
    /// <summary>Reads an article from text or HTML: headline, byline, date, outlet, paragraphs, links, bibliography.</summary>
    /// <param name="content">Plain text or an HTML page.</param>
    /// <param name="name">Names the article (its file name); also the prefix of its claim ids.</param>
    /// <param name="language">"de" or "en" (null: detected).</param>
    public static Article Read(string content, string? name = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return ArticleReader.Read(content, name, language);
    }

    /// <summary>The claims of an article given as text or HTML.</summary>
    /// <param name="content">Plain text or an HTML page.</param>
    /// <param name="language">"de" or "en" (null: detected).</param>
    /// <param name="name">Document id used in the claim ids (<c>NAME:c1</c>, …); the same form <c>sourcecheck check</c> and <c>claims</c> print.</param>
    public static IReadOnlyList<Claim> ExtractClaims(string content, string? language = null, string name = "stdin")
    {
        ArgumentNullException.ThrowIfNull(content);
        var article = ArticleReader.Read(content, name, language);
        return ClaimExtractor.Extract(article, name);
    }
}
