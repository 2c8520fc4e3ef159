using System.Collections.Immutable;
using System.Globalization;
using SourceCheck.Text;

namespace SourceCheck.Claims;

/// <summary>Finds figures in a sentence and normalises them: value with scale ("1,4 Billionen US-Dollar" =
/// 1.4e12 USD, "$1.2 trillion" = 1.2e12 USD, "20 Milliarden" = 2e10, "€3 bn"), percentages ("3,5 Prozent"),
/// durations ("eight years", "acht Jahren" = 8 years), written-out numbers (one…twenty, eins…zwanzig,
/// "ein Drittel"), ranges ("4-6 Wochen", "zweistellige Milliardenbeträge" = 1e10..9.9e10, "Hunderte von
/// Milliarden", "hundreds of billions"). Years standing alone ("2025", "bis 2030") and dates ("Nov 5",
/// "am 6. November") are not figures. German number format (decimal comma, thousands dot) is read in
/// German text, English format in English text. One pass over word tokens.</summary>
internal static class FigureExtractor
{
    private enum Kind
    {
        Word,
        Number,
        Symbol,
    }

    private readonly record struct Token(int Start, int End, Kind Kind, string Text);

    /// <summary>Numbers written as words, English and German (also read by <c>FactAgreement</c>'s count test).</summary>
    internal static readonly Dictionary<string, double> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90, ["hundred"] = 100, ["dozen"] = 12,
        ["eins"] = 1, ["zwei"] = 2, ["drei"] = 3, ["vier"] = 4, ["fünf"] = 5, ["sechs"] = 6, ["sieben"] = 7,
        ["acht"] = 8, ["neun"] = 9, ["zehn"] = 10, ["elf"] = 11, ["zwölf"] = 12, ["dreizehn"] = 13, ["vierzehn"] = 14,
        ["fünfzehn"] = 15, ["sechzehn"] = 16, ["siebzehn"] = 17, ["achtzehn"] = 18, ["neunzehn"] = 19,
        ["zwanzig"] = 20, ["dreißig"] = 30, ["vierzig"] = 40, ["fünfzig"] = 50, ["sechzig"] = 60, ["siebzig"] = 70,
        ["achtzig"] = 80, ["neunzig"] = 90, ["hundert"] = 100, ["einhundert"] = 100, ["dutzend"] = 12,
    };

    /// <summary>"a"/"ein" count only before a scale word ("eine Milliarde", "a billion").</summary>
    private static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "ein", "eine", "einer", "einem", "einen" };

    private static readonly Dictionary<string, double> Fractions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["third"] = 1.0 / 3, ["thirds"] = 1.0 / 3, ["half"] = 0.5, ["Drittel"] = 1.0 / 3, ["Hälfte"] = 0.5,
        ["Viertel"] = 0.25, ["Fünftel"] = 0.2, ["Zehntel"] = 0.1, ["fifth"] = 0.2, ["fifths"] = 0.2, ["tenth"] = 0.1,
    };

    private static readonly HashSet<string> Months = MonthNames.Words([MonthNames.English, MonthNames.German], StringComparer.OrdinalIgnoreCase);

    public static ImmutableArray<Figure> Extract(string text, string language) => Extract(text, 0, text.Length, language);

    /// <summary>Figures in text[start..end); spans are offsets into <paramref name="text"/>. With
    /// <paramref name="years"/> a year standing alone ("since 2024") is read too, as a figure of unit "year": the claim
    /// matcher compares years of two texts that carry no extracted figures (a claim is not a year, a shared year is
    /// evidence of one event).</summary>
    public static ImmutableArray<Figure> Extract(string text, int start, int end, string language, bool years = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool german = language == "de";
        var tokens = Tokenize(text, start, end);
        var figures = ImmutableArray.CreateBuilder<Figure>();
        int i = 0;
        while (i < tokens.Count)
        {
            int consumed = TryFigure(text, tokens, i, german, years, out var figure);
            if (consumed > 0 && figure is not null)
            {
                figures.Add(figure);
                i += consumed;
            }
            else
            {
                i++;
            }
        }

        return figures.ToImmutable();
    }

    private static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsDigit(c))
            {
                int s = i;
                while (i < end && (char.IsDigit(text[i]) || ((text[i] is '.' or ',' or '\u202F' or '\u2009' or '\'') && i + 1 < end && char.IsDigit(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new Token(s, i, Kind.Number, text[s..i]));
            }
            else if (char.IsLetter(c))
            {
                int s = i;
                while (i < end && (char.IsLetter(text[i]) || (text[i] == '-' && i + 1 < end && char.IsLetter(text[i + 1]))))
                {
                    i++;
                }

                // "Mrd." / "Mio." / "bn." keep their dot out of the word
                tokens.Add(new Token(s, i, Kind.Word, text[s..i]));
            }
            else if (c is '$' or '€' or '£' or '¥' or '%' or '-' or '–' or '‰')
            {
                tokens.Add(new Token(i, i + 1, Kind.Symbol, c.ToString()));
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else
            {
                tokens.Add(new Token(i, i + 1, Kind.Symbol, c.ToString()));
                i++;
            }
        }

        return tokens;
    }

    private static int TryFigure(string text, List<Token> t, int i, bool german, bool years, out Figure? figure)
    {
        figure = null;
        var tok = t[i];

        // Ranges spelled as words: "zweistellige Milliardenbeträge", "Hunderte von Milliarden", "hundreds of billions"
        if (tok.Kind == Kind.Word)
        {
            int r = TryWordRange(text, t, i, out figure);
            if (r > 0)
            {
                return r;
            }
        }

        string? currency = null;
        int first = i;
        int j = i;
        if (tok.Kind == Kind.Symbol && CurrencySymbol(tok.Text) is { } sym && j + 1 < t.Count && t[j + 1].Kind == Kind.Number && t[j + 1].Start == tok.End)
        {
            currency = sym;
            j++;
        }
        else if (tok.Kind == Kind.Word && tok.Text is "US" && j + 2 < t.Count && t[j + 1].Text == "$" && t[j + 2].Kind == Kind.Number)
        {
            currency = "USD";
            j += 2;
        }
        else if (tok.Kind == Kind.Word && CurrencyCode(tok.Text) is { } code && j + 1 < t.Count && t[j + 1].Kind == Kind.Number)
        {
            currency = code;
            j++;
        }

        var numTok = t[j];
        double value;
        double? valueMax = null;
        bool wordNumber = false;
        if (numTok.Kind == Kind.Number)
        {
            if (!TryParseNumber(numTok.Text, german, out value))
            {
                return 0;
            }
        }
        else if (numTok.Kind == Kind.Word && NumberWords.TryGetValue(numTok.Text, out value))
        {
            wordNumber = true;
        }
        else if (numTok.Kind == Kind.Word && Articles.Contains(numTok.Text) && j + 1 < t.Count && (ScaleOf(t[j + 1].Text, german) is not null || Fractions.ContainsKey(t[j + 1].Text)))
        {
            value = 1;
            wordNumber = true;
        }
        else
        {
            return 0;
        }

        int k = j + 1;

        // fraction: "ein Drittel", "one third", "zwei Drittel"
        if (wordNumber && k < t.Count && t[k].Kind == Kind.Word && Fractions.TryGetValue(t[k].Text, out double frac))
        {
            figure = Make(text, t[first].Start, t[k].End, value * frac, null, "fraction");
            return k - i + 1;
        }

        // range "4-6", "4 bis 6", "4 to 6"
        if (numTok.Kind == Kind.Number && k + 1 < t.Count && (t[k].Text is "-" or "–" || t[k].Text is "bis" or "to") && t[k + 1].Kind == Kind.Number
            && TryParseNumber(t[k + 1].Text, german, out double hi) && hi > value && !IsYear(numTok.Text))
        {
            valueMax = hi;
            k += 2;
        }

        // dates: "Nov 5", "am 6. November", "5. Nov"
        if (numTok.Kind == Kind.Number && currency is null)
        {
            if (j > 0 && t[j - 1].Kind == Kind.Word && Months.Contains(t[j - 1].Text))
            {
                return 1;
            }

            if (k < t.Count && t[k].Text == "." && k + 1 < t.Count && (Months.Contains(t[k + 1].Text) || (german && t[k].End == t[k].Start + 1 && numTok.End == t[k].Start && k + 1 < t.Count && t[k + 1].Kind == Kind.Word && char.IsUpper(t[k + 1].Text[0]) && k + 2 < t.Count)))
            {
                return 1; // ordinal or date
            }

            if (k < t.Count && Months.Contains(t[k].Text))
            {
                return 1;
            }
        }

        // scale
        double scale = 1;
        string? unit = null;
        if (k < t.Count && t[k].Kind == Kind.Word && ScaleOf(t[k].Text, german) is { } sc)
        {
            scale = sc;
            k++;
            if (k < t.Count && t[k].Text == "." && t[k - 1].Text is "Mrd" or "Mio" or "Tsd" or "bn" or "mn" or "Bio")
            {
                k++;
            }
        }

        // unit after
        if (k < t.Count && t[k].Kind == Kind.Symbol && t[k].Text is "%" or "‰")
        {
            unit = t[k].Text == "%" ? "percent" : "permille";
            k++;
        }
        else if (k < t.Count && t[k].Kind == Kind.Symbol && CurrencySymbol(t[k].Text) is { } after && currency is null)
        {
            currency = after;
            k++;
        }
        else if (k < t.Count && t[k].Kind == Kind.Word)
        {
            string w = t[k].Text;
            if (currency is null && (CurrencyWord(w) ?? CurrencyCode(w)) is { } cw)
            {
                currency = cw;
                k++;
            }
            else if (UnitWord(w, out string u, out int words, t, k))
            {
                unit = u;
                k += words;
            }
        }

        if (currency is not null)
        {
            unit = currency;
        }

        if (wordNumber && unit is null && scale == 1)
        {
            return 0; // "two companies", "one of them": not a figure
        }

        if (numTok.Kind == Kind.Number && unit is null && scale == 1 && valueMax is null && IsYear(numTok.Text))
        {
            if (years)
            {
                figure = Make(text, numTok.Start, numTok.End, value, null, "year");
            }

            return 1; // a year is a date
        }

        if (unit is "USD" or "EUR" && AnnualizedBefore(t, first))
        {
            unit += " (annualized run-rate)";
        }

        double v = value * scale;
        double? vmax = valueMax is { } m ? m * scale : null;
        figure = Make(text, t[first].Start, t[k - 1].End, v, vmax, unit);
        return k - i;
    }

    private static bool AnnualizedBefore(List<Token> t, int first)
    {
        for (int b = first - 1; b >= 0 && b >= first - 4; b--)
        {
            if (t[b].Text.StartsWith("annuali", StringComparison.OrdinalIgnoreCase) || t[b].Text.StartsWith("annualis", StringComparison.OrdinalIgnoreCase)
                || t[b].Text.StartsWith("hochgerechnet", StringComparison.OrdinalIgnoreCase) || t[b].Text.Equals("run-rate", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int TryWordRange(string text, List<Token> t, int i, out Figure? figure)
    {
        figure = null;
        string w = t[i].Text;
        string lower = w.ToLowerInvariant();

        // "zweistellige Milliardenbeträge", "dreistelliger Millionenbetrag"
        int digits = lower.StartsWith("einstellig", StringComparison.Ordinal) ? 1
            : lower.StartsWith("zweistellig", StringComparison.Ordinal) || lower.StartsWith("double-digit", StringComparison.Ordinal) ? 2
            : lower.StartsWith("dreistellig", StringComparison.Ordinal) || lower.StartsWith("triple-digit", StringComparison.Ordinal) ? 3
            : lower.StartsWith("vierstellig", StringComparison.Ordinal) ? 4 : 0;
        if (digits > 0 && i + 1 < t.Count && t[i + 1].Kind == Kind.Word)
        {
            string n = t[i + 1].Text.ToLowerInvariant();
            double scale = n.StartsWith("milliarde", StringComparison.Ordinal) || n.StartsWith("billion", StringComparison.Ordinal) && n.Length > 7 && n[7] != 'e' ? 1e9
                : n.StartsWith("billion", StringComparison.Ordinal) ? (n.StartsWith("billionen", StringComparison.Ordinal) || n == "billion" && char.IsUpper(t[i + 1].Text[0]) ? 1e12 : 1e9)
                : n.StartsWith("million", StringComparison.Ordinal) ? 1e6
                : n.StartsWith("tausend", StringComparison.Ordinal) || n.StartsWith("thousand", StringComparison.Ordinal) ? 1e3
                : n.StartsWith("prozent", StringComparison.Ordinal) || n.StartsWith("percent", StringComparison.Ordinal) ? 1 : 0;
            if (scale > 0)
            {
                double lo = Math.Pow(10, digits - 1) * scale;
                double hi = (Math.Pow(10, digits) - 1) * scale;
                string? unit = n.StartsWith("prozent", StringComparison.Ordinal) || n.StartsWith("percent", StringComparison.Ordinal) ? "percent" : null;
                int k = i + 2;
                if (unit is null && k < t.Count && (CurrencyWord(t[k].Text) ?? CurrencyCode(t[k].Text)) is { } cur)
                {
                    unit = cur;
                    k++;
                }

                figure = Make(text, t[i].Start, t[k - 1].End, lo, hi, unit);
                return k - i;
            }
        }

        // "Hunderte von Milliarden", "hundreds of billions", "Dutzende", "tens of billions", "Tausende"
        double unitLo = lower switch
        {
            "hunderte" or "hundreds" => 100,
            "tausende" or "thousands" => 1000,
            "dutzende" or "dozens" => 24,
            "zehntausende" or "tens" => 10,
            _ => 0,
        };
        if (unitLo > 0)
        {
            int k = i + 1;
            if (k < t.Count && t[k].Text is "von" or "of")
            {
                k++;
            }

            double scale = 1;
            if (k < t.Count && ScaleOf(t[k].Text, char.IsUpper(t[k].Text[0])) is { } sc)
            {
                scale = sc;
                k++;
            }
            else if (lower is "tens")
            {
                return 0;
            }
            else if (lower is "zehntausende")
            {
                unitLo = 10000;
            }
            else
            {
                k = i + 1;
            }

            double lo = unitLo * scale;
            double hi = (lower is "dutzende" or "dozens" ? 99 : unitLo * 10 - 1) * scale;
            string? unit = null;
            if (k < t.Count && (CurrencyWord(t[k].Text) ?? CurrencyCode(t[k].Text)) is { } cur)
            {
                unit = cur;
                k++;
            }

            figure = Make(text, t[i].Start, t[k - 1].End, lo, hi, unit);
            return k - i;
        }

        return 0;
    }

    private static Figure Make(string text, int start, int end, double value, double? max, string? unit) =>
        new(text[start..end], value, max, unit, new TextSpan(start, end - start));

    private static bool IsYear(string s) => s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1800 and <= 2100;

    /// <summary>Parses "1,4" / "1.4" / "1.000.000" / "1,000,000" / "1.234,5" / "1,234.5" by language.</summary>
    public static bool TryParseNumber(string s, bool german, out double value)
    {
        s = s.Replace("\u202F", string.Empty, StringComparison.Ordinal).Replace("\u2009", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal);
        int dots = s.Count(c => c == '.'), commas = s.Count(c => c == ',');
        string normalized;
        if (dots > 0 && commas > 0)
        {
            bool commaDecimal = s.LastIndexOf(',') > s.LastIndexOf('.');
            normalized = commaDecimal ? s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.') : s.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (commas > 0)
        {
            bool thousands = commas > 1 || (!german && GroupsOfThree(s, ','));
            normalized = thousands ? s.Replace(",", string.Empty, StringComparison.Ordinal) : s.Replace(',', '.');
        }
        else if (dots > 0)
        {
            bool thousands = dots > 1 || (german && GroupsOfThree(s, '.'));
            normalized = thousands ? s.Replace(".", string.Empty, StringComparison.Ordinal) : s;
        }
        else
        {
            normalized = s;
        }

        // A number past 1e100 (e.g. 400 digits, which double reads as infinity) keeps its text but has no value:
        // a multiplier such as "billion" could otherwise turn it into infinity, which JSON cannot hold.
        return double.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && Math.Abs(value) < MaxFigureValue;
    }

    /// <summary>Largest figure value kept (see <see cref="TryParseNumber"/>); larger numbers keep only their text.</summary>
    public const double MaxFigureValue = 1e100;

    private static bool GroupsOfThree(string s, char sep)
    {
        var parts = s.Split(sep);
        return parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);
    }

    private static double? ScaleOf(string w, bool german)
    {
        switch (w)
        {
            case "Billion" or "Billionen" or "Bio" when german:
                return 1e12;
            case "Billionen":
                return 1e12;
            case "Milliarde" or "Milliarden" or "Mrd" or "Mrd." or "Milliardenbetrag":
                return 1e9;
            case "Million" or "Millionen" or "Mio":
                return 1e6;
            case "Tausend" or "Tsd":
                return 1e3;
        }

        return w.ToLowerInvariant() switch
        {
            "trillion" or "trillions" or "tn" or "trn" => 1e12,
            "billion" or "billions" or "bn" or "bln" => german ? 1e12 : 1e9,
            "million" or "millions" or "mn" or "mln" or "m" => 1e6,
            "thousand" or "thousands" or "k" => 1e3,
            "hundred" => 100,
            _ => null,
        };
    }

    private static string? CurrencySymbol(string s) => s switch
    {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        _ => null,
    };

    private static string? CurrencyCode(string s) => s switch
    {
        "USD" or "EUR" or "GBP" or "CHF" or "JPY" or "CNY" => s,
        "US-Dollar" or "US-Dollars" => "USD",
        _ => null,
    };

    private static string? CurrencyWord(string w) => w.ToLowerInvariant() switch
    {
        "dollar" or "dollars" or "us-dollar" or "us-dollars" => "USD",
        "euro" or "euros" => "EUR",
        "pfund" or "pound" or "pounds" => "GBP",
        "franken" or "francs" => "CHF",
        "yen" => "JPY",
        "yuan" or "renminbi" => "CNY",
        _ => null,
    };

    private static bool UnitWord(string w, out string unit, out int words, List<Token> t, int k)
    {
        words = 1;
        string l = w.ToLowerInvariant();
        unit = l switch
        {
            "prozent" or "percent" or "pct" => "percent",
            "prozentpunkte" or "prozentpunkten" => "percentage points",
            "years" or "year" or "jahre" or "jahren" or "jahr" or "jahres" or "year-old" => "years",
            "months" or "month" or "monate" or "monaten" or "monat" => "months",
            "weeks" or "week" or "wochen" or "woche" => "weeks",
            "days" or "day" or "tage" or "tagen" or "tag" => "days",
            "hours" or "hour" or "stunden" or "stunde" => "hours",
            "minutes" or "minute" or "minuten" => "minutes",
            "seconds" or "second" or "sekunden" or "sekunde" => "seconds",
            "kilometers" or "kilometres" or "kilometer" or "km" => "km",
            "tonnen" or "tons" or "tonnes" => "t",
            "gigawatt" or "gw" => "GW",
            "megawatt" or "mw" => "MW",
            _ => string.Empty,
        };
        if (unit.Length > 0)
        {
            return true;
        }

        if (l is "per" && k + 1 < t.Count && t[k + 1].Text.Equals("cent", StringComparison.OrdinalIgnoreCase))
        {
            unit = "percent";
            words = 2;
            return true;
        }

        if (l is "percentage" && k + 1 < t.Count && t[k + 1].Text.StartsWith("point", StringComparison.OrdinalIgnoreCase))
        {
            unit = "percentage points";
            words = 2;
            return true;
        }

        return false;
    }
}
