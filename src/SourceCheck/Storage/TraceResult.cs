using System.Collections.Immutable;
using SourceCheck.Claims;

namespace SourceCheck.Storage;

/// <summary>A link from a traced claim to another traced claim.</summary>
public sealed record TraceLink(long LinkId, long OtherClaimId, LinkType Type, double Score, ReviewStatus Status);

/// <summary>A stored claim found by <see cref="IClaimStore.Trace"/>: by its words (<see cref="Coverage"/> = share of
/// the salient terms it contains) or through stored links (<see cref="Depth"/> = number of link hops from a text match).</summary>
public sealed record TraceClaim(StoredClaim Claim, StoredDocument Document, int Depth, double? Coverage, ImmutableArray<TraceLink> Links)
{
    /// <summary>True when the claim was found by its words, false when only through links.</summary>
    public bool MatchedByText => Coverage is not null;
}

/// <summary>One outlet in a chain: a stored document (with its claims that say it), or an outlet that stored
/// documents credit ("wie „Zeit“ berichtet") but that is not itself stored (<see cref="Document"/> null).</summary>
public sealed record TraceOutlet(string Outlet, StoredDocument? Document, ImmutableArray<TraceClaim> Claims, ImmutableArray<string> Credits, ImmutableArray<string> CreditedBy)
{
    /// <summary>The stored document's date (ISO 8601 text), or null for an outlet only credited.</summary>
    public string? Date => Document?.Date;
}

/// <summary>The outlets that carry a claim said through one channel, in order: the first outlet, then later outlets by date.</summary>
public sealed record TraceChannel(string? Channel, ImmutableArray<TraceOutlet> Outlets);

/// <summary>What one speaker's claim went through: one entry per channel.</summary>
/// <param name="Speaker">The speaker as stored, or null when the claims name none.</param>
/// <param name="Channels">The channels, each with its outlets in order.</param>
public sealed record TraceSpeaker(string? Speaker, ImmutableArray<TraceChannel> Channels);

/// <summary>"Who said this first, and who repeated it": every matching stored claim, grouped speaker → channel → outlets.</summary>
public sealed record TraceResult(string Query, long? SeedClaimId, ImmutableArray<SearchTerm> Terms, ImmutableArray<TraceClaim> Claims, ImmutableArray<TraceSpeaker> Speakers)
{
    /// <summary>True when no stored claim matched.</summary>
    public bool IsEmpty => Claims.IsEmpty;

    /// <summary>What a trace starts from (both backends): a stored claim id ("42", "#42"), the id <c>check</c> and <c>claims</c>
    /// print ("article.txt-c3": the most recently stored claim with it), else the text itself.</summary>
    internal static (long? SeedClaim, string Text) ResolveInput(string input, Func<long, StoredClaim?> getClaim, Func<string, StoredClaim?> byReportId)
    {
        if (long.TryParse(input.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id)
            && getClaim(id) is { } claim)
        {
            return (id, claim.Claim.Text);
        }

        return !input.Contains(' ', StringComparison.Ordinal) && byReportId(input) is { } reported ? (reported.Id, reported.Claim.Text) : (null, input);
    }

    /// <summary>The result from the found rows (in date order) and the links among them (both backends).</summary>
    internal static TraceResult Build(string input, long? seedClaim, IReadOnlyList<SearchTerm> terms,
        IReadOnlyList<(StoredClaim Claim, StoredDocument Document, int Depth, double? Coverage)> rows, IReadOnlyList<StoredLink> links)
    {
        var traced = rows.Select(x => new TraceClaim(x.Claim, x.Document, x.Depth, x.Coverage,
            [.. links.Where(l => l.ClaimA == x.Claim.Id || l.ClaimB == x.Claim.Id)
                .Select(l => new TraceLink(l.Id, l.Other(x.Claim.Id), l.EffectiveType, l.Score, l.Status))])).ToList();
        return new TraceResult(input, seedClaim, [.. terms], [.. traced], Group(traced));
    }

    /// <summary>Groups claims (already ordered by document date, then ingest order) into speaker → channel → outlet chains.</summary>
    public static ImmutableArray<TraceSpeaker> Group(IReadOnlyList<TraceClaim> claims)
    {
        var speakers = new List<TraceSpeaker>();
        foreach (var bySpeaker in claims.GroupBy(c => Key(c.Claim.Claim.Speaker)))
        {
            string? speakerName = bySpeaker.Select(c => c.Claim.Claim.Speaker).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
            var channels = new List<TraceChannel>();
            foreach (var byChannel in bySpeaker.GroupBy(c => Key(c.Claim.Claim.Channel)))
            {
                string? channelName = byChannel.Select(c => c.Claim.Claim.Channel).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
                channels.Add(new TraceChannel(channelName, Outlets(byChannel.ToList())));
            }

            speakers.Add(new TraceSpeaker(speakerName, [.. channels]));
        }

        // Named speakers first (in order of their earliest claim), the unnamed group last.
        return [.. speakers.OrderBy(s => s.Speaker is null ? 1 : 0)];
    }

    private static ImmutableArray<TraceOutlet> Outlets(List<TraceClaim> claims)
    {
        var stored = new List<TraceOutlet>();
        foreach (var byDocument in claims.GroupBy(c => c.Document.Id))
        {
            var document = byDocument.First().Document;
            var credits = byDocument.Select(c => c.Claim.Claim.ReportingOutlet).Where(o => !string.IsNullOrWhiteSpace(o))
                .Select(o => o!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
            stored.Add(new TraceOutlet(document.DisplayName, document, [.. byDocument], credits, []));
        }

        // Outlets that documents credit but that are not stored come first: the later ones repeat them.
        var storedNames = stored.Select(o => Key(o.Outlet)).ToHashSet(StringComparer.Ordinal);
        var credited = new List<TraceOutlet>();
        foreach (var outlet in stored)
        {
            foreach (string credit in outlet.Credits)
            {
                if (storedNames.Contains(Key(credit)))
                {
                    continue;
                }

                int existing = credited.FindIndex(c => Key(c.Outlet) == Key(credit));
                if (existing < 0)
                {
                    credited.Add(new TraceOutlet(credit, null, [], [], [outlet.Outlet]));
                }
                else if (!credited[existing].CreditedBy.Contains(outlet.Outlet))
                {
                    credited[existing] = credited[existing] with { CreditedBy = credited[existing].CreditedBy.Add(outlet.Outlet) };
                }
            }
        }

        return [.. credited, .. stored];
    }

    private static string Key(string? name) => name is null ? string.Empty : string.Join(' ', SearchTerms.Tokens(name));
}
