using System.CommandLine;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck styles [WORDS]… [--locales]</c>: lists the built-in styles and the installed official styles
/// whose file name or title contain every word; <c>--locales</c> lists the locales instead.</summary>
public static class StylesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var words = new Argument<string[]>("WORDS") { Description = "Words that the style's file name or title must all contain (case-insensitive)", Arity = ArgumentArity.ZeroOrMore };
        var locales = new Option<bool>("--locales") { Description = "List the installed locales instead" };
        var command = new Command("styles", "List and search the CSL styles and locales that --style and --locale accept")
        {
            words, locales,
        };
        command.SetAction(parse =>
        {
            var catalog = new StyleCatalog(env.GetEnvironmentVariable, env.CurrentDirectory);
            if (parse.GetValue(locales))
            {
                foreach (var tag in catalog.LocaleTags())
                {
                    env.Out.WriteLine(tag);
                }

                return ExitCodes.Ok;
            }

            var query = parse.GetValue(words) ?? [];
            int shown = 0;
            foreach (var name in StyleCatalog.BuiltInStyleNames())
            {
                string key = StyleCatalog.Normalise(name);
                if (query.All(w => key.Contains(StyleCatalog.Normalise(w), StringComparison.Ordinal)))
                {
                    env.Out.WriteLine($"{name}\t(built in)");
                    shown++;
                }
            }

            if (catalog.OfficialStylesFolder is null)
            {
                env.Error.WriteLine($"note: no official styles installed (apt-get install citation-style-language-styles, or set SOURCECHECK_CSL_STYLES to a folder of .csl files)");
            }

            foreach (var s in catalog.Search(query))
            {
                env.Out.WriteLine(s.IsDependent ? $"{s.Name}\t{s.Title}\t(dependent on {ParentName(s.Parent!)})" : $"{s.Name}\t{s.Title}");
                shown++;
            }

            env.Error.WriteLine($"{shown} style(s)");
            return shown == 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static string ParentName(string href) => href.TrimEnd('/')[(href.TrimEnd('/').LastIndexOf('/') + 1)..];

    /// <summary>The locale tag to use for <c>--locale</c> (<see cref="StyleCatalog.ResolveLocale"/>), an unknown
    /// one as a usage error listing the installed locales.</summary>
    public static string? CheckLocale(StyleCatalog catalog, string? tag, string? localesFolder)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            return catalog.ResolveLocale(tag, localesFolder);
        }
        catch (DiagnosticException ex)
        {
            throw LocaleNotFound(ex);
        }
    }

    /// <summary>The usage error for an unknown <c>--locale</c> (the <see cref="DiagnosticException"/> of
    /// <see cref="StyleCatalog.ResolveLocale"/> or <see cref="BibliographyStyle.Load"/>).</summary>
    public static CliException LocaleNotFound(DiagnosticException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return new CliException($"{DiagnosticCodes.CslLocaleNotFound}: --locale {ex.Diagnostics[0].Message}", ExitCodes.Usage);
    }

    /// <summary>The error for a style that was not found (<see cref="StyleCatalog.NotFoundMessage"/>).</summary>
    public static CliException StyleNotFound(StyleCatalog catalog, string styleName)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return CliException.At(DiagnosticCodes.CslStyleNotFound, styleName, $"--style {catalog.NotFoundMessage(styleName)}");
    }
}
