namespace SourceCheck.Bench;

internal static class BenchProgram
{
    private static readonly (string Name, Action Run)[] Sections =
    [
        ("claims-extraction", ClaimsExtractionBench.Run),
    ];

    public static int Run(string[] args)
    {
        var wanted = args.Length == 0 ? null : new HashSet<string>(args, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, run) in Sections)
        {
            if (wanted is null || wanted.Contains(name))
            {
                Console.WriteLine($"## {name}");
                run();
            }
        }

        return 0;
    }
}
