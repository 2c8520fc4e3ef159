using SourceCheck.Claims.Matching;

namespace SourceCheck.Tests.Support;

/// <summary>Tests whose expected results were made with Debian's trans-de-en dictionary installed (cross-language
/// matching, compound splitting, the JSON goldens of <c>compare</c> and <c>check</c>): without it they skip, saying
/// so, as every other test does when what it needs is missing.</summary>
public static class Dictionary
{
    public static void Require() =>
        Skip.IfNot(BilingualLexicon.Default.CrossLanguageAvailable,
            "the trans-de-en dictionary is not installed (this test's expected results were made with it; SOURCECHECK_DICT points elsewhere)");
}
