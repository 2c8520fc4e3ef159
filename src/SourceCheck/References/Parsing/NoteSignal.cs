using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.References.Parsing;

/// <summary>Before tagging (issue 14, session 10): what opens a footnote but is not part of the reference — a
/// superscript note number ("¹ Jürgen Habermas, …") and a signal word after the note number ("1 Vgl. Weber, Max: …",
/// "3. See …", "Cf. …", "Siehe …", "Voir …") — is blanked with spaces. The offsets of everything else stay as they
/// were, so field spans still point into the entry.</summary>
internal static partial class NoteSignal
{
    [GeneratedRegex(@"^\s*(?<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}\s*)?(?:(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]?)\s+)?(?<sig>(?:Vgl\. auch|Vgl\. dazu|Vgl\.|vgl\.|Siehe|siehe|See also|See|Cf\.|cf\.|Voir)\s+)?(?=\S)", RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Lead();

    public static string Blank(string text)
    {
        if (text.Length == 0 || !MayHaveLead(text))
        {
            return text;
        }

        var m = Lead().Match(text);
        var sup = m.Groups["sup"];
        var sig = m.Groups["sig"];
        if (!m.Success || !sup.Success && !sig.Success)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var g in (Group[])[sup, sig])
        {
            if (g.Success)
            {
                Array.Fill(chars, ' ', g.Index, g.Length);
            }
        }

        return new string(chars);
    }

    /// <summary>Cheap pre-check on the first characters (every reference passes here).</summary>
    private static bool MayHaveLead(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 16));
        return head.IndexOfAny("⁰¹²³⁴⁵⁶⁷⁸⁹") >= 0 || head.Contains("gl.", StringComparison.Ordinal) || head.Contains("ehe ", StringComparison.Ordinal)
            || head.Contains("ee ", StringComparison.Ordinal) || head.Contains("f. ", StringComparison.Ordinal) || head.Contains("oir ", StringComparison.Ordinal);
    }
}
