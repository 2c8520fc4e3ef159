using SourceCheck.Csl;

namespace SourceCheck.Formatting;

internal static class Conditions
{
    public static bool Test(Ctx c, ChooseBranch b)
    {
        switch (b.Match)
        {
            case MatchMode.Any:
                foreach (var cond in b.Conditions)
                {
                    for (int i = 0; i < cond.Values.Length; i++)
                    {
                        if (One(c, cond, i))
                        {
                            return true;
                        }
                    }
                }

                return false;
            case MatchMode.None:
                foreach (var cond in b.Conditions)
                {
                    for (int i = 0; i < cond.Values.Length; i++)
                    {
                        if (One(c, cond, i))
                        {
                            return false;
                        }
                    }
                }

                return true;
            default:
                foreach (var cond in b.Conditions)
                {
                    if (cond.Kind == "type")
                    {
                        // citeproc-js: the values of `type` are one test ("the type is one of these"), so
                        // match="all" (the default) asks for one of them, not for an item of every listed type
                        if (!cond.Values.Contains(c.Item.Type))
                        {
                            return false;
                        }

                        continue;
                    }

                    for (int i = 0; i < cond.Values.Length; i++)
                    {
                        if (!One(c, cond, i))
                        {
                            return false;
                        }
                    }
                }

                return true;
        }
    }

    private static bool One(Ctx c, Condition cond, int index)
    {
        string value = cond.Values[index];
        switch (cond.Kind)
        {
            case "type":
                return c.Item.Type == value;
            case "variable":
                return HasVariable(c, value, cond.ValueKinds[index], cond.ValueIds[index]);
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

    /// <summary>Whether the item has the variable; <paramref name="id"/> (≥ 0 for variables whose presence
    /// depends on the item alone) memoizes the answer for the rendering pass.</summary>
    private static bool HasVariable(Ctx c, string name, VariableKind? kind, int id)
    {
        // a variable already printed through a substitute still counts as present (citeproc-js): "if variable=
        // "author editor" match="none"" stays false for an item whose editors stood in for the author
        if (id < 0)
        {
            return ItemHas(c, name, kind);
        }

        var memo = c.VariableMemo ??= new byte[Math.Max(64, VariableIds.Count)];
        if (id >= memo.Length)
        {
            return ItemHas(c, name, kind);
        }

        if (memo[id] != 0)
        {
            return memo[id] == 2;
        }

        bool has = ItemHas(c, name, kind);
        memo[id] = has ? (byte)2 : (byte)1;
        return has;
    }

    private static bool ItemHas(Ctx c, string name, VariableKind? kind)
    {
        switch (kind)
        {
            case VariableKind.Name:
                return c.Item.GetNames(name).Count > 0;
            case VariableKind.Date:
                return c.Item.GetDate(name) is { } d && (!d.Parts.IsDefaultOrEmpty || d.Literal is not null || d.Raw is not null || d.Season is not null);
        }

        return Renderer.StringVar(c, name) is not null;
    }
}
