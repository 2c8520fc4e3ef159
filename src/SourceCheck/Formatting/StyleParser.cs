using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Formatting;

/// <summary>Reads CSL XML into the typed element tree, collecting every problem as a diagnostic.</summary>
internal sealed class StyleParser
{
    private readonly List<Diagnostic> _diags;
    private readonly string? _source;
    private readonly Dictionary<string, Macro> _macros = new(StringComparer.Ordinal);
    private readonly List<(TextElement Text, int Line, int Column)> _macroRefs = [];

    private StyleParser(List<Diagnostic> diags, string? source)
    {
        _diags = diags;
        _source = source;
    }

    public static XDocument LoadXml(string xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 64L * 1024 * 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using (var scan = XmlReader.Create(new StringReader(xml), settings))
        {
            // A linear pre-pass: nesting deeper than MaxNesting is refused before any tree is built or walked.
            while (scan.Read())
            {
                if (scan.NodeType == XmlNodeType.Element && scan.Depth >= MaxNesting)
                {
                    var li = (IXmlLineInfo)scan;
                    throw new XmlException($"elements nested deeper than {MaxNesting} levels", null, li.LineNumber, li.LinePosition);
                }
            }
        }

        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
    }

    private static (int Line, int Col) Pos(XObject o) => o is IXmlLineInfo li && li.HasLineInfo() ? (li.LineNumber, li.LinePosition) : (0, 0);

    private void Error(XObject at, string code, string message, Severity severity = Severity.Error)
    {
        var (l, c) = Pos(at);
        _diags.Add(new Diagnostic(code, severity, new TextSpan(0, 0, l, c), message, _source));
    }

    public static ParseResult<Style> ParseStyle(string xml, string? source, Func<string, string?>? parentResolver)
    {
        var diags = new List<Diagnostic>();
        XDocument doc;
        try
        {
            doc = LoadXml(xml);
        }
        catch (XmlException ex)
        {
            diags.Add(new Diagnostic(DiagnosticCodes.CslXmlSyntax, Severity.Error, new TextSpan(0, 0, ex.LineNumber, ex.LinePosition), ex.Message, source));
            return ParseResult<Style>.Fail(diags);
        }

        var root = doc.Root!;
        var p = new StyleParser(diags, source);
        if (root.Name.LocalName != "style")
        {
            p.Error(root, DiagnosticCodes.CslUnknownElement, $"root element is <{root.Name.LocalName}>, expected <style>");
            return ParseResult<Style>.Fail(diags);
        }

        // dependent style
        var parentLink = root.Elements().FirstOrDefault(e => e.Name.LocalName == "info")?.Elements()
            .FirstOrDefault(e => e.Name.LocalName == "link" && (string?)e.Attribute("rel") == "independent-parent");
        bool hasCitation = root.Elements().Any(e => e.Name.LocalName == "citation");
        if (parentLink is not null && !hasCitation)
        {
            string href = (string?)parentLink.Attribute("href") ?? string.Empty;
            string? parentXml = parentResolver?.Invoke(href);
            if (parentXml is null)
            {
                p.Error(parentLink, DiagnosticCodes.CslMissingParent, $"dependent style: independent parent '{href}' could not be resolved");
                return ParseResult<Style>.Fail(diags);
            }

            var parent = ParseStyle(parentXml, href, null);
            if (parent.Value is null)
            {
                return ParseResult<Style>.Fail([.. diags, .. parent.Diagnostics]);
            }

            string? locale = (string?)root.Attribute("default-locale");
            var style = locale is null ? parent.Value : parent.Value.WithDefaultLocale(locale);
            return new ParseResult<Style>(style, [.. diags, .. parent.Diagnostics]);
        }

        var result = p.Build(root);
        return new ParseResult<Style>(diags.Any(d => d.Severity == Severity.Error) ? null : result, diags);
    }

    private static readonly HashSet<string> StyleAttrs =
    [
        "class", "version", "default-locale", "demote-non-dropping-particle", "initialize-with-hyphen", "page-range-format",
    ];

