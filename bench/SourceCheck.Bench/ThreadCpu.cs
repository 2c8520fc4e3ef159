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

    /// <summary>User + system CPU seconds of this process's waited-for child processes so far (Linux getrusage
    /// RUSAGE_CHILDREN; NaN elsewhere): the difference around one child's run is that child's CPU time.</summary>
    public static double ChildrenCpuSeconds()
    {
        try
        {
            if (OperatingSystem.IsLinux() && GetRUsage(-1, out var u) == 0)
            {
                return u.UserSeconds + u.UserMicroseconds / 1e6 + u.SystemSeconds + u.SystemMicroseconds / 1e6;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        return double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;

        // the remaining 14 longs of struct rusage (not read)
        public long R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int GetRUsage(int who, out RUsage usage);

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
