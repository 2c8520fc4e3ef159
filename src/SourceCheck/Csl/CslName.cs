using System.Text.Json.Nodes;

namespace SourceCheck.Csl;

/// <summary>A CSL name: a person (family, given, particles, suffix) or an institution/literal name.</summary>
public sealed record CslName
{
    public string? Family { get; init; }

    public string? Given { get; init; }

    public string? DroppingParticle { get; init; }

    public string? NonDroppingParticle { get; init; }

    public string? Suffix { get; init; }

    public bool CommaSuffix { get; init; }

    public bool StaticOrdering { get; init; }

    /// <summary>A name that is not split (corporate authors such as "The Tech Buzz Team").</summary>
    public string? Literal { get; init; }

    public bool? ParseNames { get; init; }

    /// <summary>Keys this model does not know, kept so that a round trip loses nothing.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Extra { get; init; } = EmptyExtra;

    internal static readonly IReadOnlyDictionary<string, JsonNode?> EmptyExtra = new Dictionary<string, JsonNode?>();

    public bool IsLiteral => Literal is not null || (Family is not null && Given is null && Extra.ContainsKey("isInstitution"));

    public static CslName Person(string family, string? given = null) => new() { Family = family, Given = given };

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

    public override string ToString() => Display();
}
