using SourceCheck.Claims;

namespace SourceCheck.Storage;

public sealed partial class SourceCheckStore
{
    /// <summary>Stored claims sharing ANY salient term with <paramref name="text"/>, best bm25 rank first:
    /// the candidate set a new claim is matched against (the matcher decides what really links).</summary>
    public IReadOnlyList<SearchHit> SearchAny(string text, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = SearchTerms.Salient(text);
        if (terms.Count == 0)
        {
            return [];
        }

        return SearchMatching(SearchTerms.AnyQuery(terms), limit);
    }
}
