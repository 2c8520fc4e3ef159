using SourceCheck.Text;

namespace SourceCheck.Claims.Text;

/// <summary>Function words (German and English) left out of content matching, and negation cues.</summary>
internal static class StopWords
{
    public static HashSet<string> English => FunctionWords.English;

    public static HashSet<string> German => FunctionWords.German;

    /// <summary>Negation and rejection cues (lower case, surface forms).</summary>
    public static readonly HashSet<string> Negations = new(
        ("not no never none nobody nothing neither nor without n't cannot can't won't don't doesn't didn't isn't aren't wasn't weren't " +
         "instead deny denies denied denying reject rejects rejected rejecting refuse refuses refused refusing ruled dismiss dismissed dismisses " +
         "statt anstatt nicht kein keine keinen keinem keiner keines nie niemals nichts niemand weder ablehnen lehnt lehnte abgelehnt ausgeschlossen schloss " +
         "zurückgewiesen zurückweisen weist wies dementiert dementierte bestreitet bestritt").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    public static bool IsStop(string lower, string language) =>
        language == "de" ? German.Contains(lower) : English.Contains(lower);
}
