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

        using var cmd = Command("SELECT " + ClaimColumns + ", " + DocumentColumns + """
            , f.rank
            FROM claims_fts f
            JOIN claims c ON c.id = f.rowid
            JOIN documents d ON d.id = c.document_id
            WHERE claims_fts MATCH $match
            ORDER BY f.rank, c.id
            LIMIT $limit
            """, null);
        cmd.Parameters.AddWithValue("$match", SearchTerms.AnyQuery(terms));
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var hits = new List<SearchHit>();
        while (r.Read())
        {
            hits.Add(new SearchHit(ReadClaim(r, 0), ReadDocument(r, ClaimColumnCount), r.GetDouble(ClaimColumnCount + 10)));
        }

        return hits;
    }
}
