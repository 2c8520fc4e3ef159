using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.Claims;

internal enum Gender
{
    Unknown,
    Female,
    Male,
}

/// <summary>A person the article names: full name, surname, roles ("cfo", "ceo", …) and gender where known.</summary>
internal sealed class Person(string fullName, string first, string surname, int firstOffset)
{
    public string FullName { get; } = fullName;

    public string First { get; } = first;

    public string Surname { get; } = surname;

    public int FirstOffset { get; } = firstOffset;

    public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);

    public Gender Gender { get; set; }

    public int Mentions { get; set; }
}

/// <summary>People and the main organisation of an article, found once per article: capitalised name
/// pairs whose surname recurs on its own (not after an article), or whose first name is a known given name,
/// or that follow a role title; roles from appositions ("Miriam Kessler, the …", "Konzernchef Daniel Osei");
/// the main organisation from recurring capitalised names with company markers.</summary>
internal sealed partial class PersonIndex
{
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "the", "a", "an", "this",
        "that", "diese", "dieser", "diesem", "jede", "jeder", "kein", "keine", "keinen", "seine", "ihre", "his", "her",
        "their", "our", "unsere", "mehr", "more", "staatliche", "staatlichen",
        // German contractions of a preposition and an article ("im Weißen Haus", "vom Roten Kreuz")
        "im", "vom", "zum", "zur", "beim", "ins", "am", "ans", "aufs", "durchs", "fürs", "übers", "unters",
    };

    private readonly Dictionary<string, Person> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Person> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pairByFirst = new(StringComparer.Ordinal);

    /// <summary>Name particles that belong to a surname ("van Dijk", "Van Der Beek", "La Canfora", "bin Salman").</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del", "della", "dos", "bin", "ibn", "ter", "ten", "zu",
        "Van", "Von", "Der", "De", "Da", "Di", "Du", "La", "Le", "Del", "Bin", "Ibn", "Ter", "Ten",
    };

    /// <summary>Whether a whole word is a role or title ("Meteorologin", "spokesman"); a regex timeout counts as no role.</summary>
    internal static bool IsRoleWord(string w)
    {
        // the regex policy on a timeout: "no role" for this word, counted (warning SC4011)
        try
        {
            return AttributionLexicon.RoleRegex().Match(w) is { Success: true } m && m.Length == w.Length;
        }
        catch (RegexMatchTimeoutException)
        {
            RegexPolicy.Skipped();
            return false;
        }
    }

    /// <summary>The full name pair a first name opens elsewhere in the article ("Phil" → "Phil Foden"), or null.</summary>
    public string? PairFor(string first) => _pairByFirst.GetValueOrDefault(first);

    public List<Person> People { get; } = [];

    /// <summary>Display name of the main organisation ("Corvane AI"), or null.</summary>
    public string? MainOrg { get; private set; }

    /// <summary>Single-word form of the main organisation ("Corvane").</summary>
    public string? MainOrgToken { get; private set; }

    public static PersonIndex Build(string text, string? title, string? language = null)
    {
        var index = new PersonIndex();
        var words = new List<(int Start, int End)>();
        var lower = new HashSet<string>(StringComparer.Ordinal);
        var lowerBySpan = lower.GetAlternateLookup<ReadOnlySpan<char>>(); // a string only for a word not seen before
        var standalone = new Dictionary<string, int>(StringComparer.Ordinal);
        int p = 0;
        while (p < text.Length)
        {
            if (!char.IsLetter(text[p]))
            {
                p++;
                continue;
            }

            int ws = p;
            p++;
            while (p < text.Length && (char.IsLetterOrDigit(text[p]) || (text[p] is '-' or '\'' or '’' && p + 1 < text.Length && char.IsLetterOrDigit(text[p + 1]))))
            {
                if (text[p] is '\'' or '’' && text[p + 1] == 's' && (p + 2 >= text.Length || !char.IsLetterOrDigit(text[p + 2])))
                {
                    break; // "Anwar Ibrahim’s travels": the possessive is not part of the name
                }

                p++;
            }

            words.Add((ws, p));
            if (char.IsLower(text[ws]))
            {
                lowerBySpan.Add(text.AsSpan(ws, p - ws));
            }
        }

        string W(int i) => text[words[i].Start..words[i].End];
        bool Adjacent(int i) => words[i].End + 1 == words[i + 1].Start && text[words[i].End] == ' ';
        static bool IsCap(string w) => w.Length >= 2 && char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower) && !w.Contains('-', StringComparison.Ordinal);

        // name-shaped: "Kessler", "McDonald", "O'Brien" (not "OpenAI", "KI")
        static bool IsNameShaped(string w)
        {
            if (w.Length < 2 || !char.IsUpper(w[0]))
            {
                return false;
            }

            int start = w.StartsWith("Mc", StringComparison.Ordinal) ? 2 : w.StartsWith("Mac", StringComparison.Ordinal) && w.Length > 4 && char.IsUpper(w[3]) ? 3
                : w.Length > 2 && w[1] is '\'' or '’' ? 2 : 1;
            for (int k = start; k < w.Length; k++)
            {
                if (!char.IsLower(w[k]) && !(k == start && char.IsUpper(w[k])))
                {
                    return false;
                }
            }

            return true;
        }

        // standalone surname counts (word not preceded by a determiner)
        for (int i = 0; i < words.Count; i++)
        {
            if (!char.IsUpper(text[words[i].Start]))
            {
                continue; // not capitalised (IsCap below): no substring for it
            }

            string w = W(i);
            if (!IsCap(w))
            {
                continue;
            }

            string prev = i > 0 ? W(i - 1) : string.Empty;
            if (Determiners.Contains(prev))
            {
                continue;
            }

            standalone[w] = standalone.GetValueOrDefault(w) + 1;
            if (w.EndsWith('s') && w.Length > 3)
            {
                string stem = w[..^1];
                standalone[stem] = standalone.GetValueOrDefault(stem) + 1;
            }
        }

        var pairs = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < words.Count; i++)
        {
            if (char.IsUpper(text[words[i].Start]) && char.IsUpper(text[words[i + 1].Start]))
            {
                string key = W(i) + " " + W(i + 1);
                pairs[key] = pairs.GetValueOrDefault(key) + 1;
            }
        }

        bool german = (language ?? global::SourceCheck.Text.LanguageGuesser.Guess(text)) == "de";
        for (int i = 0; i + 1 < words.Count; i++)
        {
            if (!char.IsUpper(text[words[i].Start]))
            {
                continue; // a given name is name-shaped, so capitalised: nothing to look up for a lower-case word
            }

            string a = W(i), b = W(i + 1);
            // a middle initial: "James P. Kennedy"
            int sur = i + 1;
            if (b.Length == 1 && char.IsUpper(b[0]) && words[i + 1].End < text.Length && text[words[i + 1].End] == '.' && i + 2 < words.Count
                && words[i + 2].Start == words[i + 1].End + 2 && IsNameShaped(W(i + 2)) && Adjacent(i))
            {
                sur = i + 2;
                b = W(sur);
            }

            // a particle before the surname: "Virgil van Dijk", "Laith al-Balaous", "Jason La Canfora"
            bool particleSurname = false;
            if (Particles.Contains(b) && sur + 1 < words.Count && words[sur].End + 1 == words[sur + 1].Start && IsNameShaped(W(sur + 1)) && !Particles.Contains(W(sur + 1)))
            {
                particleSurname = true;
            }

            bool hyphenSurname = HyphenParticle().IsMatch(b);
            if (index._bySurname.ContainsKey(b) || !IsNameShaped(a) || a.All(char.IsUpper) || !(IsNameShaped(b) || particleSurname || hyphenSurname) || !Adjacent(i) || AttributionLexicon.NotNames.Contains(a) || AttributionLexicon.OrgWords.Contains(b)
                || (AttributionLexicon.NotNames.Contains(b) && !particleSurname) || lower.Contains(a.ToLowerInvariant()) || (lower.Contains(b.ToLowerInvariant()) && !particleSurname)
                || b is "Jr" or "Sr" || IsRoleWord(b) || IsRoleWord(a) || AttributionLexicon.NotOrgs.Contains(a) || AttributionLexicon.NotOrgs.Contains(b))
            {
                continue;
            }

            // "die Außenstelle Magdeburg", "the Aberdeen Royal Infirmary": a determiner does not stand before a personal name
            if (i > 0 && Determiners.Contains(W(i - 1)) && words[i - 1].End + 1 == words[i].Start)
            {
                continue;
            }

            // German: a word after a lowercase inflected adjective is a noun ("des südamerikanischen Landes Nicolás Maduro")
            if (german && i > 0 && words[i - 1].End + 1 == words[i].Start && char.IsLower(text[words[i - 1].Start]) && W(i - 1).Length > 4
                && (W(i - 1).EndsWith("en", StringComparison.Ordinal) || W(i - 1).EndsWith("er", StringComparison.Ordinal) || W(i - 1).EndsWith("es", StringComparison.Ordinal) || W(i - 1).EndsWith("em", StringComparison.Ordinal))
                && !AttributionLexicon.FemaleNames.Contains(a) && !AttributionLexicon.MaleNames.Contains(a))
            {
                continue;
            }

            // German nouns are capitalised: a long compound or a noun-suffixed word is not a surname
            if (german && (b.Length > 14 || AttributionLexicon.IsCommonNounShape(b)))
            {
                continue;
            }

            if (i + 2 < words.Count && Adjacent(i + 1) && IsCap(W(i + 2)) && AttributionLexicon.OrgWords.Contains(W(i + 2)))
            {
                continue; // "Harbor Tech Summit"
            }

            bool given = AttributionLexicon.FemaleNames.Contains(a) || AttributionLexicon.MaleNames.Contains(a);
            if (!given && (AttributionLexicon.FemaleNames.Contains(b) || AttributionLexicon.MaleNames.Contains(b)) && sur == i + 1 && i + 2 < words.Count
                && Adjacent(i + 1) && IsNameShaped(W(i + 2)) && !AttributionLexicon.NotNames.Contains(W(i + 2)))
            {
                continue; // "Arbeitswissenschaftler Thomas Langhoff": the given name opens the name, the word before is a title
            }

            if (!given && AttributionLexicon.IsCommonNounShape(a))
            {
                continue; // "Pharmakonzern Nordava", "Gesundheitsminister Dahl"
            }

            int pairCount = pairs.GetValueOrDefault(a + " " + b);
            bool recurs = standalone.GetValueOrDefault(b) > pairCount;
            string before = BeforeWindow(text, words[i].Start);
            bool roleBefore = AttributionLexicon.RoleRegex().Match(before) is { Success: true } rm && rm.Index + rm.Length >= before.TrimEnd().Length - 1
                || SpeechVerbBeforeRegex().IsMatch(before); // "…», sagt die Ernährungsberaterin Roxana Ehsani": the subject after the verb
            string after = AfterWindow(text, words[sur].End); // after the surname (not after a middle initial's point)
            bool speaks = SpeakerContextRegex().IsMatch(after) || (AttributionLexicon.RoleRegex().Match(after) is { Success: true } ra && ra.Index <= 30 && after.StartsWith(',') );
            if (!given && !recurs && !roleBefore && !speaks)
            {
                continue;
            }

            if (index._bySurname.ContainsKey(b))
            {
                continue;
            }

            // the whole name: particles and their names ("Zein ad-Din", "Van Der Beek", "van Dijk"), "Jr."
            int last = sur;
            while (last + 1 < words.Count && words[last].End + 1 == words[last + 1].Start && text[words[last].End] == ' ')
            {
                string cur = W(last), nx = W(last + 1);
                if (Particles.Contains(cur) && (IsNameShaped(nx) || Particles.Contains(nx)))
                {
                    last++;
                }
                else if (HyphenParticle().IsMatch(nx) || (Particles.Contains(nx) && last + 2 < words.Count && words[last + 1].End + 1 == words[last + 2].Start && IsNameShaped(W(last + 2))
                    && !(german && nx is "Der" or "Die" or "Das" or "Den" or "De")))
                {
                    last++;
                }
                else
                {
                    break;
                }
            }

            int fullEnd = words[last].End;
            if (last + 1 < words.Count && W(last + 1) is "Jr" or "Sr" && words[last].End + 2 >= words[last + 1].Start)
            {
                fullEnd = words[last + 1].End + (words[last + 1].End < text.Length && text[words[last + 1].End] == '.' ? 1 : 0);
            }

            string fullName = text[words[i].Start..fullEnd];
            string surname = particleSurname ? text[words[sur].Start..words[sur + 1].End] : b;
            var person = new Person(fullName, a, particleSurname ? W(sur + 1) : b, words[i].Start)
            {
                Gender = AttributionLexicon.FemaleNames.Contains(a) ? Gender.Female : AttributionLexicon.MaleNames.Contains(a) ? Gender.Male : Gender.Unknown,
            };
            index.People.Add(person);
            index._bySurname[b] = person;
            index._bySurname.TryAdd(W(last), person);
            if (particleSurname)
            {
                index._bySurname.TryAdd(W(sur + 1), person);
                index._bySurname.TryAdd(surname, person);
            }

            if (HyphenParticle().IsMatch(W(last)))
            {
                index._bySurname.TryAdd(W(last)[(W(last).IndexOf('-', StringComparison.Ordinal) + 1)..], person);
            }

            index._byFirst.TryAdd(a, person);
        }

        // a first name used alone ("Phil said") stands for the name pair it opens elsewhere ("Phil Foden")
        foreach (var (pair, count) in pairs.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            int sp = pair.IndexOf(' ', StringComparison.Ordinal);
            string f = pair[..sp], l = pair[(sp + 1)..];
            if (IsNameShaped(f) && IsNameShaped(l) && !AttributionLexicon.NotNames.Contains(f) && !AttributionLexicon.NotNames.Contains(l) && !AttributionLexicon.OrgWords.Contains(l)
                && !IsRoleWord(f) && !IsRoleWord(l) && !lower.Contains(f.ToLowerInvariant()) && !lower.Contains(l.ToLowerInvariant()) && !(german && (AttributionLexicon.IsCommonNounShape(l) || AttributionLexicon.IsCommonNounShape(f))))
            {
                index._pairByFirst.TryAdd(f, pair);
            }
        }

        // "Mr. Baker", "Frau Lind": a title and a surname
        foreach (Match m in SafeMatches(TitledNameRegex(), text))
        {
            string surname = m.Groups["s"].Value;
            if (index._bySurname.ContainsKey(surname) || !IsNameShaped(surname) || AttributionLexicon.NotNames.Contains(surname) || lower.Contains(surname.ToLowerInvariant()))
            {
                continue;
            }

            var person = new Person(surname, string.Empty, surname, m.Index)
            {
                Gender = m.Groups["t"].Value is "Mr" or "Herr" or "Herrn" ? Gender.Male : m.Groups["t"].Value is "Mrs" or "Ms" or "Frau" ? Gender.Female : Gender.Unknown,
            };
            index.People.Add(person);
            index._bySurname[surname] = person;
        }

        // roles from the contexts of full-name mentions
        foreach (var person in index.People)
        {
            int at = 0;
            int seen = 0;
            while ((at = text.IndexOf(person.FullName, at, StringComparison.Ordinal)) >= 0 && seen < 5)
            {
                AddRoles(person, BeforeWindow(text, at), before: true);
                AddRoles(person, AfterWindow(text, at + person.FullName.Length), before: false);
                at += person.FullName.Length;
                seen++;
            }
        }

        if (!german)
        {
            foreach (var person in index.People.Where(x => x.Gender == Gender.Unknown))
            {
                person.Gender = PronounGender(text, person.FirstOffset + person.FullName.Length); // "Sonya A. Zoghlin, …, told … that her client"
            }
        }

        index.MainOrgFind(text, words, title, standalone);
        return index;
    }

    /// <summary>The gender of a person whose given name the lists do not know, from the English pronouns in the rest of the
    /// sentence that introduces them (only when all of them agree and no other name intervenes).</summary>
    private static Gender PronounGender(string text, int from)
    {
        int end = from;
        while (end < text.Length && end - from < 200 && !(text[end] is '.' or '!' or '?' or '\n' && (end + 1 >= text.Length || char.IsWhiteSpace(text[end + 1]))))
        {
            end++;
        }

        bool male = false, female = false;
        foreach (Match m in EnglishPronounRegex().Matches(text, from))
        {
            if (m.Index >= end)
            {
                break;
            }

            if (m.Groups["m"].Success)
            {
                male = true;
            }
            else
            {
                female = true;
            }
        }

        return male == female ? Gender.Unknown : male ? Gender.Male : Gender.Female;
    }

    [GeneratedRegex(@"\b(?:(?<m>he|his|him|himself)|(?<f>she|her|hers|herself))\b", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex EnglishPronounRegex();

    private static void AddRoles(Person person, string window, bool before)
    {
        if (!before && !window.StartsWith(',') && !window.StartsWith(" (", StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match m in AttributionLexicon.RoleRegex().Matches(window))
        {
            if (before && window.Length - (m.Index + m.Length) > 45)
            {
                continue;
            }

            if (!before && m.Index > 40)
            {
                continue;
            }

            if (AttributionLexicon.RoleCategory(m.Value) is { } cat)
            {
                person.Roles.Add(cat);
                if (person.Gender == Gender.Unknown && m.Value.EndsWith("in", StringComparison.Ordinal) && char.IsUpper(m.Value[0]))
                {
                    person.Gender = Gender.Female;
                }
            }
        }
    }

    /// <summary>Text of the current sentence before an offset (at most 80 characters).</summary>
    private static string BeforeWindow(string text, int offset)
    {
        int s = Math.Max(0, offset - 80);
        string w = text[s..offset];
        int cut = w.LastIndexOfAny(['.', '!', '?', '\n', ':', '“', '"']);
        return cut >= 0 ? w[(cut + 1)..] : w;
    }

    private static string AfterWindow(string text, int offset)
    {
        int e = Math.Min(text.Length, offset + 90);
        string w = text[offset..e];
        int cut = w.IndexOfAny(['.', '!', '?', '\n']);
        return cut >= 0 ? w[..cut] : w;
    }

    private void MainOrgFind(string text, List<(int Start, int End)> words, string? title, Dictionary<string, int> standalone)
    {
        var score = new Dictionary<string, double>(StringComparer.Ordinal);
        var suffix = new Dictionary<string, string>(StringComparer.Ordinal);
        var personParts = new HashSet<string>(People.SelectMany(p => new[] { p.First, p.Surname }), StringComparer.Ordinal);
        for (int i = 0; i < words.Count; i++)
        {
            string w = text[words[i].Start..words[i].End];
            string token = w;
            bool marker = false;
            int hy = w.IndexOf('-', StringComparison.Ordinal);
            if (hy > 1)
            {
                token = w[..hy];
                string rest = w[(hy + 1)..];
                marker = AttributionLexicon.RoleRegex().IsMatch(rest) || rest.StartsWith("Chef", StringComparison.Ordinal) || rest.StartsWith("Aktie", StringComparison.Ordinal)
                    || rest.StartsWith("Konzern", StringComparison.Ordinal) || rest.StartsWith("Finanz", StringComparison.Ordinal);
            }

            if (token.Length < 3 || !char.IsUpper(token[0]) || personParts.Contains(token) || AttributionLexicon.NotNames.Contains(token) || AttributionLexicon.NotOrgs.Contains(token)
                || token.All(char.IsUpper) || AttributionLexicon.OrgWords.Contains(token))
            {
                continue;
            }

            if (token.EndsWith("'s", StringComparison.Ordinal) || token.EndsWith("’s", StringComparison.Ordinal))
            {
                token = token[..^2];
                marker = true;
            }

            string next = i + 1 < words.Count && words[i].End + 1 == words[i + 1].Start ? text[words[i + 1].Start..words[i + 1].End] : string.Empty;
            if (next is "AI" or "Inc" or "Corp" or "AG" or "SE" or "GmbH" or "Ltd" or "Group" or "Holdings" or "Technologies" or "Labs" or "Motors" or "Systems" or "Energy" or "Bank" or "Pharma" or "Airlines" or "Software")
            {
                // "Veltrix Motors Inc": credit the first word of the capitalised run
                int first = i;
                while (first > 0 && words[first - 1].End + 1 == words[first].Start && char.IsUpper(text[words[first - 1].Start])
                    && !AttributionLexicon.NotNames.Contains(text[words[first - 1].Start..words[first - 1].End]) && i - first < 2)
                {
                    first--;
                }

                if (first < i)
                {
                    string head = text[words[first].Start..words[first].End];
                    score[head] = score.GetValueOrDefault(head) + 3;
                    suffix.TryAdd(head, text[words[first].Start..words[i].End] + " " + next);
                    continue;
                }

                marker = true;
                suffix.TryAdd(token, token + " " + next);
            }

            string prev = i > 0 ? text[words[i - 1].Start..words[i - 1].End] : string.Empty;
            if (prev.EndsWith("unternehmens", StringComparison.OrdinalIgnoreCase) || prev.EndsWith("unternehmen", StringComparison.OrdinalIgnoreCase) || prev is "company" or "firm" or "startup" or "group" or "maker"
                || prev.EndsWith("entwickler", StringComparison.OrdinalIgnoreCase) || prev.EndsWith("konzern", StringComparison.OrdinalIgnoreCase) || prev.EndsWith("konzerns", StringComparison.OrdinalIgnoreCase)
                || prev.EndsWith("hersteller", StringComparison.OrdinalIgnoreCase) || prev.EndsWith("herstellers", StringComparison.OrdinalIgnoreCase) || prev.EndsWith("bauer", StringComparison.OrdinalIgnoreCase)
                || prev.EndsWith("bauers", StringComparison.OrdinalIgnoreCase) || prev.EndsWith("anbieter", StringComparison.OrdinalIgnoreCase) || prev.EndsWith("anbieters", StringComparison.OrdinalIgnoreCase))
            {
                marker = true;
            }

            double s = score.GetValueOrDefault(token) + 1 + (marker ? 3 : 0);
            score[token] = s;
        }

        string? best = null;
        double bestScore = 0;
        foreach (var (token, s) in score)
        {
            double total = s + (title is not null && title.Contains(token, StringComparison.Ordinal) ? 3 : 0);
            int count = standalone.GetValueOrDefault(token);
            if (total >= 6 && total > bestScore && (count >= 2 || total >= 8))
            {
                best = token;
                bestScore = total;
            }
        }

        if (best is not null)
        {
            MainOrgToken = best;
            MainOrg = suffix.GetValueOrDefault(best) ?? FullRun(text, words, best) ?? best;
        }
    }

    /// <summary>The organisation's whole name when its first word is nearly always followed by the same capitalised words
    /// ("Home" → "Home Depot" when at least two thirds of the capitalised uses of "Home" go on with "Depot"), or null.</summary>
    private static string? FullRun(string text, List<(int Start, int End)> words, string token)
    {
        var runs = new Dictionary<string, int>(StringComparer.Ordinal);
        int uses = 0;
        for (int i = 0; i < words.Count; i++)
        {
            var (ws, we) = words[i];
            if (we - ws != token.Length || string.CompareOrdinal(text, ws, token, 0, token.Length) != 0)
            {
                continue;
            }

            uses++;
            int last = i;
            while (last + 1 < words.Count && last - i < 2 && words[last].End + 1 == words[last + 1].Start && text[words[last].End] == ' '
                && char.IsUpper(text[words[last + 1].Start]) && !AttributionLexicon.NotNames.Contains(text[words[last + 1].Start..words[last + 1].End]))
            {
                last++;
            }

            if (last > i)
            {
                // the shortest continuation counts: "Home Depot" in "Home Depot Inc" and "Home Depot CEO"
                string run = text[ws..words[i + 1].End];
                runs[run] = runs.GetValueOrDefault(run) + 1;
            }
        }

        var top = runs.OrderByDescending(kv => kv.Value).FirstOrDefault();
        return top.Key is not null && uses >= 2 && top.Value * 3 >= uses * 2 ? top.Key : null;
    }

    /// <summary>The person a capitalised word refers to: surname, genitive surname ("Oseis", "Kessler's"), or full name start.</summary>
    public Person? Lookup(string word)
    {
        if (_bySurname.TryGetValue(word, out var p))
        {
            return p;
        }

        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
        {
            return _bySurname.GetValueOrDefault(word[..^2]);
        }

        if (word.EndsWith('s') && word.Length > 3)
        {
            return _bySurname.GetValueOrDefault(word[..^1]);
        }

        return null;
    }

    public Person? LookupFirst(string word) => _byFirst.GetValueOrDefault(word);

    private static List<Match> SafeMatches(Regex regex, string text)
    {
        var result = new List<Match>();
        try
        {
            for (var m = regex.Match(text); m.Success; m = m.NextMatch())
            {
                result.Add(m);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // keep what was found
            RegexPolicy.Skipped();
        }

        return result;
    }

    /// <summary>A hyphenated Arabic particle surname: "ad-Din", "al-Scharaa", "el-Sisi", "bin-Salman".</summary>
    [GeneratedRegex(@"^(?:al|el|ad|ed|as|an|ar|at|az|abu|bin|ibn|Al|El|Abu|Bin|Ibn)-\p{Lu}\p{Ll}+$", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex HyphenParticle();

    [GeneratedRegex(@"\b(?<t>Mr|Mrs|Ms|Dr|Prof|Herr|Herrn|Frau)\.?\s(?<s>\p{Lu}[\p{L}'’]+)\b(?!\s\p{Lu}\p{Ll})", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex TitledNameRegex();

    /// <summary>Before a name: a speech verb that follows the words, with an article and up to two nouns ("», sagt die Ernährungsberaterin ",
    /// ", said "): the name is the verb's subject.</summary>
    [GeneratedRegex(@"[,“”»«""]\s*(?:sagte|sagt|erklärte|erklärt|betonte|meinte|warnte|schrieb|so|said|says|wrote|added)\s+(?:(?:der|die|the)\s+(?:[\p{L}-]+\s+){0,2})?$", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex SpeechVerbBeforeRegex();

    /// <summary>After a name: a speech verb ("Aiko Tanaka said", "Jonas Vogt sagte").</summary>
    [GeneratedRegex(@"^,?\s(?:(?:also|auch|later|später|then|on \w+day)\s)?(?:said|says|told|wrote|added|argued|warned|sagte|sagt|erklärte|schrieb|betonte|warnte|meinte|hatte gesagt|has said|had said)\b", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex SpeakerContextRegex();
}
