using System.Text.RegularExpressions;
using System.Xml;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Formatting;

/// <summary>One style of a catalogue: its file name without <c>.csl</c>, title, id, and parent id for dependent styles.</summary>
public sealed record StyleInfo(string Name, string Title, string? Id, string? Parent, string Path)
{
    /// <summary>True for a dependent style (it names a parent style and uses the parent's layout).</summary>
    public bool IsDependent => Parent is not null;
}

/// <summary>Finds styles and locales: a path to a .csl file, the user styles folder
/// (<c>$SOURCECHECK_STYLES</c>, else <c>$XDG_CONFIG_HOME/sourcecheck/styles</c>, else <c>~/.config/sourcecheck/styles</c>),
/// the styles embedded in the library (<c>apa</c>, <c>mla</c>, <c>chicago</c>, <c>ieee</c>, <c>harvard</c>, <c>din</c>),
/// then the official CSL repository installed on the machine (<c>$SOURCECHECK_CSL_STYLES</c>, else Debian's
/// <c>/usr/share/citation-style-language/styles</c>, with dependent styles in <c>dependent/</c>), by file name, id or title.
/// Locales: the user folder, <c>$SOURCECHECK_CSL_LOCALES</c> (else <c>/usr/share/citation-style-language/locales</c>)
/// and the embedded ones.</summary>
public sealed class StyleCatalog
{
    /// <summary>Where Debian's citation-style-language-styles package puts the official styles.</summary>
    public const string DebianStyles = "/usr/share/citation-style-language/styles";

    /// <summary>Where Debian's citation-style-language-locales package puts the official locales.</summary>
    public const string DebianLocales = "/usr/share/citation-style-language/locales";

