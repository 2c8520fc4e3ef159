using System.Text.Json;

namespace SourceCheck.Cli.Infrastructure;

/// <summary>Small helpers shared by the commands' JSON writers.</summary>
internal static class CliJson
{
    /// <summary>Writes <paramref name="value"/> as a string property, or JSON null when it is null.</summary>
    public static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
