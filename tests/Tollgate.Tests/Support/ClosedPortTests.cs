using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tollgate.Tests.Support;

public sealed class ClosedPortTests
{
    [Fact]
    public async Task Refuses_connections_and_is_outside_the_range_test_servers_are_given()
    {
        using var client = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, ClosedPort.Number));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.True(ClosedPort.Number < int.Parse(range[0], CultureInfo.InvariantCulture));
        Assert.True(FreePort.Next() >= int.Parse(range[0], CultureInfo.InvariantCulture));
    }
}
