using System.Text.Json;
using SourceCheck.Claims;
using SourceCheck.Text;

namespace SourceCheck.Storage;

/// <summary>The <c>sourcecheck-trace/1</c> JSON format: the query, its terms, and the chains speaker → channel →
/// outlets (first first) with each stored claim and its links.</summary>
public static class TraceJson
{
    /// <summary>The schema name written into every document.</summary>
    public const string Schema = "sourcecheck-trace/1";

    /// <summary>The trace as indented JSON (UTF-8 text, "\n" line ends, final newline).</summary>
    public static string Write(TraceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("query", result.Query);
            if (result.SeedClaimId is { } seed)
            {
                w.WriteNumber("claim_id", seed);
            }

            w.WriteStartArray("terms");
            foreach (var t in result.Terms)
            {
                w.WriteStringValue(t.ToString());
            }

            w.WriteEndArray();
            w.WriteNumber("claims_found", result.Claims.Length);
            w.WriteStartArray("chains");
            foreach (var speaker in result.Speakers)
            {
                w.WriteStartObject();
                w.WriteString("speaker", speaker.Speaker);
                w.WriteStartArray("channels");
                foreach (var channel in speaker.Channels)
                {
                    w.WriteStartObject();
                    w.WriteString("channel", channel.Channel);
                    w.WriteStartArray("outlets");
                    for (int i = 0; i < channel.Outlets.Length; i++)
                    {
                        WriteOutlet(w, channel.Outlets[i], i);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteOutlet(Utf8JsonWriter w, TraceOutlet outlet, int index)
    {
        w.WriteStartObject();
        w.WriteNumber("order", index + 1);
        w.WriteString("outlet", outlet.Outlet);
        w.WriteBoolean("stored", outlet.Document is not null);
        if (outlet.Document is { } doc)
        {
            w.WriteStartObject("document");
            w.WriteNumber("id", doc.Id);
            w.WriteString("source", doc.Source);
            w.WriteString("title", doc.Title);
            w.WriteString("outlet", doc.Outlet);
            w.WriteString("date", doc.Date);
            w.WriteString("language", doc.Language);
            w.WriteEndObject();
        }

        WriteStrings(w, "credits", outlet.Credits);
        WriteStrings(w, "credited_by", outlet.CreditedBy);
        w.WriteStartArray("claims");
        foreach (var claim in outlet.Claims)
        {
            var c = claim.Claim.Claim;
            w.WriteStartObject();
            w.WriteNumber("id", claim.Claim.Id);
            w.WriteString("text", c.Text);
            w.WriteNumber("start", c.Span.Start);
            w.WriteNumber("end", c.Span.End);
            w.WriteString("language", string.IsNullOrEmpty(c.Language) ? null : c.Language);
            w.WriteString("quote", c.Quote switch { QuoteKind.Direct => "direct", QuoteKind.Indirect => "indirect", _ => "none" });
            w.WriteString("speaker_mention", c.SpeakerMention);
            w.WriteString("reporting_outlet", c.ReportingOutlet);
            w.WriteString("matched_by", claim.MatchedByText ? "text" : "link");
            if (claim.Coverage is { } cov)
            {
                w.WriteNumber("coverage", Math.Round(cov, 3));
            }

            w.WriteNumber("depth", claim.Depth);
            w.WriteStartArray("links");
            foreach (var link in claim.Links)
            {
                w.WriteStartObject();
                w.WriteNumber("id", link.LinkId);
                w.WriteNumber("claim", link.OtherClaimId);
                w.WriteString("type", link.Type.ToName());
                w.WriteNumber("score", Math.Round(link.Score, 4));
                w.WriteString("status", link.Status.ToName());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}

/// <summary>The <c>sourcecheck-search/1</c> JSON format: the query, its salient terms, and the stored claims found,
/// best first, each with its document.</summary>
public static class SearchJson
{
    /// <summary>The schema name written into every document.</summary>
    public const string Schema = "sourcecheck-search/1";

    /// <summary>The hits of <paramref name="query"/> as indented JSON (UTF-8 text, "\n" line ends, final newline).</summary>
    public static string Write(string query, IReadOnlyList<SearchTerm> terms, IReadOnlyList<SearchHit> hits)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(hits);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("query", query);
            w.WriteStartArray("terms");
            foreach (var t in terms)
            {
                w.WriteStringValue(t.ToString());
            }

            w.WriteEndArray();
            w.WriteStartArray("claims");
            foreach (var hit in hits)
            {
                var c = hit.Claim.Claim;
                w.WriteStartObject();
                w.WriteNumber("id", hit.Claim.Id);
                w.WriteNumber("score", Math.Round(-hit.Rank, 4));
                w.WriteString("text", c.Text);
                w.WriteString("speaker", c.Speaker);
                w.WriteString("channel", c.Channel);
                w.WriteString("reporting_outlet", c.ReportingOutlet);
                w.WriteStartObject("document");
                w.WriteNumber("id", hit.Document.Id);
                w.WriteString("source", hit.Document.Source);
                w.WriteString("title", hit.Document.Title);
                w.WriteString("outlet", hit.Document.Outlet);
                w.WriteString("date", hit.Document.Date);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
