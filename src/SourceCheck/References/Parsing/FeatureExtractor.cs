using System.Runtime.CompilerServices;

namespace SourceCheck.References.Parsing;

/// <summary>Per-reference scratch space: tokens, their lower-cased text, word classes and the hashed feature
/// buckets of every token (features of token t are <c>Features[Offsets[t]..Offsets[t+1]]</c>). Reused across
/// calls on one thread so that parsing does not allocate per token.</summary>
internal sealed class FeatureBuffer
{
    public List<RefToken> Tokens { get; } = new(128);

    public string Lower { get; set; } = string.Empty;

    public WordClass[] Classes = new WordClass[128];

    public int[] Features = new int[128 * 32];

    public int[] Offsets = new int[129];

    public int Count => Tokens.Count;

    public void Ensure(int tokens)
    {
        if (Classes.Length < tokens)
        {
            int size = Math.Max(tokens, Classes.Length * 2);
            Classes = new WordClass[size];
            Offsets = new int[size + 1];
        }

        if (Features.Length < tokens * FeatureExtractor.MaxPerToken)
        {
            Features = new int[Math.Max(tokens * FeatureExtractor.MaxPerToken, Features.Length * 2)];
        }
    }
}

/// <summary>Turns the tokens of a reference into hashed feature buckets. Features (all hashed into a fixed
/// table, "hashing trick"): the word, its shape and length, 3-letter prefix/suffix, dictionary classes
/// (months in five languages, label words such as "pp."/"Vol."/"In:"/"Retrieved"/"abgerufen", particles,
/// outlet/publisher/place/corporate words), relative position, bracket and quote state, the index of the
/// "sentence" segment of the reference (". " and ":" separate segments: author. date. title. container.),
/// neighbouring words and shapes, a word bigram, and rule outputs (a year was already seen, after "In",
/// right after an opening quote, looks like initials / a day number / a year range).</summary>
internal static class FeatureExtractor
{
    public const int MaxPerToken = 48;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Extract(string text, FeatureBuffer buf, int bucketMask)
    {
        var tokens = buf.Tokens;
        RefTokenizer.Tokenize(text, tokens);
        int n = tokens.Count;
        var toks = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        buf.Ensure(n);
        string lower = text.ToLowerInvariant();
        buf.Lower = lower;
        var classes = buf.Classes;
        Span<ulong> shapes = n <= 512 ? stackalloc ulong[n] : new ulong[n];
        Span<ulong> keys = n <= 512 ? stackalloc ulong[n] : new ulong[n];
        Span<ulong> words = n <= 512 ? stackalloc ulong[n] : new ulong[n];
        for (int t = 0; t < n; t++)
        {
            var tok = toks[t];
            var span = lower.AsSpan(tok.Start, tok.Length);
            WordClass c = tok.Kind is RefTokenKind.Word or RefTokenKind.Number ? Lexicon.ClassOf(span) : WordClass.None;
            if (tok.Kind == RefTokenKind.Number && tok.Length == 4 && IsYear(span))
            {
                c |= WordClass.Year;
            }
            else if (tok.Kind == RefTokenKind.Word && tok.Length == 5 && char.IsAsciiLetter(span[4]) && IsYear(span[..4]))
            {
                c |= WordClass.Year; // 1994b
            }

            classes[t] = c;
            shapes[t] = Shape(text.AsSpan(tok.Start, tok.Length), tok.Kind);
            keys[t] = WordKey(tok, lower);
            words[t] = tok.Kind switch
            {
                RefTokenKind.Url => UrlHash,
                RefTokenKind.Doi => DoiHash,
                RefTokenKind.Word => keys[t],
                _ => Hash(2, span.Length > 24 ? span[..24] : span),
            };
        }

        // segments ("sentences" of the reference) and their properties, for position-in-segment features
        Span<byte> segOf = n <= 512 ? stackalloc byte[n] : new byte[n];
        Span<byte> posInSeg = n <= 512 ? stackalloc byte[n] : new byte[n];
        Span<int> segLen = stackalloc int[16];
        Span<bool> segYear = stackalloc bool[16];
        Span<int> segWords = stackalloc int[16];
        Span<int> segCaps = stackalloc int[16];
        Span<int> segDigits = stackalloc int[16];
        segLen.Clear();
        segYear.Clear();
        segWords.Clear();
        segCaps.Clear();
        segDigits.Clear();
        int sg = 0;
        int inSeg = 0;
        for (int t = 0; t < n; t++)
        {
            int sgc = Math.Min(sg, 15);
            segOf[t] = (byte)sgc;
            posInSeg[t] = (byte)Math.Min(inSeg, 5);
            segLen[sgc]++;
            segYear[sgc] |= (classes[t] & WordClass.Year) != 0;
            if (toks[t].Kind == RefTokenKind.Word && toks[t].Length > 3 && (classes[t] & WordClass.Stop) == 0)
            {
                segWords[sgc]++;
                segCaps[sgc] += char.IsUpper(text[toks[t].Start]) ? 1 : 0;
            }
            else if (toks[t].Kind == RefTokenKind.Number)
            {
                segDigits[sgc]++;
            }
            inSeg++;
            if (IsSegmentEnd(text, tokens, t, classes))
            {
                sg++;
                inSeg = 0;
            }
        }

        int segCount = Math.Min(sg + 1, 16);

        // rule output: the reference has a day-level date ("November 6", "6 Nov.", "6.11.2025")
        bool fullDate = false;
        for (int t = 0; t < n && !fullDate; t++)
        {
            if ((classes[t] & WordClass.Month) != 0 && char.IsUpper(text[toks[t].Start]))
            {
                for (int d = Math.Max(0, t - 2); d <= Math.Min(n - 1, t + 2); d++)
                {
                    fullDate |= toks[d].Kind == RefTokenKind.Number && toks[d].Length <= 2;
                }
            }
            else if (toks[t].Kind == RefTokenKind.Number && toks[t].Length <= 2 && t + 4 < n && text[toks[t + 1].Start] == '.'
                && toks[t + 2].Kind == RefTokenKind.Number && toks[t + 2].Length <= 2 && text[toks[t + 3].Start] == '.' && (classes[t + 4] & WordClass.Year) != 0)
            {
                fullDate = true;
            }
        }
        var feats = buf.Features;
        var offsets = buf.Offsets;
        int k = 0;
        int paren = 0;
        int bracket = 0;
        bool inQuote = false;
        int segment = 0;
        bool yearSeen = false;
        bool afterIn = false;
        int inSegment = -1;
        for (int t = 0; t < n; t++)
        {
            offsets[t] = k;
            var tok = toks[t];
            var kind = tok.Kind;
            var word = lower.AsSpan(tok.Start, tok.Length);
            char ch = kind == RefTokenKind.Punct ? text[tok.Start] : '\0';
            var cls = classes[t];

            // state before this token
            if (ch is ')' && paren > 0)
            {
                paren--;
            }
            else if (ch is ']' && bracket > 0)
            {
                bracket--;
            }

            bool closingQuote = inQuote && ch is '”' or '»' or '"' or '’' && IsClosing(tokens, t, text);
            if (afterIn && inSegment != segment)
            {
                afterIn = false;
            }

            ulong wordHash = words[t];
            feats[k++] = Bucket(BiasHash, bucketMask);
            feats[k++] = Bucket(wordHash, bucketMask);
            feats[k++] = Bucket(Mix(3, shapes[t]), bucketMask);
            if (kind == RefTokenKind.Word && word.Length >= 4)
            {
                feats[k++] = Bucket(Hash(4, word[..3]), bucketMask);
                feats[k++] = Bucket(Hash(5, word[^3..]), bucketMask);
            }

            if (cls != WordClass.None)
            {
                uint bits = (uint)cls;
                while (bits != 0)
                {
                    int bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    feats[k++] = Bucket(Mix(6, (ulong)bit), bucketMask);
                }
            }

            int pos = n <= 1 ? 0 : t * 8 / n;
            feats[k++] = Bucket(Mix(7, (ulong)pos), bucketMask);
            if (t == 0)
            {
                feats[k++] = Bucket(FirstHash, bucketMask);
            }

            if (t == n - 1)
            {
                feats[k++] = Bucket(LastHash, bucketMask);
            }

            ulong state = (ulong)((paren > 0 ? 1 : 0) | (bracket > 0 ? 2 : 0) | (inQuote && !closingQuote ? 4 : 0));
            feats[k++] = Bucket(Mix(9, state), bucketMask);
            int seg = Math.Min(segment, 7);
            feats[k++] = Bucket(Mix(10, (ulong)seg), bucketMask);
            feats[k++] = Bucket(Mix(11, shapes[t] * 31 + (ulong)seg), bucketMask);
            feats[k++] = Bucket(Mix(12, shapes[t] * 31 + (ulong)pos), bucketMask);
            feats[k++] = Bucket(Mix(13, shapes[t] * 7 + state), bucketMask);

            // neighbours
            ulong prevWord = t > 0 ? keys[t - 1] : 0x51A7UL;
            ulong nextWord = t + 1 < n ? keys[t + 1] : 0xE0D5UL;
            feats[k++] = Bucket(Mix(14, prevWord), bucketMask);
            feats[k++] = Bucket(Mix(15, nextWord), bucketMask);
            feats[k++] = Bucket(Mix(16, t > 0 ? shapes[t - 1] : 1), bucketMask);
            feats[k++] = Bucket(Mix(17, t + 1 < n ? shapes[t + 1] : 1), bucketMask);
            feats[k++] = Bucket(Mix(18, t > 1 ? shapes[t - 2] : 1), bucketMask);
            feats[k++] = Bucket(Mix(19, t + 2 < n ? shapes[t + 2] : 1), bucketMask);
            feats[k++] = Bucket(Mix(20, prevWord * 0x9E3779B97F4A7C15UL ^ wordHash), bucketMask);
            feats[k++] = Bucket(Mix(21, wordHash * 0x9E3779B97F4A7C15UL ^ nextWord), bucketMask);
            feats[k++] = Bucket(Mix(22, (t > 0 ? (ulong)classes[t - 1] : 1UL << 40) * 3 + (t + 1 < n ? (ulong)classes[t + 1] << 20 : 1UL << 41)), bucketMask);
            if (t > 1)
            {
                feats[k++] = Bucket(Mix(23, keys[t - 2]), bucketMask);
            }

            if (t + 2 < n)
            {
                feats[k++] = Bucket(Mix(24, keys[t + 2]), bucketMask);
            }

            // rule outputs
            ulong flags = (yearSeen ? 1UL : 0) | (afterIn ? 2UL : 0) | (t > 0 && IsOpenQuote(text[toks[t - 1].Start]) && toks[t - 1].Kind == RefTokenKind.Punct ? 4UL : 0)
                | (tok.SpaceBefore ? 8UL : 0) | (t + 1 < n && toks[t + 1].SpaceBefore ? 16UL : 0);
            feats[k++] = Bucket(Mix(25, flags), bucketMask);
            if (kind == RefTokenKind.Punct)
            {
                feats[k++] = Bucket(Mix(26, (ulong)ch * 64 + flags), bucketMask);
                feats[k++] = Bucket(Mix(27, (ulong)ch * 131 + prevWord * 17 ), bucketMask);
            }
            else
            {
                feats[k++] = Bucket(Mix(28, wordHash * 31 + (ulong)seg), bucketMask);
                feats[k++] = Bucket(Mix(29, wordHash * 7 + state), bucketMask);
            }

            if (kind == RefTokenKind.Number)
            {
                int value = word.Length <= 6 ? int.Parse(word, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
                ulong numClass = value <= 31 ? 1UL : value < 1500 ? 2UL : (cls & WordClass.Year) != 0 ? 3UL : 4UL;
                feats[k++] = Bucket(Mix(30, numClass * 16 + flags), bucketMask);
            }

            if (kind == RefTokenKind.Word && tok.Length <= 3 && IsUpper(text.AsSpan(tok.Start, tok.Length)))
            {
                // initials ("R", "JJ") — with what follows
                feats[k++] = Bucket(Mix(31, nextWord), bucketMask);
            }

            // segment context
            int sgi = segOf[t];
            ulong fromEnd = (ulong)Math.Min(Math.Max(segCount - 1 - sgi, 0), 7);
            ulong lenBucket = segLen[sgi] switch { <= 2 => 0UL, <= 4 => 1UL, <= 8 => 2UL, <= 16 => 3UL, _ => 4UL };
            feats[k++] = Bucket(Mix(32, (ulong)posInSeg[t] * 8 + fromEnd), bucketMask);
            feats[k++] = Bucket(Mix(33, shapes[t] * 13 + posInSeg[t]), bucketMask);
            feats[k++] = Bucket(Mix(34, (segYear[sgi] ? 64UL : 0) + lenBucket * 8 + fromEnd), bucketMask);
            feats[k++] = Bucket(Mix(35, wordHash * 5 + Math.Min(fromEnd, 3)), bucketMask);
            feats[k++] = Bucket(Mix(36, (fullDate ? 64UL : 0) + fromEnd * 8 + posInSeg[t]), bucketMask);
            ulong capsBucket = segWords[sgi] == 0 ? 5UL : (ulong)(segCaps[sgi] * 4 / segWords[sgi]);
            feats[k++] = Bucket(Mix(37, capsBucket * 64 + (ulong)Math.Min(segDigits[sgi], 3) * 8 + fromEnd), bucketMask);

            // state after this token
            if ((cls & WordClass.Year) != 0)
            {
                yearSeen = true;
            }

            if ((cls & WordClass.InWord) != 0 && (t == 0 || toks[t - 1].Kind == RefTokenKind.Punct))
            {
                afterIn = true;
                inSegment = segment;
            }

            if (ch == '(')
            {
                paren++;
            }
            else if (ch == '[')
            {
                bracket++;
            }
            else if (IsOpenQuote(ch) && !inQuote && (tok.SpaceBefore || t == 0 || toks[t - 1].Kind == RefTokenKind.Punct))
            {
                inQuote = true;
            }
            else if (closingQuote)
            {
                inQuote = false;
            }

            if (t + 1 < n)
            {
                segment = segOf[t + 1];
            }
        }

        offsets[n] = k;
    }

    private static bool IsClosing(List<RefToken> tokens, int t, string text) =>
        t + 1 >= tokens.Count || tokens[t + 1].SpaceBefore || tokens[t + 1].Kind == RefTokenKind.Punct;

    private static bool IsOpenQuote(char c) => c is '“' or '«' or '"' or '„' or '‘' or '‚';

    /// <summary>". " after a word that is not an initial, ":" and "?"/"!" followed by a space end a segment.</summary>
    public static bool IsSegmentEnd(string text, List<RefToken> tokens, int t, string lower) =>
        IsSegmentEnd(text, tokens, t, lower, null);

    /// <summary><see cref="IsSegmentEnd(string, List{RefToken}, int, string)"/> reading the word classes
    /// already computed for the tokens (the label/month bits it tests are those of the lexicon).</summary>
    private static bool IsSegmentEnd(string text, List<RefToken> tokens, int t, WordClass[] classes) =>
        IsSegmentEnd(text, tokens, t, null, classes);

    private static bool IsSegmentEnd(string text, List<RefToken> tokens, int t, string? lower, WordClass[]? classes)
    {
        var tok = tokens[t];
        if (tok.Kind != RefTokenKind.Punct || t + 1 >= tokens.Count || !tokens[t + 1].SpaceBefore)
        {
            return false;
        }

        char c = text[tok.Start];
        if (c is ':' or '?' or '!')
        {
            return true;
        }

        if (c != '.')
        {
            return false;
        }

        if (t == 0)
        {
            return true;
        }

        var prev = tokens[t - 1];
        if (prev.Kind == RefTokenKind.Word && prev.Length <= 2 && char.IsUpper(text[prev.Start]))
        {
            return false; // initial "R." / "Th."
        }

        if (prev.Kind == RefTokenKind.Word && ((classes is not null ? classes[t - 1] : Lexicon.ClassOf(lower.AsSpan(prev.Start, prev.Length))) & (WordClass.PagesLabel | WordClass.VolumeLabel | WordClass.IssueLabel | WordClass.EditorLabel | WordClass.Month | WordClass.EtAl)) != 0)
        {
            return false;
        }

        return true;
    }

    private static bool IsUpper(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsYear(ReadOnlySpan<char> s) =>
        s.Length == 4 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3])
        && ((s[0] == '1' && s[1] >= '5') || (s[0] == '2' && s[1] <= '1'));

