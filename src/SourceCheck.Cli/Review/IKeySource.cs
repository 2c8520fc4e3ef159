namespace SourceCheck.Cli.Review;

/// <summary>Where the review UI reads keys from: the terminal, or a script in tests.</summary>
public interface IKeySource
{
    /// <summary>Blocks until a key is pressed; returns null when no more keys will come (end of input).</summary>
    ConsoleKeyInfo? ReadKey();
}

/// <summary>Keys from the terminal (not echoed).</summary>
public sealed class ConsoleKeySource : IKeySource
{
    public ConsoleKeyInfo? ReadKey()
    {
        try
        {
            return Console.ReadKey(intercept: true);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>A fixed list of keys (then end of input), for tests and scripted runs.</summary>
public sealed class ScriptedKeySource(IEnumerable<ConsoleKeyInfo> keys) : IKeySource
{
    private readonly Queue<ConsoleKeyInfo> _keys = new(keys);

    public ConsoleKeyInfo? ReadKey() => _keys.Count > 0 ? _keys.Dequeue() : null;

    public static ConsoleKeyInfo Char(char c) => new(c, char.IsLetter(c) ? Enum.Parse<ConsoleKey>(char.ToUpperInvariant(c).ToString()) : 0, false, false, false);

    public static ConsoleKeyInfo Key(ConsoleKey key) => new('\0', key, false, false, false);
}
