using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
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

    public sealed class Alignment
    {
        private static AlignedWord Word(WordAlignment alignment, bool left, string text) =>
            (left ? alignment.Left : alignment.Right).Single(w => w.Text == text);

        private static string[] PartnersOf(WordAlignment alignment, string leftWord) =>
            [.. Word(alignment, true, leftWord).Partners.Select(p => alignment.Right[p].Text)];

        [Fact]
        public void Should_pair_the_words_a_paraphrase_shares_instead_of_marking_them_changed()
        {
            var alignment = WordAlignment.Align(
                "dass Regierungen ihre eigene KI-Infrastruktur aufbauen", "de",
                "dass Regierungen eigene KI-Infrastrukturen aufbauen könnten", "de", BilingualLexicon.HandWrittenOnly());
            Assert.Equal(["Regierungen"], PartnersOf(alignment, "Regierungen"));
            Assert.Equal(["eigene"], PartnersOf(alignment, "eigene"));
            Assert.Equal(["KI"], PartnersOf(alignment, "KI"));
            Assert.Equal(["Infrastrukturen"], PartnersOf(alignment, "Infrastruktur"));
            Assert.Equal(["aufbauen"], PartnersOf(alignment, "aufbauen"));
            Assert.Equal(WordMatch.Same, Word(alignment, true, "Regierungen").Match);
            // Every content word of A has its partner; the words are kept in text order with their offsets.
            Assert.DoesNotContain(alignment.Left, w => w.Match == WordMatch.None);
            Assert.Equal(["dass", "Regierungen", "ihre", "eigene", "KI", "Infrastruktur", "aufbauen"], alignment.Left.Select(w => w.Text).ToArray());
            Assert.Equal(5, Word(alignment, true, "Regierungen").Start);
        }

        [Fact]
        public void Should_leave_unpaired_the_content_words_only_one_claim_has()
        {
            var alignment = WordAlignment.Align(
                "Regierungen sollten Rechenzentren bauen.", "de",
                "Regierungen sollten Schulen bauen.", "de", BilingualLexicon.HandWrittenOnly());
            Assert.Equal(WordMatch.None, Word(alignment, true, "Rechenzentren").Match);
            Assert.Empty(Word(alignment, true, "Rechenzentren").Partners);
            Assert.Equal(WordMatch.None, Word(alignment, false, "Schulen").Match);
            Assert.Equal(["bauen"], PartnersOf(alignment, "bauen"));
        }

        [SkippableFact]
        public void Should_pair_german_words_with_their_english_translations()
        {
            var lexicon = BilingualLexicon.Default;
            Skip.IfNot(lexicon.CrossLanguageAvailable, "the trans-de-en dictionary is not installed");
            var alignment = WordAlignment.Align(
                "Er schlug vor, dass Regierungen eigene KI-Infrastrukturen aufbauen könnten.", "de",
                "Altman wrote on X that governments should build their own AI infrastructure.", "en", lexicon);
            Assert.Equal(["governments"], PartnersOf(alignment, "Regierungen"));
            Assert.Equal(WordMatch.Translated, Word(alignment, true, "Regierungen").Match);
            Assert.Equal(["infrastructure"], PartnersOf(alignment, "Infrastrukturen"));
            Assert.Equal(["build"], PartnersOf(alignment, "aufbauen"));
            Assert.Equal(WordMatch.None, Word(alignment, false, "wrote").Match);
        }
    }

    public sealed class Session
    {
        [Fact]
        public void Should_list_both_claims_and_align_them_word_by_word()
        {
            var (tmp, _, _) = Seed();
            using var _ = tmp;
            using var store = tmp.Open();
            var (console, writer) = TestConsole();
            var session = new ReviewSession(store, store.ListLinks(ReviewStatus.Open), console, new ScriptedKeySource([]));
            session.Run();
            string screen = writer.ToString();
            Assert.Contains("2 link(s): 2 open", screen, StringComparison.Ordinal);
            // The list shows each link's two claims.
            Assert.Contains("A „Sinnvoll wäre, dass Regierungen", screen, StringComparison.Ordinal);
            Assert.Contains("B Er schlug vor, dass Regierungen", screen, StringComparison.Ordinal);
            Assert.Contains("B Altman wrote on X that governments", screen, StringComparison.Ordinal);
            Assert.Contains("A Morgenblatt · 2025-11-07", screen, StringComparison.Ordinal);
            Assert.Contains("B Abendpost · 2025-11-09", screen, StringComparison.Ordinal);
            Assert.Contains("evidence: aligned: Regierungen", screen, StringComparison.Ordinal);
            Assert.DoesNotContain("[-", screen, StringComparison.Ordinal);

            // Word by word: the B word stands right under its A partner.
            var lines = session.FrameLines().Select(Markup.Remove).ToList();
            int top = lines.FindIndex(l => l.StartsWith("„Sinnvoll", StringComparison.Ordinal) || l.StartsWith("Sinnvoll", StringComparison.Ordinal));
            Assert.True(top > 0, string.Join("\n", lines));
            int column = lines[top].IndexOf("Regierungen", StringComparison.Ordinal);
            Assert.Equal(column, lines[top + 1].IndexOf("Regierungen", StringComparison.Ordinal));
            int infra = lines[top].IndexOf("Infrastruktur ", StringComparison.Ordinal);
            Assert.True(column > 0 && infra > column, lines[top]);
            Assert.Equal(infra, lines[top + 1].IndexOf("Infrastrukturen", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("only in B:", StringComparison.Ordinal) && l.Contains("schlug", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(80, 24)]
        [InlineData(40, 12)]
        [InlineData(200, 60)]
        public void Should_fit_the_terminal(int width, int height)
        {
            var (tmp, _, _) = Seed();
            using var _ = tmp;
            using (var seed = tmp.Open())
            {
                // A long pair too, so that the alignment has to be cut.
                string longDe = string.Join(' ', Enumerable.Repeat("Regierungen sollten nach Ansicht des Konzernchefs ihre eigene Infrastruktur für künstliche Intelligenz aufbauen.", 4));
                string longEn = string.Join(' ', Enumerable.Repeat("Governments should, in the view of the chief executive, build their own infrastructure for artificial intelligence.", 4));
                var de = StoreTestData.Ingest(seed, StoreTestData.Make("long-de.txt", "Langes Blatt mit sehr langem Namen", "2025-11-10", "de", [(longDe, "Sam Altman", "X (post)", "Zeit")])).ClaimIds;
                var en = StoreTestData.Ingest(seed, StoreTestData.Make("long-en.txt", "The Long Courier", "2025-11-10", "en", [(longEn, null, null, null)])).ClaimIds;
                seed.AddLink(de["long-de.txt-c1"], en["long-en.txt-c1"], LinkType.Translation, 0.7, [new string('x', 300)]);
            }

            using var store = tmp.Open();
            var (console, _) = TestConsole();
            console.Profile.Width = width;
            console.Profile.Height = height;
            var session = new ReviewSession(store, store.ListLinks(), console, new ScriptedKeySource([]));
            for (int i = 0; i < 3; i++)
            {
                var lines = session.FrameLines();
                Assert.InRange(lines.Count, 1, height);
                Assert.All(lines, l => Assert.True(Markup.Remove(l).GetCellWidth() < width, $"{Markup.Remove(l).GetCellWidth()} cells: {Markup.Remove(l)}"));
                Assert.Contains(lines, l => l.Contains("accept", StringComparison.Ordinal));
                session.Handle(ScriptedKeySource.Key(ConsoleKey.DownArrow));
            }

            session.Handle(ScriptedKeySource.Char('l'));
            Assert.InRange(session.FrameLines().Count, 1, height);
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
            Assert.Contains("word by word", output.ToString(), StringComparison.Ordinal);
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
