using System.Text.Json;

namespace SourceCheck.Claims;

/// <summary>The one JSON shape of a claim, shared by every command and report that writes claims.</summary>
internal static class ClaimJson
{
    /// <summary>Writes the claim's fields (id, offsets, text, quote, attribution, figures) into the current object.</summary>
    public static void WriteFields(Utf8JsonWriter w, Claim c)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(c);
        w.WriteString("id", c.Id);
        w.WriteNumber("start", c.Span.Start);
        w.WriteNumber("end", c.Span.End);
        w.WriteString("text", c.Text);
        w.WriteString("language", c.Language);
        w.WriteString("quote", c.Quote.ToString().ToLowerInvariant());
        w.WriteString("quoted_words", c.QuotedWords);
        w.WriteString("speaker", c.Speaker);
        w.WriteString("speaker_mention", c.SpeakerMention);
        w.WriteString("channel", c.Channel);
        w.WriteString("reporting_outlet", c.ReportingOutlet);
        w.WriteStartArray("figures");
        foreach (var f in c.Figures)
        {
            w.WriteStartObject();
            w.WriteString("text", f.Text);
            w.WriteNumber("value", f.Value);
            if (f.ValueMax is { } max)
            {
                w.WriteNumber("value_max", max);
            }
            else
            {
                w.WriteNull("value_max");
            }

            w.WriteString("unit", f.Unit);
            w.WriteNumber("start", f.Span.Start);
            w.WriteNumber("end", f.Span.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes one link as an object: <c>a</c> and <c>b</c> (file, claim id, start, end, text, speaker),
    /// type, score and evidence. <paramref name="fileOf"/> names the file a claim's document came from.</summary>
    public static void WriteLink(Utf8JsonWriter w, ClaimLink link, Func<Claim, string> fileOf)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(fileOf);
        w.WriteStartObject();
        WriteEnd(w, "a", link.A, fileOf);
        WriteEnd(w, "b", link.B, fileOf);
        w.WriteString("type", link.Type.ToName());
        w.WriteNumber("score", Math.Round(link.Score, 4));
        w.WriteStartArray("evidence");
        foreach (string e in link.Evidence)
        {
            w.WriteStringValue(e);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEnd(Utf8JsonWriter w, string name, Claim c, Func<Claim, string> fileOf)
    {
        w.WriteStartObject(name);
        w.WriteString("file", fileOf(c));
        w.WriteString("claim", c.Id);
        w.WriteNumber("start", c.Span.Start);
        w.WriteNumber("end", c.Span.End);
        w.WriteString("text", c.Text);
        w.WriteString("speaker", c.Speaker);
        w.WriteEndObject();
    }
}
