using System.Text;

namespace SourceCheck.Text;

/// <summary>Text written as UTF-8 into a <see cref="MemoryStream"/> (JSON writers) turned into a string without the
/// intermediate copies of <c>GetString(stream.ToArray()) + "\n"</c> (a copy of the bytes and a copy of the string:
/// for a report of a 16 MB article, hundreds of megabytes at the peak).</summary>
internal static class Utf8Output
{
    /// <summary>The stream's bytes as a string, with a final newline when <paramref name="finalNewline"/>.</summary>
    public static string ToText(MemoryStream stream, bool finalNewline = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (finalNewline)
        {
            stream.WriteByte((byte)'\n');
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, checked((int)stream.Length));
    }
}
