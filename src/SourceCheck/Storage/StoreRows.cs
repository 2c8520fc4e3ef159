using System.Data.Common;
using SourceCheck.Claims;

namespace SourceCheck.Storage;

/// <summary>The rows both store backends read alike (links and references), through ADO.NET's common reader. Only the
/// review time is kept differently (SQLite as ISO text, PostgreSQL as a timestamp), so each backend passes how to read it.</summary>
internal static class StoreRows
{
    public static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>A link from ten columns starting at <paramref name="o"/>: id, claim a, claim b, type, score, evidence,
    /// review status, relabel, review time, reviewer.</summary>
    public static StoredLink Link(DbDataReader r, int o, Func<DbDataReader, int, DateTimeOffset?> reviewedAt) => new(
        r.GetInt64(o),
        r.GetInt64(o + 1),
        r.GetInt64(o + 2),
        LinkTypeNames.Parse(r.GetString(o + 3)) ?? LinkType.Paraphrase,
        r.GetDouble(o + 4),
        SourceCheckStore.ParseStrings(Str(r, o + 5)),
        ReviewStatusNames.Parse(Str(r, o + 6)) ?? ReviewStatus.Open,
        Str(r, o + 7) is { } relabel ? LinkTypeNames.Parse(relabel) : null,
        reviewedAt(r, o + 8))
    {
        Reviewer = Str(r, o + 9),
    };

    public static List<StoredLink> Links(DbCommand cmd, Func<DbDataReader, int, DateTimeOffset?> reviewedAt)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<StoredLink>();
        while (r.Read())
        {
            list.Add(Link(r, 0, reviewedAt));
        }

        return list;
    }

    public static List<StoredReference> References(DbCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<StoredReference>();
        while (r.Read())
        {
            int? entry = r.IsDBNull(2) ? null : r.GetInt32(2);
            Text.TextSpan? span = r.IsDBNull(3) || r.IsDBNull(4) ? null : Text.TextSpan.FromBounds(r.GetInt32(3), r.GetInt32(4));
            list.Add(new StoredReference(r.GetInt64(0), r.GetInt64(1), entry, span, r.GetString(5), r.GetString(6)));
        }

        return list;
    }
}
