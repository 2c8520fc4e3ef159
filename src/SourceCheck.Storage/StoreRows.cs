using System.Data.Common;
using SourceCheck.Claims;

namespace SourceCheck.Storage;

/// <summary>The rows both store backends select and read alike (documents, claims, links, references): the column lists
/// and their readers, through ADO.NET's common reader. Only times are kept differently (SQLite as ISO text, PostgreSQL as
/// a timestamp), so each backend passes how to read a time column.</summary>
internal static class StoreRows
{
    public const string ClaimColumns = """
        c.id, c.document_id, c.ordinal, coalesce(c.external_id, 'c' || c.id), c.span_start, c.span_end, c.text, c.language,
        c.quote_kind, c.quoted_words, c.speaker, c.speaker_mention, c.channel, c.reporting_outlet, c.figures_json, d.source,
        c.speaker_candidate
        """;

    public const int ClaimColumnCount = 17;

    /// <summary>The <see cref="ClaimColumns"/> of a claim and its document selected under other table aliases (a query
    /// joining two claims), so the list and its reader stay one.</summary>
    public static string ClaimColumnsAs(string claim, string document) =>
        ClaimColumns.Replace("c.", claim + ".", StringComparison.Ordinal).Replace("d.source", document + ".source", StringComparison.Ordinal);

    /// <summary>What the store keeps in <c>speaker_candidate</c>: the rules' speaker only where the precision policy left
    /// the reported speaker unknown (or another), else nothing — a claim read back then falls back to its speaker.</summary>
    public static string? StoredCandidate(Claim claim) =>
        string.Equals(claim.SpeakerCandidate, claim.Speaker, StringComparison.Ordinal) ? null : claim.SpeakerCandidate;

    public const string DocumentColumns = """
        d.id, d.content_hash, d.source, d.title, d.outlet, d.published, d.language, d.claim_count, d.reference_count, d.ingested_at
        """;

    /// <summary>The <see cref="DocumentColumns"/> under another table alias.</summary>
    public static string DocumentColumnsAs(string document) => DocumentColumns.Replace("d.", document + ".", StringComparison.Ordinal);

    public const string LinkColumns = """
        l.id, l.claim_a, l.claim_b, l.type, l.score, l.evidence_json, l.status, l.relabelled_type, l.reviewed_at, l.reviewer
        """;

    /// <summary>A document from the <see cref="DocumentColumns"/> starting at <paramref name="o"/>.</summary>
    public static StoredDocument Document(DbDataReader r, int o, Func<DbDataReader, int, DateTimeOffset?> time) => new(
        r.GetInt64(o),
        r.GetString(o + 1),
        r.GetString(o + 2),
        Str(r, o + 3),
        Str(r, o + 4),
        Str(r, o + 5),
        Str(r, o + 6),
        r.GetInt32(o + 7),
        r.GetInt32(o + 8),
        time(r, o + 9) ?? throw new InvalidOperationException("a stored document without its ingest time"));

    /// <summary>A claim from the <see cref="ClaimColumns"/> starting at <paramref name="o"/>.</summary>
    public static StoredClaim Claim(DbDataReader r, int o)
    {
        int start = r.GetInt32(o + 4);
        int end = r.GetInt32(o + 5);
        var claim = new Claim(
            r.GetString(o + 3),
            r.GetString(o + 15),
            Str(r, o + 7) ?? string.Empty,
            r.GetString(o + 6),
            new Text.TextSpan(start, end - start),
            SourceCheckStore.ParseQuote(Str(r, o + 8)),
            Str(r, o + 9),
            Str(r, o + 10),
            Str(r, o + 11),
            Str(r, o + 12),
            Str(r, o + 13),
            SourceCheckStore.ParseFigures(Str(r, o + 14)))
        {
            SpeakerCandidate = Str(r, o + 16),
        };
        return new StoredClaim(r.GetInt64(o), r.GetInt64(o + 1), r.GetInt32(o + 2), claim);
    }

    public static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>A link from the <see cref="LinkColumns"/> starting at <paramref name="o"/>.</summary>
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
