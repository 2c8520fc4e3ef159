using System.Text.Json.Nodes;

namespace SourceCheck.Csl;

/// <summary>A CSL name: a person (family, given, particles, suffix) or an institution/literal name.</summary>
public sealed record CslName
{
    /// <summary>Family name ("Smith"), or null for a literal name.</summary>
    public string? Family { get; init; }

    /// <summary>Given names or initials ("Jane A."), or null.</summary>
    public string? Given { get; init; }

    /// <summary>A particle dropped when the name is inverted ("de" in "Jean de La Fontaine").</summary>
    public string? DroppingParticle { get; init; }

    /// <summary>A particle kept before the family name when inverted ("van" in "van Gogh").</summary>
    public string? NonDroppingParticle { get; init; }

    /// <summary>"Jr.", "III", …, or null.</summary>
    public string? Suffix { get; init; }

    /// <summary>CSL's <c>comma-suffix</c>: a comma before the suffix in display order.</summary>
    public bool CommaSuffix { get; init; }

    /// <summary>CSL's <c>static-ordering</c>: family name first even in display order (as in many East Asian names).</summary>
    public bool StaticOrdering { get; init; }

    /// <summary>A name that is not split (corporate authors such as "The Tech Buzz Team").</summary>
    public string? Literal { get; init; }

    /// <summary>CSL's <c>parse-names</c> as given, or null when absent.</summary>
    public bool? ParseNames { get; init; }

    /// <summary>Keys this model does not know, kept so that a round trip loses nothing.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Extra { get; init; } = EmptyExtra;

    internal static readonly IReadOnlyDictionary<string, JsonNode?> EmptyExtra = new Dictionary<string, JsonNode?>();

    /// <summary>True for a name that is not split into parts: a literal, or an institution given as a family name only.</summary>
    public bool IsLiteral => Literal is not null || (Family is not null && Given is null && Extra.ContainsKey("isInstitution"));

    /// <summary>A person's name.</summary>
    public static CslName Person(string family, string? given = null) => new() { Family = family, Given = given };

    /// <summary>An institution or other unsplit name (a literal).</summary>
    public static CslName Institution(string name) => new() { Literal = name };

    /// <summary>"Family, Given" for persons, the literal otherwise: for display and matching.</summary>
    public string Display()
    {
        if (Literal is not null)
        {
            return Literal;
        }

        string family = string.Join(' ', new[] { NonDroppingParticle, Family }.Where(s => !string.IsNullOrEmpty(s)));
        string given = string.Join(' ', new[] { Given, DroppingParticle }.Where(s => !string.IsNullOrEmpty(s)));
        string result = given.Length > 0 ? $"{family}, {given}" : family;
        return string.IsNullOrEmpty(Suffix) ? result : $"{result}, {Suffix}";
    }

    /// <summary>The same as <see cref="Display"/>.</summary>
    public override string ToString() => Display();
}
