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

    /// <summary>The review decision on a pair of stored claims (any order): among the pair's links that a reviewer
    /// touched, the one reviewed last (null when none was reviewed). A rejected link means "these two claims are not
    /// linked"; a relabelled one carries the reviewer's type in <see cref="StoredLink.EffectiveType"/>.</summary>
    public StoredLink? ReviewOf(long claimA, long claimB) => LastDecision(GetLinks(claimA), claimA, claimB);

    /// <summary>Among <paramref name="links"/> of <paramref name="claimA"/>, the pair's link a reviewer touched last.</summary>
    internal static StoredLink? LastDecision(IEnumerable<StoredLink> links, long claimA, long claimB) =>
        links
            .Where(l => l.Other(claimA) == claimB && (l.Status != ReviewStatus.Open || l.RelabelledType is not null))
            .OrderByDescending(l => l.ReviewedAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(l => l.Id)
            .FirstOrDefault();
}
