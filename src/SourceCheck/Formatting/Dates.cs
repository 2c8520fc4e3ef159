using System.Collections.Immutable;
using System.Globalization;
using SourceCheck.Csl;

namespace SourceCheck.Formatting;

internal static class Dates
{
    public static RNode? Render(Ctx c, DateElement d)
    {
        c.Called++;
        if (c.Suppressed is not null && c.Suppressed.Contains(d.Variable))
        {
            return null;
        }

        if (c.DisambigMode && d.Variable == "accessed")
        {
            // the access date does not tell cites apart (as citeproc-js: it is left out of the ambiguity test)
            return null;
        }

        var date = c.Item.GetDate(d.Variable);
        if (date is null)
        {
            return null;
        }

        if (date.Parts.IsDefaultOrEmpty || date.Parts[0].Year == 0 && date.Parts[0].Month is null)
        {
            string? lit = date.Literal ?? date.Raw;
            if (lit is null && date.Season is null)
            {
                return null;
            }

            if (lit is null)
            {
                return null;
            }

            c.NonEmpty++;
            return Renderer.Decorate(c, Rich.ParseMarkupNode(lit), d.Decor);
        }

        if (c.SortMode)
        {
            c.NonEmpty++;
            c.Recording?.Add(d.Variable);
            int limit = d.Form is not null ? d.PartsLimit : d.Parts.Any(p => p.Name == DatePartName.Day) ? 3 : d.Parts.Any(p => p.Name == DatePartName.Month) ? 2 : 1;
            string sortString = SortString(date, limit);
            c.SortDates?.Add(sortString);
            return new RText(sortString);
        }

        var parts = EffectiveParts(c, d);
        var start = date.Parts[0];
        DateParts? end = date.Parts.Length > 1 ? date.Parts[1] : null;
        bool openRange = false;
        if (end is { } e0 && (e0.Year == 0 && e0.Month is null or 0 && e0.Day is null or 0))
        {
            end = null;
            openRange = true;
        }

        string? season = date.Season;
        var span = new RSpan();
        var delimiter = d.Form is not null ? c.Locale.DateFormat(d.Form)?.Delimiter : d.Delimiter;
        if (end is { } en && !Equals(Norm(start), Norm(en)) && ShowsDifference(parts, Norm(start), Norm(en), season))
        {
            var endv = Norm(en);
            var startv = Norm(start);
            DatePartName greatest = startv.Year != endv.Year ? DatePartName.Year : startv.Month != endv.Month ? DatePartName.Month : DatePartName.Day;
            var present = parts.Where(p => HasPart(startv, p.Name, season)).ToList();
            int first = present.FindIndex(p => p.Name >= greatest || Rank(p.Name) <= Rank(greatest));
            var rangeIdx = new List<int>();
            for (int i = 0; i < present.Count; i++)
            {
                if (Rank(present[i].Name) <= Rank(greatest))
                {
                    rangeIdx.Add(i);
                }
            }

            int rs = rangeIdx.Count > 0 ? rangeIdx.Min() : 0, re = rangeIdx.Count > 0 ? rangeIdx.Max() : present.Count - 1;
            string rangeDelim = present.FirstOrDefault(p => p.Name == greatest)?.RangeDelimiter ?? "\u2013";
            _ = first;
            for (int i = 0; i < rs; i++)
            {
                Append(span, RenderPart(c, present[i], startv, season, date), delimiter);
            }

            var startGroup = new RSpan();
            for (int i = rs; i <= re; i++)
            {
                var p = present[i];
                if (i == re)
                {
                    p = WithoutSuffix(p);
                }

                Append(startGroup, RenderPart(c, p, startv, season, date), delimiter);
            }

            var endGroup = new RSpan();
            for (int i = rs; i <= re; i++)
            {
                var p = present[i];
                if (i == rs)
                {
                    p = WithoutPrefix(p);
                }

                Append(endGroup, RenderPart(c, p, endv, null, date), delimiter);
            }

            var rangeSpan = new RSpan();
            rangeSpan.Add(startGroup);
            rangeSpan.Add(new RText(rangeDelim));
            rangeSpan.Add(endGroup);
            Append(span, rangeSpan, delimiter);
            for (int i = re + 1; i < present.Count; i++)
            {
                Append(span, RenderPart(c, present[i], startv, season, date), delimiter);
            }
        }
        else
        {
            var sv = Norm(start);
            foreach (var p in parts)
            {
                Append(span, RenderPart(c, p, sv, season, date), delimiter);
            }

            if (openRange && span.Children.Count > 0)
            {
                string rd = parts.LastOrDefault(p => p.Name == DatePartName.Year)?.RangeDelimiter ?? "\u2013";
                span.Children.Add(new RText(rd));
            }
        }

        if (Rich.IsEmpty(span))
        {
            return null;
        }

        c.NonEmpty++;
        c.Recording?.Add(d.Variable);
        return Renderer.Decorate(c, span, d.Decor);
    }

