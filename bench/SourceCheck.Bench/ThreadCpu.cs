using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SourceCheck.Bench;

/// <summary>CPU time of the calling thread (Linux clock_gettime CLOCK_THREAD_CPUTIME_ID), for per-operation timings
/// that stay honest while other processes share the cores; falls back to wall-clock time elsewhere.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    /// <summary>Milliseconds of CPU the current thread has used (or a wall-clock reading when not available).</summary>
    public static double NowMs() => Available && TryNow(out double ms) ? ms : Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;

    private static bool TryNow(out double ms)
    {
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0)
            {
                ms = ts.Seconds * 1000.0 + ts.Nanoseconds / 1e6;
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        ms = 0;
        return false;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
