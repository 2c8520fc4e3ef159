using SourceCheck.Csl;

namespace SourceCheck.References.Parsing;

/// <summary>Turns one name as written into a CSL name. Persons: "Wile, R." (family, given), "J. P. Collman"
/// (leading initials), "Pérez-Higueras JJ" (trailing initials, Vancouver), "MARTIN Julie" (capitalised
/// family), "Maria Fernández" (last word), with particles ("de la Macorra JC", "van Gogh, V.") kept as
/// non-dropping particles. Corporate names ("The Tech Buzz Team", "International Energy Agency", "dpa")
/// stay whole as <c>literal</c>.</summary>
internal static class NameText
{
    public static CslName? Parse(string raw) => ParseClean(Clean(raw));

    /// <summary><see cref="Parse"/> for a name already passed through <see cref="Clean"/>.</summary>
    public static CslName? ParseClean(string s)
    {
        if (s.Length == 0)
        {
            return null;
        }

        if (!HasLetterOrDigit(s))
        {
            return CslName.Institution(s); // ditto dashes "———"
        }

        if (IsCorporate(s) || (s.IndexOf(',', StringComparison.Ordinal) < 0 && s.Contains(' ', StringComparison.Ordinal)
            && IsOrganisationWord(s[(s.LastIndexOf(' ') + 1)..].TrimEnd('.'))))
        {
            return CslName.Institution(s);
        }

        int comma = s.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            string fam = s[..comma].Trim();
            string given = s[(comma + 1)..].Trim().Trim(',').Trim();
            string? suffix = null;
            int c2 = given.IndexOf(',', StringComparison.Ordinal);
            if (c2 > 0)
            {
                string tail = given[(c2 + 1)..].Trim();
                if (IsSuffix(tail))
                {
                    suffix = tail;
                    given = given[..c2].Trim();
                }
            }

            return Person(fam, given.Length == 0 ? null : given, suffix);
        }

        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1)
        {
            return CslName.Institution(s);
        }

        string? sfx = null;
        if (words.Length > 2 && IsSuffix(words[^1]))
        {
            sfx = words[^1];
            words = words[..^1];
        }

        // leading initials: "J. P. Collman", "J.P. Collman"
        int lead = 0;
        while (lead < words.Length - 1 && IsInitials(words[lead], requireDot: false) && !IsAllCapsWord(words[lead]))
        {
            lead++;
        }

        if (lead > 0)
        {
            return Person(string.Join(' ', words[lead..]), string.Join(' ', words[..lead]), sfx);
        }

        // trailing initials: "Peters OA", "Pérez-Higueras JJ", "Smith J."
        int trail = words.Length;
        // ("Th." is an initial, but "Jimmy Ba." ends in a short family name: only capitals count at the end)
        while (trail > 1 && IsInitials(words[trail - 1], requireDot: false) && !words[trail - 1].Any(char.IsLower))
        {
            trail--;
        }

        if (trail < words.Length)
        {
            return Person(string.Join(' ', words[..trail]), string.Join(' ', words[trail..]), sfx);
        }

        // capitalised family: "MARTIN Julie"
        for (int i = 0; i < words.Length; i++)
        {
            if (IsAllCapsWord(words[i]) && words[i].Length > 1 && words.Count(IsAllCapsWord) == 1)
            {
                var rest = words.Where((_, j) => j != i);
                return Person(words[i], string.Join(' ', rest), sfx);
            }
        }

        // "Maria Fernández", "Maria de la Cruz"
        int famStart = words.Length - 1;
        while (famStart > 1 && Lexicon.Particles.Contains(words[famStart - 1].ToLowerInvariant()))
        {
            famStart--;
        }

        // the full stop that ended the author part is no part of the family name ("Jimmy Ba.")
        string family = string.Join(' ', words[famStart..]);
        return Person(family.Length > 2 && family.EndsWith('.') && char.IsLower(family[^2]) ? family[..^1] : family, string.Join(' ', words[..famStart]), sfx);
    }

    /// <summary>Drops role markers and handles: "(Host)", "(Ed.)", "(Hrsg.)", "[@handle]", trailing commas.</summary>
    public static string Clean(string raw)
    {
        // built in a stack buffer (names are short; the rare long one in a pooled-free heap buffer)
        Span<char> sb = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        int length = 0;
        int depth = 0;
        bool space = false;
        foreach (char c in raw)
        {
            if (c is '(' or '[')
            {
                depth++;
                continue;
            }

            if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (depth > 0)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                sb[length++] = ' ';
                space = false;
            }

            sb[length++] = c;
        }

        string s = new(sb[..length]);
        s = s.Trim(',', ';', ':', '&', ' ', '/');
        if (s.EndsWith(" and", StringComparison.OrdinalIgnoreCase) || s.EndsWith(" und", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^4].TrimEnd(',', ' ');
        }

        if (s.StartsWith("and ", StringComparison.OrdinalIgnoreCase) || s.StartsWith("und ", StringComparison.OrdinalIgnoreCase))
        {
            s = s[4..];
        }

        if (s.StartsWith("& ", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        foreach (string role in RoleSuffixes)
        {
            if (s.EndsWith(role, StringComparison.Ordinal) && s.Length > role.Length + 2)
            {
                s = s[..^role.Length].TrimEnd(',', ' ');
            }
        }

        return s.Trim();
    }

    private static readonly string[] RoleSuffixes = [" (Ed.)", " Ed.", " Eds.", " eds.", " ed.", " Hrsg.", " (Hg.)", " Hg."];

    private static bool HasLetterOrDigit(string s)
    {
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Corporate authors: "The …", names with words like Team/Agency/News/Institute/contributors,
    /// acronyms ("IEA", "dpa"), and long names without any initials or commas.</summary>
    public static bool IsCorporate(string s)
    {
        int comma = s.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            // "Bank, J." is a person; "Reuters, Associated Press" is not handled here (span-based: the
            // common "Family, Given" case allocates nothing)
            var after = s.AsSpan(comma + 1).Trim();
            return after.Length == 0 || (CountWords(after) >= 3 && !AnyWordIsInitials(s));
        }

        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        if (words[0] is "The" or "the" or "Die" or "Der" or "Das" or "Le" or "La" or "Les" or "El")
        {
            return true;
        }

        if (words.Length == 1)
        {
            return true;
        }

        bool anyInitials = words.Any(w => IsInitials(w, false) && w.Length <= 3);
        if (words.Length >= 3 && !anyInitials && InnerWordIs(words, static w => w is "of" or "for" or "für" or "and" or "und" or "the" or "on" or "für"))
        {
            return true; // "Bundesamt für Statistik", "Ministry of Transport"
        }

        if (!anyInitials)
        {
            Span<char> lower = stackalloc char[64];
            foreach (string w in words)
            {
                var trimmed = w.AsSpan().Trim(".,");
                if (trimmed.Length <= lower.Length && trimmed.ToLowerInvariant(lower) is int length and >= 0
                    && (Lexicon.ClassOf(lower[..length]) & WordClass.Corporate) != 0)
                {
                    return true;
                }

                if (trimmed.Length > lower.Length && (Lexicon.ClassOf(trimmed.ToString().ToLowerInvariant()) & WordClass.Corporate) != 0)
                {
                    return true;
                }
            }
        }

        if (words.Length >= 4 && !anyInitials && words.All(w => char.IsUpper(w[0]) || Lexicon.Particles.Contains(w) || (Lexicon.ClassOf(w) & WordClass.Stop) != 0))
        {
            return InnerWordIs(words, static w => !Lexicon.Particles.Contains(w.ToLowerInvariant()));
        }

        return false;
    }

    /// <summary>Last words that make a name an organisation even when short ("Bluewater Lines", "Acme Corp.",
    /// "Harbor Freight Tools", "Daimler AG"): shipping/air lines, trade and company forms.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> OrganisationTail = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["lines", "airlines", "airways", "group", "corp", "corp.", "co.", "inc.", "llc", "llp", "plc", "ltd.", "gmbh", "s.a.",
         "n.v.", "e.v.", "associates", "partners", "holdings", "industries", "technologies", "systems", "labs",
         "laboratories", "media", "press", "publishing", "publishers", "verlag", "times", "post", "tribune", "herald", "gazette", "journal",
         "magazine", "radio", "television", "tv", "agency", "association", "institute", "foundation", "council", "commission", "committee",
         "organization", "organisation", "ministry", "department", "office", "bureau", "society", "university", "center", "centre",
         "bank", "board", "authority", "administration", "coalition", "alliance", "union", "federation", "network", "team", "staff",
         "collaboration", "consortium", "news", "online", "zeitung", "nachrichten", "panel", "service", "programme", "forum", "fund",
         "parliament", "secretariat", "observatory"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>German organisation nouns, whole or as the end of a compound ("Bundesamt", "Umweltbundesamt",
    /// "Robert-Koch-Institut", "Wetterdienst", "Bundesministerium").</summary>
    private static readonly string[] GermanOrganisationEnds =
        ["amt", "institut", "ministerium", "dienst", "verband", "stiftung", "agentur", "kommission", "zentrale", "anstalt", "behörde", "akademie"];

    /// <summary>A word that makes a name an organisation: one of <see cref="OrganisationTail"/> (also as a plural in
    /// "s") or a German organisation noun, alone or ending a compound of a capitalised word.</summary>
    private static bool IsOrganisationWord(string w)
    {
        if (OrganisationTail.Contains(w) || (w.Length > 4 && w.EndsWith('s') && OrganisationTail.Contains(w[..^1])))
        {
            return true;
        }

        if (w.Length < 3 || !char.IsUpper(w[0]))
        {
            return false;
        }

        foreach (string end in GermanOrganisationEnds)
        {
            if (w.Length == end.Length ? w.Equals(end, StringComparison.OrdinalIgnoreCase)
                : w.Length >= end.Length + 4 && w.EndsWith(end, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An organisation written as a whole author list: "American Forest and Paper Association (AFPA)",
    /// "Bluewater Lines", "Reuters" — no comma, no initials, and an organisation word at the end (or "of"/"for"
    /// inside), so "and" inside it does not separate two persons.</summary>
    public static bool IsOrganisationList(string s)
    {
        string cleaned = Clean(s).Trim().TrimEnd('.', ',', ';', ':').Trim();
        if (cleaned.Contains(',', StringComparison.Ordinal) && !cleaned.Contains(';', StringComparison.Ordinal) && !cleaned.Contains('&', StringComparison.Ordinal)
            && OrganisationWithCommas(cleaned))
        {
            return true;
        }

        if (cleaned.Length == 0 || cleaned.Contains(',', StringComparison.Ordinal) || cleaned.Contains(';', StringComparison.Ordinal)
            || cleaned.Contains('&', StringComparison.Ordinal))
        {
            return false;
        }

        var words = cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words.Length > 16 || words.Any(w => IsInitials(w, false) && w.Length <= 3 && !IsAllCapsWord(w)))
        {
            return false;
        }

        return IsOrganisationWord(words[^1]) || words[0] is "The" || InnerWordIs(words, static w => w is "of" or "for" or "on" or "für" or "der" or "des" or "du");
    }

    /// <summary>A name that reads as an organisation by its words, for text the tagger did not call a name
    /// ("World Health Organization", "Office for National Statistics", "Centers for Disease Control and Prevention",
    /// "Open Science Collaboration"): <see cref="IsOrganisationList(string)"/>, every word of four or more letters
    /// capitalised (so sentence-case titles such as "The Blackwell dictionary of cognitive psychology" are not), and
    /// an organisation word among them ("Organization", "Office", "Centers", "Collaboration", …).</summary>
    public static bool IsOrganisationName(string s)
    {
        if (!IsOrganisationList(s))
        {
            return false;
        }

        bool orgWord = false;
        foreach (string raw in Clean(s).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string w = raw.Trim('(', ')', '.', ',');
            if (w.Length >= 4 && !char.IsUpper(w[0]))
            {
                return false;
            }

            orgWord |= IsOrganisationWord(w);
        }

        return orgWord;
    }

    /// <summary>"EFSA Panel on Dietetic Products, Nutrition and Allergies": the first piece is an unfinished
    /// organisation name ("… on/of/for …", not ending in an organisation word such as "Bank", so "World Bank,
    /// International Monetary Fund" stays two), and every later piece is several capitalised words without initials.</summary>
    private static bool OrganisationWithCommas(string cleaned)
    {
        var pieces = cleaned.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (pieces.Length < 2 || pieces.Length > 4)
        {
            return false;
        }

        var first = pieces[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (first.Length < 3 || OrganisationTail.Contains(first[^1]) || !InnerWordIs(first, static w => w is "of" or "for" or "on" or "für" or "der" or "des" or "du"))
        {
            return false;
        }

        return pieces.All(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } ws
            && char.IsUpper(ws[0][0]) && !ws.Any(w => IsInitials(w, false) && w.Length <= 3));
    }

    /// <summary>Number of non-empty pieces between spaces.</summary>
    private static int CountWords(ReadOnlySpan<char> s)
    {
        int count = 0;
        foreach (var range in s.Split(' '))
        {
            if (range.End.GetOffset(s.Length) > range.Start.GetOffset(s.Length))
            {
                count++;
            }
        }

        return count;
    }

    private static bool AnyWordIsInitials(string s)
    {
        var span = s.AsSpan();
        foreach (var range in span.Split(' '))
        {
            var w = span[range];
            if (w.Length > 0 && IsInitials(w, requireDot: false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any word but the first and the last satisfies <paramref name="test"/>.</summary>
    private static bool InnerWordIs(string[] words, Func<string, bool> test)
    {
        for (int i = 1; i < words.Length - 1; i++)
        {
            if (test(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static CslName Person(string family, string? given, string? suffix)
    {
        if (!family.Contains(' ', StringComparison.Ordinal))
        {
            // one word: no particle (the common case, without splitting)
            return new CslName
            {
                Family = family,
                Given = string.IsNullOrWhiteSpace(given) ? null : given,
                Suffix = suffix,
            };
        }

        // lower-case particles at the start of the family part: "de la Macorra", "van der Berg"
        var parts = family.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int p = 0;
        while (p < parts.Length - 1 && Lexicon.Particles.Contains(parts[p]) && char.IsLower(parts[p][0]))
        {
            p++;
        }

        string? particle = p > 0 ? string.Join(' ', parts[..p]) : null;
        string fam = p > 0 ? string.Join(' ', parts[p..]) : family;
        return new CslName
        {
            Family = fam,
            Given = string.IsNullOrWhiteSpace(given) ? null : given,
            NonDroppingParticle = particle,
            Suffix = suffix,
        };
    }

    private static bool IsSuffix(string s) => s.TrimEnd('.') is "Jr" or "Sr" or "II" or "III" or "IV" or "jr" or "sr";

    /// <summary>"R.", "JJ", "J.-P.", "D.I.", "Th."</summary>
    public static bool IsInitials(string w, bool requireDot) => IsInitials(w.AsSpan(), requireDot);

    /// <inheritdoc cref="IsInitials(string, bool)"/>
    public static bool IsInitials(ReadOnlySpan<char> w, bool requireDot)
    {
        // the "core" is the word without '.' and '-' (no copy: at most its first two letters are needed)
        int coreLength = 0;
        char first = '\0';
        char second = '\0';
        bool allUpper = true;
        bool dot = false;
        foreach (char c in w)
        {
            if (c == '.')
            {
                dot = true;
                continue;
            }

            if (c == '-')
            {
                continue;
            }

            if (coreLength == 0)
            {
                first = c;
            }
            else if (coreLength == 1)
            {
                second = c;
            }

            allUpper &= char.IsUpper(c);
            if (++coreLength > 3)
            {
                return false;
            }
        }

        if (coreLength == 0)
        {
            return false;
        }

        if (dot)
        {
            // "Th." or "R." or "D.I."
            return char.IsUpper(first) && (coreLength == 1 || allUpper || (coreLength == 2 && char.IsLower(second)));
        }

        return !requireDot && allUpper;
    }

    private static bool IsAllCapsWord(string w)
    {
        if (w.Length <= 1 || w.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        int letters = 0;
        foreach (char c in w)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters > 1;
    }
}
