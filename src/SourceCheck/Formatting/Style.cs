using System.Collections.Immutable;
using System.Reflection;
using SourceCheck.Diagnostics;

namespace SourceCheck.Formatting;

/// <summary>A parsed, compiled CSL 1.0.2 style: an immutable tree of rendering elements with macros resolved to
/// direct references. Safe to share across threads.</summary>
internal sealed class Style
{
    public string? Title { get; init; }

    /// <summary>The name of the style's file or input (in diagnostics found while formatting), or null.</summary>
    public string? Source { get; init; }

    /// <summary>"in-text" or "note".</summary>
    public string Class { get; init; } = "in-text";

    public bool IsNote => Class == "note";

    public string? DefaultLocale { get; init; }

    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public NameOptions Names { get; init; } = NameOptions.Empty;

    public string? NamesDelimiter { get; init; }

    public required Section Citation { get; init; }

    public Section? Bibliography { get; init; }

    public ImmutableArray<LocaleData> Locales { get; init; } = [];

    public ImmutableDictionary<string, Macro> Macros { get; init; } = ImmutableDictionary<string, Macro>.Empty;

    public string? Opt(string name) => Options.TryGetValue(name, out var v) ? v : null;

    public string DemoteNonDroppingParticle => Opt("demote-non-dropping-particle") ?? "display-and-sort";

    public bool InitializeWithHyphen => Opt("initialize-with-hyphen") != "false";

    public string? PageRangeFormat => Opt("page-range-format");

    /// <summary>Parses CSL XML. Every problem is reported (with line and column); the value is null when there are errors.
    /// <paramref name="parentResolver"/> returns the XML of an independent parent style for a dependent style's link href.</summary>
    public static ParseResult<Style> Parse(string xml, string? source = null, Func<string, string?>? parentResolver = null) =>
        StyleParser.ParseStyle(xml, source, parentResolver);

    internal Style WithDefaultLocale(string locale) => new()
    {
        Title = Title,
        Class = Class,
        DefaultLocale = locale,
        Options = Options,
        Names = Names,
        NamesDelimiter = NamesDelimiter,
        Citation = Citation,
        Bibliography = Bibliography,
        Locales = Locales,
        Macros = Macros,
    };

    // ------------------------------------------------------------------ locales

    /// <summary>Builds the locale for <paramref name="lang"/> (or the style's default-locale, or en-US): in-style
    /// &lt;locale&gt; overrides first, then locale files found by <paramref name="localeProvider"/> (the language,
    /// its primary dialect, en-US). The provider returns locale XML for a tag such as "de-DE", or null.</summary>
    public Locale ResolveLocale(string? lang, Func<string, string?>? localeProvider = null)
    {
        lang ??= DefaultLocale ?? "en-US";
        localeProvider ??= EmbeddedLocales.Get;
        string primary = lang.Split('-')[0];
        var chain = new List<LocaleData>();
        foreach (var l in Locales.Where(l => string.Equals(l.Lang, lang, StringComparison.OrdinalIgnoreCase)))
        {
            chain.Add(l);
        }

        if (!string.Equals(primary, lang, StringComparison.OrdinalIgnoreCase))
        {
            chain.AddRange(Locales.Where(l => string.Equals(l.Lang, primary, StringComparison.OrdinalIgnoreCase)));
        }

        chain.AddRange(Locales.Where(l => l.Lang is null));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in new[] { lang, EmbeddedLocales.PrimaryDialect(primary), "en-US" })
        {
            if (tag is null || !seen.Add(tag))
            {
                continue;
            }

            var data = EmbeddedLocales.Load(tag, localeProvider);
            if (data is not null)
            {
                chain.Add(data);
            }
        }

        if (chain.Count == 0)
        {
            chain.Add(new LocaleData { Lang = "en-US" });
        }

        return new Locale(lang, chain);
    }
}

/// <summary>Locale files shipped as embedded resources (<c>styles/locales/locales-xx-XX.xml</c>), parsed once.</summary>
internal static class EmbeddedLocales
{
    private static readonly Dictionary<string, LocaleData?> Cache = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Lock Gate = new();

    private static readonly Dictionary<string, string> Dialects = new(StringComparer.OrdinalIgnoreCase)
    {
        ["af"] = "af-ZA", ["ar"] = "ar", ["bg"] = "bg-BG", ["ca"] = "ca-AD", ["cs"] = "cs-CZ", ["cy"] = "cy-GB",
        ["da"] = "da-DK", ["de"] = "de-DE", ["el"] = "el-GR", ["en"] = "en-US", ["es"] = "es-ES", ["et"] = "et-EE",
        ["eu"] = "eu", ["fa"] = "fa-IR", ["fi"] = "fi-FI", ["fr"] = "fr-FR", ["he"] = "he-IL", ["hr"] = "hr-HR",
        ["hu"] = "hu-HU", ["id"] = "id-ID", ["is"] = "is-IS", ["it"] = "it-IT", ["ja"] = "ja-JP", ["km"] = "km-KH",
        ["ko"] = "ko-KR", ["la"] = "la", ["lt"] = "lt-LT", ["lv"] = "lv-LV", ["mn"] = "mn-MN", ["nb"] = "nb-NO",
        ["nl"] = "nl-NL", ["nn"] = "nn-NO", ["pl"] = "pl-PL", ["pt"] = "pt-PT", ["ro"] = "ro-RO", ["ru"] = "ru-RU",
        ["sk"] = "sk-SK", ["sl"] = "sl-SI", ["sr"] = "sr-RS", ["sv"] = "sv-SE", ["th"] = "th-TH", ["tr"] = "tr-TR",
        ["uk"] = "uk-UA", ["vi"] = "vi-VN", ["zh"] = "zh-CN",
    };

    public static string? PrimaryDialect(string primary) => Dialects.GetValueOrDefault(primary);

    /// <summary>The embedded locale XML for a tag, or null.</summary>
    public static string? Get(string tag) => ReadResource($"styles/locales/locales-{tag}.xml");

    /// <summary>The embedded style XML for a name (apa, mla, …), or null.</summary>
    public static string? GetStyle(string name) => ReadResource($"styles/{name}.csl");

    public static IReadOnlyList<string> StyleNames() =>
        [.. typeof(EmbeddedLocales).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("styles/", StringComparison.Ordinal) && n.EndsWith(".csl", StringComparison.Ordinal) && n.IndexOf('/', 7) < 0)
            .Select(n => n[7..^4]).Order(StringComparer.Ordinal)];

    private static string? ReadResource(string name)
    {
        using var stream = typeof(EmbeddedLocales).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static LocaleData? Load(string tag, Func<string, string?> provider)
    {
        if (ReferenceEquals(provider, (Func<string, string?>)Get) || provider.Method == ((Func<string, string?>)Get).Method)
        {
            lock (Gate)
            {
                if (Cache.TryGetValue(tag, out var cached))
                {
                    return cached;
                }

                var loaded = Parse(provider(tag));
                Cache[tag] = loaded;
                return loaded;
            }
        }

        return Parse(provider(tag));
    }

    private static LocaleData? Parse(string? xml) => xml is null ? null : LocaleData.Parse(xml).Value;

    internal static Assembly Assembly => typeof(EmbeddedLocales).Assembly;
}
