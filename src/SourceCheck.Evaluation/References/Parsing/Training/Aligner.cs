namespace SourceCheck.References.Parsing.Training;

/// <summary>Turns gold fields (values as written, not positions) into one label per token, by finding each
/// value's word sequence in the reference's tokens: citation number first, then names in order (first
/// token of each name gets the "-B" label, separators between names stay inside the name field), then
/// the other fields longest first, each at the first free occurrence (short numbers after the container
/// title when there is one). Dates that were combined from two places ("(2024) … 18 September") are
/// matched word by word. Returns false when a field cannot be found (such records are left out of training).</summary>
public static class Aligner
{
    public static bool TryAlign(string text, IReadOnlyDictionary<string, IReadOnlyList<string>> fields, out int[] result, out string? failed)
    {
        var tokens = RefTokenizer.Tokenize(text);
        int n = tokens.Count;
        var labels = new int[n];
        result = labels;
        var assigned = new bool[n];
        string lower = text.ToLowerInvariant();
        var keys = new string[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = Key(lower.Substring(tokens[i].Start, tokens[i].Length));
        }

        failed = null;
        int containerEnd = -1;

        if (fields.TryGetValue("citation-number", out var cn) && cn.Count > 0)
        {
            if (!Place(cn[0], TagLabels.CitationNumber, 0, first: true))
            {
                failed = "citation-number";
            }
        }

        foreach (var (field, b, i) in new[] { ("author", TagLabels.AuthorB, TagLabels.Author), ("editor", TagLabels.EditorB, TagLabels.Editor) })
        {
            if (!fields.TryGetValue(field, out var names) || names.Count == 0)
            {
                continue;
            }

            int from = 0;
            int firstStart = -1;
            int lastEnd = -1;
            foreach (string name in names)
            {
                var (s, e) = Find(name, from, avoidAssigned: true);
                if (s < 0)
                {
                    failed ??= field;
                    continue;
                }

                Assign(s, e, i);
                labels[s] = b;
                if (firstStart < 0)
                {
                    firstStart = s;
                }

                // fill separators between this and the previous name
                if (lastEnd >= 0)
                {
                    bool onlySeparators = true;
                    for (int k = lastEnd + 1; k < s; k++)
                    {
                        onlySeparators &= !assigned[k] && IsNameSeparator(k);
                    }

                    if (onlySeparators)
                    {
                        Assign(lastEnd + 1, s - 1, i);
                    }
                }

                lastEnd = e;
                from = e + 1;
            }

            // "et al." after the last name belongs to the name list
            if (lastEnd >= 0)
            {
                int k = lastEnd + 1;
                if (k < n && keys[k] == "," && k + 1 < n)
                {
                    k++;
                }

                if (k + 1 < n && keys[k] == "et" && keys[k + 1] == "al" && !assigned[k] && !assigned[k + 1])
                {
                    int end = k + 1;
                    if (end + 1 < n && keys[end + 1] == "." && end + 2 < n)
                    {
                        end++;
                    }

                    Assign(lastEnd + 1, end, i);
                }
            }
        }

        var rest = new List<(string Field, int Label, string Value, int Words)>();
        foreach (var (field, values) in fields)
        {
            if (field is "author" or "editor" or "citation-number" or "type")
            {
                continue;
            }

            string baseField = field.EndsWith("-alt", StringComparison.Ordinal) ? field[..^4] : field;
            int label;
            if (baseField == "translator")
            {
                label = TagLabels.Note;
            }
            else if (TagLabels.FromField(baseField) is { } l)
            {
                label = l;
            }
            else
            {
                continue;
            }

            foreach (string v in values)
            {
                if (!string.IsNullOrWhiteSpace(v))
                {
                    rest.Add((field, label, v, WordCount(v)));
                }
            }
        }

        // longest first; the container title before the numbers that follow it
        rest.Sort((a, b) => b.Words != a.Words ? b.Words.CompareTo(a.Words) : string.CompareOrdinal(a.Field, b.Field));
        foreach (var (field, label, value, words) in rest)
        {
            bool isAlt = field.EndsWith("-alt", StringComparison.Ordinal);
            bool ok;
            if (label is TagLabels.Doi or TagLabels.Url)
            {
                ok = PlaceInToken(value, label);
            }
            else
            {
                int from = words <= 1 && label is TagLabels.Volume or TagLabels.Issue or TagLabels.Pages && containerEnd >= 0 ? containerEnd + 1 : 0;
                ok = Place(value, label, from, first: true) || (from > 0 && Place(value, label, 0, first: true));
                if (!ok && label is TagLabels.Date or TagLabels.Accessed)
                {
                    ok = PlaceWordByWord(value, label);
                }

                if (ok && label == TagLabels.Container)
                {
                    for (int k = n - 1; k >= 0; k--)
                    {
                        if (labels[k] == TagLabels.Container)
                        {
                            containerEnd = k;
                            break;
                        }
                    }
                }
            }

            if (!ok && !isAlt && label != TagLabels.Note)
            {
                failed ??= field;
            }
        }

        return failed is null;

        bool Place(string value, int label, int from, bool first)
        {
            var (s, e) = Find(value, from, avoidAssigned: true);
            if (s < 0)
            {
                return false;
            }

            Assign(s, e, label);
            return true;
        }

        bool PlaceInToken(string value, int label)
        {
            string v = Key(value.Trim().TrimEnd('.', ',', ';').ToLowerInvariant());
            int doiAt = v.IndexOf("10.", StringComparison.Ordinal);
            string core = label == TagLabels.Doi && doiAt >= 0 ? v[doiAt..] : v;
            for (int k = 0; k < n; k++)
            {
                if (!assigned[k] && keys[k].Length >= 4 && (keys[k].Contains(core, StringComparison.Ordinal) || core.Contains(keys[k], StringComparison.Ordinal)))
                {
                    Assign(k, k, label);
                    return true;
                }
            }

            return Place(value, label, 0, first: true);
        }

        bool PlaceWordByWord(string value, int label)
        {
            var vt = RefTokenizer.Tokenize(value);
            var vl = value.ToLowerInvariant();
            bool any = false;
            foreach (var t in vt)
            {
                if (t.Kind == RefTokenKind.Punct)
                {
                    continue;
                }

                string w = Key(vl.Substring(t.Start, t.Length));
                for (int k = 0; k < n; k++)
                {
                    if (!assigned[k] && keys[k] == w)
                    {
                        Assign(k, k, label);
                        any = true;
                        break;
                    }
                }
            }

            return any;
        }

        (int Start, int End) Find(string value, int from, bool avoidAssigned)
        {
            var vt = RefTokenizer.Tokenize(value);
            var vl = value.ToLowerInvariant();
            var words = new List<string>();
            foreach (var t in vt)
            {
                if (t.Kind != RefTokenKind.Punct)
                {
                    words.Add(Key(vl.Substring(t.Start, t.Length)));
                }
            }

            bool punctOnly = words.Count == 0;
            if (punctOnly)
            {
                foreach (var t in vt)
                {
                    words.Add(Key(vl.Substring(t.Start, t.Length)));
                }
            }

            if (words.Count == 0)
            {
                return (-1, -1);
            }

            for (int s = from; s < n; s++)
            {
                if (keys[s] != words[0] || (avoidAssigned && assigned[s]))
                {
                    continue;
                }

                int k = s;
                int m = 0;
                int end = -1;
                while (k < n)
                {
                    if (avoidAssigned && assigned[k])
                    {
                        break;
                    }

                    if (!punctOnly && tokens[k].Kind == RefTokenKind.Punct)
                    {
                        k++;
                        continue;
                    }

                    if (keys[k] != words[m])
                    {
                        break;
                    }

                    m++;
                    if (m == words.Count)
                    {
                        end = k;
                        break;
                    }

                    k++;
                }

                if (end >= 0)
                {
                    return (s, end);
                }
            }

            return (-1, -1);
        }

        void Assign(int s, int e, int label)
        {
            for (int k = s; k <= e; k++)
            {
                labels[k] = label;
                assigned[k] = true;
            }
        }

        bool IsNameSeparator(int k) => keys[k] is "," or ";" or "&" or "and" or "und" or "et" or "y" or "." or "/" or "–" or "-";
    }

    private static int WordCount(string value)
    {
        int c = 0;
        foreach (var t in RefTokenizer.Tokenize(value))
        {
            if (t.Kind != RefTokenKind.Punct)
            {
                c++;
            }
        }

        return c;
    }

    private static string Key(string s) => s.Normalize(System.Text.NormalizationForm.FormKC);
}