    private Style Build(XElement root)
    {
        string cls = (string?)root.Attribute("class") ?? "in-text";
        if (cls is not ("in-text" or "note"))
        {
            Error(root.Attribute("class")!, DiagnosticCodes.CslBadAttributeValue, $"class=\"{cls}\": expected in-text or note");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in root.Attributes())
        {
            if (!a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.None)
            {
                options[a.Name.LocalName] = a.Value;
            }
        }

        CheckEnum(root, "demote-non-dropping-particle", "never", "sort-only", "display-and-sort");
        CheckEnum(root, "page-range-format", "chicago", "chicago-15", "chicago-16", "expanded", "minimal", "minimal-two");
        var styleNames = ReadNameOptions(root, inherit: true);

        // macros first (declare), then bodies
        var macroEls = root.Elements().Where(e => e.Name.LocalName == "macro").ToList();
        foreach (var m in macroEls)
        {
            string name = (string?)m.Attribute("name") ?? string.Empty;
            if (name.Length == 0)
            {
                Error(m, DiagnosticCodes.CslMissingAttribute, "<macro> without a name");
                continue;
            }

            if (_macros.ContainsKey(name))
            {
                Error(m, DiagnosticCodes.CslDuplicateMacro, $"macro '{name}' is defined twice", Severity.Warning);
                continue;
            }

            _macros[name] = new Macro { Name = name };
        }

        foreach (var m in macroEls)
        {
            string name = (string?)m.Attribute("name") ?? string.Empty;
            if (_macros.TryGetValue(name, out var macro) && macro.Children.IsEmpty)
            {
                macro.Children = ParseChildren(m);
                macro.HasDate = m.Descendants().Any(e => e.Name.LocalName == "date");
            }
        }

        var locales = new List<LocaleData>();
        Section? citation = null, bibliography = null;
        string? info = null;
        foreach (var el in root.Elements())
        {
            switch (el.Name.LocalName)
            {
                case "info":
                    info = el.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value;
                    break;
                case "macro":
                    break;
                case "locale":
                    locales.Add(LocaleData.FromXml(el, _diags, _source));
                    break;
                case "citation":
                    citation = ParseSection(el, isCitation: true);
                    break;
                case "bibliography":
                    bibliography = ParseSection(el, isCitation: false);
                    break;
                default:
                    Error(el, DiagnosticCodes.CslUnknownElement, $"unknown element <{el.Name.LocalName}> in <style>");
                    break;
            }
        }

        if (citation is null)
        {
            Error(root, DiagnosticCodes.CslMissingElement, "style has no <citation> element");
        }

        foreach (var (text, line, col) in _macroRefs)
        {
            if (_macros.TryGetValue(text.Name, out var macro))
            {
                text.Macro = macro;
            }
            else
            {
                _diags.Add(new Diagnostic(DiagnosticCodes.CslMissingMacro, Severity.Error, new TextSpan(0, 0, line, col), $"macro '{text.Name}' is not defined", _source));
            }
        }

        CheckMacroRecursion(citation, bibliography);

        return new Style
        {
            Title = info,
            Source = _source,
            Class = cls,
            DefaultLocale = (string?)root.Attribute("default-locale"),
            Options = options,
            Names = styleNames,
            NamesDelimiter = (string?)root.Attribute("names-delimiter"),
            Citation = citation ?? new Section { Layouts = [new Layout()] },
            Bibliography = bibliography,
            Locales = [.. locales],
            Macros = _macros.ToImmutableDictionary(),
        };
    }

    /// <summary>Deepest element nesting in a style or locale file (deeper files get SC3001 at the element that passes it).</summary>
    public const int MaxNesting = 64;

    /// <summary>At most this many elements when every macro call is expanded (the citation and bibliography layouts
    /// each, and any one macro): a "billion laughs" through macros that call the next one twice is refused (SC3012).
    /// The largest official style expands to a few thousand.</summary>
    public const long MaxExpandedElements = 200_000;

