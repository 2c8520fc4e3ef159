using SourceCheck.Claims;

namespace SourceCheck.Storage;

internal sealed partial class SourceCheckStore
{
    /// <summary>How many index entries (claims holding a term, summed over the terms asked for) one candidate query
    /// may rank. bm25 ranks every claim matching the OR query, so a salient but common word ("government",
    /// "prozent*") made one query rank tens of thousands of claims at 1.15 M stored claims.</summary>
    internal const long CandidatePostings = 10_000;

    /// <summary>Stored claims sharing ANY of the rarest salient terms of <paramref name="text"/>, best bm25 rank first:
    /// the candidate set a new claim is matched against (the matcher decides what really links). The terms are taken
    /// rarest first (exact counts from the index) while the claims holding them add up to at most
    /// <see cref="CandidatePostings"/>; the rarest term is always asked for. Work per query is bounded by that budget
    /// (or by the rarest term's count when that alone is larger), not by the store's size; a small store (all terms within the budget) asks for every term as before.</summary>
    public IReadOnlyList<SearchHit> SearchAny(string text, int limit = 10) => SearchAny(text, limit, CandidatePostings);

    /// <summary><see cref="SearchAny(string, int)"/> with another budget of index entries (tests).</summary>
    internal IReadOnlyList<SearchHit> SearchAny(string text, int limit, long budget)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = SearchTerms.Salient(text);
        if (terms.Count == 0)
        {
            return [];
        }

        var asked = new List<SearchTerm>(terms.Count);
        long postings = 0;
        foreach (var (term, count) in TermCounts(terms))
        {
            if (count == 0)
            {
                continue;
            }

            if (asked.Count > 0 && postings + count > budget)
            {
                break;
            }

            asked.Add(term);
            postings += count;
        }

        return asked.Count == 0 ? [] : SearchMatching(SearchTerms.AnyQuery(asked), limit);
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
