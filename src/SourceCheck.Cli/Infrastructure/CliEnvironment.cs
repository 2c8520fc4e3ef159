namespace SourceCheck.Cli.Infrastructure;

/// <summary>Everything a command touches outside itself: streams, terminal facts, clock, environment.
/// Tests build one over StringWriters; <see cref="FromConsole"/> builds the real one.</summary>
public sealed class CliEnvironment
{
    public required TextReader In { get; init; }

    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>The unfiltered terminal, for full-screen UIs that write their own screen sequences and neutralise
    /// text from input themselves (<c>review</c>); null in tests and when not on a console.</summary>
    public TextWriter? Terminal { get; init; }

    public bool InputRedirected { get; init; } = true;

    public bool OutputRedirected { get; init; } = true;

    public bool ErrorRedirected { get; init; } = true;

    /// <summary>Colour allowed (no NO_COLOR, no --no-color, stderr is a terminal).</summary>
    public bool Color { get; set; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public string CurrentDirectory { get; init; } = Environment.CurrentDirectory;

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public int Width { get; init; } = 100;

    public static CliEnvironment FromConsole()
    {
        var utf8 = new System.Text.UTF8Encoding(false);
        Console.OutputEncoding = utf8;
        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true, NewLine = "\n" };
        var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true, NewLine = "\n" };
        var stdin = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
        bool noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        int width = 100;
        try
        {
            if (!Console.IsOutputRedirected)
            {
                width = Math.Max(60, Console.WindowWidth);
            }
        }
        catch (IOException)
        {
        }

        return new CliEnvironment
        {
            In = stdin,
            // Control characters and escape sequences from input never reach the terminal (or a redirected file) raw.
            Out = new TerminalSafeWriter(stdout, allowColor: !noColor && !Console.IsOutputRedirected),
            Error = new TerminalSafeWriter(stderr, allowColor: !noColor && !Console.IsErrorRedirected),
            Terminal = stdout,
            InputRedirected = Console.IsInputRedirected,
            OutputRedirected = Console.IsOutputRedirected,
            ErrorRedirected = Console.IsErrorRedirected,
            Color = !noColor && !Console.IsErrorRedirected,
            Width = width,
        };
    }
}