    private static ulong WordKey(RefToken tok, string lower) => tok.Kind switch
    {
        RefTokenKind.Url => UrlHash,
        RefTokenKind.Doi => DoiHash,
        RefTokenKind.Number => tok.Length == 4 ? D4Hash : tok.Length <= 2 ? D2Hash : DnHash,
        _ => Hash(2, lower.AsSpan(tok.Start, Math.Min(tok.Length, 24))),
    };

    /// <summary>A compact shape code: character classes (X x d or the punctuation itself) with runs collapsed,
    /// plus a length bucket.</summary>
    private static ulong Shape(ReadOnlySpan<char> s, RefTokenKind kind)
    {
        if (kind is RefTokenKind.Url or RefTokenKind.Doi)
        {
            return kind == RefTokenKind.Url ? 2UL : 3UL;
        }

        ulong h = 1469598103934665603UL;
        char last = '\0';
        int runs = 0;
        foreach (char c in s)
        {
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            if (k != last && runs < 6)
            {
                h = (h ^ k) * 1099511628211UL;
                last = k;
                runs++;
            }
        }

        int len = Math.Min(s.Length, 6);
        return (h ^ (ulong)len) * 1099511628211UL;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(ulong h, int mask) => (int)(h >> 32) & mask;

    private static ulong Hash(int template, ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL ^ (ulong)template * 0x100000001B3UL;
        foreach (char c in s)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 32);
    }

    private static readonly ulong BiasHash = Hash(1, "bias");
    private static readonly ulong FirstHash = Hash(8, "first");
    private static readonly ulong LastHash = Hash(8, "last");
    private static readonly ulong UrlHash = Hash(2, "<url>");
    private static readonly ulong DoiHash = Hash(2, "<doi>");
    private static readonly ulong D4Hash = Hash(2, "<d4>");
    private static readonly ulong D2Hash = Hash(2, "<d2>");
    private static readonly ulong DnHash = Hash(2, "<dn>");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(int template, ulong v)
    {
        ulong h = v * 0x9E3779B97F4A7C15UL + (ulong)template * 0xD6E8FEB86659FD93UL;
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 27);
    }
}
