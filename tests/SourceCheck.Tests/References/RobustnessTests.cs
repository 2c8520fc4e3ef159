using System.Text;
using SourceCheck.References;
using SourceCheck.References.BibTex;
using SourceCheck.References.Ris;

namespace SourceCheck.Tests.References;

/// <summary>Seeded random inputs built from the characters the readers care about: nothing may throw.</summary>
public sealed class RobustnessTests
{
    private const string Alphabet = "@{}()\"#=,%\\'`^~-–—.:;[]•*·\n\n\r\t  abcXYZäöüß0123456789TYAUER/<>&$_";

    private static IEnumerable<string> Inputs(int seed, int count)
    {
        var rng = new Random(seed);
        string[] seeds =
        [
            "@article{a, title = {x}, author = {A and B}}", "TY  - JOUR\nAU  - X, Y\nER  - \n", "References\n1. Smith, J. (2020). T. O.\n",
            "Bibliography: - A, B. (2020). T. O. - (2021). U. P.", "<h2>Quellen</h2><ul><li>X (2020). Y.</li></ul>", "\\\"{\\'{\\c{",
        ];
        for (int i = 0; i < count; i++)
        {
            var sb = new StringBuilder(seeds[rng.Next(seeds.Length)]);
            int edits = rng.Next(1, 40);
            for (int k = 0; k < edits; k++)
            {
                int at = rng.Next(sb.Length + 1);
                if (rng.Next(3) == 0 && sb.Length > 0 && at < sb.Length)
                {
                    sb.Remove(at, 1);
                }
                else
                {
                    sb.Insert(at, Alphabet[rng.Next(Alphabet.Length)]);
                }
            }

            yield return sb.ToString();
        }
    }

    public sealed class Readers
    {
        [Fact]
        public void Should_never_throw_on_mangled_input()
        {
            foreach (var input in Inputs(42, 3000))
            {
                _ = BibliographyDetector.Detect(input);
                _ = HtmlBibliographyDetector.Detect(input);
                _ = BibTexReader.Read(input);
                _ = RisReader.Read(input);
                _ = Latex.ToUnicode(input);
                _ = Latex.FromUnicode(input);
                _ = BibTexNames.Parse(input);
                _ = ReferenceReader.Detect(input);
            }
        }

        [Fact]
        public void Should_write_bibtex_that_reads_back_without_errors_for_any_text()
        {
            foreach (var input in Inputs(7, 500))
            {
                var item = new SourceCheck.Csl.CslItem("k", "book");
                item.SetString("title", input);
                item.SetNames("author", [SourceCheck.Csl.CslName.Institution(input.Length == 0 ? "x" : input)]);
                var diagnostics = new List<SourceCheck.Diagnostics.Diagnostic>();
                string bib = BibTexWriter.Write([item], diagnostics);
                var back = BibTexReader.Read(bib);
                Assert.DoesNotContain(back.Diagnostics, d => d.Severity == SourceCheck.Diagnostics.Severity.Error);
                Assert.Single(back.Value!);
            }
        }
    }
}
