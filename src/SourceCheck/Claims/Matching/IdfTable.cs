namespace SourceCheck.Claims.Matching;

/// <summary>Document frequencies of terms over the documents at hand (claims, or the sentences of a pairs
/// file); idf = ln((N + 1) / (df + 1)) + 1. An empty table gives every term the weight 1.</summary>
internal sealed class IdfTable
{
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);

    public int Documents { get; private set; }

    public void AddDocument(IEnumerable<string> terms)
    {
        Documents++;
        foreach (string term in terms.Distinct(StringComparer.Ordinal))
        {
            _df[term] = _df.TryGetValue(term, out int n) ? n + 1 : 1;
        }
    }

    public int DocumentFrequency(string term) => _df.TryGetValue(term, out int n) ? n : 0;

    public double Idf(string term)
    {
        if (Documents == 0)
        {
            return 1.0;
        }

        return Math.Log((Documents + 1.0) / (DocumentFrequency(term) + 1.0)) + 1.0;
    }
}
