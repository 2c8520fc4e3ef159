using SourceCheck.Diagnostics;

namespace SourceCheck.Formatting;

/// <summary>A compiled style with its resolved locale, ready to build processors from.</summary>
internal sealed record LoadedStyle(Style Style, Locale Locale, string Source, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Finds a style by path or name (user folder, then built-in), parses it (dependent styles resolved
/// through the same catalog) and resolves its locale — the one way commands load styles.</summary>
internal static class StyleLoader
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
                $"style '{nameOrPath}' not found (give a .csl file, a name in {catalog.UserStylesFolder}, a built-in style name, or the file name or title of an installed official style; `sourcecheck styles WORDS` searches them)")]);
        }

        var parsed = Style.Parse(found.Value.Xml, found.Value.Source, href => ResolveParent(catalog, href));
        if (parsed.Value is null)
        {
            return (null, parsed.Diagnostics);
        }

        // a style of the official repository is written against the official locales: they come before the embedded ones
        bool official = catalog.OfficialStylesFolder is { } dir && found.Value.Source.StartsWith(dir, StringComparison.Ordinal);
        var resolved = parsed.Value.ResolveLocale(locale, localeProvider ?? (official ? catalog.FindOfficialLocale : catalog.FindLocale));
        return (new LoadedStyle(parsed.Value, resolved, found.Value.Source, parsed.Diagnostics), parsed.Diagnostics);
    }

    /// <summary>Resolves an independent-parent link ("http://…/styles/apa") to a style in the catalog: the official style
    /// with that id when the official repository is installed, else a style named by the link's last segment.</summary>
    public static string? ResolveParent(StyleCatalog catalog, string href)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(href);
        if (catalog.FindStyle(href.Trim()) is { } byId)
        {
            // the parent's id in the official repository (the usual case: http://www.zotero.org/styles/apa)
            return byId.Xml;
        }

        string name = href.TrimEnd('/');
        int slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        return catalog.FindStyle(name)?.Xml;
    }
}
