using System.Net;
using System.Net.Sockets;

namespace Timeline.Core.Importing;

/// <summary>
/// Which IP addresses a server-side fetch may connect to: public unicast only. Refused: loopback, private
/// (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), link-local (169.254/16, fe80::/10), multicast,
/// "this network" (0/8, the reserved ::/8), local-use NAT64 (64:ff9b:1::/48), documentation, benchmarking and reserved ranges (240/4, broadcast), and IPv6 forms
/// that carry an IPv4 address (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16, IPv4-compatible),
/// judged by the IPv4 address they carry.
/// </summary>
public static class PublicAddresses
{
    private static readonly (IPAddress Network, int Bits)[] RefusedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8), (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8), (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24), (IPAddress.Parse("192.0.2.0"), 24), (IPAddress.Parse("192.88.99.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16), (IPAddress.Parse("198.18.0.0"), 15), (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24), (IPAddress.Parse("224.0.0.0"), 4), (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int Bits)[] RefusedV6 =
    [
        (IPAddress.Parse("::"), 8), (IPAddress.Parse("64:ff9b:1::"), 48), (IPAddress.Parse("100::"), 64), (IPAddress.Parse("2001:db8::"), 32),
        (IPAddress.Parse("2001::"), 23), (IPAddress.Parse("fc00::"), 7), (IPAddress.Parse("fe80::"), 10), (IPAddress.Parse("fec0::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(address) is { } v4)
            return IsPublic(v4);
        var ranges = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => RefusedV4,
            AddressFamily.InterNetworkV6 => RefusedV6,
            _ => null,
        };
        return ranges is not null && !ranges.Any(r => InRange(address, r.Network, r.Bits));
    }

    /// <summary>The IPv4 address an IPv6 address stands for, if it is one of the forms that carry one.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (InRange(address, IPAddress.Parse("64:ff9b::"), 96) || (bytes[..12].All(b => b == 0) && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0)))
            return new IPAddress(bytes[12..16]); // NAT64, or the deprecated IPv4-compatible ::a.b.c.d
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
            return new IPAddress(bytes[2..6]); // 6to4
        return null;
    }

    private static bool InRange(IPAddress address, IPAddress network, int bits)
    {
        if (address.AddressFamily != network.AddressFamily)
            return false;
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((a[i] & mask) != (n[i] & mask))
                return false;
        }
        return true;
    }
}
