using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Aspire.Hosting.Testing;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Api;

/// <summary>The API is reachable on loopback only, unless configured otherwise.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class ApiExposureTests(LocalAppFixture fixture)
{
    [Fact]
    public async Task The_api_listens_on_loopback_and_not_on_the_machines_other_addresses()
    {
        var endpoint = fixture.App.GetEndpoint("api", "http");
        Assert.Contains(endpoint.Host, new[] { "localhost", "127.0.0.1", "[::1]" });

        var external = NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToList();
        Assert.SkipWhen(external.Count == 0, "this machine has no non-loopback IPv4 address to probe");

        foreach (var address in external)
        {
            using var client = new TcpClient();
            var error = await Record.ExceptionAsync(() => client.ConnectAsync(address, endpoint.Port, TestContext.Current.CancellationToken).AsTask());
            Assert.IsType<SocketException>(error, exactMatch: false);
        }
    }
}
