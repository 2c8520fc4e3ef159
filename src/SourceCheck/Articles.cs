using SourceCheck.Checking;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Documents;
using SourceCheck.Text;

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

    /// <summary>Reads each article and extracts its claims, with the same document ids (file names, <c>#2</c> for a
    /// repeated name), hence the same claim ids, as <see cref="Checker"/> and <c>sourcecheck check</c>.</summary>
    /// <param name="inputs">Articles as name (file name or path) and content (text or HTML).</param>
    /// <param name="language">"de" or "en" (null: detected per article).</param>
    /// <remarks><c>ClaimsJson.Write(Articles.ExtractClaims(inputs))</c> is <c>sourcecheck claims --to json</c>'s output.</remarks>
    public static IReadOnlyList<ArticleClaims> ExtractClaims(IReadOnlyList<ArticleInput> inputs, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var ids = CheckPipeline.DocumentIds(inputs.Select(i => i.Name));
        var documents = new List<ArticleClaims>(inputs.Count);
        for (int i = 0; i < inputs.Count; i++)
        {
            var (article, notes) = ArticleReader.ReadFile(inputs[i].Content, ids[i], language);
            documents.Add(new ArticleClaims(inputs[i].Name, article, ClaimExtractor.Extract(article, ids[i]), notes));
        }

        return documents;
    }

    /// <summary>Finds claims repeated, translated, paraphrased or distorted across articles: reads each article (text
    /// or HTML), extracts its claims and headline claims, and links them (exact_quote, paraphrase, translation,
    /// contradiction, number_mismatch, misattribution, misquote) with score and evidence — what
    /// <c>sourcecheck compare</c> prints (<see cref="Comparison.ToJson"/> is its JSON).</summary>
    /// <param name="inputs">The articles as name (file name or path) and content.</param>
    /// <param name="options">Link threshold and other matching options (null: <see cref="MatchOptions.Default"/>).</param>
    /// <example>
    /// <code>
    /// var comparison = Articles.Compare([new("a.txt", a), new("b.txt", b)]);
    /// foreach (var link in comparison.Links) Console.WriteLine($"{link.Type.ToName()} {link.Score:0.00}");
    /// </code>
    /// </example>
    public static Comparison Compare(IReadOnlyList<ArticleInput> inputs, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Comparison.Run(inputs, options);
    }

    /// <summary>Scores sentence pairs as "same claim" (paraphrase, or translation between German and English) — what
    /// <c>sourcecheck similarity</c> does.</summary>
    /// <param name="jsonLines">JSON Lines of <c>{"id","a","b"[,"lang_a","lang_b"]}</c>; blank lines are skipped.</param>
    /// <param name="name">Names the input in diagnostics (its file name).</param>
    /// <param name="threshold">Label 1 from this score (null: the learned threshold, same-language or cross-language).</param>
    /// <exception cref="SourceCheck.Diagnostics.InputException">A line is not a JSON object (the message gives its position).</exception>
    public static PairScores ScorePairs(string jsonLines, string name = "<input>", double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(jsonLines);
        return PairScores.Score(jsonLines, name, threshold);
    }

    /// <summary>As <see cref="Compare(IReadOnlyList{ArticleInput}, MatchOptions?)"/> for files on disk (read with
    /// <see cref="TextFile.Read(string, string?)"/>: size-limited, encoding checked).</summary>
    /// <exception cref="SourceCheck.Diagnostics.InputException">A file is missing, a directory, too large, unreadable or binary.</exception>
    public static Comparison CompareFiles(IEnumerable<string> paths, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Comparison.Run([.. paths.Select(p => new ArticleInput(p, TextFile.Read(p)))], options);
    }
}

/// <summary>One article given to <see cref="Articles.Compare(IReadOnlyList{ArticleInput}, MatchOptions?)"/> or
/// <see cref="Articles.ExtractClaims(IReadOnlyList{ArticleInput}, string?)"/>.</summary>
/// <param name="Name">File name or path (<c>&lt;stdin&gt;</c> for standard input); the document id is its file name.</param>
/// <param name="Content">Plain text or an HTML page.</param>
public sealed record ArticleInput(string Name, string Content);
