using SourceCheck.Csl;

namespace SourceCheck.Formatting;

internal static class Conditions
{
    // reference-type values: the shared generic code of the framework serves it (a nullable-enum value type would
    // make the JIT compile a dozen ConcurrentDictionary methods for it in every fresh process)
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, KindOfVariable> KindCache = new(StringComparer.Ordinal);

    private sealed record KindOfVariable(VariableKind? Kind);

    public static bool Test(Ctx c, ChooseBranch b)
    {
        switch (b.Match)
        {
            case MatchMode.Any:
                foreach (var cond in b.Conditions)
                {
                    foreach (var v in cond.Values)
                    {
                        if (One(c, cond.Kind, v))
                        {
                            return true;
                        }
                    }
                }

                return false;
            case MatchMode.None:
                foreach (var cond in b.Conditions)
                {
                    foreach (var v in cond.Values)
                    {
                        if (One(c, cond.Kind, v))
                        {
                            return false;
                        }
                    }
                }

                return true;
            default:
                foreach (var cond in b.Conditions)
                {
                    foreach (var v in cond.Values)
                    {
                        if (!One(c, cond.Kind, v))
                        {
                            return false;
                        }
                    }
                }

                return true;
        }
    }

    private static bool One(Ctx c, string kind, string value)
    {
        switch (kind)
        {
            case "type":
                return c.Item.Type == value;
            case "variable":
                return HasVariable(c, value);
            case "is-numeric":
            {
                string? v = Renderer.StringVar(c, value);
                return v is not null && Numbers.IsNumeric(v);
            }

            case "is-uncertain-date":
                return c.Item.GetDate(value) is { Circa: true };
            case "locator":
            {
                if (c.Cite?.Locator is not { Length: > 0 })
                {
                    return false;
                }

                string label = c.Cite.Label ?? "page";
                return label == value || (label == "sub verbo" && value == "sub-verbo") || (label == "sub-verbo" && value == "sub verbo");
            }

            case "position":
                if (c.Cite is null || c.Bib)
                {
                    return false;
                }

                return value switch
                {
                    "first" => c.Position == Position.First,
                    "subsequent" => c.Position != Position.First,
                    "ibid" => c.Position is Position.Ibid or Position.IbidWithLocator,
                    "ibid-with-locator" => c.Position == Position.IbidWithLocator,
                    "near-note" => c.Position != Position.First && c.NearNote,
                    _ => false,
                };
            case "disambiguate":
            {
                // disambiguate="true" conditions switch on one at a time, in the order they are met
                bool on = c.State.Disambiguate && ++c.DisambiguateSeen <= c.State.DisambiguateLevel;
                return (value == "true") == on;
            }
            default:
                return false;
        }
    }

    public static bool HasVariable(Ctx c, string name)
    {
        if (c.Suppressed is not null && c.Suppressed.Contains(name))
        {
            return false;
        }

        switch (KindCache.GetOrAdd(name, static n => new KindOfVariable(CslVariables.KindOf(n))).Kind)
        {
            case VariableKind.Name:
                return c.Item.GetNames(name).Count > 0;
            case VariableKind.Date:
                return c.Item.GetDate(name) is { } d && (!d.Parts.IsDefaultOrEmpty || d.Literal is not null || d.Raw is not null || d.Season is not null);
        }

        return Renderer.StringVar(c, name) is not null;
    }
}