    /// <summary>Whether the parts the element prints include one where start and end differ: a month range within one
    /// year printed with the year alone is that year, not "2025–2025" (as citeproc-js).</summary>
    private static bool ShowsDifference(IReadOnlyList<DatePart> parts, DateParts startv, DateParts endv, string? season)
    {
        DatePartName greatest = startv.Year != endv.Year ? DatePartName.Year : startv.Month != endv.Month ? DatePartName.Month : DatePartName.Day;
        foreach (var p in parts)
        {
            if (Rank(p.Name) <= Rank(greatest) && HasPart(startv, p.Name, season))
            {
                return true;
            }
        }

        return false;
    }

    private static int Rank(DatePartName n) => n switch { DatePartName.Year => 3, DatePartName.Month => 2, _ => 1 };

    private static DateParts Norm(DateParts p) => new(p.Year, p.Month is 0 ? null : p.Month, p.Day is 0 || p.Month is null or 0 ? null : p.Day);

    private static bool HasPart(DateParts v, DatePartName n, string? season) => n switch
    {
        DatePartName.Year => true,
        DatePartName.Month => v.Month is not null || season is not null,
        _ => v.Day is not null,
    };

    private static DatePart WithoutSuffix(DatePart p) => new()
    {
        Name = p.Name, Form = p.Form, RangeDelimiter = p.RangeDelimiter, Decor = p.Decor with { Suffix = null },
    };

    private static DatePart WithoutPrefix(DatePart p) => new()
    {
        Name = p.Name, Form = p.Form, RangeDelimiter = p.RangeDelimiter, Decor = p.Decor with { Prefix = null },
    };

    private static void Append(RSpan span, RNode? node, string? delimiter)
    {
        if (node is null || Rich.IsEmpty(node))
        {
            return;
        }

        if (delimiter is { Length: > 0 } && span.Children.Count > 0)
        {
            span.Children.Add(new RText(delimiter));
        }

        span.Children.Add(node);
    }

    private static ImmutableArray<DatePart> EffectiveParts(Ctx c, DateElement d)
    {
        if (d.Form is null)
        {
            return d.Parts;
        }

        var loc = c.Locale.DateFormat(d.Form);
        if (loc is null)
        {
            return d.Parts;
        }

        // the merge depends only on the style's date element and the locale's date format: done once per pair
        if (MergedParts.TryGetValue(d, out var cached) && ReferenceEquals(cached.Format, loc))
        {
            return cached.Parts;
        }

        var merged = MergeParts(d, loc);
        MergedParts.AddOrUpdate(d, new PartsCache(loc, merged));
        return merged;
    }

    private sealed record PartsCache(DateElement Format, ImmutableArray<DatePart> Parts);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DateElement, PartsCache> MergedParts = new();

    private static ImmutableArray<DatePart> MergeParts(DateElement d, DateElement loc)
    {
        var result = ImmutableArray.CreateBuilder<DatePart>();
        foreach (var lp in loc.Parts)
        {
            if (Rank(lp.Name) < 4 - d.PartsLimit)
            {
                continue;
            }

            var ov = d.Parts.FirstOrDefault(p => p.Name == lp.Name);
            if (ov is null)
            {
                result.Add(lp);
                continue;
            }

            var decor = lp.Decor with
            {
                Format = ov.Decor.Format.IsEmpty ? lp.Decor.Format : ov.Decor.Format,
                TextCase = ov.HasTextCaseAttr ? ov.Decor.TextCase : lp.Decor.TextCase,
                StripPeriods = ov.Decor.StripPeriods || lp.Decor.StripPeriods,
                Prefix = ov.HasPrefix ? ov.Decor.Prefix : lp.Decor.Prefix,
                Suffix = ov.HasSuffix ? ov.Decor.Suffix : lp.Decor.Suffix,
            };
            result.Add(new DatePart
            {
                Name = lp.Name,
                Form = ov.HasFormAttr ? ov.Form : lp.Form,
                RangeDelimiter = ov.RangeDelimiter ?? lp.RangeDelimiter,
                Decor = decor,
            });
        }

        return result.ToImmutable();
    }

