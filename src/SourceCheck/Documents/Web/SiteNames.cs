namespace SourceCheck.Documents.Web;

/// <summary>A small table of outlet names for hosts whose pages often carry no site name in their metadata.
/// Used only as the last fallback; any other host is shown as its domain name.</summary>
internal static class SiteNames
{
    private static readonly Dictionary<string, string> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nytimes.com"] = "The New York Times",
        ["washingtonpost.com"] = "The Washington Post",
        ["theguardian.com"] = "The Guardian",
        ["bbc.co.uk"] = "BBC",
        ["bbc.com"] = "BBC",
        ["spiegel.de"] = "DER SPIEGEL",
        ["zeit.de"] = "ZEIT ONLINE",
        ["faz.net"] = "Frankfurter Allgemeine Zeitung",
        ["sueddeutsche.de"] = "Süddeutsche Zeitung",
        ["tagesschau.de"] = "tagesschau.de",
        ["reuters.com"] = "Reuters",
        ["apnews.com"] = "AP News",
        ["cnn.com"] = "CNN",
        ["nbcnews.com"] = "NBC News",
        ["wikipedia.org"] = "Wikipedia",
    };

    /// <summary>The outlet name for a host (without "www."), also for its subdomains; null when unknown.</summary>
    public static string? ForHost(string host)
    {
        string h = host.ToLowerInvariant();
        while (true)
        {
            if (Table.TryGetValue(h, out var name))
            {
                return name;
            }

            int dot = h.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || h.IndexOf('.', dot + 1) < 0)
            {
                return null;
            }

            h = h[(dot + 1)..];
        }
    }
}
