using System.Collections.Immutable;
using System.Text.Json;
using SourceCheck.Diagnostics;
using SourceCheck.Documents;
using SourceCheck.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>What <see cref="Articles.Compare"/> found: the documents' ids, how many claims were compared, and the
/// links in reading order (first document first, then by offset).</summary>
/// <param name="Files">Document ids in input order (file names; a repeated name gets <c>#2</c>, <c>#3</c>, …).</param>
/// <param name="ClaimCount">Claims compared (extracted claims and headline claims).</param>
/// <param name="Links">Links, each with its earlier document as <see cref="ClaimLink.A"/>.</param>
/// <param name="CrossLanguage">Whether the de–en dictionary was available (false: no translation links).</param>
/// <param name="Warnings">Diagnostics from reading the articles.</param>
/// <param name="CrossLanguageWarning">Why cross-language links are off, when they are.</param>
public sealed record Comparison(
    ImmutableArray<string> Files,
    int ClaimCount,
    ImmutableArray<ClaimLink> Links,
    bool CrossLanguage,
    ImmutableArray<Diagnostic> Warnings,
    string? CrossLanguageWarning)
{
    /// <summary>The comparison in the <c>sourcecheck-compare/1</c> JSON format.</summary>
    public string ToJson() => ComparisonJson.Write(this);

    /// <summary>Reads each article, extracts its claims and headline claims, and links claims across documents.</summary>
    internal static Comparison Run(IReadOnlyList<ArticleInput> inputs, MatchOptions? options)
    {
        var names = new List<string>();
        var claims = new List<Claim>();
        var warnings = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var input in inputs)
        {
            string id = UniqueName(input.Name, names);
            names.Add(id);
            var read = ArticleReader.ReadFile(input.Content, id);
            warnings.AddRange(read.Diagnostics);
            claims.AddRange(ClaimExtractor.Extract(read.Article, id));
            claims.AddRange(HeadlineClaims.FromText(read.Article.Text, id));
        }

        var lexicon = BilingualLexicon.Default;
        int skipped = 0;
        var matchOptions = (options ?? MatchOptions.Default) with { PairsSkipped = n => skipped += n };
        var links = Order(ClaimMatcher.Match(claims, matchOptions), names);
        if (skipped > 0)
        {
            warnings.Add(new Diagnostic(DiagnosticCodes.ClaimPairsSkipped, Severity.Warning, new TextSpan(0, 0, 1, 1),
                $"{skipped} claim pair(s) not compared: a text test timed out (machine overloaded?); run again for a complete result"));
        }

        return new Comparison(
            [.. names],
            claims.Count,
            [.. links],
            lexicon.CrossLanguageAvailable,
            warnings.ToImmutable(),
            lexicon.CrossLanguageAvailable ? null : lexicon.Warning);
    }

    private static string UniqueName(string name, List<string> taken)
    {
        string baseName = name == "<stdin>" ? name : Path.GetFileName(name);
        string id = baseName;
        for (int n = 2; taken.Contains(id); n++)
        {
            id = $"{baseName}#{n}";
        }

        return id;
    }

    private static List<ClaimLink> Order(IReadOnlyList<ClaimLink> links, List<string> names)
    {
        int Rank(Claim c) => names.IndexOf(c.DocumentId);
        return links
            .Select(l => Rank(l.A) < Rank(l.B) || (Rank(l.A) == Rank(l.B) && l.A.Span.Start <= l.B.Span.Start) ? l : l with { A = l.B, B = l.A })
            .OrderBy(l => Rank(l.A)).ThenBy(l => l.A.Span.Start).ThenBy(l => Rank(l.B)).ThenBy(l => l.B.Span.Start)
            .ToList();
    }
}

/// <summary>The <c>sourcecheck-compare/1</c> JSON format: files, claim count, whether translations were
/// possible, and the links with both claims, type, score and evidence.</summary>
public static class ComparisonJson
{
    /// <summary>The schema name written into every document.</summary>
    public const string Schema = "sourcecheck-compare/1";

    /// <summary>The comparison as indented JSON (UTF-8 text, "\n" line ends, final newline).</summary>
    public static string Write(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteStartArray("files");
            foreach (string f in comparison.Files)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteNumber("claims", comparison.ClaimCount);
            w.WriteBoolean("cross_language", comparison.CrossLanguage);
            w.WriteStartArray("links");
            foreach (var l in comparison.Links)
            {
                ClaimJson.WriteLink(w, l, c => c.DocumentId);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