    /// <summary>Deepest nesting when macro calls are expanded (element depth plus macro chains; SC3012 beyond).</summary>
    public const int MaxExpandedDepth = 256;

    /// <summary>Macro recursion (SC3008), expansion size and expanded depth (SC3012), all without recursion that
    /// the style controls: macros are visited with an explicit stack, children of one macro with a bounded walk
    /// (element nesting is at most <see cref="MaxNesting"/>).</summary>
    private void CheckMacroRecursion(Section? citation, Section? bibliography)
    {
        var calls = new Dictionary<Macro, List<(Macro Callee, int Depth)>>();
        var own = new Dictionary<Macro, (long Size, int Depth)>();
        foreach (var m in _macros.Values)
        {
            var list = new List<(Macro, int)>();
            own[m] = Walk(m.Children, list);
            calls[m] = list;
        }

        var size = new Dictionary<Macro, long>();
        var depth = new Dictionary<Macro, int>();
        var state = new Dictionary<Macro, int>();
        foreach (var start in _macros.Values)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            var stack = new Stack<(Macro M, int Next)>();
            stack.Push((start, 0));
            state[start] = 1;
            while (stack.Count > 0)
            {
                var (m, next) = stack.Pop();
                var callees = calls[m];
                if (next < callees.Count)
                {
                    stack.Push((m, next + 1));
                    var callee = callees[next].Callee;
                    if (!state.TryGetValue(callee, out int st))
                    {
                        state[callee] = 1;
                        stack.Push((callee, 0));
                    }
                    else if (st == 1)
                    {
                        _diags.Add(new Diagnostic(DiagnosticCodes.CslMacroRecursion, Severity.Error, TextSpan.Empty,
                            $"macro '{callee.Name}' calls itself (directly or through other macros)", _source));
                        return;
                    }

                    continue;
                }

                state[m] = 2;
                long total = own[m].Size;
                int deepest = own[m].Depth;
                foreach (var (callee, at) in callees)
                {
                    total = Math.Min(long.MaxValue / 4, total + size[callee]);
                    deepest = Math.Max(deepest, at + depth[callee]);
                }

                size[m] = total;
                depth[m] = deepest;
                if (total > MaxExpandedElements || deepest > MaxExpandedDepth)
                {
                    _diags.Add(new Diagnostic(DiagnosticCodes.CslExpansionBudget, Severity.Error, TextSpan.Empty,
                        total > MaxExpandedElements
                            ? $"macro '{m.Name}' expands to more than {MaxExpandedElements:N0} elements (macros calling macros several times)"
                            : $"macro '{m.Name}' nests deeper than {MaxExpandedDepth} levels when its macro calls are expanded", _source));
                    return;
                }
            }
        }

        foreach (var (section, name) in new[] { (citation, "citation"), (bibliography, "bibliography") })
        {
            foreach (var layout in section?.Layouts ?? [])
            {
                var list = new List<(Macro, int)>();
                var (total, deepest) = Walk(layout.Children, list);
                foreach (var (callee, at) in list)
                {
                    total = Math.Min(long.MaxValue / 4, total + size.GetValueOrDefault(callee));
                    deepest = Math.Max(deepest, at + depth.GetValueOrDefault(callee));
                }

                if (total > MaxExpandedElements || deepest > MaxExpandedDepth)
                {
                    _diags.Add(new Diagnostic(DiagnosticCodes.CslExpansionBudget, Severity.Error, TextSpan.Empty,
                        $"the {name} layout expands to more than {MaxExpandedElements:N0} elements or {MaxExpandedDepth} levels", _source));
                    return;
                }
            }
        }

