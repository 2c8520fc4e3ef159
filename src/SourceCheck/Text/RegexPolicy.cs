using System.Text.RegularExpressions;

namespace SourceCheck.Text;

/// <summary>The one regex policy of the library: one match timeout, one way to build a pattern at run time, one rule
/// for a timeout.
/// <list type="bullet">
/// <item>Timeout: <see cref="TimeoutMilliseconds"/> for every pattern (source-generated ones name the constant in
/// their attribute). It guards against a runaway match, not against a slow machine: the timeout is measured in wall
/// time, and eight processes on two cores stretch a 40 ms match to more than a second, so it is sized well above
/// what a linear pattern takes on one text unit under heavy load.</item>
/// <item>Construction: <see cref="Create"/> builds a pattern with <see cref="RegexOptions.NonBacktracking"/> (linear
/// time, no timeout needed) when its constructs allow it, otherwise as a backtracking pattern with the shared
/// timeout. Hot-path patterns stay <c>[GeneratedRegex]</c> (the source generator does not support
/// <c>NonBacktracking</c>; generated code is faster than the interpreter native AOT uses for run-time patterns).</item>
/// <item>Handling: a timeout gives up that one unit (a sentence, a pair, a field) — the caller keeps what it had
/// and calls <see cref="Skipped"/>, which counts it; a command reports the count as warning
/// <c>SC4011</c> (<see cref="SourceCheck.Diagnostics.DiagnosticCodes.RegexUnitsSkipped"/>) and never ends with a stack
/// trace. No retries: a second attempt under the same load times out the same way.</item>
/// </list></summary>
public static class RegexPolicy
{
    /// <summary>The match timeout of every pattern, in milliseconds (for <c>[GeneratedRegex]</c> attributes).</summary>
    public const int TimeoutMilliseconds = 5_000;

    /// <summary>The match timeout of every pattern.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    private static int s_skipped;

    /// <summary>Text units given up after a timeout since the process started (a command reports the growth of this
    /// count over its run).</summary>
    public static int SkippedUnits => Volatile.Read(ref s_skipped);

    /// <summary>The one handling rule: the caller gives up the unit whose match timed out and keeps going; this
    /// counts it so that the command can say so (<c>SC4011</c>).</summary>
    public static void Skipped() => Interlocked.Increment(ref s_skipped);

    /// <summary>A run-time pattern: linear-time <see cref="RegexOptions.NonBacktracking"/> when the pattern has no
    /// construct that engine lacks (backreferences, lookarounds, atomic groups, conditionals, <c>\G</c>), otherwise
    /// backtracking with <see cref="Timeout"/>. Both find the same matches.</summary>
    public static Regex Create(string pattern, RegexOptions options = RegexOptions.None)
    {
        if (AllowsNonBacktracking(pattern, options))
        {
            try
            {
                return new Regex(pattern, options | RegexOptions.NonBacktracking, Timeout);
            }
            catch (NotSupportedException)
            {
                // a construct the quick check did not see: fall through to the backtracking engine
            }
        }

        return new Regex(pattern, options, Timeout);
    }

    /// <summary>The backtracking engine with the shared timeout (for a pattern whose captures inside loops the caller
    /// reads: <c>NonBacktracking</c> keeps only the last capture of a loop).</summary>
    public static Regex CreateBacktracking(string pattern, RegexOptions options = RegexOptions.None) => new(pattern, options, Timeout);

    /// <summary>A quick syntactic check (the engine has the final word): no lookaround, atomic group, conditional,
    /// backreference or <c>\G</c>, and no option the engine refuses.</summary>
    internal static bool AllowsNonBacktracking(string pattern, RegexOptions options)
    {
        if ((options & (RegexOptions.RightToLeft | RegexOptions.ECMAScript)) != 0)
        {
            return false;
        }

        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char n = pattern[i + 1];
                if (n == 'G' || n == 'k' || (n >= '1' && n <= '9'))
                {
                    return false;
                }

                i++;
            }
            else if (c == '(' && i + 2 < pattern.Length && pattern[i + 1] == '?')
            {
                char k = pattern[i + 2];
                if (k is '=' or '!' or '>' or '(' || (k == '<' && i + 3 < pattern.Length && pattern[i + 3] is '=' or '!'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
