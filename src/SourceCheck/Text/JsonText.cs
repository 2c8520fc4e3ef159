using System.Text.Encodings.Web;
using System.Text.Json;

namespace SourceCheck.Text;

/// <summary>The writer options of every versioned JSON format SourceCheck writes (check, claims, compare, trace,
/// search): indented, "\n" line ends, non-ASCII letters and quotation marks kept as they are.</summary>
public static class JsonText
{
    /// <summary>Indented, "\n" new lines, relaxed escaping.</summary>
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };
}
