using System.Net;
using Timeline.Core.Importing;

namespace Timeline.Tests.Importing;

/// <summary>A server-side fetch connects to public unicast addresses only; IPv6 forms that carry an IPv4 address are
/// judged by the address they carry.</summary>
public sealed class PublicAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")] // loopback
    [InlineData("127.1.2.3")]
    [InlineData("10.0.0.1")] // private
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // link-local: the cloud metadata service
    [InlineData("100.64.0.1")] // shared (carrier-grade NAT)
    [InlineData("0.0.0.0")] // "this network"
    [InlineData("224.0.0.1")] // multicast
    [InlineData("255.255.255.255")] // broadcast
    [InlineData("240.0.0.1")] // reserved
    [InlineData("192.0.2.1")] // documentation
    [InlineData("198.18.0.1")] // benchmarking
    [InlineData("::1")] // loopback
    [InlineData("::")] // unspecified
    [InlineData("fe80::1")] // link-local
    [InlineData("fc00::1")] // unique local
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")] // multicast
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::7f00:1")] // NAT64 of 127.0.0.1
    [InlineData("2002:7f00:1::1")] // 6to4 of 127.0.0.1
    [InlineData("2001:db8::1")] // documentation
    public void Refuses_addresses_that_are_not_public(string address)
    {
        Assert.False(PublicAddresses.IsPublic(IPAddress.Parse(address)), $"{address} was taken for a public address");
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")] // just past 172.16.0.0/12
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")] // IPv4-mapped public address
    [InlineData("2a00:1450:4001:81c::200e")]
    [InlineData("64:ff9b::808:808")] // NAT64 of 8.8.8.8
    [InlineData("2002:808:808::1")] // 6to4 of 8.8.8.8
    public void Accepts_public_addresses(string address)
    {
        Assert.True(PublicAddresses.IsPublic(IPAddress.Parse(address)), $"{address} was refused");
    }
}
