using System.Diagnostics;
using System.Text;
using SourceCheck.Claims.Text;
using SourceCheck.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>A German → English translation map in stem space: German stem → weighted English stems.
/// Built from the Ding dictionary as installed by Debian's <c>trans-de-en</c> package (read at run time
/// from <c>/usr/share/trans/de-en</c> or the file named by <c>SOURCECHECK_DICT</c>; never shipped), merged
/// with a small hand-written news/finance/tech lexicon. When the dictionary is missing only the hand-written
/// part is available and <see cref="CrossLanguageAvailable"/> is false.</summary>
public sealed class BilingualLexicon
{
    internal const string DefaultPath = "/usr/share/trans/de-en";
    internal const string EnvironmentVariable = "SOURCECHECK_DICT";
    private const int MaxTranslationsPerStem = 16;
    private const int CacheFormat = 3;

    private static readonly Lazy<BilingualLexicon> DefaultLazy = new(() => Load(null));

    private readonly Dictionary<string, (string Stem, float Weight)[]> _map;
    private readonly Dictionary<string, string[]?> _splitCache = new(StringComparer.Ordinal);
    private readonly Lock _splitLock = new();

    private BilingualLexicon(Dictionary<string, (string Stem, float Weight)[]> map, bool available, string? source, string? warning, TimeSpan loadTime)
    {
        _map = map;
        CrossLanguageAvailable = available;
        Source = source;
        Warning = warning;
        LoadTime = loadTime;
    }

    /// <summary>The process-wide lexicon (environment variable or default path), loaded on first use.</summary>
    public static BilingualLexicon Default => DefaultLazy.Value;

    /// <summary>True when the full dictionary was loaded (cross-language matching on).</summary>
    public bool CrossLanguageAvailable { get; }

    /// <summary>The dictionary file read, or null when only the hand-written lexicon is loaded.</summary>
    public string? Source { get; }

    /// <summary>Why cross-language matching is off (null when it is on).</summary>
    public string? Warning { get; }

    internal TimeSpan LoadTime { get; }

    /// <summary>How many German stems have a translation.</summary>
    public int Count => _map.Count;

    /// <summary>Only the hand-written lexicon (tests, or when no dictionary is wanted).</summary>
    public static BilingualLexicon HandWrittenOnly()
    {
        var acc = new Dictionary<string, Dictionary<string, float>>(StringComparer.Ordinal);
        AddHandWritten(acc);
        return new BilingualLexicon(Finish(acc), false, null, "bilingual dictionary not loaded: cross-language matching is off", TimeSpan.Zero);
    }

    /// <summary>Loads from <paramref name="path"/>, else SOURCECHECK_DICT, else the Debian path.</summary>
    public static BilingualLexicon Load(string? path)
    {
        var watch = Stopwatch.StartNew();
        path ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            path = DefaultPath;
        }

        if (!File.Exists(path))
        {
            var hand = HandWrittenOnly();
            return new BilingualLexicon(hand._map, false, null,
                $"bilingual dictionary not found at {path} (install Debian's trans-de-en or set {EnvironmentVariable}): cross-language matching is off", watch.Elapsed);
        }

