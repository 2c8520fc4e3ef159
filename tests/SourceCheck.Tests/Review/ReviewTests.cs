using SourceCheck.Claims;
using SourceCheck.Cli.Review;
using SourceCheck.Storage;
using SourceCheck.Tests.Storage;
using SourceCheck.Tests.Support;
using Spectre.Console;

namespace SourceCheck.Tests.Review;

public sealed class ReviewTests
{
    /// <summary>A store with the story's three documents and two open links: early↔late (paraphrase), late↔english (translation).</summary>
    internal static (TempDb Tmp, long Paraphrase, long Translation) Seed()
    {
        var tmp = new TempDb();
        using var store = tmp.Open();
        var (early, late, english) = StoreTestData.Story();
        var e = StoreTestData.Ingest(store, early).ClaimIds;
        var l = StoreTestData.Ingest(store, late).ClaimIds;
        var en = StoreTestData.Ingest(store, english).ClaimIds;
        long p = store.AddLink(e["early.txt-c1"], l["late.txt-c1"], LinkType.Paraphrase, 0.82, ["aligned: Regierungen eigene KI-Infrastruktur aufbauen"]);
        long t = store.AddLink(l["late.txt-c1"], en["english.txt-c1"], LinkType.Translation, 0.61, ["governments = Regierungen"]);
        return (tmp, p, t);
    }

    private static (IAnsiConsole Console, StringWriter Writer) TestConsole()
    {
        var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 140;
        console.Profile.Height = 40;
        return (console, writer);
    }

    public sealed class Diff
    {
        [Fact]
        public void Should_mark_words_only_in_one_claim()
        {
            var (left, right) = WordDiff.Compute(
                "dass Regierungen ihre eigene KI-Infrastruktur aufbauen",
                "dass Regierungen eigene KI-Infrastrukturen aufbauen könnten");
            Assert.Equal(["ihre ", "Infrastruktur"], left.Where(s => s.Changed).Select(s => s.Text).ToArray());
            Assert.Equal(["Infrastrukturen", " könnten"], right.Where(s => s.Changed).Select(s => s.Text).ToArray());
            Assert.Equal("dass Regierungen ihre eigene KI-Infrastruktur aufbauen", string.Concat(left.Select(s => s.Text)));
            Assert.Equal("dass Regierungen eigene KI-Infrastrukturen aufbauen könnten", string.Concat(right.Select(s => s.Text)));
        }

        [Fact]
        public void Should_report_no_change_for_identical_text()
        {
            var (left, right) = WordDiff.Compute("Gleicher Satz.", "Gleicher Satz.");
            Assert.All(left.Concat(right), s => Assert.False(s.Changed));
        }
    }

