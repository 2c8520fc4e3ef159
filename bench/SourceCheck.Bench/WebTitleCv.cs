using System.Globalization;
using System.Text;
using SourceCheck.Documents.Web;

namespace SourceCheck.Bench;

/// <summary>WEB_TITLE_CV=1 in section "web": cross-validates title choices among the recorded
/// <c>TitleCandidates</c>. For each fold k (ids by FNV-1a hash % 5) a rule family's parameters are fitted on the
/// other four folds and the fitted rule is scored (title exact, score.py's normalisation) on fold k. Families:
/// A an ordered source preference list (first source present wins); B agreement between sources with an h1 weight
/// and a source order for ties; C a linear scorer over candidate features (source counts, whether the current
/// rule chose it, a separator, contained in another candidate, a colon), fitted by coordinate ascent.</summary>
internal static class WebTitleCv
{
    private static readonly string[] Groups = ["json-ld:headline", "meta:og:title", "meta:twitter:title", "html:h1", "html:title", "html:title-full", "other"];

    private static readonly string[] Seps = [" | ", " - ", " – ", " — ", ": "];

    /// <summary>Features: 0-6 source-group counts, 7 chosen by the current rule, 8 separator, 9 contained in other
    /// candidates (count), 10 colon, 11 an h1 candidate taken from outside any article/main element.</summary>
    private const int FeatureCount = 12;

    private const int LooseH1 = 11;

    private const int Cur = 7;

    internal sealed record Cand(bool Correct, double[] F);

    internal sealed record Row(int Fold, Cand[] Cands, bool CurrentCorrect);

    /// <summary>One row per dev page with a gold title: its distinct candidates (by normalised text) and features.</summary>
    internal static Row Build(int fold, string goldTitle, WebPage page, byte[] html)
    {
        using var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(new MemoryStream(html));
        bool structuredH1 = doc.QuerySelector("article h1, main h1, [itemprop=headline]") is not null;
        string gold = Norm(goldTitle);
        string cur = Norm(page.Metadata.Title?.Value);
        var byKey = new Dictionary<string, List<(string Source, string Value)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var c in page.Metadata.TitleCandidates)
        {
            string k = Norm(c.Value);
            if (k.Length == 0)
            {
                continue;
            }

            if (!byKey.TryGetValue(k, out var list))
            {
                byKey[k] = list = [];
                order.Add(k);
            }

            list.Add((c.Source, c.Value));
        }

        if (cur.Length > 0 && !byKey.ContainsKey(cur))
        {
            byKey[cur] = [("chosen", page.Metadata.Title!.Value)];
            order.Add(cur);
        }

        var cands = new List<Cand>();
        foreach (string k in order)
        {
            var list = byKey[k];
            var f = new double[FeatureCount];
            foreach (var (source, _) in list)
            {
                int g = Array.IndexOf(Groups, source);
                f[g < 0 ? Groups.Length - 1 : g]++;
            }

            f[Cur] = k == cur ? 1 : 0;
            string v = list[0].Value;
            f[8] = Seps.Any(s => v.Contains(s, StringComparison.Ordinal)) ? 1 : 0;
            f[9] = order.Count(o => o != k && o.Contains(k, StringComparison.Ordinal));
            f[10] = v.Contains(':', StringComparison.Ordinal) ? 1 : 0;
            f[LooseH1] = f[3] > 0 && !structuredH1 ? 1 : 0;
            cands.Add(new Cand(k == gold, f));
        }

