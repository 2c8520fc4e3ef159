using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SourceCheck.Documents.Web;

namespace SourceCheck.Tests.Documents.Web;

public sealed class WebTextTests
{
    /// <summary>The former definition of Clean (a regex over every white-space run), kept as the reference.</summary>
    private static string RegexClean(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Regex.Replace(text.Replace('\u00A0', ' ').Replace('\u200B', ' '), @"\s+", " ", RegexOptions.CultureInvariant).Trim();

    private static AngleSharp.Dom.IElement Parse(string body) =>
        new HtmlParser().ParseDocument($"<html><body><div id=\"x\">{body}</div></body></html>").GetElementById("x")!;

    public sealed class Clean
    {
        [Fact]
        public void Should_treat_every_character_as_the_former_regex_did()
        {
            for (int c = 0; c <= char.MaxValue; c++)
            {
                string ch = ((char)c).ToString();
                foreach (string text in new[] { "a" + ch + "b", ch + "a" + ch + ch + " b" + ch, " " + ch + " ", "a " + ch })
                {
                    Assert.Equal(RegexClean(text), WebText.Clean(text));
                }
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("plain")]
        [InlineData("  lead and trail  ")]
        [InlineData("a b ")]
        [InlineData("a \n b")]
        [InlineData("a \u00A0b\u200Bc")]
        [InlineData("one  two\t\tthree\r\n")]
        [InlineData(" ")]
        [InlineData("a b\n")]
        public void Should_collapse_runs_and_trim(string text)
        {
            Assert.Equal(RegexClean(text), WebText.Clean(text));
        }

        [Fact]
        public void Should_match_the_regex_on_random_mixtures()
        {
            var random = new Random(7);
            char[] alphabet = ['a', 'B', ' ', ' ', '\n', '\t', '\u00A0', '\u200B', '\u2003', 'ü', ':'];
            for (int i = 0; i < 5000; i++)
            {
                var sb = new StringBuilder();
                int len = random.Next(0, 12);
                for (int j = 0; j < len; j++)
                {
                    sb.Append(alphabet[random.Next(alphabet.Length)]);
                }

                Assert.Equal(RegexClean(sb.ToString()), WebText.Clean(sb.ToString()));
            }
        }
    }

    public sealed class TextOfLongerThan
    {
        [Theory]
        [InlineData("<p>Jane   Doe</p><span>Reporter</span>", 5)]
        [InlineData("<p>Jane   Doe</p><span>Reporter</span>", 16)]
        [InlineData("<p>Jane   Doe</p><span>Reporter</span>", 17)]
        [InlineData("<p>Jane   Doe</p><span>Reporter</span>", 40)]
        [InlineData("<script>var longer = 'script text is not read';</script>short", 5)]
        [InlineData("<script>var longer = 'script text is not read';</script>short", 4)]
        [InlineData("a\u200B\u200B\u200B\u200B\u200B\u200B b", 3)]
        public void Should_say_longer_exactly_when_the_non_space_characters_pass_the_limit(string body, int limit)
        {
            var e = Parse(body);
            string text = WebText.TextOf(e);

            // Sound: "longer" only when TextOf is longer; otherwise its non-space characters are within the limit.
            Assert.Equal(text.Count(c => c != ' ') > limit, WebText.TextOfLongerThan(e, limit));
            Assert.True(!WebText.TextOfLongerThan(e, limit) || text.Length > limit);
        }

        [Fact]
        public void Should_agree_on_hidden_elements_when_they_are_skipped()
        {
            var e = Parse("<span class=\"sr-only\">Screen reader text here</span>Visible");

            Assert.False(WebText.TextOfLongerThan(e, 10, skipHidden: true));
            Assert.True(WebText.TextOfLongerThan(e, 10));
            Assert.True(WebText.TextOf(e).Length > 10);
            Assert.True(WebText.TextOf(e, skipHidden: true).Length <= 10);
        }
    }

    public sealed class TextContentLongerThan
    {
        [Theory]
        [InlineData("Autor:", 16)]
        [InlineData("Autor:::::::::::::::::::::::::", 5)]
        [InlineData("Autor:::::::::::::::::::::::::", 4)]
        [InlineData("<b>Written</b> <i>by</i>", 8)]
        [InlineData("<b>Written</b> <i>by</i>", 9)]
        [InlineData("<b>Written</b> <i>by</i>", 10)]
        [InlineData("<script>x=1;</script>Von", 3)]
        [InlineData("<script>x=1;</script>Von", 7)]
        public void Should_never_say_longer_when_the_trimmed_clean_text_is_not(string body, int limit)
        {
            var e = Parse(body);
            string actual = WebText.Clean(e.TextContent).TrimEnd(':', ' ');

            if (WebText.TextContentLongerThan(e, limit, ':'))
            {
                Assert.True(actual.Length > limit);
            }
            else
            {
                // A lower bound: the characters that cleaning and trimming cannot remove are at most the limit.
                Assert.True(actual.Count(c => c is not (' ' or ':')) <= limit);
            }
        }
    }

    public sealed class RegistrableDomain
    {
        [Theory]
        [InlineData("about.gitlab.com", "gitlab.com")]
        [InlineData("WWW.Example.com", "example.com")]
        [InlineData("news.example.co.uk", "example.co.uk")]
        [InlineData("www.bbc.co.uk", "bbc.co.uk")]
        [InlineData("example.de", "example.de")]
        [InlineData("localhost", "localhost")]
        public void Should_keep_the_last_two_labels_or_three_under_a_short_second_level(string host, string expected)
        {
            Assert.Equal(expected, WebText.RegistrableDomain(host));
        }
    }
}
