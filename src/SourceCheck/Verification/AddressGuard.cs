using System.Net;
using System.Net.Sockets;

namespace SourceCheck.Verification;

/// <summary>Decides which addresses a fetch may connect to. By default it refuses every private, loopback,
/// link-local, unique-local, multicast, unspecified, shared (CGNAT), documentation/benchmark and reserved
/// address (the IANA special-purpose registries of both families), also when embedded in an IPv6 address
/// (IPv4-mapped, SIIT, NAT64, 6to4, Teredo). The check is made on the address
/// actually connected to (after DNS resolution) and again for every redirect hop.
/// <para><see cref="AllowPrivate"/> lifts the restriction (the user's <c>--allow-private</c>).
/// <see cref="AllowedOrigins"/> lets exactly named origins through ("127.0.0.1:5123" as written in the URL):
/// tests use it to treat a local server as the public origin while any other local address — including
/// "localhost" or "127.0.0.2" — is still refused.</para></summary>
public sealed class AddressGuard
{
    private readonly HashSet<string> _origins;

    /// <summary>A guard that refuses private, loopback and link-local addresses unless <paramref name="allowPrivate"/>;
    /// <paramref name="allowedOrigins"/> (host:port as written in the URL, "127.0.0.1:5123") are let through even so.</summary>
    public AddressGuard(bool allowPrivate = false, IEnumerable<string>? allowedOrigins = null)
    {
        AllowPrivate = allowPrivate;
        _origins = new HashSet<string>(allowedOrigins ?? [], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Refuses all non-public addresses.</summary>
    public static AddressGuard Default { get; } = new();

    /// <summary>True when private addresses are allowed.</summary>
    public bool AllowPrivate { get; }

    /// <summary>Origins let through even when private.</summary>
    public IReadOnlyCollection<string> AllowedOrigins => _origins;

    /// <summary>Whether a connection to <paramref name="address"/> for a URL naming <paramref name="host"/>:<paramref name="port"/>
    /// is allowed; <paramref name="reason"/> says why not.</summary>
    public bool IsAllowed(string host, int port, IPAddress address, out string reason)
    {
        reason = string.Empty;
        if (AllowPrivate)
        {
            return true;
        }

        string h = host.Trim('[', ']');
        if (_origins.Contains($"{h}:{port}") || _origins.Contains($"[{h}]:{port}"))
        {
            return true;
        }

        if (IsNonPublic(address, out string kind))
        {
            reason = $"{host} resolves to {address} ({kind}); refused without --allow-private";
            return false;
        }

        return true;
    }

    /// <summary>Whether an address is not a public unicast address, with the kind of range it is in. Follows the
    /// IANA IPv4 and IPv6 special-purpose address registries (every range that is not globally reachable is refused)
    /// and decodes every IPv6 form that embeds an IPv4 address (IPv4-mapped, SIIT, NAT64 well-known prefix, 6to4,
    /// Teredo server and client), refusing it when the embedded address is refused. IPv6 outside 2000::/3 (global
    /// unicast) is refused unless it is such an embedding.</summary>
    public static bool IsNonPublic(IPAddress address, out string kind)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> v4 = stackalloc byte[4];
            address.TryWriteBytes(v4, out _);
            kind = V4Kind(v4);
            return kind.Length > 0;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            kind = V6Kind(b);
            return kind.Length > 0;
        }

        kind = "unknown address family";
        return true;
    }

    private static string V4Kind(ReadOnlySpan<byte> b) => (b[0], b[1], b[2]) switch
    {
        (0, _, _) => "unspecified/this network",
        (10, _, _) => "private",
        (100, >= 64 and <= 127, _) => "shared address space (CGNAT)",
        (127, _, _) => "loopback",
        (169, 254, _) => "link-local",
        (172, >= 16 and <= 31, _) => "private",
        (192, 168, _) => "private",
        (192, 0, 0) => "IETF protocol assignments",
        (192, 0, 2) => "documentation",
        (192, 88, 99) => "6to4 relay anycast (deprecated)",
        (198, 18 or 19, _) => "benchmarking",
        (198, 51, 100) => "documentation",
        (203, 0, 113) => "documentation",
        ( >= 224 and <= 239, _, _) => "multicast",
        ( >= 240, _, _) => "reserved/broadcast",
        _ => string.Empty,
    };

