using System.Collections.Immutable;
using SourceCheck.Claims;
using SourceCheck.Text;

namespace SourceCheck.Bench;

/// <summary>Seeded synthetic news-like claims in English and German with planted paraphrase and translation
/// pairs (the same fact told by another document), for matching throughput.</summary>
internal static class MatchSynthetic
{
    private static readonly (string En, string De)[] Nouns =
    [
        ("factories", "Fabriken"), ("schools", "Schulen"), ("hospitals", "Krankenhäuser"), ("data centers", "Rechenzentren"), ("bridges", "Brücken"),
        ("power plants", "Kraftwerke"), ("railway lines", "Bahnstrecken"), ("wind farms", "Windparks"), ("warehouses", "Lagerhallen"), ("stores", "Geschäfte"),
        ("offices", "Büros"), ("apartments", "Wohnungen"), ("airports", "Flughäfen"), ("laboratories", "Labore"), ("ports", "Häfen"),
    ];

    private static readonly (string En, string De)[] Verbs =
    [
        ("build", "bauen"), ("close", "schließen"), ("sell", "verkaufen"), ("buy", "kaufen"), ("open", "eröffnen"), ("modernise", "modernisieren"),
    ];

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ran", "tor", "vel", "zu", "bar", "den", "fis", "gor", "hul", "jen", "kri", "mon", "nal", "pet", "quo", "rus", "sil", "tam", "ult", "vor", "wes"];

    public static List<Claim> Generate(int count, int seed, out List<(string A, string B)> planted)
    {
        var random = new Random(seed);
        int entityPool = Math.Max(2000, count / 3);
        var claims = new List<Claim>(count);
        planted = [];
        int doc = 0, inDoc = 0;
        while (claims.Count < count)
        {
            var fact = NewFact(random, entityPool);
            bool de = random.NextDouble() < 0.3;
            Add(claims, ref doc, ref inDoc, fact, de, 0, random);
            if (random.NextDouble() < 0.1 && claims.Count < count)
            {
                // plant: the same fact in another document, paraphrased or translated
                var a = claims[^1];
                int variant = 1 + random.Next(2);
                bool otherDe = random.NextDouble() < 0.5 ? !de : de;
                doc++;
                inDoc = 0;
                Add(claims, ref doc, ref inDoc, fact, otherDe, variant, random);
                planted.Add((a.Id, claims[^1].Id));
            }
        }

        return claims;
    }

    private sealed record Fact(string Person, string Org, string City, int Noun, int Verb, int Number, int Year, string Topic);

    private static Fact NewFact(Random r, int pool) => new(
        Name(r, pool, 2) + " " + Name(r, pool, 3), Name(r, pool, 3) + " " + (r.Next(3) switch { 0 => "Group", 1 => "AG", _ => "Corp" }),
        Name(r, pool / 4, 2) + "burg", r.Next(Nouns.Length), r.Next(Verbs.Length), 2 + r.Next(400), 2024 + r.Next(10),
        Name(r, pool * 4, 3).ToLowerInvariant() + " " + Name(r, pool * 4, 2).ToLowerInvariant());

    /// <summary>A name from a Zipf-like pool of invented names.</summary>
    private static string Name(Random r, int pool, int syllables)
    {
        int id = (int)Math.Floor(Math.Pow(r.NextDouble(), 2) * pool);
        var chars = new System.Text.StringBuilder();
        int x = id;
        for (int i = 0; i < syllables; i++)
        {
            chars.Append(Syllables[x % Syllables.Length]);
            x = (x / Syllables.Length) + (i * 7) + 3;
        }

        chars[0] = char.ToUpperInvariant(chars[0]);
        return chars.ToString() + (id % 97 == 0 ? string.Empty : ((char)('a' + (id % 26))).ToString());
    }

    private static void Add(List<Claim> claims, ref int doc, ref int inDoc, Fact f, bool de, int variant, Random r)
    {
        var (nounEn, nounDe) = Nouns[f.Noun];
        var (verbEn, verbDe) = Verbs[f.Verb];
        string text = (de, variant) switch
        {
            (false, 0) => $"{f.Person} said {f.Org} plans to {verbEn} {f.Number} {nounEn} in {f.City} by {f.Year} under the {f.Topic} programme.",
            (false, 1) => $"{f.Org} will {verbEn} {f.Number} {nounEn} in {f.City} by {f.Year} ({f.Topic} programme), {f.Person} told reporters.",
            (false, _) => $"By {f.Year}, {f.Number} {nounEn} in {f.City} are to be {verbEn}ed by {f.Org} in the {f.Topic} programme, according to {f.Person}.",
            (true, 0) => $"{f.Person} sagte, {f.Org} wolle bis {f.Year} {f.Number} {nounDe} in {f.City} im Programm {f.Topic} {verbDe}.",
            (true, 1) => $"{f.Org} will bis {f.Year} in {f.City} {f.Number} {nounDe} {verbDe} (Programm {f.Topic}), sagte {f.Person} Reportern.",
            (true, _) => $"Bis {f.Year} sollen in {f.City} {f.Number} {nounDe} von {f.Org} im Programm {f.Topic} {verbDe} werden, so {f.Person}.",
        };
        if (r.NextDouble() < 0.3)
        {
            text += de ? " Die Pläne wurden am Montag vorgestellt." : " The plans were presented on Monday.";
        }

        string docId = $"doc{doc}";
        claims.Add(new Claim($"{docId}-c{inDoc}", docId, de ? "de" : "en", text, new TextSpan(0, text.Length), QuoteKind.Indirect, null, f.Person, null, null, null, ImmutableArray<Figure>.Empty));
        inDoc++;
        if (inDoc >= 20)
        {
            doc++;
            inDoc = 0;
        }
    }
}