    private static RNode? RenderPart(Ctx c, DatePart p, DateParts v, string? season, CslDate date)
    {
        string? text = null;
        switch (p.Name)
        {
            case DatePartName.Year:
                if (v.Year == 0)
                {
                    return null;
                }

                int y = v.Year;
                long ay = Math.Abs((long)y); // a year of int.MinValue (huge negative date parts) has no int magnitude
                if (p.Form == DatePartForm.Short)
                {
                    text = (ay % 100).ToString("D2", CultureInfo.InvariantCulture);
                }
                else
                {
                    text = ay.ToString(CultureInfo.InvariantCulture);
                }

                if (y < 0)
                {
                    text += c.Locale.Term("bc") ?? "BC";
                }
                else if (y < 1000 && p.Form != DatePartForm.Short)
                {
                    text += c.Locale.Term("ad") ?? "AD";
                }

                if (c.ImplicitYearSuffix && !c.YearSuffixRendered && c.State.YearSuffix >= 0 && !c.SortMode)
                {
                    c.YearSuffixRendered = true;
                    string letters = Renderer.YearSuffixLetters(c.State.YearSuffix);
                    if (p.Decor.Prefix is null && p.Decor.Suffix is null)
                    {
                        text += letters;
                    }
                    else
                    {
                        // citeproc-js renders the implicit year suffix with the year part's own token: its affixes
                        // come again around the letters (arachnology, year suffix=":" → "2018:a:")
                        var span = new RSpan(2);
                        span.Children.Add(Renderer.Decorate(c, new RText(text), p.Decor)!);
                        span.Children.Add(Renderer.Decorate(c, new RText(letters), p.Decor)!);
                        return span;
                    }
                }

                break;
            case DatePartName.Month:
            {
                int? m = v.Month;
                if (m is null)
                {
                    if (season is null)
                    {
                        return null;
                    }

                    if (int.TryParse(season, NumberStyles.None, CultureInfo.InvariantCulture, out int sn) && sn is >= 1 and <= 4)
                    {
                        text = c.Locale.Term($"season-{sn:D2}");
                    }
                    else
                    {
                        text = season;
                    }

                    break;
                }

                if (m is >= 13 and <= 24)
                {
                    // 13–16, 17–20 and 21–24 all encode the four seasons
                    int sn = ((m.Value - 13) % 4) + 1;
                    text = c.Locale.Term($"season-{sn:D2}");
                    break;
                }

                if (m is < 1 or > 12)
                {
                    return null;
                }

                text = p.Form switch
                {
                    DatePartForm.Numeric => m.Value.ToString(CultureInfo.InvariantCulture),
                    DatePartForm.NumericLeadingZeros => m.Value.ToString("D2", CultureInfo.InvariantCulture),
                    DatePartForm.Short => c.Locale.Term($"month-{m:D2}", TermForm.Short),
                    _ => c.Locale.Term($"month-{m:D2}"),
                };
                break;
            }

            default:
            {
                if (v.Day is not { } day)
                {
                    return null;
                }

                text = p.Form switch
                {
                    DatePartForm.NumericLeadingZeros => day.ToString("D2", CultureInfo.InvariantCulture),
                    DatePartForm.Ordinal => c.Locale.LimitDayOrdinalsToDay1 && day != 1
                        ? day.ToString(CultureInfo.InvariantCulture)
                        : day.ToString(CultureInfo.InvariantCulture) + c.Locale.OrdinalSuffix(day, v.Month is { } mm and >= 1 and <= 12 ? c.Locale.Gender($"month-{mm:D2}") : null),
                    _ => day.ToString(CultureInfo.InvariantCulture),
                };
                break;
            }
        }

        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        _ = date;
        return Renderer.Decorate(c, new RText(text), p.Decor);
    }

    public static string SortString(CslDate date, int limit = 3)
    {
        string One(DateParts p) => string.Create(CultureInfo.InvariantCulture,
            $"{p.Year + 10000:D5}{(limit >= 2 ? p.Month ?? 0 : 0):D2}{(limit >= 3 ? p.Day ?? 0 : 0):D2}");
        if (date.Parts.IsDefaultOrEmpty)
        {
            return string.Empty;
        }

        return date.Parts.Length > 1 ? One(date.Parts[0]) + "-" + One(date.Parts[1]) : One(date.Parts[0]);
    }
}