        // Elements in a list (with their nesting), and the macros called with the depth of the call.
        static (long Size, int Depth) Walk(ImmutableArray<Element> root, List<(Macro, int)> called)
        {
            long count = 0;
            int deepest = 0;
            var work = new Stack<(ImmutableArray<Element> Els, int Depth)>();
            work.Push((root, 1));
            while (work.Count > 0)
            {
                var (els, d) = work.Pop();
                foreach (var e in els)
                {
                    count++;
                    deepest = Math.Max(deepest, d);
                    switch (e)
                    {
                        case TextElement { Macro: { } mm }:
                            called.Add((mm, d));
                            break;
                        case GroupElement g:
                            work.Push((g.Children, d + 1));
                            break;
                        case ChooseElement c:
                            foreach (var b in c.Branches)
                            {
                                work.Push((b.Children, d + 2));
                            }

                            break;
                        case NamesElement { Substitute: { } sub }:
                            work.Push((sub, d + 2));
                            break;
                    }
                }
            }

            return (count, deepest);
        }
    }

    private Section ParseSection(XElement el, bool isCitation)
    {
        var opts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in el.Attributes())
        {
            opts[a.Name.LocalName] = a.Value;
        }

        if (isCitation)
        {
            CheckEnum(el, "collapse", "citation-number", "year", "year-suffix", "year-suffix-ranged");
            CheckEnum(el, "givenname-disambiguation-rule", "all-names", "all-names-with-initials", "primary-name", "primary-name-with-initials", "by-cite");
        }
        else
        {
            CheckEnum(el, "second-field-align", "flush", "margin");
            CheckEnum(el, "subsequent-author-substitute-rule", "complete-all", "complete-each", "partial-each", "partial-first");
        }

        var layouts = new List<Layout>();
        var sort = ImmutableArray<SortKey>.Empty;
        foreach (var c in el.Elements())
        {
            switch (c.Name.LocalName)
            {
                case "layout":
                    layouts.Add(new Layout
                    {
                        Children = ParseChildren(c),
                        Decor = ParseDecor(c),
                        Delimiter = (string?)c.Attribute("delimiter"),
                        Locale = (string?)c.Attribute("locale"),
                    });
                    break;
                case "sort":
                    sort = [.. c.Elements().Where(k => k.Name.LocalName == "key").Select(ParseKey).OfType<SortKey>()];
                    break;
                default:
                    Error(c, DiagnosticCodes.CslUnknownElement, $"unknown element <{c.Name.LocalName}> in <{el.Name.LocalName}>");
                    break;
            }
        }

        if (layouts.Count == 0)
        {
            Error(el, DiagnosticCodes.CslMissingElement, $"<{el.Name.LocalName}> has no <layout>");
            layouts.Add(new Layout());
        }

        // layouts with a locale attribute come first in the file? the one without is the default: put it first
        layouts.Sort((a, b) => (a.Locale is null ? 0 : 1).CompareTo(b.Locale is null ? 0 : 1));
        return new Section
        {
            Layouts = [.. layouts],
            Sort = sort,
            Options = opts,
            Names = ReadNameOptions(el, inherit: true),
            NamesDelimiter = (string?)el.Attribute("names-delimiter"),
        };
    }

    private SortKey? ParseKey(XElement k)
    {
        string? variable = (string?)k.Attribute("variable");
        string? macroName = (string?)k.Attribute("macro");
        Macro? macro = null;
        if (macroName is not null)
        {
            if (!_macros.TryGetValue(macroName, out macro))
            {
                Error(k, DiagnosticCodes.CslMissingMacro, $"macro '{macroName}' is not defined");
                return null;
            }
        }
        else if (variable is null)
        {
            Error(k, DiagnosticCodes.CslMissingAttribute, "<key> needs a variable or a macro attribute");
            return null;
        }

        CheckEnum(k, "sort", "ascending", "descending");
        return new SortKey(variable, macro, (string?)k.Attribute("sort") == "descending",
            Int(k, "names-min"), Int(k, "names-use-first"), Bool(k, "names-use-last"));
    }

    private ImmutableArray<Element> ParseChildren(XElement parent)
    {
        var list = ImmutableArray.CreateBuilder<Element>();
        foreach (var c in parent.Elements())
        {
            var e = ParseElement(c);
            if (e is not null)
            {
                list.Add(e);
            }
        }

        return list.ToImmutable();
    }

    private Element? ParseElement(XElement el)
    {
        int line = Pos(el).Line;
        switch (el.Name.LocalName)
        {
            case "text":
                return ParseText(el, line);
            case "number":
            {
                string? v = (string?)el.Attribute("variable");
                if (v is null)
                {
                    Error(el, DiagnosticCodes.CslMissingAttribute, "<number> needs a variable attribute");
                    return null;
                }

                CheckEnum(el, "form", "numeric", "ordinal", "long-ordinal", "roman");
                return new NumberElement
                {
                    Variable = v,
                    Form = (string?)el.Attribute("form") switch
                    {
                        "ordinal" => NumberForm.Ordinal,
                        "long-ordinal" => NumberForm.LongOrdinal,
                        "roman" => NumberForm.Roman,
                        _ => NumberForm.Numeric,
                    },
                    Decor = ParseDecor(el),
                    Line = line,
                };
            }

            case "label":
                return ParseLabel(el, line);
            case "date":
                return ParseDate(el, inLocale: false);
            case "names":
                return ParseNames(el, line);
            case "group":
                return new GroupElement { Children = ParseChildren(el), Delimiter = (string?)el.Attribute("delimiter"), Decor = ParseDecor(el), Line = line };
            case "choose":
                return ParseChoose(el, line);
            default:
                Error(el, DiagnosticCodes.CslUnknownElement, $"unknown rendering element <{el.Name.LocalName}>");
                return null;
        }
    }

    private static Decor WithoutTextCase(Decor d) => d.TextCase == TextCase.None ? d : d with { TextCase = TextCase.None };

    private TextElement? ParseText(XElement el, int line)
    {
        var decor = ParseDecor(el);
        CheckEnum(el, "form", "long", "short", "verb", "verb-short", "symbol");
        var form = ParseTermForm((string?)el.Attribute("form"));
        if (el.Attribute("variable") is { } v)
        {
            return new TextElement { Source = TextSource.Variable, Name = v.Value, Form = form, Decor = decor, Line = line };
        }

        if (el.Attribute("macro") is { } m)
        {
            // citeproc-js applies no text-case given on <text macro> (nor on cs:names): "the life of birds" stays as it
            // is under text-case="title"/"uppercase", names under "uppercase" (node scripts, citeproc-js 2.4.63)
            var t = new TextElement { Source = TextSource.Macro, Name = m.Value, Decor = WithoutTextCase(decor), Line = line };
            var (l, c) = Pos(m);
            _macroRefs.Add((t, l, c));
            return t;
        }

        if (el.Attribute("term") is { } term)
        {
            return new TextElement { Source = TextSource.Term, Name = term.Value, Form = form, PluralTerm = (string?)el.Attribute("plural") == "true", Decor = decor, Line = line };
        }

        if (el.Attribute("value") is { } val)
        {
            return new TextElement { Source = TextSource.Value, Name = val.Value, Decor = decor, Line = line };
        }

        Error(el, DiagnosticCodes.CslMissingAttribute, "<text> needs one of variable, macro, term or value");
        return null;
    }

    private LabelElement ParseLabel(XElement el, int line)
    {
        CheckEnum(el, "form", "long", "short", "verb", "verb-short", "symbol");
        CheckEnum(el, "plural", "contextual", "always", "never");
        return new LabelElement
        {
            Variable = (string?)el.Attribute("variable") ?? string.Empty,
            Form = ParseTermForm((string?)el.Attribute("form")),
            Plural = (string?)el.Attribute("plural") switch { "always" => Plural.Always, "never" => Plural.Never, _ => Plural.Contextual },
            Decor = ParseDecor(el),
            Line = line,
        };
    }

    internal static DateElement? ParseDateStatic(XElement el, List<Diagnostic> diags, string? source, bool inLocale) =>
        new StyleParser(diags, source).ParseDate(el, inLocale);

    private DateElement? ParseDate(XElement el, bool inLocale)
    {
        string? variable = (string?)el.Attribute("variable");
        if (variable is null && !inLocale)
        {
            Error(el, DiagnosticCodes.CslMissingAttribute, "<date> needs a variable attribute");
            return null;
        }

        CheckEnum(el, "form", "text", "numeric");
        CheckEnum(el, "date-parts", "year-month-day", "year-month", "year");
        var parts = ImmutableArray.CreateBuilder<DatePart>();
        foreach (var dp in el.Elements())
        {
            if (dp.Name.LocalName != "date-part")
            {
                Error(dp, DiagnosticCodes.CslUnknownElement, $"unknown element <{dp.Name.LocalName}> in <date>");
                continue;
            }

            string name = (string?)dp.Attribute("name") ?? string.Empty;
            if (name is not ("year" or "month" or "day"))
            {
                Error(dp, DiagnosticCodes.CslBadAttributeValue, $"date-part name=\"{name}\": expected year, month or day");
                continue;
            }

            string? form = (string?)dp.Attribute("form");
            if (form is not null && form is not ("numeric" or "numeric-leading-zeros" or "ordinal" or "long" or "short"))
            {
                Error(dp, DiagnosticCodes.CslBadAttributeValue, $"date-part form=\"{form}\" is not valid");
            }

            parts.Add(new DatePart
            {
                Name = name switch { "year" => DatePartName.Year, "month" => DatePartName.Month, _ => DatePartName.Day },
                Form = form switch
                {
                    "numeric" => DatePartForm.Numeric,
                    "numeric-leading-zeros" => DatePartForm.NumericLeadingZeros,
                    "ordinal" => DatePartForm.Ordinal,
                    "long" => DatePartForm.Long,
                    "short" => DatePartForm.Short,
                    _ => DatePartForm.Default,
                },
                RangeDelimiter = (string?)dp.Attribute("range-delimiter"),
                Decor = ParseDecor(dp),
                HasFormAttr = form is not null,
                HasTextCaseAttr = dp.Attribute("text-case") is not null,
                HasPrefix = dp.Attribute("prefix") is not null,
                HasSuffix = dp.Attribute("suffix") is not null,
            });
        }

        return new DateElement
        {
            Variable = variable ?? string.Empty,
            Form = (string?)el.Attribute("form"),
            PartsLimit = (string?)el.Attribute("date-parts") switch { "year" => 1, "year-month" => 2, _ => 3 },
            Parts = parts.ToImmutable(),
            Delimiter = (string?)el.Attribute("delimiter"),
            Decor = ParseDecor(el),
            Line = Pos(el).Line,
        };
    }

    private NamesElement ParseNames(XElement el, int line)
    {
        var vars = ((string?)el.Attribute("variable") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        NameElement? name = null;
        Decor? etAl = null;
        string etAlTerm = "et-al";
        LabelElement? label = null;
        bool labelBefore = false;
        ImmutableArray<Element>? substitute = null;
        foreach (var c in el.Elements())
        {
            switch (c.Name.LocalName)
            {
                case "name":
                {
                    CheckEnum(c, "form", "long", "short", "count");
                    CheckEnum(c, "and", "text", "symbol");
                    CheckEnum(c, "name-as-sort-order", "first", "all");
                    NamePartElement? given = null, family = null;
                    foreach (var np in c.Elements())
                    {
                        if (np.Name.LocalName != "name-part")
                        {
                            Error(np, DiagnosticCodes.CslUnknownElement, $"unknown element <{np.Name.LocalName}> in <name>");
                            continue;
                        }

                        var part = new NamePartElement { Name = (string?)np.Attribute("name") ?? string.Empty, Decor = ParseDecor(np) };
                        if (part.Name == "given")
                        {
                            given = part;
                        }
                        else if (part.Name == "family")
                        {
                            family = part;
                        }
                        else
                        {
                            Error(np, DiagnosticCodes.CslBadAttributeValue, $"name-part name=\"{part.Name}\": expected given or family");
                        }
                    }

                    name = new NameElement { Options = ReadNameOptions(c, inherit: false), Decor = ParseDecor(c), Given = given, Family = family };
                    labelBefore = label is not null;
                    break;
                }

                case "et-al":
                    etAl = ParseDecor(c);
                    etAlTerm = (string?)c.Attribute("term") ?? "et-al";
                    break;
                case "label":
                    label = ParseLabel(c, Pos(c).Line);
                    labelBefore = name is null;
                    break;
                case "substitute":
                    substitute = ParseChildren(c);
                    break;
                default:
                    Error(c, DiagnosticCodes.CslUnknownElement, $"unknown element <{c.Name.LocalName}> in <names>");
                    break;
            }
        }

        return new NamesElement
        {
            Variables = [.. vars],
            Name = name,
            ImplicitName = name is null,
            EtAlDecor = etAl,
            EtAlTerm = etAlTerm,
            Label = label,
            LabelBeforeName = labelBefore && name is not null,
            Substitute = substitute,
            Delimiter = (string?)el.Attribute("delimiter"),
            Decor = WithoutTextCase(ParseDecor(el)),
            Line = line,
        };
    }

    private static readonly HashSet<string> ConditionAttrs =
    [
        "type", "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate",
    ];

    private ChooseElement ParseChoose(XElement el, int line)
    {
        var branches = ImmutableArray.CreateBuilder<ChooseBranch>();
        foreach (var b in el.Elements())
        {
            string n = b.Name.LocalName;
            if (n is not ("if" or "else-if" or "else"))
            {
                Error(b, DiagnosticCodes.CslUnknownElement, $"unknown element <{n}> in <choose>");
                continue;
            }

            var conds = ImmutableArray.CreateBuilder<Condition>();
            foreach (var a in b.Attributes())
            {
                string an = a.Name.LocalName;
                if (ConditionAttrs.Contains(an))
                {
                    conds.Add(new Condition(an, [.. a.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)]));
                }
                else if (an != "match")
                {
                    Error(a, DiagnosticCodes.CslBadAttributeValue, $"unknown condition attribute '{an}' on <{n}>", Severity.Warning);
                }
            }

            CheckEnum(b, "match", "all", "any", "none");
            if (n != "else" && conds.Count == 0)
            {
                Error(b, DiagnosticCodes.CslMissingAttribute, $"<{n}> has no condition");
            }

            branches.Add(new ChooseBranch
            {
                Conditions = conds.ToImmutable(),
                Match = (string?)b.Attribute("match") switch { "any" => MatchMode.Any, "none" => MatchMode.None, _ => MatchMode.All },
                Children = ParseChildren(b),
            });
        }

        return new ChooseElement { Branches = branches.ToImmutable(), Line = line };
    }

    private NameOptions ReadNameOptions(XElement el, bool inherit)
    {
        string? P(string n) => (string?)el.Attribute(n);
        return new NameOptions
        {
            And = P("and"),
            Delimiter = inherit ? P("name-delimiter") : P("delimiter"),
            DelimiterPrecedesEtAl = P("delimiter-precedes-et-al"),
            DelimiterPrecedesLast = P("delimiter-precedes-last"),
            EtAlMin = Int(el, "et-al-min"),
            EtAlUseFirst = Int(el, "et-al-use-first"),
            EtAlUseLast = Bool(el, "et-al-use-last"),
            EtAlSubsequentMin = Int(el, "et-al-subsequent-min"),
            EtAlSubsequentUseFirst = Int(el, "et-al-subsequent-use-first"),
            Initialize = Bool(el, "initialize"),
            InitializeWith = P("initialize-with"),
            NameAsSortOrder = P("name-as-sort-order"),
            SortSeparator = P("sort-separator"),
            Form = inherit ? P("name-form") : P("form"),
        };
    }

    private int? Int(XElement el, string name)
    {
        var a = el.Attribute(name);
        if (a is null)
        {
            return null;
        }

        if (int.TryParse(a.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
        {
            return v;
        }

        Error(a, DiagnosticCodes.CslBadAttributeValue, $"{name}=\"{a.Value}\": expected an integer");
        return null;
    }

    private bool? Bool(XElement el, string name)
    {
        var a = el.Attribute(name);
        if (a is null)
        {
            return null;
        }

        if (a.Value is "true" or "false")
        {
            return a.Value == "true";
        }

        Error(a, DiagnosticCodes.CslBadAttributeValue, $"{name}=\"{a.Value}\": expected true or false");
        return null;
    }

    private void CheckEnum(XElement el, string attr, params string[] allowed)
    {
        var a = el.Attribute(attr);
        if (a is not null && Array.IndexOf(allowed, a.Value) < 0)
        {
            Error(a, DiagnosticCodes.CslBadAttributeValue, $"{attr}=\"{a.Value}\" on <{el.Name.LocalName}>: expected one of {string.Join(", ", allowed)}");
        }
    }

    internal static TermForm ParseTermForm(string? s) => s switch
    {
        "short" => TermForm.Short,
        "verb" => TermForm.Verb,
        "verb-short" => TermForm.VerbShort,
        "symbol" => TermForm.Symbol,
        _ => TermForm.Long,
    };

    private Decor ParseDecor(XElement el)
    {
        if (!el.HasAttributes)
        {
            return Decor.None;
        }

        CheckEnum(el, "font-style", "normal", "italic", "oblique");
        CheckEnum(el, "font-variant", "normal", "small-caps");
        CheckEnum(el, "font-weight", "normal", "bold", "light");
        CheckEnum(el, "text-decoration", "none", "underline");
        CheckEnum(el, "vertical-align", "baseline", "sup", "sub");
        CheckEnum(el, "display", "block", "left-margin", "right-inline", "indent");
        CheckEnum(el, "text-case", "lowercase", "uppercase", "capitalize-first", "capitalize-all", "sentence", "title");
        var f = new Formatting(
            (string?)el.Attribute("font-style") switch { "italic" => FontStyle.Italic, "oblique" => FontStyle.Oblique, "normal" => FontStyle.Normal, _ => FontStyle.Unset },
            (string?)el.Attribute("font-variant") switch { "small-caps" => FontVariant.SmallCaps, "normal" => FontVariant.Normal, _ => FontVariant.Unset },
            (string?)el.Attribute("font-weight") switch { "bold" => FontWeight.Bold, "light" => FontWeight.Light, "normal" => FontWeight.Normal, _ => FontWeight.Unset },
            (string?)el.Attribute("text-decoration") switch { "underline" => TextDecoration.Underline, "none" => TextDecoration.None, _ => TextDecoration.Unset },
            (string?)el.Attribute("vertical-align") switch { "sup" => VerticalAlign.Sup, "sub" => VerticalAlign.Sub, "baseline" => VerticalAlign.Baseline, _ => VerticalAlign.Unset });
        var d = new Decor
        {
            Format = f,
            Prefix = (string?)el.Attribute("prefix"),
            Suffix = (string?)el.Attribute("suffix"),
            Display = (string?)el.Attribute("display") switch
            {
                "block" => DisplayMode.Block,
                "left-margin" => DisplayMode.LeftMargin,
                "right-inline" => DisplayMode.RightInline,
                "indent" => DisplayMode.Indent,
                _ => DisplayMode.None,
            },
            Quotes = (string?)el.Attribute("quotes") == "true",
            StripPeriods = (string?)el.Attribute("strip-periods") == "true",
            TextCase = (string?)el.Attribute("text-case") switch
            {
                "lowercase" => TextCase.Lowercase,
                "uppercase" => TextCase.Uppercase,
                "capitalize-first" => TextCase.CapitalizeFirst,
                "capitalize-all" => TextCase.CapitalizeAll,
                "sentence" => TextCase.Sentence,
                "title" => TextCase.Title,
                _ => TextCase.None,
            },
        };
        return d.Format.IsEmpty && d.Prefix is null && d.Suffix is null && d.Display == DisplayMode.None && !d.Quotes && !d.StripPeriods && d.TextCase == TextCase.None
            ? Decor.None
            : d;
    }
}
