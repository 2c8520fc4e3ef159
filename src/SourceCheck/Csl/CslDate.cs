using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SourceCheck.Csl;

/// <summary>A date part triple: year is required, month (1–12, or 13–16/21–24 for seasons in some inputs) and day optional.</summary>
public readonly record struct DateParts(int Year, int? Month = null, int? Day = null)
{
    /// <summary>The CSL-JSON <c>date-parts</c> row: [year], [year, month] or [year, month, day] (month 0 when only a day is known).</summary>
    public int[] ToArray() => Day is { } d ? [Year, Month ?? 0, d] : Month is { } m ? [Year, m] : [Year];

    /// <summary>ISO 8601 text: "2020", "2020-03" or "2020-03-05".</summary>
    public override string ToString() => Day is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{d:D2}")
        : Month is { } m ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}") : Year.ToString("D4", CultureInfo.InvariantCulture);
}

/// <summary>A CSL date: one date or a range of two (<c>date-parts</c>), with season, circa, literal and raw forms.</summary>
public sealed record CslDate
{
    /// <summary>One entry for a single date, two for a range (start, end); empty for a literal or raw date.</summary>
    public ImmutableArray<DateParts> Parts { get; init; } = [];

    /// <summary>Season as given: 1–4 or a string such as "Spring".</summary>
    public string? Season { get; init; }

    /// <summary>CSL's <c>circa</c>: the date is approximate.</summary>
    public bool Circa { get; init; }

    /// <summary>A date given as text to print as is ("n.d.", "Spring 2020"), or null.</summary>
    public string? Literal { get; init; }

    /// <summary>CSL-JSON's <c>raw</c> form of a date that was not parsed into parts, or null.</summary>
    public string? Raw { get; init; }

    /// <summary>Keys this model does not know, kept so that a round trip loses nothing.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Extra { get; init; } = CslName.EmptyExtra;

    /// <summary>The date, or the start of a range; null when there are no parts.</summary>
    public DateParts? Start => Parts.IsDefaultOrEmpty ? null : Parts[0];

    /// <summary>The end of a range, or null for a single date.</summary>
    public DateParts? End => Parts.Length > 1 ? Parts[1] : null;

    /// <summary>True when the date is a range of two.</summary>
    public bool IsRange => Parts.Length > 1;

    /// <summary>A single date from its parts.</summary>
    public static CslDate Of(int year, int? month = null, int? day = null) => new() { Parts = [new DateParts(year, month, day)] };

    /// <summary>The literal when there is one, else the parts as ISO 8601 (a range as "start/end"), else the raw form.</summary>
    public override string ToString()
    {
        if (Literal is not null)
        {
            return Literal;
        }

        if (Parts.IsDefaultOrEmpty)
        {
            return Raw ?? string.Empty;
        }

        return string.Join('/', Parts.Select(p => p.ToString()));
    }
}
