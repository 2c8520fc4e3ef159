using System.Text.Encodings.Web;
using System.Text.Json;

namespace SourceCheck.Text;

/// <summary>The writer options of every versioned JSON format SourceCheck writes (check, claims, compare, trace,
/// search): indented, "\n" line ends, non-ASCII letters and quotation marks kept as they are.</summary>
internal static class JsonText
{
    /// <summary>Indented, "\n" new lines, relaxed escaping.</summary>
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Runs <paramref name="write"/> on a writer with <see cref="Options"/> and returns what it wrote as
    /// text with a final newline.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            write(w);
        }

        return Utf8Output.ToText(stream);
    }
}
