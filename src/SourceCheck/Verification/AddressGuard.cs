using System.Net;
using System.Net.Sockets;

namespace SourceCheck.Verification;

/// <summary>Decides which addresses a fetch may connect to. By default it refuses every private, loopback,
/// link-local, unique-local, multicast, unspecified, shared (CGNAT), documentation/benchmark and reserved
/// address, also when written as an IPv4-mapped or NAT64 IPv6 address. The check is made on the address
/// actually connected to (after DNS resolution) and again for every redirect hop.
/// <para><see cref="AllowPrivate"/> lifts the restriction (the user's <c>--allow-private</c>).
/// <see cref="AllowedOrigins"/> lets exactly named origins through ("127.0.0.1:5123" as written in the URL):
/// tests use it to treat a local server as the public origin while any other local address — including
/// "localhost" or "127.0.0.2" — is still refused.</para></summary>
public sealed class AddressGuard
{
    private readonly HashSet<string> _origins;

    public AddressGuard(bool allowPrivate = false, IEnumerable<string>? allowedOrigins = null)
    {
        AllowPrivate = allowPrivate;
        _origins = new HashSet<string>(allowedOrigins ?? [], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Refuses all non-public addresses.</summary>
    public static AddressGuard Default { get; } = new();

    public bool AllowPrivate { get; }

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

    /// <summary>Whether an address is not a public unicast address, with the kind of range it is in.</summary>
    public static bool IsNonPublic(IPAddress address, out string kind)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            bool r = IsNonPublic(address.MapToIPv4(), out kind);
            kind = r ? "IPv4-mapped " + kind : kind;
            return r;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            byte[] b = address.GetAddressBytes();
            kind = (b[0], b[1], b[2]) switch
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
                (198, 18 or 19, _) => "benchmarking",
                (198, 51, 100) => "documentation",
                (203, 0, 113) => "documentation",
                ( >= 224 and <= 239, _, _) => "multicast",
                ( >= 240, _, _) => "reserved/broadcast",
                _ => string.Empty,
            };
            return kind.Length > 0;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            byte[] b = address.GetAddressBytes();
            if (address.Equals(IPAddress.IPv6Any))
            {
                kind = "unspecified";
                return true;
            }

            if (address.Equals(IPAddress.IPv6Loopback))
            {
                kind = "loopback";
                return true;
            }

            if (b.Take(12).All(x => x == 0))
            {
                kind = "IPv4-compatible (deprecated)";
                return true;
            }

            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0))
            {
                var v4 = new IPAddress(b.AsSpan(12, 4));
                bool r = IsNonPublic(v4, out kind);
                kind = r ? "NAT64 " + kind : kind;
                return r;
            }

            if (address.IsIPv6LinkLocal || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80))
            {
                kind = "link-local";
                return true;
            }

            if (address.IsIPv6SiteLocal)
            {
                kind = "site-local";
                return true;
            }

            if ((b[0] & 0xfe) == 0xfc)
            {
                kind = "unique-local";
                return true;
            }

            if (b[0] == 0xff)
            {
                kind = "multicast";
                return true;
            }

            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
            {
                kind = "documentation";
                return true;
            }

            kind = string.Empty;
            return false;
        }

        kind = "unknown address family";
        return true;
    }
}

/// <summary>Raised inside the connect callback when the guard refuses an address.</summary>
public sealed class AddressRefusedException(string message) : IOException(message);
