using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SourceCheck.Csl;

/// <summary>A date part triple: year is required, month (1–12, or 13–16/21–24 for seasons in some inputs) and day optional.</summary>
public readonly record struct DateParts(int Year, int? Month = null, int? Day = null)
{
    public int[] ToArray() => Day is { } d ? [Year, Month ?? 0, d] : Month is { } m ? [Year, m] : [Year];

    public override string ToString() => Day is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{d:D2}")
        : Month is { } m ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}") : Year.ToString("D4", CultureInfo.InvariantCulture);
}

/// <summary>A CSL date: one date or a range of two (<c>date-parts</c>), with season, circa, literal and raw forms.</summary>
public sealed record CslDate
{
    public ImmutableArray<DateParts> Parts { get; init; } = [];

    /// <summary>Season as given: 1–4 or a string such as "Spring".</summary>
    public string? Season { get; init; }

    public bool Circa { get; init; }

    public string? Literal { get; init; }

    public string? Raw { get; init; }

    public IReadOnlyDictionary<string, JsonNode?> Extra { get; init; } = CslName.EmptyExtra;

    public DateParts? Start => Parts.IsDefaultOrEmpty ? null : Parts[0];

    public DateParts? End => Parts.Length > 1 ? Parts[1] : null;

    public bool IsRange => Parts.Length > 1;

    public static CslDate Of(int year, int? month = null, int? day = null) => new() { Parts = [new DateParts(year, month, day)] };

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
