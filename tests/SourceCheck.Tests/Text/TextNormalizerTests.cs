using SourceCheck.Text;

namespace SourceCheck.Tests.Text;

public sealed class TextNormalizerTests
{
    public sealed class Normalize
    {
        [Fact]
        public void Should_map_typographic_marks_and_collapse_spaces()
        {
            Assert.Equal("\"Ja\" - sagte er 'so'", TextNormalizer.Normalize("„Ja“ –  sagte\u00A0er ‚so‘"));
            Assert.Equal("abc def", TextNormalizer.Normalize("AB\u00ADC  Def", foldCase: true));
        }
    }
}