    private static string Embedded(string form, ReadOnlySpan<byte> v4)
    {
        string inner = V4Kind(v4);
        return inner.Length > 0 ? $"{form} of {inner} {v4[0]}.{v4[1]}.{v4[2]}.{v4[3]}" : string.Empty;
    }

    private static string V6Kind(ReadOnlySpan<byte> b)
    {
        bool zero0to7 = b[..8].IndexOfAnyExcept((byte)0) < 0;
        // ::ffff:a.b.c.d (IPv4-mapped) and ::ffff:0:a.b.c.d (SIIT, RFC 6052/7915).
        if (zero0to7 && b[8] == 0 && b[9] == 0 && b[10] == 0xff && b[11] == 0xff)
        {
            return Embedded("IPv4-mapped", b[12..]);
        }

        if (zero0to7 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
        {
            return Embedded("SIIT-translated", b[12..]);
        }

        // 64:ff9b::/96: the NAT64 well-known prefix (globally reachable when the embedded address is).
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return Embedded("NAT64", b[12..]);
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1)
        {
            return "local-use NAT64 (64:ff9b:1::/48)";
        }

        if (b.IndexOfAnyExcept((byte)0) < 0)
        {
            return "unspecified";
        }

        if (b[..15].IndexOfAnyExcept((byte)0) < 0 && b[15] == 1)
        {
            return "loopback";
        }

        if (b[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return "IPv4-compatible (deprecated)";
        }

        if ((b[0] & 0xe0) != 0x20)
        {
            return (b[0], b[1] & 0xc0) switch
            {
                (0xfe, 0x80) => "link-local",
                (0xfe, 0xc0) => "site-local",
                (0xfc or 0xfd, _) => "unique-local",
                (0xff, _) => "multicast",
                (0x01, _) when b[1] == 0 && b[2..8].IndexOfAnyExcept((byte)0) < 0 => "discard-only (100::/64)",
                _ => "reserved (not global unicast 2000::/3)",
            };
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return Embedded("6to4", b[2..6]);
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
        {
            // Teredo: server IPv4 in bits 32-63, client IPv4 inverted in bits 96-127.
            Span<byte> client = stackalloc byte[4];
            for (int i = 0; i < 4; i++)
            {
                client[i] = (byte)~b[12 + i];
            }

            string server = Embedded("Teredo server", b[4..8]);
            return server.Length > 0 ? server : Embedded("Teredo client", client);
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
        {
            return "documentation (2001:db8::/32)";
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] < 0x02)
        {
            // 2001::/23, IETF protocol assignments: only a few entries are globally reachable.
            bool global = (b[2] == 0 && b[3] == 3)                                       // 2001:3::/32 AMT
                || (b[2] == 0 && b[3] == 4 && b[4] == 0x01 && b[5] == 0x12)                // 2001:4:112::/48 AS112-v6
                || (b[2] == 0 && b[3] == 1 && b[4..15].IndexOfAnyExcept((byte)0) < 0 && b[15] is 1 or 2 or 3); // 2001:1::1-3
            if (global)
            {
                return string.Empty;
            }

            return (b[2], b[3] & 0xf0) switch
            {
                (0, 0x10) => "ORCHID (deprecated, 2001:10::/28)",
                (0, 0x20) => "ORCHIDv2 (2001:20::/28)",
                (0, _) when b[3] == 2 && b[4] == 0 && b[5] == 0 => "benchmarking (2001:2::/48)",
                _ => "IETF protocol assignments (2001::/23)",
            };
        }

        if (b[0] == 0x3f && b[1] == 0xff && (b[2] & 0xf0) == 0)
        {
            return "documentation (3fff::/20)";
        }

        if (b[0] == 0x5f && b[1] == 0x00)
        {
            return "segment routing SIDs (5f00::/16)";
        }

        return string.Empty;
    }
}

/// <summary>Raised inside the connect callback when the guard refuses an address.</summary>
internal sealed class AddressRefusedException(string message) : IOException(message);
