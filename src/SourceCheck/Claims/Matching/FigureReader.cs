using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SourceCheck.Claims.Text;
using SourceCheck.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>Fallback figure reader used by the matcher when a claim carries no figures: numbers with scale
/// words (million/Millionen, billion/Milliarden, trillion/Billionen), currency (USD, EUR) and percent,
/// and bare years (unit "year").</summary>
public static partial class FigureReader
{
    public static ImmutableArray<Figure> Read(string text, string language)
    {
        var builder = ImmutableArray.CreateBuilder<Figure>();
        try
        {
            ReadInto(builder, text, language);
        }
        catch (RegexMatchTimeoutException)
        {
            // the pattern is linear; a timeout means a starved thread: keep what was read
        }

        return builder.ToImmutable();
    }

    private static void ReadInto(ImmutableArray<Figure>.Builder builder, string text, string language)
    {
        foreach (Match m in FigureRegex().Matches(text))
        {
            if (Tokenizer.ParseNumber(m.Groups["num"].Value, language) is not double value)
            {
                continue;
            }

            string scale = m.Groups["scale"].Value.ToLowerInvariant().TrimEnd('.');
            string cur = (m.Groups["cur"].Value + m.Groups["cur2"].Value).ToLowerInvariant();
            double factor = scale switch
            {
                "trillion" or "tn" or "billionen" => 1e12,
                "billion" => language == "de" ? 1e12 : 1e9,
                "bn" or "milliarde" or "milliarden" or "mrd" => 1e9,
                "million" or "millionen" or "mn" or "mio" => 1e6,
                _ => 1,
            };
            string? unit = null;
            if (scale is "%" or "percent" or "per cent" or "prozent")
            {
                unit = "percent";
            }
            else if (cur.Contains('$') || cur.Contains("dollar", StringComparison.Ordinal) || cur.Contains("usd", StringComparison.Ordinal))
            {
                unit = "USD";
            }
            else if (cur.Contains('€') || cur.Contains("eur", StringComparison.Ordinal))
            {
                unit = "EUR";
            }
            else if (factor == 1 && value is >= 1900 and <= 2100 && value == Math.Floor(value) && m.Groups["num"].Value.Length == 4)
            {
                unit = "year";
            }

            builder.Add(new Figure(m.Value.Trim(), value * factor, null, unit, new TextSpan(m.Index, m.Length)));
        }
    }

    [GeneratedRegex(@"(?<cur>US\$|\$|€|£)?(?<num>\d+(?:[.,]\d+)*)(?:\s?(?<scale>%|(?:per cent|percent|prozent|trillion|billionen|billion|bn|tn|milliarden|milliarde|mrd|millionen|million|mn|mio)\b\.?))?(?:\s?(?<cur2>US-Dollar|dollars?|euros?|usd|eur|€))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex FigureRegex();
}
