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
        public void Should_show_the_diff_and_save_accept_under_tmux()
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
                var (code, _) = Tmux(tmux!, socket, "new-session", "-d", "-s", "review", "-x", "160", "-y", "50",
                    "-e", "NO_COLOR=", "-e", "SOURCECHECK_DB=", command);
                Assert.Equal(0, code);

                string screen = WaitForScreen(tmux!, socket, s => s.Contains("q quit", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
                Assert.Contains("2 link(s): 2 open", screen, StringComparison.Ordinal);
                Assert.Contains("A: Morgenblatt", screen, StringComparison.Ordinal);
                Assert.Contains("[-ihre -]", screen, StringComparison.Ordinal);
                Assert.Contains("{+Infrastrukturen+}", screen, StringComparison.Ordinal);

                Tmux(tmux!, socket, "send-keys", "-t", "review", "a");
                screen = WaitForScreen(tmux!, socket, s => s.Contains("accepted (saved)", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
                Assert.Contains($"Link #{paraphrase} accepted (saved)", screen, StringComparison.Ordinal);
                Assert.Equal(ReviewStatus.Accepted, StatusOf(tmp.FilePath, paraphrase));
                Assert.Equal(ReviewStatus.Open, StatusOf(tmp.FilePath, translation));

                // Arrow keys move the selection: go back up and reject the first link.
                Tmux(tmux!, socket, "send-keys", "-t", "review", "Up");
                Tmux(tmux!, socket, "send-keys", "-t", "review", "r");
                WaitForScreen(tmux!, socket, s => s.Contains("rejected (saved)", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
                Assert.Equal(ReviewStatus.Rejected, StatusOf(tmp.FilePath, paraphrase));

                Tmux(tmux!, socket, "send-keys", "-t", "review", "q");
                var deadline = DateTime.UtcNow.AddSeconds(20);
                while (DateTime.UtcNow < deadline && Tmux(tmux!, socket, "has-session", "-t", "review").Code == 0)
                {
                    Thread.Sleep(200);
                }

                Assert.NotEqual(0, Tmux(tmux!, socket, "has-session", "-t", "review").Code);
            }
            finally
            {
                Tmux(tmux!, socket, "kill-server");
            }
        }

        private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