        try
        {
            var info = new FileInfo(path);
            string? cachePath = CachePath(info);
            if (cachePath is not null && TryReadCache(cachePath, out var cached))
            {
                return new BilingualLexicon(cached, true, path, null, watch.Elapsed);
            }

            var acc = new Dictionary<string, Dictionary<string, float>>(200_000, StringComparer.Ordinal);
            using (var reader = new StreamReader(path, Encoding.UTF8))
            {
                string? line;
                while ((line = reader.ReadLine()) is not null)
                {
                    ParseLine(line, acc);
                }
            }

            AddHandWritten(acc);
            var map = Finish(acc);
            if (cachePath is not null && watch.ElapsedMilliseconds > 200)
            {
                TryWriteCache(cachePath, map);
            }

            return new BilingualLexicon(map, true, path, null, watch.Elapsed);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            var hand = HandWrittenOnly();
            return new BilingualLexicon(hand._map, false, null, $"bilingual dictionary unreadable ({ex.Message}): cross-language matching is off", watch.Elapsed);
        }
    }

    private Dictionary<string, int[]>? _englishClasses;

    /// <summary>Ids of the German words that translate an English stem (German entries with at most four
    /// English stems only), so that two English words sharing an id are near-synonyms ("buy"/"purchase").</summary>
    public int[] EnglishSynonymIds(string englishStem)
    {
        var classes = _englishClasses ?? BuildEnglishClasses();
        return classes.TryGetValue(englishStem, out var ids) ? ids : [];
    }

    private Dictionary<string, int[]> BuildEnglishClasses()
    {
        lock (_splitLock)
        {
            if (_englishClasses is not null)
            {
                return _englishClasses;
            }

            var acc = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            int id = 0;
            foreach (var (_, list) in _map)
            {
                id++;
                if (list.Length < 2 || list.Length > 4)
                {
                    continue;
                }

                foreach (var (en, w) in list)
                {
                    if (w < 0.75f)
                    {
                        continue;
                    }

                    if (!acc.TryGetValue(en, out var ids))
                    {
                        ids = [];
                        acc[en] = ids;
                    }

                    if (ids.Count < 24)
                    {
                        ids.Add(id);
                    }
                }
            }

            _englishClasses = acc.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
            return _englishClasses;
        }
    }

    /// <summary>English stems (with weights in (0,1]) for a German stem; empty when unknown.</summary>
    public ReadOnlySpan<(string Stem, float Weight)> Translate(string germanStem) =>
        _map.TryGetValue(germanStem, out var list) ? list : ReadOnlySpan<(string, float)>.Empty;

    /// <summary>As <see cref="Translate"/>, the lexicon's own array (shared by every analysed word: never written to).</summary>
    internal (string Stem, float Weight)[] TranslationArray(string germanStem) =>
        _map.TryGetValue(germanStem, out var list) ? list : [];

    internal bool Contains(string germanStem) => _map.ContainsKey(germanStem);

    /// <summary>Splits a closed German compound (lower case, folded) into known parts, greedily taking the
    /// longest known head ("rechenzentrumsvertrage" → "rechenzentrum", "vertrag"); null when no split is found.</summary>
    public string[]? SplitCompound(string lowerWord)
    {
        if (lowerWord.Length < 8)
        {
            return null;
        }

        lock (_splitLock)
        {
            if (_splitCache.TryGetValue(lowerWord, out var cached))
            {
                return cached;
            }
        }

        string[]? result = Split(lowerWord, 0);
        lock (_splitLock)
        {
            if (_splitCache.Count > 200_000)
            {
                _splitCache.Clear();
            }

            _splitCache[lowerWord] = result;
        }

        return result;
    }

    private string[]? Split(string word, int depth)
    {
        for (int i = 3; i <= word.Length - 4; i++)
        {
            string head = word[i..];
            string headStem = Tokenizer.Stem(head, "de");
            if (headStem.Length < 3 || !_map.ContainsKey(headStem))
            {
                continue;
            }

            string modifier = word[..i];
            foreach (string candidate in ModifierForms(modifier))
            {
                string modStem = Tokenizer.Stem(candidate, "de");
                if (modStem.Length >= 3 && _map.ContainsKey(modStem))
                {
                    return [modStem, headStem];
                }
            }

            if (depth == 0 && modifier.Length >= 8)
            {
                var inner = Split(modifier, 1);
                if (inner is not null)
                {
                    return [.. inner, headStem];
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> ModifierForms(string modifier)
    {
        yield return modifier;
        if (modifier.EndsWith('s') && modifier.Length > 4)
        {
            yield return modifier[..^1];
        }

        if ((modifier.EndsWith("en", StringComparison.Ordinal) || modifier.EndsWith("er", StringComparison.Ordinal)) && modifier.Length > 5)
        {
            yield return modifier[..^2];
        }

        if (modifier.EndsWith('n') && modifier.Length > 4)
        {
            yield return modifier[..^1];
        }
    }

    private static readonly HashSet<string> GermanFiller = new(
        "der die das den dem des ein eine einen einem einer eines sich jdn jdm jds etw jemand jemanden jemandem etwas ich du er sie es wir ihr man mich mir dich dir uns euch"
            .Split(' '), StringComparer.Ordinal);

    private static readonly HashSet<string> EnglishFiller = new(
        "to a an the sb sth sb's sth's one's oneself somebody something someone be".Split(' '), StringComparer.Ordinal);

    internal static void ParseLine(string line, Dictionary<string, Dictionary<string, float>> acc)
    {
        if (line.Length == 0 || line[0] == '#')
        {
            return;
        }

        int sep = line.IndexOf(" :: ", StringComparison.Ordinal);
        if (sep < 0)
        {
            return;
        }

        string[] deParts = line[..sep].Split(" | ");
        string[] enParts = line[(sep + 4)..].Split(" | ");
        int n = Math.Min(deParts.Length, enParts.Length);
        for (int p = 0; p < n; p++)
        {
            float partWeight = p == 0 ? 1f : 0.8f;
            var deHeads = new List<string>();
            foreach (string syn in deParts[p].Split(';'))
            {
                var words = CleanWords(syn, GermanFiller);
                if (words.Count == 1 && words[0].Length >= 2)
                {
                    deHeads.Add(GermanStemmer.Stem(words[0]));
                }
            }

            if (deHeads.Count == 0)
            {
                continue;
            }

            var enStems = new List<(string, float)>();
            int k = 0;
            foreach (string syn in enParts[p].Split(';'))
            {
                var words = CleanWords(syn, EnglishFiller);
                var content = words.Where(w => !StopWords.English.Contains(w)).ToList();
                if (content.Count == 0 || content.Count > 3)
                {
                    k++;
                    continue;
                }

                float w = partWeight * Math.Max(0.5f, 1f - (0.08f * k)) * (content.Count == 1 ? 1f : 0.85f);
                foreach (string word in content)
                {
                    enStems.Add((EnglishStemmer.Stem(TextFolding.ForMatching(word)), w));
                }

                k++;
            }

            foreach (string de in deHeads)
            {
                if (!acc.TryGetValue(de, out var targets))
                {
                    targets = new Dictionary<string, float>(StringComparer.Ordinal);
                    acc[de] = targets;
                }

                foreach (var (en, w) in enStems)
                {
                    if (!targets.TryGetValue(en, out float old) || old < w)
                    {
                        targets[en] = w;
                    }
                }
            }
        }
    }

    /// <summary>Removes {…}, […], (…), /…/ and "…", lower-cases, splits into words, drops filler words.</summary>
    private static List<string> CleanWords(string text, HashSet<string> filler)
    {
        var sb = new StringBuilder(text.Length);
        int depth = 0;
        bool inSlash = false;
        foreach (char c in text)
        {
            if (c is '{' or '[' or '(')
            {
                depth++;
                continue;
            }

            if (c is '}' or ']' or ')')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (depth > 0)
            {
                continue;
            }

            if (c == '/')
            {
                inSlash = !inSlash;
                sb.Append(' ');
                continue;
            }

            sb.Append(char.IsLetter(c) || c == '\'' || c == '-' ? char.ToLowerInvariant(c) : ' ');
        }

        var words = new List<string>();
        foreach (string raw in sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string part in raw.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                string w = part.Trim('\'');
                if (w.Length > 0 && !filler.Contains(w) && !w.EndsWith('.'))
                {
                    words.Add(w);
                }
            }
        }

        return words;
    }

    private static Dictionary<string, (string Stem, float Weight)[]> Finish(Dictionary<string, Dictionary<string, float>> acc)
    {
        var map = new Dictionary<string, (string, float)[]>(acc.Count, StringComparer.Ordinal);
        foreach (var (de, targets) in acc)
        {
            if (targets.Count == 0)
            {
                continue;
            }

            map[de] = targets.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Take(MaxTranslationsPerStem).Select(t => (t.Key, t.Value)).ToArray();
        }

        return map;
    }

    private static void AddHandWritten(Dictionary<string, Dictionary<string, float>> acc)
    {
        foreach (var (de, en) in HandLexicon.Entries)
        {
            string deStem = GermanStemmer.Stem(de);
            if (!acc.TryGetValue(deStem, out var targets))
            {
                targets = new Dictionary<string, float>(StringComparer.Ordinal);
                acc[deStem] = targets;
            }

            foreach (string phrase in en.Split(';'))
            {
                var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (string word in words)
                {
                    targets[EnglishStemmer.Stem(word)] = 1f;
                }
            }
        }
    }

    private static string? CachePath(FileInfo info)
    {
        string? root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root))
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            root = Path.Combine(home, ".cache");
        }

        string key = $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}-{HandLexicon.Version}-{CacheFormat}";
        return Path.Combine(root, "sourcecheck", $"de-en-{key}.bin");
    }

    private static bool TryReadCache(string path, out Dictionary<string, (string Stem, float Weight)[]> map)
    {
        map = new Dictionary<string, (string, float)[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var stream = new BufferedStream(File.OpenRead(path), 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadInt32() != CacheFormat)
            {
                return false;
            }

            int stringCount = reader.ReadInt32();
            var strings = new string[stringCount];
            for (int i = 0; i < stringCount; i++)
            {
                strings[i] = reader.ReadString();
            }

            int count = reader.ReadInt32();
            map.EnsureCapacity(count);
            for (int i = 0; i < count; i++)
            {
                string de = strings[reader.ReadInt32()];
                int n = reader.ReadByte();
                var list = new (string, float)[n];
                for (int j = 0; j < n; j++)
                {
                    list[j] = (strings[reader.ReadInt32()], reader.ReadByte() / 255f);
                }

                map[de] = list;
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or UnauthorizedAccessException or IndexOutOfRangeException or FormatException)
        {
            return false;
        }
    }

    private static void TryWriteCache(string path, Dictionary<string, (string Stem, float Weight)[]> map)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var strings = new List<string>();
            int Id(string s)
            {
                if (!ids.TryGetValue(s, out int id))
                {
                    id = strings.Count;
                    ids[s] = id;
                    strings.Add(s);
                }

                return id;
            }

            foreach (var (de, list) in map)
            {
                Id(de);
                foreach (var (en, _) in list)
                {
                    Id(en);
                }
            }

            string temp = path + "." + Environment.ProcessId + ".tmp";
            using (var stream = new BufferedStream(File.Create(temp), 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(CacheFormat);
                writer.Write(strings.Count);
                foreach (string s in strings)
                {
                    writer.Write(s);
                }

                writer.Write(map.Count);
                foreach (var (de, list) in map)
                {
                    writer.Write(ids[de]);
                    writer.Write((byte)list.Length);
                    foreach (var (en, w) in list)
                    {
                        writer.Write(ids[en]);
                        writer.Write((byte)Math.Clamp((int)Math.Round(w * 255), 1, 255));
                    }
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // the cache is an optimisation only
        }
    }
}