    /// <summary>Prefix of a <see cref="FindStyle"/> source for a style of the official catalogue.</summary>
    public const string OfficialPrefix = "csl:";

    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chicago"] = "chicago-author-date",
        ["din"] = "din-1505-2",
        ["din-1505"] = "din-1505-2",
    };

    private static readonly Regex NonWord = RegexPolicy.Create(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant);

    private readonly Func<string, string?> _env;
    private readonly string _currentDirectory;
    private IReadOnlyList<StyleInfo>? _official;

    /// <summary>A catalogue of the built-in styles, the user's style folder and, when installed, the official CSL
    /// styles. <paramref name="environment"/> reads environment variables (the process environment when null);
    /// <summary>The names of the styles built into the library (apa, mla, chicago, …), sorted.</summary>
    public static IReadOnlyList<string> BuiltInStyleNames() => EmbeddedLocales.StyleNames();

    /// <paramref name="currentDirectory"/> resolves relative style paths (the process's when null).</summary>
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

    /// <summary>The folder of the official styles (<c>$SOURCECHECK_CSL_STYLES</c>, else Debian's), or null when absent.</summary>
    public string? OfficialStylesFolder => _env("SOURCECHECK_CSL_STYLES") is { Length: > 0 } dir
        ? (Directory.Exists(dir) ? dir : null)
        : (Directory.Exists(DebianStyles) ? DebianStyles : null);

    /// <summary>The folder of the official locales (<c>$SOURCECHECK_CSL_LOCALES</c>, else Debian's), or null when absent.</summary>
    public string? OfficialLocalesFolder => _env("SOURCECHECK_CSL_LOCALES") is { Length: > 0 } dir
        ? (Directory.Exists(dir) ? dir : null)
        : (Directory.Exists(DebianLocales) ? DebianLocales : null);

    /// <summary>Style XML and where it came from, or null when nothing matches. Official styles are found by file name
    /// (<c>nature</c>, <c>vancouver</c>), by id (<c>http://www.zotero.org/styles/apa</c>) or by a title that only one
    /// style has; <see cref="Candidates"/> lists the styles a name could mean.</summary>
    public (string Xml, string Source)? FindStyle(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (IsStyleId(nameOrPath))
        {
            return FindOfficialById(nameOrPath.Trim());
        }

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

        if (nameOrPath.StartsWith(OfficialPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return FindOfficial(nameOrPath[OfficialPrefix.Length..]);
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

        return FindOfficial(nameOrPath);
    }

    /// <summary>An official style by file name, then by title (case-insensitive, punctuation ignored), when exactly one
    /// style matches.</summary>
    private (string Xml, string Source)? FindOfficial(string name)
    {
        if (OfficialStylesFolder is not { } dir || name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        string file = name.ToLowerInvariant();
        foreach (var path in new[] { Path.Combine(dir, file + ".csl"), Path.Combine(dir, "dependent", file + ".csl") })
        {
            if (File.Exists(path))
            {
                return (InputLimits.ReadAllText(path, InputLimits.MaxStyleBytes), path);
            }
        }

        var matches = Candidates(name);
        return matches.Count == 1 ? (InputLimits.ReadAllText(matches[0].Path, InputLimits.MaxStyleBytes), matches[0].Path) : null;
    }

    private (string Xml, string Source)? FindOfficialById(string id)
    {
        string trimmed = id.TrimEnd('/');
        string last = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        if (OfficialStylesFolder is null)
        {
            return null;
        }

        // the file name is the last segment of the id in the official repository; check the id itself to be sure
        foreach (var path in new[] { Path.Combine(OfficialStylesFolder, last + ".csl"), Path.Combine(OfficialStylesFolder, "dependent", last + ".csl") })
        {
            if (File.Exists(path) && ReadInfo(path) is { } info && string.Equals(info.Id?.TrimEnd('/'), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return (InputLimits.ReadAllText(path, InputLimits.MaxStyleBytes), path);
            }
        }

        var byId = OfficialStyles().FirstOrDefault(s => string.Equals(s.Id?.TrimEnd('/'), trimmed, StringComparison.OrdinalIgnoreCase));
        return byId is null ? null : (InputLimits.ReadAllText(byId.Path, InputLimits.MaxStyleBytes), byId.Path);
    }

    private static bool IsStyleId(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The official styles whose file name or title matches <paramref name="name"/>: exact file name, else exact
    /// title (case and punctuation ignored), else titles or names starting with it, else titles holding all its words. Empty without the official catalogue.</summary>
    public IReadOnlyList<StyleInfo> Candidates(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = Normalise(name);
        if (key.Length == 0)
        {
            return [];
        }

        var all = OfficialStyles();
        var exact = all.Where(s => Normalise(s.Name) == key || Normalise(s.Title) == key).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var prefix = all.Where(s => Normalise(s.Title).StartsWith(key + " ", StringComparison.Ordinal) || Normalise(s.Name).StartsWith(key + " ", StringComparison.Ordinal)).ToList();
        if (prefix.Count > 0)
        {
            return prefix;
        }

        // every word of the name as a whole word of the title ("harvard cite them right 12th edition")
        var keyWords = key.Split(' ');
        return [.. all.Where(s =>
        {
            var titleWords = new HashSet<string>(Normalise(s.Title).Split(' '), StringComparer.Ordinal);
            return keyWords.All(titleWords.Contains);
        })];
    }

    /// <summary>Official styles whose name, title or id contain every word (case-insensitive), in file-name order;
    /// all styles for no words.</summary>
    public IReadOnlyList<StyleInfo> Search(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var keys = words.Select(Normalise).Where(k => k.Length > 0).ToList();
        return [.. OfficialStyles().Where(s =>
        {
            string hay = " " + Normalise(s.Name) + " " + Normalise(s.Title) + " ";
            return keys.All(k => hay.Contains(k, StringComparison.Ordinal));
        })];
    }

    /// <summary>Every style of the official catalogue (independent and dependent), by file name; read once per catalogue.</summary>
    public IReadOnlyList<StyleInfo> OfficialStyles()
    {
        if (_official is not null)
        {
            return _official;
        }

        var list = new List<StyleInfo>();
        if (OfficialStylesFolder is { } dir)
        {
            foreach (var folder in new[] { dir, Path.Combine(dir, "dependent") })
            {
                if (!Directory.Exists(folder))
                {
                    continue;
                }

                foreach (var path in Directory.EnumerateFiles(folder, "*.csl"))
                {
                    if (ReadInfo(path) is { } info)
                    {
                        list.Add(info);
                    }
                }
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return _official = list;
    }

    /// <summary>Lower case, every run of punctuation and spaces one space: "Harvard - Cite Them Right" → "harvard cite them right".</summary>
    public static string Normalise(string s) => NonWord.Replace(s.ToLowerInvariant(), " ").Trim();

    /// <summary>Reads title, id and independent-parent link from the <c>&lt;info&gt;</c> of a style, stopping there.</summary>
    public static StyleInfo? ReadInfo(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = 4_000_000 };
            using var reader = XmlReader.Create(path, settings);
            string? title = null, id = null, parent = null;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "info")
                {
                    break;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "title" when title is null && reader.Depth == 2:
                        title = reader.ReadElementContentAsString().Trim();
                        break;
                    case "id" when id is null && reader.Depth == 2:
                        id = reader.ReadElementContentAsString().Trim();
                        break;
                    case "link" when reader.GetAttribute("rel") == "independent-parent":
                        parent = reader.GetAttribute("href");
                        break;
                    case "macro" or "citation" or "bibliography" or "locale":
                        goto done;
                }
            }

        done:
            string name = Path.GetFileNameWithoutExtension(path);
            return new StyleInfo(name, title ?? name, id, parent, path);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Locale XML by tag: user folder (<c>locales/locales-xx-XX.xml</c> beside the styles), then embedded, then
    /// the official locales.</summary>
    public string? FindLocale(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (!IsTag(tag))
        {
            return null;
        }

        if (UserLocale(tag) is { } user)
        {
            return user;
        }

        return EmbeddedLocales.Get(tag) ?? OfficialLocale(tag);
    }

    /// <summary>Locale XML for the official styles: user folder, then the official locales, then embedded (the official
    /// styles are written against the official locale terms).</summary>
    public string? FindOfficialLocale(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (!IsTag(tag))
        {
            return null;
        }

        if (UserLocale(tag) is { } user)
        {
            return user;
        }

        return OfficialLocale(tag) ?? EmbeddedLocales.Get(tag);
    }

    /// <summary>The user folder's locale file for <paramref name="tag"/>, checked before use: a file that is not
    /// well-formed locale XML is reported (SC3013 with file, line and column), never skipped without a word.</summary>
    /// <exception cref="DiagnosticException">The user locale file is broken.</exception>
    private string? UserLocale(string tag)
    {
        string path = Path.Combine(UserStylesFolder, "locales", $"locales-{tag}.xml");
        if (!File.Exists(path))
        {
            return null;
        }

        string xml = InputLimits.ReadAllText(path, InputLimits.MaxStyleBytes);
        var parsed = LocaleData.Parse(xml, path);
        var errors = parsed.Diagnostics.Where(d => d.Severity == Severity.Error)
            .Select(d => new Diagnostic(DiagnosticCodes.CslBadLocale, Severity.Error, d.Span, $"user locale file is not usable: {d.Message}", path))
            .ToList();
        if (errors.Count == 0 && RootName(xml) is { } root && root != "locale")
        {
            errors.Add(new Diagnostic(DiagnosticCodes.CslBadLocale, Severity.Error, new TextSpan(0, 0, 1, 1),
                $"user locale file is not usable: the root element is <{root}>, expected <locale>", path));
        }

        return errors.Count > 0 ? throw new DiagnosticException(errors) : xml;
    }

    private static string? RootName(string xml)
    {
        var doc = StyleParser.LoadXml(xml);
        return doc.Root?.Name.LocalName;
    }

    private string? OfficialLocale(string tag)
    {
        if (OfficialLocalesFolder is not { } dir)
        {
            return null;
        }

        string p = Path.Combine(dir, $"locales-{tag}.xml");
        return File.Exists(p) ? InputLimits.ReadAllText(p, InputLimits.MaxStyleBytes) : null;
    }

    /// <summary>Every locale tag available: embedded, official, user folder and <paramref name="extraFolder"/>, sorted.</summary>
    public IReadOnlyList<string> LocaleTags(string? extraFolder = null)
    {
        var tags = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in typeof(EmbeddedLocales).Assembly.GetManifestResourceNames())
        {
            if (n.StartsWith("styles/locales/locales-", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal))
            {
                tags.Add(n["styles/locales/locales-".Length..^4]);
            }
        }

        foreach (var dir in new[] { OfficialLocalesFolder, Path.Combine(UserStylesFolder, "locales"), extraFolder })
        {
            if (dir is not null && Directory.Exists(dir))
            {
                foreach (var f in Directory.EnumerateFiles(dir, "locales-*.xml"))
                {
                    tags.Add(Path.GetFileNameWithoutExtension(f)["locales-".Length..]);
                }
            }
        }

        return [.. tags];
    }

    /// <summary>The installed locale <paramref name="tag"/> means (see <see cref="MatchLocale"/>), looking also in
    /// <paramref name="extraFolder"/>; null for no tag. Never a silent fallback to English: an unknown tag is a
    /// <see cref="DiagnosticException"/> (SC3011) listing the installed locales.</summary>
    public string? ResolveLocale(string? tag, string? extraFolder = null)
    {
        if (tag is null)
        {
            return null;
        }

        var installed = LocaleTags(extraFolder);
        return MatchLocale(tag.Trim(), installed)
            ?? throw new DiagnosticException([new Diagnostic(DiagnosticCodes.CslLocaleNotFound, Severity.Error, default,
                $"'{tag}': no such locale installed; installed: {string.Join(", ", installed)}")]);
    }

    /// <summary>Why <paramref name="styleName"/> found no style, naming the candidates when the name was ambiguous
    /// ("'x' could mean 2 styles: …" or "'x' not found (give …)").</summary>
    public string NotFoundMessage(string styleName)
    {
        ArgumentNullException.ThrowIfNull(styleName);
        var candidates = Candidates(styleName);
        if (candidates.Count > 1)
        {
            var shown = candidates.Take(10).Select(c => $"{c.Name} ({c.Title})");
            return $"'{styleName}' could mean {candidates.Count} styles: {string.Join("; ", shown)}{(candidates.Count > 10 ? "; …" : string.Empty)}; give the file name";
        }

        string builtIn = string.Join(", ", EmbeddedLocales.StyleNames().DefaultIfEmpty("(none built in)"));
        string official = OfficialStylesFolder is { } dir ? $", an official style in {dir} (`sourcecheck styles WORDS` searches them)" : string.Empty;
        return $"'{styleName}' not found (give a .csl file, a name in {UserStylesFolder}, one of: {builtIn}{official})";
    }

    /// <summary>The installed locale a tag means: the tag itself (any case), or a language's primary dialect
    /// ("de" → "de-DE"); null when no such locale is installed.</summary>
    public static string? MatchLocale(string tag, IReadOnlyList<string> installed)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(installed);
        if (installed.FirstOrDefault(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)) is { } exact)
        {
            return exact;
        }

        return !tag.Contains('-', StringComparison.Ordinal) && EmbeddedLocales.PrimaryDialect(tag) is { } dialect
            && installed.Any(t => string.Equals(t, dialect, StringComparison.OrdinalIgnoreCase))
            ? dialect
            : null;
    }

    private static bool IsTag(string tag) => tag.Length is > 0 and <= 20 && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>A locale provider reading locale files from a folder (for example the official csl-locales checkout).</summary>
    public static Func<string, string?> FolderLocales(string folder) => tag =>
    {
        string p = Path.Combine(folder, $"locales-{tag}.xml");
        return IsTag(tag) && File.Exists(p) ? InputLimits.ReadAllText(p, InputLimits.MaxStyleBytes) : null;
    };
}
