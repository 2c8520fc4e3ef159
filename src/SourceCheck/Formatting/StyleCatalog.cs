using SourceCheck.Text;

namespace SourceCheck.Formatting;

/// <summary>Finds styles and locales: a path to a .csl file, the user styles folder
/// (<c>$SOURCECHECK_STYLES</c>, else <c>$XDG_CONFIG_HOME/sourcecheck/styles</c>, else <c>~/.config/sourcecheck/styles</c>),
/// then the styles embedded in the library (<c>apa</c>, <c>mla</c>, <c>chicago</c>, <c>ieee</c>, <c>harvard</c>, <c>din</c>).</summary>
public sealed class StyleCatalog
{
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chicago"] = "chicago-author-date",
        ["din"] = "din-1505-2",
        ["din-1505"] = "din-1505-2",
    };

    private readonly Func<string, string?> _env;
    private readonly string _currentDirectory;

    public StyleCatalog(Func<string, string?>? environment = null, string? currentDirectory = null)
    {
        _env = environment ?? Environment.GetEnvironmentVariable;
        _currentDirectory = currentDirectory ?? Environment.CurrentDirectory;
    }

    /// <summary>The user styles folder (may not exist).</summary>
    public string UserStylesFolder
    {
        get
        {
            if (_env("SOURCECHECK_STYLES") is { Length: > 0 } explicitDir)
            {
                return explicitDir;
            }

            string? config = _env("XDG_CONFIG_HOME");
            if (string.IsNullOrEmpty(config))
            {
                string home = _env("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                config = Path.Combine(home, ".config");
            }

            return Path.Combine(config, "sourcecheck", "styles");
        }
    }

    /// <summary>Style XML and where it came from, or null when nothing matches.</summary>
    public (string Xml, string Source)? FindStyle(string nameOrPath)
    {
        if (nameOrPath.EndsWith(".csl", StringComparison.OrdinalIgnoreCase) || nameOrPath.Contains('/') || nameOrPath.Contains('\\'))
        {
            string full = Path.GetFullPath(nameOrPath, _currentDirectory);
            if (File.Exists(full))
            {
                return (InputLimits.ReadAllText(full, InputLimits.MaxStyleBytes), nameOrPath);
            }

            if (nameOrPath.Contains('/') || nameOrPath.Contains('\\'))
            {
                return null;
            }

            nameOrPath = Path.GetFileNameWithoutExtension(nameOrPath);
        }

        string name = ShortNames.GetValueOrDefault(nameOrPath, nameOrPath);
        foreach (var candidate in new[] { nameOrPath, name }.Distinct(StringComparer.Ordinal))
        {
            string user = Path.Combine(UserStylesFolder, candidate + ".csl");
            if (File.Exists(user))
            {
                return (InputLimits.ReadAllText(user, InputLimits.MaxStyleBytes), user);
            }
        }

        foreach (var candidate in new[] { nameOrPath, name }.Distinct(StringComparer.Ordinal))
        {
            if (EmbeddedLocales.GetStyle(candidate) is { } xml)
            {
                return (xml, "embedded:" + candidate);
            }
        }

        return null;
    }

    /// <summary>Locale XML by tag: user folder (<c>locales/locales-xx-XX.xml</c> beside the styles), then embedded.</summary>
    public string? FindLocale(string tag)
    {
        string user = Path.Combine(UserStylesFolder, "locales", $"locales-{tag}.xml");
        if (File.Exists(user))
        {
            return InputLimits.ReadAllText(user, InputLimits.MaxStyleBytes);
        }

        return EmbeddedLocales.Get(tag);
    }

    /// <summary>A locale provider reading locale files from a folder (for example the official csl-locales checkout).</summary>
    public static Func<string, string?> FolderLocales(string folder) => tag =>
    {
        string p = Path.Combine(folder, $"locales-{tag}.xml");
        return File.Exists(p) ? InputLimits.ReadAllText(p, InputLimits.MaxStyleBytes) : null;
    };
}
