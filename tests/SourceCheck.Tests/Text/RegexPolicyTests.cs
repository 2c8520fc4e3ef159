using System.Reflection;
using System.Text.RegularExpressions;
using SourceCheck.Text;
using Xunit;

namespace SourceCheck.Tests.Text;

public class RegexPolicyTests
{
    [Theory]
    [InlineData(@"^\s*(\d{4})-(\d{1,2})-(\d{1,2})", true)]
    [InlineData(@"[^\p{L}\p{N}]+", true)]
    [InlineData(@"\((?:Hrsg|Hg)\.?\)", true)]
    [InlineData(@"(?<!\d)(\d{1,2})/(\d{4})", false)]
    [InlineData(@"a(?=b)", false)]
    [InlineData(@"a(?!b)", false)]
    [InlineData(@"(?<=x)a", false)]
    [InlineData(@"(?>a+)b", false)]
    [InlineData(@"(a)\1", false)]
    [InlineData(@"(?<q>a)\k<q>", false)]
    [InlineData(@"\Gabc", false)]
    [InlineData(@"\\G is text", true)]
    public void Quick_check_refuses_the_constructs_the_linear_engine_lacks(string pattern, bool allowed)
    {
        Assert.Equal(allowed, RegexPolicy.AllowsNonBacktracking(pattern, RegexOptions.None));
        var regex = RegexPolicy.Create(pattern, RegexOptions.CultureInvariant);
        Assert.Equal(allowed, (regex.Options & RegexOptions.NonBacktracking) != 0);
        Assert.Equal(RegexPolicy.Timeout, regex.MatchTimeout);
    }

    [Theory]
    [InlineData(@"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)", "am 3. 11. 2024 und 12.1.1999", RegexOptions.None)]
    [InlineData(@"\s*(?:;|\||\s&\s|\s[-–—]\s|\band\b|\bund\b|,|\n|/)\s*", "Anna Meier und Bernd Koch, Cara Li / Dan & Eve", RegexOptions.IgnoreCase)]
    [InlineData(@"\([^)]{0,80}\)|\[[^\]]{0,80}\]", "Name (dpa) [Foto] (x", RegexOptions.None)]
    [InlineData(@"(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]", "2024年3月5日 und 2023 년 12 월 1 일", RegexOptions.None)]
    [InlineData(@"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})\s*$", "2024-03-05T10:22:33.5+01:00", RegexOptions.None)]
    public void Linear_engine_finds_the_same_matches_and_groups_as_backtracking(string pattern, string input, RegexOptions options)
    {
        var linear = RegexPolicy.Create(pattern, options);
        var backtracking = RegexPolicy.CreateBacktracking(pattern, options);
        var a = linear.Matches(input).Select(m => string.Join("|", m.Groups.Cast<Group>().Select(g => $"{g.Index}:{g.Value}"))).ToList();
        var b = backtracking.Matches(input).Select(m => string.Join("|", m.Groups.Cast<Group>().Select(g => $"{g.Index}:{g.Value}"))).ToList();
        Assert.NotEmpty(b);
        Assert.Equal(b, a);
    }

    /// <summary>Every pattern the shipped assemblies build — source-generated methods and static fields — carries the
    /// one shared timeout (a pattern with its own 1 s limit is what starved under load).</summary>
    [Fact]
    public void Every_shipped_pattern_uses_the_shared_timeout()
    {
        var assemblies = new[] { typeof(RegexPolicy).Assembly, typeof(SourceCheck.Storage.StoreLocation).Assembly };
        var found = new List<string>();
        var wrong = new List<string>();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.ContainsGenericParameters)
            {
                continue;
            }

            const BindingFlags all = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.ContainsGenericParameters))
            {
                Check($"{type.FullName}.{method.Name}()", (Regex?)method.Invoke(null, null));
            }

            foreach (var field in type.GetFields(all).Where(f => f.FieldType == typeof(Regex)))
            {
                Check($"{type.FullName}.{field.Name}", (Regex?)field.GetValue(null));
            }
        }

        Assert.True(found.Count > 70, $"only {found.Count} patterns found");
        Assert.Empty(wrong);

        void Check(string name, Regex? regex)
        {
            if (regex is null)
            {
                return;
            }

            found.Add(name);
            if (regex.MatchTimeout != RegexPolicy.Timeout)
            {
                wrong.Add($"{name}: {regex.MatchTimeout}");
            }
        }
    }
}
