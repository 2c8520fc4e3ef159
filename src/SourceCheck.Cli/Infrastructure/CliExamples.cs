namespace SourceCheck.Cli.Infrastructure;

/// <summary>The "Examples:" section printed after each command's help. Examples that need a file use the
/// repository's fixtures where one fits; names such as article.html or refs.json stand for the user's own files.</summary>
internal static class CliExamples
{
    private static readonly Dictionary<string, string[]> ByCommand = new(StringComparer.Ordinal)
    {
        ["sourcecheck"] =
        [
            "sourcecheck check fixtures/check/nordwind-de-1.txt fixtures/check/nordwind-en.txt",
            "sourcecheck parse fixtures/sample-article.txt",
            "sourcecheck format fixtures/sample.json --style apa",
            "sourcecheck COMMAND --help",
        ],
        ["check"] =
        [
            "sourcecheck check fixtures/check/nordwind-de-1.txt fixtures/check/nordwind-de-2.txt --no-store",
            "sourcecheck check fixtures/check/*.txt --to html -o report.html",
            "sourcecheck check article.html --sources cited-page.html --style mla --to json",
            "sourcecheck check fixtures/sample-article.txt --page-dir saved-pages/ --fail-on findings",
        ],
        ["parse"] =
        [
            "sourcecheck parse fixtures/sample-article.txt",
            "sourcecheck parse fixtures/sample.bib --to ris -o refs.ris",
            "printf 'Wile, R. (2025, November 6). Title. NBC News.\\n' | sourcecheck parse --one-per-line",
            "sourcecheck parse --explain fixtures/sample-article.txt",
        ],
        ["format"] =
        [
            "sourcecheck format fixtures/sample.json --style apa",
            "sourcecheck format fixtures/sample.bib --style mla --to html",
            "sourcecheck format fixtures/sample.json --cite wile2025 --cite bort2025,duffy2025",
        ],
        ["styles"] =
        [
            "sourcecheck styles nature",
            "sourcecheck styles harvard cite them right",
            "sourcecheck styles --locales",
            "sourcecheck format fixtures/sample.json --style vancouver --locale de-DE",
        ],
        ["claims"] =
        [
            "sourcecheck claims fixtures/claims/de-veltrix.txt",
            "sourcecheck claims fixtures/claims/en-veltrix.html --to json",
            "cat article.txt | sourcecheck claims --lang de",
        ],
        ["compare"] =
        [
            "sourcecheck compare fixtures/claims/de-veltrix.txt fixtures/claims/en-veltrix.txt",
            "sourcecheck compare a.txt b.txt --to json --threshold 0.5",
        ],
        ["similarity"] =
        [
            "sourcecheck similarity --pairs pairs.jsonl",
            "echo '{\"id\":\"1\",\"a\":\"Prices rose.\",\"b\":\"Die Preise stiegen.\"}' | sourcecheck similarity",
        ],
        ["page"] =
        [
            "sourcecheck page fixtures/pages/river-festival.html",
            "sourcecheck page https://example.org/article --to json",
        ],
        ["verify"] =
        [
            "sourcecheck verify fixtures/pages/references.json --page-dir fixtures/pages",
            "sourcecheck verify refs.json --online --to json --fail-on error",
        ],
        ["trace"] =
        [
            "sourcecheck trace \"Regierungen sollten eigene KI-Infrastruktur aufbauen\"",
            "sourcecheck trace 42 --to json",
        ],
        ["search"] =
        [
            "sourcecheck search \"Bürgschaften Rechenzentren\"",
            "sourcecheck search Altman --limit 5 --to json",
        ],
        ["review"] =
        [
            "sourcecheck review",
            "sourcecheck review --status all --export-accepted refs.json",
        ],
    };

    /// <summary>The examples of a command (by name; "sourcecheck" for the root), or none.</summary>
    public static IReadOnlyList<string> For(string command) =>
        ByCommand.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Every command that has examples.</summary>
    public static IEnumerable<string> Commands => ByCommand.Keys;
}