        // score.py: a missing prediction never matches, not even an empty gold title.
        return new Row(fold, [.. cands], page.Metadata.Title is not null && cur == gold);
    }

    public static void Run(List<Row> rows, int folds)
    {
        Console.WriteLine("### title cross-validation (WEB_TITLE_CV=1): parameters fitted on 4 folds, scored on the held-out fold");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  rows with a gold title: {rows.Count}; a candidate equals the gold (oracle): {rows.Count(r => r.Cands.Any(c => c.Correct)) / (double)rows.Count:F3}"));
        var families = new (string Name, Func<List<Row>, Func<Cand[], bool>> Fit)[]
        {
            ("current rule", _ => null!),
            ("A preference list", FitPreference),
            ("B agreement + h1 weight", FitAgreement),
            ("C linear scorer", FitLinear),
            ("D current, loose h1 alone", FitLooseH1),
        };
        foreach (var (name, fit) in families)
        {
            var scores = new List<double>();
            var trainScores = new List<double>();
            var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"  {name,-26}");
            for (int k = 0; k < folds; k++)
            {
                var train = rows.Where(r => r.Fold != k).ToList();
                var test = rows.Where(r => r.Fold == k).ToList();
                Func<Cand[], bool> rule = name == "current rule" ? CurrentChoice : fit(train);
                scores.Add(Accuracy(rule, test) / (double)test.Count);
                trainScores.Add(Accuracy(rule, train) / (double)train.Count);
                line.Append(CultureInfo.InvariantCulture, $"  {scores[^1]:F3}");
            }

            Console.WriteLine(line.Append(CultureInfo.InvariantCulture,
                $"   mean {scores.Average():F3}  min {scores.Min():F3}   (on the training folds {trainScores.Min():F3}-{trainScores.Max():F3})").ToString());
        }
    }

    private static bool CurrentChoice(Cand[] cands) => cands.FirstOrDefault(c => c.F[Cur] > 0)?.Correct ?? false;

    private static int Accuracy(Func<Cand[], bool> choose, List<Row> rows) => rows.Count(r => r.Cands.Length > 0 && choose(r.Cands));

    private static readonly int[] SourceGroups = [0, 1, 2, 3, 4, 6];

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (int i = 0; i < items.Length; i++)
        {
            int[] rest = [.. items[..i], .. items[(i + 1)..]];
            foreach (var p in Permutations(rest))
            {
                yield return [items[i], .. p];
            }
        }
    }

    /// <summary>A: the candidate given by the first source in the order that has one.</summary>
    private static Func<Cand[], bool> FitPreference(List<Row> train)
    {
        Func<Cand[], bool> best = _ => false;
        int bestAcc = -1;
        foreach (var order in Permutations(SourceGroups))
        {
            bool Choose(Cand[] cands)
            {
                foreach (int g in order)
                {
                    foreach (var c in cands)
                    {
                        if (c.F[g] > 0)
                        {
                            return c.Correct;
                        }
                    }
                }

                return cands[0].Correct;
            }

            int a = Accuracy(Choose, train);
            if (a > bestAcc)
            {
                bestAcc = a;
                best = Choose;
            }
        }

        return best;
    }

    /// <summary>B: the candidate most sources give (an h1 counting w), ties by the source order.</summary>
    private static Func<Cand[], bool> FitAgreement(List<Row> train)
    {
        Func<Cand[], bool> best = _ => false;
        int bestAcc = -1;
        foreach (var order in Permutations(SourceGroups))
        {
            foreach (double h1 in new[] { 1, 1.5, 2, 2.5, 3 })
            {
                bool Choose(Cand[] cands)
                {
                    Cand? pick = null;
                    double ps = double.MinValue;
                    foreach (var c in cands)
                    {
                        double s = SourceGroups.Sum(g => c.F[g]) + ((h1 - 1) * c.F[3]);
                        int rank = Array.FindIndex(order, g => c.F[g] > 0);
                        s -= (rank < 0 ? 99 : rank) * 0.01;
                        if (s > ps)
                        {
                            ps = s;
                            pick = c;
                        }
                    }

                    return pick?.Correct ?? false;
                }

                int a = Accuracy(Choose, train);
                if (a > bestAcc)
                {
                    bestAcc = a;
                    best = Choose;
                }
            }
        }

        return best;
    }

    /// <summary>D: the current rule, except when its choice is given by an h1 alone that sits outside any
    /// article/main element: then the candidate most other sources give, if at least m sources give it (m fitted).</summary>
    private static Func<Cand[], bool> FitLooseH1(List<Row> train)
    {
        static double Count(Cand c) => SourceGroups.Sum(g => c.F[g]);
        static Func<Cand[], bool> Make(int m) => cands =>
        {
            var cur = cands.FirstOrDefault(c => c.F[Cur] > 0);
            if (cur is null)
            {
                return false;
            }

            if (cur.F[LooseH1] > 0 && Count(cur) == 1)
            {
                var other = cands.Where(c => c != cur).OrderByDescending(Count).FirstOrDefault();
                if (other is not null && Count(other) >= m)
                {
                    return other.Correct;
                }
            }

            return cur.Correct;
        };

        return Enumerable.Range(1, 5).Select(Make).MaxBy(f => Accuracy(f, train))!;
    }

    /// <summary>C: weights over all features (including "chosen by the current rule"), coordinate ascent from
    /// several starting weights of the current-rule feature; first candidate wins ties.</summary>
    private static Func<Cand[], bool> FitLinear(List<Row> train)
    {
        static Func<Cand[], bool> Make(double[] w) => cands =>
        {
            Cand pick = cands[0];
            double ps = double.MinValue;
            foreach (var c in cands)
            {
                double s = 0;
                for (int i = 0; i < FeatureCount; i++)
                {
                    s += w[i] * c.F[i];
                }

                if (s > ps)
                {
                    ps = s;
                    pick = c;
                }
            }

            return pick.Correct;
        };

        double[] grid = [-2, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 5];
        double[] bestW = new double[FeatureCount];
        int bestAcc = -1;
        foreach (double start in new[] { 0, 1, 1.5, 2, 2.5, 3, 4 })
        {
            var w = new double[FeatureCount];
            w[Cur] = start;
            int acc = Accuracy(Make(w), train);
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < FeatureCount; i++)
                {
                    foreach (double v in grid)
                    {
                        double old = w[i];
                        w[i] = v;
                        int a = Accuracy(Make(w), train);
                        if (a > acc)
                        {
                            acc = a;
                        }
                        else
                        {
                            w[i] = old;
                        }
                    }
                }
            }

            if (acc > bestAcc)
            {
                bestAcc = acc;
                bestW = w;
            }
        }

        return Make(bestW);
    }

    /// <summary>score.py's title normalisation: NFKC, typographic quotes/dashes unified, casefold, punctuation and
    /// symbols to spaces, whitespace collapsed.</summary>
    internal static string Norm(string? s)
    {
        if (s is null)
        {
            return string.Empty;
        }

        s = s.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (char ch in s)
        {
            char c = ch switch
            {
                '\u2018' or '\u2019' or '\u201a' or '\u201b' or '\u2032' or '`' or '\u00b4' or '\u2039' or '\u203a' => '\'',
                '\u201c' or '\u201d' or '\u201e' or '\u201f' or '\u00ab' or '\u00bb' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                '\u00a0' or '\u2009' or '\u202f' => ' ',
                _ => ch,
            };
            if (ch == '\u200b')
            {
                continue;
            }

            sb.Append(c);
        }

        string lowered = sb.ToString().ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal);
        sb.Clear();
        foreach (var r in lowered.EnumerateRunes())
        {
            var cat = Rune.GetUnicodeCategory(r);
            bool punctOrSymbol = cat is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
                or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
            if (punctOrSymbol || Rune.IsWhiteSpace(r))
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(r.ToString());
            }
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