    public sealed class Session
    {
        [Fact]
        public void Should_show_both_claims_with_the_word_diff()
        {
            var (tmp, _, _) = Seed();
            using var _ = tmp;
            using var store = tmp.Open();
            var (console, writer) = TestConsole();
            var session = new ReviewSession(store, store.ListLinks(ReviewStatus.Open), console, new ScriptedKeySource([]));
            session.Run();
            string screen = writer.ToString();
            Assert.Contains("2 link(s): 2 open", screen, StringComparison.Ordinal);
            Assert.Contains("A: Morgenblatt", screen, StringComparison.Ordinal);
            Assert.Contains("B: Abendpost", screen, StringComparison.Ordinal);
            Assert.Contains("[-ihre -]", screen, StringComparison.Ordinal);
            Assert.Contains("{+Infrastrukturen+}", screen, StringComparison.Ordinal);
            Assert.Contains("Evidence: aligned: Regierungen", screen, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_save_accept_reject_and_relabel_immediately()
        {
            var (tmp, paraphrase, translation) = Seed();
            using var _ = tmp;
            using var store = tmp.Open();
            var (console, _) = TestConsole();
            var keys = new ScriptedKeySource([]);
            var session = new ReviewSession(store, store.ListLinks(ReviewStatus.Open), console, keys);

            Assert.True(session.Handle(ScriptedKeySource.Char('a')));
            using (var other = tmp.Open())
            {
                // Saved at once: another connection sees it while the session is still running.
                Assert.Equal(ReviewStatus.Accepted, other.GetLink(paraphrase)!.Status);
            }

            Assert.Equal(1, session.Selected); // moved on to the next open link
            session.Handle(ScriptedKeySource.Char('r'));
            Assert.Equal(ReviewStatus.Rejected, store.GetLink(translation)!.Status);

            session.Handle(ScriptedKeySource.Key(ConsoleKey.UpArrow));
            Assert.Equal(0, session.Selected);
            session.Handle(ScriptedKeySource.Char('l'));
            Assert.Equal((int)LinkType.Paraphrase, session.RelabelChoice);
            session.Handle(ScriptedKeySource.Key(ConsoleKey.DownArrow));
            session.Handle(ScriptedKeySource.Key(ConsoleKey.Enter));
            var relabelled = store.GetLink(paraphrase)!;
            Assert.Equal(LinkType.Translation, relabelled.EffectiveType);
            Assert.Equal(LinkType.Paraphrase, relabelled.Type);
            Assert.Equal(ReviewStatus.Accepted, relabelled.Status);

            session.Handle(ScriptedKeySource.Char('o'));
            Assert.Equal(ReviewStatus.Open, store.GetLink(paraphrase)!.Status);
            Assert.False(session.Handle(ScriptedKeySource.Char('q')));
            Assert.Equal(4, session.Decisions);
        }

        [Fact]
        public void Should_cancel_relabel_with_escape_without_saving()
        {
            var (tmp, paraphrase, _) = Seed();
            using var _ = tmp;
            using var store = tmp.Open();
            var (console, writer) = TestConsole();
            var session = new ReviewSession(store, store.ListLinks(), console,
                new ScriptedKeySource([ScriptedKeySource.Char('l'), ScriptedKeySource.Char('3'), ScriptedKeySource.Key(ConsoleKey.Escape), ScriptedKeySource.Char('q')]));
            Assert.Equal(0, session.Run());
            Assert.Contains("Relabel as", writer.ToString(), StringComparison.Ordinal);
            Assert.Contains("> 3 translation", writer.ToString(), StringComparison.Ordinal);
            var link = store.GetLink(paraphrase)!;
            Assert.Equal(ReviewStatus.Open, link.Status);
            Assert.Null(link.RelabelledType);
        }
    }

    public sealed class Command
    {
        [Fact]
        public void Should_run_the_ui_from_the_command_with_a_key_source_and_save()
        {
            var (tmp, paraphrase, translation) = Seed();
            using var _ = tmp;
            var output = new StringWriter { NewLine = "\n" };
            var error = new StringWriter { NewLine = "\n" };
            var env = new SourceCheck.Cli.Infrastructure.CliEnvironment { In = new StringReader(string.Empty), Out = output, Error = error, Width = 140 };
            var keys = new ScriptedKeySource([ScriptedKeySource.Char('r'), ScriptedKeySource.Char('a'), ScriptedKeySource.Char('q')]);
            var command = SourceCheck.Cli.Commands.ReviewCommand.Create(env, keys);
            int code = command.Parse(["--db", tmp.FilePath]).Invoke();
            Assert.Equal(0, code);
            Assert.Contains("2 decision(s) saved", error.ToString(), StringComparison.Ordinal);
            using var store = tmp.Open();
            Assert.Equal(ReviewStatus.Rejected, store.GetLink(paraphrase)!.Status);
            Assert.Equal(ReviewStatus.Accepted, store.GetLink(translation)!.Status);
            Assert.Contains("[-ihre -]", output.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_say_when_there_is_nothing_to_review()
        {
            using var tmp = new TempDb();
            var output = new StringWriter { NewLine = "\n" };
            var env = new SourceCheck.Cli.Infrastructure.CliEnvironment { In = new StringReader(string.Empty), Out = output, Error = new StringWriter() };
            int code = SourceCheck.Cli.Commands.ReviewCommand.Create(env, new ScriptedKeySource([ScriptedKeySource.Char('a'), ScriptedKeySource.Char('q')]))
                .Parse(["--db", tmp.FilePath]).Invoke();
            Assert.Equal(0, code);
            Assert.Contains("No flagged links to review", output.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_refuse_cleanly_without_a_terminal()
        {
            var (tmp, _, _) = Seed();
            using var _ = tmp;
            var r = CliRunner.Run(null, "review", "--db", tmp.FilePath);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("needs a terminal", r.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, r.Out);
        }

        [Fact]
        public void Should_export_the_references_of_accepted_links_as_csl_json()
        {
            var (tmp, paraphrase, _) = Seed();
            using var _ = tmp;
            using (var store = tmp.Open())
            {
                store.SetReview(paraphrase, ReviewStatus.Accepted);
            }

            string output = Path.Combine(tmp.Folder, "accepted.json");
            var r = CliRunner.Run(null, "review", "--db", tmp.FilePath, "--export-accepted", output);
            Assert.Equal(0, r.ExitCode);
            var parsed = SourceCheck.Csl.CslJson.Parse(File.ReadAllText(output));
            Assert.True(parsed.Success);
            Assert.Equal(["Altman says no bailout", "OpenAI backtracks on backstop"],
                parsed.Value!.Select(i => i.GetString("title") ?? string.Empty).Order(StringComparer.Ordinal).ToArray());
        }
    }
}
