using SourceCheck.Storage;

namespace SourceCheck.Tests.Storage;

public sealed class StorePathsTests
{
    public sealed class Resolve
    {
        private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
            name => vars.FirstOrDefault(v => v.Name == name).Value;

        [SkippableFact]
        public void Should_prefer_the_option_then_the_environment_variable_then_xdg_then_home()
        {
            var all = Env(("SOURCECHECK_DB", "/env/x.db"), ("XDG_DATA_HOME", "/xdg"), ("HOME", "/home/u"));
            Assert.Equal(Path.GetFullPath("/cwd/mine.db"), StorePaths.Resolve("mine.db", all, "/cwd"));
            Assert.Equal(Path.GetFullPath("/env/x.db"), StorePaths.Resolve(null, all, "/cwd"));
            Skip.If(OperatingSystem.IsWindows());
            Assert.Equal("/xdg/sourcecheck/sourcecheck.db", StorePaths.Resolve(null, Env(("XDG_DATA_HOME", "/xdg"), ("HOME", "/home/u")), "/cwd"));
            Assert.Equal("/home/u/.local/share/sourcecheck/sourcecheck.db", StorePaths.Resolve(null, Env(("HOME", "/home/u")), "/cwd"));
            // A relative XDG_DATA_HOME is invalid by the spec and ignored.
            Assert.Equal("/home/u/.local/share/sourcecheck/sourcecheck.db", StorePaths.Resolve(null, Env(("XDG_DATA_HOME", "rel"), ("HOME", "/home/u")), "/cwd"));
        }
    }
}
