using System.Diagnostics;
using SourceCheck.Storage;
using SourceCheck.Tests.Storage;

namespace SourceCheck.Tests.Review;

/// <summary>Drives the built CLI's review UI in a detached tmux session (own tmux server socket): sends keys with
/// <c>tmux send-keys</c> and reads the screen with <c>tmux capture-pane -p</c>. Skips when tmux is not installed.</summary>
public sealed class TmuxReviewTests
{
    private static string? FindTmux()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, "tmux");
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static (int Code, string Out) Tmux(string tmux, string socket, params string[] args)
    {
        var start = new ProcessStartInfo(tmux) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(socket);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        p.WaitForExit(15_000);
        return (p.HasExited ? p.ExitCode : -1, stdout.Result);
    }

    private static string WaitForScreen(string tmux, string socket, Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string screen = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            screen = Tmux(tmux, socket, "capture-pane", "-p", "-t", "review").Out;
            if (condition(screen))
            {
                return screen;
            }

            Thread.Sleep(250);
        }

        return screen;
    }

    private static ReviewStatus StatusOf(string db, long linkId)
    {
        using var store = SourceCheckStore.Open(db);
        return store.GetLink(linkId)!.Status;
    }

    public sealed class Review
    {
        [SkippableFact]
        public void Should_fit_80x24_use_the_alternate_screen_and_save_accept_and_reject_under_tmux()
        {
            string? tmux = FindTmux();
            Skip.If(tmux is null, "tmux is not installed");
            var start = RobustnessTests.CliStart("review");
            var (tmp, paraphrase, translation) = ReviewTests.Seed();
            using var _ = tmp;
            string socket = "sc-review-" + Guid.NewGuid().ToString("N")[..10];
            string command = string.Join(' ', new[] { start.FileName }.Concat(start.ArgumentList).Concat(["--db", tmp.FilePath]).Select(Quote));
            try
            {
                // A shell prints a marker first, so that the scrollback check below has something to find; the pane
                // stays after the program ends.
                var (code, _) = Tmux(tmux!, socket, "new-session", "-d", "-s", "review", "-x", "80", "-y", "24",
                    "-e", "NO_COLOR=", "-e", "SOURCECHECK_DB=", "sh", "-c", "echo before-review; " + command + "; echo after-review; sleep 30");
                Assert.Equal(0, code);

                string screen = WaitForScreen(tmux!, socket, s => s.Contains("q quit", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
                var rows = screen.Split('\n');
                Assert.True(rows.Length <= 25, screen);
                Assert.StartsWith("SourceCheck review — 2 link(s): 2 open", rows[0], StringComparison.Ordinal);
                Assert.Contains("B Er schlug vor, dass Regierungen", screen, StringComparison.Ordinal);
                Assert.Contains("A Morgenblatt", screen, StringComparison.Ordinal);
                Assert.Contains("word by word", screen, StringComparison.Ordinal);
                Assert.Contains(rows, r => r.Contains("a accept", StringComparison.Ordinal));
                Assert.All(rows, r => Assert.True(r.TrimEnd().Length < 80, r));
                // Alternate screen: the shell's line is not on the screen while the UI runs, and the UI keeps no history.
                Assert.DoesNotContain("before-review", screen, StringComparison.Ordinal);
                Assert.Equal("0", Tmux(tmux!, socket, "display-message", "-p", "-t", "review", "#{history_size}").Out.Trim());
                Assert.Equal("1", Tmux(tmux!, socket, "display-message", "-p", "-t", "review", "#{alternate_on}").Out.Trim());

                Tmux(tmux!, socket, "send-keys", "-t", "review", "a");
                screen = WaitForScreen(tmux!, socket, s => s.Contains("accepted (saved)", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
                Assert.Contains($"Link #{paraphrase} accepted (saved)", screen, StringComparison.Ordinal);
                Assert.Equal(ReviewStatus.Accepted, StatusOf(tmp.FilePath, paraphrase));
                Assert.Equal(ReviewStatus.Open, StatusOf(tmp.FilePath, translation));

                // The cursor moved on to the open link: reject it.
                Tmux(tmux!, socket, "send-keys", "-t", "review", "r");
                WaitForScreen(tmux!, socket, s => s.Contains("rejected (saved)", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
                Assert.Equal(ReviewStatus.Rejected, StatusOf(tmp.FilePath, translation));
                Assert.Equal(ReviewStatus.Accepted, StatusOf(tmp.FilePath, paraphrase));

                Tmux(tmux!, socket, "send-keys", "-t", "review", "q");
                screen = WaitForScreen(tmux!, socket, s => s.Contains("after-review", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
                Assert.Contains("after-review", screen, StringComparison.Ordinal);
                // Back on the normal screen: the shell's lines are there, no frame of the UI is, in the screen or the scrollback.
                string all = Tmux(tmux!, socket, "capture-pane", "-p", "-S", "-", "-t", "review").Out;
                Assert.Contains("before-review", all, StringComparison.Ordinal);
                Assert.Contains("2 decision(s) saved", all, StringComparison.Ordinal);
                Assert.DoesNotContain("word by word", all, StringComparison.Ordinal);
                Assert.DoesNotContain("a accept", all, StringComparison.Ordinal);
            }
            finally
            {
                Tmux(tmux!, socket, "kill-server");
            }
        }

        private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
