using SourceCheck.Diagnostics;

namespace SourceCheck.Formatting;

/// <summary>A compiled style with its resolved locale, ready to build processors from.</summary>
public sealed record LoadedStyle(Style Style, Locale Locale, string Source, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Finds a style by path or name (user folder, then built-in), parses it (dependent styles resolved
/// through the same catalog) and resolves its locale — the one way commands load styles.</summary>
public static class StyleLoader
{
    /// <returns>The loaded style, or null with the diagnostics explaining why (not found, or errors in the style).</returns>
    public static (LoadedStyle? Style, IReadOnlyList<Diagnostic> Diagnostics) Load(StyleCatalog catalog, string nameOrPath, string? locale = null,
        Func<string, string?>? localeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var found = catalog.FindStyle(nameOrPath);
        if (found is null)
        {
            return (null, [new Diagnostic(DiagnosticCodes.CslStyleNotFound, Severity.Error, default,
                $"style '{nameOrPath}' not found (give a .csl file, a name in {catalog.UserStylesFolder}, or a built-in style name)")]);
        }

        var parsed = Style.Parse(found.Value.Xml, found.Value.Source, href => ResolveParent(catalog, href));
        if (parsed.Value is null)
        {
            return (null, parsed.Diagnostics);
        }

        var resolved = parsed.Value.ResolveLocale(locale, localeProvider ?? catalog.FindLocale);
        return (new LoadedStyle(parsed.Value, resolved, found.Value.Source, parsed.Diagnostics), parsed.Diagnostics);
    }

    /// <summary>Resolves an independent-parent link ("http://…/styles/apa") to a style in the catalog.</summary>
    public static string? ResolveParent(StyleCatalog catalog, string href)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(href);
        string name = href.TrimEnd('/');
        int slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        return catalog.FindStyle(name)?.Xml;
    }
}
