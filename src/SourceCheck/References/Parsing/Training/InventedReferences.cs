namespace SourceCheck.References.Parsing.Training;

/// <summary>Invented news/web references (written for this project) used as extra training data.</summary>
public static class InventedReferences
{
    public static IEnumerable<(string Text, IReadOnlyDictionary<string, IReadOnlyList<string>> Fields)> All()
    {
        yield break;
    }
}
