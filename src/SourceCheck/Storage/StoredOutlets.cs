namespace SourceCheck.Storage;

/// <summary>What <see cref="IClaimStore.ListOutletAddresses"/> means, written once in C#: the default for stores
/// without the query, and the reference the backends' SQL is tested against.</summary>
internal static class StoredOutlets
{
    /// <summary>Longest outlet name kept (the outlet table takes no longer names).</summary>
    public const int MaxOutletLength = 80;

    /// <summary>The distinct (outlet, <c>http://host</c>) pairs of <paramref name="documents"/>, in order of first appearance.</summary>
    public static IReadOnlyList<(string Outlet, string Address)> Distinct(IEnumerable<StoredDocument> documents)
    {
        var seen = new HashSet<(string, string)>();
        var pairs = new List<(string Outlet, string Address)>();
        foreach (var d in documents)
        {
            if (d.Outlet is { Length: > 0 and <= MaxOutletLength } outlet && Host(d.Source) is { Length: > 0 } host
                && seen.Add((outlet, host)))
            {
                pairs.Add((outlet, "http://" + host));
            }
        }

        return pairs;
    }

    /// <summary>The host part of an http(s) address as the SQL takes it: after <c>://</c>, up to the first
    /// <c>/</c>, <c>?</c> or <c>#</c>, lower case; null for any other address.</summary>
    public static string? Host(string source)
    {
        int start = source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8 : -1;
        if (start < 0)
        {
            return null;
        }

        int end = source.AsSpan(start).IndexOfAny('/', '?', '#');
        return source.Substring(start, end < 0 ? source.Length - start : end).ToLowerInvariant();
    }
}
